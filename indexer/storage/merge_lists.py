"""Reading the posting lists of the segments a merge joins (``segment.SiftWriter``).

Each merged segment's lists come in ``(field, term)`` order, renumbered for
the new segment, without deleted documents; ``heapq.merge`` interleaves the
segments' lists and :func:`concatenated` joins a term's lists. A list of
more than a block goes on a block at a time (``indexer.storage.posting_blocks``), so
a merge holds a few blocks of a term, not its whole list (issue 20, item 5).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, compress, groupby
from operator import itemgetter
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher, W3TermsReader
from whoosh.reading import SegmentReader

from indexer.storage.codec import BLOCK_LIMIT, PostingList, SiftLeafMatcher, posting_lists
from indexer.storage.posting_blocks import Block, PostingBlocks, RawValues, StoredBlock, chained

__all__ = ["FIELD_TERM", "concatenated", "merged_lists", "postings_of"]


def merged_lists(reader: Any, startdoc: int, docmap: dict[int, int] | None,
                  copy_blocks: bool = False, stream: bool = False) -> Iterator[PostingList]:
    """A merged segment's posting lists, renumbered for the new segment, in
    ``(field, term)`` order, read a block at a time; with ``stream``, a
    list of more than a block's postings is a
    :class:`~indexer.storage.posting_blocks.PostingBlocks`, read as it is written.

    The walk over the terms file has each term's entry; Whoosh's
    ``iter_postings`` looks every term up again in the terms hash table.
    Readers that are not Whoosh 3 segment readers use Whoosh's way.
    """
    schema = reader.schema
    terms = getattr(reader, "_terms", None)
    if not isinstance(reader, SegmentReader) or not isinstance(terms, W3TermsReader):
        yield from posting_lists(
            (fieldname, btext, docmap[docnum] if docmap is not None else startdoc + docnum, weight, value)
            for fieldname, btext, docnum, weight, value in reader.iter_postings() if fieldname in schema)
        return
    deleted = frozenset(reader._perdoc.deleted_docs())
    postings_reader, postfile = terms._codec.postings_reader, terms._postfile
    names = frozenset(schema.names())  # (``in schema`` costs a method call per term)
    for (fieldname, btext), terminfo in terms.items():
        if fieldname not in names:
            continue
        inlined = getattr(terminfo, "_inlined", None)
        if inlined is not None:
            ids, weights, values = inlined
        else:
            matcher = postings_reader(postfile, terminfo, schema[fieldname].format, term=(fieldname, btext))
            if stream and isinstance(matcher, W3LeafMatcher) and not matcher._lastblock:
                # More than one block: handed on a block at a time.
                streamed = _streamed(matcher, startdoc, docmap, deleted, copy_blocks)
                if isinstance(streamed, PostingBlocks):
                    yield fieldname, btext, streamed, (), ()
                elif streamed is not None:
                    yield fieldname, btext, *streamed
                continue
            # Full blocks are copied as stored when numbering only shifts (no deletions).
            ids, weights, values = _all_postings(matcher, copy_blocks and docmap is None)
        renumbered = _renumbered(ids, weights, values, startdoc, docmap, deleted)
        if renumbered is not None:
            yield fieldname, btext, *renumbered


def _renumbered(ids: Sequence[int], weights: Sequence[float], values: Sequence[Any], startdoc: int,
                docmap: dict[int, int] | None, deleted: frozenset[int]) -> Block | None:
    """Postings numbered for the new segment: shifted by ``startdoc``, or,
    where the merge drops deleted documents, mapped by ``docmap`` without
    them (``None`` when none is left)."""
    if docmap is None:
        return [docnum + startdoc for docnum in ids], weights, values
    if not deleted.isdisjoint(ids):
        keep = [docnum not in deleted for docnum in ids]
        ids, weights, values = (list(compress(column, keep)) for column in (ids, weights, values))
        if not ids:
            return None
    return [docmap[docnum] for docnum in ids], weights, values


def _streamed(matcher: Any, startdoc: int, docmap: dict[int, int] | None, deleted: frozenset[int],
              copy_blocks: bool) -> PostingBlocks | tuple[list[int], list[float], list[Any]] | None:
    """A multi-block posting list, renumbered, as :class:`PostingBlocks`
    (its first blocks read ahead); a list that deletions leave shorter than
    a block is read whole, ``(ids, weights, values)`` (``None``: nothing left)."""
    parts = _blocks(matcher, startdoc, docmap, deleted, copy_blocks and docmap is None)
    head: list[Block] = []
    count = 0
    for part in parts:
        head.append(part)
        count += len(part[0])
        if count >= BLOCK_LIMIT:
            return PostingBlocks(chain(head, parts))
    if not count:
        return None
    values = [v for _, _, part_values in head for v in part_values]  # (short: decoded)
    return [i for p in head for i in p[0]], [w for p in head for w in p[1]], values


def _blocks(matcher: Any, startdoc: int, docmap: dict[int, int] | None, deleted: frozenset[int],
            copy_blocks: bool) -> Iterator[Block]:
    """A posting list's blocks ``(ids, weights, values)``, renumbered, without
    the deleted documents; with ``copy_blocks``, full blocks' values as stored."""
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        ids, weights, values = matcher._ids, matcher._weights, _block_values(matcher, copy_blocks)
        matcher._next_block()
        renumbered = _renumbered(ids, weights, values, startdoc, docmap, deleted)
        if renumbered is not None:
            yield renumbered


