"""A plain word searched in several text fields, scored by BM25F.

``FieldsTerm`` is what an unqualified word compiles to (``query._compile``):
it matches the documents holding the word in any of its fields and scores
them with ``query.rank.WordScorer`` (one saturation over the fields' summed
pseudo-frequencies). ``query.vector`` evaluates it over whole posting
lists; ``matcher`` here is the same computation, one segment at a time, for
the queries ``query.vector`` hands to Whoosh (``=word``) and for plain
Whoosh searchers. Under another weighting model it is the ``Or`` of its
per-field terms, each weighted by its field's weight.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from weakref import WeakKeyDictionary

from whoosh import query as wq
from whoosh.matching import ListMatcher, Matcher, NullMatcher

from indexer.storage.reader import unfiltered_postings
from query.rank import SiftBM25F, WordScorer

FieldWeights = tuple[tuple[str, float], ...]


class FieldsTerm(wq.Query):  # type: ignore[misc]
    """``text`` in any of ``fields`` ((field, BM25F weight) pairs), times ``boost``."""

    def __init__(self, fields: FieldWeights, text: str, boost: float = 1.0) -> None:
        self.fields = tuple(fields)
        self.text = text
        self.boost = boost

    def __eq__(self, other: object) -> bool:
        return (type(other) is type(self) and (other.fields, other.text, other.boost) == (self.fields, self.text, self.boost))

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.fields, self.text, self.boost))

    def __unicode__(self) -> str:
        fields = "|".join(f if w == 1 else f"{f}^{w}" for f, w in self.fields)
        return f"({fields}):{self.text}" + (f"^{self.boost}" if self.boost != 1 else "")

    __str__ = __unicode__

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.fields!r}, {self.text!r}, boost={self.boost!r})"

    def is_leaf(self) -> bool:
        return True

    def has_terms(self) -> bool:
        return True

    def terms(self, phrases: bool = False) -> Iterator[tuple[str, str]]:
        for field, _weight in self.fields:
            yield field, self.text

    def tokens(self, boost: float = 1.0, exreader: Any = None) -> Iterator[Any]:
        for q in self.per_field():
            yield from q.tokens(boost, exreader)

    def estimate_size(self, ixreader: Any) -> int:
        return sum(wq.Term(f, self.text).estimate_size(ixreader) for f, _w in self.fields)

    def per_field(self) -> list[wq.Term]:
        """The word as one Whoosh term per field, weighted by the field's weight."""
        return [wq.Term(f, self.text, boost=w * self.boost) for f, w in self.fields]

    def btexts(self, schema: Any) -> list[tuple[int, str, bytes]]:
        """(position in ``fields``, field, encoded word) for the fields the schema has."""
        out = []
        for i, (field, _weight) in enumerate(self.fields):
            if field in schema:
                try:
                    out.append((i, field, bytes(schema[field].to_bytes(self.text))))
                except ValueError:
                    continue
        return out

    def scorable(self, schema: Any) -> bool:
        return all(f in schema and schema[f].scorable for f, _w in self.fields)

    def matcher(self, searcher: Any, context: Any = None) -> Matcher:
        weighting = searcher.weighting if context is None else context.weighting
        if not isinstance(weighting, SiftBM25F) or not self.scorable(searcher.schema):
            return wq.Or(self.per_field()).matcher(searcher, context)
        reader = searcher.reader()
        every = self.btexts(searcher.schema)
        btexts = [(i, f, b) for i, f, b in every if (f, b) in reader]
        if not btexts:
            return NullMatcher()
        scorer = weighting.word_scorer(searcher, self.fields, *word_statistics(searcher, every))
        frequency: dict[int, float] = {}
        for i, field, btext in btexts:
            postings = reader.postings(field, btext)  # deleted documents filtered out
            while postings.is_active():
                docnum = postings.id()
                part = scorer.frequency(i, postings.weight(), searcher.doc_field_length(docnum, field, 1))
                frequency[docnum] = frequency.get(docnum, 0.0) + part
                postings.next()
        ids = sorted(frequency)
        return ListMatcher(ids, weights=[word_score(scorer, frequency[d], self.boost) for d in ids])


def word_score(scorer: WordScorer, frequency: Any, boost: float) -> Any:
    """The final score of a word for its summed pseudo-frequency."""
    score = scorer.score(frequency)
    return score * boost if boost != 1.0 else score


#: Top-level searcher -> {(field, word) pairs: (union document frequency,
#: occurrences)}; a query is matched once per segment, the statistics are
#: the index's, so each segment's matcher reuses them.
_WORD_STATISTICS: WeakKeyDictionary[Any, dict[tuple[tuple[str, bytes], ...], tuple[int, float]]] = WeakKeyDictionary()


def word_statistics(searcher: Any, btexts: list[tuple[int, str, bytes]]) -> tuple[int, float]:
    """The documents of the whole index holding the word in any of the
    fields, and its occurrences there, unweighted (deleted documents count,
    like Whoosh's ``doc_frequency`` and ``frequency``)."""
    parent = searcher.get_parent()
    present = tuple((f, b) for _i, f, b in btexts if (f, b) in parent.reader())
    cache = _WORD_STATISTICS.setdefault(parent, {})
    if present not in cache:
        occurrences = float(sum(parent.frequency(f, b) for f, b in present))
        documents = int(parent.doc_frequency(*present[0])) if len(present) == 1 else _count_union(parent, present)
        cache[present] = (documents, occurrences)
    return cache[present]


def _count_union(parent: Any, present: tuple[tuple[str, bytes], ...]) -> int:
    total = 0
    for sub, _offset in parent.leaf_searchers():
        reader = sub.reader()
        docs: set[int] = set()
        for field, btext in present:
            if (field, btext) in reader:
                docs.update(unfiltered_postings(reader, field, btext).all_ids())
        total += len(docs)
    return total
