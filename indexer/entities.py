"""Finding actors and places in text with a gazetteer.

One Aho-Corasick automaton holds every alias key (folded words joined by
single spaces). The text is turned into the same form: its words, folded, with
a soft join between words whose gap is only space or a hyphen (so ``Deir
ez-Zor``, ``Deir ez Zor`` and a name broken over a line all match) and a hard
one at a break (punctuation, a blank line), which no alias can cross. Each
match maps back through the word table to exact offsets in the original text,
so ``text[m.start:m.end] == m.surface`` however :func:`fold` changed lengths.

The automaton reads the words as codes (``indexer.words``). (A text whose
folded words hold spaces, or a gazetteer with too many words to code, uses
the folded words, ``" "`` and ``" | "`` instead.)

Candidates then pass the false-hit guards documented in
``indexer/data/GAZETTEER.md`` and overlaps are resolved longest-first. Names
that look like organisations (``Aleppo Provincial Council``) are added as
actors of kind ``organisation`` even when no gazetteer knows them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import ahocorasick

from indexer.analysis import STOPWORDS
from indexer.gazetteer_types import (
    CAPITAL,
    COUNTRY,
    DEMONYM_PLACE,
    LOOKUP,
    NEEDCAP,
    STRICT,
    WEAK,
    Alias,
    NameSpan,
    Place,
)
from indexer.media_names import MEDIA_HEADS, MEDIA_TAILS, MEDIA_TITLES, media_name
from indexer.model import Mention
from indexer.definitions import context_definitions, find_definitions
from indexer.national_forces import coordinated_forces
from indexer.people import PeopleFinder, people_finder
from indexer.person_mentions import occurrences
from indexer.place_words import COMPOUND_WORDS
from indexer.world_places import add_world_places
from indexer.words import CODES, HEADLINE, SOFT, SPACED_KEYS, WORD_INFO, Words, register

if TYPE_CHECKING:
    from indexer.gazetteer import Gazetteer  # (which builds a Matcher: no import at run time)

__all__ = ["Matcher", "NameSpan", "ORG_HEADS"]


#: Words before a place that make it a location, not an actor or a person.
LOCATIVE = frozenset(
    "in into to from across throughout inside within near towards toward outside "
    "around at via through of over entered entering fled visited visit left "
    "tour toured touring travel traveled travelled arrived returned".split()
)
#: Words that make a country right after them a place, not an actor: a part of
#: it is meant (``in northern Syria``, ``northeast Syria``).
COMPASS = frozenset(
    "north south east west northern southern eastern western northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern central".split()
)
#: Words after a country that make it an actor wherever it is (``a US-brokered truce``).
_ACTOR_COMPOUNDS = frozenset("brokered sponsored".split())
#: Words after a country that make it a modifier, neither actor nor place (``US-backed
#: SDF``: the SDF act); ``X-led coalition`` is the coalition's own actor when known.
_MODIFIER_COMPOUNDS = frozenset("backed led funded supported armed trained".split())
#: Words after any actor's name that make it a modifier of another actor (``al-Qaeda-linked``).
_LINK_COMPOUNDS = frozenset("linked affiliated allied aligned inspired".split())
_AFFILIATE_WORDS = frozenset("affiliate affiliates offshoot offshoots".split())
#: Verbs that make a capital stand for its state (``Moscow vetoed``).
SPEECH_VERBS = frozenset(
    "said says say announced announces vetoed vetoes denied denies warned warns "
    "accused accuses rejected rejects condemned condemns claimed claims stated "
    "insisted insists demanded demands urged urges confirmed confirms called calls "
    "threatened threatens responded blamed blames launched launches believes "
    "considers wants supports supported backed backs agreed agrees refused refuses "
    "hopes expects argued argues maintains maintained recognized recognised imposed "
    "sanctioned expelled summoned welcomed welcomes criticized criticised opposed "
    "opposes insisted pledged vowed declined admitted acknowledged dismissed "
    "responded retaliated "
    # base forms, after an auxiliary ("Moscow would respond", "Washington will impose")
    "respond retaliate warn deny reject condemn demand urge insist accept agree refuse "
    "veto impose sanction expel recognise recognize support oppose consider decide "
    "act strike announce confirm claim".split()
)
_AUXILIARIES = frozenset(
    "has had have will would also repeatedly again previously strongly officially "
    "reportedly already has't never".split()
)
#: Words ending a name that looks like an organisation.
ORG_HEADS = frozenset(
    "council front brigade brigades ministry army movement party committee "
    "committees commission observatory network organization organisation agency "
    "union battalion battalions forces authority corps division regiment legion "
    # institutions of any country: police forces, offices, directorates, centres, associations
    "police office directorate command administration secretariat association centre center "
    "institute foundation mission ministries court tribunal bureau service society "
    "federation group".split()
) | MEDIA_HEADS | MEDIA_TITLES
#: Nouns after which a country only says where (``Idlib province, Syria``).
_PLACE_NOUNS = frozenset("province governorate countryside outskirts suburbs district".split())
_NAME_PARTICLES = frozenset("al el ad ar as ash at az an bin ibn abu de du".split())
_ORG_LINKS = frozenset("of for on against".split())
_ORG_INNER = frozenset("of for and the on".split())
#: Capitalised words that start sentences but never organisation names.
_SENTENCE_STARTERS = frozenset(
    "yesterday today tonight meanwhile earlier later however also moreover "
    "furthermore recently previously now then but and so when while after before "
    "since during according last this that these those on in at by".split()
)
_ARTICLES = frozenset("the".split())
#: Words before ``of`` that make the country after it the state (``the Government of Cuba``).
_OF_STATE = frozenset(
    "government governments authorities president presidents minister ministers ministry delegation "
    "delegations representative representatives ambassador ambassadors king emir leader leaders".split())
#: Nouns before ``in`` that make the country after it its people or state
#: (``our brothers in Saudi Arabia``, ``our partners in the European Union``).
_PEOPLE_IN = frozenset("brothers sisters brethren friends partners colleagues allies counterparts".split())
#: Words of a state's formal name before ``of`` (``the Democratic Republic of``).
_STATE_FORM = frozenset("republic kingdom state federation sultanate emirate principality "
                        "federal democratic islamic peoples people's socialist united arab "
                        "plurinational bolivarian hashemite cooperative".split())


def _state_form_of(keys: list[str], at: int) -> bool:
    """Whether words up to ``at`` are a state's formal name after a word of
    :data:`_OF_STATE` (``Government of the Republic of``)."""
    i = at
    if i < 0 or keys[i] not in ("republic", "kingdom", "state", "federation", "sultanate", "emirate"):
        return False
    while i > 0 and at - i < 4 and (keys[i] in _STATE_FORM or keys[i] == "the"):
        i -= 1
    return keys[i] == "of" and i > 0 and keys[i - 1] in _OF_STATE


#: Words after a country's possessive that make it a place (``Afghanistan's neighbours``).
_PLACE_AFTER_POSSESSIVE = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern central capital border borders neighbours "
    "neighbors neighbouring neighboring province provinces region regions city cities town towns "
    "countryside coast territory territories soil airspace waters".split())
#: Capitalised nouns after a country that make it a modifier (``Syria Kurds``, ``Syria Rebels``).
_GROUP_NOUNS = frozenset(
    "kurds rebels refugees civilians children militants activists opposition monitor fighters "
    "jihadists islamists truce ceasefire talks war conflict crisis".split())
#: Lower-case words after a country that do not make it a modifier (it acts, or it is a place).
_NOT_MODIFIED = frozenset(
    "today yesterday tonight now then also alone too itself first last again still once already "
    "did does do is was were are has had have will would can could must should may might shall "
    "never not always only just even later soon along together since until because when while where whose which who "
    "whom as than like under over after before into onto upon within without against among amid via".split())
#: Weekdays and months never start an organisation's name ("on Saturday Syrian
#: Army troops", "on Wednesday Al-Alam News Network reports").
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april june july august september october november december".split()
)


#: A candidate name: ``(first word, last word (inclusive), name, kind, first -
#: last, -rank)``; the last two order candidates longest first (ties: higher
#: rank, then leftmost) by a C-level key (see :func:`_resolve`).
_Candidate = tuple[int, int, str, str, int, int]
#: Alias flags that make the case of the text matter.
_CASE_FLAGS = STRICT | NEEDCAP


class Matcher:
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
        actor_cands: list[_Candidate] = []
        place_cands: list[_Candidate] = []
        weak: list[_Candidate] = []
        country_spans: set[tuple[int, int]] = set()
        heads: list[int] = []  # the words that are organisation words, in order
        if self._coded and not (SPACED_KEYS and not SPACED_KEYS.isdisjoint(words.surface)):
            hits: Iterable[tuple[int, tuple[str, int, bool]]] = self.automaton.iter(words.norm)
        else:
            hits = self._folded_hits(words)
        based = "based" in keys  # "Britain-based": a modifier, neither place nor actor
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
                if has_upper and flags & _CASE_FLAGS:
                    ok, capped = self._case_allows(alias, words, first, last, has_upper, capped)
                if ok and last + 1 < len(keys) and keys[last + 1] in _MODIFIER_COMPOUNDS \
                        and "-" in words.gap[last + 1]:
                    # "U.S.-led coalition": the coalition's own name (also across the dot), else nothing
                    coalition = actor_alias(" ".join(keys[first:last + 3])) if last + 2 < len(keys) else None
                    if coalition is not None and (actor := actor_of(coalition.target)) is not None:
                        actor_cands.append((first, last + 2, coalition.target, actor.type, first - last - 2,
                                            -10 - coalition.rank))
                    ok = False
                if ok and last + 1 < len(keys) and (keys[last + 1] in _AFFILIATE_WORDS and words.soft(last + 1)
                                                    or keys[last + 1] in _LINK_COMPOUNDS and "-" in words.gap[last + 1]):
                    ok = False  # "al-Qaeda-linked al-Nusra Front", "Al-Qaeda affiliate Al-Nusra": the other acts
                if ok and not (based and last + 1 < len(keys) and keys[last + 1] == "based") \
                        and (self._verb_follows(words, last) if flags & CAPITAL
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
                if has_upper and flags & _CASE_FLAGS:
                    ok, capped = self._case_allows(alias, words, first, last, has_upper, capped)
                if ok and not self._compound_follows(words, last):
                    place = place_of(alias.target)
                    # "President X", "Mr. X", "Interior Minister Mohammed X": a person, whatever X is.
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
        # People win their span over any name inside it (a person's name is never a place).
        if has_upper and ("and" in keys or "or" in keys):  # "Syrian or Russian war planes"
            actor_cands += coordinated_forces(gaz, keys, words.cap, actor_cands)
        actor_cands += self._person_candidates(text, words)
        actor_cands += self._definition_candidates(text, words)
        actors = _resolve(actor_cands)
        if len(actors) > 1:
            actors = self._offices_of_people(actors, words)
        # Words of a known actor's name ("UK-based Syrian Observatory", "Washington
        # Post", "Moscow said") are not places; organisation-pattern names
        # ("Aleppo Provincial Council") keep theirs.
        # An actor opening with a demonym ("Turkish border guards") leaves its words
        # to places, unless that word is a place's name itself ("US-led coalition").
        demonyms, place_names = gaz.demonyms, gaz.aliases["place"]
        blocked = {i for first, last, _, kind, _, _ in actors if kind != "organisation"
                   and not (demonyms.get(keys[first]) and keys[first] not in place_names)
                   for i in range(first, last + 1)}
        # A country acting ("Russia vetoed") is an actor there, not a location.
        if country_spans:
            blocked |= {c[0] for c in actors if (c[0], c[1]) in country_spans}
        if blocked:
            place_cands = [c for c in place_cands if blocked.isdisjoint(range(c[0], c[1] + 1))]
        places = _resolve(place_cands)
        if has_upper:
            places = add_world_places(gaz, words, actors, places)
            # A country inside a longer world place's name (Mexico City): only
            # a place of several words can hold a shorter name.
            longer = [p for p in places if p[1] > p[0]] if actors else None
            if longer:
                covering: dict[int, list[_Candidate]] = {}  # word -> the longer places over it
                for p in longer:
                    for i in range(p[0], p[1] + 1):
                        covering.setdefault(i, []).append(p)
                actors = [a for a in actors if a[0] not in covering
                          or not any(a[1] <= p[1] and p[1] - p[0] > a[1] - a[0] for p in covering[a[0]])]
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

    def _country_named(self, actor: str, actors: set[str], places: list[_Candidate]) -> bool:
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

    def _person_candidates(self, text: str, words: Words) -> list[_Candidate]:
        """The people of :mod:`indexer.people` as candidates over ``words``."""
        if self._people is None:
            self._people = people_finder(self.gaz)
        starts = words.start
        out: list[_Candidate] = []
        for start, end, name in self._people.find(text):
            first, last = bisect_left(starts, start), bisect_left(starts, end) - 1
            if first <= last:
                out.append((first, last, name, "person", first - last, _PERSON_RANK))
        return out

    def _offices_of_people(self, actors: list[_Candidate], words: Words) -> list[_Candidate]:
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

    def _definition_candidates(self, text: str, words: Words) -> list[_Candidate]:
        """Every mention of a name the text defines (:mod:`indexer.definitions`)."""
        if self._people is None:
            self._people = people_finder(self.gaz)
        known = self._people.known_name
        starts = words.start
        out: list[_Candidate] = []
        defined = find_definitions(text, known) if "(" in text or ", or " in text or "known as" in text else []
        for alias, long_name, canonical, kind in defined + context_definitions(text):
            for form in (alias, long_name):
                for start, end in occurrences(text, form):
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
    def _spans(cands: list[_Candidate], words: Words, text: str) -> list[NameSpan]:
        start, surface, info = words.start, words.surface, WORD_INFO
        out = []
        for first, last, name, kind, _, _ in cands:
            s, e = start[first], start[last] + info[surface[last]][1]
            out.append((name, kind, s, e, text[s:e]))
        return out

    def _case_allows(self, alias: Alias, words: Words, first: int, last: int, has_upper: bool,
                     capped: bool | None) -> tuple[bool, bool | None]:
        """Whether the match's capitals allow ``alias`` there, and whether a
        word of the match is capitalised (``capped``, computed once per match)."""
        flags = alias.flags
        if not has_upper or not flags & _CASE_FLAGS:
            return True, capped
        if flags & STRICT:
            return self._case_ok(alias, words, first, last), capped
        if capped is None:
            capped = WORD_INFO[words.surface[first]][2] if first == last else words.any_cap(first, last)
        return bool(capped), capped

    def _case_ok(self, alias: Alias, words: Words, first: int, last: int) -> bool:
        """Whether the case of words ``first..last`` suits ``alias`` (the text has capitals)."""
        flags = alias.flags
        if flags & STRICT:
            wanted = self._wanted.get(alias.text)
            if wanted is None:
                wanted = self._wanted[alias.text] = tuple(
                    len(want) > 1 and want.isupper() for want in re.findall(r"\w+", alias.text))
            if len(wanted) == last + 1 - first:
                for i, upper in enumerate(wanted, first):
                    if upper and not words.upper(i):
                        return False
            elif not any(map(words.upper, range(first, last + 1))):
                return False
        return not flags & NEEDCAP or words.any_cap(first, last)

    def _appositions(self, words: Words, countries: set[tuple[int, int]],
                     places: list[_Candidate], ends: set[int] | None = None) -> set[tuple[int, int]]:
        """The country spans that only place what precedes them: right after a
        place that is not a country and a comma, or after a place noun
        (``Idlib province Syria``, ``Aleppo's outskirts, Syria``), and then
        followed by the end of the text, punctuation, a number or a capitalised
        word (a date), never by a verb (``In Aleppo, Russia bombed``)."""
        keys, gap, n = words.key, words.gap, len(words.key)
        place_of = self.gaz.places.get
        if ends is None:  # (given: the last words of the world places found)
            ends = {c[1] for c in places if (p := place_of(c[2])) is not None and p.kind != "country"}
        out = set()
        for first, last in countries:
            if first == 0 or "\n" in gap[first]:
                continue
            prev = first - 1
            if not (keys[prev] in _PLACE_NOUNS or (prev in ends and gap[first].strip() == ",")):
                continue
            nxt = last + 1
            if nxt >= n or not words.soft(nxt) or words.cap(nxt) or keys[nxt][:1].isdigit():
                out.add((first, last))
        return out

    @staticmethod
    def _after_title(words: Words, first: int, titles: Any) -> bool:
        """Whether word ``first`` follows a title, directly (``Mr. X``) or after
        one or two capitalised given names joined by spaces (``Minister
        Mohammed Shaar``)."""
        keys = words.key
        i = first - 1
        if keys[i] in titles:
            return True
        for _ in range(2):
            if not words.soft(i + 1) or not words.cap(i) or i < 1:
                return False
            i -= 1
            if keys[i] in titles and words.cap(i) and words.soft(i + 1):
                return True
        return False

    @staticmethod
    def _country_is_place(keys: list[str], first: int, last: int) -> bool:
        """Whether the country named by words ``first..last`` is a place there:
        after a locative (``in Russia``, ``in the UK``) or a compass word
        (``northern Syria``), or before ``based`` (``UK-based``); never before
        ``backed``, ``led``... (``from the US-backed alliance``)."""
        nxt = keys[last + 1] if last + 1 < len(keys) else ""
        if nxt in _ACTOR_COMPOUNDS:  # "from the US-backed alliance": an actor
            return False
        if first > 0:
            prev = keys[first - 1]
            if prev in COMPASS:
                return True
            at = first - 1
            if prev == "the" and first > 1:
                at -= 1
                prev = keys[at]
            if prev == "in" and at > 0 and keys[at - 1] in _PEOPLE_IN:
                return False  # "our brothers in Saudi Arabia": its people or state, an actor
            if prev in LOCATIVE:
                # "the Government of Cuba", "the President of Russia": the state itself;
                # also "the Government of the Republic of South Sudan"
                return not (prev == "of" and at > 0 and (keys[at - 1] in _OF_STATE or _state_form_of(keys, at - 1)))
        return nxt == "based"

    def _country_as_place(self, words: Words, first: int, last: int, listed: set[int],
                          closed: set[int]) -> bool:
        """Whether a country is a place by its neighbours (``listed``: the last
        words of the countries already read as places, ``closed``: those
        joined by ``and``/``or``, which end a list): in a list whose
        earlier member is a place (``in France, Belgium, Germany, the United
        States``, ``from Lebanon Iraq and Afghanistan``) unless a verb follows;
        before a place (``Syria's Homs``, ``Tags Syria Damascus``); as a
        modifier of a common noun (``Syria monitor says``, ``Haiti gang
        leader`` opening the text, ``Syria Kurds``)."""
        keys, n = words.key, len(words.key)
        if self._country_is_place(keys, first, last) or (
                first > 1 and keys[first - 1] == "both" and keys[first - 2] in LOCATIVE):  # "of both Syria and Iraq"
            listed.add(last)
            return True
        nxt = last + 1
        place = False
        if first > 0 and listed:
            prev, link = first - 1, words.gap[first]
            if keys[prev] == "the" and prev > 0:  # "Germany, the United States"
                prev, link = prev - 1, words.gap[prev]
            if keys[prev] in ("and", "or") and prev > 0 and words.soft(prev + 1):
                before = prev - 1 if keys[prev - 1] != "the" or prev < 2 else prev - 2
                place = before in listed and before not in closed
                if place:
                    closed.add(last)  # "Syria and Iraq, Russia said": the list ended
            elif prev in listed and prev not in closed and ("," in link or link.strip() == "") and "\n" not in link:
                place = True  # "France, Belgium"; "Lebanon Iraq" (commas lost)
            if place and self._list_acts(words, last, last in closed):
                place = False
                closed.discard(last)
        if not place and nxt < n and words.soft(nxt) and not words.newline(nxt):
            following = keys[nxt]
            gap = words.gap[nxt]
            if "'" in gap or "’" in gap:  # "Syria's Homs", "Afghanistan's neighbours"
                place = following in self.gaz.aliases["place"] or following in _PLACE_AFTER_POSSESSIVE
            elif words.cap(nxt):
                place = following in _GROUP_NOUNS or (following in self.gaz.aliases["place"]
                                                      and following not in self.gaz.aliases["actor"])
            elif gap.strip() == "" and following.isalpha() and following not in STOPWORDS \
                    and following not in SPEECH_VERBS and following not in _AUXILIARIES \
                    and following not in _NOT_MODIFIED and not following.endswith(("ed", "s")) \
                    and following not in self.gaz.guards.title \
                    and first == 0:
                place = True  # a headline's "Syria monitor says"; not "the United States invasion of Iraq"
        if place:
            listed.add(last)
        return place

    @staticmethod
    def _list_acts(words: Words, last: int, closed: bool) -> bool:
        """Whether the list going on after word ``last`` ends in a verb
        (``in Syria, Iran and Russia backed Assad``); a ``closed`` list (the
        member came after ``and``) ends at a comma."""
        keys, n = words.key, len(words.key)
        i = last + 1
        for _ in range(8):
            if i >= n or "\n" in words.gap[i] or not (words.soft(i) or words.gap[i].strip() == "," and not closed):
                return False
            closed = closed or keys[i] in ("and", "or")
            if keys[i] not in ("and", "or", "the") and not words.cap(i):
                return Matcher._verb_follows(words, i - 1)
            i += 1
        return False

    @staticmethod
    def _compound_follows(words: Words, last: int) -> bool:
        """Whether ``-based``, ``-backed``, ``-led``... follows word ``last``
        (``Britain-based monitor``): never a place mention."""
        nxt = last + 1
        return nxt < len(words.key) and words.key[nxt] in COMPOUND_WORDS and "-" in words.gap[nxt]

    @staticmethod
    def _verb_follows(words: Words, last: int) -> bool:
        i = last + 1
        n = len(words.key)
        skipped = 0
        while i < n and words.soft(i) and words.key[i] in _AUXILIARIES and skipped < 2:
            i += 1
            skipped += 1
        return i < n and words.soft(i) and words.key[i] in SPEECH_VERBS

    def _guard_rejects(self, key: str, place: Place, words: Words, first: int) -> bool:
        """Whether a place named by a common word or a person's name (``key``)
        at word ``first`` is not a place there (``Michael Jordan``)."""
        gaz = self.gaz
        guards = gaz.guards
        prev = first - 1 if first > 0 else None
        prev_key = words.key[prev] if prev is not None else ""
        if key in guards.common and (words.sentence_start(first) or not words.cap(first)):
            return True
        if key in guards.person:
            if prev is not None and words.soft(first) and words.cap(prev) \
                    and not words.sentence_start(prev) \
                    and prev_key not in STOPWORDS and prev_key not in gaz.aliases["place"]:
                return True  # Michael Jordan
            if prev is not None and words.soft(first) and words.cap(prev) and words.sentence_start(prev) \
                    and prev_key not in STOPWORDS and prev_key not in LOCATIVE \
                    and prev_key not in gaz.aliases["place"]:
                return True  # sentence-initial "Michael Jordan"
            if place.kind != "country" and (prev is None or prev_key not in LOCATIVE):
                return True
        return False

    def _demonym_places(self, alias: Alias, words: Words, first: int, has_upper: bool,
                        out: list[_Candidate]) -> None:
        """"Syrian-Turkish border": each demonym before the matched one is a place too."""
        gaz = self.gaz
        i = first
        while i > 0 and words.soft(i) and words.key[i - 1] in gaz.demonyms:
            i -= 1
            country = gaz.demonyms[words.key[i]]
            target = gaz.places.get(gaz.canonical_location(country) or "")
            if target is not None and (words.cap(i) or not has_upper):
                out.append((i, i, target.name, target.kind, 0, -alias.rank))

    # -------------------------------------------------------- organisations
    def _organisations(self, text: str, words: Words, heads: list[int]) -> list[_Candidate]:
        """Capitalised names ending in (or starting with) an organisation word
        (``heads``: the words in :data:`ORG_HEADS`, in order)."""
        # ``cap(i)``, ``soft(i)`` and ``newline(i)`` of :class:`Words`, inlined: info[surface[i]][2],
        # pieces[2 * i] == SOFT (i > 0) and "\n" in gap[i].
        keys, surface, pieces, gap, info = words.key, words.surface, words.pieces, words.gap, WORD_INFO
        out: list[_Candidate] = []
        n = len(keys)
        title_lines: dict[int, bool] = {}
        for h in heads:
            if not info[surface[h]][2] or self._on_title_line(words, h, title_lines):
                continue
            first = h
            # A possessive before the name is its owner's ("Russia's Supreme Court").
            while first > 0 and pieces[2 * first] == SOFT and "\n" not in gap[first] \
                    and "'" not in gap[first] and "’" not in gap[first]:
                if keys[first - 1] in ORG_HEADS and first < h and keys[first - 1] not in MEDIA_HEADS:
                    break  # "Mujahideen Army al-Nasr Army": two names (not "Next Media Trade Union";
                    # two heads in a row are one name: "Aleppo Police Command")
                if info[surface[first - 1]][2]:
                    first -= 1
                elif keys[first - 1] in _NAME_PARTICLES and first - 2 >= 0 and info[surface[first - 2]][2] \
                        and pieces[2 * first - 2] == SOFT:
                    first -= 1
                else:
                    break
            last = h
            j = h + 1
            if j < n and keys[h] in MEDIA_HEADS and keys[j] in MEDIA_TAILS and pieces[2 * j] == SOFT \
                    and first < h:
                last = j  # "Hama Media center", "ISNA News agency": the body's own kind word, lower case
                j += 1
            if j < n and keys[j] in _ORG_LINKS and pieces[2 * j] == SOFT and keys[h] not in MEDIA_TITLES:
                k = j + 1
                end_at = h
                while k < n and pieces[2 * k] == SOFT and "\n" not in gap[k] and keys[k] not in _DATE_WORDS and \
                        (info[surface[k]][2] or keys[k] in _ORG_INNER or keys[k] in _NAME_PARTICLES):
                    if info[surface[k]][2]:
                        end_at = k
                    k += 1
                last = end_at
            # A capitalised "The" inside starts the name (text without its full
            # stops: "Kurds and Arabs The Syrian Democratic Forces").
            for i in range(h - 1, first, -1):
                if keys[i] == "the" and info[surface[i]][2]:
                    first = i
                    break
            while first < h and (keys[first] in _ARTICLES or keys[first] in _DATE_WORDS or (
                    words.sentence_start(first) and keys[first] in _SENTENCE_STARTERS)):
                first += 1
            first, owner = self._org_start(words, first, h)
            if last - first < 1:
                continue
            if keys[h] in MEDIA_HEADS or keys[h] in MEDIA_TITLES:
                media = media_name(self.gaz, keys, first, h, last)
                if media is None:
                    continue
                if media[2] is not None:
                    out.append((media[0], media[1], media[2], self.gaz.actors[media[2]].type, media[0] - media[1], 0))
                    continue
                first = media[0]
            start, end = words.start[first], words.end(last)
            name = " ".join(text[start:end].split())
            if owner is not None:  # "Russias Aerospace Forces": the name with the demonym, when known
                known = self._demonym_name(owner, " ".join(keys[first:last + 1]))
                if known is not None:
                    out.append((first - 1, last, known, self.gaz.actors[known].type, first - 1 - last, 0))
                    continue
            out.append((first, last, name, "organisation", first - last, 0))
        return out

    def _demonym_name(self, country: str, rest: str) -> str | None:
        """The actor named ``<demonym of country> <rest>`` (``Russian Aerospace Forces``)."""
        table = self.gaz.aliases["actor"]
        for demonym, of in self.gaz.demonyms.items():
            if of == country:
                alias = table.get(f"{demonym} {rest}")
                if alias is not None and alias.target in self.gaz.actors:
                    return alias.target
        return None

    def _org_start(self, words: Words, first: int, head: int) -> tuple[int, str | None]:
        """Where an organisation's name starts once words glued before it in
        text that lost its punctuation are dropped: a place or a dateline
        or a known name before a demonym or another name (``Moscow Russian
        Foreign Ministry``, ``MOSCOW Russias Aerospace Forces``, ``Assad Syrian
        Observatory for Human Rights``), a possessive that lost its
        apostrophe (``Trumps National Security Council``)."""
        keys, gaz = words.key, self.gaz
        places, actors = gaz.aliases["place"], gaz.aliases["actor"]
        owner = None
        while first < head - 1:
            key, nxt = keys[first], keys[first + 1]
            if "-" in words.gap[first + 1]:  # "Eritrea-Ethiopia Boundary Commission": one name
                break
            if (key in places or key in actors) and (nxt in gaz.demonyms or nxt in places or nxt in actors
                                  or (nxt.endswith("s") and nxt[:-1] in places)):
                first += 1
            elif key.endswith("s") and len(key) > 3 and not words.upper(first) \
                    and (key[:-1] in actors or key[:-1] in places) and key not in actors and key not in places:
                place = places.get(key[:-1])
                owner = place.target if place is not None else None
                first += 1
                break
            else:
                break
        return first, owner

    @staticmethod
    def _on_title_line(words: Words, h: int, seen: dict[int, bool]) -> bool:
        """Is word ``h`` on a headline-style line (most words capitalised)?
        ``seen`` remembers the answer per line (keyed by its first word)."""
        first, end = words.line(h)
        if first not in seen:
            codes = list(map(HEADLINE.__getitem__, words.surface[first:end])) if end - first < 2 \
                else itemgetter(*words.surface[first:end])(HEADLINE)
            long_words = len(codes) - codes.count(0)
            seen[first] = long_words >= 6 and codes.count(2) >= 0.75 * long_words
        return seen[first]


def _resolve(cands: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first (ties: higher rank, then leftmost)."""
    cands.sort(key=_LONGEST_FIRST)  # stable: equal keys keep their order
    taken: set[int] = set()
    chosen: list[_Candidate] = []
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
#: A person found in the text wins a tie with a gazetteer name (``-10 - rank``):
#: the text itself said this is a person.
_PERSON_RANK = -50
#: A name the text defines (``Reporters Without Borders (RSF)``) wins over all.
_DEFINED_RANK = -100
