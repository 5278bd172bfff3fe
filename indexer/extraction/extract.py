"""Extraction: the actors, locations and claims of one statement, with evidence.

Glue over the leaves that do the work: ``sentences`` splits the text,
``gazetteer`` finds and normalises names, ``claims`` types sentences. The
title is searched like a first sentence (headlines make claims too).

Evidence lists, for each name, where it was found, at most ``MAX_EVIDENCE``
places per name, in the compact form the index stores (see
:class:`~indexer.model.Extraction`): ``[field code, start, end, sentence
start, sentence end]``; ``Statement.to_json`` gives the public
``{"field", "start", "end", "text", "sentence"}``. A place implied by a named
place lying inside it has ``{"inferred_from": "<named place>"}`` (after its own
mentions, if it is named too).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from indexer.analysis import STOPWORDS
from indexer.extraction.approximate_places import approximate_places
from indexer.extraction.body_names import drop_information, unify_bodies
from indexer.extraction.boilerplate import mask
from indexer.extraction.claims import claim_types_and_triggers_of
from indexer.extraction.datelines import dateline_extents, dateline_places, probe_datelines, restore_datelines, without_places
from indexer.extraction.far_places import drop_far_villages
from indexer.extraction.gazetteer import Gazetteer, name_key
from indexer.extraction.focus_bodies import LITERALS as FOCUS_LITERALS, focus_body_mentions
from indexer.extraction.generic_groups import group_mentions
from indexer.extraction.lower_countries import lower_country_mentions
from indexer.extraction.leader_states import leader_state_mentions
from indexer.extraction.lost_apostrophes import restore_possessives
from indexer.extraction.name_lists import common_words, english_surnames, first_names
from indexer.extraction.national_forces import junta_mentions
from indexer.extraction.non_acting import drop_non_acting
from indexer.model import EVIDENCE_FIELDS, Claim, Extraction, Statement
from indexer.extraction.repeated_places import repeated_places
from indexer.extraction.role_regions import drop_role_regions
from indexer.extraction.roles import claim_roles
from indexer.extraction.seats import seat_info, split_seats
from indexer.extraction.sentences import split_sentences
from indexer.extraction.targets import target_roles, with_targets
from indexer.extraction.un_self_names import UN_SELF_HINTS, un_self_mentions
from indexer.extraction.venues import drop_venue_mentions
from indexer.extraction.world_ranking import MIN_POPULATION_NO_CONTEXT

#: Evidence items kept per name and statement: every mention of nearly every
#: name (a recognition benchmark counts them), while a record stays bounded.
MAX_EVIDENCE = 25


class _Collector:
    """Ordered names with their evidence, capped per name."""

    def __init__(self) -> None:
        self.evidence: dict[str, list[Any]] = {}

    def add(self, name: str, item: Any) -> None:
        items = self.evidence.setdefault(name, [])
        if len(items) < MAX_EVIDENCE:
            items.append(item)

    def names(self) -> list[str]:
        return list(self.evidence)


def extract(statement: Statement, gazetteer: Gazetteer) -> Extraction:
    """Find the actors, locations and claims of ``statement``."""
    gazetteer.start_text()  # (the same output whatever the process extracted before)
    actors, places = _Collector(), _Collector()
    actor_types: dict[str, str] = {}
    named_kinds: dict[str, str] = {}  # (a place's kind as its mention gives it)
    news_source: str | None = None
    publisher: str | None = None
    media = _media_names(gazetteer)
    claims: list[Claim] = []
    seats: dict[str, tuple[str, str]] = {}
    named_outside: set[str] = set()  # places named outside a dateline (one named only there is no place)
    for code, (field, text) in enumerate(zip(EVIDENCE_FIELDS, (statement.title, statement.body))):
        if not text:
            continue
        # Bylines, credits and link blocks blanked (same offsets): no names or claims there.
        searched, credited = mask(text, field, media)
        if field == "title":  # the title's publisher suffix ("| Jordan Times"): no actor, a source if no credit says
            publisher = credited
        else:
            news_source = news_source or credited
        # A dateline's place (``SARAJEVO (Reuters) -``) is a place mention, never an actor.
        datelines = dateline_places(text) if field == "body" else []
        if datelines:
            searched = restore_datelines(searched, text, datelines)
        # "Syrias Aleppo" (an apostrophe lost): read as "Syria' Aleppo", same offsets.
        searched = restore_possessives(searched, *_country_names(gazetteer))
        spans = split_sentences(searched) if field == "body" else [(0, len(text))]
        if not spans:
            continue
        starts = [s for s, _ in spans]
        types_of, triggers_of = claim_types_and_triggers_of(searched, spans)
        # The names in each sentence that makes a claim: (actors, places), and
        # their mentions (name, start, end) for the claim's roles.
        by_sentence: dict[int, tuple[list[str], list[str]]] = {}
        mentions_of: dict[int, tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]] = {}
        found_actors, found_places = gazetteer.find_names(searched)  # one pass for both
        if "junta" in searched:  # "the junta": the forces of the country the text is about
            found_actors = sorted(found_actors + junta_mentions(searched, found_actors, found_places, gazetteer),
                                  key=itemgetter(2))
        if any(literal in searched for literal in FOCUS_LITERALS):  # "the Senate", "riot police": the text's state's
            found_actors = focus_body_mentions(searched, spans, found_actors, found_places, gazetteer)
        # "the Duterte administration", "Gaddafi's troops": a head's state, where a title gives it.
        found_actors = leader_state_mentions(searched, found_actors, gazetteer)
        if "ntelligence" in searched:  # "US intelligence that ...": information; "MOIS" ... "Iranian intelligence"
            found_actors = unify_bodies(drop_information(found_actors, searched, gazetteer), gazetteer)
        if "arliament" in searched:  # "the Parliament of Kenya" ... "the Kenyan parliament": one body
            found_actors = unify_bodies(found_actors, gazetteer)
        if any(hint in searched for hint in UN_SELF_HINTS):  # "our Organization" in a UN speech: the United Nations
            found_actors = un_self_mentions(searched, found_actors, gazetteer)
        # "strikes by russia", "in syria" in mixed-case text: the country, where a cue says so.
        # Only in claim sentences (where a role can use them), their triggers the acts.
        claim_spans = [span for span, types in zip(spans, types_of) if types]
        lower_actors, lower_places = lower_country_mentions(
            searched, gazetteer, [(m[2], m[3]) for m in found_actors] + [(m[2], m[3]) for m in found_places],
            found_places, claim_spans, [ts for triggers in triggers_of for _, ts, _ in triggers]) \
            if claim_spans else ([], [])
        if lower_actors:
            found_actors = sorted(found_actors + lower_actors, key=itemgetter(2))
        if lower_places:
            found_places = sorted(found_places + lower_places, key=itemgetter(2))
        if "Assembly" in searched:  # "the President of the General Assembly": a venue, not an actor
            found_actors = drop_venue_mentions(searched, found_actors)
        if news_source is not None or publisher is not None:  # the text's source is metadata, not an actor
            found_actors = [m for m in found_actors if m[0] != news_source and m[0] != publisher]
        # "Wall Street Journal reporter Daniel Pearl", "Reuters pic" (an employer, a credit), "the Charter
        # of the United Nations", "an offshoot of Boko Haram": no act of that body.
        found_actors = drop_non_acting(searched, found_actors)
        if datelines:
            found_actors = [m for m in found_actors
                            if not any(s <= m[2] and m[3] <= e for s, e in datelines)]
            probed = probe_datelines(text, found_places, gazetteer.find_names, _ordinary_word(gazetteer))
            if probed:
                found_places = sorted(found_places + probed, key=itemgetter(2))
        # One sense per text: a place name read once is that place at its other lone mentions,
        # a capital read once as its state that state ("How will Washington deal").
        ordinary, personal = _ordinary_word(gazetteer), _personal_or_demonym(gazetteer)
        again = repeated_places(searched, found_actors, found_places, ordinary, personal)
        capitals = [a for a in found_actors if a[1] == "state" and " " not in a[4]
                    and gazetteer.place_kind(gazetteer.canonical_location(a[4]) or "") in ("city", "town")]
        again_states = repeated_places(searched, [*found_actors, *found_places, *again], capitals, ordinary,
                                       personal) if capitals else []
        if again:
            found_places = sorted(found_places + again, key=itemgetter(2))
        if again_states:
            found_actors = sorted(found_actors + again_states, key=itemgetter(2))
        # "regional director for the Middle East": a title's region, no place.
        found_places = drop_role_regions(searched, found_places)
        # "the Mallah front" near Aleppo: no village of that name 400 km away.
        found_places = drop_far_villages(found_places, gazetteer)
        # "Idlib province" and "the town of Idlib" in one text: two places.
        found_places, split = split_seats(searched, found_places, gazetteer)
        seats.update(split)
        for name, kind, _, _, _ in found_actors:
            actor_types.setdefault(name, kind)
        for name, kind, _, _, _ in found_places:
            named_kinds.setdefault(name, kind)
        extents = dateline_extents(text, datelines) if datelines else []
        named_outside.update(m[0] for m in found_places if not any(s <= m[2] and m[3] <= e for s, e in extents))
        for mentions, collector, slot in ((found_actors, actors, 0), (found_places, places, 1)):
            items_of = collector.evidence
            for name, _, start, end, _ in mentions:
                # The sentence containing the mention (the first if it precedes them all).
                index = bisect_right(starts, start) - 1 if start >= starts[0] else 0
                items = items_of.get(name)
                if items is None:
                    items = items_of[name] = []
                if len(items) < MAX_EVIDENCE:
                    sentence = spans[index]
                    items.append([code, start, end, sentence[0], sentence[1]])
                if types_of[index]:
                    names = by_sentence.setdefault(index, ([], []))[slot]
                    if name not in names:
                        names.append(name)
                    mentions_of.setdefault(index, ([], []))[slot].append((name, start, end))
        for index, types in enumerate(types_of):
            if types:
                s, e = spans[index]
                named_actors, named_places = by_sentence.get(index, ([], []))
                actor_mentions, place_mentions = mentions_of.get(index, ([], []))
                # "rebels", "Syrian rebels": role values only, no actors of the statement.
                groups = group_mentions(searched, s, e, gazetteer.demonyms,
                                        [(ms, me) for _, ms, me in actor_mentions])
                if groups:
                    actor_mentions = sorted(actor_mentions + groups, key=itemgetter(1))
                roles, negated = claim_roles(searched, s, e, triggers_of[index], actor_mentions, place_mentions)
                # "journalists", "hospitals": what an act targets, an ``against`` value only.
                roles = with_targets(roles, target_roles(searched, s, e, triggers_of[index],
                                                         [(ms, me) for _, ms, me in actor_mentions]))
                claims.append(Claim(types, text[s:e], s, e, tuple(named_actors), tuple(named_places), field,
                                    roles, negated))
    # Every place so far was named (its evidence is text); those added now are
    # only inferred. A named parent keeps the link too (after its mentions): a
    # claim in Mayadin is one in Deir ez-Zor even where Deir ez-Zor is named.
    # Where the reporter filed (``MOSCOW (Sputnik) -``) when the text names it nowhere else:
    # its mention stays evidence, but it is no place of the statement, nor are its parents.
    filed = {name for name in places.evidence if name not in named_outside}
    for place in places.names():
        if place not in filed:
            for parent in gazetteer.parents(place):
                places.add(parent, {"inferred_from": place})
    evidence: dict[str, dict[str, list[Any]]] = {
        "actors": actors.evidence,
        "locations": places.evidence,
    }
    locations = [name for name in places.names()  # (a parent of a place named elsewhere stays)
                 if name not in filed or any(isinstance(i, dict) for i in places.evidence[name])]
    if filed:
        claims = without_places(claims, {name for name in filed if name not in locations})
    # (a dateline's place keeps its kind and coordinates: the mention is resolved all the same)
    info = {name: seat_info(gazetteer, seats, name) if name in seats else gazetteer.place_info(name)
            for name in (locations if not filed else [*locations, *(n for n in filed if n not in locations)])}
    if None in info.values():  # a village the text introduced by a cue: where its nearest place is
        info.update(approximate_places(locations, info, named_kinds, places.evidence, gazetteer.parents))
    return Extraction(
        actors=actors.names(),
        locations=locations,
        places={name: where for name, where in info.items() if where is not None},
        claims=claims,
        evidence=evidence,
        actor_types=actor_types,
        news_source=news_source or publisher,
    )


def _country_names(gazetteer: Gazetteer) -> tuple[Callable[[str], bool], Callable[[str], bool],
                                                   Callable[[str], bool], Callable[[str], bool]]:
    """Whether a name is a country's, whether a word is a known name itself,
    whether a name is a place's, and whether a word is an actor's name."""
    places, actors = gazetteer.aliases["place"], gazetteer.aliases["actor"]

    def is_country(name: str) -> bool:
        alias = places.get(name_key(name))
        return alias is not None and gazetteer.place_kind(alias.target) == "country"

    def is_name(word: str) -> bool:
        key = name_key(word)
        return key in places or key in actors

    def is_place(name: str) -> bool:
        return name_key(name) in places

    def is_actor(word: str) -> bool:
        return name_key(word) in actors

    return is_country, is_name, is_place, is_actor


def _ordinary_word(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """Whether a folded word is an ordinary word (stop-listed, common), no town's name."""
    common, stop = gazetteer.guards.common, gazetteer.guards.stop
    everyday = common_words()
    return lambda word: word in STOPWORDS or word in common or word in stop or word in everyday


def _personal_or_demonym(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """Whether a folded word is a demonym (``Syrian``: no place mention by
    Sift's conventions), or a given name or a common English surname that no
    large city or region bears (Welch, Hailey; not Atlanta, Dallas)."""
    demonyms = gazetteer.demonyms
    resolver = gazetteer.world_resolver()

    def personal(word: str) -> bool:
        if word in demonyms:
            return True
        if word not in first_names() and word not in english_surnames():
            return False
        # a city that a person's name seldom stands for (Atlanta, Dallas, Paris: given names in faker's lists)
        return resolver is None or not any(p.kind != "city" or p.population >= MIN_POPULATION_NO_CONTEXT
                                           for p in resolver.table.lookup(word))

    return personal


def _media_names(gazetteer: Gazetteer) -> Callable[[str], str | None]:
    """The canonical name of a news organisation as written (``AFP`` ->
    ``Agence France-Presse``), ``None`` for anything else."""
    aliases, actors = gazetteer.aliases["actor"], gazetteer.actors

    def media(name: str) -> str | None:
        alias = aliases.get(name_key(name))
        if alias is None:
            return None
        actor = actors.get(alias.target)
        return alias.target if actor is not None and actor.type == "media" else None

    return media
