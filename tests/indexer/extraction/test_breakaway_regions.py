"""Breakaway and autonomous regions by their English names (issue 18, LGL
round 4): ISO 3166-2 keeps the local form (``Chechenskaya Respublika``,
``Xizang Zizhiqu``) or lists nothing (South Ossetia, Transnistria); and such
a name after ``in``/``and`` before a speech verb is the region, not a
person (``a peacekeeper in South Ossetia told``)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement
from tests.indexer.places import extracted_locations


@pytest.mark.parametrize(
    ("text", "expected", "country"),
    [
        ("Tensions have escalated in breakaway South Ossetia after violence.", "South Ossetia", "Georgia"),
        ("Militants crossed from Chechnya into Dagestan.", "Chechnya", "Russia"),
        ("Uyghurs are detained in Xinjiang.", "Xinjiang", "China"),
        ("Russian troops remain in Transnistria.", "Transnistria", "Moldova"),
        ("A Russian peacekeeper in South Ossetia told reporters.", "South Ossetia", "Georgia"),
    ],
)
def test_region_is_found_with_its_country(gaz: Gazetteer, text: str, expected: str, country: str) -> None:
    places = extracted_locations(gaz, text)
    assert expected in places and country in places


def test_region_before_a_speech_verb_is_no_person(gaz: Gazetteer) -> None:
    record = extract(Statement("x", "", "A Russian peacekeeper in South Ossetia told reporters.", "p"), gaz)
    assert "South Ossetia" not in record.actors
