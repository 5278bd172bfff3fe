"""A country's demonym is no place of its first words (``Papua New Guineans``
is not Papua, Indonesia)."""

from __future__ import annotations

import pytest

from indexer.extraction.country_demonyms import opens_demonym
from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.words import Words
from indexer.model import Statement


@pytest.mark.parametrize("body", [
    "Many Papua New Guineans live in rural areas, far from any clinic.",
    "Gender-based violence remains a daily danger for Papua New Guinean women.",
])
def test_a_countrys_demonym_names_no_place(gaz: Gazetteer, body: str) -> None:
    e = extract(Statement("x", "", body, "p"), gaz)
    assert "Papua" not in e.locations and "Indonesia" not in e.locations


def test_the_province_alone_is_still_a_place(gaz: Gazetteer) -> None:
    e = extract(Statement("x", "", "Soldiers were deployed to Papua after the protests in Jayapura.", "p"), gaz)
    assert "Papua" in e.locations


def test_opens_demonym_needs_the_whole_country_name() -> None:
    countries = {"papua new guinea"}.__contains__
    w = Words("Papua New Guineans and Papua News")
    assert opens_demonym(w, countries, 0, 0, 2)
    assert not opens_demonym(w, countries, 4, 4, 5)
