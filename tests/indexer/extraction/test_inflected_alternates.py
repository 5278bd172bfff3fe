"""A world place's alternate name that is its own name with a vowel or two
added is another language's case form (GeoNames lists ``Adena`` for Aden):
English text never names the place so (issue 18, LGL round 6)."""

from __future__ import annotations

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations


def test_inflected_alternate_is_not_the_famous_place(gaz: Gazetteer) -> None:
    places = extracted_locations(gaz, "Visitors can see what the Adena people buried in their mounds near Chillicothe, Ohio.")
    assert "Aden" not in places and "Yemen" not in places


def test_english_spelling_with_a_consonant_stays(gaz: Gazetteer) -> None:
    assert "Hama" in extracted_locations(gaz, "Fighting continued in Hamah on Sunday.")
