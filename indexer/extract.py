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

from collections.abc import Sequence
from typing import Any

from indexer.claims import claim_types
from indexer.gazetteer import Gazetteer
from indexer.model import Claim, Extraction, Mention, Statement
from indexer.sentences import split_sentences

MAX_EVIDENCE = 10


def _sentence_of(spans: Sequence[tuple[int, int]], start: int) -> int:
    """Index of the sentence containing offset ``start`` (spans are sorted)."""
    lo, hi = 0, len(spans) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if spans[mid][0] <= start:
            lo = mid
        else:
            hi = mid - 1
    return lo


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


def _mention_item(field: str, mention: Mention, sentence: str) -> dict[str, Any]:
    return {"field": field, "start": mention.start, "end": mention.end, "text": mention.surface, "sentence": sentence}


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
        actor_mentions = gazetteer.find_actors(text)
        place_mentions = gazetteer.find_locations(text)
        by_sentence: dict[int, tuple[list[str], list[str]]] = {}
        for mentions, collector, slot in ((actor_mentions, actors, 0), (place_mentions, places, 1)):
            for m in mentions:
                index = _sentence_of(spans, m.start)
                s, e = spans[index]
                collector.add(m.name, _mention_item(field, m, text[s:e]))
                names = by_sentence.setdefault(index, ([], []))[slot]
                if m.name not in names:
                    names.append(m.name)
        for index, (s, e) in enumerate(spans):
            sentence = text[s:e]
            types = claim_types(sentence)
            if types:
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
