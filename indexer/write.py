"""Incremental, batched indexing of files into a Sift index.

A run walks the inputs, skips files whose size and mtime match the
manifest, reads the others, skips statements whose content hash is already
indexed, extracts and writes the rest, and commits every ``batch_size``
statements, so an interrupted run loses at most one batch and a re-run
resumes from the last commit. Extraction results depend on the gazetteers,
so their fingerprint is part of every content hash: changing a gazetteer
re-extracts everything on the next run.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.writing import IndexWriter

from indexer.codec import SiftCodec
from indexer.errors import IndexError_, IngestError
from indexer.extract import extract
from indexer.formats import ReadOptions, is_supported, iter_records
from indexer.formats.common import content_hash, file_kind
from indexer.gazetteer import Gazetteer
from indexer.model import Statement
from indexer.parallel import SegmentWorkers, commit_with_segments
from indexer.prepare import Job, fit_to_schema, prepare_document
from indexer.schema import ROLE_FIELDS, version_key
from indexer.seen_ids import SeenIds
from indexer.segment import SiftWriter, merge_choice
from indexer.manifest import Manifest
from indexer.store import create_or_open, read_meta, write_lock, write_meta
from indexer.wording import plural

#: Bump when extraction changes its output for the same input.
EXTRACTOR_VERSION = "1"

#: Statements handed to a worker process at a time (amortises pickling).
WORKER_CHUNK = 32

ProgressCallback = Callable[[Path], None]
"""Called once per input file, after it is handled (for progress bars)."""


@dataclass(frozen=True)
class IndexOptions:
    """How to run an index job.

    :param batch_size: statements per commit and process: each commit holds
        up to ``batch_size * procs`` statements, each process writing a segment
        of about ``batch_size`` (so segments, and merges, do not shrink as
        processes are added); a crash loses at most one commit.
    :param limitmb: memory for Whoosh's writer pool (the new statements'
        postings before they are written; split between the processes).
        Besides it, a process holds the word caches (``indexer.words``,
        ``indexer.analysis``: bounded by entries, at most about 25 MB) and,
        while it writes a segment, 12 bytes per term of that segment
        (``codec.CompactTermIndexWriter``).
    :param wait: seconds to wait for another writer to finish.
    :param extract: run extraction (``False`` only to measure its cost).
    :param group_copies: store what groups reposted copies (``indexer.near``;
        ``False`` only to measure its cost).
    :param procs: processes extracting and writing statements in parallel
        (this one plus ``procs - 1`` workers writing segments of their own;
        with workers, segments are merged by a worker in the background).
    """

    read: ReadOptions = field(default_factory=ReadOptions)
    gazetteer_files: tuple[Path, ...] = ()
    prune: bool = False
    batch_size: int = 1000
    limitmb: int = 128
    wait: float = 0.0
    extract: bool = True
    procs: int = 1
    group_copies: bool = True


@dataclass
class IndexReport:
    """What a run did, counted in statements (files for ``skipped``)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: int = 0
    errors: list[IngestError] = field(default_factory=list)
    files: int = 0
    notices: list[str] = field(default_factory=list)

    @property
    def indexed(self) -> int:
        """Statements in the index that came from this run's inputs."""
        return self.added + self.updated + self.unchanged

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.removed} removed, {self.skipped} skipped, {plural(len(self.errors), 'error')} "
            f"({plural(self.files, 'file')})"
        )


def find_files(paths: Iterable[Path], report: IndexReport, exclude: Path | None = None) -> list[Path]:
    """Input files under ``paths``: folders recursively, sorted, hidden ones skipped.

    A file named explicitly with an unsupported type, or a missing path, is an
    error; unsupported files met inside folders are only counted as skipped.
    What is not a regular file (a FIFO, socket or device, which would block
    or never end when read), a broken link and a symlink loop are reported
    with their path and skipped. Links to folders are followed, each folder
    read once.
    """
    found: dict[Path, None] = {}
    walk = _Walk(report, found, exclude)
    for path in paths:
        info = walk.stat(path, named=True)
        if info is None:
            continue
        if stat.S_ISDIR(info.st_mode):
            walk.folder(path, info)
        elif stat.S_ISREG(info.st_mode):
            if is_supported(path):
                found[path.resolve()] = None
            else:
                report.errors.append(IngestError(str(path), f"unsupported file type {path.suffix or '(none)'!r}"))
        else:
            walk.not_regular(path, info)
    return list(found)


