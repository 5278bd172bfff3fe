"""Places joined by a hyphen or a dash (issue 18, round 3): a route, a border
or talks between two places names both, and one such mention never erases
the place's other mentions."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations
from tests.indexer.places import located



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He postponed the Washington-Moscow route.", ["Washington", "Moscow"]),
        ("The Paris-London train was late.", ["Paris", "London"]),
        ("The Berlin–Warsaw railway reopened.", ["Berlin", "Warsaw"]),
    ],
)
def test_pair_names_both(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert located(gaz, text) == expected


def test_pair_does_not_erase_other_mentions(gaz: Gazetteer) -> None:
    text = "Flights to Moscow are cheap. He postponed the Washington-Moscow route."
    assert "Moscow" in extracted_locations(gaz, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Refugees crossed the Sudan–Chad border at night.", {"Sudan", "Chad"}),
        ("Shelling hit the Israel-Lebanon border again.", {"Israel", "Lebanon"}),
    ],
)
def test_countries_before_a_border_are_places(gaz: Gazetteer, text: str, expected: set[str]) -> None:
    assert expected <= set(extracted_locations(gaz, text))


def test_person_surname_rule_still_holds(gaz: Gazetteer) -> None:
    """A name written as a person's (no dash) still makes its last word a surname."""
    assert "Sutton" not in located(gaz, "Ashley Sutton spoke. Later Sutton left.")


def test_place_ending_a_longer_name_keeps_its_other_mentions(gaz: Gazetteer) -> None:
    """``Rodeo Gainesville`` opens with no given name: no surname, nothing erased."""
    text = ("Police in Texas said Rodeo Gainesville opens in May. "
            "Applications are at Landmark Bank in Gainesville.")
    assert "Gainesville" in located(gaz, text)
