"""A cost model for sharded builds and searches, fitted to measured per-shard costs (issue 22, item 5).

It is a model, not a measurement: linear in the statements, fitted to
CPU seconds measured on one 2-core host, and it assumes what that host
cannot show (nodes that do not share CPU, shards whose files stay in the
page cache, a network no slower than loopback).

**Build.** Each shard's pass reads and routes every input statement (cost
``r`` CPU s a statement) and indexes its own (``w``). From the matrix
(``benchmarks.shard_build``): one shard costs ``S (r + w)`` and K shards
``K S r + S w``, so ``r = (cpu_K - cpu_1) / ((K - 1) S)`` and
``w = cpu_1 / S - r``. With K shards on N nodes of ``c`` cores, shards
built ``N c`` at a time::

    build_wall(S, N) = ceil(K / (N c)) * (S r + (S / K) w)

With the driver streaming each statement to its shard's worker instead
(the distributed build), ``r`` is paid once, by the driver, while the
workers write: ``max(S r, (S / K) w)`` with K = N c (the read is the floor).

**Query.** A query costs each shard ``a n + b`` CPU (``n``: its statements;
``b``: per-shard fixed work: parsing, statistics, merging its part), fitted
per query type from the CPU p50 of one index (``a S + b``) and of K shards
searched in one process (``a S + K b``). Shards searched in parallel, one
per core, plus Ray's rounds of calls (``ray_ms``, measured: the round trip
to every actor, times the rounds a query makes)::

    latency(S, N) = a S / K + b + rounds * ray_ms,   K = N c shards

    python -m benchmarks.cost_model --builds /tmp/sb/builds.jsonl --queries /tmp/q1m/sharded.json
    python -m benchmarks.cost_model --builds /tmp/sb/builds.jsonl --input generated:200000   # builds only
    python -m benchmarks.cost_model --build /tmp/1m/build-4x2.log --queries /tmp/q1m/sharded.json

``--build`` fits ``w`` to one build at scale (the last JSON line of
``shard_build one``: its CPU over its statements, ``r`` taken as 0, as the
matrix fitted it), instead of the matrix's small builds.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

#: Rounds of calls to every actor per query (statistics, scoring, lookups of the notes).
RAY_ROUNDS = 3
SIZES = (10_000_000, 100_000_000)
NODES = (1, 4, 16, 64)


def build_costs(rows: list[dict[str, Any]]) -> dict[str, float]:
    """``r`` and ``w`` (CPU s a statement) from one-worker builds of 1 and K shards of one input."""
    single = {row["shards"]: row for row in rows if row["workers"] == 1}
    most = max(k for k in single if k > 1)
    statements = single[1]["statements"]
    read = max(0.0, (single[most]["cpu_s"] - single[1]["cpu_s"]) / ((most - 1) * statements))
    return {"read": read, "write": single[1]["cpu_s"] / statements - read, "from_shards": most}


def one_build_costs(row: dict[str, Any], read: float = 0.0) -> dict[str, float]:
    """``r`` and ``w`` from one build of many statements: all its CPU is
    writing but ``r`` a statement for each of its shards' reads."""
    statements = row["statements"]
    return {"read": read, "write": row["cpu_s"] / statements - read * row["shards"], "from_shards": row["shards"]}


def query_costs(result: dict[str, Any], statements: int, key: str = "cpu_p50") -> dict[str, dict[str, float]]:
    """Per query type, ``a`` (CPU ms a statement) and ``b`` (ms a shard), from one index and the most shards."""
    out = {}
    for kind, engines in result["types"].items():
        shards = max(int(name.split()[0]) for name in engines if name.endswith("shards"))
        one, many = engines["one"][key], engines[f"{shards} shards"][key]
        fixed = max(0.0, (many - one) / (shards - 1))
        out[kind] = {"a": max(0.0, one - fixed) / statements, "b": fixed}
    return out


def project(build: dict[str, float], query: dict[str, dict[str, float]], ray_ms: float, cores: int) -> dict[str, Any]:
    """Build hours and query latency (ms) for :data:`SIZES` on :data:`NODES` nodes of ``cores`` cores."""
    rows: dict[str, Any] = {}
    for size in SIZES:
        for nodes in NODES:
            shards = nodes * cores
            pass_s = size * build["read"] + size / shards * build["write"]
            rows[f"{size:,} on {nodes}"] = {
                "shards": shards,
                "build_h_each_shard_reads_all": round(math.ceil(shards / (nodes * cores)) * pass_s / 3600, 2),
                # Read once, by the driver, while the workers write (pipelined).
                "build_h_driver_streams": round(max(size * build["read"], size / shards * build["write"]) / 3600, 2),
                "query_ms": {kind: round(c["a"] * size / shards + c["b"] + RAY_ROUNDS * ray_ms, 1)
                             for kind, c in query.items()},
            }
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--builds", type=Path, help="builds.jsonl of benchmarks.shard_build matrix")
    parser.add_argument("--build", type=Path, help="instead: the output of one benchmarks.shard_build one (last line)")
    parser.add_argument("--input", help="the input whose builds to fit (default: the first)")
    parser.add_argument("--queries", type=Path, help="sharded.json of benchmarks.sharded (none: the build projection only)")
    parser.add_argument("--statements", type=int, help="statements of the searched indexes (default: the file's docs)")
    parser.add_argument("--ray", type=Path, help="a sharded.json with ray_round_trip_ms (default: --queries)")
    parser.add_argument("--cores", type=int, default=2, help="cores a node")
    args = parser.parse_args()
    if args.build is not None:
        row = json.loads(args.build.read_text().strip().splitlines()[-1])
        chosen, build = f"{row['statements']} statements, {row['shards']} x {row['workers']}", one_build_costs(row)
    elif args.builds is not None:
        rows = [json.loads(line) for line in args.builds.read_text().splitlines() if line.strip()]
        chosen = args.input or rows[0]["input"]
        build = build_costs([r for r in rows if r["input"] == chosen])
    else:
        parser.error("--builds or --build")
    if args.queries is None:
        print(json.dumps({"input": chosen, "build_cpu_s_per_statement": build, "cores_per_node": args.cores,
                          "projection": project(build, {}, 0.0, args.cores)}, indent=2))
        return
    result = json.loads(args.queries.read_text())
    ray_ms = (json.loads((args.ray or args.queries).read_text()).get("ray_round_trip_ms") or {}).get("p50", 0.0)
    statements = args.statements or int(result["docs"])
    out: dict[str, Any] = {"input": chosen, "build_cpu_s_per_statement": build, "ray_round_trip_ms": ray_ms,
                           "cores_per_node": args.cores}
    for key in ("cpu_p50", "cpu_p95"):
        query = query_costs(result, statements, key)
        out[key] = {"query_cpu_ms": query, "projection": project(build, query, ray_ms, args.cores)}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
