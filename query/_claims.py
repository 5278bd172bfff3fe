"""``claims:`` queries: words of ``title``/``body`` inside a claim sentence.

The index keeps no separate copy of claim text (its postings cost as much to
write as the whole extraction). Each document instead has a ``claim_spans``
column of term-position ranges (``indexer.schema.encode_claim_spans``); a
word or phrase of a text field is wrapped (``query.plan.InClaims``) so that
a document matches only where a match's positions fall inside one of its
ranges for that field (``query._claimspans``).
"""

from __future__ import annotations

from typing import Any

from indexer.schema import CLAIM_FIELDS
from query import plan

#: The virtual field name of the query language.
CLAIMS = "claims"


def claims_plan(make: Any, boost: float, types: tuple[str, ...] = ()) -> plan.Plan:
    """``make(field, boost)`` for each claim field, limited to claim
    sentences (of claims of one of ``types``, if given)."""
    return plan.Or(tuple(plan.InClaims(make(field, boost), types) for field in CLAIM_FIELDS))
