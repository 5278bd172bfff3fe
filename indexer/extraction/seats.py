"""A subdivision and its capital of the same name, told apart in context.

Sift names a first-level subdivision and its capital city with one place
(``Idlib``: the governorate, the city inside it; the same for Aleppo, Homs,
Raqqa, Deir ez-Zor, Kharkiv, Kandahar...). Most texts do not tell them
apart, and one facet value serves a researcher best then. When a text names
both explicitly, as ``Idlib province`` (governorate, oblast, state)
and ``the town of Idlib`` (``Idlib city``), they are two places: the subdivision's mentions are named ``Idlib
Province`` (the country's ISO 3166-2 type word, as news write it: ``Kharkiv
Oblast``, ``Niger State``), every other mention stays ``Idlib`` (the city).
A query for either finds both, since ``Idlib Province`` is an alias of
Idlib (``Gazetteer.canonical_location`` drops a place-type word).
A city's countryside (``the Aleppo countryside``, ``rural Idlib``) is the
land around the city, no named subdivision: it stays the city's name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.gazetteer_types import NameSpan

#: Words after a name (in its span or right after it) that make it the subdivision.
#: (Not ``countryside``, ``rural``: the land around the city, no named subdivision.)
SUBDIVISION_AFTER = frozenset("province governorate oblast state region".split())
#: Words before ``of`` and a name (``the province of Quneitra``).
SUBDIVISION_OF = frozenset("province governorate oblast region".split())
CITY_AFTER = frozenset("city town".split())
CITY_OF = frozenset("city town".split())
#: A country's usual English word for its first-level subdivisions, where the
#: ISO 3166-2 type (pycountry) is not the one researchers use.
_TYPE_OVERRIDES = {"UA": "Oblast", "RU": "Oblast"}
_TYPE_WORDS = {"region": "Region", "state": "State", "province": "Province", "governorate": "Governorate",
               "oblast": "Oblast", "county": "County", "department": "Department", "prefecture": "Prefecture"}
_SPLITTABLE = frozenset("province city town subdivision".split())
_WORD = re.compile(r"[^\W\d_]+")
_SUFFIX = re.compile(r" \([^()]*\)$")


def mention_side(text: str, start: int, end: int, surface: str) -> str | None:
    """``"subdivision"``, ``"city"`` or ``None`` (a bare mention) for the
    mention ``text[start:end]`` of a subdivision-or-capital name.

    >>> mention_side("fighting in the town of Idlib on Sunday", 24, 29, "Idlib")
    'city'
    >>> mention_side("schools in Idlib province closed", 11, 25, "Idlib province")
    'subdivision'
    >>> mention_side("air raids near Deir ez-Zor city", 15, 26, "Deir ez-Zor")
    'city'
    >>> mention_side("strikes on Idlib killed", 11, 16, "Idlib")
    """
    inside = surface.lower().split()
    after = _WORD.findall(text[end:end + 16].lower())[:1]
    before = _WORD.findall(text[max(0, start - 24):start].lower())[-2:]
    last = inside[-1] if inside and inside[-1] in SUBDIVISION_AFTER | CITY_AFTER else (after[0] if after else "")
    if last in SUBDIVISION_AFTER:
        return "subdivision"
    if last in CITY_AFTER:
        return "city"
    if len(before) == 2 and before[1] == "of":
        if before[0] in SUBDIVISION_OF:
            return "subdivision"
        if before[0] in CITY_OF:
            return "city"
    return None


@lru_cache(maxsize=512)
def type_word(country_code: str, name: str) -> str:
    """The English type word of the subdivision ``name`` of a country
    (``SY`` -> ``Province``, ``NG`` -> ``State``, ``UA`` -> ``Oblast``), ``Province`` when unknown."""
    if country_code in _TYPE_OVERRIDES:
        return _TYPE_OVERRIDES[country_code]
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a dependency of the world table
        return "Province"
    key = name.lower()
    types: dict[str, int] = {}
    for sub in pycountry.subdivisions.get(country_code=country_code) or ():
        if sub.parent_code is not None:
            continue
        word = _TYPE_WORDS.get((sub.type or "").lower())
        if word is None:
            continue
        if sub.name.lower().startswith(key):
            return word
        types[word] = types.get(word, 0) + 1
    return max(types, key=lambda w: types[w]) if types else "Province"


def split_seats(text: str, places: list[NameSpan], gazetteer: Gazetteer) -> tuple[list[NameSpan], dict[str, tuple[str, str]]]:
    """``places`` with a subdivision's mentions renamed where ``text`` names
    both it and its capital explicitly, and ``{name: (base name, kind)}`` of
    the names so told apart (kind ``subdivision`` or ``city``)."""
    seen: dict[str, int] = {}
    for name, kind, *_ in places:
        if kind in _SPLITTABLE:
            seen[name] = seen.get(name, 0) + 1
    repeated = [name for name, n in seen.items() if n > 1]
    if not repeated:
        return places, {}
    renamed: dict[str, str] = {}
    split: dict[str, tuple[str, str]] = {}
    for base in repeated:
        sides = {mention_side(text, start, end, surface)
                 for name, _, start, end, surface in places if name == base}
        if not {"subdivision", "city"} <= sides:
            continue
        info = gazetteer.place_info(base)
        country = info.get("country") if info else None
        code = gazetteer.iso_code(country) if country else None
        if not code:
            continue
        bare = _SUFFIX.sub("", base)
        if gazetteer.place_kind(base) != "province" and not _subdivision_named(gazetteer, bare, code):
            continue  # "Zabadani countryside": a town's surroundings, no province of that name
        renamed[base] = f"{bare} {type_word(code, bare)}"
        split[renamed[base]] = (base, "subdivision")
        split[base] = (base, "city")
    if not renamed:
        return places, {}
    out = []
    for span in places:
        name, kind, start, end, surface = span
        if name in renamed and mention_side(text, start, end, surface) == "subdivision":
            span = (renamed[name], kind, start, end, surface)
        out.append(span)
    return out, split


def _subdivision_named(gazetteer: Gazetteer, name: str, code: str) -> bool:
    """Whether the country ``code`` has a first-level subdivision called ``name``."""
    resolver = gazetteer.world_resolver()
    if resolver is None:
        return False
    from indexer.extraction.geonames import world_key

    return any(p.kind == "subdivision" and p.country == code for p in resolver.table.lookup(world_key(name)))


def seat_info(gazetteer: Gazetteer, split: dict[str, tuple[str, str]], name: str) -> dict[str, Any] | None:
    """``place_info`` of a name :func:`split_seats` told apart: its base
    place's coordinates, with the kind of this side."""
    base, kind = split[name]
    info = gazetteer.place_info(base)
    return None if info is None else {**info, "kind": kind}
