"""A country's name inside a longer capitalised name is no country there
(issue 18, round 3): a party or a club (``United Russia``, ``Club America``),
a person whose given name is a country's (``Chad Walker``)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def _names(gaz: Gazetteer, text: str) -> set[str]:
    x = extract(Statement("x", "", text, "p"), gaz)
    return set(x.actors) | set(x.locations)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Yevdokimov, a United Russia member, resigned on Monday.", "Russia"),
        ("Officials from the Mexican team Club America announced the match.", "United States"),
        ("Officers Ron McCurry and Chad Walker were dispatched to the house.", "Chad"),
    ],
)
def test_country_inside_a_longer_name(gaz: Gazetteer, text: str, absent: str) -> None:
    assert absent not in _names(gaz, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("The Iran Iraq war ended in 1988.", "Iraq"),
        ("Fighting in Northern Syria grew.", "Syria"),
        ("Roberts works at Georgia Modular Systems in Fitzgerald.", "Georgia"),
        ("Jordan said it would reopen the border.", "Jordan"),
    ],
)
def test_country_still_named(gaz: Gazetteer, text: str, present: str) -> None:
    assert present in _names(gaz, text)


def test_given_name_country_before_a_surname_of_a_surname_shape(gaz: Gazetteer) -> None:
    """``Chad LaBumbard``: a surname no list knows but shaped as one (a capital
    inside) makes the country a given name; the text's country is not Chad,
    so its towns resolve in the US (issue 18, LGL round 6)."""
    names = _names(gaz, "Symphony Hall in Springfield due for $1 million renovation. One Springfield official "
                        "said the work would start soon. Chad LaBumbard, technical director, said the system "
                        "was installed 30 years ago.")
    assert "Chad" not in names and "Springfield" in names


def test_country_before_an_ordinary_word_stays(gaz: Gazetteer) -> None:
    assert "Georgia" in _names(gaz, "Agents of the Georgia Bureau of Investigation raided the home.")


def test_united_russia_is_a_party_at_a_sentence_start(gaz: Gazetteer) -> None:
    """Russia's ruling party opens sentences (``United Russia said``), where a
    capital says nothing: it is a known party, not Russia acting (issue 18, LGL round 6)."""
    x = extract(Statement("x", "", "United Russia said in a statement that he had left. "
                                   "United Russia controls most regional legislatures.", "p"), gaz)
    assert "United Russia" in x.actors and "Russia" not in x.actors and "Russia" not in x.locations
