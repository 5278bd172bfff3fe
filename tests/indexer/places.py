"""What the place tests read from the gazetteer."""

from __future__ import annotations

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def located(gaz: Gazetteer, text: str) -> list[str]:
    """The surface forms of the places found in ``text``."""
    return [m.surface for m in gaz.find_locations(text)]


def extracted_locations(gaz: Gazetteer, text: str) -> list[str]:
    """The canonical places ``extract`` gives for a statement whose body is ``text``."""
    return extract(Statement("x", "", text, "p"), gaz).locations


def mentioned_places(gaz: Gazetteer, text: str) -> list[str]:
    """The canonical places ``extract`` finds mentioned in a statement whose
    body is ``text``: its places and a dateline's (evidence, no place of the
    statement where the text names it only there)."""
    return list(extract(Statement("x", "", text, "p"), gaz).evidence["locations"])