def _all_postings(matcher: Any, copy_blocks: bool = False) -> tuple[Sequence[int], Sequence[float], Sequence[Any]]:
    """``(ids, weights, values)`` of a term's whole posting list. With
    ``copy_blocks``, the values of each full block stay as stored
    (:class:`~indexer.storage.posting_blocks.RawValues`): a merge copies them."""
    if not isinstance(matcher, W3LeafMatcher):
        ids, weights, values = [], [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            values.append(matcher.value())
            matcher.next()
        return ids, weights, values
    copy_blocks = copy_blocks and isinstance(matcher, SiftLeafMatcher)
    matcher._read_ids()
    matcher._read_weights()
    if matcher._lastblock and not (copy_blocks and matcher._blocklength >= BLOCK_LIMIT):  # one block: most lists
        matcher._read_values()
        return matcher._ids, matcher._weights, matcher._values
    ids, weights = list(matcher._ids), list(matcher._weights)
    parts: list[Any] = [_block_values(matcher, copy_blocks)]
    matcher._next_block()
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        ids.extend(matcher._ids)
        weights.extend(matcher._weights)
        parts.append(_block_values(matcher, copy_blocks))
        matcher._next_block()
    if any(isinstance(part, StoredBlock) for part in parts):
        return ids, weights, RawValues(parts)
    return ids, weights, [v for part in parts for v in part]  # nothing to copy: plain values


def _block_values(matcher: Any, copy_blocks: bool) -> Any:
    """The current block's values: as stored if it is a full block to copy."""
    if copy_blocks and matcher._blocklength >= BLOCK_LIMIT:
        return matcher.stored_second_part()
    matcher._read_values()
    return matcher._values


def concatenated(lists: Iterable[PostingList]) -> Iterator[PostingList]:
    """One posting list per term from sources merged in document order."""
    for (fieldname, btext), group in groupby(lists, key=FIELD_TERM):
        parts = list(group)
        if len(parts) == 1:
            yield parts[0]
        elif any(isinstance(p[2], PostingBlocks) for p in parts):
            yield fieldname, btext, chained([p[2:] for p in parts]), (), ()
        elif any(isinstance(p[4], RawValues) for p in parts):
            values = RawValues([q for p in parts for q in (p[4].parts if isinstance(p[4], RawValues) else [p[4]])])
            yield fieldname, btext, [i for p in parts for i in p[2]], [w for p in parts for w in p[3]], values
        else:
            yield (fieldname, btext, [i for p in parts for i in p[2]], [w for p in parts for w in p[3]],
                   [v for p in parts for v in p[4]])


def postings_of(lists: Iterable[PostingList]) -> Iterator[tuple[str, bytes, int, float, Any]]:
    """Posting lists as Whoosh's single postings ``(field, term, id, weight, value)``."""
    for fieldname, btext, ids, weights, values in lists:
        for docnum, weight, value in zip(ids, weights, values):
            yield fieldname, btext, docnum, weight, value


FIELD_TERM = itemgetter(0, 1)
