"""A one-document term's inlined postings, pickled by parts, are the bytes pickle writes."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from indexer.storage import codec


@given(st.integers(min_value=0, max_value=2**33), st.floats(allow_nan=False, width=32),
       st.one_of(st.binary(max_size=40), st.sampled_from([b"", b"\x01\x00\x00\x00\x05\x00\x00\x00"])))
def test_a_single_posting_pickled_by_parts_is_what_pickle_writes(docnum: int, weight: float, value: bytes) -> None:
    assert codec._pickled_single(docnum, weight, value) == pickle.dumps(((docnum,), (weight,), (value,)), 2)
    assert codec._pickled_single(docnum, weight, value) == pickle.dumps(((docnum,), (weight,), (value,)), 2)


def test_this_pythons_pickler_writes_the_parts() -> None:
    assert codec._pickles_by_parts()
