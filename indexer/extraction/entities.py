"""Finding actors and places in text with a gazetteer.

One Aho-Corasick automaton holds every alias key (folded words joined by
single spaces). The text is turned into the same form: its words, folded, with
a soft join between words whose gap is only space or a hyphen (so ``Deir
ez-Zor``, ``Deir ez Zor`` and a name broken over a line all match) and a hard
one at a break (punctuation, a blank line), which no alias can cross. Each
match maps back through the word table to exact offsets in the original text,
so ``text[m.start:m.end] == m.surface`` however :func:`fold` changed lengths.

The automaton reads the words as codes (``indexer.extraction.words``). (A text whose
folded words hold spaces, or a gazetteer with too many words to code, uses
the folded words, ``" "`` and ``" | "`` instead.)

Candidates then pass the false-hit guards documented in
``indexer/data/GAZETTEER.md`` (:mod:`indexer.extraction.candidate_guards`) and overlaps
are resolved longest-first. Names that look like organisations (``Aleppo
Provincial Council``) are added as actors of kind ``organisation`` even when
no gazetteer knows them (:mod:`indexer.extraction.org_names`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import ahocorasick

from indexer.extraction.acting_bodies import DOCUMENTS as _DOCUMENT_KEYS, acting_bodies, in_document
from indexer.extraction.candidate_guards import CASE_FLAGS, Candidate, CandidateGuards
from indexer.extraction.gazetteer_types import (
    CAPITAL,
    COUNTRY,
    DEMONYM_PLACE,
    LOOKUP,
    WEAK,
    NameSpan,
)
from indexer.model import Mention
from indexer.extraction.country_frames import frame_role
from indexer.extraction.definitions import context_definitions, defined_mentions, find_definitions
from indexer.extraction.national_forces import coordinated_forces
from indexer.extraction.org_names import ORG_HEADS, OrganisationNames
from indexer.extraction.outlet_frames import CUE_KEYS as OUTLET_CUES, outlet_mentions
from indexer.extraction.origin_places import PERSON_NOUNS, origin_places
from indexer.extraction.place_words import group_name
from indexer.extraction.name_lists import common_words
from indexer.extraction.people import PeopleFinder, people_finder
from indexer.extraction.speakers import described_as_person
from indexer.extraction.state_metonyms import stands_for_state
from indexer.extraction.town_police import town_police
from indexer.extraction.world_candidates import article_thing
from indexer.extraction.world_places import add_world_places, states_after_places
from indexer.extraction.words import CODES, SOFT, SPACED_KEYS, WORD_INFO, Words, register

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer  # (which builds a Matcher: no import at run time)

__all__ = ["Matcher", "NameSpan"]


#: Words after a country that make it a modifier, neither actor nor place (``US-backed
#: SDF``: the SDF act); ``X-led coalition`` is the coalition's own actor when known.
_MODIFIER_COMPOUNDS = frozenset("backed led funded supported armed trained".split())
#: Acts after ``X-led`` that are the X-led coalition's (``US-led airstrikes``; ``air`` of ``air strikes``).
LED_ACTS = frozenset("airstrikes airstrike strikes strike raids raid air bombing bombings bombardment "
                     "bombardments attacks attack offensive".split())


def _ordinary(words: Words) -> Callable[[str], bool]:
    """Whether a folded word is an ordinary word: common in English or written in lower case in the text."""
    lower, common = words.lower_keys(), common_words()
    return lambda key: key in lower or key in common


def led_coalition_acts(words: Words, actor_alias: Callable[[str], Any], actor_of: Callable[[str], Any]) -> list[Candidate]:
    """``Saudi-led airstrikes``, ``American-led air raids``: a capitalised word
    that names no actor (a demonym) before ``-led`` and an act is the X-led
    coalition, where the gazetteer knows one (an actor's name before ``-led``
    is read with the name, in :meth:`Matcher.find_spans`)."""
    keys, out = words.key, []
    for i in range(len(keys) - 2):
        if keys[i + 1] == "led" and "-" in words.gap[i + 1] and keys[i + 2] in LED_ACTS and words.cap(i) \
                and actor_alias(keys[i]) is None:
            coalition = actor_alias(f"{keys[i]} led coalition")
            if coalition is not None and (actor := actor_of(coalition.target)) is not None:
                end = i + 2 + (keys[i + 2] == "air" and i + 3 < len(keys))
                out.append((i, end, coalition.target, actor.type, i - end, -10 - coalition.rank))
    return out


#: Words after any actor's name that make it a modifier of another actor (``al-Qaeda-linked``).
#: Words after ``X-`` that make X an attribute of a thing (``a Kenya-registered firm``, ``a
#: Panama-flagged ship``): neither actor nor place (``Kenya registered`` with no hyphen is a verb).
_ATTRIBUTIVE_COMPOUNDS = frozenset("based registered owned flagged headquartered born".split())
_LINK_COMPOUNDS = frozenset("linked affiliated allied aligned inspired".split())
_AFFILIATE_WORDS = frozenset("affiliate affiliates offshoot offshoots".split())


class Matcher(CandidateGuards, OrganisationNames):
    """Finds a gazetteer's actors and places in text (built once per gazetteer)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._keys = {key for key, alias in gazetteer.aliases["place"].items() if not alias.flags & LOOKUP} \
            | set(gazetteer.aliases["actor"]) | ORG_HEADS
        self._coded = register({word for key in self._keys for word in key.split(" ")})
        self._folded_automaton: Any = None
        if self._coded:
            self.automaton = ahocorasick.Automaton()
            for key in self._keys:
                # No join before the first code: codes are runs of digits
                # between joins, so a match can only start at a word's start.
                # (key, spaces inside, an organisation word?)
                self.automaton.add_word(SOFT.join(CODES[word] for word in key.split(" ")),
                                        (key, key.count(" "), key in ORG_HEADS))
            self.automaton.make_automaton()
        else:
            self.automaton = self._folded()
        self._last: tuple[str, tuple[list[Mention], list[Mention]]] | None = None
        self._last_spans: tuple[str, tuple[list[NameSpan], list[NameSpan]]] | None = None
        #: alias spelling -> for each of its words, whether it must be all capitals
        self._wanted: dict[str, tuple[bool, ...]] = {}
        self._people: PeopleFinder | None = None  # built on first use (reads the first-name list)

    # ------------------------------------------------------------------ find
    def find(self, text: str) -> tuple[list[Mention], list[Mention]]:
        """``(actors, places)`` in ``text``; the last result is cached because
        callers ask for actors and places of the same text in turn."""
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        actors, places = self.find_spans(text)
        result = ([Mention(*m) for m in actors], [Mention(*m) for m in places])
        self._last = (text, result)
        return result

    def forget_last(self) -> None:
        """Drop the cached last result (its world places were remembered by the
        gazetteer for that text only: ``GazetteerLookups.start_text``)."""
        self._last = self._last_spans = None

    def find_spans(self, text: str) -> tuple[list[NameSpan], list[NameSpan]]:
        """:meth:`find` as plain tuples ``(name, kind, start, end, surface)``,
        the fields of :class:`~indexer.model.Mention`: extraction reads
        thousands of them per second and keeps none; cached like :meth:`find`."""
        if self._last_spans is not None and self._last_spans[0] == text:
            return self._last_spans[1]
        words = Words(text)
        keys = words.key
        has_upper = text != text.lower()
        gaz = self.gaz
        actor_alias, place_alias = gaz.aliases["actor"].get, gaz.aliases["place"].get
        actor_of, place_of = gaz.actors.get, gaz.places.get
        titles, common, person = gaz.guards.title, gaz.guards.common, gaz.guards.person
        info, surface = WORD_INFO, words.surface
        actor_cands: list[Candidate] = []
        place_cands: list[Candidate] = []
        weak: list[Candidate] = []
        country_spans: set[tuple[int, int]] = set()
        heads: list[int] = []  # the words that are organisation words, in order
        if self._coded and not (SPACED_KEYS and not SPACED_KEYS.isdisjoint(words.surface)):
            hits: Iterable[tuple[int, tuple[str, int, bool]]] = self.automaton.iter(words.norm)
        else:
            hits = self._folded_hits(words)
        present = words.key_set()
        # "Britain-based", "a Kenya-registered firm": a modifier, neither place nor actor
        based = not present.isdisjoint(_ATTRIBUTIVE_COMPOUNDS)
        listed: set[int] = set()  # the last words of countries read as places (a list goes on so)
        closed: set[int] = set()  # those that close their list ("Syria and Iraq")
        for end_idx, (key, inner_spaces, head) in hits:
            last = end_idx >> 2  # the word whose code ends there (see the module docstring)
            first = last - inner_spaces
            if head and first < len(keys) and keys[first] == key:
                heads.append(first)
            capped = None  # whether a word of the match is capitalised, once asked
            alias = actor_alias(key)
            if alias is not None:
                flags = alias.flags
                ok = True  # (what _case_allows says without capitals to check)
                if has_upper and flags & CASE_FLAGS:
                    ok, capped = self._case_allows(alias, words, first, last, has_upper, capped)
                if ok and flags & COUNTRY and has_upper and self._country_in_name(words, first, last):
                    ok = False  # "United Russia", "Chad Walker": a longer name
                if ok and last + 1 < len(keys) and keys[last + 1] in _MODIFIER_COMPOUNDS \
                        and "-" in words.gap[last + 1]:
                    # "U.S.-led coalition": the coalition's own name (also across the dot), else nothing
                    coalition = actor_alias(" ".join(keys[first:last + 3])) if last + 2 < len(keys) else None
                    span_end = last + 2
                    if coalition is None and keys[last + 1] == "led" and last + 2 < len(keys) \
                            and keys[last + 2] in LED_ACTS:
                        # "US-led airstrikes", "Saudi-led air raids": the acts of the X-led coalition, if known
                        coalition = actor_alias(" ".join(keys[first:last + 2]) + " coalition")
                        span_end += keys[last + 2] == "air" and last + 3 < len(keys)
                    if coalition is not None and (actor := actor_of(coalition.target)) is not None:
                        actor_cands.append((first, span_end, coalition.target, actor.type, first - span_end,
                                            -10 - coalition.rank))
                    ok = False
                if ok and last + 1 < len(keys) and (keys[last + 1] in _AFFILIATE_WORDS and words.soft(last + 1)
                                                    or keys[last + 1] in _LINK_COMPOUNDS and "-" in words.gap[last + 1]):
                    ok = False  # "al-Qaeda-linked al-Nusra Front", "Al-Qaeda affiliate Al-Nusra": the other acts
                if ok and not (based and last + 1 < len(keys) and keys[last + 1] in _ATTRIBUTIVE_COMPOUNDS
                               and (keys[last + 1] == "based" or "-" in words.gap[last + 1])) \
                        and (self._verb_follows(words, last) or self._accused_capital(words, first, last)
                             or self._paired_capital_acts(words, last)
                             if flags & CAPITAL
                           # A country after a locative ("in Russia") or a compass word
                           # ("northern Syria"), or before "-based", is a place, not an actor.
                           else not (flags & COUNTRY and self._country_as_place(words, first, last, listed, closed))):
                    actor = actor_of(alias.target)
                    cand = (first, last, alias.target, actor.type if actor else "other",
                            first - last, -10 - alias.rank)
                    if flags & COUNTRY:
                        country_spans.add((first, last))
                    (weak if flags & WEAK else actor_cands).append(cand)
            alias = place_alias(key)
            if alias is not None and not alias.flags & LOOKUP:
                flags = alias.flags
                ok = True
                if has_upper and flags & CASE_FLAGS:
                    ok, capped = self._case_allows(alias, words, first, last, has_upper, capped)
                if ok and not self._compound_follows(words, last):
                    place = place_of(alias.target)
                    if place is not None and place.kind == "country" and has_upper \
                            and self._country_in_name(words, first, last):
                        place = None  # "Club America", "Chad Walker": a longer name
                    if place is not None and stands_for_state(words, first, last):
                        place = None  # "the Belgrade regime", "support from Tehran": the state acting
                    # "President X", "Mr. X", "Interior Minister Mohammed X": a person, whatever X is.
                    if place is not None and place.kind == "city" and first > 0 and keys[first - 1] == "the" \
                            and article_thing(words, first, last):
                        place = None  # "sent to the Duma in December": no town
                    if place is not None and place.kind != "country" and first == last \
                            and described_as_person(words, last + 1):
                        place = None  # "Salma, a 20-year-old woman from Mosul": a person
                    if place is not None \
                            and not (first > 0 and info[surface[first - 1]][2]
                                     and self._after_title(words, first, titles)) \
                            and not ((key in common or key in person)
                                     and self._guard_rejects(key, place, words, first)):
                        place_cands.append((first, last, place.name, place.kind, first - last, -alias.rank))
                        if flags & DEMONYM_PLACE:
                            self._demonym_places(alias, words, first, has_upper, place_cands)
        if country_spans and place_cands:
            # A country inside a longer place's name ("Latin America"), or placing
            # the place before it ("Idlib province, Syria."), is not an actor there.
            inside = {span for span in country_spans for c in place_cands
                      if c[0] <= span[0] and span[1] <= c[1] and c[1] - c[0] > span[1] - span[0]}
            inside |= self._appositions(words, country_spans, place_cands)
            if inside:
                actor_cands = [c for c in actor_cands if (c[0], c[1]) not in inside]
                country_spans -= inside
        if weak:
            # A weak alias counts when the text names its actor strongly, or the
            # country it belongs to ("regime forces" is the Assad regime in a text
            # that names Syria or a Syrian place, not in one about Belarus).
            strong = {c[2] for c in actor_cands}
            actor_cands += [c for c in weak if c[2] in strong
                            or self._country_named(c[2], strong, place_cands)]
        if heads:
            actor_cands += self._organisations(text, words, heads)
        if has_upper:  # "the FBI said", "Harvard University said"
            actor_cands += acting_bodies(words, gaz.aliases["actor"], gaz.aliases["place"])
            if not OUTLET_CUES.isdisjoint(present):  # "Al-Watan newspaper said", "Syrian state TV"
                actor_cands += outlet_mentions(gaz, words)
        if "led" in present:  # "Saudi-led airstrikes": a demonym's X-led coalition
            actor_cands += led_coalition_acts(words, actor_alias, actor_of)
        # People win their span over any name inside it (a person's name is never a place).
        if has_upper and ("and" in present or "or" in present):  # "Syrian or Russian war planes"
            actor_cands += coordinated_forces(gaz, keys, words.cap, actor_cands, words.gap)
        actor_cands += self._person_candidates(text, words)
        actor_cands += self._definition_candidates(text, words)
        actors = _resolve(actor_cands)
        if "of" in present and not _DOCUMENT_KEYS.isdisjoint(present):  # "the Charter of the OIC": the charter's name
            inside = {(a[1] + 1, a[2]) for a in actors if a[3] not in _NOT_INSIDE and in_document(words, a[0])}
            if inside:  # (with its abbreviation right after it: "... Conference (OIC)")
                actors = [a for a in actors if (a[1] + 1, a[2]) not in inside and (a[0], a[2]) not in inside]
        if len(actors) > 1:
            actors = self._offices_of_people(actors, words)
        # Words of a known actor's name ("UK-based Syrian Observatory", "Washington
        # Post", "Moscow said") are not places; organisation-pattern names
        # ("Aleppo Provincial Council") keep theirs.
        # An actor opening with a demonym ("Turkish border guards") leaves its words
        # to places, unless that word is a place's name itself ("US-led coalition").
        demonyms, place_names = gaz.demonyms, gaz.aliases["place"]
        both = {(c[0], c[1]) for c in actors if (c[0], c[1]) in country_spans
                and frame_role(words, c[0], c[1]) == "both"} if country_spans else set()
        blocked = {i for first, last, _, kind, _, _ in actors if (kind != "organisation" or group_name(keys, first, last))
                   and not (demonyms.get(keys[first]) and keys[first] not in place_names)
                   and (first, last) not in both  # a place that acts too
                   for i in range(first, last + 1)}
        # The place an organisation-pattern name is for ("the International Criminal
        # Tribunal for the former Yugoslavia") is part of its name, not a location.
        blocked |= {i for first, last, _, kind, _, _ in actors if kind == "organisation" and last - first > 2
                    for link in (next((j for j in range(first + 1, last - 1)
                                       if keys[j] == "for" and keys[j + 1] == "the"), last),)
                    for i in range(link + 1, last + 1)}
        # A country acting ("Russia vetoed") is an actor there, not a location;
        # one read as a place too ("into Turkey, which opened") keeps both.
        if country_spans:
            blocked |= {c[0] for c in actors if (c[0], c[1]) in country_spans and (c[0], c[1]) not in both}
        if blocked:
            place_cands = [c for c in place_cands if blocked.isdisjoint(range(c[0], c[1] + 1))]
        places = _resolve(place_cands)
        if has_upper:
            places = add_world_places(gaz, words, actors, places)
            # A country inside a longer world place's name (Mexico City): only
            # a place of several words can hold a shorter name.
            longer = [p for p in places if p[1] > p[0]] if actors else None
            if longer:
                covering: dict[int, list[Candidate]] = {}  # word -> the longer places over it
                for p in longer:
                    for i in range(p[0], p[1] + 1):
                        covering.setdefault(i, []).append(p)
                actors = [a for a in actors if a[0] not in covering
                          or not any(a[1] <= p[1] and p[1] - p[0] > a[1] - a[0] for p in covering[a[0]])]
            if country_spans and places:  # "Savannah, Georgia": the US state, not the country
                actors, places = states_after_places(gaz, words, actors, places, country_spans)
            if places and "police" in present:  # "Lebanon Police" in Boone County, Indiana
                actors, places = town_police(gaz, words, actors, places)
            if not PERSON_NOUNS.isdisjoint(present):  # "a Meadow Grove man": where he is from
                actors, places = origin_places(gaz, words, actors, places, _ordinary(words))
            if country_spans and places:
                # "in Addis Ababa, Ethiopia, since January": the country places the world place before it
                ends = {p[1] for p in places if p[3] != "country"}
                moved = self._appositions(words, {(a[0], a[1]) for a in actors if (a[0], a[1]) in country_spans},
                                          [], ends)
                if moved:
                    places = sorted(places + [(a[0], a[1], self.gaz.canonical_location(a[2]) or a[2], "country",
                                               a[0] - a[1], 0) for a in actors if (a[0], a[1]) in moved],
                                    key=itemgetter(0))
                    actors = [a for a in actors if (a[0], a[1]) not in moved]
        result = (self._spans(actors, words, text), self._spans(places, words, text))
        self._last_spans = (text, result)
        return result

    def _country_named(self, actor: str, actors: set[str], places: list[Candidate]) -> bool:
        """Whether a country ``actor`` is part of is named, as an actor or as
        (or through) a place."""
        entry = self.gaz.actors.get(actor)
        if entry is None or not entry.part_of:
            return False
        countries = set(entry.part_of)
        if not countries.isdisjoint(actors):
            return True
        parents = self.gaz.parents
        return any(c[2] in countries or not countries.isdisjoint(parents(c[2])) for c in places)

    def _person_candidates(self, text: str, words: Words) -> list[Candidate]:
        """The people of :mod:`indexer.extraction.people` as candidates over ``words``."""
        if self._people is None:
            self._people = people_finder(self.gaz)
        starts = words.start
        out: list[Candidate] = []
        for start, end, name in self._people.find(text):
            first, last = bisect_left(starts, start), bisect_left(starts, end) - 1
            if first <= last:
                out.append((first, last, name, "person", first - last, _PERSON_RANK))
        return out

    def _offices_of_people(self, actors: list[Candidate], words: Words) -> list[Candidate]:
        """Without an office that is the title of the person right after it
        (``UN Special Envoy for Syria Staffan de Mistura``, ``U.N.
        Secretary-General Ban Ki-moon``): the person acts, not the office."""
        titles = self._people.titles if self._people is not None else frozenset()
        keys = words.key
        out = []
        for i, c in enumerate(actors):
            nxt = actors[i + 1] if i + 1 < len(actors) else None
            if nxt is not None and c[3] != "person" and nxt[3] == "person" and nxt[0] == c[1] + 1 \
                    and words.soft(nxt[0]) and not titles.isdisjoint(keys[c[0]:c[1] + 1]):
                continue
            out.append(c)
        return out

    def _definition_candidates(self, text: str, words: Words) -> list[Candidate]:
        """Every mention of a name the text defines (:mod:`indexer.extraction.definitions`)."""
        if self._people is None:
            self._people = people_finder(self.gaz)
        known = self._people.known_name
        starts = words.start
        out: list[Candidate] = []
        defined = find_definitions(text, known) if "(" in text or ", or " in text or "known as" in text else []
        for alias, long_name, canonical, kind in defined + context_definitions(text):
            for form in (alias, long_name):
                for start, end in defined_mentions(text, form):
                    first, last = bisect_left(starts, start), bisect_left(starts, end) - 1
                    if first <= last:
                        out.append((first, last, canonical, kind, first - last, _DEFINED_RANK))
        return out

    def _folded(self) -> Any:
        """The automaton over the folded words (see the module docstring)."""
        if self._folded_automaton is None:
            automaton = ahocorasick.Automaton()
            for key in self._keys:
                # (key, spaces inside, length, an organisation word?)
                automaton.add_word(f" {key} ", (key, key.count(" "), len(key), key in ORG_HEADS))
            automaton.make_automaton()
            self._folded_automaton = automaton
        return self._folded_automaton

    def _folded_hits(self, words: Words) -> Iterator[tuple[int, tuple[str, int, bool]]]:
        """The hits of :meth:`_folded` in the folded words, as the coded
        automaton reports them (``end >> 2`` is the last word)."""
        norm, starts = words.folded()
        for end, (key, inner_spaces, length, head) in self._folded().iter(norm):
            first = bisect_left(starts, end - length)  # the word whose key starts there
            yield 4 * (first + inner_spaces), (key, inner_spaces, head)

    @staticmethod
    def _spans(cands: list[Candidate], words: Words, text: str) -> list[NameSpan]:
        start, surface, info = words.start, words.surface, WORD_INFO
        out = []
        for first, last, name, kind, _, _ in cands:
            s, e = start[first], start[last] + info[surface[last]][1]
            out.append((name, kind, s, e, text[s:e]))
        return out


def _resolve(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first (ties: higher rank, then leftmost)."""
    cands.sort(key=_LONGEST_FIRST)  # stable: equal keys keep their order
    taken: set[int] = set()
    chosen: list[Candidate] = []
    for c in cands:
        first, last = c[0], c[1]
        if first == last:
            if first in taken:
                continue
            taken.add(first)
        else:
            span = range(first, last + 1)
            if not taken.isdisjoint(span):
                continue
            taken.update(span)
        chosen.append(c)
    chosen.sort(key=itemgetter(0))
    return chosen


_LONGEST_FIRST = itemgetter(4, 5, 0)
#: Kinds of actor kept inside a document's name (``the Constitution of Kenya``: the country's own).
_NOT_INSIDE = frozenset(("person", "state"))
#: A person found in the text wins a tie with a gazetteer name (``-10 - rank``):
#: the text itself said this is a person.
_PERSON_RANK = -50
#: A name the text defines (``Reporters Without Borders (RSF)``) wins over all.
_DEFINED_RANK = -100
