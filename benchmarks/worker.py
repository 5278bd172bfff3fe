"""Entry point of one measurement subprocess (``python -m benchmarks.worker JSON``).

Jobs (``kind``):

- ``sift-index``:  ``index_paths`` over ``inputs`` into ``index`` with
  ``IndexOptions(procs=..., extract=...)``; optional ``profile`` path writes
  a cProfile dump; ``"roles": false`` (benchmark only, one process) skips
  claim-role extraction, to measure what roles cost (issue 21 item 6), and
  ``"centrality": false`` the keyword weights of ``indexer.extraction.centrality``;
- ``sift-read``: only read ``inputs`` (every statement built by the readers,
  ``indexer.formats.iter_records``, none kept): the readers' own memory;
- ``whoosh-index``: plain Whoosh baseline (StemmingAnalyzer, ``title``/``body``
  stored, ``id`` unique, no extraction) over the same JSONL shards.

Prints one JSON line: ``seconds`` (job only), ``docs``, ``maxrss_mb``.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any


def _maxrss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round((own + children) / 1024, 1)  # Linux reports KiB


def _inputs(job: dict[str, Any]) -> list[Path]:
    return [Path(p) for p in job["inputs"]]


def sift_index(job: dict[str, Any]) -> dict[str, Any]:
    from indexer.writing.write import IndexOptions, index_paths

    if job.get("roles", True) is False:
        import indexer.extraction.extract

        # Every claim gets no roles, as an index made before roles (benchmark only).
        indexer.extraction.extract.claim_roles = lambda *_args: ((), False)
    if job.get("centrality", True) is False:
        import indexer.writing.prepare

        # Every keyword term weighs 1, as before centrality (benchmark only).
        indexer.writing.prepare.field_weights = lambda _extraction: {}
    options = IndexOptions(procs=job.get("procs", 1), extract=job.get("extract", True),
                           batch_size=job.get("batch_size", 1000), limitmb=job.get("limitmb", 128))
    start = time.perf_counter()
    cpu_start = sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                       resource.getrusage(resource.RUSAGE_CHILDREN)))
    if job.get("profile"):
        import cProfile

        profiler = cProfile.Profile()
        report = profiler.runcall(index_paths, _inputs(job), Path(job["index"]), options)
        profiler.dump_stats(job["profile"])
    else:
        report = index_paths(_inputs(job), Path(job["index"]), options)
    seconds = time.perf_counter() - start
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in usage) - cpu_start
    return {"seconds": seconds, "cpu_seconds": cpu, "docs": report.indexed, "added": report.added,
            "unchanged": report.unchanged, "errors": len(report.errors)}


def sift_read(job: dict[str, Any]) -> dict[str, Any]:
    from indexer.formats import is_supported, iter_records
    from indexer.model import Statement

    start = time.perf_counter()
    docs = errors = 0
    for path in _inputs(job):
        files = sorted(p for p in path.rglob("*") if is_supported(p)) if path.is_dir() else [path]
        for file in files:
            for record in iter_records(file):
                if isinstance(record, Statement):
                    docs += 1
                else:
                    errors += 1
    return {"seconds": time.perf_counter() - start, "docs": docs, "errors": errors}


def whoosh_schema() -> Any:
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, TEXT, Schema

    analyzer = StemmingAnalyzer()
    return Schema(id=ID(stored=True, unique=True),
                  title=TEXT(analyzer=analyzer, stored=True),
                  body=TEXT(analyzer=analyzer, stored=True))


def _shard_docs(paths: list[Path]) -> Any:
    for path in paths:
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            with file.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        yield json.loads(line)


def whoosh_index(job: dict[str, Any]) -> dict[str, Any]:
    from whoosh import index

    directory = Path(job["index"])
    directory.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    ix = index.create_in(str(directory), whoosh_schema())
    writer = ix.writer(limitmb=job.get("limitmb", 128))
    count = 0
    for doc in _shard_docs(_inputs(job)):
        writer.add_document(id=str(doc["id"]), title=doc.get("title") or "", body=doc["body"])
        count += 1
    writer.commit()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "docs": count}


JOBS = {"sift-index": sift_index, "sift-read": sift_read, "whoosh-index": whoosh_index}


def main(argv: list[str]) -> None:
    from benchmarks.report import code_fingerprint

    job = json.loads(argv[1])
    code = code_fingerprint()
    result = JOBS[job["kind"]](job)
    result["code"] = code
    result["maxrss_mb"] = _maxrss_mb()
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
