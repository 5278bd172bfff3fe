"""The slowest queries known (issue 23: "no query runs longer than about a
second on 200k statements"), timed on one Sift index.

Each query runs once to warm up (its wall time is reported as ``first_ms``:
the first claim group of an index generation builds the claim table), then
``repeats`` times; the median wall and CPU time are reported (CPU time is
steadier on a shared host). A query the
bounds refuse (``QueryError``) is reported as refused, with its time.

Only ``query`` is imported, so the file runs as a script under another
checkout's environment, to compare code versions on the same index::

    python benchmarks/worst_cases.py INDEX_DIR [--repeats 5]
    /path/to/other/.venv/bin/python benchmarks/worst_cases.py INDEX_DIR
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

#: Queries of issue 23 and its follow-ups: a prefix expanding to hundreds of
#: words, claims: words, phrases and prefixes (checked against claim ranges),
#: the largest phrase slop, three fuzzy words, a lone NOT.
WORST_CASES = (
    "a*",
    "claims:a*",
    "claims:(siege OR attack) AND NOT killed",
    "claims:report",
    'claims:"air strike"',
    'claims:"launched airstrikes on"',
    'claims:"civilians killed"~3',
    '"attack war"~500',
    "attak~ bombng~ civlians~",
    "NOT attack",
    # claim groups and the role bonus (one claim; query._claimtable)
    "claim:(bombardment AND by:Russia)",
    "claim:(killing OR bombardment)",
    "claim:(bombardment NOT by:Russia)",
    "claim:(killing AND by:assad*)",
    "actor:Russia AND claim:bombardment",
)


def run_worst_cases(index_dir: Path, repeats: int = 5, queries: tuple[str, ...] = WORST_CASES) -> dict[str, Any]:
    """Median wall and CPU milliseconds of each query (top 10, totals exact)."""
    from query import QueryError, Searcher

    rows: dict[str, Any] = {}
    with Searcher(index_dir) as searcher:
        searcher.search("attack", limit=10)  # open the index's arrays once
        for text in queries:
            walls: list[float] = []
            cpus: list[float] = []
            first = 0.0
            total: int | str = 0
            for i in range(repeats + 1):
                wall, cpu = time.perf_counter(), time.process_time()
                try:
                    total = searcher.search(text, limit=10).total
                except QueryError:
                    total = "refused"
                if i:  # the first run warms up
                    walls.append((time.perf_counter() - wall) * 1000)
                    cpus.append((time.process_time() - cpu) * 1000)
                else:
                    first = (time.perf_counter() - wall) * 1000
            rows[text] = {"total": total, "first_ms": round(first, 1), "wall_ms": round(statistics.median(walls), 1),
                          "cpu_ms": round(statistics.median(cpus), 1)}
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    import query

    print(json.dumps({"code": str(Path(query.__file__).parent.parent),
                      "rows": run_worst_cases(args.index, args.repeats)}, indent=1))


if __name__ == "__main__":
    main()
