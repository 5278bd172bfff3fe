"""Peak memory of indexing one large file vs the same statements in many files (issue 20, item 5).

Researchers export a collection as one big JSONL or CSV file. Readers stream
records, so indexing one file of N statements should take about the memory
of indexing the same N statements split into files of 1,000, and stay flat
as N grows. Each measurement is a fresh ``sift-index`` subprocess
(``benchmarks/worker.py``, one process), peak RSS sampled by
``benchmarks/proc.py``; after the first build, a second run over the
unchanged input times the manifest's skip.

::

    python -m benchmarks.memory --sizes 100000,1000000 [--no-extract] [--read-only] [--layouts one] [--out DIR]

"Flat" (issue 20, item 5): peak RSS at the largest size at most
:data:`FLAT_RATIO` times the peak at the smallest; the run prints that
ratio per layout. ``--layouts one`` measures the one-file layout alone.

``--read-only`` measures the readers alone (``sift-read``: every statement
built, none indexed), which takes minutes where indexing a million
statements takes hours on a shared host. ``--short CHARS`` cuts every
statement's text to its first CHARS characters (at a word), a million-line
export of short items (headlines, posts) that a shared host indexes in
minutes: what grows with the number of lines shows the same.

The corpus is generated once at the largest size (``benchmarks.corpus``,
document *i* depends only on the seed and *i*): the many-file layout of a
size links the first shards, the one-file layout concatenates them.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import click

from benchmarks import DEFAULT_OUT
from benchmarks.corpus import ensure_shards
from benchmarks.proc import parallel_capacity, run_job

SHARD = 1000
LAYOUTS = ("one", "many")
#: Peak RSS at the largest size over the peak at the smallest that counts as flat.
FLAT_RATIO = 1.25


def layouts(out: Path, size: int, largest: Path) -> dict[str, Path]:
    """The two inputs of ``size`` statements: one JSONL file, and a folder of
    ``SHARD``-statement files (links to the generated shards)."""
    parts = sorted(largest.glob("part-*.jsonl"))[: size // SHARD]
    many = out / "corpora" / f"many-{size}"
    if not (many / ".complete").exists():
        shutil.rmtree(many, ignore_errors=True)
        many.mkdir(parents=True)
        for part in parts:
            (many / part.name).symlink_to(part.resolve())
        (many / ".complete").write_text(str(size))
    one = out / "corpora" / f"one-{size}" / "all.jsonl"
    if not one.with_suffix(".complete").exists():
        one.parent.mkdir(parents=True, exist_ok=True)
        with one.open("wb") as sink:
            for part in parts:
                with part.open("rb") as source:
                    shutil.copyfileobj(source, sink, 1 << 20)
        one.with_suffix(".complete").write_text(str(size))
    return {"one": one, "many": many}


def shortened(source: Path, chars: int) -> Path:
    """The shards of ``source`` with each statement's text cut to ``chars``
    characters at a word boundary (made once, next to ``source``)."""
    target = source.with_name(f"{source.name}-short{chars}")
    if (target / ".complete").exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for part in sorted(source.glob("part-*.jsonl")):
        with part.open(encoding="utf-8") as lines, (target / part.name).open("w", encoding="utf-8") as out:
            for line in lines:
                doc = json.loads(line)
                field = "body" if "body" in doc else "text"
                text = str(doc.get(field) or "")
                if len(text) > chars:
                    cut = text.rfind(" ", 0, chars)
                    doc[field] = text[: cut if cut > 0 else chars]
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    (target / ".complete").write_text(str(chars))
    return target


def measure_read(source: Path) -> dict[str, Any]:
    """Read every statement of ``source`` (none indexed)."""
    result = run_job({"kind": "sift-read", "inputs": [str(source)]})
    keys = ("docs", "errors", "rss_tree_mb", "anon_tree_mb", "maxrss_mb", "code")
    return {"seconds": round(result["seconds"], 1), **{k: result.get(k) for k in keys},
            "rerun_seconds": None}


def measure(source: Path, target: Path, extract: bool) -> dict[str, Any]:
    """Index ``source`` into a fresh ``target``, then again unchanged."""
    shutil.rmtree(target, ignore_errors=True)
    job = {"kind": "sift-index", "inputs": [str(source)], "index": str(target), "procs": 1, "extract": extract}
    first = run_job(job)
    again = run_job(job)
    return {
        "seconds": round(first["seconds"], 1),
        "docs": first["docs"],
        "errors": first["errors"],
        "rss_tree_mb": first.get("rss_tree_mb"),
        "anon_tree_mb": first.get("anon_tree_mb"),
        "maxrss_mb": first["maxrss_mb"],
        "rerun_seconds": round(again["seconds"], 1),
        "rerun_unchanged": again["unchanged"],
        "rerun_rss_tree_mb": again.get("rss_tree_mb"),
        "code": first.get("code"),
    }


def flatness(rows: list[dict[str, Any]], layout: str) -> str | None:
    """The layout's peak RSS at the largest size over the smallest's, and whether that is flat."""
    # (Without psutil, the tree's RSS is not sampled: the worker's own peak, maxrss, stands in.)
    peaks = [(row["size"], row[layout].get("rss_tree_mb") or row[layout].get("maxrss_mb")) for row in rows
             if layout in row]
    peaks = [(size, peak) for size, peak in peaks if peak]
    if len(peaks) < 2:
        return None
    (small, low), (large, high) = peaks[0], peaks[-1]
    ratio = high / low
    verdict = "flat" if ratio <= FLAT_RATIO else "NOT flat"
    return (f"{layout} file{'s' if layout == 'many' else ''}: peak RSS at {large:,} / at {small:,} = "
            f"{high} / {low} MB = {ratio:.2f} ({verdict}: at most {FLAT_RATIO})")


def table(rows: list[dict[str, Any]]) -> str:
    """The markdown table of ``rows`` (one per size, both layouts)."""
    lines = [
        "| statements | one file: peak RSS (anon) MB | many files: peak RSS (anon) MB | one / many | "
        "one file s | many files s | re-run one file s |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        one, many = row.get("one") or {}, row.get("many") or {}
        ratio = one["rss_tree_mb"] / many["rss_tree_mb"] if one.get("rss_tree_mb") and many.get("rss_tree_mb") else None

        def peak(result: dict[str, Any]) -> str:
            if result.get("rss_tree_mb"):
                return f"{result['rss_tree_mb']} ({result.get('anon_tree_mb')})"
            return f"{result['maxrss_mb']} (maxrss)" if result.get("maxrss_mb") else "-"

        lines.append(
            f"| {row['size']:,} | {peak(one)} | {peak(many)} | {f'{ratio:.2f}' if ratio is not None else '-'} | "
            f"{one.get('seconds', '-')} | {many.get('seconds', '-')} | {one.get('rerun_seconds') or '-'} |")
    return "\n".join(lines)


@click.command()
@click.option("--sizes", default="100000,1000000", show_default=True, help="Statements per run, multiples of 1000.")
@click.option("--seed", default=1, show_default=True)
@click.option("--extract/--no-extract", default=True, show_default=True,
              help="Run extraction (--no-extract measures reading and writing alone, faster).")
@click.option("--read-only", is_flag=True, help="Measure the readers alone (no index written).")
@click.option("--short", type=click.IntRange(min=20), default=None,
              help="Cut each statement's text to this many characters (short items; faster runs).")
@click.option("--layouts", "chosen", default=",".join(LAYOUTS), show_default=True,
              help="Layouts to measure: one (one JSONL file), many (1,000-statement files).")
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUT / "memory", show_default=True)
def main(sizes: str, seed: int, extract: bool, read_only: bool, short: int | None, chosen: str, out: Path) -> None:
    """Peak RSS of `sift index` on one JSONL file vs the same statements in 1,000-statement files."""
    counts = sorted(int(s.replace("_", "")) for s in sizes.split(",") if s.strip())
    measured = [layout for layout in LAYOUTS if layout in {c.strip() for c in chosen.split(",")}]
    if not measured:
        raise click.BadParameter(f"layouts: one or more of {', '.join(LAYOUTS)}")
    if any(c % SHARD for c in counts):
        raise click.BadParameter(f"sizes must be multiples of {SHARD}")
    largest = out / "corpora" / f"gen{seed}-{counts[-1]}"
    started = time.perf_counter()
    ensure_shards(f"gen{seed}", counts[-1], largest, seed=seed)
    if short:
        largest = shortened(largest, short)
        out = out / f"short{short}"
    print(f"corpus of {counts[-1]:,} ready in {time.perf_counter() - started:.0f} s", flush=True)
    capacity = parallel_capacity(2)
    rows: list[dict[str, Any]] = []
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for size in counts:
        inputs = layouts(out, size, largest)
        row: dict[str, Any] = {"size": size, "extract": extract, "read_only": read_only, "short": short,
                               "cpu_capacity": round(capacity, 2)}
        for layout in measured:
            if read_only:
                row[layout] = measure_read(inputs[layout])
            else:
                row[layout] = measure(inputs[layout], out / "work" / f"{layout}-{size}", extract)
            print(f"{size:>8} {layout:<4} {json.dumps(row[layout])}", flush=True)
        rows.append(row)
        (out / f"memory-{stamp}.json").write_text(json.dumps(rows, indent=1))
    print(table(rows))
    for layout in measured:
        line = flatness(rows, layout)
        if line:
            print(line)


if __name__ == "__main__":
    sys.exit(main())
