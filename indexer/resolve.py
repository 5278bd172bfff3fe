"""Places from the world table, found and resolved in the statement's context.

The matcher (:mod:`indexer.entities`) finds the names Sift's curated
gazetteers know. What is left is looked up here, as geoparsers do (CLAVIN,
Mordecai): *candidates* are the word sequences of capitalised runs that the
world table (:mod:`indexer.geonames`) may name; a *decision* then keeps a
reading only with enough evidence:

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

import math
import re
from bisect import bisect_left
from itertools import compress
from collections.abc import Iterable
from dataclasses import dataclass

from typing import TYPE_CHECKING, Any

from indexer.analysis import STOPWORDS
from indexer.geonames import WorldPlace, WorldTable, world_key
from indexer.landforms import landform_places
from indexer.list_places import list_places
from indexer.name_lists import first_names
from indexer.speakers import speakers as _speakers
from indexer.words import SOFT, WORD_INFO, Words

if TYPE_CHECKING:
    from indexer.gazetteer import Gazetteer

__all__ = ["Resolved", "WorldResolver", "add_world_places", "distance_km", "place_record"]

#: Words after a name, joined by a hyphen, that make it a modifier, never a
#: place mention (``Britain-based monitor``, ``US-backed forces``).
COMPOUND_WORDS = frozenset("based backed led brokered funded sponsored supported born "
                           "registered made owned run allied aligned".split())
#: Words after a place's name that make it an agreement's name (``the Dayton
#: accords``, ``the Minsk agreements``), not a place mention.
AGREEMENT_WORDS = frozenset("accord accords agreement agreements protocol protocols treaty treaties "
                            "declaration convention conventions format".split())
_AGREEMENT_KINDS = frozenset("peace ceasefire truce trade nuclear framework".split())
#: Lower-case words allowed inside a capitalised run (``Bab al-Mandab``,
#: ``Gulf of Aden``, ``Rio de Janeiro``).
_CONNECTORS = frozenset("al el ad ar as ash at az an ad ez es de del da do dos la le les "
                        "of on upon sur am im bin ibn abu".split())
#: Capitalised words after a name that keep it a place (``Kachin State``).
_PLACE_TYPES = frozenset("state province region governorate oblast county parish district "
                         "city town village area department prefecture territory island "
                         "islands valley countryside".split())
#: Words after a place that make the run an institution of that place.
INSTITUTION_WORDS = frozenset(
    "department court supreme senate house assembly legislature university college school "
    "schools board association police sheriff council government governor attorney commission "
    "committee ministry authority agency office fire army national guard airport hospital "
    "public community state republican democratic party chamber library museum general "
    "city county municipal regional provincial federal high district highway port "
    # the place's officials, services and local bodies ("Dublin Mayor", "Albany Fire
    # Department", "Lombard Historical Society", "Augusta Herald")
    "mayor manager marshal councilman councilwoman councillor councilor alderman selectman "
    "fire volunteer historical society foundation hall club lodge metropolitan memorial "
    "medical parks recreation education convention visitors tourism herald tribune gazette "
    "journal daily".split())
#: Words of a capitalised run that make it an institution seated in the
#: place of a kind that opens it (``Clarke County Superior Court``,
#: ``Henderson County Jail``): the place is named there (not so after a
#: bare name: ``Webb Center`` is named after a person).
INSTITUTION_HEADS = frozenset(
    "court courts jail prison office department sheriff commission commissioners school schools "
    "board council hospital university college police library museum authority agency committee "
    "center centre bureau airport assembly legislature senate examiner coroner".split())
#: A party's initial before a place (``Sen. Ray Miller, D-Columbus``): US news style.
_PARTY_INITIALS = frozenset("d r i".split())
_COMPASS = frozenset("north south east west northern southern eastern western northeast "
                     "northwest southeast southwest central upper lower greater new old".split())
#: Words after a name that only a place takes (``Paris Police``, ``Houston area``).
PLACE_WORDS_AFTER = frozenset(
    "police city county public library council mayor area suburbs suburb residents resident "
    "township metro downtown region district native natives".split())
#: Nouns after a name that say where a person is from: ``an Albany man``, ``a Lancaster mother``.
ORIGIN_NOUNS = frozenset("man woman men women boy boys girl girls teen teens teenager teenagers "
                         "couple family mother father youth".split())
#: Nouns that, with ``of`` after them, name a part of the following place.
PART_NOUNS = frozenset("neighbourhood neighborhood district quarter suburb suburbs outskirts "
                       "village town area camp crossing street square market hospital "
                       "countryside province governorate old city centre center".split())
#: A reading outside the statement's countries needs this many people.
MIN_POPULATION_ALONE = 250_000
#: ... or, in a statement that names no country, this many.
MIN_POPULATION_NO_CONTEXT = 100_000
#: Words after a single name that make it a person (``Brown said``).
_PERSON_VERBS = frozenset("said says told added asked wrote explained noted argued replied "
                          "testified stated recalled".split())
#: Abbreviations of months and titles, capitalised but never places.
_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu "
                           "fri sat sun mr mrs ms dr sen rep gov sgt lt col gen capt st".split())
_COMPASS_ALONE = frozenset("north south east west northeast northwest southeast southwest".split())
_LOCATIVES = frozenset("in into to from near at via through across outside inside".split())
_MAX_WORDS = 5
#: A possessive ends a name (``Aleppo's Karaj al-Hajz crossing``).
_POSSESSIVE_GAP = re.compile(r"['’ʼ][sS]")
_KIND_ORDER = {"country": 0, "water": 1, "region": 1, "subdivision": 2, "city": 3}


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
#: Two dots (``S.C.``, ``W.Va.``) are no word: such a state wherever it stands.
_AP_DOTTED = re.compile(r"\b(?<!\.)(?P<abbr>[A-Z]\.[ ]?[A-Z][a-z]?\.)(?!\w)")
#: What comes before a state's abbreviation: a word and ``, `` or a party's ``D-``.
_AP_BEFORE = re.compile(r"(?:\w, |(?<!\w)[DRI]-)$")


@dataclass(frozen=True, slots=True)
class Resolved:
    """A world place chosen for words ``first..last`` of the text."""

    first: int
    last: int
    place: WorldPlace


def distance_km(a: WorldPlace, b: WorldPlace) -> float:
    """Great-circle distance between two places."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12_742 * math.asin(min(1.0, math.sqrt(h)))


