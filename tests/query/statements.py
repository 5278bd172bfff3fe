"""Indexing a few statements written as dictionaries, through the whole
pipeline (extraction included), for query tests that need real extraction."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from indexer.writing.write import index_paths


def index_statements(root: Path, statements: list[dict[str, Any]]) -> Path:
    """Write ``statements`` as JSON Lines under ``root`` and index them; the index folder."""
    source = root / "statements.jsonl"
    source.write_text("".join(json.dumps(s) + "\n" for s in statements), encoding="utf-8")
    index_paths([source], root / "ix")
    return root / "ix"
