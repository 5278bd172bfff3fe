"""Prefix, wildcard and fuzzy words as the index terms they stand for, bounded.

Whoosh expands ``bomb*``, ``b*mb`` and ``Darrya~`` once per segment and
matches the union one document at a time: ``s*`` (thousands of terms)
took 16 s on 30,000 statements (issue 23). ``query.vector`` instead
expands each such word once on the whole index through an
:class:`Expander`, which refuses a word standing for more than
``MAX_TERMS_PER_WORD`` terms, or a query for more than
``MAX_TERMS_PER_QUERY`` in all, with a ``QueryError`` at the word.

``query._compile`` marks each expanding Whoosh query with its
:class:`Origin` (the query text and the word's position) so the error can
point at it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from whoosh import query as wq
from whoosh.support.levenshtein import distance

from query._limits import MAX_TERMS_PER_QUERY, MAX_TERMS_PER_WORD
from query._wordprefix import WordPrefix
from query.errors import QueryError

#: The Whoosh queries an :class:`Expander` expands (exact types).
EXPANDING = (wq.Prefix, WordPrefix, wq.Wildcard, wq.FuzzyTerm)


@dataclass(frozen=True)
class Origin:
    """Where an expanding word is in the query the user wrote."""

    query: str
    position: int
    word: str


def mark_origin(q: wq.Query, origin: Origin) -> wq.Query:
    """``q`` with ``origin`` on each of its expanding leaves; returns ``q``."""
    for leaf in [q] if q.is_leaf() else q.leaves():
        if type(leaf) in EXPANDING:
            leaf.sift_origin = origin
    return q


class Expander:
    """Expands the words of one query evaluation on one index reader and
    keeps the running total of terms."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.total = 0

    def terms(self, q: wq.Query) -> list[Any]:
        """The index terms ``q`` (a Prefix, Wildcard or FuzzyTerm) stands for.

        :raises QueryError: too many terms for the word or for the query.
        """
        origin: Origin = getattr(q, "sift_origin", None) or Origin(str(q), 0, str(q))
        found = list(islice(_candidates(q, self.reader), MAX_TERMS_PER_WORD + 1))
        if len(found) > MAX_TERMS_PER_WORD:
            raise QueryError(
                f"{origin.word!r} stands for more than {MAX_TERMS_PER_WORD:,} different words in {q.fieldname}:; "
                "add letters to make it more precise",
                origin.query,
                origin.position,
            )
        self.total += len(found)
        if self.total > MAX_TERMS_PER_QUERY:
            raise QueryError(
                f"the prefix, wildcard and fuzzy words of this query stand for more than {MAX_TERMS_PER_QUERY:,} "
                f"different words (reached at {origin.word!r}); make them more precise or use fewer",
                origin.query,
                origin.position,
            )
        return found


def _candidates(q: wq.Query, reader: Any) -> Iterable[Any]:
    if q.fieldname not in reader.schema:
        return ()
    if type(q) is wq.FuzzyTerm:
        return _within(reader, q.fieldname, q.text, q.maxdist, q.prefixlength)
    return q._btexts(reader)  # Whoosh's own expansion for prefixes and globs


def _within(reader: Any, field: str, text: str, maxdist: int, prefix: int) -> Iterator[str]:
    """Whoosh's ``terms_within``, skipping the edit distance of terms whose
    length alone puts them out of reach (most of them)."""
    decode = reader.schema[field].from_bytes
    for btext in reader.expand_prefix(field, text[:prefix]):
        word = decode(btext)
        if abs(len(word) - len(text)) <= maxdist and distance(word, text, limit=maxdist) <= maxdist:
            yield word
