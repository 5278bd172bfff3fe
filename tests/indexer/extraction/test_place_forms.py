"""Known places in particular forms (issue 18, places 4): a possessive inside
a place's own name, ``the capital X`` after a locative, ``mainland X``."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessive_inside_a_world_name(gaz: Gazetteer, apostrophe: str) -> None:
    text = f"The displaced persons now in Cox{apostrophe}s Bazar had been residents in Rakhine."
    assert "Cox's Bazar" in extracted_locations(gaz, text)


def test_possessive_still_ends_a_name_the_world_lacks(gaz: Gazetteer) -> None:
    # "Aleppo's Karaj al-Hajz crossing": the possessive ends Aleppo's name
    assert "Aleppo" in extracted_locations(gaz, "Snipers fired at Aleppo's Karaj al-Hajz crossing.")


def test_the_capital_after_a_locative_is_a_place(gaz: Gazetteer) -> None:
    text = "The Chinese embassy in the capital Kinshasa said the situation in Ituri is severe."
    assert "Kinshasa" in extracted_locations(gaz, text)


def test_mainland_country_is_a_place(gaz: Gazetteer) -> None:
    text = "Critics say the law restricts freedoms that are not found on mainland China."
    assert "China" in extracted_locations(gaz, text)


@pytest.mark.parametrize("text", [
    "The Nusra Front was excluded from a February ceasefire and from the Geneva peace talks.",
    "Both sides sent delegations to the Astana talks.",
])
def test_talks_named_after_a_place_are_no_mention_of_it(gaz: Gazetteer, text: str) -> None:
    assert extracted_locations(gaz, text) == []


def test_talks_held_in_a_place_name_it(gaz: Gazetteer) -> None:
    assert "Geneva" in extracted_locations(gaz, "Delegates flew to Geneva for peace talks.")


def test_a_name_after_an_institutions_for_is_its_subject(gaz: Gazetteer) -> None:
    # "School for Basic Education": Basic is no alternate name of Henderson, Nevada here
    text = "Two shells landed on the Martyr Ayham Hamad School for Basic Education in Quneitra."
    assert "Henderson" not in extracted_locations(gaz, text)


def test_macro_regions_of_the_world_are_places(gaz: Gazetteer) -> None:
    text = "Terrorists attacked civilians in Asia, the Middle East, Africa, Europe and the Americas."
    assert "Americas" in extracted_locations(gaz, text)
    assert "Asia-Pacific" in extracted_locations(gaz, "Tensions are rising across the Asia-Pacific.")


@pytest.mark.parametrize("text", [
    "The YPG controls nearly all of the northern frontier with Turkey.",
    "Refugees gathered along the border with Turkey.",
])
def test_a_country_after_border_with_is_a_place(gaz: Gazetteer, text: str) -> None:
    assert "Turkey" in extracted_locations(gaz, text)


def test_a_place_opening_a_reports_title_is_no_mention(gaz: Gazetteer) -> None:
    text = "The final Pacific Regional Millennium Development Goals Tracking Report, published in 2015, was clear."
    assert extracted_locations(gaz, text) == []


def test_a_known_neighbourhood_of_another_city_is_the_texts_own_place(gaz: Gazetteer) -> None:
    # Kalaseh is an Aleppo neighbourhood; "al-Kallaseh in Damascus" is Damascus's own
    found = extracted_locations(gaz, "A bomb targeted a bus in the neighborhood of al-Kallaseh in Damascus.")
    assert "al-Kallaseh" in found and "Kalaseh" not in found and "Aleppo" not in found


def test_a_known_neighbourhood_in_its_own_city_stays(gaz: Gazetteer) -> None:
    assert "Kalaseh" in extracted_locations(gaz, "Shells hit the neighborhood of al-Kallaseh in Aleppo.")
