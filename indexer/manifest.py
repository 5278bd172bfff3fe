"""The manifest: per input file, what the last committed run recorded.

A cache that lets ``sift index`` skip a file whose size and modification
time are unchanged without reading it (see ``indexer.store``). Each row is
``(path, size, mtime_ns, statements, fingerprint, shared)``: ``statements``
counts the file's statements, ``shared`` those of them the index holds from
another file (the same statement in two files is stored once, from the file
read first), so ``sift check`` expects ``statements - shared`` stored from
the file (issue 23).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

MANIFEST_FILE = "manifest.sqlite"

__all__ = ["MANIFEST_FILE", "Manifest"]


class Manifest:
    """Per-file bookkeeping of the last committed run (a cache, see module doc)."""

    def __init__(self, directory: Path) -> None:
        self.db = sqlite3.connect(directory / MANIFEST_FILE)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS files ("
            " path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
            " statements INTEGER, fingerprint TEXT, shared INTEGER NOT NULL DEFAULT 0)"
        )
        columns = {str(row[1]) for row in self.db.execute("PRAGMA table_info(files)")}
        if "shared" not in columns:  # a manifest of an earlier Sift
            self.db.execute("ALTER TABLE files ADD COLUMN shared INTEGER NOT NULL DEFAULT 0")
        self.db.commit()

    def get(self, path: str) -> tuple[int, int, int, str] | None:
        row = self.db.execute(
            "SELECT size, mtime_ns, statements, fingerprint FROM files WHERE path = ?", (path,)
        ).fetchone()
        return None if row is None else (int(row[0]), int(row[1]), int(row[2]), str(row[3]))

    def put_many(self, rows: list[tuple[str, int, int, int, str]] | list[tuple[str, int, int, int, str, int]]) -> None:
        """Record files as ``(path, size, mtime_ns, statements, fingerprint[, shared])``.

        ``shared`` counts the file's statements the index holds from another
        file (the same statement in two files is stored once, issue 23).
        """
        self.db.executemany(
            "INSERT OR REPLACE INTO files (path, size, mtime_ns, statements, fingerprint, shared)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(*row, 0) if len(row) == 5 else row for row in rows],
        )
        self.db.commit()

    def remove(self, paths: list[str]) -> None:
        self.db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])
        self.db.commit()

    def all(self) -> dict[str, tuple[int, int, int, str]]:
        """Every file's ``(size, mtime_ns, statements, fingerprint)``."""
        rows = self.db.execute("SELECT path, size, mtime_ns, statements, fingerprint FROM files")
        return {str(r[0]): (int(r[1]), int(r[2]), int(r[3]), str(r[4])) for r in rows}

    def shared(self) -> dict[str, int]:
        """Per file with any, how many of its statements are held from another file."""
        rows = self.db.execute("SELECT path, shared FROM files WHERE shared > 0")
        return {str(r[0]): int(r[1]) for r in rows}

    def forget_shared(self) -> None:
        """Forget the files that share statements with another file, so the
        next run reads them again: statements just deleted from the file that
        held them are then stored again from these."""
        self.db.execute("DELETE FROM files WHERE shared > 0")
        self.db.commit()

    def clear(self) -> None:
        """Forget every file, so the next run reads them all again."""
        self.db.execute("DELETE FROM files")
        self.db.commit()

    def paths(self) -> list[str]:
        return [str(r[0]) for r in self.db.execute("SELECT path FROM files")]

    def close(self) -> None:
        self.db.close()
