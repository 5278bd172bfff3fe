"""Extraction overhead (issue 3, item 8): Sift indexing time of a real corpus
with extraction vs ``IndexOptions(extract=False)``, single process.

The corpus (FA-KES by default, 402 docs) is replicated to ``docs`` documents
so timings are stable; the two variants alternate per repeat, each in a
fresh subprocess, and the overhead is the ratio of medians.

Each run also pays fixed costs (imports, loading the gazetteer) that do not
grow with the corpus, which flatter that ratio; the same variants on half
the documents give the *marginal* overhead per document too:
``(with(N) - with(N/2)) / (without(N) - without(N/2)) - 1``.
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path
from typing import Any

from benchmarks.corpus import ensure_shards
from benchmarks.proc import run_job

TARGET_OVERHEAD = 0.30


def _time_variants(out: Path, corpus: Path, docs: int, repeats: int, log: Any) -> tuple[dict[str, Any], int]:
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
    return {k: statistics.median(v) for k, v in times.items()} | {
        f"all_{k}": [round(x, 2) for x in v] for k, v in times.items()}, info["docs"]


def run_extraction(out: Path, corpus: Path, docs: int = 2000, repeats: int = 3, log: Any = print) -> dict[str, Any]:
    full, count = _time_variants(out, corpus, docs, repeats, log)
    half, half_count = _time_variants(out, corpus, max(1, docs // 2), repeats, log)
    with_x, without = full["extract"], full["no-extract"]
    overhead = with_x / without - 1
    marginal = (with_x - half["extract"]) / max(1e-9, without - half["no-extract"]) - 1
    return {
        "corpus": str(corpus.name), "docs": count, "repeats": repeats,
        "seconds_extract": with_x, "seconds_no_extract": without,
        "docs_per_s_extract": count / with_x, "docs_per_s_no_extract": count / without,
        "overhead": overhead, "target": TARGET_OVERHEAD, "met": overhead <= TARGET_OVERHEAD,
        "half_docs": half_count, "half_seconds_extract": half["extract"], "half_seconds_no_extract": half["no-extract"],
        "marginal_overhead": marginal,
        "ms_per_doc_extract": 1000 * (with_x - half["extract"]) / max(1, count - half_count),
        "ms_per_doc_no_extract": 1000 * (without - half["no-extract"]) / max(1, count - half_count),
        "all_seconds": {"extract": full["all_extract"], "no-extract": full["all_no-extract"]},
    }
