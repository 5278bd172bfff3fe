"""Places the text sets relative to a known one: ``Titanyen, north of
Port-au-Prince``, ``Kwazuri, near Aleppo``, ``Qayyarah, 60 kilometers south of
Mosul``.

News places a village no gazetteer holds by the nearest place its readers
know, after a comma; geoparsers read the cue the same way. The name before
the comma is a place whatever the data says, unless it is an ordinary word,
a person's or a date's. Named as written, a city (a town or a village),
without coordinates of its own. A leaf: it reads
:class:`indexer.extraction.words.Words` only.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from indexer.analysis import STOPWORDS
from indexer.extraction.place_words import COMPASS_ALONE, DATE_NAMES
from indexer.extraction.words import Words

__all__ = ["RELATIVE_CUES", "relative_places"]

_UNITS = frozenset("km kms kilometres kilometers kilometre kilometer miles mile".split())
#: Words right after the comma that open a relative placing (besides a number).
_OPENERS = frozenset(("near", "outside", "about", "some", "around", "roughly") + tuple(COMPASS_ALONE))
#: Words one of which a text with such a placing holds (tested first: cheap).
RELATIVE_CUES = _OPENERS | _UNITS
_MAX_WORDS = 3


def _anchor(words: Words, at: int) -> int | None:
    """The word after the cue that opens at word ``at`` (after the comma):
    ``near X``, ``outside X``, ``north of X``, ``(about) 60 km (to the) south of X``."""
    keys, n = words.key, len(words.key)
    i = at
    if keys[i] in ("near", "outside"):
        return i + 1 if i + 1 < n and words.soft(i + 1) else None
    if keys[i] in ("about", "some", "around", "roughly"):
        i += 1
    if i < n and keys[i].isdigit():
        i += 1
        if i < n and keys[i] in _UNITS:
            i += 1
        else:
            return None
        if i < n and keys[i] == "to" and i + 1 < n and keys[i + 1] == "the":
            i += 2
    if i + 2 < n and keys[i] in COMPASS_ALONE and keys[i + 1] == "of" \
            and all(words.soft(j) for j in range(at + 1, i + 3)):
        return i + 2
    return None


def relative_places(words: Words, taken: set[int], known: Collection[int],
                    ordinary: Callable[[str], bool]) -> list[tuple]:
    """Candidates ``(first, last, name, "city", first - last, 0)`` of the
    names right before a comma and a placing relative to a ``known`` place's
    word; names touching ``taken`` words, of ``ordinary`` words (a folded word:
    common English, a demonym, a person's), dates or acronyms are left alone."""
    keys, n = words.key, len(words.key)
    out: list[tuple] = []
    for at in range(1, n - 2):
        if keys[at] not in _OPENERS and not keys[at].isdigit() or words.gap[at].strip() != ",":
            continue
        anchor = _anchor(words, at)
        if anchor is None or anchor not in known or not words.cap(anchor):
            continue
        last = at - 1
        if last in taken or not words.cap(last):
            continue
        first = last
        while first > 0 and last - first < _MAX_WORDS - 1 and words.soft(first) and words.cap(first - 1) \
                and first - 1 not in taken:
            first -= 1
        if first > 0 and words.soft(first) and words.cap(first - 1):
            continue  # a longer capitalised run: part of another name
        run = range(first, last + 1)
        if any(keys[i] in STOPWORDS or keys[i] in DATE_NAMES or ordinary(keys[i]) or len(keys[i]) < 3
               or words.upper(i) and len(words.surface[i]) > 1 for i in run):
            continue
        out.append((first, last, words.written(first, last), "city", first - last, 0))
    return out
