"""Islands and peninsulas researchers name are places (issue 18, round 3):
GeoNames' populated places lack them, ``regions.tsv`` lists them."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations



@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("Indigenous children in Mindanao were recruited, police said.", "Mindanao", "Philippines"),
        ("Floods displaced thousands in Sumatra.", "Sumatra", "Indonesia"),
        ("Migrants landed in Sicily on Sunday.", "Sicily", "Italy"),
        ("Aid finally reached Socotra.", "Socotra", "Yemen"),
    ],
)
def test_island_is_a_place_in_its_country(gaz: Gazetteer, text: str, place: str, country: str) -> None:
    found = extracted_locations(gaz, text)
    assert place in found and country in found
    assert gaz.place_info(place)["kind"] == "region"


def test_peninsula_is_a_place(gaz: Gazetteer) -> None:
    assert "Korean Peninsula" in extracted_locations(gaz, "Tensions on the Korean Peninsula rose again.")


def test_sentence_opening_word_before_on_is_no_name(gaz: Gazetteer) -> None:
    """``Fighting on Sumatra``: the sentence's first word and ``on`` make no longer name."""
    assert "Sumatra" in extracted_locations(gaz, "Fighting on Sumatra and Sulawesi went on.")
