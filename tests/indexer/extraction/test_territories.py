"""Territories ISO 3166 codes as countries but lists inside another country."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.territories import sovereign_code
from indexer.model import Statement


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("code", "sovereign"),
    [("HK", "CN"), ("MO", "CN"), ("PR", "US"), ("GU", "US"), ("AW", "NL"), ("CW", "NL"), ("BL", "FR"),
     # A country's own code, or one another country's ordinary subdivision shares
     # by chance (Guinea's prefecture Mali, GN-ML; Indiana, US-IN), is no territory.
     ("CN", None), ("ML", None), ("IN", None), ("SY", None),
     # ISO lists Taiwan as a province of China (CN-TW); its status is disputed, and
     # only the types ISO gives dependent territories count.
     ("TW", None)],
)
def test_sovereign_code(code: str, sovereign: str | None) -> None:
    assert sovereign_code(code) == sovereign


def _locations(gaz: Gazetteer, body: str) -> dict[str, list]:
    statement = Statement(id="x", title="", body=body, source="t")
    statement.extraction = extract(statement, gaz)
    return statement.to_json()["evidence"]["locations"]


def test_a_territory_lies_in_its_sovereign_country(gaz: Gazetteer) -> None:
    """Hong Kong's arrests are arrests in China: ``location:China`` finds them."""
    evidence = _locations(gaz, "Police in Hong Kong arrested three activists on Monday.")
    assert evidence["China"] == [{"inferred_from": "Hong Kong"}]
    evidence = _locations(gaz, "The storm hit San Juan, Puerto Rico, on Tuesday.")
    assert {"inferred_from": "Puerto Rico"} in evidence["United States"]


def test_taiwan_is_not_placed_in_china(gaz: Gazetteer) -> None:
    evidence = _locations(gaz, "Police in Taipei, Taiwan, arrested three activists on Monday.")
    assert "China" not in evidence
