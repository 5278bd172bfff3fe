"""Members of a list of places (issue 18, places 3): a list after a plural
kind word (``the towns of``) whose other members are known places, and
a list before ``crossings``."""

from __future__ import annotations

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations


def test_unknown_member_of_a_list_with_known_members(gaz: Gazetteer) -> None:
    text = "Airstrikes also targeted the nearby towns of Rastan, Talbiseh, Ter Maaleh and Zafarana in Homs."
    assert "Ter Maaleh" in extracted_locations(gaz, text)


def test_list_before_plural_crossings(gaz: Gazetteer) -> None:
    text = "The clashes in Qalamoun concentrate at Qarmoush and al-Zamrani crossings near Arsal."
    found = extracted_locations(gaz, text)
    assert "Qarmoush" in found and "al-Zamrani" in found
