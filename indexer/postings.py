"""Postings of one document's field, computed before the Whoosh writer.

``indexer.writing.prepare`` turns every title, body and keyword value into the
``(term bytes, frequency, weight, encoded value)`` items Whoosh's fields
would produce, so that the writer (or a segment worker) only stores them;
``indexer.schema``'s prepared fields accept them as they are.
"""

from __future__ import annotations

import sys
from array import array
from typing import Any

from whoosh.system import pack_uint

__all__ = ["BIG_ENDIAN", "Postings", "keyword_postings", "positions_bytes", "positions_postings"]


class Postings(tuple):  # type: ignore[type-arg]
    """Postings of one text field of one document, computed before the writer.

    Items are Whoosh's ``(term bytes, frequency, weight, encoded positions)``
    tuples, exactly what ``TEXT.index()`` would produce; worker processes
    build them so the single writer process only has to store them.
    """


BIG_ENDIAN = sys.byteorder == "big"


def positions_bytes(poslist: list[int]) -> bytes:
    """Positions as little-endian uint32 (``schema.SiftPositions``' layout)."""
    values = array("I", poslist)
    if BIG_ENDIAN:
        values.byteswap()
    return values.tobytes()


def positions_postings(terms: list[str], field_boost: float = 1.0) -> Postings:
    """Encode a field's term list as ``schema.SiftPositions`` does.

    Every title and body passes here, and most of their terms occur once:
    those keep their position as an int (no list) and take their encoded
    value from a table, so one pass over the terms builds the postings.
    """
    positions: dict[str, Any] = {}  # term -> its position, or a list of them
    get = positions.get
    for pos, term in enumerate(terms):
        found = get(term)
        if found is None:
            positions[term] = pos
        elif found.__class__ is int:
            positions[term] = [found, pos]
        else:
            found.append(pos)
    once, single = 1 * field_boost, _ONE_POSITION or _one_positions()
    return Postings([
        (term.encode("utf-8"), 1, once, single[p] if p < _ONE_POSITION_KEPT else _ONE + positions_bytes([p]))
        if p.__class__ is int else
        (term.encode("utf-8"), len(p), len(p) * field_boost, pack_uint(len(p)) + positions_bytes(p))
        for term, p in positions.items()])


_ONE = pack_uint(1)
#: The encoded value of a term seen once, at positions below this (made on
#: first use: searching imports this module and never needs them).
_ONE_POSITION_KEPT = 8192
_ONE_POSITION: list[bytes] = []


def _one_positions() -> list[bytes]:
    _ONE_POSITION[:] = [_ONE + positions_bytes([p]) for p in range(_ONE_POSITION_KEPT)]
    return _ONE_POSITION


def keyword_postings(value: str) -> Postings:
    """Postings of a comma-separated keyword value, as ``KEYWORD(commas=True)``
    with Whoosh's ``Frequency`` format would index it."""
    counts: dict[str, int] = {}
    for key in value.split(","):
        key = key.strip()
        if key:
            counts[key] = counts.get(key, 0) + 1
    return Postings((k.encode("utf-8"), n, float(n), pack_uint(n)) for k, n in counts.items())
