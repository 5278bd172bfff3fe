"""A town's police named like a country's: ``Lebanon Police``, ``Palestine
police`` in a story from Boone County, Indiana, or Anderson County, Texas.

``<country> police`` names that country's police (an ``armed_forces`` actor,
:mod:`indexer.extraction.national_forces`). Where the statement's other
places lie in another country that has a town of exactly that name, the
police is the town's: the town is a place there (placed, as ``Carthage
police`` is) and its police an organisation, not the national force. A
demonym (``Lebanese police``) stays the national police.

Leaf module: it reads the matcher's candidates and the world table only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from indexer.extraction.geonames import world_key
from indexer.extraction.world_ranking import by_rank
from indexer.extraction.words import Words

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["town_police"]


def town_police(gaz: Gazetteer, words: Words, actors: list[tuple],
                places: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """``(actors, places)`` with each ``<country> police`` actor read as the
    town of that name and its police when the statement's places lie in
    another country having such a town; unchanged otherwise."""
    resolver = gaz.world_resolver()
    keys = words.key
    police = [a for a in actors if a[3] == "armed_forces" and keys[a[1]] == "police" and a[1] > a[0]
              and keys[a[0]] not in gaz.demonyms]
    if resolver is None or not police or not places:
        return actors, places
    codes = set()
    for p in places:
        code = gaz.iso_code([p[2], *gaz.parents(p[2])][-1])
        if code:
            codes.add(code)
    moved: list[tuple] = []
    added: list[tuple] = []
    for a in police:
        key = " ".join(keys[a[0]:a[1]])
        named = gaz.iso_code(gaz.canonical_location(key) or "")
        towns = [p for p in resolver.table.lookup(key) if p.kind == "city" and world_key(p.name) == key
                 and p.country in codes and p.country != named]
        if named is None or not towns:
            continue
        town = by_rank(tuple(towns))[0]
        moved.append(a)
        added.append((a[0], a[1] - 1, gaz.remember_world_place(town), "city", a[0] - a[1] + 1, 0))
    if not moved:
        return actors, places
    text = words.text
    organisations = [(a[0], a[1], f"{text[words.start[a[0]]:words.end(a[1] - 1)]} Police", "organisation",
                      a[0] - a[1], 0) for a in moved]
    actors = sorted([a for a in actors if a not in moved] + organisations, key=lambda c: c[0])
    return actors, sorted(places + added, key=lambda c: c[0])
