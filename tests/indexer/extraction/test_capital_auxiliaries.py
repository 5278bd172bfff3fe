"""A capital before a negated auxiliary or ``is``/``was`` and a stance
gerund stands for its state (issue 18, LGL round 4: ``Washington wouldn't
formulate``, ``Washington is hoping``); after a locative it stays the city."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Israel obtained a promise that Washington wouldn't formulate its policy alone.", "United States"),
        ("It seems that Washington is hoping that the region will turn.", "United States"),
        ("Moscow was pressing for a vote.", "Russia"),
    ],
)
def test_capital_acting_is_its_state(gaz: Gazetteer, text: str, state: str) -> None:
    assert state in [m.name for m in gaz.find_actors(text)]


def test_capital_after_locative_with_copula_stays_a_place(gaz: Gazetteer) -> None:
    text = "The summit in Moscow is planning a vote."
    assert [m.name for m in gaz.find_actors(text)] == []
    assert "Moscow" in [m.name for m in gaz.find_locations(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Fire damages Paris apartment in Lamar County. Paris firefighters made quick work of the fire.",
        "Dallas media reported the message. The Paris PD said it was a rumor; Lamar County agreed.",
    ],
)
def test_town_before_its_services_is_a_place(gaz: Gazetteer, text: str) -> None:
    assert any(p.startswith("Paris") for p in extracted_locations(gaz, text))
