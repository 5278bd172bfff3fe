"""Indexing speed: Sift (1 and 2 processes, full extraction) vs plain Whoosh.

Every measurement runs in a fresh subprocess; the engines alternate within
each repeat (the order rotates) so that a noisy machine slows all of them
alike, and ratios are taken between medians of the same run. After each
Sift single-process build, a second subprocess re-runs ``index_paths`` on
the unchanged corpus (everything should be skipped by the manifest).

Right before each run of several processes, ``proc.parallel_capacity``
measures how many processes' worth of CPU the machine gives that many
processes at that moment (``cpu_capacity`` in the rows, the report's
"CPU x" column): a 2-process ratio means little when the host gave the
two processes one core's worth (a shared or throttled virtual machine).
"""

from __future__ import annotations

import shutil
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import ensure_shards
from benchmarks.proc import dir_size_mb, parallel_capacity, run_job

ENGINES = ("whoosh", "sift-1", "sift-2")
BASELINE = "whoosh"


def index_dir(out: Path, engine: str, size: int) -> Path:
    return out / "work" / f"{engine}-{size}"


def corpus_dir(out: Path, size: int, label: str) -> Path:
    return out / "corpora" / f"{label}-{size}"


def _job(engine: str, shards: Path, target: Path) -> dict[str, Any]:
    if engine == "whoosh":
        return {"kind": "whoosh-index", "inputs": [str(shards)], "index": str(target)}
    procs = _procs(engine)
    return {"kind": "sift-index", "inputs": [str(shards)], "index": str(target), "procs": procs}


def _procs(engine: str) -> int:
    return int(engine.split("-")[1]) if engine.startswith("sift-") else 1


def _median(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def run_indexing(out: Path, sizes: list[int], repeats: int, seed: int = 1, corpus: Path | None = None,
                 engines: tuple[str, ...] = ENGINES, log: Any = print) -> dict[str, Any]:
    """Measure every engine at every size; returns rows for the report."""
    label = corpus.stem if corpus else f"gen{seed}"
    rows: list[dict[str, Any]] = []
    for size in sizes:
        shards = corpus_dir(out, size, label)
        info = ensure_shards(label, size, shards, seed=seed, corpus=corpus)
        mb = info["text_bytes"] / 2**20
        runs: dict[str, list[dict[str, Any]]] = {e: [] for e in engines}
        reruns: list[float] = []
        for repeat in range(repeats):
            order = engines[repeat % len(engines):] + engines[:repeat % len(engines)]
            for engine in order:
                target = index_dir(out, engine, size)
                shutil.rmtree(target, ignore_errors=True)
                capacity = parallel_capacity(_procs(engine)) if _procs(engine) > 1 else None
                result = run_job(_job(engine, shards, target))
                result["cpu_capacity"] = capacity
                result["index_mb"] = round(dir_size_mb(target), 1)
                runs[engine].append(result)
                log(f"  {size:>7} docs  {engine:<7} repeat {repeat + 1}: {result['seconds']:.1f} s, "
                    f"{result['docs'] / result['seconds']:.0f} docs/s, rss {result.get('rss_tree_mb')} MB")
                if engine == "sift-1":
                    again = run_job(_job(engine, shards, target))
                    reruns.append(again["seconds"])
                    (target / ".bench-complete").write_text(str(size))
        base = _median([r["docs"] / r["seconds"] for r in runs.get(BASELINE, [])])
        for engine in engines:
            results = runs[engine]
            docs_s = _median([r["docs"] / r["seconds"] for r in results])
            row = {
                "size": size, "engine": engine, "repeats": len(results), "text_mb": round(mb, 1),
                "docs": results[0]["docs"] if results else None,
                "seconds": _median([r["seconds"] for r in results]),
                "docs_per_s": docs_s,
                "mb_per_s": _median([mb / r["seconds"] for r in results]),
                "rss_tree_mb": _median([r.get("rss_tree_mb") for r in results]),
                "anon_tree_mb": _median([r.get("anon_tree_mb") for r in results]),
                "maxrss_mb": _median([r["maxrss_mb"] for r in results]),
                "index_mb": _median([r["index_mb"] for r in results]),
                "vs_baseline": (docs_s / base) if (docs_s and base) else None,
                "rerun_seconds": _median(reruns) if engine == "sift-1" else None,
                "cpu_capacity": _median([r.get("cpu_capacity") for r in results]),
                "all_seconds": [round(r["seconds"], 2) for r in results],
                "code": sorted({r.get("code", "?") for r in results}),
            }
            rows.append(row)
    return {"rows": rows, "corpus": label}
