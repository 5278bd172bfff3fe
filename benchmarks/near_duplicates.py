"""Cost of grouping reposted copies (issue 20): MinHash implementations, index time.

1. MinHash signatures of FA-KES bodies: ``indexer.near`` (numpy, 64 values,
   32-bit arithmetic) against ``datasketch.MinHash`` (``update_batch``, 64
   permutations), time per statement and peak memory (tracemalloc), and how
   often both estimates agree with the exact Jaccard similarity.
2. Index time (CPU seconds of the process: other processes share the host)
   of FA-KES with and without the copy fields
   (``IndexOptions(group_copies=False)``), alternating, in fresh index
   directories, one process; the median of ``--repeats`` runs each.
3. The first search's grouping (per index generation) on that index.

Run: ``python -m benchmarks.near_duplicates [--repeats 5] [--copies 3]``
(``--copies N`` indexes N copies of the corpus, each file a distinct id
space, so the index is N times larger and every statement has N-1 copies).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path


from benchmarks import SHARED_DATA
from indexer.analysis import analyze_with_starts
from indexer.near import exact_similarity, signature
from indexer.writing.write import IndexOptions, index_paths

FAKES = SHARED_DATA / "fakes" / "fakes-dev.csv"


def _bodies() -> list[list[str]]:
    with FAKES.open(encoding="utf-8") as handle:
        return [analyze_with_starts(row["article_content"])[0] for row in csv.DictReader(handle)]


def compare_minhash(bodies: list[list[str]]) -> dict[str, object]:
    """Time and memory of both MinHash implementations, and their estimates'
    error against the exact similarity of FA-KES pairs sharing a shingle."""
    results: dict[str, object] = {}
    tracemalloc.start()
    start = time.perf_counter()
    ours = [signature(terms) for terms in bodies]
    results["numpy_us_per_statement"] = round((time.perf_counter() - start) / len(bodies) * 1e6, 1)
    results["numpy_peak_kb"] = round(tracemalloc.get_traced_memory()[1] / 1024)
    tracemalloc.stop()
    try:
        from datasketch import MinHash
    except ImportError:
        results["datasketch"] = "not installed (pip install datasketch)"
        return results
    tracemalloc.start()
    start = time.perf_counter()
    theirs = []
    for terms in bodies:
        shingles = [" ".join(terms[i:i + 4]).encode() for i in range(max(1, len(terms) - 3))]
        sketch = MinHash(num_perm=64, seed=20)
        sketch.update_batch(shingles)
        theirs.append(sketch)
    results["datasketch_us_per_statement"] = round((time.perf_counter() - start) / len(bodies) * 1e6, 1)
    results["datasketch_peak_kb"] = round(tracemalloc.get_traced_memory()[1] / 1024)
    tracemalloc.stop()
    errors_ours, errors_theirs = [], []
    for i, j in itertools.combinations(range(len(bodies)), 2):
        a, b = ours[i], ours[j]
        if a is None or b is None or not (a == b).any():
            continue
        exact = exact_similarity(bodies[i], bodies[j])
        if exact < 0.3:
            continue
        errors_ours.append(abs(float((a == b).mean()) - exact))
        errors_theirs.append(abs(theirs[i].jaccard(theirs[j]) - exact))
    results["pairs_compared"] = len(errors_ours)
    results["numpy_mean_abs_error"] = round(statistics.mean(errors_ours), 3) if errors_ours else None
    results["datasketch_mean_abs_error"] = round(statistics.mean(errors_theirs), 3) if errors_theirs else None
    return results


def index_time(repeats: int, copies: int) -> dict[str, object]:
    """Median seconds to index FA-KES with and without the copy fields."""
    times: dict[bool, list[float]] = {True: [], False: []}
    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        for n in range(copies):
            target = Path(tmp) / f"fakes-{n}.csv"
            with FAKES.open(encoding="utf-8") as src, target.open("w", encoding="utf-8", newline="") as out:
                rows = list(csv.DictReader(src))
                writer = csv.DictWriter(out, fieldnames=list(rows[0]))
                writer.writeheader()
                for row in rows:
                    writer.writerow({**row, "unit_id": f"{n}-{row['unit_id']}"})
            inputs.append(target)
        index_paths(inputs[:1], Path(tmp) / "warm")  # loads the gazetteer and word caches once
        for run in range(repeats):
            for group in (run % 2 == 0, run % 2 != 0):
                directory = Path(tmp) / f"ix-{run}-{group}"
                start = time.process_time()  # CPU time: the host is shared, wall time swings
                index_paths(inputs, directory, IndexOptions(group_copies=group))
                times[group].append(time.process_time() - start)
        from query import Searcher

        with Searcher(Path(tmp) / "ix-0-True") as searcher:
            start = time.perf_counter()
            result = searcher.search("syria", limit=1)
            first_search = time.perf_counter() - start
            start = time.perf_counter()
            searcher.search("syria", limit=1)
            second_search = time.perf_counter() - start
    on, off = statistics.median(times[True]), statistics.median(times[False])
    return {"statements": 402 * copies, "with_groups_s": round(on, 3), "without_s": round(off, 3),
            "overhead_pct": round((on / off - 1) * 100, 1), "runs": repeats,
            "first_search_s": round(first_search, 3), "next_search_s": round(second_search, 3),
            "groups_for_syria": result.total, "statements_for_syria": result.total_statements}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    if not FAKES.exists():
        raise SystemExit(f"needs {FAKES}")
    print("minhash:", compare_minhash(_bodies()))
    print("indexing:", index_time(args.repeats, args.copies))


if __name__ == "__main__":
    main()