class WorldResolver:
    """Finds and resolves world places in a text around the matcher's names."""

    def __init__(self, table: WorldTable, titles: Iterable[str], stop: Iterable[str],
                 common: Iterable[str], person: Iterable[str] = ()) -> None:
        self.table = table
        self.person = frozenset(person)
        self.titles = frozenset(titles)
        self.stop = frozenset(stop)
        self.common = frozenset(common)
        self._readings_of: dict[str, tuple[WorldPlace, ...]] = {}

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
        surnames = self._surnames | set(person_words)
        speakers = _speakers(words, cands, self.titles, _PERSON_VERBS, _LOCATIVES)
        pending: list[tuple[int, int, tuple[WorldPlace, ...], str | None]] = []
        for first, last, readings in cands:
            if not self._mention_ok(words, first, last, lower) or \
                    (first == last and words.key[first] in surnames
                     and all(p.kind == "city" for p in readings)) or \
                    (first == last and words.key[first] in speakers
                     and all(p.kind == "city" and p.population < MIN_POPULATION_NO_CONTEXT for p in readings)):
                continue
            part_of = self._part_of(words, first, last)
            placed_in = self._placed_in(words, last, readings, ap_at) if len(readings) > 1 else ()
            readings = placed_in or readings
            pending.append((first, last, readings, part_of))
        # Confident readings first (countries, regions, unique large places):
        # they set the statement's countries for the rest.
        rest = []
        for first, last, readings, part_of in pending:
            best = _ranked(readings)[0] if len(readings) == 1 or _dominant(readings) else None
            if best is not None and part_of is None and (
                    best.kind != "city" or best.population >= MIN_POPULATION_ALONE
                    or best.country in countries):
                out.append(Resolved(first, last, _seat(best, readings)))
                anchors.append(best)
                if best.kind != "region" and best.country:
                    countries.add(best.country)
            else:
                rest.append((first, last, readings, part_of))
        focus = countries | _focus(pending)
        for first, last, readings, part_of in rest:
            best = self._decide(readings, focus, anchors, part_of)
            if best is None and part_of is None and last + 1 < len(words.key) and words.soft(last + 1) \
                    and words.key[last + 1] in ORIGIN_NOUNS and not words.cap(last + 1) \
                    and not (first == last and (words.key[first] in self.table.words
                                                or words.key[first] in STOPWORDS)):
                # "an Albany man": the text says it is a place; its largest reading
                best = _seat(_ranked(readings)[0], readings)
            if best is not None:
                out.append(Resolved(first, last, _seat(best, readings)))
                anchors.append(best)
        out.sort(key=lambda r: r.first)
        return out

    def _ap_states(self, words: Words, taken: set[int]) -> list[Resolved]:
        """US states written in the AP style after a town and a comma
        (``Louisville, Ky.``, ``Charleston, W. Va.``) or a party initial
        (``D-S.C.``): standard in US news, never alone (``Ill.``, ``Miss.``
        and ``Pa.`` are words too)."""
        out = []
        text = words.text
        seen: set[int] = set()
        for m in (*_AP_STATE.finditer(text), *_AP_DOTTED.finditer(text)):
            state = AP_STATES.get(m.group("abbr").replace(" ", ""))
            at = m.start("abbr")
            if state is None or at in seen or not (m.re is _AP_DOTTED or _AP_BEFORE.search(text, max(0, at - 3), at)):
                continue
            seen.add(at)
            first = bisect_left(words.start, m.start("abbr"))
            last = bisect_left(words.start, m.end("abbr")) - 1
            if first > last or not taken.isdisjoint(range(first, last + 1)):
                continue
            place = next((p for p in self.table.lookup(world_key(state))
                          if p.kind == "subdivision" and p.country == "US"), None)
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

    def is_place_name(self, name: str) -> bool:
        """Whether ``name`` is some world place's own full name (``Rock Hill``)."""
        key = world_key(name)
        return any(world_key(p.name) == key for p in self.table.lookup(key))

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
        first = _seat(_ranked(readings)[0], readings)
        return 0 if first.country == place.country else 1

    # ----------------------------------------------------------- candidates
    def _candidates(self, words: Words, taken: set[int]) -> Iterable[tuple[int, int, tuple[WorldPlace, ...]]]:
        """``(first, last, readings)`` for the longest names in capitalised runs."""
        keys, n = words.key, len(words.key)
        self._surnames: set[str] = set()
        caps = words.caps()
        pieces, gaps = words.pieces, words.gap
        maybe = self.table.maybe
        i = 0
        for i0 in compress(range(n), caps):
            if i0 < i or (i0 in taken and i0 not in self._placed):
                continue
            i = i0
            # A run of capitalised words (lower-case connectors inside).
            j = i
            # A date after a name is no part of it ("in Clinton April 4", "in Akron on Sept. 9").
            while j + 1 < n and pieces[2 * j + 2] == SOFT and not _POSSESSIVE_GAP.match(gaps[j + 1]) and (
                    caps[j + 1] and keys[j + 1] not in _DATE_NAMES or (keys[j + 1] in _CONNECTORS and j + 2 < n
                                    and words.soft(j + 2) and caps[j + 2] and keys[j + 2] not in _DATE_NAMES)):
                j += 1
            start = i
            # Sentence-initial function words are not part of a name ("In Aleppo").
            while start <= j and keys[start] in STOPWORDS and caps[start]:
                start += 1
            if 0 < j - start < 3 and keys[j] not in _PLACE_TYPES and keys[start] not in _COMPASS \
                    and keys[start] not in _SETTINGS and keys[start] not in self.table.words \
                    and taken.isdisjoint(range(start, j + 1)) and all(
                        keys[w] not in _CONNECTORS for w in range(start, j + 1)) \
                    and not maybe(" ".join(keys[start:j + 1])):
                # The last word of a longer name (a person's surname) is not a
                # place when the text later uses it alone ("John Brown ... Brown").
                self._surnames.add(keys[j])
            k = start
            while k <= j:
                found = None
                for end in range(min(j, k + _MAX_WORDS - 1), k - 1, -1):
                    if keys[end] in _CONNECTORS or not caps[k]:
                        continue
                    key = keys[k] if k == end else " ".join(keys[k:end + 1])
                    if not maybe(key) or key in self.stop and not self._confirmed(words, k, end):
                        continue
                    if taken and not taken.isdisjoint(range(k, end + 1)) and not self._free(k, end, taken):
                        continue
                    readings = self._readings(key)
                    if readings:
                        found = (k, end, readings)
                        break
                if found is None:
                    k += 1
                    continue
                if self._inside_longer_name(words, found[0], found[1], start, j, taken, found[2]):
                    k = found[1] + 1
                    continue
                yield found
                k = found[1] + 1
            i = j + 1

    def _readings(self, key: str) -> tuple[WorldPlace, ...]:
        """The readings of a name: a place's own name before another's
        alternate name (Oklahoma, not Oklahoma City); remembered per key."""
        found = self._readings_of.get(key)
        if found is None:
            readings = self.table.lookup(key)
            own = tuple(p for p in readings if world_key(p.name) == key)
            found = own if own and not _famous_alternate(own, readings) else readings
            if len(self._readings_of) > 50_000:
                self._readings_of.clear()
            self._readings_of[key] = found
        return found

    def _confirmed(self, words: Words, first: int, last: int) -> bool:
        """Whether a name that is also an ordinary word (a ``stop`` guard) is
        surely a place here: written with the accents of its own spelling
        (``Malé``), or placed by its country after a comma (``Male, Maldives``)."""
        if not all(words.surface[w].isascii() for w in range(first, last + 1)):
            return True
        nxt = last + 1
        if nxt >= len(words.key) or words.gap[nxt].strip() != ",":
            return False
        key = " ".join(words.key[first:last + 1])
        codes = {p.country for p in self.table.lookup(key)}
        for end in range(nxt, min(nxt + 3, len(words.key))):
            if end > nxt and not words.soft(end):
                break
            if any(p.kind == "country" and p.country in codes
                   for p in self.table.lookup(" ".join(words.key[nxt:end + 1]))):
                return True
        return False

    def _free(self, first: int, last: int, taken: set[int]) -> bool:
        """Whether words ``first..last`` touch no actor, and only places they
        contain and outgrow."""
        placed = self._placed
        for w in range(first, last + 1):
            span = placed.get(w)
            if span is not None:
                if not (first <= span[0] and span[1] <= last and span[1] - span[0] < last - first):
                    return False
            elif w in taken:
                return False
        return True

    def _inside_longer_name(self, words: Words, first: int, last: int, run_first: int,
                            run_last: int, taken: set[int], readings: tuple[WorldPlace, ...] = ()) -> bool:
        """Whether the name is part of a longer capitalised name (a treaty, a
        person, a street: ``Geneva Conventions``, ``Ashley Sutton``), not a
        place of its own. A place naming an institution's seat keeps it
        (``Texas Department of ...``, ``Ohio Supreme Court``, ``University of
        Texas``): the name there says where."""
        keys = words.key
        after = [w for w in range(last + 1, run_last + 1) if w not in taken]
        before = [w for w in range(run_first, first) if w not in taken]
        if before == [first - 1] and keys[first - 1] in _PARTY_INITIALS and "-" in words.gap[first]:
            before = []  # "D-Columbus": a party and a place
        if after and not all(keys[w] in _PLACE_TYPES for w in after):
            # A prominent place opening a name (``Nashville Film Festival``, ``Vancouver
            # International Airport``) says where, as an institution word after it does.
            if before or (keys[after[0]] not in INSTITUTION_WORDS and not (
                    keys[last] in _PLACE_TYPES and any(keys[w] in INSTITUTION_HEADS for w in after))
                    and not (_prominent(readings) and keys[after[0]] not in _CONNECTORS
                             and _EVENT_WORDS.isdisjoint(keys[w] for w in after)
                             and not self._person_opens(words, first, last, after, readings))):
                return True
        if before and keys[first - 1] == "of":
            # "University of Texas" names a place; "Chamber of Commerce" a small town's name by chance.
            return not any(p.kind != "city" or p.population >= MIN_POPULATION_NO_CONTEXT for p in readings)
        return any(keys[w] not in self.titles and keys[w] not in _CONNECTORS and keys[w] not in _COMPASS
                   for w in before)

    def _person_opens(self, words: Words, first: int, last: int, after: list[int],
                      readings: tuple[WorldPlace, ...]) -> bool:
        """Whether a small town's one-word name opening a longer name is a
        given name there: a surname and a memorial's kind word follow
        (``George Khouri Square``, ``Charles Webb Center``)."""
        if first != last or len(after) < 2 or after[0] != last + 1 or words.upper(after[0]) \
                or words.key[after[1]] not in MEMORIAL_WORDS:
            return False
        if any(p.kind != "city" or p.population >= MIN_POPULATION_ALONE for p in readings):
            return False
        return words.key[first] in first_names() and not self.table.maybe(words.key[after[0]])

    # ------------------------------------------------------------- mentions
    def _mention_ok(self, words: Words, first: int, last: int, lower: set[str]) -> bool:
        keys, n = words.key, len(words.key)
        key = " ".join(keys[first:last + 1])
        if first == last:
            if words.upper(first) and len(words.surface[first]) > 1 and lower:
                return False  # an acronym (WOLA), in a text not all in capitals
            if key in lower:
                return False  # the text uses it as an ordinary word
            if key in self.common and words.sentence_start(first):
                return False
            if key in _ABBREVIATIONS or key in self.titles or key in _COMPASS_ALONE:
                return False  # "Northwest 34th Street": a direction, not the town
            if (key in self.person or key in self.table.words) and not _after_locative(keys, first) \
                    and not _of_place(words, first, last) \
                    and not (last + 1 < n and words.soft(last + 1) and (keys[last + 1] in PLACE_WORDS_AFTER
                                                                       or key in self.person and keys[last + 1] in ORIGIN_NOUNS)):
                # a given name (Victoria) or a word (Over, Strong) only after "in", "to"...,
                # or before a word only a place takes (Paris Police Department, the Houston area)
                return False
            if last + 1 < n and words.soft(last + 1) and keys[last + 1] in _PERSON_VERBS:
                return False
        if last + 1 < n and words.soft(last + 1) and "-" in words.gap[last + 1] \
                and keys[last + 1] in COMPOUND_WORDS:
            return False
        if "&" in words.gap[first] or last + 1 < n and "&" in words.gap[last + 1]:
            return False  # "Stevens & Wilkinson": a firm
        if last + 1 < n and words.soft(last + 1) and (keys[last + 1] in AGREEMENT_WORDS or (
                keys[last + 1] in _AGREEMENT_KINDS and last + 2 < n and keys[last + 2] in AGREEMENT_WORDS)):
            return False  # "the Dayton accords": an agreement named after where it was signed
        if first > 0 and words.soft(first) and keys[first - 1] in self.titles:
            return False
        return True

    @staticmethod
    def _part_of(words: Words, first: int, last: int) -> str | None:
        """The place a mention is a part of: ``the X neighbourhood of Aleppo``
        -> ``aleppo``; ``None`` when it is not named as a part."""
        keys, n = words.key, len(words.key)
        i = last + 1
        while i < n and i <= last + 2 and words.soft(i) and keys[i] in PART_NOUNS:
            i += 1
        if i > last + 1 and i + 1 < n and keys[i] in ("of", "in") and words.cap(i + 1):
            return keys[i + 1]
        return None

    # ------------------------------------------------------------- decision
    def _decide(self, readings: tuple[WorldPlace, ...], countries: set[str],
                anchors: list[WorldPlace], part_of: str | None) -> WorldPlace | None:
        if part_of is not None:
            host = self.table.lookup(world_key(part_of))
            host_countries = {p.country for p in host[:3]} | countries
            inside = [p for p in readings if p.country in host_countries]
            return _nearest(inside, [*host[:1], *anchors]) if inside else None
        local = [p for p in readings if p.country in countries]
        if local:
            near = _nearest(local, anchors)
            # A sea, a region or a famous city is not the small namesake town of the
            # statement's country (Geneva and Berlin in a text naming the US).
            if near.kind == "city" and near.population < MIN_POPULATION_NO_CONTEXT:
                top = min(readings, key=lambda p: (_KIND_ORDER[p.kind], -p.population))
                if top.kind in ("water", "region"):
                    return top
                famous = max(readings, key=lambda p: (p.kind == "city", p.population))
                if famous.kind == "city" and world_key(famous.name) == world_key(near.name) \
                        and famous.population >= max(MIN_POPULATION_NO_CONTEXT,
                                                                       5 * near.population):
                    return famous
            return near
        best = min(readings, key=lambda p: (_KIND_ORDER[p.kind], -p.population))
        if best.kind != "city":
            return best
        floor = MIN_POPULATION_ALONE if countries else MIN_POPULATION_NO_CONTEXT
        return best if best.population >= floor else None


