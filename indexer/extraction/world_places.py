"""World places added to the matcher's candidates: the glue between the
curated matcher (``indexer.extraction.entities``) and the world table's resolver.

It gathers the statement's countries and taken words, runs the resolver,
the kind-named, landform and list places, and gives the output form of a
place (:func:`place_record`). Apart from the resolver, which knows nothing
of the gazetteer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from indexer.extraction.geonames import WorldPlace, world_key
from indexer.extraction.kind_places import KIND_WORDS, kind_named_places
from indexer.extraction.landforms import landform_places
from indexer.extraction.list_places import list_places
from indexer.extraction.name_lists import common_words, first_names
from indexer.extraction.party_homes import party_homes
from indexer.extraction.place_words import group_name
from indexer.extraction.relative_places import RELATIVE_CUES, relative_places
from indexer.extraction.resolve import AP_STATES, Resolved, WorldResolver
from indexer.extraction.spelling_variants import variant_places
from indexer.extraction.state_towns import towns_before_states
from indexer.extraction.unknown_towns import unknown_towns
from indexer.extraction.words import Words
from indexer.extraction.world_ranking import distance_km

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["OUTPUT_KIND", "add_world_places", "place_record", "states_after_places"]

#: Sift's place kinds (``places.tsv``) as the kinds of the output.
OUTPUT_KIND = {"country": "country", "province": "subdivision", "city": "city", "town": "city",
               "village": "city", "area": "region", "region": "region", "subdivision": "subdivision",
               "water": "water"}


def place_record(place: WorldPlace, country: str | None) -> dict[str, object]:
    """The output form of a place: ``{"kind", "lat", "lon", "country"}``."""
    return {"kind": OUTPUT_KIND.get(place.kind, place.kind), "lat": round(place.lat, 4),
            "lon": round(place.lon, 4), "country": country}


def add_world_places(gaz: Gazetteer, words: Words, actors: list[tuple], places: list[tuple]) -> list[tuple]:
    """``places`` (the matcher's candidates ``(first, last, name, kind, ...)``)
    with the world places found around them and around ``actors``, in text
    order; each world place is remembered by ``gaz`` (:meth:`Gazetteer.place_info`)."""
    resolver = gaz.world_resolver()
    if resolver is None:
        return places
    if not _SUBDIVISION_WORDS.isdisjoint(words.key_set()):
        places = _subdivisions_named_as_countries(gaz, resolver, words, places)
    if "in" in words.key_set():  # "the neighborhood of al-Kallaseh in Damascus": not Aleppo's Kalaseh
        places = _parts_placed_elsewhere(gaz, words, places)
    # An organisation-pattern name may open with its seat's name (``Dublin
    # Historical Society``): those words are left to the resolver's institution
    # rule, as curated places are; the rest (``Office of the White House``) is taken.
    taken = {i for c in actors for i in range(_seat_end(words, c), c[1] + 1)}
    # A longer world name may contain a place or a country read as an actor
    # (``Mexico City``, ``Mexico City police``): the caller drops that actor.
    placed = {i: (c[0], c[1]) for c in (*places, *(a for a in actors if a[3] == "state"))
              for i in range(c[0], c[1] + 1)}
    taken.update(placed)
    countries: set[str] = set()
    code_of = gaz.iso_code
    # Each place's chain once: a statement names its places again and again.
    parents = {name: gaz.parents(name) for name in {c[2] for c in places}}
    for name, chain in parents.items():
        code = code_of(chain[-1] if chain else name)
        if code:
            countries.add(code)
    for name in {c[2] for c in actors}:
        code = code_of(name)
        if code:
            countries.add(code)
    keys = words.key
    if countries:
        countries |= _namesake_states(resolver, words, actors, places)
    # A person's surname alone is that person ("Jones' appointment"), and a given name
    # (Roy, Amelia); a town's name misread as one is no short mention (person_mentions):
    # the town stays ("Lancaster Girls' Grammar School ... a woman from Lancaster").
    given = first_names()
    person_words = {keys[i] for c in actors if c[3] == "person"
                    for i in range(c[0] + (c[1] > c[0] and keys[c[0]] not in given), c[1] + 1)}
    found = resolver.find(words, taken, countries, [], placed, person_words)
    demonyms = gaz.demonyms
    if found and demonyms:  # "Canadian" is no town in Texas, "English" none in Indiana
        found = [r for r in found if r.first != r.last or keys[r.first] not in demonyms]
    found, placed_towns = _towns_before_states(resolver, words, taken, actors, places, found)
    found_words = {i for r in found for i in range(r.first, r.last + 1)}
    # The words no later finder may take, grown as each finds names (one set, not one per finder).
    used = taken | found_words
    if "-" in words.text:  # "Rep. Brent Boggs, D-Braxton": the lawmaker's home
        placed_towns += party_homes(words, used | _covered(places) | _covered(placed_towns), _STATE_ABBREVIATIONS)
    regions = {name for c in places if c[3] != "country" for name in (c[2], *parents[c[2]][:-1])}
    if regions:  # "Talbeesah" in a statement about Homs: the curated Talbiseh (another spelling)
        variants = variant_places(gaz, words, used | _covered(placed_towns), set(placed) | found_words,
                                  regions, lambda key: _ordinary(gaz, words, actors)(key))
        placed_towns += variants
        used |= _covered(variants)
    if KIND_WORDS.isdisjoint(words.key_set()):
        named: list[tuple] = placed_towns  # (what kind_named_places returns then, and those)
    else:
        named = placed_towns + kind_named_places(words, used, _stop_words(resolver, gaz.demonyms), common_words())
    used |= _covered(named)
    landforms = landform_places(words, used)
    used |= _covered(landforms)
    lists = list_places(words, used)
    named += landforms
    named += lists
    if " in " in words.text:  # "who lives in Cockerham,": a town no data knows
        used |= _covered(lists)
        used |= _covered(places)
        named += unknown_towns(words, used, _ordinary(gaz, words, actors))
    if "," in words.text and not RELATIVE_CUES.isdisjoint(words.key_set()):
        # "Titanyen, north of Port-au-Prince": a village set by a known place
        named += relative_places(words, taken | found_words | _covered(places) | _covered(named),
                                 set(placed) | found_words | _covered(named),
                                 _ordinary(gaz, words, actors))
    if not found and not named:
        return places
    out = [c for c in places if not any(r.first <= c[0] and c[1] <= r.last for r in found)]
    for r in found:
        name = gaz.remember_world_place(r.place)
        out.append((r.first, r.last, name, OUTPUT_KIND.get(r.place.kind, r.place.kind), r.first - r.last, 0))
    # "the Great Lakes region": a region named with its kind word is the curated place of that name
    out += [_with_kind_word(gaz, resolver, c) if c[3] == "region" else c for c in named]
    out.sort(key=lambda c: c[0])
    return out


def _covered(spans: list[tuple]) -> set[int]:
    """The words of candidates ``(first, last, ...)``."""
    return {i for c in spans for i in range(c[0], c[1] + 1)}


def _with_kind_word(gaz: Gazetteer, resolver: WorldResolver, c: tuple) -> tuple:
    """A region the text names before a lower-case ``region`` (``the Great Lakes
    region``): the world's region of that whole name where there is one (so
    ``Great Lakes Region`` elsewhere in the text is the same place)."""
    place = next((p for p in resolver.table.lookup(world_key(f"{c[2]} region")) if p.kind == "region"), None)
    return c if place is None else (*c[:2], gaz.remember_world_place(place), *c[3:])


def _ordinary(gaz: Gazetteer, words: Words, actors: list[tuple]) -> Callable[[str], bool]:
    """Whether a folded word is no town's name: common in English, a demonym,
    a language, or a word of a person the text names."""
    common, demonyms = common_words(), gaz.demonyms
    people = {k for a in actors if a[3] == "person" for k in words.key[a[0]:a[1] + 1]}
    return lambda key: key in common or key in demonyms or key in people or key in gaz.guards.common


def _towns_before_states(resolver: WorldResolver, words: Words, taken: set[int], actors: list[tuple],
                         places: list[tuple], found: list[Resolved]) -> tuple[list[Resolved], list[tuple]]:
    """``(found, towns)``: ``found`` with the towns the world knows right
    before a comma and a state or country (``Surprise, Ariz.``, ``Taji,
    Iraq``), and the candidates of those it does not know (``Thackerville,
    Okla.``: no coordinates); see :mod:`indexer.extraction.state_towns`."""
    if "," not in words.text:
        return found, []
    table = resolver.table
    regions: list[tuple[int, WorldPlace]] = [(r.first, r.place) for r in found
                                             if r.place.kind in ("subdivision", "country")]
    for c in (*places, *actors):
        if c[3] in ("country", "subdivision", "province", "state") and c[0] > 0 and words.gap[c[0]].strip() == ",":
            key = " ".join(words.key[c[0]:c[1] + 1])
            region = next((p for p in table.lookup(key) if p.kind in ("subdivision", "country")), None)
            if region is not None:
                regions.append((c[0], region))
    if not regions:
        return found, []
    used = taken | {i for r in found for i in range(r.first, r.last + 1)} \
        | {i for c in places for i in range(c[0], c[1] + 1)}
    towns = towns_before_states(words, used, regions, table, common_words() | words.lower_keys() | resolver.common)
    if not towns:
        return found, []
    known = [Resolved(first, last, place) for first, last, place, _ in towns if place is not None]
    unknown = [(first, last, name, "city", first - last, 0) for first, last, place, name in towns if place is None]
    return sorted(found + known, key=lambda r: r.first), unknown


def states_after_places(gaz: Gazetteer, words: Words, actors: list[tuple], places: list[tuple],
                        countries: set[tuple[int, int]]) -> tuple[list[tuple], list[tuple]]:
    """``(actors, places)`` with each country after a place of another
    country and a comma read as that country's subdivision of the same name
    when it has one (``Savannah, Georgia`` is the US state, not the country
    acting); unchanged otherwise."""
    resolver = gaz.world_resolver()
    if resolver is None:
        return actors, places
    ends = {p[1]: p for p in places if p[3] != "country"}
    moved: list[tuple] = []
    for a in actors:
        place = ends.get(a[0] - 1)
        if (a[0], a[1]) not in countries or place is None or words.gap[a[0]].strip() != ",":
            continue
        chain = [place[2], *gaz.parents(place[2])]
        code = gaz.iso_code(chain[-1])
        if code is None or code == gaz.iso_code(a[2]):
            continue
        key = " ".join(words.key[a[0]:a[1] + 1])
        state = next((p for p in resolver.table.lookup(key) if p.kind == "subdivision" and p.country == code), None)
        if state is not None:
            moved.append(a)
            places = places + [(a[0], a[1], gaz.remember_world_place(state), "subdivision", a[0] - a[1], 0)]
    if not moved:
        return actors, places
    places.sort(key=lambda c: c[0])
    return [a for a in actors if a not in moved], places


def _namesake_states(resolver: WorldResolver, words: Words, actors: list[tuple], places: list[tuple]) -> set[str]:
    """The countries of the subdivisions a country's name as written also
    names (``Georgia``: the US state too). Such a name does not settle the
    statement's country (``Georgia Bureau of Investigation`` ... ``Albany``):
    those countries are the statement's too, for the resolver."""
    keys = words.key
    names = {" ".join(keys[c[0]:c[1] + 1]) for c in (*places, *actors) if c[3] in ("country", "state")}
    lookup = resolver.table.lookup
    return {p.country for key in names for p in lookup(key) if p.kind == "subdivision" and p.country}


