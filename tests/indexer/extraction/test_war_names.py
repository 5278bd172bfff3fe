"""A war's name is an event, not its region (issue 18, LGL round 4: ``Gulf
War veteran`` read as the Gulf); the region alone stays a place."""

from __future__ import annotations

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import located


def test_war_name_is_no_place(gaz: Gazetteer) -> None:
    assert "Gulf" not in located(gaz, "He is a Gulf War veteran from Ohio.")


def test_region_alone_stays(gaz: Gazetteer) -> None:
    assert "Gulf" in located(gaz, "Tankers crossed the Gulf on Monday.")
