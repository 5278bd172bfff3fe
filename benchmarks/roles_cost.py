"""What claim roles cost indexing (issue 21 item 6): Sift indexing of a real
corpus with role extraction vs without (the worker's benchmark-only
``"roles": false``, which gives every claim no roles), one process.

The corpus (FA-KES by default) is replicated to ``--docs`` statements; the
two variants alternate per repeat, each in a fresh subprocess; the cost is
the ratio of medians, wall clock and CPU time. Target: at most +10 %.
``--switch centrality`` measures the keyword weights of ``indexer.extraction.centrality``
the same way (``"centrality": false``).

    python -m benchmarks.roles_cost [--docs 2000] [--repeats 5] [--corpus FILE] [--switch roles|centrality]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
from pathlib import Path
from typing import Any

from benchmarks.corpus import ensure_shards
from benchmarks.proc import run_job

TARGET_COST = 0.10
DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "fakes" / "fakes-dev.csv"


def run_roles_cost(out: Path, corpus: Path, docs: int = 2000, repeats: int = 5, log: Any = print,
                   switch: str = "roles") -> dict[str, Any]:
    """Median wall and CPU seconds of both variants, and the cost ratios."""
    shards = out / "corpora" / f"{corpus.stem}-x{docs}"
    info = ensure_shards(corpus.stem, docs, shards, corpus=corpus)
    wall: dict[str, list[float]] = {"with": [], "without": []}
    cpu: dict[str, list[float]] = {"with": [], "without": []}
    for repeat in range(repeats):
        order = ("with", "without") if repeat % 2 == 0 else ("without", "with")
        for variant in order:
            target = out / "work" / f"{switch}-{variant}"
            shutil.rmtree(target, ignore_errors=True)
            result = run_job({"kind": "sift-index", "inputs": [str(shards)], "index": str(target),
                              "procs": 1, switch: variant == "with"})
            wall[variant].append(result["seconds"])
            cpu[variant].append(result["cpu_seconds"])
            log(f"  {variant} {switch:<10} repeat {repeat + 1}: {result['seconds']:.2f} s wall, {result['cpu_seconds']:.2f} s CPU")
    med = {f"{kind}_{v}": statistics.median(times[v]) for kind, times in (("wall", wall), ("cpu", cpu)) for v in times}
    return {"switch": switch, "corpus": corpus.name, "docs": info["docs"], "repeats": repeats, **med,
            "cost_wall": med["wall_with"] / med["wall_without"] - 1,
            "cost_cpu": med["cpu_with"] / med["cpu_without"] - 1, "target": TARGET_COST,
            "all": {"wall": wall, "cpu": cpu}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    parser.add_argument("--switch", choices=("roles", "centrality"), default="roles",
                        help="what the 'without' variant leaves out")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"skipped: no corpus at {args.corpus} (../shared/data is absent; pass --corpus)")
    result = run_roles_cost(args.out, args.corpus, args.docs, args.repeats, switch=args.switch)
    print(json.dumps({k: (round(v, 4) if isinstance(v, float) else v) for k, v in result.items() if k != "all"}))


if __name__ == "__main__":
    main()
