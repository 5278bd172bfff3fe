"""Places from the world table, found and resolved in the statement's context.

The matcher (:mod:`indexer.extraction.entities`) finds the names Sift's curated
gazetteers know. What is left is looked up here, as geoparsers do (CLAVIN,
Mordecai): *candidates* are the word sequences of capitalised runs that the
world table (:mod:`indexer.extraction.geonames`) may name (:mod:`indexer.extraction.world_candidates`);
a *decision*, here, then keeps a reading only with enough evidence:

- the mention: a name inside a longer capitalised name (``Geneva
  Conventions``, ``Ashley Sutton``, ``Karaj al-Hajz``) is not a place; nor an
  all-caps word (``WOLA``), a name before ``-based``/``-backed``/``-led``...,
  a name after a title (``President``), or a single word that the text also
  uses in lower case (an ordinary word);
- the statement: a reading in a country the statement names (or implies by a
  confidently resolved place) wins, nearest to the statement's other places;
  a part named relative to a place (``the al-Mashhad neighbourhood of
  Aleppo``) must lie in that place's country;
- the place: countries, subdivisions, regions and seas before towns; a town
  outside the statement's countries only when large (``Bari`` needs a
  quarter of a million people, ``Armenia`` the country beats the Colombian
  city). A weak reading is left out rather than resolved far away.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from indexer.analysis import STOPWORDS
from indexer.extraction.geonames import WorldPlace, WorldTable, same_name, world_key
from indexer.extraction.name_lists import english_surnames, language_names
from indexer.extraction.place_words import (
    COMPASS,
    COMPASS_ALONE,
    INSTITUTION_WORDS,
    LOCATIVES,
    ORIGIN_NOUNS,
    PERSON_VERBS,
    PLACE_TYPES,
    PLACE_WORDS_AFTER,
    TOWN_BODIES,
    VEHICLE_MAKES,
    VEHICLE_NOUNS,
)
from indexer.extraction.speakers import speakers as _speakers
from indexer.extraction.world_candidates import NAME_OPENERS, SETTLEMENT_NOUNS, WorldCandidates, after_locative, article_thing, dateline_place, in_place_list, of_place, party_place, source_to
from indexer.extraction.focus import famous_city, guessed_country, own_or_large
from indexer.extraction.world_ranking import (
    KIND_ORDER,
    MIN_POPULATION_ALONE,
    MIN_POPULATION_NO_CONTEXT,
    by_rank,
    dominant,
    nearest,
    seat_city,
)
from indexer.extraction.words import Words

__all__ = ["Resolved", "WorldResolver"]


#: US states as AP style abbreviates them.
AP_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "D.C.": "District of Columbia",
    "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon",
    "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Va.": "Virginia", "Vt.": "Vermont", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
_AP_STATE = re.compile(r"[,-] ?(?P<abbr>[A-Z]\.[ ]?[A-Z][a-z]?\.|[A-Z][a-z]{1,4}\.)(?!\w)")
#: Two dots (``S.C.``, ``W.Va.``) are no word: such a state wherever it stands
#: (not after a word character or a dot; the pattern starts with the capital,
#: so ``re`` jumps from capital to capital instead of trying every position).
_AP_DOTTED = re.compile(r"(?P<abbr>[A-Z](?<![\w.][A-Z])\.[ ]?[A-Z][a-z]?\.)(?!\w)")
#: What comes before a state's abbreviation: a word and ``, `` or a party's ``D-``.
_AP_BEFORE = re.compile(r"(?:\w, |(?<!\w)[DRI]-)$")
#: A one-dot abbreviation before a lower-case word (a headline's ``Ga. pastor``,
#: ``Mass. legislators``): the dot ends no sentence, so it is the abbreviation's.
_AP_BEFORE_NOUN = re.compile(r"(?<![\w.])(?P<abbr>[A-Z][a-z]{1,4}\.)(?= [a-z])")
_DOT_LOWER = re.compile(r"\. [a-z]")  # (found fast: a literal start)
#: What every match of the three patterns above holds: a dot right after a
#: capital and at most four lower-case letters. Found from dot to dot (a
#: literal start), it spares the three scans of a text without one.
_AP_SIGN = re.compile(r"\.(?:(?<=[A-Z]\.)|(?<=[A-Z][a-z]\.)|(?<=[A-Z][a-z]{2}\.)|(?<=[A-Z][a-z]{3}\.)|(?<=[A-Z][a-z]{4}\.))")
#: A vehicle's model year (and colour) and make (``a 1992 Toyota``, ``his 2007 Cadillac``, ``a 1993 brown Cadillac``).
#: (``(?<= \d\d)`` after the century is a space before it: a pattern opening with
#: digits lets ``re`` jump from digit to digit, where a lookbehind first was tried everywhere.)
_MODEL_YEAR = re.compile(r"(?:19|20)(?<= \d\d)\d\d (?:(?:white|black|red|blue|green|silver|gr[ae]y|brown|gold|tan|maroon|beige) )?([A-Z][a-z]+)\b")  # (the article before: _MAKE_BEFORE)
_MAKE_BEFORE = re.compile(r"(?:\b[Aa]n?|\b[Tt]he|\b[Hh]is|\b[Hh]er|\b[Tt]heir) $")
#: A town the text places ("in Shakopee") outside the statement's countries
#: when no other place bears its name: this many people (not ``Pack 174``).
_UNIQUE_TOWN_POPULATION = 10_000
#: Cities US news abbreviates so.
AP_CITIES = {"L.A.": "Los Angeles", "Phila.": "Philadelphia"}
_AP_CITY_NAMES = frozenset(AP_CITIES.values())


@dataclass(frozen=True, slots=True)
class Resolved:
    """A world place chosen for words ``first..last`` of the text."""

    first: int
    last: int
    place: WorldPlace


class WorldResolver(WorldCandidates):
    """Finds and resolves world places in a text around the matcher's names."""

    def __init__(self, table: WorldTable, titles: Iterable[str], stop: Iterable[str],
                 common: Iterable[str], person: Iterable[str] = ()) -> None:
        self.table = table
        self.person = frozenset(person)
        self.titles = frozenset(titles)
        self.stop = frozenset(stop)
        self.common = frozenset(common)
        self._readings_of: dict[str, tuple[WorldPlace, ...]] = {}
        self._surname_words: frozenset[str] | None = None  # read on first use (a file)

    def find(self, words: Words, taken: set[int], countries: set[str],
             anchors: list[WorldPlace], placed: dict[int, tuple[int, int]] | None = None,
             person_words: Iterable[str] = ()) -> list[Resolved]:
        """World places in ``words`` outside the ``taken`` word indices.

        :param countries: ISO codes of countries the statement names or
            implies (grown here by confidently resolved places).
        :param anchors: places already resolved (for closeness).
        :param placed: word -> ``(first, last)`` of the places found already;
            a longer world name may contain them (``North Darfur`` over ``Darfur``).
        :param person_words: keys of the words of the people the text names:
            alone, such a word is that person (``Jones' appointment``), not a town.
        """
        self._placed = placed or {}
        out: list[Resolved] = self._ap_states(words, taken) if "." in words.text else []
        ap_at = {r.first: r.place for r in out}
        if out:  # "Charleston, W.Va.": the state places the town before it
            taken = taken | {w for r in out for w in range(r.first, r.last + 1)}
            countries.add("US")
            anchors.extend(r.place for r in out)
        cands = list(self._candidates(words, taken))
        if not cands:
            return out
        lower = _lower_words(words)
        surname_words = self._surname_words
        if surname_words is None:
            surname_words = self._surname_words = english_surnames()
        # first word -> last word of each candidate and back (a list of places goes on so)
        cand_ends = self._cand_ends = {c[0]: c[1] for c in cands} | {c[1]: c[0] for c in cands}
        surnames = self._surnames | set(person_words)
        text = words.text
        makes = {m.group(1).lower() for m in _MODEL_YEAR.finditer(text)
                 if _MAKE_BEFORE.search(text, max(0, m.start() - 7), m.start())}
        named = VEHICLE_MAKES.intersection(words.key_set())
        if named:  # (every mention: one before a model is no candidate, "a Toyota Camry")
            keys = words.key
            makes |= {keys[i] for i in range(len(keys)) if keys[i] in named and _vehicle_follows(words, i)}
        if makes:  # "a 1992 Toyota Corolla", "his Toyota Hilux": a make, in every mention
            surnames |= makes
        speakers = _speakers(words, cands, self.titles, PERSON_VERBS, LOCATIVES)
        pending: list[tuple[int, int, tuple[WorldPlace, ...], str | None]] = []
        confirmed = self._places_by_context(words, cands)
        for first, last, readings in cands:
            if not self._mention_ok(words, first, last, lower, confirmed) or \
                    (first == last and all(p.kind == "city" and not p.name.startswith("The ") for p in readings)
                     and article_thing(words, first, last)) or \
                    (first == last and words.key[first] in surnames
                     and (all(p.kind == "city" for p in readings)
                          or words.key[first] in person_words and not self._context_says_place(words, first))) or \
                    (first == last and words.key[first] in speakers
                     and all(p.kind == "city" and p.population < MIN_POPULATION_NO_CONTEXT for p in readings)):
                continue
            if _compass_before_continent(words, first, last):
                continue
            part_of = self._part_of(words, first, last)
            placed_in = self._placed_in(words, last, readings, ap_at) if len(readings) > 1 else ()
            if first == last and not placed_in and words.key[first] in surname_words \
                    and self._person_not_place(words, first, readings, ap_at, cand_ends):
                continue
            if placed_in and part_of is None:  # "Savannah, Georgia": the text placed it
                best = by_rank(placed_in)[0]
                out.append(Resolved(first, last, best))
                anchors.append(best)
                countries.add(best.country)
                continue
            readings = placed_in or readings
            follows = _noun_after(words, last)
            if not placed_in and follows in _GROUP_NOUNS and not (follows in ("state", "states") and any(
                    p.kind == "subdivision" for p in readings)):
                continue  # "Gulf monarchies", "the Baltic states": an adjective, as a demonym is
                # (not "Kaduna state": a state itself)
            if not placed_in and follows in _REGION_NOUNS \
                    and any(p.kind == "subdivision" and p.country not in countries for p in readings):
                # "the Gulf region", "the Balkan states": the name of a region, not the
                # province of another country named so (Gulf, Papua New Guinea; Balkan,
                # Turkmenistan).
                readings = tuple(p for p in readings if p.kind != "subdivision" or p.country in countries)
                if not readings:
                    continue
            pending.append((first, last, readings, part_of))
        # Confident readings first (countries, regions, unique large places):
        # they set the statement's countries for the rest.
        rest = []
        for first, last, readings, part_of in pending:
            best = by_rank(readings)[0] if len(readings) == 1 or dominant(readings) else None
            if best is not None and part_of is None and (
                    best.kind != "city" or best.population >= MIN_POPULATION_ALONE
                    or best.country in countries):
                out.append(Resolved(first, last, seat_city(best, readings)))
                anchors.append(best)
                if best.kind != "region" and best.country:
                    countries.add(best.country)
            else:
                rest.append((first, last, readings, part_of))
        own = [own_or_large(readings, " ".join(words.key[first:last + 1]))
               for first, last, readings, _ in pending]
        guessed = guessed_country([(first, readings) for (first, _, _, _), readings in zip(pending, own)]) - countries
        focus = countries | guessed
        own_at = {first: readings for (first, _, _, _), readings in zip(pending, own)}
        undecided: list[tuple[int, int]] = []
        for first, last, readings, part_of in rest:
            if guessed:
                # A guessed country takes only the names its places really bear
                # (``Sadly`` is an alternate name of Sudley, Virginia: no mention of it).
                readings = tuple(p for p in readings if p.country not in guessed) + \
                    tuple(p for p in own_at[first] if p.country in guessed)
            best = self._decide(readings, focus, anchors, part_of) if readings else None
            if best is None and part_of is None and self._said_place(words, first, last) \
                    and not (first == last and (words.key[first] in self.table.words
                                                or words.key[first] in STOPWORDS
                                                or words.key[first] in language_names())):
                # "an Albany man", "in Ozark", "Ozark police": the text says it is a
                # place; its largest reading in the statement's countries (any, when
                # it names none) whose own name it is ("in Tawila" is no Yemeni At Tawilah)
                key = " ".join(words.key[first:last + 1])
                own = [p for p in readings if (not focus or p.country in focus) and same_name(p.name, key)]
                if not own:  # the focus was a guess from other names, or the only place of that name
                    anywhere = [p for p in readings if same_name(p.name, key)]
                    own = anywhere if not countries or len(anywhere) == 1 \
                        and anywhere[0].population >= _UNIQUE_TOWN_POPULATION \
                        and _stands_alone(words, first, last) \
                        else famous_city(anywhere) if _stands_alone(words, first, last) else []
                best = seat_city(by_rank(tuple(own))[0], readings) if own else None
            if best is not None:
                out.append(Resolved(first, last, seat_city(best, readings)))
                anchors.append(best)
            elif part_of is None:
                undecided.append((first, last))
        if undecided and out:
            out += _same_sense(words, undecided, out)
        out.sort(key=lambda r: r.first)
        return out

    def _ap_states(self, words: Words, taken: set[int]) -> list[Resolved]:
        """US states written in the AP style after a town and a comma
        (``Louisville, Ky.``, ``Charleston, W. Va.``) or a party initial
        (``D-S.C.``): standard in US news, never alone (``Ill.``, ``Miss.``
        and ``Pa.`` are words too)."""
        out: list[Resolved] = []
        text = words.text
        if not _AP_SIGN.search(text):
            return out
        seen: set[int] = set()
        before_noun = _AP_BEFORE_NOUN.finditer(text) if _DOT_LOWER.search(text) else ()
        for m in (*_AP_STATE.finditer(text), *_AP_DOTTED.finditer(text), *before_noun):
            abbr = m.group("abbr").replace(" ", "")
            state = AP_STATES.get(abbr) or AP_CITIES.get(abbr)
            at = m.start("abbr")
            if state is None or at in seen or not (m.re is not _AP_STATE or _AP_BEFORE.search(text, max(0, at - 3), at)):
                continue
            if m.re is _AP_BEFORE_NOUN and text[m.end():m.end() + 12].split()[0].strip(",.;:") in STOPWORDS:
                continue  # "Ill. and tired": a word (and a typo's dot), not the state
            seen.add(at)
            first = bisect_left(words.start, m.start("abbr"))
            last = bisect_left(words.start, m.end("abbr")) - 1
            if first > last or not taken.isdisjoint(range(first, last + 1)):
                continue
            kind = "city" if state in _AP_CITY_NAMES else "subdivision"
            place = next((p for p in by_rank(self.table.lookup(world_key(state)))
                          if p.kind == kind and p.country == "US"), None)
            if place is not None:
                out.append(Resolved(first, last, place))
        return out

    def _placed_in(self, words: Words, last: int, readings: tuple[WorldPlace, ...],
                   ap_at: dict[int, WorldPlace]) -> tuple[WorldPlace, ...]:
        """The ``readings`` of the name ending at ``last`` that lie in the
        subdivision named after it and a comma (``Springfield, Ill.``,
        ``Springfield, Illinois``); ``()`` when none is named so."""
        nxt = last + 1
        if nxt >= len(words.key) or words.gap[nxt].strip() != ",":
            return ()
        region = ap_at.get(nxt)
        if region is None:
            for end in (nxt + 1, nxt):
                if end < len(words.key) and words.soft(end) or end == nxt:
                    region = next((p for p in self.table.lookup(" ".join(words.key[nxt:end + 1]))
                                   if p.kind == "subdivision"), None)
                    if region is not None:
                        break
        if region is None or not region.admin1:
            return ()
        return tuple(p for p in readings if p.kind == "city" and p.country == region.country
                     and p.admin1 == region.admin1)

    @staticmethod
    def _said_place(words: Words, first: int, last: int) -> bool:
        """Whether the words around a name say it is a place: a locative
        before it (``in Ozark``) or a lower-case place or origin noun after it
        (``Ozark police``, ``an Albany man``)."""
        keys, nxt = words.key, last + 1
        if keys[first] in ("st", "ste", "saint"):
            return False  # "at St. James": a church or a school as often as a town
        if dateline_place(words, last):
            return True  # "SPRINGFIELD - The city": the story's place
        if nxt < len(keys) and words.soft(nxt) and (not words.cap(nxt) or keys[nxt] in TOWN_BODIES) \
                and (keys[nxt] in ORIGIN_NOUNS or keys[nxt] in PLACE_WORDS_AFTER):
            return True  # "Ozark police", "an Albany man"; "Carthage Police Chief": the town's own police
        if first > 1 and keys[first - 1] == "of" and keys[first - 2] in COMPASS_ALONE and not words.cap(first - 2):
            return True  # "60 miles southwest of Raleigh"
        return first > 0 and keys[first - 1] in LOCATIVES and words.soft(first) and not words.cap(first - 1) \
            and not source_to(keys, first)

    def _person_not_place(self, words: Words, at: int, readings: tuple[WorldPlace, ...],
                          ap_at: dict[int, WorldPlace], cand_ends: dict[int, int]) -> bool:
        """Whether a common surname alone (``Welch``, ``Webb``) names a person,
        not the small town of that name: when every reading is a town under
        :data:`MIN_POPULATION_NO_CONTEXT` and nothing around says place (a
        locative, ``the city of X``, a state after a comma, ``X police``, a
        list of places or of counties, a dash-joined place)."""
        if any(p.kind != "city" or p.population >= MIN_POPULATION_NO_CONTEXT for p in readings):
            return False
        keys, n = words.key, len(words.key)
        if after_locative(keys, at) or of_place(words, at, at) or party_place(words, at) or self._dash_pair(words, at) \
                or at + 1 < n and self._dash_pair(words, at + 1):
            return False
        if at > 1 and keys[at - 1] == "of" and keys[at - 2] in SETTLEMENT_NOUNS:
            return False  # "the city of Monroe"
        if at > 0 and keys[at - 1] in NAME_OPENERS and words.cap(at - 1):
            return False  # "St. Paul", "Mt. Pleasant": the abbreviation parted the name
        nxt = at + 1
        if nxt < n and words.soft(nxt) and keys[nxt] in PLACE_WORDS_AFTER:
            return False
        if in_place_list(words, at, cand_ends, self._surname_words or frozenset()):
            return False
        # "Welch, W.Va.", "Hailey, Idaho": a state after a comma places it.
        return not (nxt in ap_at or nxt < n and words.gap[nxt].strip() == "," and words.cap(nxt)
                    and any(p.kind == "subdivision" for p in self.table.lookup(keys[nxt])))

    def is_place_name(self, name: str) -> bool:
        """Whether ``name`` is some world place's own full name (``Rock Hill``)."""
        key = world_key(name)
        return any(same_name(p.name, key) for p in self.table.lookup(key))

    def name_rank(self, place: WorldPlace) -> int:
        """Whether a place's output name must add its country so that one name
        never stands for places of two countries, whatever was read before: 0
        when the first reading of its name (by kind, then population; a city
        for a subdivision named after it) lies in its country, else 1. Places
        of one country that share a name share it (the output's coordinates
        still tell them apart)."""
        readings = self.table.lookup(world_key(place.name))
        if not readings:
            return 0
        first = seat_city(by_rank(readings)[0], readings)
        return 0 if first.country == place.country else 1

    # ------------------------------------------------------------- decision
    def _decide(self, readings: tuple[WorldPlace, ...], countries: set[str],
                anchors: list[WorldPlace], part_of: str | None) -> WorldPlace | None:
        if part_of is not None:
            host = self.table.lookup(world_key(part_of))
            host_countries = {p.country for p in host[:3]} | countries
            inside = [p for p in readings if p.country in host_countries]
            return nearest(inside, [*host[:1], *anchors]) if inside else None
        local = [p for p in readings if p.country in countries]
        if local:
            near = nearest(local, anchors)
            # A sea, a region or a famous city is not the small namesake town of the
            # statement's country (Geneva and Berlin in a text naming the US).
            if near.kind == "city" and near.population < MIN_POPULATION_NO_CONTEXT:
                top = min(readings, key=lambda p: (KIND_ORDER[p.kind], -p.population))
                if top.kind in ("water", "region"):
                    return top
                famous = max(readings, key=lambda p: (p.kind == "city", p.population))
                if famous.kind == "city" and world_key(famous.name) == world_key(near.name) \
                        and famous.population >= max(MIN_POPULATION_NO_CONTEXT,
                                                                       5 * near.population):
                    return famous
            return near
        best = min(readings, key=lambda p: (KIND_ORDER[p.kind], -p.population))
        if best.kind != "city":
            return best
        floor = MIN_POPULATION_ALONE if countries else MIN_POPULATION_NO_CONTEXT
        return best if best.population >= floor else None


