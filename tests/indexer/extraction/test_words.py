"""The word caches of ``indexer.extraction.words``: bounded, and sharing strings."""

from __future__ import annotations

import sys

import pytest

from indexer import analysis
from indexer.analysis import fold
from indexer.extraction import words
from indexer.extraction.words import Words


def test_word_caches_never_exceed_their_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(words, "WORD_CACHE_LIMIT", 100)
    words._clear_caches()
    try:
        for number in range(300):
            text = " ".join(f"Word{number}x{k} word{number}y{k}" for k in range(10))
            Words(text)
            # Cleared before a text when over the bound: at most one text's words over it.
            for cache in (words._PIECES, words._KEYS, words.WORD_INFO, words.HEADLINE):
                assert len(cache) <= 100 + 2 * 20 + 1
        found = Words("Assad met Putin in Damascus")
        assert found.key == ["assad", "met", "putin", "in", "damascus"]
    finally:
        words._clear_caches()


def _table_bytes(entries: int) -> int:
    cache: dict[str, int] = {}
    for number in range(entries):
        cache[f"w{number}"] = number
    return sys.getsizeof(cache)


def test_word_caches_are_cleared_before_their_tables_double() -> None:
    """Five dicts hold one entry per word (four here, the analyser's term
    cache): a bound past 87,381 entries doubles all five tables at once
    (9 MB more measured at 50k statements; a 200k bound let them reach
    about 75 MB). A text adds at most a few thousand words after the check."""
    assert analysis.WORD_CACHE_LIMIT == words.WORD_CACHE_LIMIT
    full = _table_bytes(words.WORD_CACHE_LIMIT + 2_000)
    assert full == _table_bytes(87_381) < _table_bytes(87_382)


def test_a_lower_case_word_is_its_own_key() -> None:
    word = "".join(["bomb", "ardment"])  # a fresh string, not an interned literal
    found = Words(f"The {word} went on")
    assert found.key[1] == word
    assert words._KEYS[found.surface[1]] is found.surface[1]
    assert Words("Regime FORCES").key == ["regime", "forces"]


@pytest.mark.parametrize("text", ["Old villages and towns of Idlib, 5 km away", "", "Deir ez-Zor's old city",
                                  "see www.example.org/old/town now"])
def test_key_set_is_the_distinct_keys(text: str) -> None:
    found = Words(text)
    assert found.key_set() == set(found.key)
    assert found.key_set() is found.key_set()  # built once per text


def test_lower_keys_built_once_for_every_finder() -> None:
    """The lower-case keys are kept for the finders that ask after the first (issue 18 item 10)."""
    words = Words("In Hope, hope lives; HOPE and Aleppo's people")
    assert words.lower_keys() == {"hope", "lives", "and", "people"}
    assert words.lower_keys() is words.lower_keys()


@pytest.mark.parametrize("text", [
    "UN envoy Staffan de Mistura met 3 MPs in Deir ez-Zor on 12 December 2016.",  # plain ASCII
    "Assad's forces and the rebels' positions near Dara'a",  # apostrophes: possessives cut
    "ISIS-held Raqqa, the PKK`s bases, Darâa and Ḥamāh",  # a backtick, accents
    "see https://www.example.org/Aleppo-news for Homs",  # an address's words dropped
])
def test_keys_are_each_words_own_key(text: str) -> None:
    # However a text's keys are made, each is the key its word gets alone.
    found = Words(text)
    assert found.key == [words._word_info(w)[0] for w in found.surface]


def test_keys_follow_the_words_kept_after_a_web_address() -> None:
    """A text that is not ASCII keys its words through the cache: the keys
    are those of the words kept once an address's words are dropped."""
    found = Words("Le régime a bombardé Alep, selon www.exemple.org/syrie/alep et l’OSDH")
    assert len(found.key) == len(found.surface) == len(found.start)
    assert found.key == [fold(w) for w in found.surface]
    assert "exemple" not in found.key and found.key[-1] == "losdh"


def test_a_long_line_is_no_title_line_without_looking_up_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line of more than ``_MAX_HEADLINE`` words is a paragraph, whatever its
    capitals: its words are not looked up (issue 18 item 10); a short title-case
    line is a headline."""
    from indexer.extraction import org_names
    from indexer.extraction.org_names import _MAX_HEADLINE, OrganisationNames

    long_line = " ".join(f"Capitalised{k}word" for k in range(_MAX_HEADLINE + 1))
    found = Words(f"{long_line}\nRussia Warns Turkey Over Idlib Province Attacks Again")
    asked: list[str] = []

    class Recording(dict):  # type: ignore[type-arg]
        def __getitem__(self, word: str) -> int:
            asked.append(word)
            return super().__getitem__(word)

    monkeypatch.setattr(org_names, "HEADLINE", Recording(words.HEADLINE))
    assert OrganisationNames._on_title_line(found, 3, {}) is False
    assert asked == []
    assert OrganisationNames._on_title_line(found, _MAX_HEADLINE + 2, {}) is True
    assert len(asked) == 8  # (the headline's words)
