"""Verifying an index: is every statement readable, do the counts agree?

Users run it as ``sift check`` after a crash, a full disk or a copy between
machines (issue 6). It reads every stored statement, compares the counts the
index keeps about itself with what it holds (documents, unique ids, the
manifest's per-file counts) and lists files that do not belong. Problems
come in two kinds, and the advice says which:

- *repairable*: debris of an interrupted write, a manifest that promises
  statements the index lacks, a newest TOC that cannot be read while an
  older one can. ``check_index(..., repair=True)`` (``sift check --repair``)
  or the next ``sift index`` run fixes them.
- *damage*: a statement that cannot be read, a missing segment, duplicate
  ids. Only rebuilding helps: delete the directory and index again.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import warnings
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader
from whoosh.util.times import datetime_to_long

from indexer.storage.columns import column_problem
from indexer.errors import IndexNotFoundError
from indexer.storage.manifest import Manifest, stored_errors
from indexer.wording import plural
from indexer.schema import SCHEMA_VERSION, from_stored, version_key
from indexer.storage.store import (
    INDEX_NAME,
    META_FILE,
    lock_holder,
    read_meta,
    read_toc,
    survey_files,
    write_lock,
    writer_name,
)

#: Stored fields every statement has (see ``schema.to_document``).
REQUIRED_FIELDS = ("id", "source", "content_hash", "body", "record")
#: Stop listing per-document problems after this many (the count goes on).
MAX_LISTED = 20
#: The ``date`` column's value for an undated statement (its default).
NO_DATE = 2**64 - 1


@dataclass
class CheckReport:
    """The result of :func:`check_index`.

    :param healthy: no problem of either kind.
    :param problems: what is wrong, one line each, naming files and ids.
    :param repairable: every problem is fixed by ``--repair``/re-indexing.
    :param advice: what the user should do next (empty when healthy).
    :param statements: live statements stored in the index.
    :param notes: facts that are not problems (e.g. a writer is running).
    :param repaired: what ``repair=True`` changed before checking.
    """

    directory: str
    healthy: bool = True
    problems: list[str] = field(default_factory=list)
    repairable: bool = True
    advice: str = ""
    statements: int = 0
    unique_ids: int = 0
    doc_count: int = 0
    segments: int = 0
    generation: int | None = None
    manifest_files: int = 0
    leftovers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    #: record errors of input files unchanged since the run that read them
    #: (``path:line: reason``): not damage, but the user must know (issue 20)
    input_errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (``sift check --format json``)."""
        return asdict(self)


