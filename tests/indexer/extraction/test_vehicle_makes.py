"""A vehicle's make is no town (issue 18, LGL round 4: ``Toyota Hilux`` read
as Toyota, Japan): before a model or a vehicle noun, or after a model year
and a colour, the make is meant, in every mention of the text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import located


@pytest.mark.parametrize(
    "text",
    [
        "Another 4x4 owner in Oxford has had the windscreen of his Toyota Hilux smashed.",
        "Gunmen in Toyota pickups entered Gao on Monday.",
        "Police said a Toyota Camry driven by a woman collided with a truck. The Toyota was westbound.",
        "A 1993 brown Cadillac driven by Larry Dunaway was traveling north in Kentucky.",
    ],
)
def test_make_is_no_town(gaz: Gazetteer, text: str) -> None:
    found = located(gaz, text)
    assert "Toyota" not in found and "Cadillac" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plant in Toyota City builds cars.", "Toyota"),
        ("Workers in Toyota, Japan, protested.", "Toyota"),
    ],
)
def test_town_named_like_a_make_stays(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in located(gaz, text)


@given(st.lists(st.sampled_from(["a ", " ", "1992", "2007", "19", "20", "x", "07", "white ", "Toyota", "Ford",
                                 "cadillac", "."]), max_size=12).map("".join))
def test_model_years_are_found_as_with_the_lookbehind_first(text: str) -> None:
    # The pattern opens with the century's digits (issue 18 item 10): the same matches.
    import re

    from indexer.extraction.resolve import _MODEL_YEAR

    reference = re.compile(r"(?<= )(?:19|20)\d\d (?:(?:white|black|red|blue|green|silver|gr[ae]y|brown|gold|tan"
                           r"|maroon|beige) )?([A-Z][a-z]+)\b")
    assert [m.span(1) for m in _MODEL_YEAR.finditer(text)] == [m.span(1) for m in reference.finditer(text)]
