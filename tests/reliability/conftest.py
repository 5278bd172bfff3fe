"""Shared pieces of the reliability tests (issue 6): a corpus, the CLI in a
subprocess, and the index's stored statements."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from indexer.storage.store import open_index

#: ``sift`` in a fresh interpreter (what a user runs; killable).
SIFT = [sys.executable, "-c", "import sys; from query.cli import run; sys.exit(run())"]

WORDS = (
    "the minister said forces shelled homs aleppo damascus regime opposition ceasefire "
    "talks geneva humanitarian aid convoy rebels army civilians united nations idlib"
).split()


def make_corpus(root: Path, files: int, per_file: int, seed: int = 1, prefix: str = "s",
                undated_files: Collection[int] = ()) -> list[dict[str, str]]:
    """JSONL files of short statements; returns the records in indexing order
    (files sorted by name, lines in order), which is also commit order.

    :param undated_files: numbers of the files whose statements have no date
        (their segments have no date column, issue 23).
    """
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    records: list[dict[str, str]] = []
    for f in range(files):
        lines = []
        for i in range(per_file):
            record = {
                "id": f"{prefix}{f:02d}-{i:04d}",
                "title": " ".join(rng.choices(WORDS, k=5)),
                "text": " ".join(rng.choices(WORDS, k=30)) + ".",
            }
            if f not in undated_files:
                record["date"] = f"2016-{1 + f % 12:02d}-{1 + i % 28:02d}"
            records.append(record)
            lines.append(json.dumps(record))
        (root / f"part{f:02d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return records


def sift(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``sift ARGS`` to the end in a subprocess."""
    return subprocess.run([*SIFT, *args], capture_output=True, text=True, timeout=timeout)


def start_sift(*args: str) -> subprocess.Popen[str]:
    """Start ``sift ARGS`` without waiting (to kill it or race it)."""
    return subprocess.Popen([*SIFT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored(index_dir: Path) -> list[dict[str, Any]]:
    """Stored fields of every live statement, duplicates included."""
    ix: whoosh_index.Index = open_index(index_dir)
    with ix.searcher() as searcher:
        return [dict(fields) for fields in searcher.all_stored_fields()]
