"""``claims:`` words and phrases evaluated over whole posting lists.

``query._claims.InClaims`` keeps a document when its child query matches
and one of the child's spans lies inside a claim range of the field
(``a <= span.start and span.end < b``), with the child's whole score.
Through Whoosh's matchers that is a column value decoded and a loop per
matching document: ``claims:a*`` took 17 s on 200,000 statements (issue
23). Here the ranges are decoded once per index generation
(``indexer.storage.claimranges``) and every position of a word, or every match of
a phrase, is checked with one binary search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from whoosh import query as wq

from indexer.storage.claimranges import SPANS_COLUMN, ClaimRanges
from indexer.schema import CLAIM_FIELDS, SiftPositions
from query._claims import InClaims
from query._poskeys import candidate_keys, sorted_docs

if TYPE_CHECKING:
    from query.vector import Evaluator, Matches

def in_claims(evaluator: Evaluator, q: InClaims) -> Matches | None:
    """The matches and scores of ``q`` (a word or a phrase in claims), or
    ``None`` for another child query (left to Whoosh's matchers)."""
    child = q.child
    if type(child) is wq.Term:
        return _term(evaluator, child)
    if type(child) is wq.Phrase and len(child.words) > 1:
        return _phrase(evaluator, child)
    return None


def _field_ranges(evaluator: Evaluator, field: str) -> ClaimRanges | None:
    """The claim ranges of ``field``, or ``None`` when it has none (a field
    other than title and body, an index made without claims)."""
    schema = evaluator.searcher.schema
    if SPANS_COLUMN not in schema or field not in CLAIM_FIELDS:
        return None
    return evaluator.index.claim_ranges(CLAIM_FIELDS.index(field))


def _term(evaluator: Evaluator, q: wq.Term) -> Matches | None:
    """A word: the documents with one of its positions inside a range."""
    field = q.fieldname
    schema = evaluator.searcher.schema
    if field in schema and not isinstance(schema[field].format, SiftPositions):
        return None
    result = evaluator.empty()
    ranges = _field_ranges(evaluator, field)
    btext = evaluator.term_bytes(field, q.text)
    if ranges is None or btext is None:
        return result
    ids, weights, blocks = evaluator.index.postings(field, btext)
    if not len(ids):
        return result
    keys = candidate_keys(ids, blocks, ranges.docs)
    docs = sorted_docs(keys[ranges.hold(keys, keys)])
    scores = evaluator.posting_scores(field, btext, docs, weights[np.searchsorted(ids, docs)])
    if q.boost != 1.0:
        scores = scores * q.boost
    result.mask[docs] = True
    result.score[docs] = scores
    return result


def _phrase(evaluator: Evaluator, q: wq.Phrase) -> Matches | None:
    """A phrase: the documents with a match from its first word to its last
    inside one range."""
    ranges = _field_ranges(evaluator, q.fieldname)
    if ranges is None:
        return evaluator.empty()
    found = evaluator.phrase_matches(q, within=ranges.docs)
    if found is None:
        return None
    return evaluator.phrase_scores(q, found, sorted_docs(found.ends[ranges.hold(found.firsts, found.ends)]))
