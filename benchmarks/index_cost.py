"""Indexing with full extraction against plain Whoosh without it (issue 18 item 10).

Generated statements (``benchmarks.corpus``, seed 1), one process each:
the ``benchmarks.worker`` jobs ``whoosh-index`` and ``sift-index`` (procs 1)
alternate (the order rotates per repeat), each in a fresh subprocess. The
figure is the CPU seconds of the job's process, start-up and imports
included (``RUSAGE_CHILDREN`` around ``benchmarks.proc.run_job``): the wall
clock means little on a shared host. The ratio is Whoosh's median over
Sift's (above 1: Sift is faster). Target: at least 1.0. ``--baseline DIR``
adds a third engine in the rotation, ``sift-index`` run by the code of
another checkout (``git worktree add DIR COMMIT``): a before/after pair
measured in the same run, also as the median of the per-repeat ratios
(``paired_ratio``: on a host whose load changes during the run).

Bytecode (``--bytecode``): installed Whoosh runs from the ``.pyc`` files pip
wrote, as any installed package does; a checkout of Sift has them only if
Python could write them, and a host with ``PYTHONDONTWRITEBYTECODE=1`` (this
one) would make every Sift process compile its ~85 modules (~0.12 s) while
Whoosh never does. ``cached`` (the default, the fair comparison: what a
normal install runs) compiles each checkout's ``indexer``, ``query`` and
``benchmarks`` with ``compileall`` before timing and runs the jobs with
``PYTHONDONTWRITEBYTECODE`` unset; ``none`` removes those ``__pycache__``
folders first and runs the jobs with ``PYTHONDONTWRITEBYTECODE=1`` (Sift
compiles its code in every process, Whoosh keeps its installed ``.pyc``);
``both`` measures ``cached`` then ``none`` and reports the two.

Instructions (``--instructions``): CPU seconds on a shared host vary by
about 10 % from run to run, more than the differences this benchmark is
asked to tell. Instructions executed do not: each job runs once under
``valgrind --tool=callgrind`` (``PYTHONHASHSEED=0``; the same count on a
loaded or an idle machine), over the corpus and over its first statement
alone (start-up and imports). Reported per engine: total, start-up, and the
*marginal* count (total less start-up: what each further statement costs),
and Whoosh's counts over Sift's. Instructions are not seconds (a zlib or
``re`` instruction is cheaper than an interpreter one), so both figures are
given; callgrind is ~60x slower, so use a few hundred statements.

    python -m benchmarks.index_cost [--statements 5000] [--repeats 3] [--out DIR] [--baseline DIR]
                                    [--bytecode cached|none|both]
    python -m benchmarks.index_cost --instructions [--statements 500] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import resource
import shutil
import statistics
from pathlib import Path
from typing import Any

from benchmarks import REPO
from benchmarks.corpus import ensure_shards
from benchmarks.proc import run_job

ENGINES = ("whoosh", "sift")
BASELINE = "sift-baseline"
#: The folders of a checkout whose bytecode ``--bytecode`` prepares.
CODE_DIRS = ("indexer", "query", "benchmarks")
BYTECODE_MODES = ("cached", "none")


def prepare_bytecode(mode: str, checkouts: list[Path]) -> None:
    """Compile (``cached``) or remove (``none``) the checkouts' bytecode, and
    set ``PYTHONDONTWRITEBYTECODE`` for the jobs to match (see the module text)."""
    for root in checkouts:
        for name in CODE_DIRS:
            folder = root / name
            if mode == "cached":
                compileall.compile_dir(str(folder), quiet=1)
            else:
                for cache in folder.rglob("__pycache__"):
                    shutil.rmtree(cache, ignore_errors=True)
    if mode == "cached":
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _job(engine: str, shards: Path, target: Path) -> dict[str, Any]:
    kind = "whoosh-index" if engine == "whoosh" else "sift-index"
    job: dict[str, Any] = {"kind": kind, "inputs": [str(shards)], "index": str(target)}
    if engine != "whoosh":
        job["procs"] = 1
    return job


def run_index_cost(out: Path, statements: int = 5000, repeats: int = 3, seed: int = 1,
                   log: Any = print, baseline: Path | None = None, bytecode: str = "cached") -> dict[str, Any]:
    """CPU seconds (process total) and peak RSS of each engine; medians and the speed ratios.

    :param bytecode: ``cached`` or ``none``: how the checkouts' bytecode is prepared (module text).
    """
    shards = out / "corpora" / f"gen{seed}-{statements}"
    ensure_shards(f"gen{seed}", statements, shards, seed=seed)
    prepare_bytecode(bytecode, [REPO, *([baseline] if baseline else [])])
    engines = (*ENGINES, BASELINE) if baseline else ENGINES
    cpu: dict[str, list[float]] = {engine: [] for engine in engines}
    rss: dict[str, list[float]] = {engine: [] for engine in engines}
    for repeat in range(repeats):
        order = engines[repeat % len(engines):] + engines[:repeat % len(engines)]  # rotating
        for engine in order:
            target = out / "work" / f"cost-{engine}"
            shutil.rmtree(target, ignore_errors=True)
            before = _children_cpu()
            result = run_job(_job(engine, shards, target), repo=baseline if engine == BASELINE else None)
            cpu[engine].append(_children_cpu() - before)
            rss[engine].append(result.get("rss_tree_mb") or result["maxrss_mb"])
            log(f"  {engine:<6} repeat {repeat + 1}: {cpu[engine][-1]:.2f} s CPU, {rss[engine][-1]:.1f} MB")
    med = {engine: statistics.median(cpu[engine]) for engine in engines}
    result = {"statements": statements, "repeats": repeats, "bytecode": bytecode, "load": os.getloadavg()[0],
              "whoosh_cpu": med["whoosh"], "sift_cpu": med["sift"], "ratio": med["whoosh"] / med["sift"],
              "sift_rss_mb": statistics.median(rss["sift"])}
    if baseline:
        result.update(baseline_cpu=med[BASELINE], baseline_ratio=med["whoosh"] / med[BASELINE],
                      baseline_rss_mb=statistics.median(rss[BASELINE]), **paired_ratios(cpu))
    return {**result, "all": {"cpu": cpu, "rss_mb": rss}}


def paired_ratios(cpu: dict[str, list[float]]) -> dict[str, Any]:
    """Sift's CPU over the baseline's within each repeat (the two run one
    after the other, so a host's load changing over the run moves both):
    the median and range of those ratios (below 1: Sift is faster)."""
    ratios = [now / before for now, before in zip(cpu["sift"], cpu[BASELINE])]
    return {"paired_ratio": statistics.median(ratios), "paired_range": [min(ratios), max(ratios)]}


#: Prefix of a job run under callgrind (``{out}``: its output file).
CALLGRIND = ("valgrind", "--tool=callgrind", "--callgrind-out-file={out}")
_TOTALS = re.compile(r"^(?:totals|summary):\s*(\d+)", re.MULTILINE)


def callgrind_total(report: str) -> int:
    """The instructions a callgrind output file counts (its ``totals:`` line)."""
    found = _TOTALS.search(report)
    if found is None:
        raise ValueError("no totals line in the callgrind output")
    return int(found.group(1))


def _instructions(engine: str, shards: Path, work: Path, baseline: Path | None) -> int:
    target = work / f"cg-{engine}"
    shutil.rmtree(target, ignore_errors=True)
    report = work / f"callgrind-{engine}.out"
    prefix = tuple(part.format(out=report) for part in CALLGRIND)
    run_job(_job(engine, shards, target), repo=baseline if engine == BASELINE else None, prefix=prefix)
    return callgrind_total(report.read_text())


def instruction_ratios(counts: dict[str, dict[str, int]]) -> dict[str, Any]:
    """Whoosh's instructions over each Sift engine's, total and marginal
    (total less start-up), from ``{engine: {"total": n, "startup": n}}``
    (above 1: Sift executes fewer)."""
    whoosh = counts["whoosh"]
    ratios: dict[str, Any] = {}
    for engine, count in counts.items():
        if engine == "whoosh":
            continue
        ratios[engine] = {
            "total": whoosh["total"] / count["total"],
            "marginal": (whoosh["total"] - whoosh["startup"]) / (count["total"] - count["startup"]),
        }
    return ratios


def run_instructions(out: Path, statements: int = 500, seed: int = 1, log: Any = print,
                     baseline: Path | None = None) -> dict[str, Any]:
    """Instructions of each engine's job over ``statements`` and over one
    statement (see the module text)."""
    shards = out / "corpora" / f"gen{seed}-{statements}"
    ensure_shards(f"gen{seed}", statements, shards, seed=seed)
    first = out / "corpora" / f"gen{seed}-1"
    ensure_shards(f"gen{seed}", 1, first, seed=seed)
    prepare_bytecode("cached", [REPO, *([baseline] if baseline else [])])
    work = out / "work"
    work.mkdir(parents=True, exist_ok=True)
    counts: dict[str, dict[str, int]] = {}
    for engine in (*ENGINES, BASELINE) if baseline else ENGINES:
        counts[engine] = {"total": _instructions(engine, shards, work, baseline),
                          "startup": _instructions(engine, first, work, baseline)}
        log(f"  {engine:<13} {counts[engine]['total']:,} instructions, start-up {counts[engine]['startup']:,}")
    return {"statements": statements, "instructions": counts, "whoosh_over": instruction_ratios(counts)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    parser.add_argument("--baseline", type=Path, help="another checkout, measured as a third engine")
    parser.add_argument("--bytecode", choices=(*BYTECODE_MODES, "both"), default="cached",
                        help="checkouts' .pyc compiled first (cached, default) or removed (none)")
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions under callgrind instead of timing (module text)")
    args = parser.parse_args()
    if args.instructions:
        result = run_instructions(args.out.resolve(), args.statements, args.seed,
                                  baseline=args.baseline.resolve() if args.baseline else None)
        print(json.dumps(result))
        return
    for mode in BYTECODE_MODES if args.bytecode == "both" else (args.bytecode,):
        print(f"bytecode: {mode}")
        result = run_index_cost(args.out.resolve(), args.statements, args.repeats, args.seed,
                                baseline=args.baseline.resolve() if args.baseline else None, bytecode=mode)
        print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in result.items()}))


if __name__ == "__main__":
    main()
