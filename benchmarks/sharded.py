"""Query latency: one index vs the same statements in N shards, in-process (issue 22).

Builds the generated corpus (``benchmarks.corpus``) once as one index and
once per shard count with ``index_sharded``, then times every query of
``benchmarks.latency.make_queries`` on each, interleaved (query by query,
each engine in turn) so the host's load falls on all alike. Reports per
query type and engine the median and p95 wall time and the median CPU time
(ms: the caller's CPU, which leaves out Ray actors' work), and counts
results differing from one index's (ids and totals). With ``--ray``, the
largest shard count is searched a second time through Ray actors.

    python -m benchmarks.sharded --docs 20000 --shards 2,4 --queries 40 --out /tmp/sharded
    python -m benchmarks.sharded --inputs IN --one ONE --sharded FOUR --queries 40 --ray --out /tmp/q1m

The second form searches indexes built already (``benchmarks.shard_build``),
and with ``--ray`` also times a call to every actor that does no search
work (``ray_round_trip_ms``: Ray's floor per round of calls).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import ensure_shards
from benchmarks.latency import make_queries, percentile

LIMIT = 10


def build(out: Path, docs: int, shard_counts: list[int], workers: int) -> dict[str, Any]:
    """The input files, one index, and one sharded index per count (reused when present)."""
    from indexer.writing.shards import index_sharded
    from indexer.writing.write import IndexOptions, index_paths

    inputs = out / "input"
    ensure_shards("generated", docs, inputs)
    builds: dict[str, Any] = {}
    targets = {"one": None, **{f"{n} shards": n for n in shard_counts}}
    for name, count in targets.items():
        directory = out / name.replace(" ", "-")
        start, cpu = time.perf_counter(), time.process_time()
        if count is None:
            report = index_paths([inputs], directory, IndexOptions(procs=workers))
        else:
            report = index_sharded([inputs], directory, count, IndexOptions(), workers=workers)
        builds[name] = {"dir": str(directory), "seconds": round(time.perf_counter() - start, 1),
                        "driver_cpu": round(time.process_time() - cpu, 1), "summary": report.summary()}
    return builds


def prebuilt(inputs: Path, one: Path, sharded: list[Path]) -> dict[str, Any]:
    """Indexes built elsewhere (``benchmarks.shard_build``) of the statements under ``inputs``."""
    from indexer.storage.shards import read_layout

    builds: dict[str, Any] = {"one": {"dir": str(one)}}
    for directory in sharded:
        builds[f"{read_layout(directory).count} shards"] = {"dir": str(directory)}
    return builds


def ray_round_trip(searcher: Any, calls: int = 50) -> dict[str, float]:
    """Wall ms of one call to every actor of a Ray-backed searcher (their
    sizes: no search work), p50 and p95: Ray's floor per round of calls."""
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        searcher.remote.sizes()
        times.append((time.perf_counter() - start) * 1000)
    return {"p50": round(statistics.median(times), 2), "p95": round(percentile(times, 95), 2)}


def same_results(one: Any, other: Any, relative: float = 1e-9) -> bool:
    """The same total, ids in the same order, facets, and scores equal to
    within ``relative`` (sums over shards may round differently)."""
    if one.total != other.total or [h.id for h in one.hits] != [h.id for h in other.hits]:
        return False
    if one.facets != other.facets:
        return False
    return all(math.isclose(a.score, b.score, rel_tol=relative, abs_tol=0.0) for a, b in zip(one.hits, other.hits))


def summary(result: Any) -> dict[str, Any]:
    """What :func:`same_results` compares, for the report of a difference."""
    return {"total": result.total, "hits": [[h.id, h.score] for h in result.hits],
            "facets": {name: f.to_json() for name, f in (result.facets or {}).items()}}


def run(out: Path, docs: int, shard_counts: list[int], count: int, workers: int,
        ray: bool = False, existing: tuple[Path, Path, list[Path]] | None = None) -> dict[str, Any]:
    from query import open_searcher

    if existing is not None:
        inputs, one, sharded = existing
        builds = prebuilt(inputs, one, sharded)
        shard_counts = [int(name.split()[0]) for name in builds if name != "one"]
    else:
        inputs, builds = out / "input", build(out, docs, shard_counts, workers)
    queries = make_queries(inputs, Path(builds["one"]["dir"]), count)
    searchers = {name: open_searcher(info["dir"]) for name, info in builds.items()}
    if existing is not None:
        docs = int(searchers["one"].stats()["statements"])
    round_trip = None
    if ray:  # the most shards again, on actors of a local Ray instance
        most = f"{max(shard_counts)} shards"
        searchers[f"{most} (Ray)"] = open_searcher(builds[most]["dir"], cluster="local")
        round_trip = ray_round_trip(searchers[f"{most} (Ray)"])
    rows: dict[str, Any] = {}
    differing = 0
    differences: list[dict[str, Any]] = []
    try:
        for kind, items in queries.items():
            wall: dict[str, list[float]] = {n: [] for n in searchers}
            cpu: dict[str, list[float]] = {n: [] for n in searchers}
            for item in items:  # warm-up: every table of every index built
                for searcher in searchers.values():
                    searcher.search(item["q"], limit=LIMIT, facets=item.get("facets", ()))
            for item in items:
                results = {}
                for name, searcher in searchers.items():
                    start, start_cpu = time.perf_counter(), time.process_time()
                    results[name] = searcher.search(item["q"], limit=LIMIT, facets=item.get("facets", ()))
                    wall[name].append((time.perf_counter() - start) * 1000)
                    cpu[name].append((time.process_time() - start_cpu) * 1000)
                one = results["one"]
                for name, result in results.items():
                    if not same_results(one, result):
                        differing += 1
                        if len(differences) < 20:
                            differences.append({"type": kind, "q": item["q"], "engine": name,
                                                "one": summary(one), "other": summary(result)})
            rows[kind] = {name: {"p50": round(statistics.median(wall[name]), 2),
                                 "p95": round(percentile(wall[name], 95), 2),
                                 "cpu_p50": round(statistics.median(cpu[name]), 2),
                                 "cpu_p95": round(percentile(cpu[name], 95), 2)} for name in searchers}
    finally:
        for searcher in searchers.values():
            searcher.close()
    return {"docs": docs, "queries_per_type": count, "load_average": os.getloadavg(), "builds": builds,
            "types": rows, "differing_results": differing, "differences": differences, "ray_round_trip_ms": round_trip,
            "cpu_s": round(time.process_time(), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--shards", default="2,4", help="shard counts, comma-separated")
    parser.add_argument("--queries", type=int, default=40, help="queries per type")
    parser.add_argument("--workers", type=int, default=1, help="processes building (shards at once)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/sift-sharded"))
    parser.add_argument("--ray", action="store_true", help="also the most shards on local Ray actors")
    parser.add_argument("--inputs", type=Path, help="with --one and --sharded: indexes built already, of these files")
    parser.add_argument("--one", type=Path, help="an index of the statements under --inputs")
    parser.add_argument("--sharded", type=Path, action="append", default=[], help="a sharded index of them (repeatable)")
    args = parser.parse_args()
    existing = (args.inputs, args.one, args.sharded) if args.one else None
    args.out.mkdir(parents=True, exist_ok=True)
    result = run(args.out, args.docs, [int(n) for n in args.shards.split(",")], args.queries, args.workers, args.ray,
                 existing)
    (args.out / "sharded.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
