"""A dateline's dash as a cp1252 text read as Latin-1 writes it (issue 18,
round 3): ``CINCINNATI (AP) \\x97`` is a dateline like ``CINCINNATI (AP) —``."""

from __future__ import annotations

import pytest

from indexer.extraction.datelines import dateline_places


@pytest.mark.parametrize("dash", ["\x97", "\x96", "—", "--"])
def test_dateline_dash_forms(dash: str) -> None:
    text = f"Charges filed in shots at FBI agent. CINCINNATI (AP) {dash} Police say two men fled."
    assert [text[s:e] for s, e in dateline_places(text)] == ["CINCINNATI"]


def test_saint_dateline_keeps_its_abbreviation() -> None:
    """``ST. PAUL --``: the dateline's place is St. Paul, not Paul (issue 18, LGL round 6)."""
    from indexer.extraction.datelines import dateline_places

    text = "Man accused of threatening tax worker . ST. PAUL -- No matter how frustrating taxes are."
    assert [text[a:b] for a, b in dateline_places(text)] == ["ST. PAUL"]
