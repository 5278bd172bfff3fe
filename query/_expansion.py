"""Prefix, wildcard and fuzzy words as the index terms they stand for, bounded.

Whoosh expands ``bomb*``, ``b*mb`` and ``Darrya~`` once per segment and
matches the union one document at a time: ``s*`` (thousands of terms)
took 16 s on 30,000 statements (issue 23). ``query.vector`` instead
expands each such word (a ``query.plan.Expand``) once on the whole index
through an :class:`Expander`, which refuses a word standing for more than
``MAX_TERMS_PER_WORD`` terms, or a query for more than
``MAX_TERMS_PER_QUERY`` in all, with a ``QueryError`` at the word (the
node's :class:`Origin`: the query text and the word's position).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from whoosh.support.levenshtein import distance

from query._limits import MAX_TERMS_PER_QUERY, MAX_TERMS_PER_WORD
from query.errors import QueryError

if TYPE_CHECKING:
    from query.plan import Expand

#: Letters a fuzzy word's terms share with it (Whoosh's ``prefixlength``).
FUZZY_PREFIX = 1


@dataclass(frozen=True)
class Origin:
    """Where an expanding word is in the query the user wrote."""

    query: str
    position: int
    word: str


class Expander:
    """Expands the words of one query evaluation on one index reader and
    keeps the running total of terms."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.total = 0

    def terms(self, node: Expand) -> list[bytes]:
        """The index terms ``node`` stands for, in index order.

        :raises QueryError: too many terms for the word or for the query.
        """
        origin = node.origin or Origin(str(node), 0, str(node))
        found = list(islice(_candidates(node, self.reader), MAX_TERMS_PER_WORD + 1))
        if len(found) > MAX_TERMS_PER_WORD:
            raise QueryError(
                f"{origin.word!r} stands for more than {MAX_TERMS_PER_WORD:,} different words in {node.field}:; "
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


def _candidates(node: Expand, reader: Any) -> Iterable[bytes]:
    field = node.field
    if field not in reader.schema:
        return ()
    if node.kind == "fuzzy":
        encode = reader.schema[field].to_bytes
        return (encode(word) for word in _within(reader, field, node.text, node.maxdist, FUZZY_PREFIX))
    if node.kind == "prefix":
        return reader.expand_prefix(field, node.text)  # type: ignore[no-any-return]
    if node.kind == "word_prefix":
        # A keyword field's lexicon is small (names): scanned whole, so the
        # prefix may begin at any word of a name: ``actor:assad*`` finds
        # Bashar al-Assad (issue 20).
        starts = re.compile(r"(?<!\w)" + re.escape(node.text))
        return (btext for btext in reader.lexicon(field) if starts.search(btext.decode("utf-8")))
    return _glob(reader, field, node.text)


def _glob(reader: Any, field: str, pattern: str) -> Iterator[bytes]:
    """Terms matching the ``*`` glob ``pattern``, from those starting with
    its letters before the first ``*`` (as Whoosh's ``Wildcard``)."""
    star = pattern.find("*")
    prefix = pattern[:star] if star >= 0 else pattern[:-1]
    candidates = reader.expand_prefix(field, prefix) if prefix else reader.lexicon(field)
    matches = re.compile(fnmatch.translate(pattern)).match
    decode = reader.schema[field].from_bytes
    return (btext for btext in candidates if matches(decode(btext)))


def _within(reader: Any, field: str, text: str, maxdist: int, prefix: int) -> Iterator[str]:
    """Whoosh's ``terms_within``, skipping the edit distance of terms whose
    length alone puts them out of reach (most of them)."""
    decode = reader.schema[field].from_bytes
    for btext in reader.expand_prefix(field, text[:prefix]):
        word = decode(btext)
        if abs(len(word) - len(text)) <= maxdist and distance(word, text, limit=maxdist) <= maxdist:
            yield word
