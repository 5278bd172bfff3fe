"""Sift's posting block layout: the one place that encodes and decodes it.

A posting list longer than the inline limit is written as blocks in the
segment's postings file (after Whoosh 3's header magic). Each block is::

    length     !i         bytes that follow (negative: the last block)
    info       pickle     Whoosh's block info (count, last id, max weight,
                          compression, min and max length bytes)
    part size  <I         byte length of the (compressed) first part
    first      ids and weights: BLOCK_HEAD (weights flag, count), the id
               deltas as little-endian uint32, float32 weights unless all 1
    second     values (positions): uint32 byte length of each, then the
               values concatenated; empty for fields without values

Both parts are zlib-compressed at the codec's level (0: stored as is).
The writer (``indexer.storage.codec.SiftPostingsWriter``), the per-block matcher
(``indexer.storage.codec.SiftLeafMatcher``) and the whole-list numpy reader
(:func:`posting_arrays`, used by ``query.vector`` through
``indexer.storage.reader``) all go through the functions here.
"""

from __future__ import annotations

import io
import pickle
import struct
import sys
import zlib
from array import array
from collections.abc import Callable, Sequence
from itertools import accumulate, islice
from operator import sub
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC

#: Block layout version written by ``indexer.storage.codec.SiftCodec`` (1: Whoosh 3's pickled tuples).
LAYOUT = 2
BLOCK_HEAD = struct.Struct("<BI")  # weights flag, postings in block
PART = struct.Struct("<I")  # byte length of the compressed first part
BLOCK_LENGTH = struct.Struct("!i")  # Whoosh's block length (negative: the last block)
_BIG_ENDIAN = sys.byteorder == "big"

#: A block's values, decoded on demand: () -> (byte length of each value, values concatenated).
ValuesGetter = Callable[[], tuple[np.ndarray, bytes]]


def uint32(values: Any) -> bytes:
    """``values`` as little-endian uint32 bytes."""
    out = array("I", values)
    if _BIG_ENDIAN:
        out.byteswap()
    return out.tobytes()


def from_uint32(data: bytes) -> array[int]:
    """Little-endian uint32 bytes as an array of ints."""
    out = array("I")
    out.frombytes(data)
    if _BIG_ENDIAN:
        out.byteswap()
    return out


def encode_first(ids: Sequence[int], weights: Sequence[float]) -> bytes:
    """A block's first part, uncompressed: head, id deltas, weights unless all 1.

    (Every block a segment writes passes here: the test and the deltas are
    C-level passes, not a generator step per posting.)"""
    ones = weights.count(1.0) == len(weights)
    return (BLOCK_HEAD.pack(0 if ones else 1, len(ids))
            + uint32([ids[0], *map(sub, islice(ids, 1, None), ids)])
            + (b"" if ones else array("f", weights).tobytes()))


def encode_values(values: Sequence[bytes]) -> bytes:
    """A block's second part, uncompressed: the values' lengths, then the values."""
    return uint32(map(len, values)) + b"".join(values)


def encode_data(first: bytes, second: bytes, compression: int, *, second_compressed: bool = False) -> bytes:
    """A block's data (after Whoosh's info): both parts, compressed at
    ``compression`` unless ``second`` is already (a stored block copied)."""
    if compression:
        first = zlib.compress(first, compression)
        if not second_compressed:
            second = zlib.compress(second, compression)
    return PART.pack(len(first)) + first + second


def encode_info(count: int, last_id: int, max_weight: float, compression: int,
                min_length_byte: int, max_length_byte: int) -> bytes:
    """Whoosh 3's block info, pickled as its reader expects."""
    return pickle.dumps((count, last_id, max_weight, compression, min_length_byte, max_length_byte), 2)


def block_part(raw: bytes, compression: int, second: bool) -> bytes:
    """The first (ids, weights) or second (values) part of a stored block, decompressed."""
    (size,) = PART.unpack_from(raw)
    data = raw[PART.size + size:] if second else raw[PART.size:PART.size + size]
    return zlib.decompress(data) if compression else data


def stored_second_part(raw: bytes) -> bytes:
    """The second part of a block's data as stored (compressed or not)."""
    (size,) = PART.unpack_from(raw)
    return raw[PART.size + size:]


def decode_ids(first: bytes) -> tuple[int, ...]:
    """The document ids of a block's first part."""
    count = BLOCK_HEAD.unpack_from(first)[1]
    return tuple(accumulate(from_uint32(first[BLOCK_HEAD.size:BLOCK_HEAD.size + 4 * count])))


def decode_weights(first: bytes) -> array[float]:
    """The weights of a block's first part (all 1.0 when the flag says so)."""
    flag, count = BLOCK_HEAD.unpack_from(first)
    weights: array[float] = array("f")
    if flag == 0:
        weights.extend([1.0] * count)
        return weights
    weights.frombytes(first[BLOCK_HEAD.size + 4 * count:])
    return weights


