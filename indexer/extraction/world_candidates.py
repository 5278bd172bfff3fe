"""Candidates for world places: the names in a text's capitalised runs that
the world table may read, and whether each mention can be a place at all.

The first half of :class:`~indexer.extraction.resolve.WorldResolver` (as geoparsers
split it: candidates, then a decision); the decision over the statement's
context is in ``indexer.extraction.resolve``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import compress

from indexer.analysis import STOPWORDS
from indexer.extraction.capital_appositions import placed_before_verb
from indexer.extraction.country_demonyms import opens_demonym
from indexer.extraction.country_frames import opens_name
from indexer.extraction.geonames import WorldPlace, WorldTable, same_name, world_key
from indexer.extraction.name_lists import first_names, language_names
from indexer.extraction.state_metonyms import stands_for_state
from indexer.extraction.place_words import ABBREVIATIONS, AGREEMENT_KINDS, AGREEMENT_WORDS, COMPASS, COMPASS_ALONE, COMPOUND_WORDS, CONNECTORS, DASHES, DATE_NAMES, DOCUMENT_NAME_HEADS, DOCUMENT_WORDS, EVENT_WORDS, INSTITUTION_HEADS, INSTITUTION_WORDS, LEGISLATURES, LOCATIVES, MAX_WORDS, MEMORIAL_GROUNDS, MEMORIAL_WORDS, NAMED_AFTER, ORIGIN_NOUNS, PARTY_INITIALS, PART_NOUNS, PERSON_VERBS, PLACE_TYPES, PLACE_WORDS_AFTER, POSSESSIVE_GAP, SETTINGS, SUBJECT_HEADS, TALK_WORDS, TOWN_BODIES
from indexer.extraction.world_ranking import MIN_POPULATION_ALONE, MIN_POPULATION_NO_CONTEXT, by_rank, famous_alternate, prominent
from indexer.extraction.words import SOFT, Words

__all__ = ["NAME_OPENERS", "SETTLEMENT_NOUNS", "WorldCandidates", "after_locative", "in_place_list", "of_place"]


class WorldCandidates:
    """Candidate names and mention checks of :class:`~indexer.extraction.resolve.WorldResolver`
    (which sets the attributes declared here)."""

    table: WorldTable
    person: frozenset[str]
    titles: frozenset[str]
    stop: frozenset[str]
    common: frozenset[str]
    _readings_of: dict[str, tuple[WorldPlace, ...]]
    _placed: dict[int, tuple[int, int]]
    _surnames: set[str]
    #: first word -> last word of each candidate and back (set by ``find``)
    _cand_ends: dict[int, int]
    _surname_words: frozenset[str] | None

    def _candidates(self, words: Words, taken: set[int]) -> Iterable[tuple[int, int, tuple[WorldPlace, ...]]]:
        """``(first, last, readings)`` for the longest names in capitalised runs."""
        keys, n = words.key, len(words.key)
        self._surnames: set[str] = set()
        caps = words.caps()
        pieces, gaps = words.pieces, words.gap
        maybe = self.table.maybe
        languages = language_names()  # "English", "Hindi": a language, never the town alone
        given = first_names()
        i = 0
        for i0 in compress(range(n), caps):
            if i0 < i or (i0 in taken and i0 not in self._placed):
                continue
            i = i0
            # A run of capitalised words (lower-case connectors inside).
            j = i
            # A date after a name is no part of it ("in Clinton April 4", "in Akron on Sept. 9").
            #: words after a possessive inside a place's own name ("Cox's Bazar")
            owned: list[int] = []
            while j + 1 < n and (pieces[2 * j + 2] == SOFT or gaps[j + 1] == ". " and keys[j] in NAME_OPENERS) \
                    and (gaps[j + 1] == " " or not POSSESSIVE_GAP.match(gaps[j + 1])
                         or self._owned_name(words, j, owned)) and (
                    caps[j + 1] and keys[j + 1] not in DATE_NAMES or (keys[j + 1] in CONNECTORS and j + 2 < n
                                    and words.soft(j + 2) and caps[j + 2] and keys[j + 2] not in DATE_NAMES)):
                j += 1
            start = i
            # Sentence-initial function words are not part of a name ("In Aleppo").
            while start <= j and keys[start] in STOPWORDS and caps[start]:
                start += 1
            # ... nor a sentence's first number word ("Three Philadelphia police officers"),
            # unless it opens the place's own name ("Three Rivers").
            if start < j and keys[start] in _NUMBER_WORDS and words.sentence_start(start) \
                    and not maybe(f"{keys[start]} {keys[start + 1]}"):
                start += 1
            if 0 < j - start < 3 and keys[j] not in PLACE_TYPES and keys[start] not in COMPASS \
                    and keys[start] not in SETTINGS and keys[start] not in self.table.words \
                    and taken.isdisjoint(range(start, j + 1)) and all(
                        keys[w] not in CONNECTORS for w in range(start, j + 1)) \
                    and not maybe(" ".join(keys[start:j + 1])) and not self._dash_pair(words, j) \
                    and keys[start] in given:
                # The last word of a person's name is not a place when the text
                # later uses it alone ("John Brown ... Brown"); a name opened by no
                # given name ("Rodeo Gainesville", "Historic Dublin") erases nothing.
                self._surnames.add(keys[j])
            k = start
            while k <= j:
                found = None
                for end in range(min(j, k + MAX_WORDS - 1), k - 1, -1):
                    if keys[end] in CONNECTORS or not caps[k]:
                        continue
                    if k in taken and not self._free(k, end, taken):
                        # The taken test below, asked first where it is sure to be asked: a
                        # word found already ("Homs" alone) builds no key and asks no lookup.
                        continue
                    key = keys[k] if k == end else " ".join(keys[k:end + 1])
                    if owned and any(k < w <= end for w in owned):
                        key = possessive_key(keys, k, end, owned)
                    if not maybe(key) or (key in self.stop or key in languages) and not self._confirmed(words, k, end):
                        continue
                    if taken and not taken.isdisjoint(range(k, end + 1)) and not self._free(k, end, taken):
                        continue
                    readings = self._readings(key)
                    if readings and end > k and any(gaps[w] == ". " for w in range(k + 1, end + 1)):
                        # "St. James": only places of that own name (not Vung Tau, once Cap St. Jacques)
                        readings = tuple(p for p in readings if world_key(p.name).endswith(keys[end]))
                    if readings:
                        found = (k, end, readings)
                        break
                if found is None:
                    k += 1
                    continue
                if self._inside_longer_name(words, found[0], found[1], start, j, taken, found[2]) or found[1] < j \
                        and opens_demonym(words, self._is_country, found[0], found[1], j):  # "Papua New Guineans"
                    k = found[1] + 1
                    continue
                yield found
                k = found[1] + 1
            i = j + 1

    def _is_country(self, key: str) -> bool:
        """Whether ``key`` names a country of the world table."""
        return self.table.maybe(key) and any(p.kind == "country" for p in self.table.lookup(key))

    def _owned_name(self, words: Words, j: int, owned: list[int]) -> bool:
        """Whether the possessive after word ``j`` is inside a place's own
        name (``Cox's Bazar``, ``Martha's Vineyard``: the table's key holds
        its ``s``), recording the word after it in ``owned``; elsewhere a
        possessive ends a name (``Aleppo's Karaj al-Hajz crossing``)."""
        if not words.cap(j + 1) or not self.table.maybe(f"{words.key[j]}s {words.key[j + 1]}"):
            return False
        owned.append(j + 1)
        return True

    def _readings(self, key: str) -> tuple[WorldPlace, ...]:
        """The readings of a name: a place's own name before another's
        alternate name (Oklahoma, not Oklahoma City); remembered per key."""
        found = self._readings_of.get(key)
        if found is None:
            readings = self.table.lookup(key)
            # (a sea or a region named without its kind word stays: "the Pacific", "the Atlantic")
            own = tuple(p for p in readings if same_name(p.name, key) or p.kind in ("water", "region"))
            found = own if own and not famous_alternate(own, readings) else readings
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
        # "the Washington-Moscow route": a dash between two place names parts two names.
        if last < run_last and self._dash_pair(words, last + 1):
            run_last = last
        # "Jerusalem as Palestinian capital": an English word, not an Arabic article (as-Suwayda).
        if last + 2 <= run_last and keys[last + 1] in _ENGLISH_CONNECTORS and "-" not in words.gap[last + 2]:
            run_last = last
        if first > run_first and self._dash_pair(words, first):
            run_first = first
        if last < run_last and readings and all(p.kind == "country" for p in readings) \
                and opens_name(words, first, last):
            return True  # "the Afghanistan Compact", "Thailand Development Research Institute": the name's
        after = [w for w in range(last + 1, run_last + 1) if w not in taken]
        before = [w for w in range(run_first, first) if w not in taken]
        if before == [first - 1] and keys[first - 1] in PARTY_INITIALS and "-" in words.gap[first]:
            before = []  # "D-Columbus": a party and a place
        if after and keys[run_last] in DOCUMENT_WORDS and words.cap(run_last):
            return True  # "Pacific Regional ... Tracking Report": a document's title
        if after and first > 1 and keys[first - 1] == "for" and not words.cap(first - 1) \
                and words.cap(first - 2) and keys[first - 2] in SUBJECT_HEADS:
            return True  # "School for Basic Education", "Institute for Palestine Studies": a subject
        if after and not all(keys[w] in PLACE_TYPES for w in after):
            if readings and all(p.kind == "city" for p in readings) \
                    and any(keys[w] in NAMED_AFTER for w in after) and keys[after[-1]] not in MEMORIAL_GROUNDS:
                # "Lipscomb University", "Lansing State Journal": named after the town, not there
                # (a state opening one says where: "Ohio State University"; "Sunset Memorial Park" is a place)
                return True
            # A prominent place opening a name (``Nashville Film Festival``, ``Vancouver
            # International Airport``) says where, as an institution word after it does.
            if before or (keys[after[0]] not in INSTITUTION_WORDS and keys[last + 1] not in TOWN_BODIES and not (
                    keys[last] in PLACE_TYPES and any(keys[w] in INSTITUTION_HEADS for w in after))
                    and not (prominent(readings) and keys[after[0]] not in CONNECTORS
                             and not all(p.kind == "water" for p in by_rank(readings)[:1])  # "Pacific Fleet"
                             and EVENT_WORDS.isdisjoint(keys[w] for w in after)
                             and not self._person_opens(words, first, last, after, readings)
                             and not (all(p.kind == "city" for p in readings)
                                      and self._surname_follows(words, first, last, after)))):
                return True
        if len(before) == 2 and before[0] == run_first and keys[first - 1] in ("on", "upon") \
                and not words.cap(first - 1) and words.sentence_start(run_first):
            return False  # "Fighting on Sumatra": a sentence's first word, no name
        if before and keys[first - 1] == "of":
            # "University of Texas" names a place; "Chamber of Commerce" a small town's name by chance.
            return not any(p.kind != "city" or p.population >= MIN_POPULATION_NO_CONTEXT for p in readings)
        return any(keys[w] not in self.titles and keys[w] not in CONNECTORS and keys[w] not in COMPASS
                   for w in before)

    def state_after(self, words: Words, last: int) -> WorldPlace | None:
        """The first-level subdivision named after word ``last`` and a comma
        (``Savannah, Georgia``, ``Albany, New York``), else ``None``."""
        nxt = last + 1
        keys, n = words.key, len(words.key)
        if nxt >= n or words.gap[nxt].strip() != "," or not words.cap(nxt):
            return None
        for end in (nxt + 1, nxt):
            if end < n and (end == nxt or words.soft(end) and words.cap(end)):
                key = keys[nxt] if end == nxt else " ".join(keys[nxt:end + 1])
                if self.table.maybe(key):
                    state = next((p for p in self.table.lookup(key) if p.kind == "subdivision"), None)
                    if state is not None:
                        return state
        return None

    def _dash_pair(self, words: Words, second: int) -> bool:
        """Whether word ``second`` follows a hyphen or a dash and both words
        around it may name places (``Paris-London``, ``Sudan–Chad``): a pair of
        places (a route, a border), not one name such as a person's."""
        gap = words.gap[second]
        if second < 1 or not words.soft(second) or gap.strip(" \t") not in DASHES:
            return False
        maybe = self.table.maybe
        return maybe(words.key[second - 1]) and maybe(words.key[second])

    def _surname_follows(self, words: Words, first: int, last: int, after: list[int]) -> bool:
        """Whether the one word after a one-word place's name is a surname
        there: no English word, no place (``Anand Bhadauria``, ``Uladzimir
        Niaronski``), where a prominent place opening a name says where
        (``Nashville Predators``, ``Tehran Times``)."""
        if first != last or after != [last + 1] or last + 2 < len(words.key) and words.soft(last + 2) \
                and words.cap(last + 2):
            return False
        key = words.key[last + 1]
        return len(key) > 2 and key not in self.table.frequent and not self.table.maybe(key) \
            and not words.upper(last + 1)

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

    def _mention_ok(self, words: Words, first: int, last: int, lower: set[str],
                    confirmed: frozenset[str] = frozenset()) -> bool:
        """Whether the mention at ``first..last`` can be a place; ``confirmed``
        holds the given names the text calls places elsewhere (:meth:`_places_by_context`)."""
        keys, n = words.key, len(words.key)
        key = " ".join(keys[first:last + 1])
        if first == last:
            if words.upper(first) and len(words.surface[first]) > 1 and lower:
                return False  # an acronym (WOLA), in a text not all in capitals
            if key in lower:
                return False  # the text uses it as an ordinary word
            if key in self.common and words.sentence_start(first):
                return False
            if key in ABBREVIATIONS or key in self.titles or key in COMPASS_ALONE:
                return False  # "Northwest 34th Street": a direction, not the town
            if key in LEGISLATURES:
                return False  # "in Congress": the legislature, never Congress, Arizona
            if (key in self.person or key in self.table.words) and not self._context_says_place(words, first) \
                    and not (key in confirmed and not (last + 1 < n and words.cap(last + 1))):
                # a given name (Victoria) or a word (Over, Strong) only after "in", "to"...,
                # or before a word only a place takes (Paris Police Department, the Houston area),
                # or where the text calls that given name a place elsewhere ("in Paris" ... "Paris firefighters")
                return False
            if last + 1 < n and words.soft(last + 1) and keys[last + 1] in PERSON_VERBS \
                    and not placed_before_verb(keys, first, LOCATIVES):
                return False
        if last + 1 < n and words.soft(last + 1) and "-" in words.gap[last + 1] \
                and keys[last + 1] in COMPOUND_WORDS:
            return False
        if "&" in words.gap[first] or last + 1 < n and "&" in words.gap[last + 1]:
            return False  # "Stevens & Wilkinson": a firm
        if last + 1 < n and words.soft(last + 1) and not words.cap(last + 1) and keys[last + 1] in _PEOPLE_NOUNS:
            return False  # "the Adena people", "Caddo and Atakapa Indians": a people, not a town
        if last + 1 < n and words.soft(last + 1) and (keys[last + 1] in AGREEMENT_WORDS or (
                keys[last + 1] in AGREEMENT_KINDS and last + 2 < n and keys[last + 2] in AGREEMENT_WORDS)
                or not words.cap(last + 1) and keys[last + 1] in TALK_WORDS
                or words.cap(last + 1) and keys[last + 1] in DOCUMENT_NAME_HEADS or (
                keys[last + 1] in AGREEMENT_KINDS and last + 2 < n and keys[last + 2] in TALK_WORDS)):
            # "the Dayton accords", "the Geneva peace talks": named after where they were held
            return False
        if first > 0 and words.soft(first) and keys[first - 1] in self.titles:
            return False
        return not stands_for_state(words, first, last)  # "the Belgrade regime", "support from Tehran"

    def _context_says_place(self, words: Words, at: int) -> bool:
        """Whether the words around the one-word name at ``at`` say it is a
        place: a locative, ``of X,``, a dash pair, a list of places, a state
        after a comma, or a word only a place takes after it."""
        keys, n, nxt = words.key, len(words.key), at + 1
        return after_locative(keys, at) or of_place(words, at, at) or party_place(words, at) \
            or dateline_place(words, at) \
            or self._dash_pair(words, at) or (nxt < n and self._dash_pair(words, nxt)) \
            or in_place_list(words, at, self._cand_ends, self._surname_words or frozenset()) \
            or self.state_after(words, at) is not None \
            or (nxt < n and words.soft(nxt) and (keys[nxt] in PLACE_WORDS_AFTER
                                                 or keys[at] in self.person and keys[nxt] in ORIGIN_NOUNS))

    def _places_by_context(self, words: Words, cands: list[tuple[int, int, tuple]]) -> frozenset[str]:
        """The given names (Paris, Dallas) the text calls places by their
        context in one mention at least: one sense per text, so their other
        mentions (``Paris firefighters``, ``Dallas officials``) are the place
        too, unless a capitalised word follows (a person's name)."""
        person = self.person
        return frozenset(words.key[c[0]] for c in cands if c[0] == c[1] and words.key[c[0]] in person
                         and words.key[c[0]] not in self.table.words and self._context_says_place(words, c[0]))

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


def possessive_key(keys: list[str], first: int, last: int, owned: list[int]) -> str:
    """The table key of words ``first..last`` with the ``s`` of each
    possessive before an ``owned`` word (``coxs bazar``, as
    :func:`indexer.extraction.geonames.world_key` reads ``Cox's Bazar``)."""
    return " ".join(f"{keys[w]}s" if w + 1 in owned and w < last else keys[w] for w in range(first, last + 1))


def party_place(words: Words, at: int) -> bool:
    """Whether word ``at`` follows a party's initial and a dash
    (``Sen. Ray Miller, D-Columbus``): US news style for a lawmaker's home."""
    return at > 0 and words.key[at - 1] in PARTY_INITIALS and words.gap[at] == "-" and words.upper(at - 1)


#: Words before ``to`` that make what follows a source, not a destination.
_SOURCE_TO = frozenset(("according", "thanks"))


def source_to(keys: list[str], first: int) -> bool:
    """Whether word ``first`` follows ``according to`` or ``thanks to``: a
    source or a person (``according to Taylor``), not a place's locative."""
    return first > 1 and keys[first - 1] == "to" and keys[first - 2] in _SOURCE_TO


#: Number words that open a sentence before a name (``Two Hanover police officers``).
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve "
                          "several many dozens hundreds thousands".split())


