"""Ranking: Sift's BM25F weighting and field weights.

Kept in its own module so it can be tuned (benchmarks/ measures it on the
TIME and CISI test collections) without touching query parsing or search.
"""

from __future__ import annotations

from whoosh import scoring

#: Query-time weight of each text field searched by an unqualified query:
#: a word in a title or a claim sentence says more than one in the body.
FIELD_BOOSTS: dict[str, float] = {"title": 2.0, "claims": 1.5, "body": 1.0}


def sift_weighting() -> scoring.WeightingModel:
    """The weighting model every Sift searcher uses."""
    return scoring.BM25F(B=0.75, K1=1.2)
