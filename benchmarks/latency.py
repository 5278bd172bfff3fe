"""Query latency per query type on a warm Sift searcher.

Queries are drawn deterministically from the indexed corpus itself (words of
random documents, their dates, the most frequent locations in the index), so
the benchmark works on any corpus. Each query type gets ``count`` queries;
one warm-up pass runs all of them first, then each is timed once.

Types: ``term``, ``and2`` (two words, AND), ``phrase`` (two adjacent words),
``field`` (``location:X word``), ``daterange`` (``date:[A TO B] word``),
``facets`` (a word with publisher/year/location facets) and ``claims``
(``claims:word``). The known worst cases (``benchmarks.worst_cases``) are
timed too, median of 5.
"""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path
from typing import Any

from benchmarks.adapter import backend, open_sift
from benchmarks.worst_cases import run_worst_cases
from indexer.analysis import term_for

QUERY_TYPES = ("term", "and2", "phrase", "field", "daterange", "facets", "claims")
FACETS = ("publisher", "year", "location")
_WORD = re.compile(r"[A-Za-z]{4,}")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _sample_docs(shards: Path, count: int, rng: random.Random) -> list[dict[str, Any]]:
    files = sorted(shards.glob("*.jsonl"))
    docs: list[dict[str, Any]] = []
    for file in rng.sample(files, min(len(files), max(1, count // 20))):
        lines = file.read_text("utf-8").splitlines()
        docs.extend(json.loads(line) for line in rng.sample(lines, min(len(lines), 20)))
    return docs


def _top_locations(index_dir: Path, n: int = 20) -> list[str]:
    from whoosh import index as whoosh_index

    ix = whoosh_index.open_dir(str(index_dir))
    with ix.reader() as reader:
        if "locations" not in reader.schema:
            return []
        terms = [(reader.doc_frequency("locations", t), t) for t in reader.lexicon("locations")]
    terms.sort(reverse=True)
    return [t.decode() if isinstance(t, bytes) else t for _, t in terms[:n]]


def make_queries(shards: Path, index_dir: Path, count: int, seed: int = 7) -> dict[str, list[dict[str, Any]]]:
    """``count`` queries of every type, as ``{"q", "op", "facets"}``."""
    rng = random.Random(seed)
    docs = _sample_docs(shards, count * 2, rng)
    locations = _top_locations(index_dir) or ["aleppo"]
    queries: dict[str, list[dict[str, Any]]] = {t: [] for t in QUERY_TYPES}
    for i in range(count):
        doc = docs[i % len(docs)]
        words = [w.lower() for w in _WORD.findall(doc["body"])]
        words = [w for w in words if term_for(w) is not None] or ["attack"]  # no stopwords
        start = rng.randrange(max(1, len(words) - 1))
        one, two = words[start], words[min(start + 1, len(words) - 1)]
        other = rng.choice(words)
        place = rng.choice(locations)
        queries["term"].append({"q": one})
        queries["and2"].append({"q": f"{one} {other}"})
        queries["phrase"].append({"q": f'"{one} {two}"'})
        queries["field"].append({"q": f'location:"{place}" {other}'})
        if doc.get("date"):
            year = int(doc["date"][:4])
            queries["daterange"].append({"q": f"date:[{year}-01-01 TO {year}-06-30] {one}"})
        else:
            queries["daterange"].append({"q": f"date:[1900-01-01 TO 2100-12-31] {one}"})
        queries["facets"].append({"q": one, "facets": FACETS})
        queries["claims"].append({"q": f"claims:{one}"})
    return queries


#: Query types plain Whoosh can run on its baseline index (title/body only).
BASELINE_TYPES = ("term", "and2", "phrase")


def run_whoosh_baseline(index_dir: Path, queries: dict[str, list[dict[str, Any]]], limit: int = 10) -> dict[str, Any]:
    """The same plain-text queries on the plain-Whoosh index (default BM25F, AND, top ``limit``)."""
    from whoosh import index as whoosh_index
    from whoosh.qparser import MultifieldParser

    ix = whoosh_index.open_dir(str(index_dir))
    rows: dict[str, Any] = {}
    with ix.searcher() as searcher:
        parser = MultifieldParser(["title", "body"], ix.schema)
        for kind in BASELINE_TYPES:
            parsed = [parser.parse(item["q"]) for item in queries[kind]]
            for q in parsed:
                searcher.search(q, limit=limit)
            timings = []
            for q in parsed:
                start = time.perf_counter()
                len(searcher.search(q, limit=limit))
                timings.append((time.perf_counter() - start) * 1000)
            rows[kind] = {"p50": percentile(timings, 50), "p95": percentile(timings, 95), "p99": percentile(timings, 99)}
    return rows


def run_latency(index_dir: Path, shards: Path, count: int = 200, limit: int = 10,
                baseline_dir: Path | None = None) -> dict[str, Any]:
    """Latency percentiles (ms) of every query type on ``index_dir``; with
    ``baseline_dir``, also plain Whoosh's on the plain-text types."""
    queries = make_queries(shards, index_dir, count)
    rows: dict[str, Any] = {}
    errors: dict[str, str] = {}
    with open_sift(index_dir) as search:
        for kind, items in queries.items():
            timings: list[float] = []
            totals: list[int] = []
            try:
                for item in items:  # warm-up pass
                    search(item["q"], limit=limit, facets=item.get("facets", ()))
                for item in items:
                    start = time.perf_counter()
                    total, _ = search(item["q"], limit=limit, facets=item.get("facets", ()))
                    timings.append((time.perf_counter() - start) * 1000)
                    totals.append(total)
            except Exception as exc:  # report the type as failed, keep the others
                errors[kind] = f"{type(exc).__name__}: {exc}"
                continue
            rows[kind] = {
                "queries": len(timings), "p50": percentile(timings, 50), "p95": percentile(timings, 95),
                "p99": percentile(timings, 99), "mean_hits": sum(totals) / max(1, len(totals)),
                "example": items[0]["q"],
            }
    baseline = run_whoosh_baseline(baseline_dir, queries, limit) if baseline_dir else {}
    return {"types": rows, "errors": errors, "backend": backend(), "whoosh": baseline,
            "worst": run_worst_cases(index_dir)}
