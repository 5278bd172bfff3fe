"""What the place tests read from the gazetteer."""

from __future__ import annotations

from indexer.extraction.gazetteer import Gazetteer


def located(gaz: Gazetteer, text: str) -> list[str]:
    """The surface forms of the places found in ``text``."""
    return [m.surface for m in gaz.find_locations(text)]