#: AP state abbreviations folded, without their dots (``calif``, ``wva``).
_STATE_ABBREVIATIONS = frozenset(a.replace(".", "").lower() for a in AP_STATES)
#: Kind words after a name that make it a subdivision (``Niger State``, ``Punjab province``).
_SUBDIVISION_WORDS = frozenset("state province region governorate oblast".split())


def _subdivisions_named_as_countries(gaz: Gazetteer, resolver: WorldResolver, words: Words,
                                     places: list[tuple]) -> list[tuple]:
    """``places`` with a country followed by a subdivision's kind word read
    as the subdivision of that name in another country (``Niger State``,
    ``in Niger state``: Nigeria's, not the country), named as written with
    its kind word; unchanged otherwise."""
    keys, n = words.key, len(words.key)
    out = []
    for c in places:
        nxt = c[1] + 1
        if c[3] == "country" and nxt < n and keys[nxt] in _SUBDIVISION_WORDS and words.soft(nxt) \
                and "-" not in words.gap[nxt]:
            code = gaz.iso_code(c[2])
            key = " ".join(keys[c[0]:c[1] + 1])
            state = next((p for p in resolver.table.lookup(key) if p.kind == "subdivision" and p.country != code
                          and world_key(p.name) == key), None)
            if state is not None:
                out.append((c[0], nxt, gaz.remember_world_place(state, keys[nxt].title()), "subdivision",
                            c[0] - nxt, 0))
                continue
        out.append(c)
    return out


