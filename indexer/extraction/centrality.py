"""How central each extracted name and claim type is to its statement (issue 21, item 5).

``actor:``, ``location:``, ``claim:`` and ``by:`` match keyword terms whose
posting weight is the term frequency BM25 saturates (``query.rank``). Written
as 1, a statement naming Russia once in passing ("the de-escalation zone
brokered by Russia") scores level with one about Russian air strikes. This
module gives each term a pseudo-frequency instead, from what extraction found:

    c = mentions in the body + TITLE_BONUS * [in the title] + LEAD_BONUS * [in the lead]

- actors and places: ``mentions`` are the name's first :data:`MENTIONS`
  evidence items in the body; a place not named itself but inferred from
  places inside it (Syria from Idlib) gets their weights (``INFERRED`` for
  one without a weight of its own); a named place weighs its own mentions;
- claim types: ``mentions`` are the claims of that type in the body, the
  title and lead bonuses go to a claim of the type there; a claim that gives
  the type only as a war's running toll (``the conflict, which has killed
  280000 and displaced millions``; ``indexer.extraction.background``) adds
  ``BACKGROUND`` (0.25) and no bonus: it is no event of the statement;
- ``by`` names: the same over the claims (not denied) that attribute their
  act to the name: a name that holds the agent's role in three claims weighs
  more than one that holds it once.

The lead is the body's opening: a mention whose sentence starts within
``LEAD_CHARS`` characters. The weights change no word's score and no match,
only how keyword matches rank; an index made before them has weight 1
everywhere and ranks as it did.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from whoosh.system import pack_uint

from indexer.extraction.background import BACKGROUND, background_types
from indexer.extraction.claim_taxonomy import SPEECH_ACTS
from indexer.model import LEAD_BONUS, LEAD_CHARS, TITLE_BONUS, Claim, Extraction
from indexer.postings import Postings, keyword_counts
from indexer.schema import keyword_value

#: Per field, the terms that add nothing to its length: a statement that also
#: condemns, calls for action or blames someone is no less about the acts it
#: reports, so ``claim:displacement`` does not score it lower for them
#: (BM25 normalises a field's weight by its length). Since stop 34 the ranking
#: does not normalise ``claim_types`` at all (``query.rank.Ranking.scope_fields``);
#: this matters where a ``Ranking`` gives it a ``b`` again.
LENGTHLESS: dict[str, frozenset[str]] = {"claim_types": SPEECH_ACTS}
#: What an inferred place gets from a place inside it that has no weight of its own.
INFERRED = 0.5
#: Evidence items per name counted (extraction keeps more, for recognition; the
#: ranking was tuned with this many).
MENTIONS = 10

_TITLE, _BODY = 0, 1


def _add(weights: dict[str, float], key: str, field: int, sentence_start: int) -> tuple[bool, bool]:
    """Count one body mention of ``key``; report whether it is a title or lead one."""
    if field == _TITLE:
        return True, False
    weights[key] = weights.get(key, 0.0) + 1.0
    return False, sentence_start < LEAD_CHARS


def _weights(mentions: Iterable[tuple[str, int, int]]) -> dict[str, float]:
    """Pseudo-frequencies from ``(key, field code, sentence start)`` mentions."""
    weights: dict[str, float] = {}
    title: set[str] = set()
    lead: set[str] = set()
    for key, field, sentence_start in mentions:
        in_title, in_lead = _add(weights, key, field, sentence_start)
        if in_title:
            title.add(key)
        if in_lead:
            lead.add(key)
    for key in title | lead:
        weights[key] = weights.get(key, 0.0) + TITLE_BONUS * (key in title) + LEAD_BONUS * (key in lead)
    return weights


def name_weights(evidence: dict[str, list[Any]]) -> dict[str, float]:
    """``{keyword value: c}`` of the names of one kind (actors or locations).

    A place inferred from places inside it (``{"inferred_from": "Idlib"}``)
    and not named itself gets their weights: a mention of Saraqib is a
    mention of a place in Idlib. A named place keeps its own mentions' (the
    weights were tuned so; adding the inner places' gave Nigeria every
    Nigerian town's mentions and cost the needs 0.02).

    >>> name_weights({"Russia": [[0, 0, 6, 0, 30], [1, 5, 11, 0, 40], [1, 900, 906, 880, 950]],
    ...               "Idlib": [[1, 20, 25, 0, 40]], "Syria": [{"inferred_from": "Idlib"}]})
    {'russia': 5.0, 'idlib': 2.0, 'syria': 2.0}
    """
    mentions = [(keyword_value(name), item[0], item[3])
                for name, items in evidence.items() for item in items[:MENTIONS] if isinstance(item, list)]
    named = _weights(mentions)
    weights = dict(named)
    for name, items in evidence.items():
        inside = [keyword_value(item["inferred_from"]) for item in items[:MENTIONS]
                  if isinstance(item, dict) and item.get("inferred_from")]
        key = keyword_value(name)
        if inside and key not in named:  # a named place weighs its own mentions only
            weights[key] = sum(named.get(part, INFERRED) for part in inside)
    return weights


def _claim_code(claim: Claim) -> int:
    return _TITLE if claim.field == "title" else _BODY


def claim_type_weights(claims: list[Claim]) -> dict[str, float]:
    """``{claim type: c}`` over the statement's claims, a background toll's
    types counting :data:`~indexer.extraction.background.BACKGROUND` each."""
    events: list[tuple[str, int, int]] = []
    background: dict[str, float] = {}
    for claim in claims:
        aside = background_types(claim.sentence, claim.types)
        for kind in claim.types:
            if kind in aside:
                background[kind] = background.get(kind, 0.0) + BACKGROUND
            else:
                events.append((kind, _claim_code(claim), claim.start))
    weights = _weights(events)
    for kind, weight in background.items():
        weights[kind] = weights.get(kind, 0.0) + weight
    return weights


def by_weights(claims: list[Claim]) -> dict[str, float]:
    """``{keyword value: c}`` of the names claims (not denied) attribute their act to."""
    mentions = []
    for claim in claims:
        if not claim.negated:
            for name in dict.fromkeys(name for role, name, _s, _e in claim.roles if role == "by"):
                mentions.append((keyword_value(name), _claim_code(claim), claim.start))
    return _weights(mentions)


def field_weights(extraction: Extraction) -> dict[str, dict[str, float]]:
    """The pseudo-frequencies of every weighted keyword field of a document."""
    evidence = extraction.evidence or {}
    return {
        "actors": name_weights(evidence.get("actors") or {}),
        "locations": name_weights(evidence.get("locations") or {}),
        "claim_types": claim_type_weights(extraction.claims),
        "claim_by": by_weights(extraction.claims),
    }


def weighted_postings(value: str, weights: dict[str, float], lengthless: frozenset[str] = frozenset()) -> Postings:
    """Postings of a comma-separated keyword value (as ``postings.keyword_postings``),
    each term weighted by ``weights`` (its count where it has none): the
    frequency, hence the field length, stays the count of names, except that
    a term in ``lengthless`` adds no length (:data:`LENGTHLESS`).

    >>> [(t, w) for t, _n, w, _v in weighted_postings("russia,syria,idlib", {"russia": 4.0, "syria": 0.5})]
    [(b'russia', 4.0), (b'syria', 0.5), (b'idlib', 1.0)]
    """
    counts = keyword_counts(value)
    return Postings([key.encode("utf-8") for key in counts],
                    [0 if key in lengthless else n for key, n in counts.items()],
                    [weights.get(key, float(n)) for key, n in counts.items()], list(map(pack_uint, counts.values())))