#: Kind words of places named after a person (``George Khouri Square``).
MEMORIAL_WORDS = frozenset("square street avenue road boulevard center centre park bridge stadium "
                           "hall school hospital library museum institute foundation memorial".split())
#: Words of an event's or operation's name after a place (``London Conference``,
#: ``Helsinki Final Act``, ``Euphrates Shield``): it names no place there.
_EVENT_WORDS = frozenset("conference conferences summit talks act process shield spring storm "
                         "initiative plan group format declaration charter agreement accords "
                         "resolution communique memorandum dialogue round rounds".split())


def _prominent(readings: tuple[WorldPlace, ...]) -> bool:
    """Whether a name's first reading is a country, subdivision, region or sea,
    or a city of :data:`MIN_POPULATION_NO_CONTEXT` people."""
    best = _ranked(readings)[0] if readings else None
    return best is not None and (best.kind != "city" or best.population >= MIN_POPULATION_NO_CONTEXT)


def _dominant(readings: tuple[WorldPlace, ...]) -> bool:
    """Whether one reading clearly outranks the others (a country, region or
    sea; or a place ten times larger than the next)."""
    best = readings[0]
    ranked = sorted(readings, key=lambda p: (_KIND_ORDER[p.kind], -p.population))
    if ranked[0].kind in ("country", "region", "water"):
        return True
    return best.kind == "city" and best.population >= 10 * max(1, readings[1].population) \
        and ranked[0] is best


