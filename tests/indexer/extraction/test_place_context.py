"""A name that is also a given name or a word (``Paris``) is a place when the
text places it (issue 18, round 3): in a list with other places, or after a
setting word (``rural``, ``unincorporated``), not only after ``in``."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import located


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("All residents of Paris and Henry County will receive a letter.", "Paris"),
        ("Paris and Roxton continue to reap sales tax benefits.", "Paris"),
        ("Evans and Harminson share a rural Paris address.", "Paris"),
    ],
)
def test_placed_given_name_is_a_place(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in located(gaz, text)


def test_given_name_alone_still_no_place(gaz: Gazetteer) -> None:
    assert "Paris" not in located(gaz, "Paris Hilton and her sister arrived late.")


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces cut the Castello Road, the last route into Aleppo.",
        "A car bomb exploded on al-Haj Road in Aleppo.",
    ],
)
def test_road_is_no_place(gaz: Gazetteer, text: str) -> None:
    """Roads and streets are no places (benchmarks/gold/CONVENTIONS.md): only the town."""
    assert located(gaz, text) == ["Aleppo"]
