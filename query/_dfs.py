"""The two phases of a sharded search as messages, for shards in other
processes (``query.cluster``; issue 22).

In one process a shard scores with ``SummedStatistics`` asking every shard
as it goes. A shard in another process cannot be asked mid-evaluation, so:

1. *dfs*: each shard evaluates the query once with its own statistics
   through a :class:`RecordingStatistics`, which notes every additive number
   scoring asked for (document counts, frequencies, field lengths), plus
   its document count and every field's length;
2. each shard is asked the numbers other shards noted and it did not
   (:func:`missing_keys`: a shard where a phrase does not match never asks
   about its words, though it holds them), and the caller adds the notes up
   (:func:`sum_notes`);
3. *query*: each shard evaluates again (its postings cached from phase 1)
   with :class:`NotedStatistics` answering from the sums.

Averages are never summed: ``average_field_length`` is the summed length
over the summed count, as ``SummedStatistics`` computes it. Prefix,
wildcard and fuzzy words are expanded by the caller over every shard's
lexicon first (:class:`FixedExpansions`), so each shard sees the same terms.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import fields, is_dataclass
from typing import Any, NamedTuple

import numpy as np

from query.statistics import FieldTerms, Statistics

__all__ = ["ADDITIVE", "FixedExpansions", "NotedStatistics", "Packed", "RecordingStatistics", "answer",
           "expand_nodes", "likely_keys", "missing_keys", "packed", "sum_notes", "unpacked"]

#: A noted number's key: (method, arguments...).
Key = tuple[Any, ...]


class RecordingStatistics:
    """A shard's own statistics, noting every additive number asked for.

    With ``known`` (sums over all shards kept from earlier searches of the
    same generations) it answers from them while every number asked is
    among them: if :attr:`complete` is still true after an evaluation, its
    scores are the global ones and no second phase is needed; otherwise
    the evaluation was phase 1 (its scores discarded, its notes summed).

    :param inner: the shard's statistics (``Searcher.statistics()``).
    :param fields: the fields whose length is always noted.
    :param known: summed numbers by key; ``None``: phase 1 only.
    """

    def __init__(self, inner: Statistics, fields: Iterable[str] = (), known: Mapping[Key, float] | None = None) -> None:
        self.inner = inner
        self.known: Mapping[Key, float] = {} if known is None else known
        #: Every number asked so far was answered from ``known``.
        self.complete = known is not None
        self.notes: dict[Key, float] = {("doc_count",): float(inner.doc_count())}
        for field in fields:
            self.notes[("field_length", field)] = float(inner.field_length(field))

    def _note(self, key: Key, value: float) -> float:
        self.notes[key] = float(value)
        if self.complete:
            found = self.known.get(key)
            if found is not None:
                return found
            self.complete = False  # a number never summed: this evaluation is phase 1
        return value

    def doc_count(self) -> int:
        return int(self._note(("doc_count",), self.inner.doc_count()))

    def doc_frequency(self, field: str, term: bytes) -> int:
        return int(self._note(("doc_frequency", field, term), self.inner.doc_frequency(field, term)))

    def doc_frequency_any(self, terms: FieldTerms) -> int:
        key = ("doc_frequency_any", tuple(tuple(t) for t in terms))
        return int(self._note(key, self.inner.doc_frequency_any(terms)))

    def frequency(self, field: str, term: bytes) -> float:
        return self._note(("frequency", field, term), self.inner.frequency(field, term))

    def field_length(self, field: str) -> float:
        return self._note(("field_length", field), self.inner.field_length(field))

    def average_field_length(self, field: str) -> float:
        return self.field_length(field) / (self.doc_count() or 1)


def answer(statistics: Statistics, key: Key) -> float:
    """The number a noted key stands for, asked of ``statistics``."""
    method, *arguments = key
    if method not in ADDITIVE:
        raise LookupError(f"not an additive statistic: {key!r}")
    return float(getattr(statistics, method)(*arguments))


#: The statistics that add up over shards (the averages are derived).
ADDITIVE = ("doc_count", "doc_frequency", "doc_frequency_any", "frequency", "field_length")


def missing_keys(notes: Sequence[dict[Key, float]]) -> list[list[Key]]:
    """Per shard, the keys other shards noted and it did not: a shard asks
    only where its matches need it (a phrase absent from a shard asks
    nothing there), yet its numbers count in the sums."""
    every: dict[Key, None] = {}
    for shard in notes:
        every.update(dict.fromkeys(shard))
    return [[key for key in every if key not in shard] for shard in notes]


def sum_notes(notes: Sequence[dict[Key, float]]) -> dict[Key, float]:
    """The shards' notes added up, key by key."""
    total: dict[Key, float] = {}
    for shard in notes:
        for key, value in shard.items():
            total[key] = total.get(key, 0.0) + value
    return total


