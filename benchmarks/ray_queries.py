"""Where a query's time goes on Ray actors against in this process (issue 22, item 5).

Opens one sharded index twice, in this process and on a local Ray instance
(one actor a shard), and runs every query of ``benchmarks.latency.make_queries``
on both, query by query in turn, so the host's load falls on both alike.
Each type is run twice: the *first* pass is every query's first sight (an
actor has no sums of its words yet: both phases), the *timed* pass repeats
it. Per pass and engine: wall p50 / p95 and the caller's CPU p95 (ms); for
Ray also the actors' CPU per query (all actor processes, from ``/proc``),
and before the queries the bare round trip to the actors (their sizes)
with the actors' CPU for it. Results are compared as ``benchmarks.sharded``
compares them (``differing``). Runs the code of the checkout it is run
from (``PYTHONPATH``): two checkouts measured in turn give a before/after.

    flock /tmp/ray.lock python -m benchmarks.ray_queries --index SHARDED --inputs IN --queries 40 --out /tmp/rq.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.latency import make_queries, percentile
from benchmarks.sharded import LIMIT, same_results

TICKS = os.sysconf("SC_CLK_TCK")


def actors_cpu() -> float:
    """CPU seconds of every shard actor process on this host so far."""
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if b"ShardActor" not in Path(f"/proc/{entry}/cmdline").read_bytes():
                continue
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:  # gone meanwhile
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


def round_trip(searcher: Any, calls: int = 50) -> dict[str, float]:
    """Wall ms of a call to every actor doing no search work, and the actors' CPU ms for it."""
    times, before = [], actors_cpu()
    for _ in range(calls):
        start = time.perf_counter()
        searcher.remote.sizes()
        times.append((time.perf_counter() - start) * 1000)
    return {"p50": round(statistics.median(times), 2), "p95": round(percentile(times, 95), 2),
            "actors_cpu_ms": round((actors_cpu() - before) * 1000 / calls, 2)}


def one_pass(engines: dict[str, Any], items: list[dict[str, Any]]) -> tuple[dict[str, Any], int]:
    """Every query of ``items`` on every engine in turn: the pass's figures and the queries whose results differ."""
    wall: dict[str, list[float]] = {name: [] for name in engines}
    cpu: dict[str, list[float]] = {name: [] for name in engines}
    actors, differing = 0.0, 0
    for item in items:
        got = {}
        for name, searcher in engines.items():
            before = actors_cpu() if name == "ray" else 0.0
            start, start_cpu = time.perf_counter(), time.process_time()
            got[name] = searcher.search(item["q"], limit=LIMIT, facets=item.get("facets", ()))
            wall[name].append((time.perf_counter() - start) * 1000)
            cpu[name].append((time.process_time() - start_cpu) * 1000)
            if name == "ray":
                actors += actors_cpu() - before
        differing += not same_results(got["inproc"], got["ray"])
    row: dict[str, Any] = {name: {"p50": round(statistics.median(wall[name]), 1),
                                  "p95": round(percentile(wall[name], 95), 1),
                                  "cpu_p95": round(percentile(cpu[name], 95), 1)} for name in engines}
    row["ray_actors_cpu_ms_mean"] = round(actors * 1000 / max(1, len(items)), 1)
    return row, differing


def run(index: Path, inputs: Path, count: int) -> dict[str, Any]:
    from query import open_searcher

    first_shard = sorted(p for p in index.iterdir() if p.is_dir())[0]
    queries = make_queries(inputs, first_shard, count)
    engines = {"inproc": open_searcher(index), "ray": open_searcher(index, cluster="local")}
    result: dict[str, Any] = {"load_start": os.getloadavg(), "round_trip_ms": round_trip(engines["ray"]), "types": {}}
    differing = 0
    try:
        for kind, items in queries.items():
            row = {}
            for name in ("first", "timed"):
                row[name], differ = one_pass(engines, items)
                differing += differ
            result["types"][kind] = row
            print(kind, json.dumps(row), flush=True)
    finally:
        for searcher in engines.values():
            searcher.close()
    result.update(load_end=os.getloadavg(), differing=differing, compared=2 * sum(map(len, queries.values())))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="a sharded index")
    parser.add_argument("--inputs", type=Path, required=True, help="the files it was built from (queries drawn there)")
    parser.add_argument("--queries", type=int, default=40, help="queries per type")
    parser.add_argument("--out", type=Path, default=Path("/tmp/sift-ray-queries.json"))
    args = parser.parse_args()
    result = run(args.index, args.inputs, args.queries)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps({k: result[k] for k in ("load_start", "load_end", "round_trip_ms", "differing", "compared")}))


if __name__ == "__main__":
    main()
