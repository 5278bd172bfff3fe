"""A lawmaker's home after a party's initial (issue 18, LGL round 7):
``Brent Boggs, D-Braxton``, ``Tom Bakk, DFL-Cook`` (Minnesota's party)."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.party_homes import party_homes
from indexer.extraction.words import Words
from tests.indexer.places import located


@pytest.mark.parametrize(("text", "home"), [
    ("The motion came from House Majority Leader Brent Boggs, D-Braxton, a sponsor.", "Braxton"),
    ("Senate Tax Chairman Tom Bakk, DFL-Cook, said a share was due.", "Cook"),
    ("Senate Majority Leader Larry Pogemiller, DFL-Minneapolis, said so.", "Minneapolis"),
])
def test_lawmakers_home(gaz: Gazetteer, text: str, home: str) -> None:
    assert home in located(gaz, text)


@pytest.mark.parametrize("text", [
    "The Coca-Cola deal and the X-Men sequel.",  # no party initial
    "Speaker Nancy Pelosi, D-Calif, told colleagues.",  # a state's abbreviation
    "He signed the D-Day memorial.",  # a capital's word, no home
])
def test_no_home(text: str) -> None:
    assert party_homes(Words(text), set(), frozenset({"calif"})) == []


def test_each_hyphen_is_read_wherever_it_stands() -> None:
    """Only the words after a bare hyphen are visited (issue 18 item 10): the
    text's second word, one after another hyphen, and the last word."""
    text = "D-Braxton, a co-sponsor; Tom Bakk, DFL-Cook; and Larry Pogemiller, DFL-Minneapolis"
    assert [c[2] for c in party_homes(Words(text), set())] == ["Braxton", "Cook", "Minneapolis"]
