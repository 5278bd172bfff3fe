"""The UN General Assembly as a speech's venue is no actor (issue 18, round 3)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def _actors(gaz: Gazetteer, text: str) -> list[str]:
    return extract(Statement("x", "", text, "p"), gaz).actors


@pytest.mark.parametrize(
    "text",
    [
        "I congratulate you on your election to the presidency of the General Assembly at its seventieth session.",
        "I congratulate the President on presiding over the General Assembly at its seventieth session.",
        "Little progress has been made in the implementation of General Assembly resolutions.",
    ],
)
def test_venue_is_no_actor(gaz: Gazetteer, text: str) -> None:
    assert "UN General Assembly" not in _actors(gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        "The General Assembly adopted the declaration by consensus.",
        "Adoption of that declaration at this session of the General Assembly will be a milestone.",
    ],
)
def test_acting_assembly_is_an_actor(gaz: Gazetteer, text: str) -> None:
    assert "UN General Assembly" in _actors(gaz, text)