def _nearest(options: list[WorldPlace], anchors: list[WorldPlace]) -> WorldPlace:
    """The option closest to the anchors (largest when there are none)."""
    if not anchors or len(options) == 1:
        return min(options, key=lambda p: (_KIND_ORDER[p.kind], -p.population))
    # A small town does not win over a region or state of the same name (California, Missouri).
    return min(options, key=lambda p: (p.kind == "city" and p.population < MIN_POPULATION_NO_CONTEXT,
                                       min(distance_km(p, a) for a in anchors), -p.population))


def _after_locative(keys: list[str], first: int) -> bool:
    """Whether word ``first`` follows a locative (``in Paris``), maybe with a
    compass or setting word between (``of rural Paris``, ``in northern Victoria``)."""
    prev = keys[first - 1] if first > 0 else ""
    if prev in _LOCATIVES:
        return True
    return (prev in _COMPASS or prev in _SETTINGS) and first > 1 and (keys[first - 2] in _LOCATIVES
                                                                      or keys[first - 2] == "of")


def _of_place(words: Words, first: int, last: int) -> bool:
    """Whether ``of X`` ends a clause (``Ashley Evans, 26, of Paris, was``,
    ``Midwest Restoration of Paris.``): where someone or something is from."""
    nxt = last + 1
    return first > 0 and words.key[first - 1] == "of" and words.soft(first) and (
        nxt >= len(words.key) or words.gap[nxt].strip()[:1] in (",", ".", ";"))


