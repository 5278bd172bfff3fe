"""Towns placed by the state or country after them and a comma
(``Thackerville, Okla.``, ``Surprise, Ariz.``, ``Medina, Ohio``, ``Taji, Iraq``).

A state after a comma is how US news places every town it names (AP style),
and ``Town, Country`` how all news places a foreign one: the words before are
a place whatever else they may be (a word: ``Surprise``, ``Independence``; a
given name: ``Medina``). The resolver's checks of a mention may have set
such a name aside; here it is read as the town of that name in that state or
country, or, after a US state, as a town no data knows (``Thackerville``,
named as written, without coordinates). A rule of its own, like
:mod:`indexer.extraction.kind_places`; it reads the world table only.
"""

from __future__ import annotations

from collections.abc import Iterable

from indexer.analysis import STOPWORDS
from indexer.extraction.geonames import WorldPlace, WorldTable, same_name
from indexer.extraction.words import Words

__all__ = ["towns_before_states"]

#: Name words at most before the comma.
_MAX_WORDS = 3


def towns_before_states(words: Words, taken: set[int], regions: Iterable[tuple[int, WorldPlace]],
                        table: WorldTable, ordinary: frozenset[str] = frozenset()) -> list[tuple[int, int, WorldPlace | None, str]]:
    """``(first, last, place, name)`` of the towns right before a comma and a
    region of ``regions`` (``(first word, subdivision or country)``): the
    world's town of that name in the region, or ``None`` (a town no data
    knows, only before a US state and of no ``ordinary`` word). Names
    touching ``taken`` words or opening with a stop word are left alone."""
    keys = words.key
    out: list[tuple[int, int, WorldPlace | None, str]] = []
    for at, region in regions:
        if at < 1 or words.gap[at].strip() != "," or region.kind not in ("subdivision", "country"):
            continue
        last = at - 1
        if last in taken or not words.cap(last) or words.upper(last) and len(words.surface[last]) > 2:
            continue
        first = last
        while first > 0 and last - first < _MAX_WORDS - 1 and words.soft(first) and words.cap(first - 1) \
                and first - 1 not in taken and keys[first - 1] not in STOPWORDS:
            first -= 1
        if keys[first] in STOPWORDS:
            continue
        if first > 0 and words.soft(first) and words.cap(first - 1):
            continue  # a longer capitalised run: part of another name
        key = " ".join(keys[first:last + 1])
        towns = [p for p in table.lookup(key) if p.kind == "city" and same_name(p.name, key)
                 and p.country == region.country and (region.kind == "country" or p.admin1 == region.admin1)]
        if towns:
            out.append((first, last, max(towns, key=lambda p: p.population), ""))
        elif region.kind == "subdivision" and region.country == "US" and not words.sentence_start(first) \
                and not any(keys[i] in ordinary for i in range(first, last + 1)):
            # ("Meanwhile, New York's attorney general": a sentence's opening word)
            # ("Meanwhile, Texas", "Workforce Development, Indiana": ordinary words)
            name = words.written(first, last)
            out.append((first, last, None, name))
    return out
