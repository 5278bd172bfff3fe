"""Postings of one document's field, computed before the Whoosh writer.

``indexer.writing.prepare`` turns every title, body and keyword value into
:class:`Postings`: what Whoosh's fields would produce as ``(term bytes,
frequency, weight, encoded value)`` items, so that the writer (or a segment
worker) only stores them; ``indexer.schema``'s prepared fields accept them
as they are, and ``indexer.storage.bulk`` reads their columns directly.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterator, Sequence
from itertools import filterfalse, repeat
from typing import Any

from whoosh.system import pack_uint

__all__ = ["BIG_ENDIAN", "Postings", "keyword_postings", "positions_bytes", "positions_postings"]


class Postings:
    """Postings of one field of one document as four columns, one entry per
    term: terms, frequencies, weights and encoded values. Iterating gives
    Whoosh's ``(term bytes, frequency, weight, value)`` items, exactly what
    the field's own ``index()`` would produce.

    A text field's terms are the analyser's ``str`` objects rather than
    their UTF-8 bytes: the writer's pool (``indexer.storage.bulk``) groups
    postings per term by them (the same objects statement after statement,
    so found by identity, their hash cached) and encodes each distinct term
    once per segment, where encoding every posting cost a new bytes object,
    its hash and a compare of its bytes (UTF-8 keeps code-point order, so
    the terms sort the same either way). Columns, not an item per term: the
    pool takes a field's terms, weights and values at once.
    """

    __slots__ = ("terms", "freqs", "weights", "values")

    def __init__(self, terms: Sequence[str] | Sequence[bytes], freqs: Sequence[int], weights: Sequence[float],
                 values: Sequence[bytes]) -> None:
        self.terms = terms
        self.freqs = freqs
        self.weights = weights
        self.values = values

    def __iter__(self) -> Iterator[tuple[bytes, int, float, bytes]]:
        terms: Any = self.terms
        if terms and terms[0].__class__ is str:
            terms = [term.encode("utf-8") for term in terms]
        return zip(terms, self.freqs, self.weights, self.values)

    def __len__(self) -> int:
        return len(self.terms)

    def __reduce__(self) -> tuple[Any, ...]:
        return Postings, (self.terms, self.freqs, self.weights, self.values)


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
    those keep their position as an int and take their encoded value from a
    table in one C-level pass; only the repeated terms build a list of
    positions. (The terms come out in no particular order: the pool sorts them.)
    """
    first: dict[str, int] = {}  # term -> its first position
    more: dict[str, list[int]] = {}  # a repeated term -> all its positions
    get = first.get
    for pos, term in enumerate(terms):
        found = get(term)
        if found is None:
            first[term] = pos
        elif (positions := more.get(term)) is None:
            more[term] = [found, pos]
        else:
            positions.append(pos)
    once: list[str] = list(filterfalse(more.__contains__, first)) if more else list(first)
    table = _ONE_POSITION or _one_positions()
    at = map(first.__getitem__, once)
    values = list(map(table.__getitem__, at)) if len(terms) <= _ONE_POSITION_KEPT else \
        [table[p] if p < _ONE_POSITION_KEPT else _ONE + positions_bytes([p]) for p in at]
    freqs, weights = [1] * len(once), [1 * field_boost] * len(once)
    for term, positions in more.items():
        once.append(term)
        freqs.append(len(positions))
        weights.append(len(positions) * field_boost)
        values.append(pack_uint(len(positions)) + positions_bytes(positions))
    return Postings(once, freqs, weights, values)


_ONE = pack_uint(1)
#: The encoded value of a term seen once, at positions below this (made on
#: first use: searching imports this module and never needs them).
_ONE_POSITION_KEPT = 8192
_ONE_POSITION: list[bytes] = []


def _one_positions() -> list[bytes]:
    _ONE_POSITION[:] = [_ONE + positions_bytes([p]) for p in range(_ONE_POSITION_KEPT)]
    return _ONE_POSITION


def keyword_counts(value: str) -> dict[str, int]:
    """How often each key of a comma-separated keyword value occurs, in order."""
    counts: dict[str, int] = {}
    for key in value.split(","):
        key = key.strip()
        if key:
            counts[key] = counts.get(key, 0) + 1
    return counts


def keyword_postings(value: str) -> Postings:
    """Postings of a comma-separated keyword value, as ``KEYWORD(commas=True)``
    with Whoosh's ``Frequency`` format would index it."""
    counts = keyword_counts(value)
    return Postings([key.encode("utf-8") for key in counts], list(counts.values()),
                    list(map(float, counts.values())), list(map(pack_uint, counts.values())))