#: Words between a locative and a place (``of rural Paris``).
_SETTINGS = frozenset("rural suburban downtown uptown midtown nearby urban coastal metro".split())


def _lower_words(words: Words) -> set[str]:
    """Keys the text writes in lower case somewhere (ordinary words there)."""
    return words.lower_keys()


# ------------------------------------------------------------------ glue
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
    for c in places:
        chain = [c[2], *gaz.parents(c[2])]
        code = code_of(chain[-1])
        if code:
            countries.add(code)
    for c in actors:
        code = code_of(c[2])
        if code:
            countries.add(code)
    keys = words.key
    person_words = {keys[i] for c in actors if c[3] == "person" for i in range(c[0], c[1] + 1)}
    found = resolver.find(words, taken, countries, [], placed, person_words)
    demonyms = gaz.demonyms
    if found and demonyms:  # "Canadian" is no town in Texas, "English" none in Indiana
        found = [r for r in found if r.first != r.last or keys[r.first] not in demonyms]
    if _KIND_WORDS.isdisjoint(words.key):
        named: list[tuple] = []  # (what kind_named_places returns then)
    else:
        named = kind_named_places(words, taken | {i for r in found for i in range(r.first, r.last + 1)},
                                  _stop_words(resolver, gaz.demonyms))
    named += landform_places(words, taken | {i for r in found for i in range(r.first, r.last + 1)}
                             | {i for c in named for i in range(c[0], c[1] + 1)})
    named += list_places(words, taken | {i for r in found for i in range(r.first, r.last + 1)}
                         | {i for c in named for i in range(c[0], c[1] + 1)})
    if not found and not named:
        return places
    out = [c for c in places if not any(r.first <= c[0] and c[1] <= r.last for r in found)]
    for r in found:
        name = gaz.remember_world_place(r.place)
        out.append((r.first, r.last, name, OUTPUT_KIND.get(r.place.kind, r.place.kind), r.first - r.last, 0))
    out += named
    out.sort(key=lambda c: c[0])
    return out


