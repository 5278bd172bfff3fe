"""The statement ids one index run has taken, and the file each came from.

A run must notice an id it already took from another file (the first one
is kept, the later one reported), so it remembers every id. A dict of the
ids cost about 100 bytes a statement (20 MB at 200k statements) and was the
one part of a run's memory that grew with the corpus. Here the ids are kept
as 128-bit BLAKE2b digests in arrays sorted by their high half, 20 bytes an
id; the latest few thousand wait in a dict and are merged in together.

Two distinct ids share a digest with probability about ``n**2 / 2**129``
(1e-28 for a million ids), so a digest match is taken as the same id.
"""

from __future__ import annotations

from bisect import bisect_left
from hashlib import blake2b

import numpy as np

__all__ = ["SeenIds"]

#: Ids waiting in the dict before they are merged into the arrays.
MERGE_AT = 8192


def _raw_digest(statement_id: str) -> bytes:
    return blake2b(statement_id.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _digest(statement_id: str) -> tuple[int, int]:
    """One id's digest as (high, low) halves, the values :func:`_digests` gives."""
    raw = _raw_digest(statement_id)
    return int.from_bytes(raw[:8], "little"), int.from_bytes(raw[8:], "little")


def _digests(ids: list[str]) -> np.ndarray:
    """``(len(ids), 2)`` uint64: each id's digest as (high, low) halves."""
    return np.frombuffer(b"".join(map(_raw_digest, ids)), dtype="<u8").reshape(-1, 2)


class SeenIds:
    """A set of statement ids with the file each came from (see the module docstring)."""

    def __init__(self) -> None:
        self._recent: dict[str, int] = {}  # id -> file number, not yet merged
        self._files: list[str] = []
        self._file_numbers: dict[str, int] = {}
        self._high = np.empty(0, dtype=np.uint64)  # sorted
        self._low = np.empty(0, dtype=np.uint64)
        self._file = np.empty(0, dtype=np.uint32)
        # The arrays as memoryviews: ``bisect`` and indexing on them give
        # Python ints, several times cheaper per lookup than numpy calls.
        self._views = (self._high.data, self._low.data, self._file.data)

    def __len__(self) -> int:
        return len(self._recent) + len(self._high)

    def add(self, statement_id: str, source: str) -> None:
        """Remember ``statement_id`` as taken from ``source`` (call :meth:`source_of` first)."""
        number = self._file_numbers.get(source)
        if number is None:
            number = self._file_numbers[source] = len(self._files)
            self._files.append(source)
        self._recent[statement_id] = number
        if len(self._recent) >= MERGE_AT:
            self._merge()

    def source_of(self, statement_id: str) -> str | None:
        """The file ``statement_id`` was taken from, or ``None`` if it was not."""
        number = self._recent.get(statement_id)
        if number is None and len(self._high):
            highs, lows, files = self._views
            high, low = _digest(statement_id)
            i = bisect_left(highs, high)
            while i < len(highs) and highs[i] == high:
                if lows[i] == low:
                    number = files[i]
                    break
                i += 1
        return None if number is None else self._files[number]

    def _merge(self) -> None:
        digests = _digests(list(self._recent))
        order = np.argsort(digests[:, 0], kind="stable")
        high, low = digests[order, 0], digests[order, 1]
        files = np.fromiter(self._recent.values(), dtype=np.uint32, count=len(self._recent))[order]
        at = np.searchsorted(self._high, high)
        self._high = np.insert(self._high, at, high)
        self._low = np.insert(self._low, at, low)
        self._file = np.insert(self._file, at, files)
        self._views = (self._high.data, self._low.data, self._file.data)
        self._recent.clear()
