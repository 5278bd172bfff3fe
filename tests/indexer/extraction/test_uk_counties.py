"""UK counties and London boroughs (issue 18, LGL round 6): ISO 3166-2 lists
them one level under England, Scotland and Wales, so the world table, which
took only first-level units, knew no ``Cambridgeshire`` or ``Oxfordshire``."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A scheme lets schoolchildren in Oxfordshire ask for the pill by text.", "Oxfordshire"),
        ("Awards went to young people in Cambridgeshire on Thursday.", "Cambridgeshire"),
        ("Police said the flat in Tower Hamlets was empty.", "Tower Hamlets"),
    ],
)
def test_uk_county_is_a_place_of_the_united_kingdom(gaz: Gazetteer, text: str, expected: str) -> None:
    places = extracted_locations(gaz, text)
    assert expected in places and "United Kingdom" in places


def test_county_named_like_a_town_stays_the_town(gaz: Gazetteer) -> None:
    """``Norfolk`` is also a US city: no county reading outranks it there."""
    places = extracted_locations(gaz, "The ship docked in Norfolk, Virginia, on Monday.")
    assert "United Kingdom" not in places
