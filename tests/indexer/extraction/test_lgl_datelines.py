"""Datelines in the style of US local news (issue 18, LGL round 7): a town no
data knows after the headline (``HUME –``), a particle in capitals' case
(``DeKALB –``), a dateline after a quoted sentence."""

from __future__ import annotations

import pytest

from indexer.extraction.datelines import dateline_places
from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import mentioned_places


@pytest.mark.parametrize(("text", "place"), [
    ("NICE to tidy neighborhoods. DeKALB – Residents in the city met.", "DeKALB"),
    ("x. McALLEN, Texas (AP) -- A man was held.", "McALLEN"),
    ('"It was a difficult time." CHARLESTON, W.Va. -- Emilie Holroyd died.', "CHARLESTON"),
])
def test_dateline_forms(text: str, place: str) -> None:
    assert [text[s:e] for s, e in dateline_places(text)] == [place]


@pytest.mark.parametrize(("body", "town"), [
    ("Shiloh ponders change, Part III. HUME – Principal Mark Hettmansberger has concerns.", "Hume"),
    ("Lamont visits supporters. HARWINTON — Former nominee Ned Lamont appeared.", "Harwinton"),
    ("HUME – Principal Mark Hettmansberger has concerns.", "Hume"),
])
def test_unknown_town_of_a_headline_dateline(gaz: Gazetteer, body: str, town: str) -> None:
    assert town in mentioned_places(gaz, body)


@pytest.mark.parametrize("body", [
    "UPDATE — The council met. It was long.",  # a newsroom label
    "Storm news. BREAKING — The council met.",  # an ordinary word
    "LST-325 to travel to Jeffersonville in August.",  # a name with a dash
    "Police said the man ran. Later he was caught. HUME – Principal Mark said.",  # not after a headline
])
def test_no_town_from_what_only_looks_like_a_dateline(gaz: Gazetteer, body: str) -> None:
    assert not {"Update", "Breaking", "Lst", "Hume"} & set(mentioned_places(gaz, body))
