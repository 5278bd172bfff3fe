"""CSV and TSV tables: one statement per row, columns found by common names, streamed.

Rows are read one at a time, so memory does not grow with the file (issue
20). Rows with a different number of cells than the header are kept when
they still have text (missing cells are empty); quoted cells may span
lines. A row holding bytes that are not UTF-8 is reported with its number
and skipped; the other rows are kept. A cell longer than the record limit
(most often an unclosed quote, which runs to the end of the file) or a
malformed row stops the reading there: the rows before it are kept.
"""

from __future__ import annotations

import csv
from collections.abc import Generator, Iterator
from contextlib import closing
from pathlib import Path

from indexer.extraction.dates import infer_day_first
from indexer.errors import IngestError
from indexer.formats.common import (
    RawStatement,
    ReadOptions,
    clean,
    invalid_utf8,
    open_text,
    record_limit,
)
from indexer.formats.fields import map_columns, record_statement

_STOPPED = "the rest of the file is not read"


def _delimiter(path: Path) -> str:
    return "\t" if path.suffix.lower() == ".tsv" else ","


def _column_values(path: Path, options: ReadOptions, column: str) -> Generator[str, None, None]:
    """A first pass over the file: one column's values, nothing else kept
    (the day/month order is decided from all of them)."""
    try:
        with open_text(path, options, newline="") as stream:
            for row in csv.DictReader(stream, delimiter=_delimiter(path), restval=""):
                yield clean(row.get(column))
    except (IngestError, csv.Error, ValueError, OSError):
        return  # the reading pass reports it


def _stopped(path: Path, number: int, exc: csv.Error, options: ReadOptions) -> IngestError:
    where = f"{path} row {number}"
    if "field larger than field limit" in str(exc):
        return IngestError(where, f"a cell longer than {record_limit(options):,} characters "
                                  f"(an unclosed quote?); {_STOPPED}")
    return IngestError(where, f"malformed CSV: {exc}; {_STOPPED}")


def read_csv(path: Path, options: ReadOptions) -> Iterator[RawStatement | IngestError]:
    """Read a ``.csv`` (or ``.tsv``) file, one statement per row, yielding
    each statement or the error of a row skipped."""
    # Article bodies are long: the csv module's 128 kB cell limit becomes the record limit.
    previous = csv.field_size_limit(record_limit(options))
    try:
        with open_text(path, options, newline="") as stream:
            reader = csv.DictReader(stream, delimiter=_delimiter(path), restval="")
            try:
                header = [name for name in reader.fieldnames or () if name is not None]
            except csv.Error as exc:
                raise _stopped(path, 0, exc, options) from exc
            if not header:
                raise IngestError(str(path), "no rows below the header")
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
            day_first = options.day_first
            if day_first is None and "date" in mapping:
                with closing(_column_values(path, options, mapping["date"])) as dates:
                    day_first = infer_day_first(dates)
            number = 0
            rows = iter(reader)
            while True:
                try:
                    row = next(rows, None)
                except csv.Error as exc:
                    raise _stopped(path, number + 1, exc, options) from exc
                if row is None:
                    break
                number += 1
                row.pop(None, None)  # cells beyond the header of a ragged row  # type: ignore[call-overload]
                if reason := invalid_utf8("".join(v for v in row.values() if isinstance(v, str))):
                    yield IngestError(f"{path} row {number}", f"{reason}; row skipped")
                    continue
                yield record_statement(path, f" row {number}", row, mapping, options, day_first, "row has no text")
            if number == 0:
                raise IngestError(str(path), "no rows below the header")
    finally:
        csv.field_size_limit(previous)
