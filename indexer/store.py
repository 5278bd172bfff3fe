"""The index directory: the Whoosh index, Sift's metadata, manifest and lock.

Layout of an index directory::

    _MAIN_*.toc, *.seg ...   the Whoosh index (statements)
    sift.json                schema version, gazetteer files and fingerprint
    manifest.sqlite          per input file: size, mtime, statement count
    sift.lock                held (flock) by the process writing the index

The manifest is only a cache that lets an unchanged file be skipped without
reading it; the index itself decides what is unchanged (by content hash), so
a manifest that lags behind the index after a crash costs time, not
correctness.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from whoosh import index as whoosh_index

from indexer.errors import IndexError_, IndexLockedError, IndexNotFoundError
from indexer.schema import SCHEMA_VERSION, build_schema

META_FILE = "sift.json"
MANIFEST_FILE = "manifest.sqlite"
LOCK_FILE = "sift.lock"


def index_exists(directory: Path) -> bool:
    """Whether ``directory`` holds a Sift index."""
    return (directory / META_FILE).exists() and whoosh_index.exists_in(str(directory))


def open_index(directory: Path) -> whoosh_index.Index:
    """Open an existing index for reading.

    :raises IndexNotFoundError: no index there.
    """
    if not index_exists(directory):
        raise IndexNotFoundError(
            f"no Sift index at {directory}; create one with `sift index PATH --index {directory}`"
        )
    try:
        return whoosh_index.open_dir(str(directory))
    except Exception as exc:  # Whoosh raises many unrelated types here
        raise IndexError_(f"cannot open the index at {directory}: {exc}") from exc


def read_meta(directory: Path) -> dict[str, Any]:
    """Sift's metadata of the index (empty for a new directory)."""
    try:
        return dict(json.loads((directory / META_FILE).read_text("utf-8")))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise IndexError_(f"unreadable {META_FILE} in {directory}: {exc}") from exc


def write_meta(directory: Path, meta: dict[str, Any]) -> None:
    """Replace the metadata atomically (write, then rename)."""
    tmp = directory / f"{META_FILE}.tmp"
    tmp.write_text(json.dumps(meta, indent=2, sort_keys=True), "utf-8")
    os.replace(tmp, directory / META_FILE)


def create_or_open(directory: Path) -> whoosh_index.Index:
    """Open the index for writing, creating it (and the directory) if needed."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexError_(f"cannot create the index directory {directory}: {exc}") from exc
    meta = read_meta(directory)
    if whoosh_index.exists_in(str(directory)) and meta.get("schema_version") == SCHEMA_VERSION:
        return whoosh_index.open_dir(str(directory))
    if whoosh_index.exists_in(str(directory)) and meta:
        raise IndexError_(
            f"the index at {directory} was built by another version of Sift "
            f"(schema {meta.get('schema_version')}, this is {SCHEMA_VERSION}); "
            "delete the directory and index again"
        )
    if any(directory.iterdir()) and not meta and whoosh_index.exists_in(str(directory)):
        raise IndexError_(f"{directory} holds a Whoosh index that is not Sift's")
    ix = whoosh_index.create_in(str(directory), build_schema())
    write_meta(directory, {"schema_version": SCHEMA_VERSION})
    return ix


@dataclass
class WriteLock:
    """Sift's write lock: an flock the OS releases if the holder dies."""

    handle: IO[str]
    path: Path
    stale_pid: int | None = None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def write_lock(directory: Path, wait: float = 0.0) -> Iterator[WriteLock]:
    """Hold the index's write lock, waiting up to ``wait`` seconds for it.

    A lock file left by a killed process is recognised (its flock is gone
    and its pid is dead) and taken over; ``stale_pid`` tells the caller.

    :raises IndexLockedError: another live process is writing.
    """
    path = directory / LOCK_FILE
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the block
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise IndexLockedError(
                        f"the index at {directory} is being written by process {holder}; "
                        "wait for it to finish (or pass --wait SECONDS)"
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        previous = handle.read().strip()
        stale = int(previous) if previous.isdigit() and int(previous) != os.getpid() else None
        if stale is not None and _pid_alive(stale):
            stale = None  # a recycled pid or a reader; nothing to report
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield WriteLock(handle, path, stale)
    finally:
        try:
            handle.seek(0)
            handle.truncate()
        except (OSError, ValueError):
            pass
        handle.close()


class Manifest:
    """Per-file bookkeeping of the last committed run (a cache, see module doc)."""

    def __init__(self, directory: Path) -> None:
        self.db = sqlite3.connect(directory / MANIFEST_FILE)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS files ("
            " path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
            " statements INTEGER, fingerprint TEXT)"
        )
        self.db.commit()

    def get(self, path: str) -> tuple[int, int, int, str] | None:
        row = self.db.execute(
            "SELECT size, mtime_ns, statements, fingerprint FROM files WHERE path = ?", (path,)
        ).fetchone()
        return None if row is None else (int(row[0]), int(row[1]), int(row[2]), str(row[3]))

    def put_many(self, rows: list[tuple[str, int, int, int, str]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", rows)
        self.db.commit()

    def remove(self, paths: list[str]) -> None:
        self.db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])
        self.db.commit()

    def paths(self) -> list[str]:
        return [str(r[0]) for r in self.db.execute("SELECT path FROM files")]

    def close(self) -> None:
        self.db.close()