class NotedStatistics:
    """Statistics answered from summed notes (phase 2 of a remote shard)."""

    def __init__(self, notes: dict[Key, float]) -> None:
        self.notes = notes

    def _get(self, key: Key) -> float:
        try:
            return self.notes[key]
        except KeyError:
            # Phase 2 asks what phase 1 asked; anything else is a bug, not a 0.
            raise LookupError(f"statistic {key!r} was not collected in the first phase") from None

    def doc_count(self) -> int:
        return int(self._get(("doc_count",)))

    def doc_frequency(self, field: str, term: bytes) -> int:
        return int(self._get(("doc_frequency", field, term)))

    def doc_frequency_any(self, terms: FieldTerms) -> int:
        return int(self._get(("doc_frequency_any", tuple(tuple(t) for t in terms))))

    def frequency(self, field: str, term: bytes) -> float:
        return self._get(("frequency", field, term))

    def field_length(self, field: str) -> float:
        return self._get(("field_length", field))

    def average_field_length(self, field: str) -> float:
        return self.field_length(field) / (self.doc_count() or 1)


def expand_nodes(plan: Any) -> Iterator[Any]:
    """The prefix, wildcard and fuzzy words of a plan (``query.plan.Expand``),
    depth first, repeats included."""
    from query.plan import Expand

    if isinstance(plan, Expand):
        yield plan
        return
    if isinstance(plan, (tuple, list)):
        for item in plan:
            yield from expand_nodes(item)
        return
    if is_dataclass(plan) and not isinstance(plan, type):
        for f in fields(plan):
            value = getattr(plan, f.name)
            if is_dataclass(value) or isinstance(value, (tuple, list)):
                yield from expand_nodes(value)


def likely_keys(plan: Any, schema: Any, expansions: Iterable[tuple[Any, list[bytes]]]) -> set[Key]:
    """The numbers scoring ``plan`` will most likely ask, read from the plan
    as ``query.vector`` scores its words, terms, phrases and expanded
    words: fetched before a query's first evaluation, they let it be
    scored in one evaluation. A guess: a number missed makes that search
    run both phases, as without it; one asked for nothing is only summed."""
    from query.plan import Expand, Phrase, Term, Word

    terms_of = {node: terms for node, terms in expansions}
    keys: set[Key] = {("doc_count",)}

    def scorable(field: str) -> bool:
        return field in schema and bool(getattr(schema[field], "scorable", False))

    def indexed(field: str, text: str) -> bytes | None:
        try:
            return bytes(schema[field].to_bytes(text)) if field in schema else None
        except ValueError:
            return None

    def term(field: str, btext: bytes | None) -> None:
        if btext is not None and scorable(field):
            keys.update({("doc_frequency", field, btext), ("frequency", field, btext), ("field_length", field)})

    for node in _nodes(plan):
        if isinstance(node, Term):
            term(node.field, indexed(node.field, node.text))
        elif isinstance(node, Word) and all(scorable(f) for f, _w in node.fields):
            found = [(f, b) for f, _w in node.fields if (b := indexed(f, node.text)) is not None]
            keys.add(("doc_frequency_any", tuple(found)))
            keys.update(("frequency", f, b) for f, b in found)
            keys.update(("field_length", f) for f, _w in node.fields)
        elif isinstance(node, Word):
            for f, _w in node.fields:
                term(f, indexed(f, node.text))
        elif isinstance(node, Phrase):
            for word in node.words:
                term(node.field, indexed(node.field, word))
        elif isinstance(node, Expand):
            for btext in terms_of.get(node, ()):
                term(node.field, btext)
    return keys


def _nodes(plan: Any) -> Iterator[Any]:
    """Every node of a plan, depth first."""
    if isinstance(plan, (tuple, list)):
        for item in plan:
            yield from _nodes(item)
        return
    if is_dataclass(plan) and not isinstance(plan, type):
        yield plan
        for f in fields(plan):
            value = getattr(plan, f.name)
            if is_dataclass(value) or isinstance(value, (tuple, list)):
                yield from _nodes(value)


class FixedExpansions:
    """An expander answering from terms expanded beforehand over every shard.

    :param expansions: (word node, its terms) pairs; equal nodes have equal terms.
    """

    def __init__(self, expansions: Iterable[tuple[Any, list[bytes]]]) -> None:
        self.terms_of = {node: list(terms) for node, terms in expansions}

    def terms(self, node: Any) -> list[bytes]:
        try:
            return self.terms_of[node]
        except KeyError:
            raise LookupError(f"{node} was not expanded before the search (a bug; please report it)") from None


class Packed(NamedTuple):
    """A shard's matches as an actor sends them (:func:`packed`), and its
    share of the search's facets (``query._facetparts.FacetPart``) if asked."""

    bits: np.ndarray
    values: np.ndarray
    facets: Any = None


def packed(mask: np.ndarray, score: np.ndarray, facets: Any = None) -> Packed:
    """A shard's matches as an actor sends them: the mask as bits (a bit a
    document, where a match's number took 8 bytes: a common word matches
    most documents) and the matches' scores in document order."""
    return Packed(np.packbits(mask), score[mask], facets)


def unpacked(answer: Sequence[np.ndarray], size: int) -> tuple[np.ndarray, np.ndarray]:
    """The mask and scores (0 where no match) of a shard of ``size``
    documents from what :func:`packed` made."""
    bits, values = answer[0], answer[1]
    mask = np.unpackbits(bits, count=size).view(bool)
    score = np.zeros(size, dtype=np.float64)
    score[mask] = values
    return mask, score