#: Words after ``the X`` that end the noun phrase there (a preposition, an auxiliary, a speech verb).
_PHRASE_ENDS = frozenset("in of on at to from by with for into over is was has had said will would".split())


#: The gap after a dateline's place once extraction wrote it back in ordinary case
#: (``SPRINGFIELD - The city`` -> ``Springfield,- The city``: datelines.restore_datelines).
_RESTORED_DATELINE = re.compile(r",[ \t]*(?:--+|[-–—:\x96\x97])")


#: Nouns after a name that make it a people's (``the Adena people``, ``the Quiche Indians``).
_PEOPLE_NOUNS = frozenset("people peoples indians tribe tribes tribesmen culture".split())
#: Connectors that are also English words: a name goes on over them only with a hyphen (``as-Suwayda``),
#: or as a world name of its own (``Stratford on Avon``); ``Kansas on Route 16`` is Kansas on a road.
_ENGLISH_CONNECTORS = frozenset("as at an on".split())


def dateline_place(words: Words, last: int) -> bool:
    """Whether the name ending at ``last`` is a dateline's place (``SPRINGFIELD -``):
    the text says it is a place, and where the story is."""
    nxt = last + 1
    return nxt < len(words.key) and _RESTORED_DATELINE.match(words.gap[nxt]) is not None


