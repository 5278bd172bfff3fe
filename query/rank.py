"""Ranking: Sift's BM25F weighting and field weights.

Kept in its own module so it can be tuned (benchmarks/ measures it on the
TIME and CISI test collections) without touching query parsing or search.

The model is BM25 per field, summed over the fields of ``FIELD_BOOSTS``
(the parser builds an ``Or`` of per-field terms, each weighted by its
field's boost times the word's count in the query), with two changes from
Whoosh's ``BM25F``:

- Lucene's idf ``log(1 + (N - n + 0.5) / (n + 0.5))``. Whoosh's idf never
  drops below 1, so a word found in every document still adds a full unit
  per occurrence; long bag-of-words queries then rank by their commonest
  words (NOTES.md: CISI MAP 0.108 -> 0.171 with counts + this idf).
- ``B`` and ``K1`` per field: a title is short and its length says little,
  a body is long and needs length normalisation.

Tuned with ``python -m benchmarks run ranking`` on the odd query ids of
TIME and CISI only; the even ids are the held-out check (benchmarks/RESULTS.md).
Grid (B 0.6-0.9, K1 1.2-2.0, effective title weight 0.25-2, claims 0-1.5):
K1 = 2.0, B = 0.75, title 0.5, claims 0 was best on the tune half of both.
Re-run when untitled statements stopped getting a title made from their
body (TIME has no titles): the same setting was still best on the tune half.
The scorer keeps Whoosh's ``WeightLengthScorer`` protocol, so block-max
("quality") optimisations still apply when a caller asks for top-k only.
"""

from __future__ import annotations

from math import log
from typing import Any

from whoosh import scoring

#: Query-time weight of each text field searched by an unqualified query.
#: Tuned on the odd query ids of TIME and CISI: a claim sentence is already
#: in ``body``, so scoring it again in ``claims`` double-counts it (MAP drops
#: on both collections; ``claims:`` still searches claim sentences), and a
#: title word weighs about half a body word.
FIELD_BOOSTS: dict[str, float] = {"title": 0.5, "body": 1.0}

#: Per-field score multipliers on top of ``FIELD_BOOSTS``: empty in use; a
#: hook for ``python -m benchmarks.tune`` to try weights without re-parsing.
FIELD_SCALE: dict[str, float] = {}

#: BM25 parameters: defaults, then per-field overrides.
DEFAULT_B = 0.75
DEFAULT_K1 = 2.0
FIELD_B: dict[str, float] = {}
FIELD_K1: dict[str, float] = {}


def lucene_idf(doc_count: int, doc_frequency: int) -> float:
    """Lucene's BM25 idf: positive, and near 0 for a word in every document.

    >>> round(lucene_idf(1000, 10), 3), round(lucene_idf(1000, 1000), 4)
    (4.557, 0.0005)
    """
    return log(1.0 + (doc_count - doc_frequency + 0.5) / (doc_frequency + 0.5))


class SiftBM25F(scoring.WeightingModel):  # type: ignore[misc]
    """BM25 per field with Lucene's idf and per-field ``B``/``K1``.

    :param B: length normalisation (0: none, 1: full) for fields not in ``field_B``.
    :param K1: term-frequency saturation for fields not in ``field_K1``.
    :param field_B: per-field ``B``.
    :param field_K1: per-field ``K1``.
    :param field_scale: per-field score multiplier (default 1).
    """

    def __init__(self, B: float = DEFAULT_B, K1: float = DEFAULT_K1,
                 field_B: dict[str, float] | None = None, field_K1: dict[str, float] | None = None,
                 field_scale: dict[str, float] | None = None) -> None:
        self.B = B
        self.K1 = K1
        self.field_B = dict(field_B or {})
        self.field_K1 = dict(field_K1 or {})
        self.field_scale = dict(field_scale or {})

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash((self.B, self.K1, *(tuple(sorted(d.items())) for d in (self.field_B, self.field_K1, self.field_scale))))

    def supports_block_quality(self) -> bool:
        return True

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: float = 1) -> scoring.BaseScorer:
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        return SiftScorer(searcher, fieldname, text, self.field_B.get(fieldname, self.B),
                          self.field_K1.get(fieldname, self.K1), self.field_scale.get(fieldname, 1.0))


class SiftScorer(scoring.WeightLengthScorer):  # type: ignore[misc]
    """Scores one term in one field; statistics come from the top-level searcher."""

    def __init__(self, searcher: Any, fieldname: str, text: bytes, B: float, K1: float, scale: float = 1.0) -> None:
        parent = searcher.get_parent()  # segment searchers share the index's statistics
        self.idf = scale * lucene_idf(parent.doc_count_all(), parent.doc_frequency(fieldname, text))
        self.avgfl = parent.avg_field_length(fieldname) or 1.0
        self.B = B
        self.K1 = K1
        # Precomputed per-term constants keep _score to a few float operations.
        self._k1_plus_1 = K1 + 1.0
        self._norm0 = K1 * (1.0 - B)
        self._norm1 = K1 * B / self.avgfl
        self.setup(searcher, fieldname, text)

    def _score(self, weight: float, length: float) -> float:
        return self.idf * weight * self._k1_plus_1 / (weight + self._norm0 + self._norm1 * length)


def sift_weighting() -> scoring.WeightingModel:
    """The weighting model every Sift searcher uses."""
    return SiftBM25F(B=DEFAULT_B, K1=DEFAULT_K1, field_B=FIELD_B, field_K1=FIELD_K1, field_scale=FIELD_SCALE)
