"""A common surname alone is a person, not the small town of that name
(issue 18, round 3: ``Welch``, ``Webb`` in local news), unless the text
places it."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import located

#: A text naming a US city, so that US small towns are in context.
_US = "Kansas City police said on Monday that "


@pytest.mark.parametrize(
    "text",
    [
        "Kansas City prosecutors charged a teenager with killing Welch. Welch went to a residence.",
        "Kansas City prosecutors said Moore was stabbed at a party.",
    ],
)
def test_surname_alone_is_no_town(gaz: Gazetteer, text: str) -> None:
    assert "Welch" not in located(gaz, text) and "Moore" not in located(gaz, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_US + "the Welch police closed the road.", "Welch"),
        ("The mine near Welch, W.Va., closed.", "Welch"),
        (_US + "the city of Monroe has yet to pass a resolution.", "Monroe"),
        (_US + "roads through Middletown, Trenton and Monroe were closed.", "Monroe"),
        (_US + "the storm hit Becker, Clay, Douglas and Grant counties.", "Douglas"),
    ],
)
def test_placed_surname_is_a_town(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in located(gaz, text)


def test_vehicle_make_after_model_year_is_no_town(gaz: Gazetteer) -> None:
    """``a 1992 Toyota Corolla``: a make, in that mention and the text's others."""
    text = "A 1992 Toyota Corolla was traveling east in Las Vegas. The Toyota failed to yield."
    assert "Toyota" not in located(gaz, text)
    assert "Toyota" in located(gaz, "He drove to Toyota, Japan, on Monday.")
