"""Extraction overhead (issue 3, item 8): Sift indexing time of a real corpus
with extraction vs ``IndexOptions(extract=False)``, single process.

The corpus (FA-KES by default, 402 docs) is replicated to ``docs`` documents
so timings are stable; the two variants alternate per repeat, each in a
fresh subprocess, and the overhead is the ratio of medians.
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path
from typing import Any

from benchmarks.corpus import ensure_shards
from benchmarks.proc import run_job

TARGET_OVERHEAD = 0.30


def run_extraction(out: Path, corpus: Path, docs: int = 2000, repeats: int = 3, log: Any = print) -> dict[str, Any]:
    shards = out / "corpora" / f"{corpus.stem}-x{docs}"
    info = ensure_shards(corpus.stem, docs, shards, corpus=corpus)
    times: dict[str, list[float]] = {"extract": [], "no-extract": []}
    for repeat in range(repeats):
        order = ("extract", "no-extract") if repeat % 2 == 0 else ("no-extract", "extract")
        for variant in order:
            target = out / "work" / f"extraction-{variant}"
            shutil.rmtree(target, ignore_errors=True)
            job = {"kind": "sift-index", "inputs": [str(shards)], "index": str(target),
                   "procs": 1, "extract": variant == "extract"}
            result = run_job(job)
            times[variant].append(result["seconds"])
            log(f"  {corpus.name} x{docs} {variant:<10} repeat {repeat + 1}: {result['seconds']:.2f} s")
    with_x, without = statistics.median(times["extract"]), statistics.median(times["no-extract"])
    overhead = with_x / without - 1
    return {
        "corpus": str(corpus.name), "docs": info["docs"], "repeats": repeats,
        "seconds_extract": with_x, "seconds_no_extract": without,
        "docs_per_s_extract": info["docs"] / with_x, "docs_per_s_no_extract": info["docs"] / without,
        "overhead": overhead, "target": TARGET_OVERHEAD, "met": overhead <= TARGET_OVERHEAD,
        "all_seconds": {k: [round(v, 2) for v in vs] for k, vs in times.items()},
    }