#: A city a text places a known neighbourhood in, this far from the neighbourhood's own: another place.
_ELSEWHERE_KM = 50.0


def _parts_placed_elsewhere(gaz: Gazetteer, words: Words, places: list[tuple]) -> list[tuple]:
    """``places`` with each known area (a neighbourhood) that the text puts
    ``in`` a city far from its own city named as written, a place of its own
    without coordinates (``al-Kallaseh in Damascus``: Kalaseh is Aleppo's;
    neighbourhoods' names recur from city to city); unchanged otherwise."""
    keys, n = words.key, len(words.key)
    starts = {c[0]: c for c in places}
    elsewhere: set[str] = set()
    for c in places:
        host = starts.get(c[1] + 2) if c[1] + 2 < n and keys[c[1] + 1] == "in" and c[3] == "area" else None
        own = gaz.parents(c[2])[:1] if host is not None else []
        where, there = (gaz.place_info(own[0]), gaz.place_info(host[2])) if own and own[0] != host[2] else (None, None)
        if where and there and where.get("lat") is not None and there.get("lat") is not None and distance_km(
                _Point(where["lat"], where["lon"]), _Point(there["lat"], there["lon"])) > _ELSEWHERE_KM:
            elsewhere.add(c[2])
    if not elsewhere:
        return places
    out = []
    for c in places:  # (every mention: one sense per text)
        if c[2] in elsewhere:
            lo = c[0] - 1 if c[0] > 0 and keys[c[0] - 1] in ("al", "el") and "-" in words.gap[c[0]] else c[0]
            c = (lo, c[1], words.written(lo, c[1]), "city", lo - c[1], 0)
        out.append(c)
    return out