def _seat_end(words: Words, actor: tuple) -> int:
    """The first word of ``actor`` that is not its seat: the word after its
    leading capitalised words for an organisation-pattern name (up to ``of``,
    ``for``... or its last word), else its first word."""
    first, last = actor[0], actor[1]
    if actor[3] != "organisation":
        return first
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


#: Kind words that introduce a place the data may not know: ``the village of
#: Kafr Awid``, ``al-Rashidin neighbourhood`` (lower case, before or after the
#: name), ``Laurel County``, ``Hama Governorate`` (capitalised, after it, part of
#: the name). Values: the output kind.
#: Plural kind words before a list of names (``the villages of al-Qajar and al-Zara``).
KIND_PLURAL = {"villages": "city", "towns": "city", "cities": "city", "neighbourhoods": "city",
               "neighborhoods": "city", "districts": "subdivision", "provinces": "subdivision"}
KIND_BEFORE = {"village": "city", "town": "city", "city": "city", "hamlet": "city",
               "neighbourhood": "city", "neighborhood": "city", "district": "subdivision",
               "suburb": "city", "municipality": "subdivision", "governorate": "subdivision",
               "province": "subdivision", "county": "subdivision", "region": "region", "area": "region"}
KIND_AFTER = {"village": "city", "neighbourhood": "city", "neighborhood": "city",
              "district": "subdivision", "quarter": "city", "suburb": "city", "camp": "city",
              "crossing": "city"}