def article_thing(words: Words, first: int, last: int) -> bool:
    """Whether the one-word town name at ``first`` stands after a lower-case
    ``the`` as a whole noun phrase (``sent to the Duma in December``, ``hired
    by the Herald in 1968``, ``out of the Delta.``, ``the Woodlands'
    director``): English names no town so, but an institution, a paper or a
    landscape named like one; ``the Paris police``, ``the Gainesville and
    Lindsay communities`` go on with a noun or a list, and a place whose own
    name has the article (The Hague) is the caller's to keep."""
    keys = words.key
    if first != last or first == 0 or keys[first - 1] != "the" or words.cap(first - 1):
        return False
    nxt = last + 1
    if nxt >= len(keys):
        return True
    gap = words.gap[nxt]
    if POSSESSIVE_GAP.match(gap) or gap[:1] in ("'", "’"):
        return True
    mark = gap.strip()
    if mark:
        return mark[0] in '.;:)!?"”'
    return not words.cap(nxt) and keys[nxt] in _PHRASE_ENDS


def after_locative(keys: list[str], first: int) -> bool:
    """Whether word ``first`` follows a locative (``in Paris``), maybe with a
    compass or setting word between (``of rural Paris``, ``in northern Victoria``)."""
    prev = keys[first - 1] if first > 0 else ""
    if prev in LOCATIVES or prev in SETTINGS:  # "in Paris", "a rural Paris address"
        return not source_to(keys, first)
    if prev == "of" and first > 1 and keys[first - 2] in COMPASS_ALONE:
        return True  # "60 miles southwest of Raleigh", "just west of Richland"
    return (prev in COMPASS or prev in SETTINGS) and first > 1 and (keys[first - 2] in LOCATIVES
                                                                      or keys[first - 2] == "of")


