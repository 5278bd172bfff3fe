"""The manifest: per input file, what the last committed run recorded.

A cache that lets ``sift index`` skip a file whose size and modification
time are unchanged without reading it (see ``indexer.storage.store``). Each row is
``(path, size, mtime_ns, statements, fingerprint, shared)``: ``statements``
counts the file's statements, ``shared`` those of them the index holds from
another file (the same statement in two files is stored once, from the file
read first), so ``sift check`` expects ``statements - shared`` stored from
the file (issue 23). ``errors`` keeps the file's record-level errors (a
malformed line, a duplicate id) as a JSON list of ``[where, reason]``: a
re-run skips the unchanged file unread, and must still report them, as do
``sift stats`` and ``sift check``, until the file changes (issue 20).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

MANIFEST_FILE = "manifest.sqlite"

__all__ = ["MANIFEST_FILE", "Manifest", "stored_errors"]

#: A manifest row: ``(path, size, mtime_ns, statements, fingerprint[, shared[, errors]])``.
Row = Sequence[object]


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
        if "errors" not in columns:
            self.db.execute("ALTER TABLE files ADD COLUMN errors TEXT NOT NULL DEFAULT ''")
        self.db.commit()

    def get(self, path: str) -> tuple[int, int, int, str] | None:
        row = self.db.execute(
            "SELECT size, mtime_ns, statements, fingerprint FROM files WHERE path = ?", (path,)
        ).fetchone()
        return None if row is None else (int(row[0]), int(row[1]), int(row[2]), str(row[3]))

    def put_many(self, rows: Sequence[Row]) -> None:
        """Record files as ``(path, size, mtime_ns, statements, fingerprint[, shared[, errors]])``.

        ``shared`` counts the file's statements the index holds from another
        file (the same statement in two files is stored once, issue 23);
        ``errors`` lists the file's record errors as ``(where, reason)``.
        """
        self.db.executemany(
            "INSERT OR REPLACE INTO files (path, size, mtime_ns, statements, fingerprint, shared, errors)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [_full_row(row) for row in rows],
        )
        self.db.commit()

    def errors_of(self, path: str) -> list[tuple[str, str]]:
        """The record errors of one file (none if it is not recorded)."""
        row = self.db.execute("SELECT errors FROM files WHERE path = ?", (path,)).fetchone()
        return _decode_errors(str(row[0])) if row and row[0] else []

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


def _full_row(row: Row) -> tuple[object, ...]:
    """A row with every column: ``shared`` 0 and no errors unless given."""
    values = list(row) + [0] * (len(row) == 5)
    errors = values[6] if len(values) > 6 else ()
    encoded = json.dumps([list(e) for e in errors], ensure_ascii=False) if errors else ""  # type: ignore[attr-defined]
    return (*values[:6], encoded)


def _decode_errors(text: str) -> list[tuple[str, str]]:
    try:
        items = json.loads(text)
    except ValueError:  # not written by this Sift: nothing to report
        return []
    return [(str(where), str(reason)) for where, reason in items]


def stored_errors(directory: Path) -> dict[str, list[tuple[str, str]]]:
    """The record errors kept in the manifest of the index at ``directory``,
    read without creating or changing anything (``sift stats``, ``sift check``)."""
    path = directory / MANIFEST_FILE
    if not path.exists():
        return {}
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        columns = {str(row[1]) for row in db.execute("PRAGMA table_info(files)")}
        if "errors" not in columns:
            return {}
        rows = db.execute("SELECT path, errors FROM files WHERE errors != '' ORDER BY path")
        return {str(r[0]): _decode_errors(str(r[1])) for r in rows}
    except sqlite3.Error:
        return {}
    finally:
        db.close()


class PendingFiles:
    """The files a run has read since its last commit: recorded in the
    manifest only once their statements are committed, so a crash never
    records a file whose statements are lost."""

    def __init__(self, manifest: Manifest) -> None:
        self.manifest = manifest
        self.rows: list[Row] = []
        self.deleted_from_sources = False

    def add(self, row: Row) -> None:
        self.rows.append(row)

    def deleting_from_sources(self) -> None:
        """Before statements are deleted because their file lost them: files
        whose copies of statements the index holds from another file
        (``shared``) must be read again, in case those copies are among the
        deleted ones."""
        if not self.deleted_from_sources:
            self.deleted_from_sources = True
            self.manifest.forget_shared()

    def record(self) -> None:
        """Record the files after a commit."""
        if not self.rows:
            return
        rows = self.rows
        if self.deleted_from_sources:
            # Their shared statements may be gone with the file that held them.
            rows = [row for row in rows if not (len(row) > 5 and row[5])]
        self.manifest.put_many(rows)
        self.rows = []