class _Point(NamedTuple):
    lat: float
    lon: float


def _seat_end(words: Words, actor: tuple) -> int:
    """The first word of ``actor`` that is not its seat: the word after its
    leading capitalised words for an organisation-pattern name (up to ``of``,
    ``for``... or its last word), else its first word."""
    first, last = actor[0], actor[1]
    if actor[3] != "organisation" or group_name(words.key, first, last):
        return first  # (no seat: "Aleppo Front" names a group)
    keys = words.key
    i = first
    while i < last and keys[i + 1] not in _ORG_LINK_WORDS:
        i += 1
    return i


#: Words that end the leading part of an organisation's name (``Office of ...``).
_ORG_LINK_WORDS = frozenset("of for on against the and".split())


_STOP_WORDS: list[tuple[WorldResolver, dict[str, Any], int, frozenset[str]]] = []


def _stop_words(resolver: WorldResolver, demonyms: dict[str, Any]) -> frozenset[str]:
    """``resolver.stop`` and the demonyms, built once per resolver and demonym table."""
    if _STOP_WORDS:
        cached_resolver, cached_demonyms, size, words = _STOP_WORDS[0]
        if cached_resolver is resolver and cached_demonyms is demonyms and size == len(demonyms):
            return words
    words = frozenset(resolver.stop | demonyms.keys())
    _STOP_WORDS[:] = [(resolver, demonyms, len(demonyms), words)]
    return words
