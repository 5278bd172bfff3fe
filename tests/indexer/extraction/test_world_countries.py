"""A country read through the world table names itself as its country, as a curated one does."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("name", ["the Republic of Macedonia", "Macedonia", "the former Yugoslav Republic of Macedonia"])
def test_macedonia_is_north_macedonia(gaz: Gazetteer, name: str) -> None:
    # The country's names before 2019 (UN speeches of the 1990s and 2000s), not Macedonia, Ohio.
    text = f"In that spirit, {name} is prepared to contribute to peace in the region."
    assert "North Macedonia" in extract(Statement("x", "", text, "p"), gaz).locations + \
        extract(Statement("x", "", text, "p"), gaz).actors