def of_place(words: Words, first: int, last: int) -> bool:
    """Whether ``of X`` ends a clause (``Ashley Evans, 26, of Paris, was``,
    ``Midwest Restoration of Paris.``): where someone or something is from."""
    nxt = last + 1
    return first > 0 and words.key[first - 1] == "of" and words.soft(first) and (
        nxt >= len(words.key) or words.gap[nxt].strip()[:1] in (",", ".", ";"))


#: Nouns of settlements: ``the city of X``, ``Clay and Grant counties``.
SETTLEMENT_NOUNS = frozenset("city town village township county borough parish".split())
_SETTLEMENT_PLURALS = frozenset("cities towns villages townships counties boroughs parishes".split())
_LIST_LINKS = frozenset(("and", "or"))
#: Abbreviated first words of place names (``St. Paul``, ``Ft. Worth``).
NAME_OPENERS = frozenset("st ste saint mt mount ft fort pt port".split())


def in_place_list(words: Words, at: int, cand_ends: dict[int, int], surnames: frozenset[str]) -> bool:
    """Whether word ``at`` stands in a list of places: a neighbour across a
    comma or ``and``/``or`` is a place name that is no surname
    (``Middletown, Trenton and Monroe``), or the list ends in a plural
    settlement noun (``Clay, Douglas and Grant counties``)."""
    keys, n, gap = words.key, len(words.key), words.gap
    # The member before: "X, Monroe", "X and Monroe", "X, and Monroe".
    prev = at - 1
    if prev > 0 and keys[prev] in _LIST_LINKS and words.soft(at):
        prev -= 1
    if 0 <= prev < at - 1 or (prev == at - 1 and gap[at].strip() == ","):
        first = cand_ends.get(prev)
        if first is not None and (first != prev or keys[prev] not in surnames):
            return True
    # The members after, up to a lower-case word: a plural settlement noun, or a place.
    i = at + 1
    for _ in range(12):
        if i >= n or not (words.soft(i) or gap[i].strip() == ","):
            return False
        if keys[i] in _SETTLEMENT_PLURALS:
            return True
        if not words.cap(i) and keys[i] not in _LIST_LINKS:
            return False
        last = cand_ends.get(i)
        if keys[i - 1] in _LIST_LINKS or gap[i].strip() == ",":
            if last is not None and (last != i or keys[i] not in surnames) and words.cap(i):
                return True
        i += 1
    return False
