"""Command line of the benchmarks: ``python -m benchmarks run|generate``.

Examples::

    python -m benchmarks generate --docs 10000 --seed 1 --out corpus.jsonl
    python -m benchmarks run all --sizes 10000,50000 --repeats 3
    python -m benchmarks run ranking
    python -m benchmarks run indexing --corpus my.jsonl --sizes 5000
"""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from pathlib import Path
from typing import Any

import click

from benchmarks import DEFAULT_OUT, SHARED_DATA
from benchmarks.corpus import Generator, write_jsonl

TARGETS = ("indexing", "latency", "ranking", "extraction", "all")


def _sizes(ctx: click.Context, param: click.Parameter, value: str) -> list[int]:
    try:
        sizes = [int(v.replace("_", "")) for v in value.split(",") if v.strip()]
    except ValueError:
        raise click.BadParameter("expected comma-separated numbers, e.g. 10000,50000") from None
    if not sizes or min(sizes) <= 0:
        raise click.BadParameter("sizes must be positive")
    return sizes


@click.group()
def cli() -> None:
    """Sift benchmarks (issue 5). Outputs go to benchmarks/out/ by default."""


@cli.command()
@click.option("--docs", type=click.IntRange(min=1), required=True, help="Number of documents.")
@click.option("--seed", type=int, default=1, show_default=True, help="Seed: same seed, same corpus.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="JSONL file to write.")
def generate(docs: int, seed: int, out: Path) -> None:
    """Write a deterministic statement-like corpus as JSONL.

    Example: python -m benchmarks generate --docs 1000 --seed 1 --out /tmp/c.jsonl
    """
    count = write_jsonl(Generator(seed=seed).docs(docs), out)
    click.echo(f"wrote {count} documents to {out}")


@cli.command()
@click.argument("target", type=click.Choice(TARGETS), default="all")
@click.option("--sizes", default="10000,50000,200000", show_default=True, callback=_sizes, help="Corpus sizes (docs).")
@click.option("--repeats", type=click.IntRange(min=1), default=3, show_default=True, help="Repeats per measurement.")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT, show_default=True)
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Benchmark this JSONL/CSV corpus instead of a generated one (replicated to reach a size).")
@click.option("--seed", type=int, default=1, show_default=True, help="Seed of the generated corpus.")
@click.option("--queries", type=click.IntRange(min=1), default=200, show_default=True, help="Latency queries per type.")
@click.option("--ir-queries", type=click.IntRange(min=1), default=None, help="Use only the first N judged queries per collection.")
@click.option("--collections", default=None, help="Comma-separated test-collection folders (default: ../shared/data/ir/*).")
@click.option("--extraction-docs", type=click.IntRange(min=1), default=2000, show_default=True,
              help="FA-KES replicated to this many documents for the extraction benchmark.")
def run(target: str, sizes: list[int], repeats: int, out: Path, corpus: Path | None, seed: int, queries: int,
        ir_queries: int | None, collections: str | None, extraction_docs: int) -> None:
    """Run one benchmark, or all of them, and write JSON, markdown and plots.

    Example: python -m benchmarks run all --sizes 10000,50000 --repeats 3
    """
    from benchmarks import report

    out = out.resolve()
    results: dict[str, Any] = {
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "command": "python -m benchmarks " + shlex.join(sys.argv[1:]),
        "machine": report.machine(), "notes": [],
    }
    wanted = TARGETS[:-1] if target == "all" else (target,)
    if "indexing" in wanted:
        from benchmarks.indexing import run_indexing

        click.echo("indexing ...")
        results["indexing"] = run_indexing(out, sizes, repeats, seed=seed, corpus=corpus, log=click.echo)
        report.write(results, out)
    if "latency" in wanted:
        results["latency"] = _latency(out, sizes, seed, corpus, queries)
        report.write(results, out)
    if "ranking" in wanted:
        folders = [Path(p) for p in collections.split(",")] if collections else sorted(
            p for p in (SHARED_DATA / "ir").glob("*") if p.is_dir()) if (SHARED_DATA / "ir").is_dir() else []
        if folders:
            from benchmarks.ranking import run_ranking

            click.echo("ranking ...")
            results["ranking"] = run_ranking(out, folders, max_queries=ir_queries, log=click.echo)
        else:
            results["notes"].append("ranking skipped: no test collection (../shared/data/ir is absent)")
    if "extraction" in wanted:
        fakes = SHARED_DATA / "fakes" / "fakes-dev.csv"
        source = corpus or (fakes if fakes.exists() else None)
        if source:
            from benchmarks.extraction import run_extraction

            click.echo("extraction ...")
            results["extraction"] = run_extraction(out, source, docs=extraction_docs, repeats=repeats, log=click.echo)
        else:
            results["notes"].append("extraction skipped: no corpus (../shared/data/fakes is absent; pass --corpus)")
    path = report.write(results, out)
    click.echo(path.read_text())
    click.echo(f"written: {path}")