#: Continents and their adjectives: a compass name before one is part of a
#: region's name (``North-East Asia``, ``the South-East Asian region``).
_CONTINENT_WORDS = frozenset(
    "africa african america american americas asia asian europe european pacific atlantic "
    "mediterranean caribbean arctic".split())


#: Lower-case nouns after a name that make it an adjective of a group of
#: countries (``Gulf monarchies``, ``the Baltic states``): no place mention.
_GROUP_NOUNS = frozenset("state states country countries nation nations monarchies neighbours neighbors".split())
#: ... and that make it a region's name (``the Gulf region``): no province of another country.
_REGION_NOUNS = frozenset("region regions area peninsula".split())


def _noun_after(words: Words, last: int) -> str:
    """The lower-case word right after the name ending at ``last`` ("" if none)."""
    nxt = last + 1
    if nxt < len(words.key) and words.soft(nxt) and not words.cap(nxt):
        return words.key[nxt]
    return ""


def _compass_before_continent(words: Words, first: int, last: int) -> bool:
    """Whether a name made of compass words (``South East``, ``North-East``)
    opens a region's name with a continent (``North-East Asia``): not the
    district or town named so (South East, Botswana; North East, Maryland)."""
    keys, nxt = words.key, last + 1
    return nxt < len(keys) and keys[nxt] in _CONTINENT_WORDS and words.soft(nxt) \
        and all(keys[w] in COMPASS for w in range(first, last + 1))


