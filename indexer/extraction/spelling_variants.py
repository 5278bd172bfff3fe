"""Transliteration variants of Arabic-derived place names.

One village is written ``Talbiseh``, ``Talbeesah``, ``Talbisa``; one
neighbourhood ``al-Kallaseh`` and ``Kalasa``: English transliterations of
Arabic (and Persian, Kurdish, Pashto) names differ in doubled letters, long
vowels (``ee``/``i``, ``ou``/``oo``/``u``), the ending (``-eh``/``-ah``/``-a``)
and the article (``al-``, ``el-``, ``ad-``...). :func:`variant_key` folds those
differences away, for the gazetteer's names and the text's words alike.

A key says only that two spellings *may* name one place, so it is used where
the exact spellings all failed, and only with the statement's context: a
capitalised word the data does not know is read as a curated place whose key
it shares when that place lies in a country the statement names or implies,
and no other curated place shares the key. A leaf apart from the gazetteer's
lookups.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING

from indexer.analysis import fold
from indexer.extraction.gazetteer_types import LOOKUP
from indexer.extraction.words import SOFT, Words

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["variant_key", "variant_places"]

#: Arabic articles, attached by a dash or a space (``al-``, ``el-``, ``ad-``, ``ash-``).
_ARTICLE = re.compile(r"\b(?:al|el|ad|an|ar|as|ash|at|az|ez|es|ed|er|en|et)(?:[- ]+|$)")
_NOT_LETTERS = re.compile(r"[^a-z]")
#: Long vowels and diphthongs written differently (``ee``/``i``, ``ou``/``u``).
_VOWELS = (("ee", "i"), ("ea", "i"), ("ie", "i"), ("oo", "u"), ("ou", "u"), ("aa", "a"))
_DOUBLED = re.compile(r"([a-z])\1+")
_FIRST_GROUP = itemgetter(1)
#: Endings of the feminine ``-a`` (``-eh``, ``-ah``, ``-e``, ``-a``, ``-at``).
_ENDING = re.compile(r"(?:eh|ah|e|a|at|ih)$")
#: Shortest key read: shorter names are too easily another word's variant.
_MIN_KEY = 5
_MAX_WORDS = 3


def variant_key(name: str) -> str:
    """The spelling-insensitive key of an Arabic-derived name.

    >>> variant_key("Talbeesah") == variant_key("Talbiseh")
    True
    >>> variant_key("al-Kallaseh")
    'kalasa'
    """
    key = _ARTICLE.sub("", fold(name).replace("‑", "-"))
    key = _NOT_LETTERS.sub("", key)
    for written, plain in _VOWELS:
        key = key.replace(written, plain)
    key = _DOUBLED.sub(_FIRST_GROUP, key)  # (a template ``\1`` is expanded by Python code per match: 4x slower)
    return _ENDING.sub("a", key)


class _Index:
    """Curated places by variant key (those shared by two places are left out)."""

    def __init__(self, gaz: Gazetteer) -> None:
        by_key: dict[str, set[str]] = {}
        for alias in gaz.aliases["place"].values():
            if alias.flags & LOOKUP:
                continue
            place = gaz.places.get(alias.target)
            if place is None or place.kind == "country":
                continue
            key = variant_key(alias.text)
            if len(key) >= _MIN_KEY:
                by_key.setdefault(key, set()).add(alias.target)
        self.places = {key: next(iter(targets)) for key, targets in by_key.items() if len(targets) == 1}
        #: the places (below their country) the indexed places lie in
        self.regions = frozenset(r for target in self.places.values() for r in gaz.parents(target)[:-1])
        self.gaz = gaz


_INDEXES: dict[int, _Index] = {}


def _index(gaz: Gazetteer) -> _Index:
    index = _INDEXES.get(id(gaz))
    if index is None or index.gaz is not gaz:
        index = _INDEXES[id(gaz)] = _Index(gaz)
    return index


def variant_places(gaz: Gazetteer, words: Words, taken: set[int], places: set[int], regions: Iterable[str],
                   ordinary: Callable[[str], bool]) -> list[tuple]:
    """Candidates ``(first, last, name, kind, first - last, 0)`` of the
    capitalised names (an article before them included) that no data knows
    as spelt but whose variant key is one curated place's, lying in one of
    ``regions`` (the statement's places and the places they lie in, below
    the country: a country holds too many villages of near spellings); none touches ``taken``, and
    a name of one ``ordinary`` word (an English word, a person's) is left alone.
    The name is a whole capitalised run, or one beside a place (``places``:
    its words), as in a list whose commas were lost (``Rastan Talbeesah``);
    never a part of a longer name (``Ayham Hamad School``)."""
    index_of = _index(gaz)
    within = index_of.regions.intersection(regions)
    if not within:
        return []
    index = index_of.places
    keys, n = words.key, len(words.key)
    caps, pieces = words.caps(), words.pieces
    keys_get = _KEYS.get
    out: list[tuple] = []
    end = -1
    for a in compress(range(n), caps):
        if a <= end or a in taken:
            continue
        # the run of capitalised words no data knows from word a
        b = a
        while b + 1 < n and caps[b + 1] and pieces[2 * b + 2] == SOFT and b + 1 not in taken:
            b += 1
        end = b
        # a whole run, or words beside a place (a list whose commas were lost)
        if a - 1 not in places and b + 1 not in places:
            if b - a >= _MAX_WORDS:
                continue
            spans: list[tuple[int, int]] = [(a, b)]
        else:
            spans = [(a, b)] if b - a < _MAX_WORDS else []
            if a - 1 in places:
                spans += [(a, last) for last in range(min(b, a + _MAX_WORDS - 1), a - 1, -1)]
            if b + 1 in places:
                spans += [(first, b) for first in range(max(a, b - _MAX_WORDS + 1), b + 1)]
        for first, last in spans:
            name = " ".join(keys[first:last + 1]) if first < last else keys[first]
            target = index.get(keys_get(name) or _key_of(name))
            if target is None:  # (the article is in the key or not: "al-Kallaseh" is "Kallaseh")
                continue
            if first == last and ordinary(keys[first]) or first == a and last == b and not (
                    _alone(words, a - 1, a) and _alone(words, b, b + 1) or a - 1 in places or b + 1 in places):
                continue
            if first > 0 and keys[first - 1] in _ARTICLES and "-" in words.gap[first]:
                first -= 1  # "al-Kallaseh"
                if not _alone(words, first - 1, first):
                    break  # "Bab al-Salama": a longer name
            if not within.isdisjoint(gaz.parents(target)[:-1]):
                out.append((first, last, target, gaz.place_kind(target) or "town", first - last, 0))
                break
    return out


_KEYS: dict[str, str] = {}


def _key_of(name: str) -> str:
    """:func:`variant_key`, remembered (a text's names recur in the next ones)."""
    key = _KEYS.get(name)
    if key is None:
        if len(_KEYS) > 100_000:
            _KEYS.clear()
        key = _KEYS[name] = variant_key(name)
    return key


def _alone(words: Words, before: int, after: int) -> bool:
    """Whether no capitalised word joins word ``after`` to word ``before``
    (an article opening the later name counts as capitalised: ``Bab al-Salama``)."""
    if before < 0 or after >= len(words.key):
        return True
    return not (words.soft(after) and words.cap(before) and (words.cap(after) or words.key[after] in _ARTICLES))


_ARTICLES = frozenset(("al", "el"))
