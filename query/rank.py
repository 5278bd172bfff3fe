"""Ranking: Sift's BM25F formulas, weights and settings, in one place.

Kept in its own module so it can be tuned (benchmarks/ measures it on the
TIME and CISI test collections) without touching query parsing or search.

Its settings are one frozen value, :class:`Ranking`, given to each
``query.Searcher``; nothing here is changed at run time. The scorers it
makes (``Ranking.field_scorer``, ``Ranking.word_scorer``) take every
collection number (documents, frequencies, average lengths) from a
``query.statistics.Statistics`` provider: one index's, or the sums over
the shards of a sharded index, which then scores as one index would.

The model is BM25F (Robertson, Zaragoza and Taylor, 2004) with a DFR
informativeness where BM25 has its idf. An unqualified word searches the
fields of ``Ranking.field_boosts`` as one ``query.plan.Word``, scored by
``WordScorer``: its frequency in each
field, length-normalised with that field's ``b`` and multiplied by the
field's weight (``Ranking.field_weights``), is summed into one
pseudo-frequency that saturates once with ``k1``, times the word's gain
(``word_gain``) over the documents that hold it in any field and its
occurrences there. A word repeated in the query counts that many times (the
term's boost). Everything else (a word in
one field such as ``title:x``, phrases, prefixes, wildcards, fuzzy words,
``claims:``) is scored per field by ``FieldScorer`` (BM25 of that field with
the word's gain in it, times the field's ``field_boosts`` value), and the
parts of a query add up.

History, each step measured with ``python -m benchmarks run ranking``
(benchmarks/RESULTS.md; MAP, all queries / odd "tune" ids / even held-out):

- Whoosh's ``BM25F`` sums per-field BM25 scores and its idf never drops
  below 1, so a word found in every document still adds a full unit per
  occurrence and long bag-of-words queries ranked by their commonest words.
  Lucene's idf ``log(1 + (N - n + 0.5) / (n + 0.5))`` and query-word
  counts: CISI 0.108 -> 0.171, TIME 0.598 -> 0.631.
- One saturation over the fields instead of a BM25 score per field (a word
  in the title and the body scored about the sum of the two however large
  ``K1`` was, and its idf counted once per field): CISI 0.2302 -> 0.2401.
- The DFR gain for Lucene's idf (2026-12): TIME 0.5939 -> 0.6128 (tune
  0.5612 -> 0.5703, held-out 0.6292 -> 0.6587), CISI 0.2401 -> 0.2576
  (0.2328 -> 0.2465, 0.2477 -> 0.2692): above every peer on every half of
  both collections. The gain has no parameter of its own; it is Terrier's
  ``In_expC2`` informativeness, not fitted. Full ``In_expC2`` (its own
  length normalisation and saturation) scored TIME 0.6090 and CISI 0.2531;
  BM25 with the gain did better and keeps BM25F's field weights.

``k1`` = 2.0, ``b`` = 0.75 and the title weight 2.5 were tuned on the odd
query ids with Lucene's idf and kept with the gain. A grid of B 0.6-0.9, K1
1.2-3.0, title 2-3 with the gain (``python -m benchmarks.tune``) prefers a
larger ``k1`` on both tune halves but is worse on TIME's held-out half
(K1 3.0: 0.6420 against 0.6587), as it was before the gain: TIME's halves of
41 and 38 queries, many with one or two relevant documents, disagree. 42 of
the 45 settings beat the best peer on TIME overall and all 45 on CISI, so the
result does not hang on the choice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from math import exp, log2
from typing import Any

from query.statistics import FieldTerms, Statistics

Pairs = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Ranking:
    """Every ranking setting, as one immutable value a ``Searcher`` is given
    (``Searcher(path, ranking=Ranking(k1=1.6))``), so two searchers in one
    process can rank differently and tuning (``benchmarks.tune``) changes no
    global state. The defaults are the tuned values Sift ships with.

    Per-field settings are ``(field, value)`` pairs (any iterable of pairs,
    a ``dict``'s items included, is accepted and stored as a tuple).

    >>> Ranking().weight("title"), Ranking(field_weights={"title": 3.0}.items()).weight("title")
    (2.5, 3.0)
    >>> Ranking(k1=-1.0)
    Traceback (most recent call last):
    ValueError: k1 must be a positive number, not -1.0
    """

    #: Term-frequency saturation (BM25's ``K1``) for fields not in ``field_k1``.
    k1: float = 2.0
    #: Length normalisation (0: none, 1: full) for fields not in ``field_b``.
    b: float = 0.75
    #: The text fields an unqualified query searches, in order, each with its
    #: score multiplier for queries scored field by field (phrases, prefixes,
    #: wildcards, fuzzy words). Tuned on the odd query ids of TIME and CISI: a
    #: claim sentence is already in ``body``, so scoring it again in ``claims``
    #: double-counts it (MAP drops on both collections; ``claims:`` still
    #: searches claim sentences), and a title match weighs about half a body one.
    field_boosts: Pairs = (("title", 0.5), ("body", 1.0))
    #: BM25F field weights of a plain word searched in several fields: how many
    #: body occurrences one occurrence in the field counts for, before the
    #: word's frequency saturates (``WordScorer``). Tuned on the odd query ids
    #: of CISI (TIME has no titles): 2.5 was best there (MAP 0.2328; 1.5-4:
    #: 0.229-0.233). A field not listed weighs its ``field_boosts`` value.
    field_weights: Pairs = (("title", 2.5), ("body", 1.0))
    #: Per-field ``b`` and ``k1`` overrides.
    field_b: Pairs = ()
    field_k1: Pairs = ()
    #: Per-field score multipliers on top of ``field_boosts`` (default 1): a
    #: hook for ``python -m benchmarks.tune`` to try weights without re-parsing.
    field_scale: Pairs = ()
    #: The gain of a value asked for in a structured field (``keyword_fields``:
    #: ``actor:``, ``location:``, ``claim:``, ``by:``) instead of its
    #: ``word_gain``: every statement it matches holds the value, so how rare
    #: the value is says nothing about which of them it is central to; its
    #: pseudo-frequency (``indexer.extraction.centrality``) alone ranks them.
    #: With the rarity gain a common type (``claim:killing``, in most
    #: statements of a war) scored about 0.05 and the free words decided
    #: alone. ``None``: the rarity gain (Sift before stop 27). 8 on the 14
    #: needs of ``benchmarks.needs``; 4 to 16 score alike (benchmarks/RESULTS.md).
    keyword_gain: float | None = 8.0
    #: The structured fields ``keyword_gain`` applies to (weighted keyword fields).
    keyword_fields: tuple[str, ...] = ("actors", "locations", "claim_types", "claim_by")
    #: Fields whose length measures a statement's scope, not its verbosity:
    #: their ``b`` is 0 unless ``field_b`` sets one. ``claim_types``' length is
    #: the number of act types a statement reports; BM25's length
    #: normalisation is for verbosity (Robertson and Walker's "verbosity" and
    #: "scope" hypotheses, 1994), and a statement reporting a siege and a
    #: broken truce is no less about the siege than one reporting the siege
    #: alone: normalised, a correct second claim cost a siege report a rank
    #: (N06). The count ``c`` of the type's own claims still saturates with ``k1``.
    scope_fields: tuple[str, ...] = ("claim_types",)

    def __post_init__(self) -> None:
        for name in ("k1", "b"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not value >= 0 \
                    or (name == "k1" and value == 0) or (name == "b" and value > 1):
                kind = "a positive number" if name == "k1" else "a number from 0 to 1"
                raise ValueError(f"{name} must be {kind}, not {value!r}")
            object.__setattr__(self, name, float(value))
        if self.keyword_gain is not None:
            if isinstance(self.keyword_gain, bool) or not isinstance(self.keyword_gain, (int, float)) \
                    or not self.keyword_gain > 0:
                raise ValueError(f"keyword_gain must be a positive number or None, not {self.keyword_gain!r}")
            object.__setattr__(self, "keyword_gain", float(self.keyword_gain))
        object.__setattr__(self, "keyword_fields", tuple(self.keyword_fields))
        object.__setattr__(self, "scope_fields", tuple(self.scope_fields))
        for name in ("field_boosts", "field_weights", "field_b", "field_k1", "field_scale"):
            object.__setattr__(self, name, _pairs(name, getattr(self, name)))
        if not self.field_boosts:
            raise ValueError("field_boosts must name at least one field")

    def boost(self, field: str) -> float:
        """``field``'s multiplier for per-field scores (1 if not listed)."""
        return dict(self.field_boosts).get(field, 1.0)

    def weight(self, field: str, default: float | None = None) -> float:
        """``field``'s BM25F weight (``default``, else its boost, if not listed)."""
        return dict(self.field_weights).get(field, self.boost(field) if default is None else default)

    def k1_of(self, field: str) -> float:
        """``field``'s ``k1`` (``field_k1``, else ``k1``)."""
        return dict(self.field_k1).get(field, self.k1)

    def b_of(self, field: str) -> float:
        """``field``'s ``b`` (``field_b``, else 0 for a ``scope_fields`` one, else ``b``)."""
        return dict(self.field_b).get(field, 0.0 if field in self.scope_fields else self.b)

    def field_scorer(self, statistics: Statistics, field: str, term: bytes) -> FieldScorer:
        """BM25 of ``term`` in ``field`` alone (a word in one field, a
        phrase's words, a prefix's terms), with the collection's numbers from
        ``statistics`` (one index, or every shard: ``query.statistics``);
        in a structured field (``keyword_fields``) the gain is ``keyword_gain``."""
        scale = dict(self.field_scale).get(field, 1.0)
        if self.keyword_gain is not None and field in self.keyword_fields:
            gain = scale * self.keyword_gain
        else:
            gain = scale * word_gain(statistics.doc_count(), statistics.doc_frequency(field, term),
                                     statistics.frequency(field, term))
        return FieldScorer(gain, self.k1_of(field), self.b_of(field), statistics.average_field_length(field) or 1.0)

    def word_scorer(self, statistics: Statistics, fields: Pairs, terms: FieldTerms) -> WordScorer:
        """BM25F of one word over ``fields`` ((field, weight) pairs), its
        indexed form in each being ``terms`` ((field, term) pairs, the
        fields the index has): the gain counts the documents holding it in
        any of them and its occurrences in all, unweighted."""
        terms = tuple(terms)
        occurrences = float(sum(statistics.frequency(f, t) for f, t in terms))
        gain = word_gain(statistics.doc_count(), statistics.doc_frequency_any(terms), occurrences)
        parts = tuple((field, weight, self.b_of(field), statistics.average_field_length(field) or 1.0)
                      for field, weight in fields)
        return WordScorer(gain, self.k1, parts)


def _pairs(name: str, value: Any) -> Pairs:
    """``value`` (pairs or a mapping) as a tuple of ``(field, float)`` pairs."""
    items = value.items() if isinstance(value, Mapping) else value
    try:
        pairs = tuple((str(field), float(number)) for field, number in items)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be (field, number) pairs, not {value!r}") from None
    if any(not number >= 0 for _field, number in pairs):
        raise ValueError(f"{name} must be non-negative, not {value!r}")
    return pairs


#: Sift's shipped settings.
DEFAULT_RANKING = Ranking()


def word_gain(doc_count: int, doc_frequency: int, collection_frequency: float) -> float:
    """How much a word's occurrence says about a document: the DFR
    informativeness of Amati and van Rijsbergen's ``In_expC2`` (2002), as
    Terrier computes it, used where BM25 has its idf.

    ``log2((N + 1) / (n_e + 0.5))`` is an idf over the number of documents
    ``n_e = N (1 - exp(-F / N))`` the word's ``F`` occurrences would reach
    if they were scattered at random; ``(F + 1) / n`` (Bernoulli's
    after-effect) then favours words that cluster, found many times in the
    few documents that hold them. A topical word ("siege" in a report on a
    siege) comes back in its documents; a common word as rare as it is
    ("however") is used once and does not. An idf (Lucene's, Sift's until
    2026-12) sees only ``n`` and weighs the two alike. Always positive, so
    a matched word never lowers a score.

    >>> round(word_gain(1000, 10, 40), 2), round(word_gain(1000, 10, 10), 2)
    (19.09, 7.24)
    >>> round(word_gain(1000, 1000, 5000), 3)  # five times in every document
    0.052
    """
    doc_frequency = max(1, doc_frequency)
    doc_count = max(doc_count, doc_frequency)
    collection_frequency = max(float(doc_frequency), collection_frequency)
    expected = doc_count * (1.0 - exp(-collection_frequency / doc_count))
    return (collection_frequency + 1.0) / doc_frequency * log2((doc_count + 1.0) / (expected + 0.5))


class FieldScorer:
    """BM25 of one term in one field, times its gain: the per-field formula.

    The methods work on floats and on numpy arrays alike, with the same
    operations in the same order, so every caller gives equal scores.
    """

    def __init__(self, gain: float, K1: float, B: float, avgfl: float) -> None:
        self.gain = gain
        self.k1_plus_1 = K1 + 1.0
        self.norm0 = K1 * (1.0 - B)
        self.norm1 = K1 * B / avgfl

    def score(self, weight: Any, length: Any) -> Any:
        """The score of postings of ``weight`` in fields of ``length``."""
        return self.gain * weight * self.k1_plus_1 / (weight + self.norm0 + self.norm1 * length)


class WordScorer:
    """BM25F of one word over several fields (Robertson, Zaragoza and
    Taylor, 2004): the word's frequency in each field, length-normalised
    with the field's ``B`` and scaled by its weight, is summed into one
    pseudo-frequency, which then saturates once with ``K1``; the gain is the
    word's, over documents holding it in any field.

    Summing a BM25 score per field instead saturates each field apart, so a
    word in the title and the body scores about twice one only in the body
    however large ``K1`` is, and its gain counts twice; the weights then
    cannot say "a title occurrence is worth three body ones".

    The methods work on floats and on numpy arrays alike, with the same
    operations in the same order, so ``query.vector`` and a matcher scoring
    one document at a time (the tests' Whoosh reference) give equal scores.
    """

    def __init__(self, gain: float, K1: float, parts: tuple[tuple[str, float, float, float], ...]) -> None:
        self.gain = gain
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
        return self.gain * frequency * self._k1_plus_1 / (frequency + self.K1)
