"""An AND of words reading its frequent words only where the rarer match (issue 22, item 5).

Times each query of one type (default ``and2``, ``benchmarks.latency.make_queries``)
on indexes built already, twice per query in turn: as before (every part
read whole; the collection's numbers counted again on every query) and as
now (``query.vector.Evaluator._and``; numbers kept per index generation).
Reports per engine the median and p95 of wall and CPU ms, and counts
results whose ids, totals or scores (exactly) differ between the two.

    python -m benchmarks.and_blocks --inputs IN --one ONE --sharded FOUR --queries 40
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.latency import make_queries, percentile

LIMIT = 10


@contextmanager
def as_before() -> Iterator[None]:
    """The evaluator and statistics as before the change."""
    from query import plan as p
    from query import vector
    from query.statistics import IndexStatistics

    saved = vector._EVALUATE[p.And], IndexStatistics._counted
    vector._EVALUATE[p.And] = whole_and
    IndexStatistics._counted = lambda self, key, count: count()  # type: ignore[method-assign]
    try:
        yield
    finally:
        vector._EVALUATE[p.And], IndexStatistics._counted = saved  # type: ignore[method-assign]


def whole_and(evaluator: Any, node: Any) -> Any:
    """An AND as before: every part evaluated whole."""
    return evaluator._add([evaluator.evaluate(q) for q in node.parts], every=True)


def _timed(searcher: Any, q: str) -> tuple[float, float, Any]:
    start, start_cpu = time.perf_counter(), time.process_time()
    found = searcher.search(q, limit=LIMIT)
    return (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000, found


def _key(found: Any) -> tuple[Any, ...]:
    return found.total, [(h.id, h.score) for h in found.hits]


def run(inputs: Path, one: Path, sharded: Path, count: int, kind: str) -> dict[str, Any]:
    from query import open_searcher

    queries = [item["q"] for item in make_queries(inputs, one, count)[kind]]
    searchers = {"one": open_searcher(one), "sharded": open_searcher(sharded)}
    times: dict[str, dict[str, list[float]]] = {f"{n} {m}": {"wall": [], "cpu": []}
                                                for n in searchers for m in ("before", "after")}
    differing = 0
    try:
        for q in queries:  # warm-up: tables built, numbers counted
            for searcher in searchers.values():
                searcher.search(q, limit=LIMIT)
        for q in queries:
            for name, searcher in searchers.items():
                with as_before():
                    wall, cpu, before = _timed(searcher, q)
                times[f"{name} before"]["wall"].append(wall)
                times[f"{name} before"]["cpu"].append(cpu)
                wall, cpu, after = _timed(searcher, q)
                times[f"{name} after"]["wall"].append(wall)
                times[f"{name} after"]["cpu"].append(cpu)
                differing += _key(before) != _key(after)
    finally:
        for searcher in searchers.values():
            searcher.close()
    rows = {name: {f"{m}_p50": round(statistics.median(v), 2) for m, v in t.items()}
            | {f"{m}_p95": round(percentile(v, 95), 2) for m, v in t.items()} for name, t in times.items()}
    return {"type": kind, "queries": len(queries), "load_average": os.getloadavg(), "engines": rows,
            "differing_results": differing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=Path, required=True)
    parser.add_argument("--one", type=Path, required=True)
    parser.add_argument("--sharded", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--type", default="and2")
    args = parser.parse_args()
    print(json.dumps(run(args.inputs, args.one, args.sharded, args.queries, args.type), indent=2))


if __name__ == "__main__":
    main()
