"""Ranking: Sift's BM25F weighting and field weights.

Kept in its own module so it can be tuned (benchmarks/ measures it on the
TIME and CISI test collections) without touching query parsing or search.

The model is BM25F (Robertson, Zaragoza and Taylor, 2004). An unqualified
word searches the fields of ``FIELD_BOOSTS`` as one ``FieldsTerm``
(``query._fieldsterm``), scored by ``WordScorer``: its frequency in each
field, length-normalised with that field's ``B`` and multiplied by the
field's weight (``FIELD_WEIGHTS``), is summed into one pseudo-frequency that
saturates once with ``K1``; the idf is the word's, over the documents that
hold it in any field. A word repeated in the query counts that many times
(the term's boost). Everything else (a word in one field such as
``title:x``, phrases, prefixes, wildcards, fuzzy words, ``claims:``) is
scored per field by ``SiftScorer`` (BM25 of that field, times the field's
``FIELD_BOOSTS`` value), and the parts of a query add up.

Until 2026-12 every word was scored that way too, as a sum of per-field
BM25 scores. That saturates each field on its own: a word in the title and
the body scores about the sum of the two however large ``K1`` is, and its
idf counts once per field, so a title weight can only scale a second,
independent score. With one saturation, CISI MAP went 0.2302 -> 0.2401
(tune half 0.2254 -> 0.2328, held-out 0.2352 -> 0.2477); TIME has no
titles and is unchanged (benchmarks/RESULTS.md).

Two changes from Whoosh's ``BM25F`` (which, despite its name, also sums
per-field scores):

- Lucene's idf ``log(1 + (N - n + 0.5) / (n + 0.5))``. Whoosh's idf never
  drops below 1, so a word found in every document still adds a full unit
  per occurrence; long bag-of-words queries then rank by their commonest
  words (NOTES.md: CISI MAP 0.108 -> 0.171 with counts + this idf).
- ``B`` per field (``FIELD_B``, empty in use) and, for per-field scoring,
  ``K1`` per field (``FIELD_K1``); a ``FieldsTerm`` saturates with ``K1``.

Tuned with ``python -m benchmarks run ranking`` / ``python -m benchmarks.tune``
on the odd query ids of TIME and CISI only; the even ids are the held-out
check (benchmarks/RESULTS.md). K1 = 2.0, B = 0.75 with Lucene's idf stays:
in a grid of B 0.5-1.0, K1 0.9-3.0, Lucene or Okapi idf, the settings
better on both tune halves (K1 2.0-3.0 with B 0.85-1.0, K1 2.5 with B 0.75;
Lucene's idf) were all worse on TIME's held-out half (0.586-0.627 against
0.629): TIME's two halves of 41 and 42 queries, many with one or two
relevant documents, disagree. The title weight (1-4) was chosen on CISI's
tune half. The per-field scorer
keeps Whoosh's ``WeightLengthScorer`` protocol, so block-max ("quality")
optimisations still apply to it when a Whoosh caller asks for top-k only; a
``FieldsTerm`` on a plain Whoosh searcher scores every match.
"""

from __future__ import annotations

from math import log
from typing import Any

from whoosh import scoring

#: The text fields an unqualified query searches, each with its score
#: multiplier for queries scored field by field (phrases, prefixes,
#: wildcards, fuzzy words). Tuned on the odd query ids of TIME and CISI: a
#: claim sentence is already in ``body``, so scoring it again in ``claims``
#: double-counts it (MAP drops on both collections; ``claims:`` still
#: searches claim sentences), and a title match weighs about half a body one.
FIELD_BOOSTS: dict[str, float] = {"title": 0.5, "body": 1.0}

#: BM25F field weights of a plain word searched in several fields: how many
#: body occurrences one occurrence in the field counts for, before the
#: word's frequency saturates (``WordScorer``). Tuned on the odd query ids of
#: CISI (TIME has no titles): 2.5 was best there (MAP 0.2328; 1.5-4: 0.229-0.233).
FIELD_WEIGHTS: dict[str, float] = {"title": 2.5, "body": 1.0}

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

    def word_scorer(self, searcher: Any, fields: tuple[tuple[str, float], ...], doc_frequency: int) -> WordScorer:
        """The BM25F scorer of one word over ``fields`` ((field, weight)
        pairs, all scorable); ``doc_frequency``: documents holding the word
        in any of them."""
        parent = searcher.get_parent()
        idf = lucene_idf(parent.doc_count_all(), doc_frequency)
        parts = tuple((field, weight, self.field_B.get(field, self.B), parent.avg_field_length(field) or 1.0)
                      for field, weight in fields)
        return WordScorer(idf, self.K1, parts)

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


class WordScorer:
    """BM25F of one word over several fields (Robertson, Zaragoza and
    Taylor, 2004): the word's frequency in each field, length-normalised
    with the field's ``B`` and scaled by its weight, is summed into one
    pseudo-frequency, which then saturates once with ``K1``; the idf is the
    word's, over documents holding it in any field.

    Summing a BM25 score per field instead saturates each field apart, so a
    word in the title and the body scores about twice one only in the body
    however large ``K1`` is, and its idf counts twice; the weights then
    cannot say "a title occurrence is worth three body ones".

    The methods work on floats and on numpy arrays alike, with the same
    operations in the same order, so ``query.vector`` and the Whoosh
    matcher (``query._fieldsterm``) give equal scores.
    """

    def __init__(self, idf: float, K1: float, parts: tuple[tuple[str, float, float, float], ...]) -> None:
        self.idf = idf
        self.K1 = K1
        self._k1_plus_1 = K1 + 1.0
        #: Per field: (name, weight, 1 - B, B / average length).
        self.fields = tuple((field, weight, 1.0 - B, B / avgfl) for field, weight, B, avgfl in parts)

    def frequency(self, i: int, tf: Any, length: Any) -> Any:
        """Field ``i``'s share of the pseudo-frequency for a raw ``tf`` and field ``length``."""
        _field, weight, norm0, norm1 = self.fields[i]
        return weight * tf / (norm0 + norm1 * length)

    def score(self, frequency: Any) -> Any:
        """The word's score for a summed pseudo-frequency."""
        return self.idf * frequency * self._k1_plus_1 / (frequency + self.K1)


def sift_weighting() -> scoring.WeightingModel:
    """The weighting model every Sift searcher uses."""
    return SiftBM25F(B=DEFAULT_B, K1=DEFAULT_K1, field_B=FIELD_B, field_K1=FIELD_K1, field_scale=FIELD_SCALE)
