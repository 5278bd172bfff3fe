"""Incremental, batched indexing of files into a Sift index.

A run walks the inputs (``indexer.writing.walk``), skips files whose size and mtime
match the manifest, reads the others, skips statements whose version is
already indexed (``indexer.writing.known``), and queues the rest for the write side
(``indexer.writing.batches``), which extracts, writes and commits every
``batch_size`` statements, so an interrupted run loses at most one batch and
a re-run resumes from the last commit. A file is recorded in the manifest
only after its statements are committed (``manifest.PendingFiles``).
Extraction results depend on the gazetteers, so their fingerprint is part of
every version: changing a gazetteer re-extracts everything on the next run.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index

from indexer.writing.batches import Batches
from indexer.errors import IngestError
from indexer.extraction.extract import extract
from indexer.fields import RECORD_FIELDS
from indexer.formats import ReadOptions, iter_records
from indexer.extraction.gazetteer import Gazetteer
from indexer.writing.known import KnownStatements
from indexer.storage.manifest import Manifest, PendingFiles
from indexer.model import Statement
from indexer.writing.prepare import Job
from indexer.writing.report import MAX_FILE_ERRORS, IndexReport, _FileErrors
from indexer.schema import ROLE_FIELDS
from indexer.writing.seen_ids import SeenIds
from indexer.storage.shards import ShardRoute
from indexer.storage.store import create_or_open, read_meta, write_lock, write_meta
from indexer.writing.walk import find_files
from indexer.wording import plural

__all__ = ["EXTRACTOR_VERSION", "MAX_FILE_ERRORS", "IndexOptions", "IndexReport", "IndexRun", "OpenFile",
           "extract_paths", "find_files", "index_paths", "open_run"]

#: Bump when extraction changes its output for the same input: a re-run then
#: extracts unchanged files again. "2": stop 29 (places in US local news, one
#: sense per text, claim roles, per-claim name terms the ranking reads); "3":
#: stop 30 (towns named like common words, countries guessed from names).
EXTRACTOR_VERSION = "3"

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
        Besides it, a process holds the word caches (``indexer.extraction.words``,
        ``indexer.analysis``: bounded by entries, at most about 25 MB) and,
        while it writes or merges a segment, a few bytes per statement of
        that segment (length bytes, column offsets): merges copy posting
        lists a block at a time (``indexer.storage.posting_blocks``) and build the
        terms file's tables through a temporary file (``indexer.storage.term_index``),
        and the run's ids wait on disk (``indexer.writing.seen_ids``), so memory
        does not grow with the collection (issue 20).
    :param wait: seconds to wait for another writer to finish.
    :param extract: run extraction (``False`` only to measure its cost).
    :param group_copies: store what groups reposted copies (``indexer.near``;
        ``False`` only to measure its cost).
    :param procs: processes extracting and writing statements in parallel
        (this one plus ``procs - 1`` workers writing segments of their own;
        with workers, segments are merged by a worker in the background).
    :param start_method: how workers start: ``"fork"`` (the default where
        the platform has it) or ``"spawn"`` (``indexer.writing.parallel``).
    :param route: in one shard of a sharded index, the statements it keeps
        (``indexer.writing.shards``); ``None``: every statement.
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
    start_method: str | None = None
    route: ShardRoute | None = None


def _fingerprint(gazetteer: Gazetteer) -> str:
    return hashlib.sha256(f"{EXTRACTOR_VERSION}:{gazetteer.fingerprint()}".encode()).hexdigest()[:16]


@dataclass
class OpenFile:
    """A file whose records a run is taking: its statements already in the
    index, the errors met and the statements counted so far."""

    key: str
    size: int
    mtime_ns: int
    old_ids: SeenIds
    errors: _FileErrors
    count: int = 0
    shared: int = 0


class IndexRun:
    """One index run: which files and statements to (re)write, and the
    report; writing is ``batches``', recording files ``pending_files'``."""

    def __init__(self, ix: whoosh_index.Index, directory: Path, options: IndexOptions, gazetteer: Gazetteer) -> None:
        self.directory = directory
        self.options = options
        self.fingerprint = _fingerprint(gazetteer)
        self.report = IndexReport()
        self.manifest = Manifest(directory)
        self.pending_files = PendingFiles(self.manifest)
        self.known = KnownStatements(self.fingerprint)
        self.added_by_file: dict[str, int] = {}
        self.pending = 0
        self.commit_size = options.batch_size * max(1, options.procs)
        #: The index held nothing when the run began: every statement it
        #: meets is new (a repeated id is caught by ``known.taken_from``), so
        #: none is looked up (a lookup per statement in every segment: 8 %
        #: of a fresh build's CPU without extraction, 20k UN paragraphs).
        self.fresh = ix.doc_count_all() == 0
        # An index made before copies were grouped has no field for them.
        group_copies = options.group_copies and "near" in ix.schema
        if options.group_copies and not group_copies:
            self.report.notices.append(
                "this index was made before Sift grouped reposted copies: its statements are not grouped "
                "(delete the index and index again to group them)")
        for spec in RECORD_FIELDS:
            if spec.index_field not in ix.schema:
                self.report.notices.append(
                    f"this index was made before Sift indexed {spec.help} ({spec.name}:): {spec.name}: finds "
                    f"nothing in it (delete the index and index again to search it)")
        if ROLE_FIELDS[0] not in ix.schema:
            self.report.notices.append(
                "this index was made before Sift gave claims roles (by, against, in): by: and claim:( ... ) "
                "find nothing in it (delete the index and index again to search claims by role)")
        self.batches = Batches(ix, directory, gazetteer, run_extraction=options.extract, group_copies=group_copies,
                               limitmb=options.limitmb, procs=options.procs,
                               gazetteer_files=options.gazetteer_files, start_method=options.start_method)

    def commit(self, last: bool = False) -> None:
        """Commit the batch, then record its files in the manifest."""
        self.batches.commit(last)
        self.pending_files.record()
        self.pending = 0

    def _count_write(self) -> None:
        self.pending += 1
        if self.pending >= self.commit_size:
            self.commit()

    # -- files -------------------------------------------------------------
    # A file is taken in three steps (``unchanged``, ``begin_file``, then
    # ``take`` per record and ``end_file``) so that records read elsewhere
    # (the driver of a cluster build, ``indexer.writing.cluster``) go
    # through the same steps as those this run reads itself.
    def index_file(self, path: Path) -> None:
        key = str(path)
        try:
            stat = path.stat()
        except OSError as exc:
            self.report.errors.append(IngestError(key, f"cannot read: {exc.strerror or exc}"))
            return
        if self.unchanged(key, stat.st_size, stat.st_mtime_ns):
            return
        opened = self.begin_file(key, stat.st_size, stat.st_mtime_ns)
        # A shard's run builds only its own statements (routing needs the id alone).
        keep = self.options.route.keeps if self.options.route is not None else None
        try:
            for record in iter_records(path, self.options.read, keep=keep):
                self.take(opened, record)
        except IngestError as exc:
            self.end_file(opened, exc)
            return
        self.end_file(opened)

    def unchanged(self, key: str, size: int, mtime_ns: int) -> bool:
        """Whether the file is indexed as it is (then its statements and
        errors are reported, and it is not read)."""
        known = self.manifest.get(key)
        if known and known[:2] == (size, mtime_ns) and known[3] == self.fingerprint:
            self.report.unchanged += known[2]
            # Its errors are reported again until the file changes (issue 20).
            self.report.errors.extend(IngestError(where, reason) for where, reason in self.manifest.errors_of(key))
            return True
        return False

    def begin_file(self, key: str, size: int, mtime_ns: int) -> OpenFile:
        """Start taking a (changed or new) file's records."""
        # The file's statements in the index (nothing for a new file), kept
        # as digests on disk past a few thousand: a file is streamed, and
        # what is kept per statement must not grow with it (issue 20).
        old_ids = SeenIds()
        if not self.fresh:
            for statement_id in self._ids_from_source(key):
                old_ids.add(statement_id, key)
        return OpenFile(key, size, mtime_ns, old_ids, _FileErrors(self.report, key))

    def take(self, opened: OpenFile, record: Statement | IngestError) -> None:
        """One record of the file: queued, skipped (another shard's, a
        duplicate id) or its reading error noted."""
        if isinstance(record, IngestError):
            opened.errors.add(record)
            return
        if self.options.route is not None and not self.options.route.keeps(record.id):
            return  # another shard's
        first = self.known.taken_from(record.id)
        if first is not None:
            opened.errors.add(IngestError(f"{record.source}{record.record}",
                                          f"duplicate id {record.id!r} (also in {first}); skipped"))
            return
        self.known.take(record.id, opened.key)
        opened.count += 1
        opened.shared += self._index_statement(record, opened.key, known_ids=opened.old_ids)

    def end_file(self, opened: OpenFile, failure: IngestError | None = None) -> None:
        """The file is read through (recorded once committed), or cut short by ``failure``."""
        key = opened.key
        opened.errors.close()
        if failure is not None:
            # Unreadable, or cut short part-way: the statements read so far
            # stand, none of the file's is removed, and the file is not
            # recorded, so the next run reads it again.
            self.report.errors.append(failure)
            self.added_by_file.pop(key, None)
            if self.pending >= self.commit_size:
                self.commit()
            return
        if len(opened.old_ids):
            self._remove_gone(key)
        self.pending_files.add((key, opened.size, opened.mtime_ns, opened.count, self.fingerprint, opened.shared,
                                tuple(opened.errors.listed)))
        self.added_by_file.pop(key, None)
        if self.pending >= self.commit_size:
            self.commit()

    def _remove_gone(self, key: str) -> None:
        """Delete the file's statements in the index that it no longer holds
        (not taken from it in this run), a changed file's removed records."""
        gone = 0
        for statement_id in self._ids_from_source(key):
            if self.known.taken_from(statement_id) == key:
                continue
            if not gone:
                self.pending_files.deleting_from_sources()
            self.batches.delete(statement_id)
            gone += 1
        if gone:
            # A changed file whose statements got new ids: pair them as updates.
            paired = min(gone, self.added_by_file.get(key, 0))
            self.report.added -= paired
            self.report.updated += paired
            self.report.removed += gone - paired
            self.pending += gone

    def _ids_from_source(self, key: str) -> Iterator[str]:
        searcher = self.batches.searcher
        reader = searcher.reader()
        for docnum in searcher.document_numbers(source=key):
            if not reader.is_deleted(docnum):
                yield str(reader.stored_fields(docnum)["id"])

    def _index_statement(self, statement: Statement, key: str, known_ids: SeenIds) -> int:
        """Queue the statement unless the index holds it already.

        :returns: 1 if the index holds it from another file (the same
            statement in two files is stored once), else 0.
        """
        digest = self.known.digest(statement)
        in_file = known_ids.source_of(statement.id) is not None
        # One lookup for a new statement (none in a fresh index): a stored
        # version implies its id is indexed.
        exists = in_file or (not self.fresh and self.known.indexed(self.batches.searcher, statement.id))
        if exists and self.known.stored(self.batches.searcher, statement.id, digest):
            self.report.unchanged += 1
            return 0 if in_file else 1
        self.batches.add(Job(statement, key, digest, exists))
        if exists:
            self.report.updated += 1
        else:
            self.report.added += 1
            self.added_by_file[key] = self.added_by_file.get(key, 0) + 1
        self._count_write()
        return 0

    def prune(self) -> None:
        """Delete statements whose source file no longer exists."""
        reader = self.batches.searcher.reader()
        gone_sources = [
            s.decode("utf-8") if isinstance(s, bytes) else str(s)
            for s in reader.lexicon("source")
        ]
        gone_sources = [s for s in gone_sources if not Path(s).exists()]
        if gone_sources:
            self.pending_files.deleting_from_sources()
        for source in gone_sources:
            for statement_id in self._ids_from_source(source):
                self.batches.delete(statement_id)
                self.report.removed += 1
        if gone_sources:
            self.manifest.remove(gone_sources)

    def finish(self) -> None:
        """Prune if asked, commit the last batch and record the gazetteers used."""
        if self.options.prune:
            self.prune()
        self.commit(last=True)
        meta = read_meta(self.directory)
        meta.update(
            gazetteer_files=[str(p.resolve()) for p in self.options.gazetteer_files],
            fingerprint=self.fingerprint,
        )
        write_meta(self.directory, meta)

    def close(self) -> None:
        self.batches.close()
        self.manifest.close()
        self.known.close()


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