@cli.command()
@click.argument("runs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True)
def merge(runs: tuple[Path, ...], out: Path) -> None:
    """Merge the results of several runs (results JSON files or output folders)
    into one report and one set of scaling plots; later runs win.

    Example: python -m benchmarks merge benchmarks/out/idx10k benchmarks/out/idx50k --out benchmarks/results
    """
    import json

    from benchmarks import report

    merged: dict[str, Any] = {"notes": [], "sources": []}
    for run_path in runs:
        path = run_path / "results-latest.json" if run_path.is_dir() else run_path
        data = json.loads(path.read_text())
        merged["sources"].append({"file": str(path), "command": data["command"], "started": data["started"]})
        merged.update({k: data[k] for k in ("machine", "started") if k in data})
        merged["notes"] += data.get("notes", [])
        if "indexing" in data:
            rows = merged.setdefault("indexing", {"rows": [], "corpus": data["indexing"]["corpus"]})["rows"]
            new = {(r["size"], r["engine"]) for r in data["indexing"]["rows"]}
            rows[:] = [r for r in rows if (r["size"], r["engine"]) not in new] + data["indexing"]["rows"]
            rows.sort(key=lambda r: (r["size"], r["engine"]))
        if "latency" in data:
            merged.setdefault("latency", {"sizes": {}})["sizes"].update(data["latency"]["sizes"])
            merged["latency"]["backend"] = data["latency"].get("backend")
        for key in ("ranking", "extraction"):
            if key in data:
                merged[key] = data[key]
    merged["command"] = "python -m benchmarks " + shlex.join(sys.argv[1:])
    path = report.write(merged, out)
    click.echo(f"written: {path}")


def _latency(out: Path, sizes: list[int], seed: int, corpus: Path | None, queries: int) -> dict[str, Any]:
    from benchmarks.corpus import ensure_shards
    from benchmarks.indexing import corpus_dir, index_dir
    from benchmarks.latency import run_latency
    from benchmarks.proc import run_job

    label = corpus.stem if corpus else f"gen{seed}"
    result: dict[str, Any] = {"sizes": {}}
    for size in sizes:
        shards = corpus_dir(out, size, label)
        ensure_shards(label, size, shards, seed=seed, corpus=corpus)
        target = index_dir(out, "sift-1", size)
        if not (target / ".bench-complete").exists():
            click.echo(f"latency: building the Sift index of {size} docs ...")
            # Two processes only to build it sooner: the index is the same.
            run_job({"kind": "sift-index", "inputs": [str(shards)], "index": str(target), "procs": 2})
            (target / ".bench-complete").write_text(str(size))
        click.echo(f"latency at {size} docs ...")
        baseline = index_dir(out, "whoosh", size)
        result["sizes"][str(size)] = run_latency(target, shards, count=queries,
                                                 baseline_dir=baseline if any(baseline.glob("*.toc")) else None)
        result["backend"] = result["sizes"][str(size)]["backend"]
        for kind, r in result["sizes"][str(size)]["types"].items():
            click.echo(f"  {size:>7} {kind:<10} p50 {r['p50']:.1f} ms  p95 {r['p95']:.1f} ms  p99 {r['p99']:.1f} ms")
    return result


if __name__ == "__main__":
    cli()
