"""A single name the text shows as a person (before ``said``, after a
title, before an age) is that person wherever it stands alone, not a small
town of that name (issue 18, LGL false positives: Dyer, McDonald, Welch)."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import located


@pytest.mark.parametrize(("text", "person"), [
    ("In Huntsville, Texas, it was a good year for Dyer. \"I had a great time,\" Dyer said.", "Dyer"),
    ("In Gainesville, Florida, deputies chatted with McDonald, 24, of Archer. McDonald was charged.",
     "McDonald"),
    ("In Charleston, South Carolina, Mr. Welch thanked the crowd, and Welch left by car.", "Welch"),
])
def test_a_person_alone_is_no_town(gaz: Gazetteer, text: str, person: str) -> None:
    assert person not in located(gaz, text)


@pytest.mark.parametrize(("text", "place"), [
    ("In Gainesville, Florida, deputies chatted with McDonald, 24, of Archer. McDonald was charged.",
     "Archer"),
    ("A spokesman for the city of Sevierville said a man drowned in Sevierville.", "Sevierville"),
    ("Masses were held in St. Paul and St. Cloud on Sunday.", "Paul"),
])
def test_places_around_people_stay(gaz: Gazetteer, text: str, place: str) -> None:
    assert any(place in surface for surface in located(gaz, text))


def _names(gaz: Gazetteer, text: str) -> tuple[list[str], list[str]]:
    actors, places = gaz.find_names(text)
    return [a[0] for a in actors], [p[0] for p in places]


def test_a_first_name_and_a_landform_surname_with_a_cue_is_a_person(gaz: Gazetteer) -> None:
    """"Anthony Lake said": a person, no lake; a lake of the text stays one."""
    actors, places = _names(gaz, "Former national security adviser Anthony Lake said the talks failed. "
                                 "Tourists swam in Crystal Lake on Sunday.")
    assert "Anthony Lake" in actors
    assert "Anthony Lake" not in places and "Crystal Lake" in places


def test_a_given_name_and_a_surname_opening_a_name_are_no_town(gaz: Gazetteer) -> None:
    """"George Khouri Square": George is a given name there, not the town of George."""
    _, places = _names(gaz, "Protesters gathered in George Khouri Square in Beirut. "
                            "Funding for the Charles Webb Center in Charleston ends.")
    assert "George" not in places and "Beirut" in places


def test_a_surname_after_a_middle_initial_is_no_town(gaz: Gazetteer) -> None:
    text = ("In North Las Vegas, Nevada, the police shooting of Tyrise M. Bell was justified. "
            "The officer chased Bell. Bell ran.")
    assert not any("Bell" in surface for surface in located(gaz, text))


def test_a_holiday_is_no_town(gaz: Gazetteer) -> None:
    assert "Christmas" not in located(gaz, "In DeKalb, Illinois, people spent a lot of money at Christmas.")
