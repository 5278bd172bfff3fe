"""Rivers, lakes, mountains, islands, townships and protected lands the text names by their kind.

GeoNames' populated places (the world table) hold no rivers, lakes or
mountain ranges, and few townships; the text itself says what they are, in
the kind word that is part of the name: ``the Neches River``, ``Lake Lanier``,
``the Nuba Mountains``, ``Hamilton Township``, ``Mount Hermon``. As with
``the village of Kafr Awid`` (:func:`indexer.extraction.kind_places.kind_named_places`), the
name is kept as written and has no coordinates.

A leaf: it reads :class:`indexer.extraction.words.Words` only.
"""

from __future__ import annotations

from itertools import compress

from indexer.analysis import STOPWORDS
from indexer.extraction.words import Words

__all__ = ["KIND_AFTER_NAME", "KIND_BEFORE_NAME", "KIND_PHRASES", "landform_places"]

#: Capitalised kind words that end a name (``Red River``), and the output kind.
KIND_AFTER_NAME = {
    "river": "water", "creek": "water", "lake": "water", "bay": "water", "reservoir": "water",
    "canal": "water", "mountains": "region", "mountain": "region", "island": "region",
    "islands": "region", "valley": "region", "desert": "region", "peninsula": "region",
    "plateau": "region", "township": "subdivision", "twp": "subdivision",
}
#: Capitalised kind words that open a name (``Lake Lanier``, ``Mount Hermon``).
KIND_BEFORE_NAME = {"lake": "water", "mount": "region", "mt": "region", "river": "water"}
#: Protected lands named by a kind phrase that ends the name (``Jefferson National
#: Forest``, ``Neches River National Wildlife Refuge``, ``Dolly Sods Wilderness``):
#: regions, the longest phrase first.
KIND_PHRASES = (("national", "wildlife", "refuge"), ("wildlife", "refuge"), ("national", "forest"),
                ("national", "park"), ("national", "preserve"), ("national", "lakeshore"),
                ("national", "seashore"), ("national", "monument"), ("state", "park"), ("state", "forest"),
                ("wilderness",))
_PHRASE_ENDS = frozenset(p[-1] for p in KIND_PHRASES)
_KIND_WORDS = frozenset(KIND_AFTER_NAME) | frozenset(KIND_BEFORE_NAME) | _PHRASE_ENDS
#: Lower-case particles inside a name (``Bab al-Mandab``, ``Isle of Wight``).
_PARTICLES = frozenset("al el ad ar as ash at az an de del la le of".split())
#: Capitalised words never in such a name: dates and determiners.
_NOT_NAME = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split())
_MAX_WORDS = 3


def landform_places(words: Words, taken: set[int]) -> list[tuple]:
    """The water bodies, landforms and townships of ``words``, as candidates
    ``(first, last, name, kind, first - last, 0)``. Names touching ``taken``
    words are left alone; a function word is no name (``The River``)."""
    keys, n = words.key, len(words.key)
    if _KIND_WORDS.isdisjoint(words.key_set()):
        return []
    out: list[tuple] = []
    used: set[int] = set()
    for k in compress(range(n), map(_KIND_WORDS.__contains__, keys)):
        key = keys[k]
        if not words.cap(k) or k in taken or k in used:
            continue
        span = None
        # A capitalised word after the kind word continues a longer name
        # ("Small Island Developing States", "Neches River National Wildlife Refuge").
        longer = k + 1 < n and words.soft(k + 1) and words.cap(k + 1)
        if key in _PHRASE_ENDS and not longer:
            start = _phrase_start(words, k)
            if start is not None:
                lo = _run(words, start - 1, -1, taken | used)
                if lo is not None and not (lo > 0 and words.soft(lo) and words.cap(lo - 1)):
                    span, kind = (lo, k), "region"  # not a name cut by another ("Neches | River ...")
        if span is None and key in KIND_AFTER_NAME and not longer:
            lo = _run(words, k - 1, -1, taken | used)
            if lo is not None:
                span, kind = (lo, k), KIND_AFTER_NAME[key]
        if span is None and key in KIND_BEFORE_NAME:
            hi = _run(words, k + 1, 1, taken | used)
            if hi is not None and not (keys[hi] in _PHRASE_ENDS and _phrase_start(words, hi) is not None):
                span, kind = (k, hi), KIND_BEFORE_NAME[key]
        if span is None:
            continue
        lo, hi = span
        used.update(range(lo, hi + 1))
        name = words.written(lo, hi)
        out.append((lo, hi, name, kind, lo - hi, 0))
    return out


def _phrase_start(words: Words, last: int) -> int | None:
    """The first word of the longest kind phrase of :data:`KIND_PHRASES`
    ending at word ``last``, all its words capitalised, or ``None``."""
    keys = words.key
    for phrase in KIND_PHRASES:
        start = last - len(phrase) + 1
        if start > 0 and tuple(keys[start:last + 1]) == phrase \
                and all(words.cap(i) and (i == start or words.soft(i)) for i in range(start, last + 1)):
            return start
    return None


def _run(words: Words, first: int, step: int, blocked: set[int]) -> int | None:
    """The far end of the capitalised name from word ``first`` (``step`` -1:
    backwards, 1: forwards), at most :data:`_MAX_WORDS` words, or ``None``."""
    keys, n = words.key, len(words.key)
    if not (0 <= first < n) or first in blocked or not words.cap(first) \
            or keys[first] in _NOT_NAME or keys[first] in STOPWORDS and keys[first] not in _PARTICLES:
        return None
    if not words.soft(first if step > 0 else first + 1):
        return None
    end = first
    i = first
    while abs(i + step - first) < _MAX_WORDS:
        j = i + step
        if not (0 <= j < n) or j in blocked or not words.soft(j if step > 0 else i):
            break
        if words.cap(j) and keys[j] not in _NOT_NAME and keys[j] not in STOPWORDS:
            end = i = j
        elif keys[j] in _PARTICLES and (step > 0 or keys[j] != "of") and 0 <= j + step < n \
                and words.cap(j + step):
            i = j
        else:
            break
    return end
