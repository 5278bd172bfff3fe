"""The posting block layout (``indexer.storage.blocks``): what the writer encodes,
both decoders (per block for the codec's matcher, whole lists as numpy
arrays for query evaluation) read back."""

from __future__ import annotations

import struct
from array import array
from itertools import accumulate
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC

from indexer.storage import blocks


def _postings_file(block_list: list[tuple[list[int], list[float], list[bytes]]], compression: int) -> bytes:
    """A postings file holding one posting list cut in the given blocks."""
    out = bytearray(WHOOSH3_HEADER_MAGIC)
    for number, (ids, weights, values) in enumerate(block_list):
        info = blocks.encode_info(len(ids), ids[-1], max(weights), compression, 1, 1)
        data = blocks.encode_data(blocks.encode_first(ids, weights), blocks.encode_values(values), compression)
        length = len(info) + len(data)
        out += struct.pack("!i", -length if number == len(block_list) - 1 else length) + info + data
    return bytes(out)


posting_lists = st.lists(
    st.tuples(st.integers(1, 50), st.booleans(), st.binary(max_size=12)), min_size=1, max_size=60,
).map(lambda rows: (
    [sum(step for step, _w, _v in rows[:i + 1]) for i in range(len(rows))],
    [2.5 if weighted else 1.0 for _s, weighted, _v in rows],
    [value for _s, _w, value in rows],
))


@settings(max_examples=60, deadline=None)
@given(postings=posting_lists, block_size=st.integers(1, 17), compression=st.sampled_from([0, 1]))
def test_what_is_written_both_decoders_read_back(postings: tuple[list[int], list[float], list[bytes]],
                                                  block_size: int, compression: int) -> None:
    ids, weights, values = postings
    cuts = [(ids[i:i + block_size], weights[i:i + block_size], values[i:i + block_size])
            for i in range(0, len(ids), block_size)]
    data = _postings_file(cuts, compression)

    array_ids, array_weights, block_getters = blocks.posting_arrays(lambda at, n: data[at:at + n], 0)
    assert array_ids.tolist() == ids
    assert array_weights.tolist() == weights
    assert [start for start, _get in block_getters] == list(range(0, len(ids), block_size))
    for (block_ids, block_weights, block_values), (_start, get) in zip(cuts, block_getters):
        lengths, joined = get()
        assert lengths.tolist() == [len(v) for v in block_values] and joined == b"".join(block_values)
        first = blocks.encode_first(block_ids, block_weights)
        assert list(blocks.decode_ids(first)) == block_ids
        assert list(blocks.decode_weights(first)) == block_weights
        stored = blocks.encode_data(first, blocks.encode_values(block_values), compression)
        assert blocks.block_part(stored, compression, False) == first
        assert blocks.split_values(blocks.block_part(stored, compression, True), len(block_ids)) == block_values


def test_a_block_whose_count_disagrees_with_its_info_is_refused() -> None:
    info = blocks.encode_info(3, 9, 1.0, 0, 1, 1)  # says 3 postings; the block holds 2
    data = blocks.encode_data(blocks.encode_first([4, 9], [1.0, 1.0]), blocks.encode_values([b"", b""]), 0)
    raw = WHOOSH3_HEADER_MAGIC + struct.pack("!i", -(len(info) + len(data))) + info + data
    with pytest.raises(ValueError, match="2 postings, 3 expected"):
        blocks.posting_arrays(lambda at, n: raw[at:at + n], 0)


@settings(max_examples=80, deadline=None)
@given(postings=posting_lists, block_size=st.integers(1, 9), compression=st.sampled_from([0, 1]),
       within=st.lists(st.integers(0, 1600), max_size=12, unique=True).map(sorted))
def test_restricted_to_some_ids_every_one_of_their_postings_is_read(
        postings: tuple[list[int], list[float], list[bytes]], block_size: int, compression: int,
        within: list[int]) -> None:
    ids, weights, values = postings
    cuts = [(ids[i:i + block_size], weights[i:i + block_size], values[i:i + block_size])
            for i in range(0, len(ids), block_size)]
    data = _postings_file(cuts, compression)
    wanted = np.asarray(within, dtype=np.int64)

    some_ids, some_weights, some_blocks = blocks.posting_arrays(lambda at, n: data[at:at + n], 0, wanted)

    whole = dict(zip(ids, weights))
    assert set(within) & set(ids) <= set(some_ids.tolist())  # no posting of a wanted id left out
    assert [whole[i] for i in some_ids.tolist()] == some_weights.tolist()  # the others are true postings
    assert some_ids.tolist() == sorted(set(some_ids.tolist()))
    previous = [-1] + [cut[0][-1] for cut in cuts[:-1]]
    holding = [cut for cut, before in zip(cuts, previous) if any(before < i <= cut[0][-1] for i in within)]
    assert len(some_blocks) == len(holding)  # the others are skipped, not decompressed
    for (block_ids, _w, block_values), (start, get) in zip(holding, some_blocks):
        assert some_ids[start:start + len(block_ids)].tolist() == block_ids
        assert get()[1] == b"".join(block_values)


def _first_by_steps(ids: list[int], weights: list[float]) -> bytes:
    """``encode_first`` as it was written before it used C-level passes (stop 35)."""
    ones = all(w == 1.0 for w in weights)
    return (blocks.BLOCK_HEAD.pack(0 if ones else 1, len(ids))
            + blocks.uint32([ids[0], *(b - a for a, b in zip(ids, ids[1:]))])
            + (b"" if ones else array("f", weights).tobytes()))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5000), st.sampled_from([1.0, 2.0, 0.5, 1.0, 3.25]),
                          st.binary(max_size=9)), min_size=1, max_size=80),
       st.sampled_from(["f", "list", "tuple"]))
def test_block_parts_are_the_same_bytes_from_any_weights(postings: list[tuple[int, float, bytes]], kind: str) -> None:
    # The writer's buffer is a float32 array; Whoosh's own and the tests' are lists.
    ids = list(accumulate(gap for gap, _, _ in postings))
    weights: Any = [w for _, w, _ in postings]
    weights = array("f", weights) if kind == "f" else tuple(weights) if kind == "tuple" else weights
    values = [v for _, _, v in postings]
    assert blocks.encode_first(array("I", ids), weights) == _first_by_steps(ids, list(weights))
    assert blocks.encode_first(ids, weights) == _first_by_steps(ids, list(weights))
    assert blocks.encode_values(values) == blocks.uint32([len(v) for v in values]) + b"".join(values)
