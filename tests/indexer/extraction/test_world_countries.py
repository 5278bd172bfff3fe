"""A country read through the world table names itself as its country, as a curated one does."""

from __future__ import annotations

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def test_world_table_country_names_its_country(gaz: Gazetteer) -> None:
    # "Soviet Union Tunisia": a capitalised run, so Tunisia comes from the world table.
    body = "Fighters from the former Soviet Union Tunisia and Egypt were killed south of Deir Ezzor."
    st = Statement(id="1", title="", body=body, source="x")
    st.extraction = extract(st, gaz)
    places = st.to_json()["places"]
    assert places["Tunisia"]["kind"] == "country"
    assert places["Tunisia"]["country"] == "Tunisia"
