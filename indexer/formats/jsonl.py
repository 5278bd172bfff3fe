"""JSON Lines (one statement per line) and JSON (an object or a list of them).

A malformed line, or one that is not valid UTF-8, is reported with its line
number and skipped; the other lines are kept. A JSON document (a ``.json``
object or list) is one record: invalid UTF-8 in it refuses the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from indexer.errors import IngestError
from indexer.dates import infer_day_first
from indexer.formats.common import (
    FileRecords,
    ReadOptions,
    clean,
    decode,
    file_limit_mb,
    invalid_utf8,
    json_error_reason,
    read_bytes,
    statement_too_long,
)
from indexer.formats.fields import map_columns, split_record, statement_from_record

_MAX_DEPTH_HINT = "JSON nested too deeply"


def _records(path: Path, text: str) -> tuple[list[tuple[str, dict[str, Any]]], list[IngestError]]:
    """``(locator, object)`` pairs and the errors of lines that are not objects."""
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" and stripped.startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            data = None  # maybe JSON Lines named .json: fall through
        except RecursionError as exc:
            raise IngestError(str(path), _MAX_DEPTH_HINT) from exc
        if data is not None and (reason := invalid_utf8(text)):
            raise IngestError(str(path), reason)
        if isinstance(data, dict):
            return [("#1", data)], []
        if isinstance(data, list):
            pairs = [(f"#{i}", obj) for i, obj in enumerate(data, 1) if isinstance(obj, dict)]
            errors = [
                IngestError(f"{path}#{i}", "list item is not a JSON object")
                for i, obj in enumerate(data, 1)
                if not isinstance(obj, dict)
            ]
            return pairs, errors
    pairs, errors = [], []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        if reason := invalid_utf8(line):
            errors.append(IngestError(f"{path}:{number}", f"{reason}; line skipped"))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(IngestError(f"{path}:{number}", json_error_reason(exc)))
            continue
        except RecursionError:
            errors.append(IngestError(f"{path}:{number}", _MAX_DEPTH_HINT))
            continue
        if not isinstance(obj, dict):
            errors.append(IngestError(f"{path}:{number}", "line is not a JSON object"))
            continue
        pairs.append((f":{number}", obj))
    return pairs, errors


def read_json(path: Path, options: ReadOptions) -> FileRecords:
    """Read a ``.jsonl``/``.ndjson``/``.json`` file, one statement per object."""
    data = read_bytes(path, file_limit_mb(options, one_statement=False))
    pairs, errors = _records(path, decode(path, data, lenient=True))
    del data
    result = FileRecords(errors=errors)
    if not pairs:
        return result
    # JSON objects need not share their keys: map each distinct key set.
    mappings: dict[frozenset[str], dict[str, str]] = {}
    for _, obj in pairs:
        keys = frozenset(obj)
        if keys not in mappings:
            mappings[keys] = map_columns(keys, options)
    dates = [clean(obj.get(m["date"])) for _, obj in pairs if "date" in (m := mappings[frozenset(obj)])]
    day_first = options.day_first if options.day_first is not None else infer_day_first(dates)
    for locator, obj in pairs:
        mapping = mappings[frozenset(obj)]
        roles, metadata = split_record(obj, mapping)
        if not roles.get("body"):
            result.errors.append(
                IngestError(f"{path}{locator}", "record has no text (expected body, text or content; or use --text-column)")
            )
            continue
        too_long = statement_too_long(roles.get("title") or "", roles["body"], options)
        if too_long:
            result.errors.append(IngestError(f"{path}{locator}", too_long))
            continue
        result.statements.append(statement_from_record(path, locator, roles, metadata, day_first))
    return result