def _vehicle_follows(words: Words, at: int) -> bool:
    """Whether the word after a make's name at ``at`` is a model's (a
    capitalised word that no place or institution takes: ``Toyota Hilux``,
    not ``Toyota City``) or a vehicle noun (``Toyota pickups``)."""
    nxt = at + 1
    if nxt >= len(words.key) or not words.soft(nxt):
        return False
    key = words.key[nxt]
    if words.cap(nxt):
        return key not in PLACE_TYPES and key not in INSTITUTION_WORDS
    return key in VEHICLE_NOUNS


def _stands_alone(words: Words, first: int, last: int) -> bool:
    """Whether a name is neither joined by a dash to the word before it
    (``Miami-Dade``) nor followed by a capitalised word (``Centennial
    Hall``, ``Panjab University``)."""
    nxt = last + 1
    return "-" not in words.gap[first] and not (nxt < len(words.key) and words.soft(nxt) and words.cap(nxt))


def _same_sense(words: Words, undecided: list[tuple[int, int]], resolved: list[Resolved]) -> list[Resolved]:
    """The undecided mentions of a name the text resolved elsewhere, read as
    that place: one sense per text (``in Whitestown`` ... ``Whitestown
    invited all donors``: a small town alone is no place, but the text said
    it is one). Only mentions that passed every check of a mention (no
    person, no longer name) and that no reading of their own settled."""
    keys = words.key
    place_of = {" ".join(keys[r.first:r.last + 1]): r.place for r in resolved}
    return [Resolved(first, last, place_of[key]) for first, last in undecided
            if (key := " ".join(keys[first:last + 1])) in place_of]


def _lower_words(words: Words) -> set[str]:
    """Keys the text writes in lower case somewhere (ordinary words there)."""
    return words.lower_keys()