class _Walk:
    """One walk over input folders, iterative (a deep tree cannot overflow
    the stack) and in ``os.walk``'s order: a folder's files, then its
    subfolders, each sorted by name."""

    def __init__(self, report: IndexReport, found: dict[Path, None], exclude: Path | None) -> None:
        self.report = report
        self.found = found
        self.exclude = exclude
        self.visited: set[tuple[int, int]] = set()

    def stat(self, path: Path, *, named: bool = False) -> os.stat_result | None:
        """``path``'s status through links, or ``None`` after reporting why not."""
        try:
            return path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                reason = "symlink loop (the link leads back to itself); skipped"
            elif path.is_symlink():
                reason = f"broken symlink (to {os.readlink(path)}); skipped"
            elif named and isinstance(exc, FileNotFoundError):
                reason = "no such file or folder"
            else:
                reason = f"cannot read: {exc.strerror or exc}"
            self.report.errors.append(IngestError(str(path), reason))
            return None

    def not_regular(self, path: Path, info: os.stat_result) -> None:
        self.report.errors.append(IngestError(str(path), f"{file_kind(info.st_mode)}, not a regular file; skipped"))

    def folder(self, top: Path, info: os.stat_result) -> None:
        """Every supported file under ``top``; ``ancestors`` catch links back up the tree."""
        self.visited.add((info.st_dev, info.st_ino))
        stack: list[tuple[Path, dict[tuple[int, int], Path]]] = [(top, {(info.st_dev, info.st_ino): top})]
        while stack:
            folder, ancestors = stack.pop()
            try:
                names = sorted(os.listdir(folder))
            except OSError as exc:
                self.report.errors.append(IngestError(str(folder), f"cannot list the folder: {exc.strerror or exc}"))
                continue
            subfolders: list[tuple[Path, dict[tuple[int, int], Path]]] = []
            for name in names:
                if name.startswith("."):
                    continue
                path = folder / name
                child = self.stat(path)
                if child is None:
                    continue
                if stat.S_ISDIR(child.st_mode):
                    key = (child.st_dev, child.st_ino)
                    if key in ancestors:
                        self.report.errors.append(
                            IngestError(str(path), f"symlink loop (leads back to {ancestors[key]}); skipped")
                        )
                    elif key not in self.visited and path.resolve() != self.exclude:
                        self.visited.add(key)
                        subfolders.append((path, {**ancestors, key: path}))
                elif stat.S_ISREG(child.st_mode):
                    if is_supported(path):
                        self.found[path.resolve()] = None
                    else:
                        self.report.skipped += 1
                else:
                    self.not_regular(path, child)
            stack.extend(reversed(subfolders))


def _fingerprint(gazetteer: Gazetteer) -> str:
    return hashlib.sha256(f"{EXTRACTOR_VERSION}:{gazetteer.fingerprint()}".encode()).hexdigest()[:16]


