"""``Town, State``: a country's name after a town of another country and a
comma is that country's subdivision (issue 18, round 3): ``Savannah,
Georgia`` is the US state, not the Caucasus country acting."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("He grew up in Savannah, Georgia, and moved.", "Savannah"),
        ("Atlanta, Georgia is hot in July.", "Atlanta"),
    ],
)
def test_us_state_not_country(gaz: Gazetteer, text: str, town: str) -> None:
    x = extract(Statement("x", "", text, "p"), gaz)
    assert "Georgia" not in x.actors
    # (the town's name may carry its country: a region of Ghana is also named Savannah)
    assert any(name.split(" (")[0] == town for name in x.locations) and "Georgia (United States)" in x.locations
    assert "United States" in x.locations
    assert gaz.place_info("Georgia (United States)")["kind"] == "subdivision"


def test_country_after_its_own_town_stays(gaz: Gazetteer) -> None:
    x = extract(Statement("x", "", "Tbilisi, Georgia is the capital.", "p"), gaz)
    assert "Georgia (United States)" not in x.locations