class _Checker:
    """Collects problems while walking one index directory."""

    def __init__(self, directory: Path, *, own_lock: bool) -> None:
        self.directory = directory
        self.own_lock = own_lock
        self.report = CheckReport(directory=str(directory))
        self.damage = False
        self.sources: Counter[str] = Counter()
        self.ids: Counter[str] = Counter()
        self.bad_docs = 0
        self.date_column: Any = None

    def problem(self, text: str, *, damage: bool) -> None:
        self.report.problems.append(text)
        self.damage = self.damage or damage

    def doc_problem(self, text: str) -> None:
        self.bad_docs += 1
        if self.bad_docs <= MAX_LISTED:
            self.problem(text, damage=True)

    # -- steps ---------------------------------------------------------------
    def meta(self) -> None:
        try:
            meta = read_meta(self.directory)
        except Exception as exc:  # IndexError_ with the reason
            self.problem(str(exc), damage=True)
            return
        if meta.get("schema_version") != SCHEMA_VERSION:
            self.problem(
                f"{META_FILE} says schema {meta.get('schema_version')}, this Sift reads {SCHEMA_VERSION}",
                damage=True,
            )

    def files(self) -> tuple[int, list[Any], Any] | None:
        """Classify the files; returns the TOC to read (gen, segments, schema)."""
        survey = survey_files(self.directory)
        writer = None if self.own_lock else lock_holder(self.directory)
        if writer is not None:
            self.report.notes.append(
                f"the index is being written by {writer_name(writer)}: its files in progress are not checked, "
                "and counts may change while checking"
            )
        elif survey.leftovers:
            self.report.leftovers = survey.leftovers
            self.problem(
                f"{plural(len(survey.leftovers), 'file')} left by an interrupted write: {', '.join(survey.leftovers[:8])}"
                + (" ..." if len(survey.leftovers) > 8 else ""),
                damage=False,
            )
        for name in survey.unknown:
            self.report.notes.append(f"{name} is not part of a Sift index")
        current = survey.current
        if current is None:
            if self._manifest_is_empty():
                # The first run was killed before it wrote its first TOC.
                self.problem(
                    f"nothing has been committed to {self.directory} yet (the first `sift index` run "
                    "stopped before its first commit); run `sift index` again",
                    damage=False,
                )
            else:
                self.problem(f"no table of contents (_{INDEX_NAME}_N.toc) in {self.directory}", damage=True)
            return None
        for state in survey.skipped:
            self.problem(
                f"{state.problem}; generation {current.generation} is usable "
                f"(--repair falls back to it, then re-run `sift index` to re-add the rest)",
                damage=False,
            )
        self.report.generation = current.generation
        if current.problem is not None:
            self.problem(current.problem, damage=True)
            return None
        if not current.segment_ids:
            self.report.notes.append(
                "no statement has been committed yet (a first `sift index` run found nothing to index, "
                "or stopped before its first commit): searches find nothing until `sift index` adds statements"
            )
        toc = read_toc(self.directory, current.generation)
        return current.generation, list(toc.segments), toc.schema

    def segments(self, generation: int, segments: list[Any], schema: Any) -> None:
        # Whoosh leaves files open when it fails on damaged data; those are
        # collected at once, without ResourceWarnings from its leak.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                self._segments(generation, segments, schema)
            finally:
                if self.damage:
                    gc.collect()

    def _segments(self, generation: int, segments: list[Any], schema: Any) -> None:
        storage = FileStorage(str(self.directory), readonly=True)
        self.report.segments = len(segments)
        for segment in segments:
            self.report.doc_count += int(segment.doc_count())
            name = f"{segment.segment_id()}{segment.COMPOUND_EXT if segment.is_compound() else '.*'}"
            try:
                reader = SegmentReader(storage, schema, segment, generation=generation)
            except Exception as exc:
                self.problem(f"segment {name} cannot be opened ({type(exc).__name__}: {exc})", damage=True)
                continue
            try:
                self.columns(reader, name)
                self.documents(reader, name, int(segment.doc_count()))
            except Exception as exc:  # a segment damaged beyond its stored fields
                self.problem(f"segment {name} cannot be read ({type(exc).__name__}: {exc})", damage=True)
            finally:
                reader.close()

    def columns(self, reader: SegmentReader, name: str) -> None:
        """Every column of the segment holds one readable value per document
        (a segment without a column file reads as defaults: issue 23)."""
        for fieldname in reader.schema.names():
            if reader.schema[fieldname].column_type is None:
                continue
            problem = column_problem(reader, fieldname)
            if problem is not None:
                self.problem(f"segment {name}: {problem}", damage=True)

    def documents(self, reader: SegmentReader, name: str, expected: int) -> None:
        live = 0
        self.date_column = None if column_problem(reader, "date") else reader.column_reader("date", translate=False)
        for docnum in range(reader.doc_count_all()):
            if reader.is_deleted(docnum):
                continue
            live += 1
            try:
                fields = reader.stored_fields(docnum)
            except Exception as exc:
                self.doc_problem(f"segment {name}: document {docnum} is unreadable ({type(exc).__name__}: {exc})")
                continue
            self.document(reader, name, docnum, fields)
        if live != expected:
            self.problem(f"segment {name} counts {plural(expected, 'statement')} but holds {live}", damage=True)
        self.report.statements += live

    def document(self, reader: SegmentReader, name: str, docnum: int, fields: dict[str, Any]) -> None:
        where = f"segment {name}: document {docnum}"
        missing = [f for f in REQUIRED_FIELDS if not isinstance(fields.get(f), str)]
        if missing or not fields.get("id"):
            self.doc_problem(f"{where} lacks {', '.join(missing) or 'an id'}")
            return
        statement_id = str(fields["id"])
        self.ids[statement_id] += 1
        self.sources[str(fields["source"])] += 1
        where = f"{where} (id {statement_id})"
        try:
            record = json.loads(fields["record"])
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            from_stored(fields)
        except (ValueError, TypeError, AttributeError) as exc:
            self.doc_problem(f"{where}: stored record is not valid ({exc})")
            return
        if "date" in fields and not isinstance(fields["date"], dt.datetime):
            self.doc_problem(f"{where}: stored date is not a date")
        elif self.date_column is not None:
            # What date sorting, date: queries and stats read (the column)
            # must be the stored date.
            expected = datetime_to_long(fields["date"]) if "date" in fields else NO_DATE
            if int(self.date_column[docnum]) != expected:
                self.doc_problem(f"{where}: its date column disagrees with its stored date")
        if ("id", statement_id) not in reader or (
            "version_key", version_key(statement_id, str(fields["content_hash"]))
        ) not in reader:
            self.doc_problem(f"{where}: its terms are missing from the segment's term index")

    def counts(self) -> None:
        report = self.report
        report.unique_ids = len(self.ids)
        if self.bad_docs > MAX_LISTED:
            self.problem(f"... {plural(self.bad_docs - MAX_LISTED, 'more unreadable statement')}", damage=True)
        if report.statements != report.doc_count:
            self.problem(
                f"the table of contents counts {plural(report.doc_count, 'statement')} but the segments hold "
                f"{report.statements}",
                damage=True,
            )
        duplicates = sorted(i for i, n in self.ids.items() if n > 1)
        if duplicates:
            self.problem(
                f"{len(duplicates)} statement ids are stored more than once: {', '.join(duplicates[:5])}"
                + (" ..." if len(duplicates) > 5 else ""),
                damage=True,
            )

    def _manifest_is_empty(self) -> bool:
        manifest = Manifest(self.directory)
        try:
            return not manifest.paths()
        finally:
            manifest.close()

    def manifest(self) -> list[str]:
        """Compare the manifest's counts with the index; returns stale paths.

        Only entries the next run would trust matter: a file still of the
        recorded size and mtime is skipped unread, so the index must hold
        exactly its recorded statements; a file changed since is re-read.
        """
        manifest = Manifest(self.directory)
        try:
            entries = manifest.all()
            shared = manifest.shared()
        finally:
            manifest.close()
        self.report.manifest_files = len(entries)
        self.input_errors(entries)
        stale = []
        for path, (size, mtime_ns, recorded, _fp) in sorted(entries.items()):
            # Statements the file shares with another file are held once,
            # from the file read first (issue 23): not a loss.
            count = recorded - shared.get(path, 0)
            try:
                stat = os.stat(path)
            except OSError:
                trusted = True  # gone: its statements stay until --prune
            else:
                trusted = (stat.st_size, stat.st_mtime_ns) == (size, mtime_ns)
            held = self.sources.get(path, 0)
            if trusted and held != count:
                stale.append(path)
                if len(stale) <= MAX_LISTED:
                    self.problem(
                        f"the manifest records {plural(count, 'statement')} from {path} but the index holds {held}; "
                        "the next run would skip that file",
                        damage=False,
                    )
        return stale

    def input_errors(self, entries: dict[str, tuple[int, int, int, str]]) -> None:
        """Note the record errors kept for files unchanged since they were read."""
        for path, errors in stored_errors(self.directory).items():
            try:
                info = os.stat(path)
            except OSError:
                continue
            if path in entries and (info.st_size, info.st_mtime_ns) == entries[path][:2]:
                self.report.input_errors.extend(f"{where}: {reason}" for where, reason in errors)
        if self.report.input_errors:
            self.report.notes.append(
                f"{plural(len(self.report.input_errors), 'input error')} in files unchanged since they were "
                "indexed (those records are not in the index; fix the files and run `sift index` again):"
            )
            listed = self.report.input_errors[:MAX_LISTED]
            more = len(self.report.input_errors) - len(listed)
            self.report.notes.extend(f"  {line}" for line in listed)
            if more:
                self.report.notes.append(f"  ... {more} more")

    def finish(self) -> CheckReport:
        report = self.report
        report.healthy = not report.problems
        report.repairable = not self.damage
        if report.healthy:
            report.advice = ""
        elif report.repairable:
            report.advice = (
                f"run `sift check --repair --index {self.directory}`, then re-run "
                f"`sift index ... --index {self.directory}` to add back what is missing"
            )
        else:
            report.advice = f"delete {self.directory} and index again (`sift index ... --index {self.directory}`)"
        return report


