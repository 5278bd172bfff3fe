"""A dateline's place (``DECATUR - The aldermen ...``) says where the story
is: the other mentions of that name in the text are that place too, though
their own words say nothing (issue 18, LGL round 6)."""

from __future__ import annotations

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def test_dateline_place_places_the_other_mentions(gaz: Gazetteer) -> None:
    text = "Decatur lights up downtown. DECATUR - The aldermen voted Monday, the mayor said. Decatur will pay."
    out = extract(Statement("x", "", text, "p"), gaz)
    starts = {item[1] for item in out.evidence["locations"].get("Decatur", [])}
    assert {0, text.rindex("Decatur")} <= starts