KIND_IN_NAME = {"county": "subdivision", "governorate": "subdivision", "province": "subdivision",
                "district": "subdivision", "oblast": "subdivision", "parish": "subdivision",
                "prefecture": "subdivision", "municipality": "subdivision"}
#: More lower-case words inside a place's name (``Port-au-Prince``).
_NAME_LINKS = frozenset("au aux du di en sur lès les".split())
_KIND_WORDS = frozenset(KIND_BEFORE) | frozenset(KIND_AFTER) | frozenset(KIND_IN_NAME) | frozenset(KIND_PLURAL) | {"town"}
#: Ends of nationality adjectives (``European``, ``Lebanese``, ``Kurdish``).
_ADJECTIVE_END = re.compile(r"(?:ean|ian|ese|ish)$")
_NOT_NAMES = frozenset("january february march april may june july august september october november "
                       "december monday tuesday wednesday thursday friday saturday sunday".split())
#: Months and weekdays, written out or abbreviated: a name's run stops before them.
_DATE_NAMES = _NOT_NAMES | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec "
                                     "mon tue tues wed thu thur thurs fri sat sun".split())


_AL = frozenset("al el ad an ar as ash az".split())


def _article_before(words: Words, k: int) -> bool:
    """Whether ``the`` or ``a`` comes one or two lower-case words before word
    ``k`` (``the nearby town``, ``a rebel-held town``)."""
    keys = words.key
    for back in (2, 3):
        i = k - back
        if i < 0 or keys[i] not in ("the", "a"):
            continue
        if all(not words.cap(j) and keys[j] not in STOPWORDS and words.soft(j) for j in range(i + 1, k)):
            return True
    return False


def kind_named_places(words: Words, taken: set[int], stop: Iterable[str] = ()) -> list[tuple]:
    """Places the text introduces by their kind, as candidates ``(first, last,
    name, kind, first - last, 0)``: ``the village of Kafr Awid``, ``the town
    of Talbiseh``, ``al-Rashidin neighbourhood``, ``Laurel County``. Villages
    and neighbourhoods are mostly missing from the world data (GeoNames keeps
    places with a recorded population); the text itself says what they are,
    as it defines an actor (``Long Name (ACR)``). The name is as written; it
    has no coordinates. Names touching ``taken`` words are left alone."""
    keys, n = words.key, len(words.key)
    if _KIND_WORDS.isdisjoint(keys):
        return []
    out: list[tuple] = []
    used: set[int] = set()
    stop = frozenset(stop)

    def name_run(first: int, step: int) -> tuple[int, int] | None:
        """The capitalised run (``al-`` particles inside) from ``first``
        forwards (``step`` 1) or backwards (-1), at most four words."""
        if not (0 <= first < n) or not words.cap(first) or first in taken:
            return None
        i, last = first, first
        while True:
            j = i + step
            link = j if step > 0 else i
            if 0 <= j < n and j in taken and words.soft(link) and words.cap(j) \
                    and not _POSSESSIVE_GAP.match(words.gap[link]):
                return None  # "Pudong New District": the run is part of a longer name
            if not (0 <= j < n) or j in taken or not words.soft(link) or abs(j - first) >= 4:
                break
            if step < 0 and keys[j] in STOPWORDS and keys[j] not in _CONNECTORS:
                break
            if words.cap(j) and keys[j] not in _DATE_NAMES:
                i = last = j
            elif (keys[j] in _CONNECTORS or keys[j] in _NAME_LINKS) and 0 <= j + step < n and words.soft(max(j, j + step)) \
                    and (words.cap(j + step) and keys[j + step] not in _DATE_NAMES
                         or step < 0 and keys[j] in ("al", "el", "ad", "an", "ar", "as", "ash", "az")):
                i = j
                if step < 0:
                    last = j  # "al-Rashidin": the particle opens the name
            else:
                break
        lo, hi = sorted((first, last))
        if keys[lo] in STOPWORDS and words.cap(lo) or keys[lo] in _NOT_NAMES or keys[hi] in _NOT_NAMES:
            return None
        if not taken.isdisjoint(range(lo, hi + 1)) or not used.isdisjoint(range(lo, hi + 1)):
            return None
        if hi == lo and (words.upper(lo) and len(words.surface[lo]) > 1 or keys[lo] in stop):
            return None
        return lo, hi

    def add(lo: int, hi: int, kind: str) -> None:
        text = words.text
        name = " ".join(text[words.start[lo]:words.end(hi)].split())
        used.update(range(lo, hi + 1))
        out.append((lo, hi, name, kind, lo - hi, 0))

    for k in compress(range(n), map(_KIND_WORDS.__contains__, keys)):
        key = keys[k]
        if key in KIND_BEFORE and not words.cap(k) and k + 2 < n and keys[k + 1] == "of" \
                and words.soft(k + 1) and words.soft(k + 2) and k > 0 and keys[k - 1] in ("the", "a") \
                or key in KIND_BEFORE and not words.cap(k) and k + 2 < n and keys[k + 1] == "of" \
                and words.soft(k + 1) and words.soft(k + 2) and k > 1 and words.cap(k - 1):
            run = name_run(k + 2, 1)
            if run is not None:
                add(*run, KIND_BEFORE[key])
        elif key in KIND_BEFORE and not words.cap(k) and k + 2 < n and keys[k + 1] == "of" \
                and words.soft(k + 1) and words.soft(k + 2) and _article_before(words, k):
            run = name_run(k + 2, 1)  # "the nearby town of Kafr Awid", "the rebel-held town of X"
            if run is not None:
                add(*run, KIND_BEFORE[key])
        elif key in KIND_PLURAL and not words.cap(k) and k + 2 < n and keys[k + 1] == "of" \
                and words.soft(k + 1) and k > 0 and keys[k - 1] in ("the", "two", "three"):
            # "the villages of al-Qajar and al-Zara": each name of the list
            at = k + 2
            while at < n and words.soft(at):
                lead = keys[at] in _AL and at + 1 < n and "-" in words.gap[at + 1]  # "al-Zara"
                run = name_run(at + 1 if lead else at, 1)
                if run is None:
                    break
                add(at if lead else run[0], run[1], KIND_PLURAL[key])
                at = run[1] + 1
                if at < n and keys[at] == "and" and words.soft(at):
                    at += 1
                elif not (at < n and words.gap[at].strip() == ","):
                    break
        # "Talaingod town of Davao del Norte": "town" after a name only with its host.
        after_kind = key in KIND_AFTER or key == "town" and k + 2 < n and keys[k + 1] == "of" and words.cap(k + 2)
        if after_kind and not words.cap(k) and k > 0 and words.soft(k) and not (
                # "a European neighbourhood of peace": a common noun's phrase
                k + 2 < n and keys[k + 1] == "of" and not words.cap(k + 2)) \
                and not _ADJECTIVE_END.search(keys[k - 1]):
            run = name_run(k - 1, -1)
            if run is not None:
                add(*run, KIND_AFTER.get(key, "city"))
        elif key in KIND_IN_NAME and words.cap(k) and k > 0 and words.soft(k) and k not in taken \
                and not (key == "district" and k + 1 < n and words.soft(k + 1) and words.cap(k + 1)):
            run = name_run(k - 1, -1)
            if run is not None:
                lo = run[0]
                add(lo, k, KIND_IN_NAME[key])
    return out


