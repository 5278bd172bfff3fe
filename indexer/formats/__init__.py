"""Readers that turn one input file into statements, one module per format.

Each reader is a function ``(path, options) -> FileRecords``. ``read_file``
picks the reader from the file name; a reader raises ``IngestError`` when
the whole file is unusable and lists record-level problems (a malformed
JSON line) in ``FileRecords.errors`` so the good records are still kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from indexer.errors import IngestError
from indexer.formats.common import FileRecords, ReadOptions
from indexer.formats.html import read_html
from indexer.formats.jsonl import read_json
from indexer.formats.table import read_csv
from indexer.formats.text import read_text_file

Reader = Callable[[Path, ReadOptions], FileRecords]

READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".markdown": read_text_file,
    ".text": read_text_file,
    ".html": read_html,
    ".htm": read_html,
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


def read_file(path: Path, options: ReadOptions | None = None) -> FileRecords:
    """Read every statement of one file.

    :raises IngestError: the file cannot be read or holds no statement.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(str(path), f"unsupported file type {path.suffix or '(none)'!r}")
    try:
        records = reader(path, options or ReadOptions())
    except IngestError:
        raise
    except (OSError, UnicodeError, ValueError, RecursionError, MemoryError) as exc:
        raise IngestError(str(path), f"cannot read: {exc}") from exc
    if not records.statements and not records.errors:
        raise IngestError(str(path), "no statement found (empty file?)")
    return records


__all__ = ["FileRecords", "ReadOptions", "SUPPORTED_SUFFIXES", "is_supported", "read_file"]
