"""How prominent a world place's reading is: kind, population, distance.

Both the candidate filter (``indexer.extraction.world_candidates``: is a name inside a
longer name still a place?) and the decision (``indexer.extraction.resolve``) rank the
readings of a name the same way; the ranking lives here so they share it.
"""

from __future__ import annotations

import math

from indexer.extraction import geonames
from indexer.extraction.geonames import WorldPlace, world_key

__all__ = ["MIN_POPULATION_ALONE", "MIN_POPULATION_NO_CONTEXT", "KIND_ORDER", "distance_km", "by_rank", "prominent", "dominant", "nearest", "famous_alternate", "seat_city"]

#: A reading outside the statement's countries needs this many people.
MIN_POPULATION_ALONE = 250_000
#: ... or, in a statement that names no country, this many (declared with the table).
MIN_POPULATION_NO_CONTEXT = geonames.MIN_POPULATION_NO_CONTEXT
KIND_ORDER = {"country": 0, "water": 1, "region": 1, "subdivision": 2, "city": 3}


def distance_km(a: WorldPlace, b: WorldPlace) -> float:
    """Great-circle distance between two places."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12_742 * math.asin(min(1.0, math.sqrt(h)))


def by_rank(readings: tuple[WorldPlace, ...]) -> list[WorldPlace]:
    """Readings by kind (countries, regions and seas first), then population."""
    return sorted(readings, key=lambda p: (KIND_ORDER[p.kind], -p.population))


def prominent(readings: tuple[WorldPlace, ...]) -> bool:
    """Whether a name's first reading is a country, subdivision, region or sea,
    or a city of :data:`MIN_POPULATION_NO_CONTEXT` people."""
    best = by_rank(readings)[0] if readings else None
    return best is not None and (best.kind != "city" or best.population >= MIN_POPULATION_NO_CONTEXT)


def dominant(readings: tuple[WorldPlace, ...]) -> bool:
    """Whether one reading clearly outranks the others (a country, region or
    sea; or a place ten times larger than the next)."""
    best = readings[0]
    ranked = sorted(readings, key=lambda p: (KIND_ORDER[p.kind], -p.population))
    if ranked[0].kind in ("country", "region", "water"):
        return True
    return best.kind == "city" and best.population >= 10 * max(1, readings[1].population) \
        and ranked[0] is best


def nearest(options: list[WorldPlace], anchors: list[WorldPlace]) -> WorldPlace:
    """The option closest to the anchors (largest when there are none)."""
    if not anchors or len(options) == 1:
        return min(options, key=lambda p: (KIND_ORDER[p.kind], -p.population))
    # A small town does not win over a region or state of the same name (California, Missouri).
    return min(options, key=lambda p: (p.kind == "city" and p.population < MIN_POPULATION_NO_CONTEXT,
                                       min(distance_km(p, a) for a in anchors), -p.population))


def famous_alternate(own: tuple[WorldPlace, ...], readings: tuple[WorldPlace, ...]) -> bool:
    """Whether a place known by the name only as an alternate is far more
    prominent than those whose own name it is: ``Mecca`` and ``Calcutta`` are
    Makkah and Kolkata (a city of 100,000+ and ten times the largest own
    reading), not the small US towns named so."""
    if any(p.kind != "city" for p in own):
        return False
    largest = max(p.population for p in own)
    return any(p.kind == "city" and p.population >= max(MIN_POPULATION_NO_CONTEXT, 10 * largest)
               for p in readings)


def seat_city(place: WorldPlace, readings: tuple[WorldPlace, ...]) -> WorldPlace:
    """The city a subdivision reading is named after, when the readings hold
    one of its country (``Male``, ``Kilis``): one mention must not give the
    city and another its province. The subdivision's rank still decided."""
    if place.kind != "subdivision":
        return place
    key = world_key(place.name)
    for p in readings:
        if p.kind == "city" and p.country == place.country and world_key(p.name) == key:
            return p
    return place
