"""Posting lists as a merge reads them: decoded values, blocks kept as
stored, and long lists handed on a block at a time (issue 20, item 5).

A merge used to read each term's whole posting list into Python lists
before writing it: ids, weights and lengths as an object each, about 80
bytes a posting. A term in every statement (the ``source`` of a one-file
export, a common word, a year) made that the size of the segment: about
120 MB for a merge of 624,000 statements, the part of indexing memory that
still grew with the collection. A list of more than one block now goes
from the merged segment to the new one as :class:`PostingBlocks`, a block
at a time; ``codec.SiftFieldWriter`` cuts the blocks it writes exactly as
it cut the whole list (the same bytes).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import Any, NamedTuple, Union

from indexer.storage import blocks

__all__ = ["Block", "PostingBlocks", "RawValues", "StoredBlock", "as_blocks"]


class StoredBlock(NamedTuple):
    """A block's values part as a segment stored it: ``size`` values,
    compressed with zlib level ``compression`` (0: not compressed)."""

    size: int
    compression: int
    data: bytes

    def decode(self) -> list[bytes]:
        return blocks.split_values(zlib.decompress(self.data) if self.compression else self.data, self.size)


class RawValues(Sequence[Any]):
    """A posting list's values, in parts: decoded values, or whole blocks of
    a merged segment, kept as stored. A merge copies such a block's values
    part (positions: most of a block) instead of decoding, re-encoding and
    compressing it again; the writer starts a new block at each one."""

    def __init__(self, parts: list[Sequence[Any] | StoredBlock]) -> None:
        self.parts = parts

    def __len__(self) -> int:
        return sum(p.size if isinstance(p, StoredBlock) else len(p) for p in self.parts)

    def __iter__(self) -> Iterator[Any]:
        for part in self.parts:
            yield from (part.decode() if isinstance(part, StoredBlock) else part)

    def __getitem__(self, index: Any) -> Any:
        return list(self)[index]


#: Part of a posting list: ``(ids, weights, values)``, the values decoded or as stored.
Block = tuple[Sequence[int], Sequence[float], Union[Sequence[Any], StoredBlock]]


class PostingBlocks:
    """A posting list of at least ``BLOCK_LIMIT`` postings, read a block at a
    time: iterate it once for its :data:`Block` parts, in document order."""

    def __init__(self, parts: Iterable[Block]) -> None:
        self._unread = iter(parts)

    def __iter__(self) -> Iterator[Block]:
        return self._unread

    def postings(self) -> Iterator[tuple[int, float, Any]]:
        """Each posting ``(id, weight, value)``, the values decoded."""
        for ids, weights, values in self._unread:
            yield from zip(ids, weights, values.decode() if isinstance(values, StoredBlock) else values)


def as_blocks(ids: Any, weights: Sequence[float], values: Any) -> Iterator[Block]:
    """A posting list's parts: a :class:`PostingBlocks`' own, or a whole
    list's (one per part of :class:`RawValues`)."""
    if isinstance(ids, PostingBlocks):
        yield from ids
    elif not isinstance(values, RawValues):
        yield ids, weights, values
    else:
        at = 0
        for part in values.parts:
            size = part.size if isinstance(part, StoredBlock) else len(part)
            yield ids[at:at + size], weights[at:at + size], part
            at += size


def chained(lists: Sequence[tuple[Any, Sequence[float], Any]]) -> PostingBlocks:
    """One term's posting lists from several segments, in document order, as one."""
    return PostingBlocks(chain.from_iterable(as_blocks(*parts) for parts in lists))
