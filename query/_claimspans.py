"""``claims:`` words and phrases evaluated over whole posting lists.

``query.plan.InClaims`` keeps a document when its child (a word or a
phrase of title or body) matches and one of the child's matches lies inside
a claim range of the field (``a <= start and end < b``), with the child's
whole score. Through Whoosh's matchers that was a column value decoded and
a loop per matching document: ``claims:a*`` took 17 s on 200,000 statements (issue
23). Here the ranges are decoded once per index generation
(``indexer.storage.claimranges``) and every position of a word, or every match of
a phrase, is checked with one binary search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from indexer.storage.claimranges import SPANS_COLUMN, ClaimRanges
from indexer.schema import CLAIM_FIELDS, CLAIM_ROLES_COLUMN, SiftPositions
from query._poskeys import candidate_keys, sorted_docs
from query._typedranges import typed_claim_ranges

if TYPE_CHECKING:
    from query.plan import Phrase
    from query.vector import Evaluator, Matches


def field_ranges(evaluator: Evaluator, field: str, types: tuple[str, ...] = (),
                 holding: str | tuple[str, ...] | None = None) -> ClaimRanges | None:
    """The claim ranges of ``field`` (of the claims of ``types`` only, if
    given; of those that also hold the claim term ``holding``, or every term
    of a tuple, if given), or
    ``None`` when it has none (a field other than title and body, an index
    made without claims, or without claim roles for ``types``)."""
    if SPANS_COLUMN not in evaluator.schema or field not in CLAIM_FIELDS:
        return None
    if types or holding:
        if CLAIM_ROLES_COLUMN not in evaluator.schema:
            return None
        return typed_claim_ranges(evaluator, CLAIM_FIELDS.index(field), types, holding)
    return evaluator.index.claim_ranges(CLAIM_FIELDS.index(field))


def term_in_claims(evaluator: Evaluator, field: str, btext: bytes, boost: float,
                   types: tuple[str, ...] = ()) -> Matches:
    """A term: the documents with one of its positions inside a range."""
    result = evaluator.empty()
    ranges = field_ranges(evaluator, field, types)
    if ranges is None or not isinstance(evaluator.schema[field].format, SiftPositions):
        return result
    ids, weights, blocks = evaluator.postings(field, btext)
    if not len(ids):
        return result
    keys = candidate_keys(ids, blocks, ranges.docs)
    docs = sorted_docs(keys[ranges.hold(keys, keys)])
    scores = evaluator.posting_scores(field, btext, docs, weights[np.searchsorted(ids, docs)])
    if boost != 1.0:
        scores = scores * boost
    result.mask[docs] = True
    result.score[docs] = scores
    return result


def phrase_in_claims(evaluator: Evaluator, q: Phrase, types: tuple[str, ...] = ()) -> Matches:
    """A phrase: the documents with a match from its first word to its last
    inside one range."""
    ranges = field_ranges(evaluator, q.field, types)
    if ranges is None:
        return evaluator.empty()
    found = evaluator.phrase_matches(q, within=ranges.docs)
    return evaluator.phrase_scores(q, found, sorted_docs(found.ends[ranges.hold(found.firsts, found.ends)]))
