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
from typing import TYPE_CHECKING

from indexer.analysis import fold
from indexer.extraction.gazetteer_types import LOOKUP
from indexer.extraction.words import Words

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["variant_key", "variant_places"]

#: Arabic articles, attached by a dash or a space (``al-``, ``el-``, ``ad-``, ``ash-``).
_ARTICLE = re.compile(r"\b(?:al|el|ad|an|ar|as|ash|at|az|ez|es|ed|er|en|et)(?:[- ]+|$)")
_NOT_LETTERS = re.compile(r"[^a-z]")
#: Long vowels and diphthongs written differently (``ee``/``i``, ``ou``/``u``).
_VOWELS = (("ee", "i"), ("ea", "i"), ("ie", "i"), ("oo", "u"), ("ou", "u"), ("aa", "a"))
_DOUBLED = re.compile(r"([a-z])\1+")
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
    key = _DOUBLED.sub(r"\1", key)
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
    within = set(regions)
    if not within:
        return []
    index = _index(gaz)
    keys, n = words.key, len(words.key)
    out: list[tuple] = []
    i = 0
    while i < n:
        if not words.cap(i) or i in taken:
            i += 1
            continue
        found = None
        for last in range(min(n - 1, i + _MAX_WORDS - 1), i - 1, -1):
            if any(w in taken or not words.cap(w) for w in range(i, last + 1)) \
                    or any(not words.soft(w) for w in range(i + 1, last + 1)):
                continue
            if last == i and ordinary(keys[i]):
                continue
            if not (_alone(words, i - 1, i) and _alone(words, last, last + 1)
                    or i - 1 in places or last + 1 in places):
                continue
            first = i - 1 if i > 0 and keys[i - 1] in _ARTICLES and "-" in words.gap[i] else i
            if first < i and not _alone(words, first - 1, first):
                continue  # "Bab al-Salama": a longer name
            target = index.places.get(variant_key(" ".join(keys[first:last + 1])))
            if target is None:
                continue
            if not within.isdisjoint(gaz.parents(target)[:-1]):
                found = (first, last, target)
                break
        if found is None:
            i += 1
            continue
        first, last, target = found
        out.append((first, last, target, gaz.place_kind(target) or "town", first - last, 0))
        i = last + 1
    return out


def _alone(words: Words, before: int, after: int) -> bool:
    """Whether no capitalised word joins word ``after`` to word ``before``
    (an article opening the later name counts as capitalised: ``Bab al-Salama``)."""
    if before < 0 or after >= len(words.key):
        return True
    return not (words.soft(after) and words.cap(before) and (words.cap(after) or words.key[after] in _ARTICLES))


_ARTICLES = frozenset(("al", "el"))
