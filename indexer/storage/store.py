"""The index directory: the Whoosh index, Sift's metadata, manifest and lock.

Layout of an index directory::

    _MAIN_*.toc, *.seg ...   the Whoosh index (statements)
    sift.json                schema version, gazetteer files and fingerprint
    manifest.sqlite          per input file: size, mtime, statement count
    sift.lock                held (flock) by the process writing the index

Crash safety (issue 6). Whoosh has no write-ahead log, but it never changes
a committed file: a commit writes new segment files, then a new table of
contents (``_MAIN_<gen>.toc``, written to a temporary name and renamed),
then deletes what the new TOC no longer references. A writer killed at any
moment therefore leaves the last committed TOC intact plus debris: segment
files of the batch in progress, a ``MAIN.tmp`` pool folder, a temporary
TOC. :func:`tidy_index` removes that debris whenever the write lock is
taken, and falls back to the previous TOC when the newest one cannot be
read (then the manifest is reset, because it may be ahead of the index).
The manifest is only a cache that lets an unchanged file be skipped without
reading it; the index itself decides what is unchanged (by content hash), so
a manifest that lags behind the index after a crash costs time, not
correctness.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage, RamStorage

from indexer.errors import IndexError_, IndexLockedError
from indexer.storage.manifest import MANIFEST_FILE as MANIFEST_FILE
from indexer.storage.manifest import Manifest as Manifest
from indexer.schema import SCHEMA_VERSION, build_schema
from indexer.storage.layout import (
    INDEX_NAME as INDEX_NAME,
    LOCK_FILE as LOCK_FILE,
    MERGE_TEMP_PREFIX as MERGE_TEMP_PREFIX,
    META_FILE as META_FILE,
    SEGMENT_RE as SEGMENT_RE,
    TOC_RE as TOC_RE,
    TOC_TEMP_RE as TOC_TEMP_RE,
    WHOOSH_LOCK_FILE as WHOOSH_LOCK_FILE,
    WHOOSH_TEMP_DIR as WHOOSH_TEMP_DIR,
    index_exists as index_exists,
    read_meta as read_meta,
    retry_missing as retry_missing,
    toc_generations,
)
from indexer.storage.reader import open_index as open_index  # (read-only opening: indexer.storage.reader)
from indexer.storage.reader import open_searcher as open_searcher
from indexer.storage.segment import SegmentStorage

#: Files of ours that belong in an index directory (sqlite may add journals).
OWN_FILES = frozenset({META_FILE, MANIFEST_FILE, LOCK_FILE, WHOOSH_LOCK_FILE})
OWN_TEMP_FILES = frozenset({f"{META_FILE}.tmp"})


def _storage(directory: Path, *, mmap: bool) -> FileStorage:
    """The Whoosh storage of ``directory``.

    :param mmap: read segments through ``mmap`` (Whoosh's default), else
        with ``pread`` (:class:`~indexer.storage.segment.SegmentStorage`). Whoosh's
        ``mmap`` path copies each segment's terms and postings files whole
        into memory when a reader opens them: fine for a searcher that is
        opened once, not for the writing process, which opens one after
        every commit.
    """
    return FileStorage(str(directory)) if mmap else SegmentStorage(str(directory))


def _open_dir(directory: Path, *, mmap: bool = True) -> whoosh_index.Index:
    """``whoosh.index.open_dir``, retried (see :func:`retry_missing`)."""
    return retry_missing(
        lambda: whoosh_index.FileIndex(_storage(directory, mmap=mmap), indexname=INDEX_NAME)
    )


def write_meta(directory: Path, meta: dict[str, Any]) -> None:
    """Replace the metadata atomically (write, then rename)."""
    tmp = directory / f"{META_FILE}.tmp"
    tmp.write_text(json.dumps(meta, indent=2, sort_keys=True), "utf-8")
    os.replace(tmp, directory / META_FILE)


def _open_for_write(directory: Path, locked: bool) -> whoosh_index.Index:
    """Open an existing index; if its newest TOC is unusable, repair first.

    The repair (:func:`tidy_index`) needs the write lock; if another process
    holds it, that process is writing and the index is fine to it. A caller
    that holds the lock (``locked``) has had the repair done already.
    """
    try:
        return _open_dir(directory, mmap=False)
    except Exception as first:  # Whoosh raises many unrelated types here
        if locked:
            raise IndexError_(
                f"the index at {directory} is damaged ({first}) and cannot be repaired; "
                f"delete {directory} and index again"
            ) from first
        with write_lock(directory, tidy=True) as lock:
            if not lock.tidied:
                raise IndexError_(
                    f"the index at {directory} is damaged ({first}) and cannot be repaired; "
                    f"delete {directory} and index again"
                ) from first
        try:
            return _open_dir(directory, mmap=False)
        except Exception as exc:
            raise IndexError_(
                f"the index at {directory} is damaged ({exc}); delete {directory} and index again"
            ) from exc


def create_or_open(directory: Path, *, locked: bool = False) -> whoosh_index.Index:
    """Open the index for writing, creating it (and the directory) if needed.

    :param locked: the caller holds the write lock (see :func:`write_lock`).

    The index reads its segments without mmap (see :func:`_storage`): the
    writing process opens a searcher over the whole index after every
    commit, and with mmap its peak memory grew by about 30 MB per 1,000
    statements in the index.

    A new index gets its ``sift.json`` *before* its first TOC: a process
    killed in between leaves a directory that is still recognised as Sift's
    (the other order left a Whoosh index "that is not Sift's" for good).
    """
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexError_(f"cannot create the index directory {directory}: {exc}") from exc
    meta = read_meta(directory)
    has_toc = bool(toc_generations(directory))
    if has_toc and meta.get("schema_version") == SCHEMA_VERSION:
        return _open_for_write(directory, locked)
    if has_toc and meta:
        raise IndexError_(
            f"the index at {directory} was built by another version of Sift "
            f"(schema {meta.get('schema_version')}, this is {SCHEMA_VERSION}); "
            "delete the directory and index again"
        )
    if has_toc:
        raise IndexError_(f"{directory} holds a Whoosh index that is not Sift's")
    write_meta(directory, {"schema_version": SCHEMA_VERSION})
    return whoosh_index.FileIndex.create(_storage(directory, mmap=False), build_schema(), INDEX_NAME)


@dataclass
class TocState:
    """One table of contents: its generation, segments and whether it is usable.

    :param problem: why it cannot be used (unreadable, a segment file missing).
    """

    generation: int
    segment_ids: list[str] = field(default_factory=list)
    doc_count: int = 0
    problem: str | None = None


@dataclass
class FileSurvey:
    """What the files of an index directory are (see :func:`survey_files`).

    :param current: the TOC in use: the newest usable one, else the newest.
    :param skipped: newer TOCs that cannot be used (read past by a fallback).
    :param leftovers: debris of an interrupted write, safe to delete when
        no writer is running.
    :param unknown: files that are not part of a Sift index.
    """

    current: TocState | None
    skipped: list[TocState] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def read_toc(directory: Path, generation: int) -> whoosh_index.TOC:
    """Read one TOC from a copy in memory: Whoosh's reader leaks its file
    handle when the TOC is truncated."""
    name = f"_{INDEX_NAME}_{generation}.toc"
    storage = RamStorage()
    with storage.create_file(name) as out:
        out.write((directory / name).read_bytes())
    return whoosh_index.TOC.read(storage, INDEX_NAME, gen=generation)


def _read_toc(directory: Path, generation: int) -> TocState:
    """Read one TOC and check that the files of its segments exist."""
    state = TocState(generation)
    try:
        toc = read_toc(directory, generation)
    except Exception as exc:  # a truncated TOC fails in struct, pickle, EOF...
        state.problem = f"_{INDEX_NAME}_{generation}.toc is unreadable ({type(exc).__name__}: {exc})"
        return state
    names = set(os.listdir(directory))
    for segment in toc.segments:
        segment_id = str(segment.segment_id())
        state.segment_ids.append(segment_id)
        state.doc_count += int(segment.doc_count())
        if segment.is_compound():
            needed = f"{segment_id}{segment.COMPOUND_EXT}"
            if needed not in names:
                state.problem = f"segment file {needed} (listed in _{INDEX_NAME}_{generation}.toc) is missing"
        elif not any(n.startswith(f"{segment_id}.") for n in names):
            state.problem = f"the files of segment {segment_id} (listed in _{INDEX_NAME}_{generation}.toc) are missing"
    return state


def survey_files(directory: Path) -> FileSurvey:
    """Classify the files of an index directory without changing anything.

    The TOC in use is the newest one that reads and whose segment files
    exist; files neither it nor Sift use are leftovers. Without a usable TOC
    nothing is called a leftover: the unreferenced segments might be all
    that is left of the data.
    """
    states = [_read_toc(directory, gen) for gen in toc_generations(directory)]
    usable = [s for s in states if s.problem is None]
    current = usable[0] if usable else (states[0] if states else None)
    survey = FileSurvey(current, skipped=[s for s in states if current and s.generation > current.generation])
    referenced = set(current.segment_ids) if current else set()
    for name in sorted(os.listdir(directory)):
        toc = TOC_RE.match(name)
        segment = SEGMENT_RE.match(name)
        if name in OWN_FILES or name.startswith(f"{MANIFEST_FILE}-"):  # sqlite's journal: keep
            continue
        if toc:
            if current is not None and current.problem is None and int(toc.group(1)) < current.generation:
                survey.leftovers.append(name)  # superseded, not yet cleaned by Whoosh
        elif segment:
            if current is not None and current.problem is None and segment.group(1) not in referenced:
                survey.leftovers.append(name)
        elif TOC_TEMP_RE.match(name) or name == WHOOSH_TEMP_DIR or name.startswith(MERGE_TEMP_PREFIX) \
                or name in OWN_TEMP_FILES:
            survey.leftovers.append(name)
        else:
            survey.unknown.append(name)
    return survey


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def tidy_index(directory: Path) -> list[str]:
    """Remove debris of interrupted writes; fall back past unusable TOCs.

    Call it only while holding the write lock (:func:`write_lock` does):
    a running writer's files look exactly like debris. It also holds
    Whoosh's own lock, so a writer that bypasses Sift's lock is respected.

    :returns: what was done, one line per change (empty: nothing to do).
    """
    whoosh_lock = open(directory / WHOOSH_LOCK_FILE, "a")  # noqa: SIM115 - held below
    try:
        try:
            fcntl.flock(whoosh_lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return []  # a Whoosh writer is active in spite of Sift's lock
        survey = survey_files(directory)
        done: list[str] = []
        if survey.current is None or survey.current.problem is not None:
            # No usable commit: keep everything that might be data.
            for name in survey.leftovers:
                _remove(directory / name)
                done.append(f"removed {name}")
            return done
        for state in survey.skipped:
            name = f"_{INDEX_NAME}_{state.generation}.toc"
            (directory / name).unlink(missing_ok=True)
            done.append(f"fell back from {name} to generation {survey.current.generation}: {state.problem}")
        if survey.skipped:
            # The manifest may describe commits that are gone now: forget it.
            manifest = Manifest(directory)
            try:
                manifest.clear()
            finally:
                manifest.close()
            done.append("reset the manifest (every file is read again on the next run)")
        for name in survey.leftovers:
            _remove(directory / name)
            done.append(f"removed {name}")
        return done
    finally:
        whoosh_lock.close()  # releases the flock


@dataclass
class WriteLock:
    """Sift's write lock: an flock the OS releases if the holder dies.

    :param stale_pid: the pid a killed writer left in the lock file.
    :param tidied: what :func:`tidy_index` did on taking the lock.
    """

    handle: IO[str]
    path: Path
    stale_pid: int | None = None
    tidied: list[str] = field(default_factory=list)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def write_lock(directory: Path, wait: float = 0.0, *, tidy: bool = True) -> Iterator[WriteLock]:
    """Hold the index's write lock, waiting up to ``wait`` seconds for it.

    A lock file left by a killed process is recognised (its flock is gone
    and its pid is dead) and taken over; ``stale_pid`` tells the caller.
    With ``tidy``, debris of interrupted writes is removed first
    (:func:`tidy_index`), which is safe only now that no one else writes.

    :raises IndexLockedError: another live process is writing.
    """
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexError_(f"cannot create the index directory {directory}: {exc}") from exc
    path = directory / LOCK_FILE
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the block
    deadline = time.monotonic() + wait
    holder: int | None = None
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                seen = handle.read().strip()
                holder = int(seen) if seen.isdigit() else holder  # the pid may be written (or cleared) meanwhile
                if time.monotonic() >= deadline:
                    raise IndexLockedError(
                        f"the index at {directory} is being written by {writer_name(holder)}; "
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
        tidied = tidy_index(directory) if tidy else []
        yield WriteLock(handle, path, stale, tidied)
    finally:
        try:
            handle.seek(0)
            handle.truncate()
        except (OSError, ValueError):
            pass
        handle.close()


def writer_name(pid: int | None) -> str:
    """The writer as a message names it: ``process 1234``, or ``another
    process`` when its pid is not (yet) in the lock file.

    >>> writer_name(1234), writer_name(None), writer_name(-1)
    ('process 1234', 'another process', 'another process')
    """
    return f"process {pid}" if pid is not None and pid > 0 else "another process"


def lock_holder(directory: Path) -> int | None:
    """The pid writing the index now, or ``None`` when no one is.

    Probes the flock without taking over the lock file's contents.
    """
    try:
        handle = open(directory / LOCK_FILE, encoding="utf-8")  # noqa: SIM115
    except FileNotFoundError:
        return None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            text = handle.read().strip()
            return int(text) if text.isdigit() else -1
        fcntl.flock(handle, fcntl.LOCK_UN)
        return None
