"""A one-word town name after a lower-case ``the`` that ends its noun phrase
there names an institution, a paper or a landscape named like the town, not
the town (issue 18, LGL round 6): ``sent to the Duma in December``, ``hired
by the Herald in 1968``; ``the Paris police`` and ``The Hague`` stay places."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The bill was sent to the Duma in December by Medvedev.", "Douma"),
        ("She was the first black reporter hired by the Herald in the late 1960s.", "Herald"),
        ("He was chairman of the Duma’s International Relations Committee.", "Douma"),
    ],
)
def test_the_name_alone_is_no_town(gaz: Gazetteer, text: str, wrong: str) -> None:
    assert not any(p.startswith(wrong) for p in extracted_locations(gaz, text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Leaders met in The Hague on Monday.", "The Hague"),
        ("Officers from the Paris police arrived.", "Paris"),
        ("Residents fled the Douma massacre.", "Douma"),
    ],
)
def test_the_name_before_a_noun_or_with_its_article_stays(gaz: Gazetteer, text: str, place: str) -> None:
    assert place in extracted_locations(gaz, text)
