"""CSV and TSV tables: one statement per row, columns found by common names.

Rows with a different number of cells than the header are kept when they
still have text (missing cells are empty); quoted cells may span lines. A
row holding bytes that are not UTF-8 is reported with its number and
skipped; the other rows are kept.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from indexer.errors import IngestError
from indexer.formats.common import (
    FileRecords,
    ReadOptions,
    decode,
    file_limit_mb,
    invalid_utf8,
    read_bytes,
    statement_too_long,
)
from indexer.formats.fields import day_first_for, map_columns, split_record, statement_from_record

# Article bodies are long: lift the csv module's 128 kB cell limit.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_csv(path: Path, options: ReadOptions) -> FileRecords:
    """Read a ``.csv`` (or ``.tsv``) file, one statement per row."""
    text = decode(path, read_bytes(path, file_limit_mb(options, one_statement=False)), lenient=True)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, restval=""))
    except csv.Error as exc:
        raise IngestError(str(path), f"malformed CSV: {exc}") from exc
    if not rows:
        raise IngestError(str(path), "no rows below the header")
    header = [name for name in rows[0] if name is not None]
    if reason := invalid_utf8("".join(header)):
        raise IngestError(str(path), f"header row {reason}")
    try:
        mapping = map_columns(header, options)
    except ValueError as exc:
        raise IngestError(str(path), str(exc)) from exc
    if "body" not in mapping:
        raise IngestError(
            str(path),
            f"no text column found among {', '.join(header)}; name it with --text-column",
        )
    day_first = day_first_for(rows, mapping, options)
    result = FileRecords()
    for number, row in enumerate(rows, 1):
        row.pop(None, None)  # cells beyond the header of a ragged row  # type: ignore[call-overload]
        if reason := invalid_utf8("".join(v for v in row.values() if isinstance(v, str))):
            result.errors.append(IngestError(f"{path} row {number}", f"{reason}; row skipped"))
            continue
        roles, metadata = split_record(row, mapping)
        if not roles.get("body"):
            result.errors.append(IngestError(f"{path} row {number}", "row has no text"))
            continue
        too_long = statement_too_long(roles.get("title") or "", roles["body"], options)
        if too_long:
            result.errors.append(IngestError(f"{path} row {number}", too_long))
            continue
        result.statements.append(statement_from_record(path, f" row {number}", roles, metadata, day_first))
    return result
