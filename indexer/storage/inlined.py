"""The terms-file entry of a posting list short enough to be inlined.

Most terms of a segment (the Zipf tail) have their postings inside their
entry in the terms file (``indexer.storage.codec``): ``W3TermInfo.to_bytes()``
of the term info Whoosh 3's ``finish_postings`` would make, packed here
straight from the lists. A term in one document, the most common case, is
put together in fewer steps: its 32-bit weight cached per weight, its length
byte read from a table, and its pickled postings composed from parts (the
same bytes, checked against ``pickle`` at import).
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Sequence
from typing import Any

from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.compat import dumps
from whoosh.util.numeric import byte_to_length, length_to_byte

__all__ = ["inlined_entry", "length_byte", "single_entry"]


def inlined_entry(ids: Sequence[int], weights: Sequence[float], values: Sequence[Any],
                   lengths: list[int] | None) -> bytes:
    """The terms-file entry of a posting list short enough to be inlined:
    ``W3TermInfo.to_bytes()`` of the term info ``finish_postings`` would
    make, packed straight from the lists (most terms of a segment pass here)."""
    if len(ids) == 1:
        return single_entry(ids[0], weights, values[0], lengths[0] if lengths is not None else None)
    stored_weights = array("f", weights)  # the writer's buffer: 32-bit floats
    minlength, maxlength = 0, _NO_LENGTH
    if lengths is not None:
        nonzero = [n for n in lengths if n]
        if nonzero:
            minlength = length_byte(min(nonzero))
        maxlength = length_byte(max(lengths))
    # As SiftPostingsWriter.finish_postings: no values, ``b""`` each.
    kept = [v for v in values if v]
    inlined = (tuple(array("I", ids)), tuple(stored_weights), tuple(kept or [b""] * len(ids)))
    return _TERM_INFO.pack(True, sum(stored_weights), len(ids), minlength, maxlength, max(0, max(weights)),
                           ids[0], ids[-1]) + dumps(inlined, 2)


def single_entry(docnum: int, weights: Sequence[float], value: Any, length: int | None) -> bytes:
    """:func:`inlined_entry` of a term in one document (most of a segment's
    terms, the Zipf tail), the same bytes in fewer steps."""
    weight = weights[0]
    stored = _FLOAT32.get(weight)  # the writer's buffer holds 32-bit floats
    if stored is None:
        stored = array("f", weights)[0]
        if weight > 0:  # (not 0.0 and -0.0, equal as keys; nor NaN)
            if len(_FLOAT32) >= _FLOAT32_KEPT:
                _FLOAT32.clear()
            _FLOAT32[weight] = stored
    if length is None:
        byte = _NO_LENGTH
    else:
        byte = _LENGTH_BYTES[length] if 0 <= length < _LENGTH_BYTES_KEPT else length_to_byte(length)
    head = _TERM_INFO.pack(True, 0 + stored, 1, byte if length else 0, byte, max(0, weight), docnum, docnum)
    return head + _pickled_single(int(docnum), stored, value if value else b"")


def _pickled_single(docnum: int, weight: float, value: Any) -> bytes:
    """``dumps(((docnum,), (weight,), (value,)), 2)``, the same bytes put
    together: the document number's and the weight's opcodes (neither is
    memoised, so the two tuples are always memo entries 0 and 1), then the
    value's part, which depends on the value alone and is pickled once per
    distinct value (a term in one document has one of a few thousand
    values: one position, or a keyword's count). Pickling the nested tuple
    was a tenth of writing a segment's terms."""
    tail = _PICKLED_VALUES.get(value) if value.__class__ is bytes else None
    if tail is None:
        if value.__class__ is not bytes or not _PICKLE_BY_PARTS:
            return dumps(((docnum,), (weight,), (value,)), 2)
        if len(_PICKLED_VALUES) >= _PICKLED_VALUES_KEPT:
            _PICKLED_VALUES.clear()
        tail = _PICKLED_VALUES[value] = dumps(((0,), (0.0,), (value,)), 2)[_PICKLED_HEAD:]
    if docnum < 256:
        opcode = _BININT1[docnum] if docnum >= 0 else dumps(docnum, 2)[2:-1]
    elif docnum < 65536:
        opcode = b"M" + _UINT16.pack(docnum)
    elif docnum < 1 << 31:
        opcode = b"J" + _INT32.pack(docnum)
    else:
        return dumps(((docnum,), (weight,), (value,)), 2)
    return b"".join((b"\x80\x02", opcode, b"\x85q\x00G", _DOUBLE.pack(weight), b"\x85q\x01", tail))


_TERM_INFO = W3TermInfo._struct
_NO_LENGTH = length_to_byte(0)
#: Weight -> the same as a 32-bit float (a one-document term's weight is one of a few).
_FLOAT32: dict[float, float] = {}
_FLOAT32_KEPT = 4096
#: ``length_to_byte`` of the lengths most fields have, read from a table (it bisects per call).
_LENGTH_BYTES_KEPT = 1 << 14


def _length_bytes() -> list[int]:
    """``length_to_byte`` of each length below :data:`_LENGTH_BYTES_KEPT`,
    filled a byte's range at a time (what it bisects: searching imports this
    module, and 16,384 calls would add to its start-up)."""
    table = [0] * _LENGTH_BYTES_KEPT
    low = 0
    for byte in range(256):
        high = min(byte_to_length(byte), _LENGTH_BYTES_KEPT - 1)  # lengths low..high give this byte
        if high >= low:
            table[low:high + 1] = [byte] * (high + 1 - low)
        low = max(low, high + 1)
    return table


_LENGTH_BYTES = _length_bytes()


def length_byte(length: int | None) -> int:
    """``length_to_byte(length)`` (``None``: 0)."""
    if length.__class__ is int and 0 <= length < _LENGTH_BYTES_KEPT:
        return _LENGTH_BYTES[length]
    return int(length_to_byte(length))

_BININT1 = [b"K" + bytes([n]) for n in range(256)]
_UINT16, _INT32, _DOUBLE = struct.Struct("<H"), struct.Struct("<i"), struct.Struct(">d")
#: ``dumps(((0,), (0.0,), (v,)), 2)`` up to the value's part.
_PICKLED_HEAD = len(b"\x80\x02K\x00\x85q\x00G") + 8 + len(b"\x85q\x01")
_PICKLED_VALUES: dict[bytes, bytes] = {}
_PICKLED_VALUES_KEPT = 16_384  # (one-position values below 8,192 and keyword counts: most)


def _pickles_by_parts() -> bool:
    """Whether this Python's pickler writes what :func:`_pickled_single` puts
    together (protocol 2 is fixed, but a pickler could memoise otherwise):
    if not, every entry is pickled whole."""
    samples = [(0, 1.0, b""), (255, 0.5, b"\x01\x00\x00\x00"), (256, 3.0, b"x" * 300), (65535, 2.0, b"ab"),
               (65536, 1e-3, b"\x00"), (2**31 - 1, 7.25, b"\xff" * 9)]
    _PICKLED_VALUES.clear()
    global _PICKLE_BY_PARTS
    _PICKLE_BY_PARTS = True
    try:
        return all(_pickled_single(d, w, v) == dumps(((d,), (w,), (v,)), 2) for d, w, v in samples)
    finally:
        _PICKLED_VALUES.clear()


_PICKLE_BY_PARTS = True
_PICKLE_BY_PARTS = _pickles_by_parts()
