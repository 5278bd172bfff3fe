"""A subdivision named like a country and written with its kind word is the
subdivision (issue 18, round 3): ``Niger State`` is Nigeria's state, not the
country Niger."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


@pytest.mark.parametrize(
    "text",
    [
        "42 people were kidnapped in Niger state in north-central Nigeria.",
        "Gunmen attacked a village in Niger State on Monday.",
    ],
)
def test_state_named_like_a_country(gaz: Gazetteer, text: str) -> None:
    x = extract(Statement("x", "", text, "p"), gaz)
    assert "Niger State" in x.locations and "Niger" not in x.locations
    assert gaz.parents("Niger State") == ["Nigeria"]
    assert gaz.place_info("Niger State")["kind"] == "subdivision"


def test_country_alone_stays_the_country(gaz: Gazetteer) -> None:
    x = extract(Statement("x", "", "He travelled to Niger in May.", "p"), gaz)
    assert x.locations == ["Niger"]
