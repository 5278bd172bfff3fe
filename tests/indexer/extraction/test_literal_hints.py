"""Hint regexes searched as one automaton pass (``lazy_regex.LiteralHint``)
answer as ``re``'s search does."""

from __future__ import annotations

import random
import re

import pytest

from indexer.extraction import roles, targets
from indexer.extraction.lazy_regex import LiteralHint
from indexer.extraction.regex_prefixes import literal_strings

_HINTS = [targets._HINT, roles._ACT_NOUN_HINT, roles._ATTACK_VERB_HINT, roles._DENIAL_HINT,
          roles._ACCUSED_HINT, roles._SPEAKER_HINT]


def test_the_hint_regexes_are_read_as_words() -> None:
    # Each is a finite set of words, so none falls back to ``re`` (the speed-up is kept).
    assert all(hint._automaton is not None for hint in _HINTS)


def test_literal_strings_of_words_classes_and_groups() -> None:
    assert literal_strings("wom[ae]n|bomb|(?:blew|blown) up") == {"woman", "women", "bomb", "blew up", "blown up"}
    assert literal_strings(r"a\.b") == {"a.b"}


@pytest.mark.parametrize("pattern", [r"\bbomb", "bombs?", "[a-z]x", "[^a]b", "a(?=b)", r"(a)\1", "a{2}", "x|", "."])
def test_more_than_literal_strings_is_none_or_falls_back(pattern: str) -> None:
    words = literal_strings(pattern)
    assert words is None or "" in words
    hint = LiteralHint(re.compile(pattern))
    assert hint._automaton is None
    for text in ("a bomb", "abx", "ab", "aab", "xbombs", "", "cb"):
        assert hint.found(text) == (re.search(pattern, text) is not None)


def test_found_answers_as_search_with_and_without_bounds() -> None:
    rng = random.Random(7)
    alphabet = "abcdeilmnorstuwy -"
    pieces = ["bomb", "attack", "hit", "women", "woman", "den", "said", " by", "blew up", "school", "child"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) if rng.random() < 0.2 else rng.choice(alphabet)
                       for _ in range(rng.randint(0, 40)))
        pos, endpos = rng.randint(-2, len(text) + 2), rng.randint(-2, len(text) + 3)
        for hint in _HINTS:
            pattern = hint.pattern
            assert hint.found(text) == (pattern.search(text) is not None), (pattern.pattern, text)
            assert hint.found(text, pos, endpos) == (pattern.search(text, pos, endpos) is not None), \
                (pattern.pattern, text, pos, endpos)
