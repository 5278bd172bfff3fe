"""The statement ids one index run has taken, and the file each came from.

A run must notice an id it already took from another file (the first one
is kept, the later one reported), so it remembers every id. A dict of the
ids cost about 100 bytes a statement; sorted arrays of 128-bit digests, 20
bytes (20 MB at a million statements, twice that while an array was copied
to insert more): either way the one part of a run's memory that grew with
the collection (issue 20, item 5). The digests now go, a few thousand at a
time, to a private temporary SQLite database, which keeps at most
:data:`CACHE_KB` of its pages in memory and the rest on disk (SQLite's
temporary folder: ``SQLITE_TMPDIR``, else ``/var/tmp`` or ``/tmp``; the
file is gone once the database is closed, or the process ends). A lookup
costs a few microseconds, nothing beside indexing a statement.

The ids are stored as BLAKE2b digests of 128 bits: two distinct ids share a
digest with probability about ``n**2 / 2**129`` (1e-28 for a million ids),
so a digest match is taken as the same id.
"""

from __future__ import annotations

import sqlite3
from hashlib import blake2b

__all__ = ["CACHE_KB", "MERGE_AT", "SeenIds"]

#: Ids waiting in a dict before they go to the database together.
MERGE_AT = 8192
#: Memory SQLite may keep of the database's pages (the rest stays on disk).
CACHE_KB = 2048

_LOOKUP = "SELECT file FROM ids WHERE digest = ?"


def _raw_digest(statement_id: str) -> bytes:
    return blake2b(statement_id.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class SeenIds:
    """A set of statement ids with the file each came from (see the module docstring)."""

    def __init__(self) -> None:
        self._recent: dict[str, int] = {}  # id -> file number, not yet in the database
        self._files: list[str] = []
        self._file_numbers: dict[str, int] = {}
        self._db: sqlite3.Connection | None = None  # made at the first merge (most sets stay small)
        self._stored = 0

    def __len__(self) -> int:
        return len(self._recent) + self._stored

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
        if number is None and self._db is not None:
            row = self._db.execute(_LOOKUP, (_raw_digest(statement_id),)).fetchone()
            if row is not None:
                number = row[0]
        return None if number is None else self._files[number]

    def close(self) -> None:
        """Drop the database (its file goes with it)."""
        if self._db is not None:
            self._db.close()
            self._db = None
        self._recent.clear()
        self._stored = 0

    def _merge(self) -> None:
        db = self._db
        if db is None:
            # "": a private temporary database on disk (the cache bounds its memory).
            db = self._db = sqlite3.connect("", isolation_level=None)
            db.execute(f"PRAGMA cache_size = -{CACHE_KB}")
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.execute("CREATE TABLE ids (digest BLOB PRIMARY KEY, file INTEGER NOT NULL) WITHOUT ROWID")
        rows = sorted((_raw_digest(i), n) for i, n in self._recent.items())  # (in key order: fewer page splits)
        db.execute("BEGIN")
        cursor = db.executemany("INSERT OR IGNORE INTO ids VALUES (?, ?)", rows)
        db.execute("COMMIT")
        self._stored += cursor.rowcount
        self._recent.clear()
