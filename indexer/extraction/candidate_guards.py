"""The matcher's false-hit guards: whether a gazetteer name found in text is
meant there, and as what (an actor, a place or a modifier). They grow with every
false hit fixed, so they live apart from ``indexer.extraction.entities``, which
finds the candidates; their rules are documented in ``indexer/data/GAZETTEER.md``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from indexer.analysis import STOPWORDS
from indexer.extraction.capital_appositions import SETTING_WORDS, apposition_start
from indexer.extraction.country_frames import before_border, formal_start, frame_role, opening_subject, opens_name
from indexer.extraction.gazetteer_types import NEEDCAP, STRICT, Alias, Place
from indexer.extraction.name_lists import english_surnames
from indexer.extraction.place_words import BORDER_NOUNS, COMPOUND_WORDS
from indexer.extraction.role_words import strikes_agent as _strikes_agent
from indexer.extraction.words import WORD_INFO, Words

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["CASE_FLAGS", "COMPASS", "LOCATIVE", "SPEECH_VERBS", "Candidate", "CandidateGuards"]

#: A candidate name: ``(first word, last word (inclusive), name, kind, first -
#: last, -rank)``; the last two order candidates longest first (ties: higher
#: rank, then leftmost) by a C-level key (see ``indexer.extraction.entities._resolve``).
Candidate = tuple[int, int, str, str, int, int]
#: Alias flags that make the case of the text matter.
CASE_FLAGS = STRICT | NEEDCAP

#: Words before a place that make it a location, not an actor or a person.
LOCATIVE = frozenset(
    "in into to from across throughout inside within near towards toward outside off "
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
    "act strike announce confirm claim "
    # gerunds, after "is"/"was" ("Washington is hoping", "Moscow was pressing")
    "hoping seeking trying pushing pressing planning considering weighing demanding insisting "
    "urging threatening warning refusing".split()
)
_AUXILIARIES = frozenset(
    "has had have will would also repeatedly again previously strongly officially "
    "reportedly already has't never is was".split()
)
#: Auxiliaries that also make a place's description (``Moscow is a city``):
#: after a locative the capital is the place (``the summit in Moscow is planning``).
_COPULAS = frozenset("is was".split())
#: Words right after a capital that make it its state acting (``Washington
#: seems prepared``, ``Moscow must act``, ``Beijing should``, ``Washington hasnt yet``,
#: ``the Belgrade regime``).
_STANCE_VERBS = frozenset("seems appears shouldn couldn shouldnt couldnt wouldnt wont didnt doesnt cannot should must "
                          "hasn hasnt hadn hadnt haven havent regime intends plans fears sees views regards hopes seeks aims".split())
#: Verbs whose object, before ``of``/``for``, is the accused (see ``_accused_capital``).
_ACCUSE_VERBS = frozenset("accused accuses accusing accuse blamed blames blaming blame".split())
_HOLD_VERBS = frozenset("holds held hold holding".split())
#: Nouns after which a country only says where (``Idlib province, Syria``).
_PLACE_NOUNS = frozenset("province governorate countryside outskirts suburbs district".split())
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


def _state_and_people(keys: list[str], at: int) -> bool:
    """Whether word ``at`` ends ``government and people`` before ``of`` (``the
    Government and people of Bangladesh``): the state with its people."""
    return at >= 2 and keys[at] == "people" and keys[at - 1] == "and" and keys[at - 2] in _OF_STATE


#: Words after a country's possessive that make it a place (``Afghanistan's neighbours``).
_PLACE_AFTER_POSSESSIVE = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern central capital border borders neighbours "
    "neighbors neighbouring neighboring province provinces region regions city cities town towns "
    "countryside coast territory territories soil airspace waters".split())
#: Verbs of suffering: a country they follow is where things happen, not an actor.
_SUFFER_VERBS = frozenset("suffer suffers suffered suffering endure endures endured".split())


#: Verbs that with ``into`` say what a country turns into (``from turning into a
#: black hole``, ``could slide into chaos``): what happens there, no act of its own.
_INTO_VERBS = frozenset(
    "turn turns turned turning descend descends descended descending slide slides slid sliding "
    "plunge plunges plunged plunging sink sinks sank sinking".split())
_BECOME = frozenset("become becomes became becoming".split())
#: Words between a country and such a verb (``has continued to suffer``, ``must not become``).
_BEFORE_SUFFERING = frozenset(
    "has have had is was continues continued to still also must should will would could can cannot "
    "may might not never from".split())


def _suffers(keys: list[str], at: int) -> bool:
    """Whether word ``at`` (maybe after ``has``/``continues to``/``must not``...)
    is a verb of suffering, of turning ``into`` something, or ``become another``
    (``Lebanon must not become another Gaza``)."""
    n = len(keys)
    for _ in range(4):
        if at >= n:
            return False
        key = keys[at]
        if key in _SUFFER_VERBS or at + 1 < n and (key in _INTO_VERBS and keys[at + 1] == "into"
                                                    or key in _BECOME and keys[at + 1] == "another"):
            return True
        if key not in _BEFORE_SUFFERING:
            return False
        at += 1
    return False


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


class CandidateGuards:
    """The guards of :class:`~indexer.extraction.entities.Matcher` (which sets the
    attributes declared here)."""

    gaz: Gazetteer
    #: alias spelling -> for each of its words, whether it must be all capitals
    _wanted: dict[str, tuple[bool, ...]]

    def _case_allows(self, alias: Alias, words: Words, first: int, last: int, has_upper: bool,
                     capped: bool | None) -> tuple[bool, bool | None]:
        """Whether the match's capitals allow ``alias`` there, and whether a
        word of the match is capitalised (``capped``, computed once per match)."""
        flags = alias.flags
        if not has_upper or not flags & CASE_FLAGS:
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
                     places: list[Candidate], ends: set[int] | None = None) -> set[tuple[int, int]]:
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
            if prev in COMPASS or prev in SETTING_WORDS:  # "northern Syria", "mainland China"
                return True
            at = first - 1
            if prev == "the" and first > 1:
                at -= 1
                prev = keys[at]
            if prev == "in" and at > 0 and keys[at - 1] in _PEOPLE_IN:
                return False  # "our brothers in Saudi Arabia": its people or state, an actor
            if prev in LOCATIVE or prev == "with" and at > 0 and keys[at - 1] in BORDER_NOUNS:  # "frontier with"
                # "the Government of Cuba", "the President of Russia": the state itself;
                # also "the Government of the Republic of South Sudan"
                return not (prev == "of" and at > 0 and (keys[at - 1] in _OF_STATE or _state_form_of(keys, at - 1)
                                                         or _state_and_people(keys, at - 1)))
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
        if _strikes_agent(words, first, last):
            return False
        first = formal_start(words, first)  # "the Republic of Guinea has": the frame of the whole name
        role = frame_role(words, first, last)  # "the border with Iraq", "an ally of the US": the frame says
        if role is not None:  # ("both": an actor whose place the matcher keeps, see entities)
            if role == "place":
                listed.add(last)
            return role == "place"
        if self._country_is_place(keys, first, last) or before_border(words, last) or (
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
                place = before in listed and before not in closed or self._listed_place(words, before, listed)
                if place:
                    closed.add(last)  # "Syria and Iraq, Russia said": the list ended
            elif (prev in listed and prev not in closed or "," in link and self._listed_place(words, prev, listed)) \
                    and ("," in link or link.strip() == "") and "\n" not in link:
                place = True  # "France, Belgium"; "Lebanon Iraq" (commas lost)
            if place and (self._list_acts(words, last, last in closed) or opening_subject(words, first, last)):
                place = False
                closed.discard(last)
        if not place and nxt < n and words.gap[nxt] in ("' ", "’ ") and (
                keys[nxt] in self.gaz.aliases["place"] or keys[nxt] in _PLACE_AFTER_POSSESSIVE):
            place = True  # "Syria' Idlib": "Syrias Idlib" with its apostrophe restored (lost_apostrophes)
        if not place and nxt < n and words.soft(nxt) and not words.newline(nxt) and _suffers(keys, nxt):
            place = True  # "Libya suffers upticks in violence": where things happen, no act of its own
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

    def _listed_place(self, words: Words, at: int, listed: set[int]) -> bool:
        """Whether word ``at`` is a one-word place (not a country) that a comma
        joins to a country read as a place before it: the list goes on over it
        (``in Lebanon, Darfur and the Democratic Republic of the Congo``)."""
        return at > 0 and at - 1 in listed and "," in words.gap[at] and words.cap(at) \
            and words.key[at] in self.gaz.aliases["place"] and words.key[at] not in self.gaz.aliases["actor"]

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
                return CandidateGuards._verb_follows(words, i - 1)
            i += 1
        return False

    @staticmethod
    def _compound_follows(words: Words, last: int) -> bool:
        """Whether ``-based``, ``-backed``, ``-led``... follows word ``last``
        (``Britain-based monitor``), or ``agency`` (``the Sana agency``): never
        a place mention."""
        keys, nxt = words.key, last + 1
        if nxt >= len(keys):
            return False
        if keys[nxt] in COMPOUND_WORDS and "-" in words.gap[nxt]:
            return True
        # "the state-run Sana agency", "Anadolu news agency": the agency's name
        return words.soft(nxt) and (keys[nxt] == "agency" or keys[nxt] == "news" and nxt + 1 < len(keys)
                                    and keys[nxt + 1] == "agency" and words.soft(nxt + 1))

    def _paired_capital_acts(self, words: Words, last: int) -> bool:
        """Whether a capital ending at ``last`` is joined by ``and``/``or`` to
        another state's one-word name that a verb of a state's stance follows
        (``Washington and Cairo should realise``, ``Washington and Moscow
        agreed``): both capitals stand for their states; not after a locative."""
        keys, n, nxt = words.key, len(words.key), last + 2
        return nxt < n and keys[last + 1] in ("and", "or") and words.soft(last + 1) and words.soft(nxt) \
            and words.cap(nxt) and keys[nxt] in self.gaz.aliases["actor"] and self._verb_follows(words, nxt) \
            and self._not_after_locative(words, last)  # ("officials in Washington and Moscow said": places)

    @staticmethod
    def _accused_capital(words: Words, first: int, last: int) -> bool:
        """Whether a capital is the accused of ``accused/blamed X of/for``
        or ``holds X responsible``: the state it stands for (``Washington
        accused Moscow of war crimes``), not a place (issue 21)."""
        keys, n = words.key, len(words.key)
        if first == 0 or last + 1 >= n or not words.soft(last + 1):
            return False
        before, after = keys[first - 1], keys[last + 1]
        return (before in _ACCUSE_VERBS and after in ("of", "for")) \
            or (before in _HOLD_VERBS and after in ("responsible", "accountable"))

    @staticmethod
    def _verb_follows(words: Words, last: int) -> bool:
        i = last + 1
        n = len(words.key)
        skipped = 0
        if i < n and words.soft(i) and words.key[i] in _STANCE_VERBS:
            # "Washington seems prepared", "Moscow must act"; not "the summit in Moscow should"
            return CandidateGuards._not_after_locative(words, last)
        copula = False
        while i < n and words.soft(i) and words.key[i] in _AUXILIARIES and skipped < 2:
            copula = copula or words.key[i] in _COPULAS
            i += 1
            skipped += 1
        # "officials in Moscow said", "the embassy in the capital Kinshasa said": where it speaks
        return i < n and words.soft(i) and words.key[i] in SPEECH_VERBS \
            and CandidateGuards._not_after_locative(words, last)

    @staticmethod
    def _not_after_locative(words: Words, last: int) -> bool:
        """Whether the capitalised name ending at ``last`` has no locative before it."""
        first = last
        while first > 0 and words.soft(first) and words.cap(first - 1):
            first -= 1
        first = apposition_start(words, first)  # "in the capital Kinshasa", "in the city of Aden"
        return first == 0 or words.key[first - 1] not in LOCATIVE

    def _country_in_name(self, words: Words, first: int, last: int) -> bool:
        """Whether a one-word country is part of a longer capitalised name:
        after a capitalised word that names nothing (``United Russia``,
        ``Club America``), or as a given name before a surname-like word
        (``Chad Walker``, a common surname after it); ``Iran Iraq``,
        ``Northern Syria``, ``Syria Rebels``, ``Georgia Power`` stay; a
        country of any length opening an agreement's or an institute's name
        (``the Liberia Peace Agreement``, see :func:`opens_name`)."""
        if first != last:
            return opens_name(words, first, last)
        keys, gap = words.key, words.gap
        prev, nxt = first - 1, last + 1
        # (cheap tests first: asked for every country in every text)
        if prev >= 0 and gap[first] == " " and words.cap(prev) and not words.sentence_start(prev):
            gaz = self.gaz
            key = keys[prev]
            if key not in STOPWORDS and key not in COMPASS and key not in gaz.guards.title \
                    and key not in gaz.demonyms and key not in gaz.aliases["place"] \
                    and key not in gaz.aliases["actor"] and not words.upper(prev):
                return True
        if nxt < len(keys) and keys[first] in self.gaz.guards.person and gap[nxt] == " " \
                and words.cap(nxt) and not words.upper(nxt) \
                and (keys[nxt] in english_surnames() or self._unknown_name_word(words, nxt)):
            aliases = self.gaz.aliases
            return keys[nxt] not in aliases["place"] and keys[nxt] not in aliases["actor"] \
                and keys[nxt] not in _GROUP_NOUNS
        return opens_name(words, first, last)

    def _unknown_name_word(self, words: Words, at: int) -> bool:
        """Whether the capitalised word ``at`` has a surname's shape that no
        English word has, a capital inside (``Chad LaBumbard``, ``Jordan
        McKenzie``; not ``Georgia Bureau``), and is no name the world table
        knows."""
        key, surface = words.key[at], words.surface[at]
        if len(surface) < 4 or not surface.isalpha() or not surface[0].isupper() \
                or not any(c.isupper() for c in surface[2:-1]) or key in self.gaz.demonyms:
            return False
        resolver = self.gaz.world_resolver()
        return resolver is None or (key not in resolver.table.words and not resolver.table.maybe(key))

    def _compass_part(self, words: Words, prev: int, first: int) -> bool:
        """Whether a compass word before a given-name place names a part of
        it (``North Georgia``), not a town of its own (``West Jordan``)."""
        if words.key[prev] not in COMPASS:
            return False
        resolver = self.gaz.world_resolver()
        return resolver is None or not resolver.is_place_name(f"{words.surface[prev]} {words.surface[first]}")

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
                    and prev_key not in STOPWORDS and prev_key not in gaz.aliases["place"] \
                    and not self._compass_part(words, prev, first):
                return True  # Michael Jordan; not "North Georgia", a part of the place
            if prev is not None and words.soft(first) and words.cap(prev) and words.sentence_start(prev) \
                    and prev_key not in STOPWORDS and prev_key not in LOCATIVE \
                    and prev_key not in gaz.aliases["place"] and not self._compass_part(words, prev, first):
                return True  # sentence-initial "Michael Jordan"
            if place.kind != "country" and (prev is None or prev_key not in LOCATIVE):
                return True
        return False

    def _demonym_places(self, alias: Alias, words: Words, first: int, has_upper: bool,
                        out: list[Candidate]) -> None:
        """"Syrian-Turkish border": each demonym before the matched one is a place too."""
        gaz = self.gaz
        i = first
        while i > 0 and words.soft(i) and words.key[i - 1] in gaz.demonyms:
            i -= 1
            country = gaz.demonyms[words.key[i]]
            target = gaz.places.get(gaz.canonical_location(country) or "")
            if target is not None and (words.cap(i) or not has_upper):
                out.append((i, i, target.name, target.kind, 0, -alias.rank))