class _Run:
    """State of one index run: the open writer, the batch, the report."""

    def __init__(self, ix: whoosh_index.Index, directory: Path, options: IndexOptions, gazetteer: Gazetteer) -> None:
        self.ix = ix
        self.directory = directory
        self.options = options
        self.gazetteer = gazetteer
        self.fingerprint = _fingerprint(gazetteer)
        self.report = IndexReport()
        self.manifest = Manifest(directory)
        self.searcher = ix.searcher()
        self.writer: IndexWriter | None = None
        self.pending = 0
        self.pending_files: list[tuple[str, int, int, int, str, int, tuple[tuple[str, str], ...]]] = []
        self.deleted_from_sources = False
        self.seen_ids = SeenIds()
        self.added_by_file: dict[str, int] = {}
        self.queue: list[Job] = []
        self.commit_size = options.batch_size * max(1, options.procs)
        self.workers: SegmentWorkers | None = None
        self.limitmb = options.limitmb
        # An index made before copies were grouped has no field for them.
        self.group_copies = options.group_copies and "near" in ix.schema
        if options.group_copies and not self.group_copies:
            self.report.notices.append(
                "this index was made before Sift grouped reposted copies: its statements are not grouped "
                "(delete the index and index again to group them)")
        if ROLE_FIELDS[0] not in ix.schema:
            self.report.notices.append(
                "this index was made before Sift gave claims roles (by, against, in): by: and claim:( ... ) "
                "find nothing in it (delete the index and index again to search claims by role)")
        if options.procs > 1:
            # Every writer gets its share of the memory setting.
            self.limitmb = max(16, options.limitmb // options.procs)
            self.workers = SegmentWorkers(directory, gazetteer, options.extract, options.procs - 1, self.limitmb,
                                          group_copies=self.group_copies)

    # -- batches -----------------------------------------------------------
    def _writer(self) -> IndexWriter:
        if self.writer is None:
            self.writer = SiftWriter(self.ix, limitmb=self.limitmb, codec=SiftCodec())
        return self.writer

    def _delete(self, statement_id: str) -> None:
        """Delete the committed versions of a statement.

        Looked up with the run's searcher: Whoosh's ``update_document`` and
        ``delete_by_term`` otherwise open a searcher over every segment per
        call. The searcher and the writer were both opened on the last
        commit (the write lock keeps it the last), so their document numbers
        agree; deleting a document twice is harmless.
        """
        self._writer().delete_by_term("id", statement_id, searcher=self.searcher)

    def flush(self) -> None:
        """Write the queued statements, handing chunks to idle workers."""
        jobs, self.queue = self.queue, []
        if not jobs:
            return
        writer = self._writer()
        for job in jobs:
            if job.exists:  # replaced by the new version below (or a worker's)
                self._delete(job.statement.id)
        if self.workers is not None and self.workers.offer(jobs):
            return
        schema = writer.schema  # (``self.ix.schema`` reads the table of contents again per call)
        for job in jobs:
            writer.add_document(**fit_to_schema(
                prepare_document(job, self.gazetteer, self.options.extract, self.group_copies), schema))

    def commit(self, last: bool = False) -> None:
        """Commit the batch, then record its files in the manifest.

        With workers, merges run in the background (``indexer.parallel``):
        a commit lists the merges finished since the last one (the last
        commit of a run waits for the one running), then starts the next.
        """
        self.flush()
        if self.writer is None and last and self.workers is not None and self.workers.unlisted_segments(self.ix.indexname):
            self._writer()  # commit the last merge's result (else its files would be left behind)
        if self.writer is not None:
            try:
                if self.workers is not None:
                    # (Merges first: once the workers are asked for their
                    # segments, only those replies may be read.)
                    merged = self.workers.take_merged(wait=last)
                    self.writer.protected = tuple(self.workers.unlisted_segments(self.ix.indexname))
                    self.workers.request_segments()
                    commit_with_segments(self.writer, self.workers.segments, merged)
                else:
                    self.writer.commit()
            except IndexError_:
                raise
            except Exception as exc:
                raise IndexError_(f"cannot write the index at {self.directory}: {exc}") from exc
            self.writer = None
            # A fresh searcher, not refresh(): refresh keeps the old readers' caches
            # alive, and memory grew with every commit.
            self.searcher.close()
            self.searcher = self.ix.searcher()
            if self.workers is not None and not last:
                self.workers.start_merge(merge_choice(self.ix._segments()))
        if self.pending_files:
            rows = self.pending_files
            if self.deleted_from_sources:
                # Their shared statements may be gone with the file that held them.
                rows = [row for row in rows if not row[5]]
            self.manifest.put_many(rows)
            self.pending_files = []
        self.pending = 0

    def _count_write(self) -> None:
        self.pending += 1
        if self.pending >= self.commit_size:
            self.commit()
        elif self.workers is not None and len(self.queue) >= WORKER_CHUNK:
            self.flush()

    # -- files -------------------------------------------------------------
    def index_file(self, path: Path) -> None:
        key = str(path)
        try:
            stat = path.stat()
        except OSError as exc:
            self.report.errors.append(IngestError(key, f"cannot read: {exc.strerror or exc}"))
            return
        known = self.manifest.get(key)
        if known and known[:2] == (stat.st_size, stat.st_mtime_ns) and known[3] == self.fingerprint:
            self.report.unchanged += known[2]
            # Its errors are reported again until the file changes (issue 20).
            self.report.errors.extend(IngestError(where, reason) for where, reason in self.manifest.errors_of(key))
            return
        # The file's statements in the index, as compact digests (20 bytes each,
        # nothing for a new file): a file is streamed, and what is kept per
        # statement must stay small (issue 20).
        old_ids = SeenIds()
        for statement_id in self._ids_from_source(key):
            old_ids.add(statement_id, key)
        errors = _FileErrors(self.report, key)
        count = shared = 0
        try:
            for record in iter_records(path, self.options.read):
                if isinstance(record, IngestError):
                    errors.add(record)
                    continue
                first = self.seen_ids.source_of(record.id)
                if first is not None:
                    errors.add(IngestError(f"{record.source}{record.record}",
                                           f"duplicate id {record.id!r} (also in {first}); skipped"))
                    continue
                self.seen_ids.add(record.id, key)
                count += 1
                shared += self._index_statement(record, key, known_ids=old_ids)
        except IngestError as exc:
            # Unreadable, or cut short part-way: the statements read so far
            # stand, none of the file's is removed, and the file is not
            # recorded, so the next run reads it again.
            errors.close()
            self.report.errors.append(exc)
            self.added_by_file.pop(key, None)
            if self.pending >= self.commit_size:
                self.commit()
            return
        errors.close()
        if len(old_ids):
            self._remove_gone(key)
        self.pending_files.append(
            (key, stat.st_size, stat.st_mtime_ns, count, self.fingerprint, shared, tuple(errors.listed)))
        self.added_by_file.pop(key, None)
        if self.pending >= self.commit_size:
            self.commit()

    def _remove_gone(self, key: str) -> None:
        """Delete the file's statements in the index that it no longer holds
        (not taken from it in this run), a changed file's removed records."""
        gone = 0
        for statement_id in self._ids_from_source(key):
            if self.seen_ids.source_of(statement_id) == key:
                continue
            if not gone:
                self._deleting_from_sources()
            self._delete(statement_id)
            gone += 1
        if gone:
            # A changed file whose statements got new ids: pair them as updates.
            paired = min(gone, self.added_by_file.get(key, 0))
            self.report.added -= paired
            self.report.updated += paired
            self.report.removed += gone - paired
            self.pending += gone

    def _ids_from_source(self, key: str) -> Iterator[str]:
        reader = self.searcher.reader()
        for docnum in self.searcher.document_numbers(source=key):
            if not reader.is_deleted(docnum):
                yield str(reader.stored_fields(docnum)["id"])

    def _deleting_from_sources(self) -> None:
        """Before statements are deleted because their file lost them: files
        whose copies of statements the index holds from another file
        (``shared`` in the manifest) must be read again, in case those
        copies are among the deleted ones."""
        if not self.deleted_from_sources:
            self.deleted_from_sources = True
            self.manifest.forget_shared()

    def _index_statement(self, statement: Statement, key: str, known_ids: SeenIds) -> int:
        """Queue the statement unless the index holds it already.

        :returns: 1 if the index holds it from another file (the same
            statement in two files is stored once), else 0.
        """
        digest = hashlib.sha256(f"{content_hash(statement)}:{self.fingerprint}".encode()).hexdigest()[:24]
        if _holds_live(self.searcher.reader(), "version_key", version_key(statement.id, digest)):
            self.report.unchanged += 1
            return 0 if known_ids.source_of(statement.id) is not None else 1
        exists = known_ids.source_of(statement.id) is not None or self.searcher.document_number(id=statement.id) is not None
        self.queue.append(Job(statement, key, digest, exists))
        if exists:
            self.report.updated += 1
        else:
            self.report.added += 1
            self.added_by_file[key] = self.added_by_file.get(key, 0) + 1
        self._count_write()
        return 0

    def prune(self) -> None:
        """Delete statements whose source file no longer exists."""
        reader = self.searcher.reader()
        gone_sources = [
            s.decode("utf-8") if isinstance(s, bytes) else str(s)
            for s in reader.lexicon("source")
        ]
        gone_sources = [s for s in gone_sources if not Path(s).exists()]
        if gone_sources:
            self._deleting_from_sources()
        for source in gone_sources:
            for statement_id in self._ids_from_source(source):
                self._delete(statement_id)
                self.report.removed += 1
        if gone_sources:
            self.manifest.remove(gone_sources)

    def close(self) -> None:
        if self.workers is not None:
            if self.writer is not None:
                self.workers.cancel()
            self.workers.close()
        if self.writer is not None:
            self.writer.cancel()
        self.searcher.close()
        self.manifest.close()


#: Record errors of one file listed in a run's report; the others are
#: counted in one last error (a file of a million bad lines must not hold a
#: million errors in memory).
MAX_FILE_ERRORS = 1000


class _FileErrors:
    """The record errors of one file, added to the report up to
    :data:`MAX_FILE_ERRORS`; ``listed`` keeps them for the manifest."""

    def __init__(self, report: IndexReport, key: str) -> None:
        self.report = report
        self.key = key
        self.count = 0
        self.listed: list[tuple[str, str]] = []

    def add(self, error: IngestError) -> None:
        self.count += 1
        if self.count <= MAX_FILE_ERRORS:
            self._list(error)

    def _list(self, error: IngestError) -> None:
        self.report.errors.append(error)
        self.listed.append((error.path, error.reason))

    def close(self) -> None:
        """Report how many errors were not listed."""
        if self.count > MAX_FILE_ERRORS:
            more = self.count - MAX_FILE_ERRORS
            self._list(IngestError(self.key, f"{more:,} more records with errors, not listed"))


def _holds_live(reader: Any, field: str, text: str) -> bool:
    """Whether a live (not deleted) document has the term.

    ``(field, text) in reader`` alone also counts deleted documents: their
    terms stay until a merge drops them, and a statement deleted (``--prune``,
    a changed file) and then read again would be taken as unchanged and never
    stored again.
    """
    btext = text.encode("utf-8")
    for leaf, _offset in reader.leaf_readers():
        if (field, btext) not in leaf:
            continue
        if not leaf.has_deletions():
            return True
        # The unfiltered postings: ``leaf.postings`` builds a set of every
        # deleted document on each call.
        matcher = leaf._terms.matcher(field, btext, leaf.schema[field].format)
        if any(not leaf.is_deleted(docnum) for docnum in matcher.all_ids()):
            return True
    return False


#: Garbage collector thresholds while indexing (Python's default: 700, 10, 10).
INDEXING_GC_THRESHOLDS = (50_000, 20, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run Python's garbage collector less often for the block.

    Indexing allocates millions of short-lived objects that hold no cycles
    (words, tokens, postings); with the default thresholds the collector ran
    about 7,000 times in a 10k-statement run, 23 of them full collections
    over everything alive, 6.6 % of the run's time. With these thresholds it
    takes about 3 %; the few cycles still go, only later.
    """
    before = gc.get_threshold()
    gc.set_threshold(*INDEXING_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def index_paths(
    paths: Sequence[Path],
    directory: Path,
    options: IndexOptions | None = None,
    progress: ProgressCallback | None = None,
    on_files: Callable[[int], None] | None = None,
) -> IndexReport:
    """Index every statement under ``paths`` into the index at ``directory``.

    :param progress: called after each file (the CLI's progress bar).
    :param on_files: called once with the number of files found.
    :raises IndexError_: the index cannot be created, locked or written.
    """
    options = options or IndexOptions()
    gazetteer = Gazetteer.load(options.gazetteer_files)
    directory = directory.resolve()
    # Lock first: two first runs must not both create the index.
    with write_lock(directory, options.wait) as lock, fewer_collections():
        ix = create_or_open(directory, locked=True)
        run = _Run(ix, directory, options, gazetteer)
        if lock.stale_pid is not None:
            run.report.notices.append(f"cleared a write lock left by process {lock.stale_pid}, which is gone")
        if lock.tidied:
            run.report.notices.append(f"removed {plural(len(lock.tidied), 'file')} left by an interrupted run")
        try:
            files = find_files(paths, run.report, exclude=directory)
            run.report.files = len(files)
            if on_files:
                on_files(len(files))
            for path in files:
                run.index_file(path)
                if progress:
                    progress(path)
            if options.prune:
                run.prune()
            run.commit(last=True)
            meta = read_meta(directory)
            meta.update(
                gazetteer_files=[str(p.resolve()) for p in options.gazetteer_files],
                fingerprint=run.fingerprint,
            )
            write_meta(directory, meta)
        finally:
            run.close()
    return run.report


def extract_paths(paths: Sequence[Path], options: IndexOptions | None = None) -> Iterator[Statement | IngestError]:
    """Read and extract statements without indexing, in input order.

    Yields each statement (with ``extraction`` filled) or the error of a file
    or record that could not be read.
    """
    options = options or IndexOptions()
    gazetteer = Gazetteer.load(options.gazetteer_files)
    report = IndexReport()
    files = find_files(paths, report)
    yield from report.errors
    for path in files:
        try:
            for record in iter_records(path, options.read):
                if isinstance(record, Statement):
                    record.extraction = extract(record, gazetteer)
                yield record
        except IngestError as exc:
            yield exc
