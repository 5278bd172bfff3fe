"""Claim-centred passages: the sentences that satisfy a query's structured filters.

A hit found by ``claim:T``, ``actor:X`` or ``location:X`` matched on what
extraction stored, not on words, so word highlighting finds nothing in it.
The stored record says where those matches are: each claim's sentence (and
types), each actor's and place's mentions with their sentences. This module
turns them into *anchors*, the sentences a snippet is made from:

- ``claim:T``: the sentence of each claim of type ``T``, its trigger words
  highlighted (``indexer.extraction.claims.claim_triggers``), or the whole sentence
  when no trigger can be placed;
- ``actor:X``/``location:X`` (``X*`` too): the sentence of each mention of
  ``X`` in the body, the mention highlighted.

Each anchor names the filter it satisfies, so that a passage can be ranked by
how many different filters it satisfies (``query.snippets``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from indexer.schema import keyword_value

Span = tuple[int, int]

#: Keyword fields whose filters anchor passages, as ``query._nodes.KeywordNode.field``.
CLAIM_FIELD = "claim_types"
NAME_FIELDS = ("actors", "locations")
_NAME_WORDS = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Anchor:
    """One highlight that satisfies a structured filter.

    :param sentence: the sentence it stands in (body offsets), or ``None``
        when the record does not say (the fragmenter's sentence is used).
    :param filter: the filter satisfied (``claim_types:siege``,
        ``actors:assad*``); one passage counts each filter once.
    :param span: what to highlight (body offsets).
    :param weight: the filter value's rarity (idf in its keyword field).
    """

    sentence: Span | None
    filter: str
    span: Span
    weight: float


def name_filter(exact: dict[str, set[str]], prefixes: dict[str, set[str]], field: str, name: str) -> str | None:
    """The filter that the canonical ``name`` of ``field`` satisfies, if any.

    A prefix matches the start of the name or of any of its words
    (``assad*``: ``Assad regime`` and ``Bashar al-Assad``).
    """
    value = keyword_value(name)
    if value in exact.get(field, ()):
        return f"{field}:{value}"
    for prefix in sorted(prefixes.get(field, ())):
        if value.startswith(prefix) or any(w.startswith(prefix) for w in _NAME_WORDS.findall(value)):
            return f"{field}:{prefix}*"
    return None


def claim_anchors(claims: Iterable[dict[str, Any]], body: str, wanted: set[str],
                  weight: Callable[[str, str], float], title: str = "") -> list[Anchor]:
    """Anchors for the claims of a ``wanted`` type whose sentence is in ``body``.

    Claims come in text order, each with its sentence text, so each sentence
    is looked for after the previous one; a first claim whose sentence is
    the ``title`` is the title's (as ``indexer.schema`` reads them), even
    when the body repeats the title.
    """
    from indexer.extraction.claims import claim_triggers  # compiles the trigger regex: only when needed

    out: list[Anchor] = []
    cursor = 0
    for number, claim in enumerate(claims):
        sentence = claim.get("sentence") or ""
        if not sentence or (number == 0 and title and sentence == title):
            continue
        start = body.find(sentence, cursor)  # every claim moves the cursor, wanted or not
        if start < 0:
            start = body.find(sentence)
        if start < 0:
            continue  # a sentence extraction rewrote
        cursor = start + len(sentence)
        types = [t for t in claim.get("types") or [claim.get("type")] if t in wanted]
        if not types:
            continue
        span = (start, cursor)
        triggers = [(t, s, e) for t, s, e in claim_triggers(sentence) if t in types]
        for claim_type in types:
            filter_id = f"{CLAIM_FIELD}:{claim_type}"
            mine = [(start + s, start + e) for t, s, e in triggers if t == claim_type] or [span]
            out.extend(Anchor(span, filter_id, m, weight(CLAIM_FIELD, claim_type)) for m in mine)
    return out


def name_anchors(evidence: dict[str, Any] | None, body: str, exact: dict[str, set[str]],
                 prefixes: dict[str, set[str]], weight: Callable[[str, str], float]) -> list[Anchor]:
    """Anchors for the body mentions of the actors/places the query names.

    A place inferred from a place inside it (``Idlib`` from ``Khan
    Sheikhoun``) is anchored on the mentions of that inner place.
    """
    out: list[Anchor] = []
    for field_name in NAME_FIELDS:
        if not exact.get(field_name) and not prefixes.get(field_name):
            continue
        names = (evidence or {}).get(field_name) or {}
        for name, items in names.items():
            filter_id = name_filter(exact, prefixes, field_name, name)
            if filter_id is None:
                continue
            value_weight = weight(field_name, keyword_value(name))
            inner = [i for item in items if isinstance(item, dict) and isinstance(item.get("inferred_from"), str)
                     for i in names.get(item["inferred_from"]) or ()]
            for item in [*items, *inner]:
                if not isinstance(item, dict) or item.get("field", "body") != "body":
                    continue  # title offsets do not point into the body
                start, end = item.get("start"), item.get("end")
                if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body):
                    sentence = _sentence_span(body, item.get("sentence"), start, end)
                    out.append(Anchor(sentence, filter_id, (start, end), value_weight))
    return out


def _sentence_span(body: str, sentence: Any, start: int, end: int) -> Span | None:
    """Where the evidence sentence (text or ``[start, end]``) holding
    ``body[start:end]`` lies, or ``None``."""
    if isinstance(sentence, list) and len(sentence) == 2 and sentence[0] <= start and end <= sentence[1]:
        return (int(sentence[0]), int(sentence[1]))
    if not isinstance(sentence, str) or not sentence:
        return None
    at = body.find(sentence, max(0, end - len(sentence)))
    if 0 <= at <= start and end <= at + len(sentence):
        return (at, at + len(sentence))
    return None
