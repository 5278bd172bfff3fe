"""Lower-case country names read as the country only after a cue (issue 21)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.lower_countries import lower_country_mentions
from indexer.model import Statement


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _names(text: str, gazetteer: Gazetteer) -> tuple[list[str], list[str]]:
    actors, places = lower_country_mentions(text, gazetteer, [])
    return [a[0] for a in actors], [p[0] for p in places]


def test_cued_lower_case_countries(gazetteer: Gazetteer) -> None:
    assert _names("Air strikes by russia killed 20 in Idlib.", gazetteer) == (["Russia"], [])
    assert _names("Shelling in syria killed two, Activists said.", gazetteer) == ([], ["Syria"])
    assert _names("Shelling by turkey hit Afrin.", gazetteer) == (["Turkey"], [])  # an act noun before by


@pytest.mark.parametrize("text", [
    "The turkey was delicious, He said.",  # no cue
    "A letter by chad reached us, He said.",  # a given name after by, no act before it
    "Dinner in turkey sandwiches, He said.",  # a common word not ending its clause
    "Russia said in Syria it was leaving.",  # capitalised: the gazetteer's own
])
def test_uncued_or_common_words_are_no_countries(gazetteer: Gazetteer, text: str) -> None:
    assert _names(text, gazetteer) == ([], [])


def test_roles_of_lower_case_countries(gazetteer: Gazetteer) -> None:
    body = "Air strikes by russia killed 20 civilians in syria on Monday, the Observatory said."
    (claim,) = extract(Statement(id="t", title="", body=body, source="t"), gazetteer).claims
    roles = {(role, name) for role, name, _s, _e in claim.roles}
    assert {("by", "Russia"), ("in", "Syria")} <= roles


@pytest.mark.parametrize("text, expected", [
    ("From past month turkey started shelling Kurdish YPG fighters near Azaz.", ["Turkey"]),
    ("Since then russia has bombed Aleppo every day.", ["Russia"]),
    # (a name's last word before the verb, issue 18 item 10: two words, after light words)
    ("Since then saudi arabia launched strikes.", ["Saudi Arabia"]),
    ("Since then sudan reportedly attacked the border.", ["Sudan"]),
    ("The turkey attacked the farmer, He said.", []),  # an article: a noun, no state
    ("Shelling in syria killed two, Activists said.", []),  # after a preposition: no subject
])
def test_lower_case_country_as_subject_of_an_act(gazetteer: Gazetteer, text: str, expected: list[str]) -> None:
    assert _names(text, gazetteer)[0] == expected


def test_a_gazetteer_without_countries_reads_no_lower_case_country() -> None:
    """A gazetteer with no country (an empty or custom one) gave an empty
    alternation that matched the empty name after every cue: a KeyError."""
    text = "The city was shelled by \"unknown forces\" in (northern) areas."
    assert lower_country_mentions(text, Gazetteer(), []) == ([], [])
    assert extract(Statement(id="s", title="Shelling", body=text, source="s"), Gazetteer()).claims


def test_only_sentences_holding_a_country_name_are_searched(gazetteer: Gazetteer) -> None:
    """A sentence is searched only when an automaton pass finds `` <name>``
    in it (issue 18 item 10): the sentences that hold one still give their
    countries, the first and the last, whatever the sentences between."""
    text = "Shelling in syria killed two. The woman in Oman said nothing. Air strikes by russia hit a town."
    first, middle, last = (0, 29), (30, 61), (62, len(text))
    actors, places = lower_country_mentions(text, gazetteer, [], spans=[first, middle, last])
    assert ([a[0] for a in actors], [p[0] for p in places]) == (["Russia"], ["Syria"])
    actors, places = lower_country_mentions(text, gazetteer, [], spans=[middle])
    assert (actors, places) == ([], [])
