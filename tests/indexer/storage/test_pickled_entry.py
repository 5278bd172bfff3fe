"""A one-document term's inlined postings, pickled by parts, are the bytes pickle writes."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from indexer.storage import inlined as codec


@given(st.integers(min_value=0, max_value=2**33), st.floats(allow_nan=False, width=32),
       st.one_of(st.binary(max_size=40), st.sampled_from([b"", b"\x01\x00\x00\x00\x05\x00\x00\x00"])))
def test_a_single_posting_pickled_by_parts_is_what_pickle_writes(docnum: int, weight: float, value: bytes) -> None:
    assert codec._pickled_single(docnum, weight, value) == pickle.dumps(((docnum,), (weight,), (value,)), 2)
    assert codec._pickled_single(docnum, weight, value) == pickle.dumps(((docnum,), (weight,), (value,)), 2)


def test_this_pythons_pickler_writes_the_parts() -> None:
    assert codec._pickles_by_parts()


@given(st.integers(min_value=0, max_value=2**31 - 1),
       st.sampled_from([1.0, 2.0, 0.5, 0.0, -0.0, 3.3, 1e-9, 7]),
       st.one_of(st.none(), st.binary(max_size=12)),
       st.one_of(st.none(), st.integers(min_value=0, max_value=300_000)))
def test_a_single_entry_is_the_general_entry(docnum: int, weight: float, value: bytes | None,
                                              length: int | None) -> None:
    # The one-document shortcut (cached 32-bit weights, a table of length
    # bytes) writes what the general packing of any short list writes.
    from array import array

    from whoosh.util.numeric import length_to_byte

    stored = array("f", [weight])
    byte = codec._NO_LENGTH if length is None else length_to_byte(length)
    general = codec._TERM_INFO.pack(True, sum(stored), 1, byte if length else 0, byte, max(0, weight),
                                    docnum, docnum) + pickle.dumps(((docnum,), (stored[0],), (value or b"",)), 2)
    for _ in range(2):  # (the second time from the caches)
        assert codec.single_entry(docnum, [weight], value, length) == general


def test_length_bytes_from_the_table_are_whooshs() -> None:
    from whoosh.util.numeric import length_to_byte

    assert [codec.length_byte(n) for n in range(0, 40_000, 7)] == [length_to_byte(n) for n in range(0, 40_000, 7)]
    assert codec.length_byte(None) == length_to_byte(None) and codec.length_byte(10**6) == 255
