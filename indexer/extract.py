"""Extraction: the actors, locations and claims of one statement, with evidence.

Glue over the leaves that do the work: ``sentences`` splits the text,
``gazetteer`` finds and normalises names, ``claims`` types sentences. The
title is searched like a first sentence (headlines make claims too).

Evidence lists, for each name, where it was found: ``{"field", "start",
"end", "text", "sentence"}`` (offsets into that field; ``sentence`` is the
sentence's text), at most ``MAX_EVIDENCE`` places per name; a place implied by a named place lying inside it instead has
``{"inferred_from": "<named place>"}``.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from indexer.claims import claim_types
from indexer.gazetteer import Gazetteer
from indexer.model import Claim, Extraction, Statement
from indexer.sentences import split_sentences

MAX_EVIDENCE = 10


class _Collector:
    """Ordered names with their evidence, capped per name."""

    def __init__(self) -> None:
        self.evidence: dict[str, list[dict[str, Any]]] = {}

    def add(self, name: str, item: dict[str, Any]) -> None:
        items = self.evidence.setdefault(name, [])
        if len(items) < MAX_EVIDENCE:
            items.append(item)

    def names(self) -> list[str]:
        return list(self.evidence)


def extract(statement: Statement, gazetteer: Gazetteer) -> Extraction:
    """Find the actors, locations and claims of ``statement``."""
    actors, places = _Collector(), _Collector()
    claims: list[Claim] = []
    for field, text in (("title", statement.title), ("body", statement.body)):
        if not text:
            continue
        spans = split_sentences(text) if field == "body" else [(0, len(text))]
        if not spans:
            continue
        starts = [s for s, _ in spans]
        sentences = [text[s:e] for s, e in spans]
        by_sentence: dict[int, tuple[list[str], list[str]]] = {}
        for mentions, collector, slot in ((gazetteer.find_actors(text), actors, 0),
                                          (gazetteer.find_locations(text), places, 1)):
            for m in mentions:
                # The sentence containing the mention (the first if it precedes them all).
                index = max(bisect_right(starts, m.start) - 1, 0)
                collector.add(m.name, {"field": field, "start": m.start, "end": m.end,
                                       "text": m.surface, "sentence": sentences[index]})
                names = by_sentence.setdefault(index, ([], []))[slot]
                if m.name not in names:
                    names.append(m.name)
        for index, sentence in enumerate(sentences):
            types = claim_types(sentence)
            if types:
                s, e = spans[index]
                named_actors, named_places = by_sentence.get(index, ([], []))
                claims.append(Claim(types, sentence, s, e, tuple(named_actors), tuple(named_places)))
    named = places.names()
    for place in named:
        for parent in gazetteer.parents(place):
            if parent not in places.evidence or all("inferred_from" in i for i in places.evidence[parent]):
                places.add(parent, {"inferred_from": place})
    evidence: dict[str, dict[str, list[dict[str, Any]]]] = {
        "actors": actors.evidence,
        "locations": places.evidence,
    }
    return Extraction(
        actors=actors.names(),
        locations=places.names(),
        claims=claims,
        evidence=evidence,
    )
