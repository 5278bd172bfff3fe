"""Output of a run: ``results.json``, ``report.md`` (markdown tables) and PNG plots."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path
from typing import Any


def machine() -> dict[str, Any]:
    memory = None
    try:
        import psutil

        memory = round(psutil.virtual_memory().total / 2**30, 1)
    except ImportError:
        try:
            memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
        except (ValueError, OSError):
            pass
    import whoosh

    return {"cores": os.cpu_count(), "memory_gb": memory, "python": sys.version.split()[0],
            "platform": platform.platform(), "whoosh": ".".join(map(str, whoosh.__version__)),
            "code": code_fingerprint()}


def code_fingerprint() -> str:
    """Hash of the measured code (indexer/ and query/ sources): the tree is shared
    and changes between runs, so every result says which code it measured."""
    import hashlib

    from benchmarks import REPO

    digest = hashlib.sha256()
    for package in ("indexer", "query"):
        for path in sorted((REPO / package).rglob("*.py")):
            digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _f(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return str(value)


def indexing_table(data: dict[str, Any]) -> str:
    lines = ["| docs | engine | text MB | s (median) | docs/s | MB/s | vs Whoosh | peak RSS tree MB | peak RSS w/o file pages MB | maxrss MB | index MB | re-run s | CPU x |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in data["rows"]:
        lines.append(
            f"| {r['size']:,} | {r['engine']} | {_f(r['text_mb'])} | {_f(r['seconds'])} | {_f(r['docs_per_s'], 0)} | "
            f"{_f(r['mb_per_s'], 2)} | {_f(r['vs_baseline'], 2)}x | {_f(r['rss_tree_mb'])} | {_f(r.get('anon_tree_mb'))} | {_f(r['maxrss_mb'])} | "
            f"{_f(r['index_mb'])} | {_f(r['rerun_seconds'], 2)} | {_f(r.get('cpu_capacity'), 2)} |")
    lines += ["", "CPU x: how many processes' worth of CPU the machine gave that many processes "
              "just before the run (`benchmarks.proc.parallel_capacity`); about 1 means the "
              "cores were shared, and no multi-process speed-up could show."]
    return "\n".join(lines)


def latency_table(data: dict[str, Any]) -> str:
    lines = ["| docs | query type | p50 ms | p95 ms | p99 ms | plain Whoosh p50 / p95 ms | mean hits | example |",
             "|---:|---|---:|---:|---:|---:|---:|---|"]
    for size, result in data["sizes"].items():
        for kind, r in result["types"].items():
            w = result.get("whoosh", {}).get(kind)
            base = f"{_f(w['p50'])} / {_f(w['p95'])}" if w else "–"
            lines.append(f"| {int(size):,} | {kind} | {_f(r['p50'])} | {_f(r['p95'])} | {_f(r['p99'])} | {base} | "
                         f"{_f(r['mean_hits'], 0)} | `{r['example']}` |")
        for kind, error in result["errors"].items():
            lines.append(f"| {int(size):,} | {kind} | failed | | | | {error[:80]} |")
    worst = [(size, text, r) for size, result in data["sizes"].items() for text, r in result.get("worst", {}).items()]
    if worst:
        lines += ["", "Worst cases (`benchmarks.worst_cases`, median of 5):", "",
                  "| docs | query | wall ms | CPU ms | hits |", "|---:|---|---:|---:|---:|"]
        lines += [f"| {int(size):,} | `{text}` | {_f(r['wall_ms'])} | {_f(r['cpu_ms'])} | {r['total']} |"
                  for size, text, r in worst]
    return "\n".join(lines)


def ranking_table(data: dict[str, Any]) -> str:
    lines = ["| collection | engine | MAP all | MAP tune (odd) | MAP test (even) | nDCG@10 | P@10 | queries |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    by_key = {(r["collection"], r["engine"], r["split"]): r for r in data["rows"]}
    for (collection, engine, split), r in by_key.items():
        if split != "all":
            continue
        tune, test = by_key[(collection, engine, "tune")], by_key[(collection, engine, "test")]
        lines.append(f"| {collection} | {engine} | {r['map']:.4f} | {tune['map']:.4f} | {test['map']:.4f} | "
                     f"{r['ndcg10']:.4f} | {r['p10']:.4f} | {r['queries']} |")
    for engine, reason in data.get("skipped", {}).items():
        lines.append(f"| | {engine} | skipped: {reason} | | | | | |")
    return "\n".join(lines)


def extraction_table(data: dict[str, Any]) -> str:
    return "\n".join([
        "| corpus | docs | with extraction s | without s | overhead | target |", "|---|---:|---:|---:|---:|---|",
        f"| {data['corpus']} | {data['docs']:,} | {data['seconds_extract']:.2f} | {data['seconds_no_extract']:.2f} | "
        f"{data['overhead'] * 100:+.1f}% | <= {data['target'] * 100:.0f}% ({'met' if data['met'] else 'missed'}) |",
        *([f"| marginal per document ({data['half_docs']:,} -> {data['docs']:,} docs) | | "
           f"{data['ms_per_doc_extract']:.2f} ms | {data['ms_per_doc_no_extract']:.2f} ms | "
           f"{data['marginal_overhead'] * 100:+.1f}% | (fixed costs excluded) |"] if "marginal_overhead" in data else []),
    ])


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    parts = [f"# Sift benchmark run {results['started']}", "",
             f"Machine: {m['cores']} cores, {m['memory_gb']} GB, Python {m['python']}, Whoosh {m['whoosh']}, {m['platform']}; "
             f"code fingerprint {m.get('code', '?')}.",
             f"Command: `{results['command']}`", ""]
    if "indexing" in results:
        parts += ["## Indexing", "", indexing_table(results["indexing"]), ""]
    if "latency" in results:
        parts += [f"## Query latency (warm searcher, top 10, via {results['latency'].get('backend')})", "",
                  latency_table(results["latency"]), ""]
    if "ranking" in results:
        parts += ["## Ranking quality (bag-of-words, OR)", "", ranking_table(results["ranking"]), ""]
    if "extraction" in results:
        parts += ["## Extraction overhead (single process)", "", extraction_table(results["extraction"]), ""]
    if results.get("notes"):
        parts += ["## Notes", ""] + [f"- {n}" for n in results["notes"]] + [""]
    return "\n".join(parts)


def plots(results: dict[str, Any], out: Path) -> list[str]:
    """Scaling curves as PNGs (skipped without matplotlib); returns the file names."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    written: list[str] = []
    rows = results.get("indexing", {}).get("rows", [])
    sizes = sorted({r["size"] for r in rows})
    if len(sizes) >= 1 and rows:
        fig, axes = plt.subplots(1, 2, figsize=(11, 4))
        for engine in dict.fromkeys(r["engine"] for r in rows):
            mine = sorted((r for r in rows if r["engine"] == engine), key=lambda r: r["size"])
            xs = [r["size"] for r in mine]
            axes[0].plot(xs, [r["docs_per_s"] for r in mine], marker="o", label=engine)
            axes[1].plot(xs, [r["rss_tree_mb"] or r["maxrss_mb"] for r in mine], marker="o", label=engine)
        for ax, title in zip(axes, ("indexing speed (docs/s)", "peak RSS of the process tree (MB)")):
            ax.set_xscale("log")
            ax.set_xlabel("documents")
            ax.set_title(title)
            ax.grid(alpha=0.3)
            ax.legend()
        fig.tight_layout()
        fig.savefig(out / "indexing.png", dpi=110)
        plt.close(fig)
        written.append("indexing.png")
    latency = results.get("latency", {}).get("sizes", {})
    if latency:
        fig, ax = plt.subplots(figsize=(6, 4))
        kinds = dict.fromkeys(k for r in latency.values() for k in r["types"])
        for kind in kinds:
            xs = [int(s) for s, r in latency.items() if kind in r["types"]]
            ax.plot(xs, [latency[str(s)]["types"][kind]["p95"] for s in xs], marker="o", label=kind)
        ax.set_xscale("log")
        ax.set_xlabel("documents")
        ax.set_ylabel("p95 latency (ms)")
        ax.set_title("Sift query latency p95")
        ax.grid(alpha=0.3)
        ax.legend()
        fig.tight_layout()
        fig.savefig(out / "latency.png", dpi=110)
        plt.close(fig)
        written.append("latency.png")
    return written


def write(results: dict[str, Any], out: Path) -> Path:
    """Write ``results-<stamp>.json``, ``report-<stamp>.md`` and plots; returns the report."""
    out.mkdir(parents=True, exist_ok=True)
    stamp = results["started"].replace(":", "").replace("-", "")
    results["plots"] = plots(results, out)
    (out / f"results-{stamp}.json").write_text(json.dumps(results, indent=1, default=str))
    (out / "results-latest.json").write_text(json.dumps(results, indent=1, default=str))
    report = out / f"report-{stamp}.md"
    report.write_text(markdown(results))
    (out / "report-latest.md").write_text(markdown(results))
    return report
