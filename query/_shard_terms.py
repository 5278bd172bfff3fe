"""The terms a prefix, wildcard or fuzzy word stands for, over all shards (issue 22).

One index expands ``shel*`` over its whole lexicon (``query._expansion``):
the number of terms decides whether the word keeps its boost, and the
bounds on terms per word and per query raise a ``QueryError``. A shard
alone would see only its own terms, so a sharded search expands each word
once over the union of the shards' lexicons (merged in index order) and
gives every shard's evaluator that same list: the same terms, boosts and
errors as one index.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from query._expansion import Expander

if TYPE_CHECKING:
    from query.plan import Expand

__all__ = ["SharedExpander"]


def _union(sorted_terms: Iterable[Iterable[bytes]]) -> Iterator[bytes]:
    """The sorted union of sorted term streams, each term once."""
    last: bytes | None = None
    for term in heapq.merge(*sorted_terms):
        if term != last:
            yield term
            last = term


class _Lexicons:
    """The lexicon calls expansion makes, answered over every shard's reader."""

    def __init__(self, readers: Sequence[Any]) -> None:
        self.readers = list(readers)
        self.schema = self.readers[0].schema

    def expand_prefix(self, field: str, prefix: Any) -> Iterator[bytes]:
        return _union(r.expand_prefix(field, prefix) for r in self.readers if field in r.schema)

    def lexicon(self, field: str) -> Iterator[bytes]:
        return _union(r.lexicon(field) for r in self.readers if field in r.schema)


class SharedExpander:
    """An ``Expander`` for every shard's evaluation of one query: each word
    expanded once over all shards, the bounds counted once.

    :param readers: every shard's reader.
    """

    def __init__(self, readers: Sequence[Any]) -> None:
        self.expander = Expander(_Lexicons(readers))
        self.found: dict[int, tuple[Expand, list[bytes]]] = {}

    def terms(self, node: Expand) -> list[bytes]:
        """The terms of ``node`` in all shards (the same list for every shard)."""
        known = self.found.get(id(node))
        if known is None:
            # (The node is kept with its terms, so its id cannot be reused.)
            known = self.found[id(node)] = (node, self.expander.terms(node))
        return known[1]
