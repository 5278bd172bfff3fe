"""Members of a list of places (issue 18, places 3): a list after a plural
kind word (``the towns of``) whose other members are known places, and
a list before ``crossings``."""

from __future__ import annotations

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement
from tests.indexer.places import extracted_locations


def extract_actors(gaz: Gazetteer, text: str) -> list:
    return extract(Statement("x", "", text, "p"), gaz).actors


def test_unknown_member_of_a_list_with_known_members(gaz: Gazetteer) -> None:
    text = "Airstrikes also targeted the nearby towns of Rastan, Talbiseh, Ter Maaleh and Zafarana in Homs."
    assert "Ter Maaleh" in extracted_locations(gaz, text)


def test_list_before_plural_crossings(gaz: Gazetteer) -> None:
    text = "The clashes in Qalamoun concentrate at Qarmoush and al-Zamrani crossings near Arsal."
    found = extracted_locations(gaz, text)
    assert "Qarmoush" in found and "al-Zamrani" in found


def test_title_and_name_before_a_place_kind_word_is_no_person(gaz: Gazetteer) -> None:
    # "Sheikh Ali crossing": a place named after a person, no actor "Ali"
    for text in ("Clashes concentrate at Sheikh Ali and al-Zamrani crossings near Arsal.",
                 "Clashes at the Sheikh Ali crossing near Arsal."):
        assert "Ali" not in [a if isinstance(a, str) else a.name for a in extract_actors(gaz, text)]


def test_generic_head_and_its_word_is_one_list_member(gaz: Gazetteer) -> None:
    text = "The clashes in Qalamoun concentrate at Sheikh Ali and al-Zamrani crossings near Arsal."
    found = extracted_locations(gaz, text)
    assert "Sheikh Ali" in found and "al-Zamrani" in found


def test_a_name_before_area_after_a_locative_is_a_place(gaz: Gazetteer) -> None:
    text = "Four people were injured by mortar shells near the Central Prison in Adra area in Rif Dimashq."
    assert "Adra" in extracted_locations(gaz, text)


def test_a_name_before_area_without_a_locative_is_left_alone(gaz: Gazetteer) -> None:
    assert "Hamad" not in extracted_locations(gaz, "Hamad area commanders met in Damascus.")
