"""A person's middle initial (``Matthew D. Flores``) is no acronym: the name
is a person's, and its surname alone later is that person, not a town or an
island of that name (issue 18, round 4)."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import located


def _people(gaz: Gazetteer, text: str) -> list[str]:
    return [m.name for m in gaz.find_actors(text) if m.kind == "person"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Who would have wanted Matthew D. Flores dead?", "Matthew D. Flores"),
        ("The flat had been leased to Barry M. George, 46.", "Barry M. George"),
        ("Martha was the widow of the Reverend Dr. Harold S. Peiffer.", "Harold S. Peiffer"),
    ],
)
def test_name_with_a_middle_initial_is_a_person(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in _people(gaz, text)


def test_surname_of_a_person_named_is_no_place(gaz: Gazetteer) -> None:
    text = "Who would have wanted Matthew D. Flores dead? Mike Mauro, Flores' stepfather, still asks."
    assert located(gaz, text) == []


def test_function_word_opens_no_persons_name(gaz: Gazetteer) -> None:
    """``Six Flags Over Texas``: ``Over Texas`` is no person, so ``Texas`` stays a place."""
    text = "Patrons of Six Flags Over Texas can buy beer. The Texas Alcoholic Beverage Commission agreed."
    assert _people(gaz, text) == []