def _run_checks(directory: Path, *, own_lock: bool = False) -> tuple[CheckReport, list[str]]:
    checker = _Checker(directory, own_lock=own_lock)
    checker.meta()
    toc = checker.files()
    if toc is not None:
        checker.segments(*toc)
        checker.counts()
    stale = checker.manifest()
    return checker.finish(), stale


def check_index(directory: Path, *, repair: bool = False, wait: float = 0.0) -> CheckReport:
    """Verify the index at ``directory``; with ``repair``, first fix what can be fixed.

    Checking only reads. Repairing takes the write lock (waiting up to
    ``wait`` seconds), removes debris of interrupted writes, falls back past
    an unreadable newest TOC, and drops manifest entries that promise
    statements the index lacks, so the next ``sift index`` reads those files
    again. Damage (unreadable statements, duplicates) is only reported.

    :param directory: the index directory.
    :raises IndexNotFoundError: no Sift index there.
    :raises IndexLockedError: ``repair`` while another process writes.
    """
    directory = Path(directory)
    if not (directory / META_FILE).exists() and not any(directory.glob(f"_{INDEX_NAME}_*.toc")):
        raise IndexNotFoundError(f"no Sift index at {directory}")
    if not repair:
        return _run_checks(directory)[0]
    with write_lock(directory, wait, tidy=True) as lock:
        repaired = list(lock.tidied)
        if lock.stale_pid is not None:
            repaired.insert(0, f"cleared a write lock left by process {lock.stale_pid}, which is gone")
        report, stale = _run_checks(directory, own_lock=True)
        if stale:
            manifest = Manifest(directory)
            try:
                manifest.remove(stale)
            finally:
                manifest.close()
            repaired.append(f"dropped {plural(len(stale), 'stale manifest entry', 'stale manifest entries')} (those files are read again next run)")
            report, _ = _run_checks(directory, own_lock=True)
    report.repaired = repaired
    return report


__all__ = ["CheckReport", "check_index"]
