"""Readers that turn one input file into statements, one module per format.

``iter_records`` picks the reader from the file name and yields, one at a
time, each statement of the file or the ``IngestError`` of a record that
could not be used (a malformed JSON line), so the good records are still
kept. It raises ``IngestError`` when the file is unusable: before any
record (a binary file), or part-way through a streamed file when it cannot
be followed further (a CSV cell that never ends); the records yielded
before stand. Files of many statements (JSON Lines, JSON, CSV/TSV) are
streamed, so memory does not grow with the file (issue 20); files of one
statement are read whole, within ``--max-file-mb``. ``read_file`` collects
the same into a ``FileRecords``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from indexer.errors import IngestError
from indexer.formats.common import FileRecords, RawStatement, ReadOptions
from indexer.formats.jsonl import read_json
from indexer.formats.table import read_csv
from indexer.formats.text import read_text_file
from indexer.model import Statement

Record = Statement | IngestError
"""What :func:`iter_records` yields: a statement, or the error of a record skipped."""
RawRecord = RawStatement | IngestError
"""What a reader (and :func:`iter_raw_records`) yields: a statement not yet built, or an error."""
Reader = Callable[[Path, ReadOptions], Iterable[RawRecord]]
Keep = Callable[[str], bool]
"""Which statement ids a reader wants (a shard's run: those routed to its shard)."""


def _read_html(path: Path, options: ReadOptions) -> RawStatement:
    """:func:`indexer.formats.html.read_html`, imported on first use:
    BeautifulSoup takes 0.05 s of CPU to import, in every indexing process,
    whatever its files (issue 18 item 10)."""
    from indexer.formats.html import read_html

    return read_html(path, options)


def _whole(read: Callable[[Path, ReadOptions], RawStatement]) -> Reader:
    """A reader of a one-statement file (read whole) as an iterable of records."""

    def records(path: Path, options: ReadOptions) -> list[RawRecord]:
        return [read(path, options)]

    return records


READERS: dict[str, Reader] = {
    ".txt": _whole(read_text_file),
    ".md": _whole(read_text_file),
    ".markdown": _whole(read_text_file),
    ".text": _whole(read_text_file),
    ".html": _whole(_read_html),
    ".htm": _whole(_read_html),
    ".jsonl": read_json,
    ".ndjson": read_json,
    ".json": read_json,
    ".csv": read_csv,
    ".tsv": read_csv,
}

SUPPORTED_SUFFIXES = frozenset(READERS)


def is_supported(path: Path) -> bool:
    """Whether ``path`` has a suffix Sift reads (case-insensitive)."""
    return path.suffix.lower() in READERS


def iter_records(path: Path, options: ReadOptions | None = None, *, keep: Keep | None = None) -> Iterator[Record]:
    """Each statement of one file, or the error of a record skipped, as read.

    :param keep: only statements whose id it accepts are built and yielded
        (the others are skipped before their date is resolved, the costly
        part of reading: :class:`RawStatement`).
    :raises IngestError: the file cannot be read (further) or holds no statement.
    """
    for record in iter_raw_records(path, options, keep=keep):
        yield record if isinstance(record, IngestError) else record.build()


def iter_raw_records(path: Path, options: ReadOptions | None = None, *,
                     keep: Keep | None = None) -> Iterator[RawRecord]:
    """:func:`iter_records` without building the statements (a cluster
    build's driver routes them by id and its writers build them).

    A file whose statements ``keep`` all refuses is not "empty": nothing is
    yielded and nothing raised.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(str(path), f"unsupported file type {path.suffix or '(none)'!r}")
    found = False
    try:
        for record in reader(path, options or ReadOptions()):
            found = True
            if keep is not None and isinstance(record, RawStatement) and not keep(record.id):
                continue
            yield record
    except IngestError:
        raise
    except (OSError, UnicodeError, ValueError, RecursionError, MemoryError) as exc:
        raise IngestError(str(path), f"cannot read: {exc}") from exc
    if not found:
        raise IngestError(str(path), "no statement found (empty file?)")


def read_file(path: Path, options: ReadOptions | None = None) -> FileRecords:
    """Every statement of one file, collected (a small file, or a test).

    :raises IngestError: the file cannot be read or holds no statement.
    """
    result = FileRecords()
    for record in iter_records(path, options):
        if isinstance(record, IngestError):
            result.errors.append(record)
        else:
            result.statements.append(record)
    return result


__all__ = ["FileRecords", "Keep", "RawRecord", "RawStatement", "ReadOptions", "Record", "SUPPORTED_SUFFIXES",
           "is_supported", "iter_raw_records", "iter_records", "read_file"]
