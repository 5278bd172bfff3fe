"""Mt./Ft./Pt. opening a place's name as US news writes it (issue 18, LGL
round 7): looked up spelled out too (``Mt. Airy`` is Mount Airy); ``St.``
stays as written (``St. Patrick``, a saint's name far more often)."""

from __future__ import annotations

import pytest

from indexer.extraction.geonames import same_name
from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations


@pytest.mark.parametrize(("text", "place"), [
    ("The fire in Mt. Airy, N.C., spread to two houses.", "Mount Airy"),
    ("The band from Mt. Pleasant, Iowa won the title.", "Mount Pleasant"),
    ("He moved from Ft. Worth to Dallas.", "Fort Worth"),
])
def test_abbreviated_place_names(gaz: Gazetteer, text: str, place: str) -> None:
    assert place in extracted_locations(gaz, text)


def test_same_name_spells_out_the_abbreviation() -> None:
    assert same_name("Mount Pleasant", "mt pleasant")
    assert same_name("Mt Pleasant", "mount pleasant")
    assert not same_name("Saint Patrick", "st patrick")
    assert not same_name("Mount Vernon", "mt pleasant")