@contextmanager
def open_run(directory: Path, options: IndexOptions, gazetteer: Gazetteer) -> Iterator[IndexRun]:
    """A run on the index at ``directory`` (created if new), holding its
    write lock; what it has not committed is dropped when the block ends.

    :raises IndexError_: the index cannot be created, locked or opened.
    """
    # Lock first: two first runs must not both create the index.
    with write_lock(directory, options.wait) as lock, fewer_collections():
        ix = create_or_open(directory, locked=True)
        run = IndexRun(ix, directory, options, gazetteer)
        if lock.stale_pid is not None:
            run.report.notices.append(f"cleared a write lock left by process {lock.stale_pid}, which is gone")
        if lock.tidied:
            run.report.notices.append(f"removed {plural(len(lock.tidied), 'file')} left by an interrupted run")
        try:
            yield run
        finally:
            run.close()


def index_paths(
    paths: Sequence[Path],
    directory: Path,
    options: IndexOptions | None = None,
    progress: ProgressCallback | None = None,
    on_files: Callable[[int], None] | None = None,
    gazetteer: Gazetteer | None = None,
) -> IndexReport:
    """Index every statement under ``paths`` into the index at ``directory``.

    :param progress: called after each file (the CLI's progress bar).
    :param on_files: called once with the number of files found.
    :param gazetteer: the gazetteer of ``options.gazetteer_files``, already
        loaded (a forked process's, inherited); ``None``: loaded here.
    :raises IndexError_: the index cannot be created, locked or written.
    """
    options = options or IndexOptions()
    if gazetteer is None:
        with fewer_collections():  # (loading allocates a few hundred thousand lasting objects)
            gazetteer = Gazetteer.load(options.gazetteer_files)
    directory = directory.resolve()
    with open_run(directory, options, gazetteer) as run:
        # A shard's run must not read its sibling shards either.
        exclude = options.route.root.resolve() if options.route else directory
        files = find_files(paths, run.report, exclude=exclude)
        run.report.files = len(files)
        if on_files:
            on_files(len(files))
        for path in files:
            run.index_file(path)
            if progress:
                progress(path)
        run.finish()
    return run.report


def extract_paths(paths: Sequence[Path], options: IndexOptions | None = None) -> Iterator[Statement | IngestError]:
    """Read and extract statements without indexing, in input order.

    Yields each statement (with ``extraction`` filled) or the error of a file
    or record that could not be read.
    """
    options = options or IndexOptions()
    with fewer_collections():
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
