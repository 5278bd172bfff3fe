"""Run Sift's extraction on in-memory records exactly as ``sift extract`` does.

The records are written to a temporary JSON Lines file and read back with
``indexer.writing.write.extract_paths``, the function behind ``sift extract``: the
JSON reader resolves each statement's date from its text (dateline, date
line) as for a user, and the output is the public JSON form
(``Statement.to_json``). Only ``id``, ``title`` and ``text`` are given: no
date, URL or publisher metadata.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.model import Statement
from indexer.writing.write import extract_paths


@dataclass(frozen=True)
class TextRecord:
    """One statement to extract: an id, a title ('' for none) and its text."""

    id: str
    title: str
    text: str


def extract_records(records: Iterable[TextRecord]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """``({id: sift extract JSON record}, [errors])`` for ``records``.

    A record Sift cannot read (an empty text) is reported in the errors,
    the others are extracted.
    """
    out: dict[str, dict[str, Any]] = {}
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="sift-score-") as tmp:
        path = Path(tmp) / "statements.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for record in records:
                row = {"id": record.id, "title": record.title, "text": record.text}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        for item in extract_paths([path]):
            if isinstance(item, Statement):
                out[item.id] = item.to_json()
            else:
                errors.append(str(item))
    return out, errors