def _famous_alternate(own: tuple[WorldPlace, ...], readings: tuple[WorldPlace, ...]) -> bool:
    """Whether a place known by the name only as an alternate is far more
    prominent than those whose own name it is: ``Mecca`` and ``Calcutta`` are
    Makkah and Kolkata (a city of 100,000+ and ten times the largest own
    reading), not the small US towns named so."""
    if any(p.kind != "city" for p in own):
        return False
    largest = max(p.population for p in own)
    return any(p.kind == "city" and p.population >= max(MIN_POPULATION_NO_CONTEXT, 10 * largest)
               for p in readings)


def _seat(place: WorldPlace, readings: tuple[WorldPlace, ...]) -> WorldPlace:
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


def _ranked(readings: tuple[WorldPlace, ...]) -> list[WorldPlace]:
    """Readings by kind (countries, regions and seas first), then population."""
    return sorted(readings, key=lambda p: (_KIND_ORDER[p.kind], -p.population))


def _focus(pending: list[tuple[int, int, tuple[WorldPlace, ...], str | None]]) -> set[str]:
    """The country most of the statement's candidate names can lie in (at
    least two distinct names): a statement's places tend to be near each
    other (``Albany``, ``Springfield`` and ``Troy`` together are in the US)."""
    names_in: dict[str, set[tuple[str, ...]]] = {}
    for _, _, readings, _ in pending:
        name = (readings[0].name,)
        # In code order: a tie goes to the same country in every process (set
        # order follows PYTHONHASHSEED, and made extraction differ between runs).
        for code in sorted({p.country for p in readings if p.country}):
            names_in.setdefault(code, set()).add(name)
    if not names_in:
        return set()
    best = max(names_in, key=lambda c: len(names_in[c]))
    return {best} if len(names_in[best]) >= 2 else set()