def split_values(second: bytes, count: int) -> list[bytes]:
    """The values of a block's decompressed second part."""
    lengths = from_uint32(second[:4 * count])
    values = []
    at = 4 * count
    for length in lengths:
        values.append(second[at:at + length])
        at += length
    return values


def posting_arrays(get: Callable[[int, int], bytes], offset: int, within: np.ndarray | None = None
                   ) -> tuple[np.ndarray, np.ndarray, list[tuple[int, ValuesGetter]]]:
    """Ids, weights and blocks (first row, values getter) of a posting list
    in this layout starting at ``offset`` of a postings file (``get(position,
    length) -> bytes``), read in one piece: ids and weights are converted
    once for the whole list, values only when a getter is called.

    With ``within`` (sorted ids), only the blocks whose id range (after the
    previous block's last id, up to its own) holds one of them are
    decompressed: an AND needs a frequent word's postings only where its
    rarer words match. The blocks kept are whole (other ids included); a
    posting of a ``within`` id is never left out."""
    at = offset + len(WHOOSH3_HEADER_MAGIC)
    headers: list[tuple[int, bytes, int, int]] = []  # (count, raw data, last id, compression)
    while True:
        (length,) = BLOCK_LENGTH.unpack(get(at, BLOCK_LENGTH.size))
        block = get(at + BLOCK_LENGTH.size, abs(length))
        stream = io.BytesIO(block)
        count, last_id, _maxweight, compression = pickle.load(stream)[:4]  # Whoosh's block info
        headers.append((count, block[stream.tell():], last_id, compression))
        if length < 0:  # the last block
            break
        at += BLOCK_LENGTH.size + length
    if within is not None:
        headers = [headers[i] for i in blocks_holding(np.asarray([h[2] for h in headers], dtype=np.int64), within)]
    return _decode_blocks(headers)


def blocks_holding(last_ids: np.ndarray, within: np.ndarray) -> list[int]:
    """The blocks (by their ``last_ids``, ascending) whose id range, from
    the previous block's last id + 1 to their own, holds an id of the
    sorted ``within``."""
    if not len(last_ids) or not len(within):
        return []
    firsts = np.empty(len(last_ids), dtype=np.int64)
    firsts[0] = 0
    firsts[1:] = last_ids[:-1] + 1
    at = np.searchsorted(within, firsts)  # the first id of within at or after the range's start
    inside = at < len(within)
    inside[inside] = np.asarray(within)[at[inside]] <= last_ids[inside]
    return np.flatnonzero(inside).tolist()


def _decode_blocks(headers: list[tuple[int, bytes, int, int]]
                   ) -> tuple[np.ndarray, np.ndarray, list[tuple[int, ValuesGetter]]]:
    """Ids, weights and blocks of consecutive blocks of one list (count,
    data after the info, last id, compression each), any skipped between."""
    deltas: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    weighted = False
    blocks: list[tuple[int, ValuesGetter]] = []
    last_ids: list[int] = []
    rows = 0
    for count, raw, last_id, compression in headers:
        (size,) = PART.unpack_from(raw)
        first = raw[PART.size:PART.size + size]
        if compression:
            first = zlib.decompress(first, 15, BLOCK_HEAD.size + 8 * count)
        flag, stored = BLOCK_HEAD.unpack_from(first)
        if stored != count:
            raise ValueError(f"posting block of {stored} postings, {count} expected")
        deltas.append(np.frombuffer(first, dtype="<u4", count=count, offset=BLOCK_HEAD.size))
        if flag:
            weighted = True
            weights.append(np.frombuffer(first, dtype=np.float32, count=count, offset=BLOCK_HEAD.size + 4 * count))
        else:
            weights.append(np.ones(count, dtype=np.float32))
        blocks.append((rows, values_getter(raw, compression, count)))
        last_ids.append(last_id)
        rows += count
    if not blocks:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64), []
    steps = np.concatenate(deltas).astype(np.int64)
    # A block's first delta is its first id: make it the step from the
    # previous block's last id, so that one running sum gives every id.
    starts = np.fromiter((start for start, _values in blocks[1:]), dtype=np.int64, count=len(blocks) - 1)
    steps[starts] -= np.asarray(last_ids[:-1], dtype=np.int64)
    ids = np.cumsum(steps)
    if len(starts) and not np.array_equal(ids[starts - 1], last_ids[:-1]):
        raise ValueError("posting block ids out of order")
    return ids, (np.concatenate(weights).astype(np.float64) if weighted else np.ones(rows, dtype=np.float64)), blocks


def values_getter(raw: bytes, compression: int, count: int) -> ValuesGetter:
    """The values of one block's data, decoded when called."""
    def values() -> tuple[np.ndarray, bytes]:
        second = block_part(raw, compression, True)
        return np.frombuffer(second, dtype="<u4", count=count).astype(np.int64), second[4 * count:]
    return values
