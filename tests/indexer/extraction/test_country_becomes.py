"""A country that turns into something, or is listed after a place, is a place
there, not an actor (issue 18 item 5, the 'other' conflicts)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def _found(gaz: Gazetteer, body: str) -> tuple[list[str], list[str]]:
    e = extract(Statement("x", "", body, "p"), gaz)
    return e.actors, e.locations


@pytest.mark.parametrize(("body", "country"), [
    ("We have to do everything to prevent Afghanistan from turning into a black hole.", "Afghanistan"),
    ("We do not want Afghanistan to turn into a safe haven for terrorism.", "Afghanistan"),
    ("We demand an end to this war. Lebanon must not become another Gaza Strip.", "Lebanon"),
    ("Experts fear that Libya could slide into chaos again.", "Libya"),
])
def test_a_country_turning_into_something_is_a_place(gaz: Gazetteer, body: str, country: str) -> None:
    actors, places = _found(gaz, body)
    assert country not in actors and country in places


def test_a_country_listed_after_a_region_after_a_locative_is_a_place(gaz: Gazetteer) -> None:
    actors, places = _found(gaz, "We have 2,500 peacekeepers in Lebanon, Darfur and the Democratic "
                                 "Republic of the Congo, and we are proud.")
    assert "DR Congo" not in actors and "DR Congo" in places


@pytest.mark.parametrize("body", [
    "Analysts said Russia became the first country to recognise the new government.",
    "Russia turned to China for help with the sanctions.",
])
def test_a_country_that_acts_stays_an_actor(gaz: Gazetteer, body: str) -> None:
    actors, _ = _found(gaz, body)
    assert "Russia" in actors
