"""A town opening the name of an institution named after it (a university,
a newspaper, a memorial hospital, a firm) is no place mention there (issue
18, LGL round 6; the written conventions: a place inside an organisation's
name); a town's own police still places it, capitalised too."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("A Lipscomb University student spent her spring break on mission work.", "Lipscomb"),
        ("From Lansing State Journal: the board raised its rates by 7 percent.", "Lansing"),
        ("The child is taken to Kids' Place, a division of Licking Memorial Hospital.", "Licking"),
        ("She taught journalism at Columbia University for twenty years.", "Columbia"),
    ],
)
def test_town_opening_an_institution_named_after_it_is_no_place(gaz: Gazetteer, text: str, town: str) -> None:
    assert not any(p.startswith(town) for p in extracted_locations(gaz, text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("He plans to attend Ohio State University in the fall.", "Ohio"),
        ("The shelter is behind Sunset Memorial Park in South Charleston.", "South Charleston"),
    ],
)
def test_state_or_memorial_ground_still_says_where(gaz: Gazetteer, text: str, place: str) -> None:
    assert place in extracted_locations(gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        "Grand Ledge Police Chief Martin Underhill said she was not badly hurt.",
        "Chiefland Police Chief Robert Douglas said his officers were called to the street.",
    ],
)
def test_town_before_capitalised_police_is_the_town(gaz: Gazetteer, text: str) -> None:
    town = text.split(" Police")[0]
    assert town in extracted_locations(gaz, text)
