"""A body named as a building, a venue or inside a document's name does not
act (issue 18, actors 1 and 5; benchmarks/gold/CONVENTIONS.md)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def actors(gaz: Gazetteer, body: str) -> list[str]:
    return extract(Statement("x", "", body, "p"), gaz).actors


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("He was dragged out of the Ecuadorian embassy by police.", "Ecuador"),
        ("Protesters gathered outside the Russian embassy in London.", "Russia"),
        ("Hundreds of people rallied in front of the Iranian embassy on Friday.", "Iran"),
        ("The report was presented at the Human Rights Council in Geneva on Monday.",
         "UN Human Rights Council"),
    ],
)
def test_building_venue_or_document_name_is_no_actor(gaz: Gazetteer, text: str, wrong: str) -> None:
    assert wrong not in actors(gaz, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Russian embassy said the report was false.", "Russia"),
        ("The Security Council adopted resolution 2254 in 2015.", "UN Security Council"),
        ("At the Human Rights Council in Geneva, Norway called for an inquiry.", "Norway"),
        ("The Human Rights Council in Geneva adopted a resolution on Friday.", "UN Human Rights Council"),
    ],
)
def test_a_body_that_acts_stays_an_actor(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in actors(gaz, text)


def test_an_embassy_quoted_as_a_source_acts(gaz: Gazetteer) -> None:
    assert "Russia" in actors(gaz, "According to the Russian embassy, the report was false.")
