"""Sift's benchmarks (issue 5): indexing speed, query latency, ranking quality
and extraction overhead, each measured against peers in the same run.

Modules, one role each:

- ``corpus``     deterministic statement-like corpus generator, loaders for
                 user corpora (JSONL/CSV), sharding into input files
- ``proc``       running one measurement in a fresh subprocess, RSS sampling
- ``indexing``   docs/s, MB/s, peak RSS, index size: Sift (1 and 2 processes)
                 vs plain Whoosh, plus the re-run on an unchanged corpus
- ``latency``    query latency percentiles per query type on a warm searcher
- ``irdata``     loaders for test collections, one per *format*
- ``ranking``    MAP / nDCG@10 / P@10: Sift vs Whoosh, bm25s, FTS5, tantivy
- ``extraction`` FA-KES indexing time with vs without extraction
- ``adapter``    the one function through which benchmarks query Sift
- ``extraction_gold``  actors / places / claims / date P/R/F1 on the gold set
- ``roles_quality``    claim roles (by / in / against / speaker, negated) on the roles gold set
- ``geo_recognition``  place-name recognition per mention on LGL (and resolution)
- ``scoring``    name folding, one-to-one matching, P/R/F1 for those two
- ``sift_run``   running ``sift extract``'s extraction on in-memory records
- ``report``     JSON, markdown tables and PNG plots of a run

Peers (bm25s, tantivy, matplotlib, psutil) are optional (the ``bench``
extra); whatever is missing is skipped with a note. Only this package
imports them, never ``indexer/`` or ``query/``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

#: The repository root (benchmarks/ lives directly under it).
REPO = Path(__file__).resolve().parent.parent
#: Third-party data of developers' machines; absent on users' machines.
SHARED_DATA = REPO.parent / "shared" / "data"
#: Default output directory of runs (git-ignored).
DEFAULT_OUT = REPO / "benchmarks" / "out"


def shared_data_absent(folder: Path) -> bool:
    """Say so and return ``True`` when a benchmark's third-party data is not
    here (users' machines, CI): the benchmark is skipped, not failed."""
    if folder.exists():
        return False
    print(f"skipped: no source data at {folder} (third-party data, only on developers' machines)")
    return True


def write_json(path: Path | None, result: Any) -> None:
    """Write a benchmark's result as JSON to ``path`` (its ``--out``), if given."""
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
