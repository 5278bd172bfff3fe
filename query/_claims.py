"""``claims:`` queries: words of ``title``/``body`` inside a claim sentence.

The index keeps no separate copy of claim text (its postings cost as much to
write as the whole extraction). Each document instead has a ``claim_spans``
column of term-position ranges (``indexer.schema.encode_claim_spans``); a
query on a text field is wrapped so that a document matches only where a
match's positions fall inside one of its ranges for that field.
"""

from __future__ import annotations

from typing import Any

from whoosh import query as wq
from whoosh.matching import Matcher, NullMatcher
from whoosh.query.spans import SpanWrappingMatcher

from indexer.storage.claimranges import SPANS_COLUMN
from indexer.storage.columns import column_reader
from indexer.schema import CLAIM_FIELDS, decode_claim_spans

#: The virtual field name of the query language.
CLAIMS = "claims"


class _InSpansMatcher(SpanWrappingMatcher):  # type: ignore[misc]
    """Keeps the child's documents, and spans, lying inside claim ranges."""

    def __init__(self, child: Matcher, column: Any, code: int) -> None:
        self._column = column
        self._code = code
        super().__init__(child)

    def copy(self) -> _InSpansMatcher:
        m = _InSpansMatcher(self.child.copy(), self._column, self._code)
        m._spans = self._spans
        return m

    def _replacement(self, newchild: Matcher) -> _InSpansMatcher:
        return _InSpansMatcher(newchild, self._column, self._code)

    def _get_spans(self) -> list[Any]:
        value = self._column[self.child.id()]
        if not value:
            return []
        ranges = [(a, b) for code, a, b in decode_claim_spans(value) if code == self._code]
        return [s for s in self.child.spans() if any(a <= s.start and s.end < b for a, b in ranges)]

    def supports_block_quality(self) -> bool:
        # Skipping blocks by quality would bypass the span check.
        return False


class InClaims(wq.WrappingQuery):  # type: ignore[misc]
    """``child`` (a query on ``title`` or ``body``) limited to claim sentences."""

    def __init__(self, child: wq.Query) -> None:
        super().__init__(child)

    def _rewrap(self, child: wq.Query) -> InClaims:
        return InClaims(child)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InClaims) and other.child == self.child

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.child))

    def __unicode__(self) -> str:
        return f"claims({self.child})"

    __str__ = __unicode__

    def matcher(self, searcher: Any, context: Any = None) -> Matcher:
        child = self.child
        field = child.field()
        if SPANS_COLUMN not in searcher.schema or field not in CLAIM_FIELDS:
            return NullMatcher()
        if isinstance(child, wq.MultiTerm):
            # Prefix, wildcard, fuzzy: each expanded term checked on its own
            # (a union of terms has no spans).
            terms = [wq.Term(field, t, boost=child.boost) for t in child._btexts(searcher.reader())]
            if not terms:
                return NullMatcher()
            return wq.Or([InClaims(t) for t in terms]).matcher(searcher, context)
        matcher = child.matcher(searcher, context)
        if not matcher.is_active():
            return matcher
        # (Whoosh's own reader skips segments without claims: issue 23.)
        column = column_reader(searcher.reader(), SPANS_COLUMN)
        return _InSpansMatcher(matcher, column, CLAIM_FIELDS.index(field))


def claims_query(make: Any, boost: float) -> wq.Query:
    """``make(field, boost)`` for each claim field, limited to claim sentences."""
    return wq.Or([InClaims(make(field, boost)) for field in CLAIM_FIELDS])
