"""Build throughput of sharded indexes: shards x workers, one fresh process a build (issue 22, item 5).

Each build runs in its own ``python -m benchmarks.shard_build one ...``
process, which times itself and prints one JSON line: wall seconds, CPU
seconds (its own and its reaped children's: the shard workers), peak RSS of
the driver and of the largest worker (``getrusage``), and the host's load
average before and after. ``cores`` = CPU / wall is the CPU the host
actually gave the build; ``statements/cpu_s`` is the CPU-normalised speed,
which compares builds run under different loads.

One shard is one index (``index_paths``, ``procs`` = workers: the driver and
``workers - 1`` processes writing segments); N shards is ``index_sharded``
with ``workers`` shards built at once, each reading the whole input and
keeping its own statements.

    python -m benchmarks.shard_build matrix --input generated:200000 --shards 1,2,4 --workers 1,2 --out /tmp/sb
    python -m benchmarks.shard_build matrix --input ungdc --shards 1,2,4 --workers 1,2 --out /tmp/sb
    python -m benchmarks.shard_build one --inputs DIR --index DIR --shards 4 --workers 2 --no-extract
    python -m benchmarks.shard_build ab --inputs DIR --checkouts /tmp/base,. --builds 1x1,4x2 --rounds 3 --out /tmp/ab

``ab`` compares checkouts of Sift in the same run: each round builds every
``SHARDSxWORKERS`` with each checkout in turn (a fresh process whose working
directory is the checkout, so its ``indexer`` is imported), so the host's
load falls on both alike; compare the CPU seconds.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import REPO


def build_one(inputs: Path, index: Path, shards: int, workers: int, extract: bool) -> dict[str, Any]:
    """Build ``index`` from ``inputs`` in this process (and its workers); the measurements."""
    from indexer.writing.shards import index_sharded
    from indexer.writing.write import IndexOptions, index_paths

    load_before = os.getloadavg()
    start, cpu = time.perf_counter(), time.process_time()
    if shards == 1:
        report = index_paths([inputs], index, IndexOptions(procs=workers, extract=extract))
    else:
        report = index_sharded([inputs], index, shards, IndexOptions(extract=extract), workers=workers)
    wall = time.perf_counter() - start
    own = time.process_time() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    child_cpu = children.ru_utime + children.ru_stime
    total_cpu = own + child_cpu
    statements = report.added + report.updated + report.unchanged
    return {
        "shards": shards, "workers": workers, "extract": extract, "statements": statements,
        "seconds": round(wall, 1), "cpu_s": round(total_cpu, 1), "driver_cpu_s": round(own, 1),
        "cores": round(total_cpu / wall, 2) if wall else None,
        "statements_per_s": round(statements / wall, 1) if wall else None,
        "statements_per_cpu_s": round(statements / total_cpu, 1) if total_cpu else None,
        "driver_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_rss_mb": round(children.ru_maxrss / 1024, 1) if children.ru_maxrss else None,
        "load_before": [round(x, 2) for x in load_before], "load_after": [round(x, 2) for x in os.getloadavg()],
        "errors": len(report.errors),
    }


def start_fresh(inputs: Path, index: Path, shards: int, workers: int, extract: bool,
                checkout: Path = REPO) -> subprocess.Popen[str]:
    """:func:`build_one` started in a fresh process (its own peak RSS), into a
    new ``index``, with the Sift of ``checkout``; :func:`finish` reads it."""
    shutil.rmtree(index, ignore_errors=True)
    command = [sys.executable, "-m", "benchmarks.shard_build", "one", "--inputs", str(inputs), "--index", str(index),
               "--shards", str(shards), "--workers", str(workers), *([] if extract else ["--no-extract"])]
    return subprocess.Popen(command, cwd=checkout, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen[str]) -> dict[str, Any]:
    """The measurements a :func:`start_fresh` build printed (waits for it)."""
    out, err = process.communicate()
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, process.args, out, err)
    return dict(json.loads(out.strip().splitlines()[-1]))


def run_fresh(inputs: Path, index: Path, shards: int, workers: int, extract: bool,
              checkout: Path = REPO) -> dict[str, Any]:
    """:func:`build_one` in a fresh process, waited for."""
    return finish(start_fresh(inputs, index, shards, workers, extract, checkout))


def prepare_input(spec: str, out: Path) -> Path:
    """The input folder for ``generated:N`` (``benchmarks.corpus``, seed 1) or
    ``ungdc[:N]`` (the UN General Debate speeches as paragraphs, ``benchmarks.ungdc``;
    the first N of them)."""
    kind, _, count = spec.partition(":")
    if kind == "ungdc" and (not count or count.isdigit()):
        from benchmarks.corpus import write_shards
        from benchmarks.ungdc import ensure_paragraphs, statements

        if not count:
            return ensure_paragraphs(out / "input-ungdc")
        directory = out / f"input-ungdc-{count}"
        if not (directory / ".complete").exists():
            write_shards(itertools.islice(statements(), int(count)), directory)
        return directory
    if kind != "generated" or not count.isdigit():
        raise SystemExit(f"--input: generated:N or ungdc[:N], not {spec!r}")
    from benchmarks.corpus import ensure_shards

    directory = out / f"input-generated-{count}"
    ensure_shards("generated", int(count), directory)
    return directory


def matrix(spec: str, shard_counts: list[int], worker_counts: list[int], extract: bool, out: Path) -> list[dict[str, Any]]:
    """Every shards x workers build of one input, appended to ``out/builds.jsonl`` as each ends."""
    inputs = prepare_input(spec, out)
    rows = []
    for shards in shard_counts:
        for workers in worker_counts:
            row = {"input": spec, **run_fresh(inputs, out / f"ix-{spec.replace(':', '-')}-{shards}x{workers}",
                                               shards, workers, extract)}
            rows.append(row)
            with (out / "builds.jsonl").open("a") as log:
                log.write(json.dumps(row) + "\n")
            print(json.dumps(row), flush=True)
    return rows


def compare(inputs: Path, checkouts: list[Path], builds: list[tuple[int, int]], rounds: int, extract: bool,
            out: Path) -> list[dict[str, Any]]:
    """Every build with every checkout in turn, ``rounds`` times, appended to
    ``out/ab.jsonl``; then each build's median CPU seconds per checkout."""
    rows = []
    for round_ in range(rounds):
        for shards, workers in builds:
            for checkout in checkouts:
                row = {"round": round_, "checkout": str(checkout), "inputs": str(inputs),
                       **run_fresh(inputs, out / f"ix-ab-{shards}x{workers}", shards, workers, extract, checkout)}
                rows.append(row)
                with (out / "ab.jsonl").open("a") as log:
                    log.write(json.dumps(row) + "\n")
                print(json.dumps(row), flush=True)
    for shards, workers in builds:
        medians = []
        for checkout in checkouts:
            cpu = sorted(r["cpu_s"] for r in rows if r["checkout"] == str(checkout)
                         and (r["shards"], r["workers"]) == (shards, workers))
            medians.append(cpu[len(cpu) // 2])
        print(f"{shards}x{workers}: median CPU s " + " / ".join(f"{c} {m}" for c, m in zip(checkouts, medians))
              + " ratio " + " / ".join(f"{m / medians[0]:.3f}" for m in medians), flush=True)
    return rows


def split_halves(inputs: Path, files_each: int, out: Path) -> tuple[Path, Path]:
    """Two disjoint inputs of ``files_each`` files each (links to the first
    ``2 x files_each`` files of ``inputs``), for :func:`ceiling`."""
    files = sorted(p for p in inputs.iterdir() if p.suffix == ".jsonl")[: 2 * files_each]
    if len(files) < 2 * files_each:
        raise SystemExit(f"--inputs has {len(files)} files, {2 * files_each} needed")
    halves = (out / "half-a", out / "half-b")
    for half, chosen in zip(halves, (files[:files_each], files[files_each:])):
        shutil.rmtree(half, ignore_errors=True)
        half.mkdir(parents=True)
        for path in chosen:
            (half / path.name).symlink_to(path.resolve())
    return halves


def spin(seconds: float) -> dict[str, Any]:
    """A fixed amount of pure-interpreter work (no memory traffic beyond the
    caches): the control that tells slower cores from shared caches."""
    start, cpu = time.perf_counter(), time.process_time()
    total, n = 0, int(seconds * 2.0e7)
    for i in range(n):
        total += i & 7
    return {"kind": "spin", "seconds": round(time.perf_counter() - start, 2),
            "cpu_s": round(time.process_time() - cpu, 2), "statements": n}


def lookups(seconds: float, keys: int = 4_000_000) -> dict[str, Any]:
    """A fixed number of random lookups in a dict far larger than the caches
    (~400 MB at 4M keys): the control that shares the memory system as the
    builds' word caches and postings do."""
    import random

    table = {n * 7919: n for n in range(keys)}
    probes = [random.Random(1).randrange(keys) * 7919 for _ in range(1_000_000)]
    start, cpu = time.perf_counter(), time.process_time()
    total, n = 0, max(1, int(seconds * 25))
    for _ in range(n):
        for key in probes:
            total += table[key]
    return {"kind": "lookups", "seconds": round(time.perf_counter() - start, 2),
            "cpu_s": round(time.process_time() - cpu, 2), "statements": n * len(probes)}


def start_spin(seconds: float, kind: str = "spin") -> subprocess.Popen[str]:
    """:func:`spin` (or :func:`lookups`) in a fresh process."""
    return subprocess.Popen([sys.executable, "-m", "benchmarks.shard_build", "spin", "--seconds", str(seconds),
                             *(["--lookups"] if kind == "lookups" else [])],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _steal() -> int:
    """The host's stolen ticks so far (``/proc/stat``; 0 where there is none)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
        return int(fields[8]) if len(fields) > 8 else 0
    except OSError:
        return 0


def ceiling(inputs: Path, files_each: int, rounds: int, extract: bool, out: Path,
            spin_seconds: float = 0.0) -> list[dict[str, Any]]:
    """The host's parallel ceiling: one-worker builds of two disjoint halves,
    each alone, then both at once (fresh processes), ``rounds`` times;
    optionally the :func:`spin` and :func:`lookups` controls the same way. Rows appended to
    ``out/ceiling.jsonl``; :func:`ceiling_summary` compares them."""
    halves = split_halves(inputs, files_each, out)
    rows: list[dict[str, Any]] = []

    def record(row: dict[str, Any]) -> None:
        rows.append(row)
        with (out / "ceiling.jsonl").open("a") as log:
            log.write(json.dumps(row) + "\n")
        print(json.dumps(row), flush=True)

    for round_ in range(rounds):
        kinds = [("build", lambda i: start_fresh(halves[i], out / f"ix-half-{i}", 1, 1, extract))]
        if spin_seconds:
            kinds.append(("spin", lambda i: start_spin(spin_seconds)))
            kinds.append(("lookups", lambda i: start_spin(spin_seconds, "lookups")))
        for kind, start in kinds:
            for i in (0, 1):
                steal = _steal()
                record({"round": round_, "kind": kind, "half": i, "mode": "alone",
                        **finish(start(i)), "steal_ticks": _steal() - steal})
            steal, began = _steal(), time.perf_counter()
            both = [start(i) for i in (0, 1)]
            results = [finish(process) for process in both]
            pair_wall, stolen = time.perf_counter() - began, _steal() - steal
            for i, result in enumerate(results):
                record({"round": round_, "kind": kind, "half": i, "mode": "together", **result,
                        "pair_wall_s": round(pair_wall, 2), "steal_ticks": stolen})
    return rows


def ceiling_summary(rows: list[dict[str, Any]], kind: str = "build") -> dict[str, Any]:
    """Per round: CPU per statement of the two halves run together over the
    same halves run alone; the median ratio, and ``2 / ratio``, the cores two
    such processes get out of two; and the wall speed-up of running both at
    once (the alone walls' sum over the slower of the two together)."""
    ratios, speedups = [], []
    for round_ in sorted({r["round"] for r in rows if r["kind"] == kind}):
        mine = [r for r in rows if r["kind"] == kind and r["round"] == round_]
        alone = [r for r in mine if r["mode"] == "alone"]
        together = [r for r in mine if r["mode"] == "together"]
        if len(alone) != 2 or len(together) != 2:
            continue
        per = [sum(r["cpu_s"] for r in group) / sum(r["statements"] for r in group) for group in (alone, together)]
        ratios.append(per[1] / per[0])
        # Each process's own timed section (start-up and a control's setup left out).
        speedups.append(sum(r["seconds"] for r in alone) / max(r["seconds"] for r in together))
    if not ratios:
        return {"kind": kind, "rounds": 0}
    median = statistics.median(ratios)
    return {"kind": kind, "rounds": len(ratios), "cpu_ratios": [round(r, 3) for r in ratios],
            "median_cpu_ratio": round(median, 3), "effective_cores": round(2 / median, 2),
            "wall_speedups": [round(s, 2) for s in speedups]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("one", help="one build, in this process")
    one.add_argument("--inputs", type=Path, required=True)
    one.add_argument("--index", type=Path, required=True)
    one.add_argument("--shards", type=int, default=1)
    one.add_argument("--workers", type=int, default=1)
    one.add_argument("--no-extract", action="store_true", help="skip extraction (to measure the rest)")
    many = sub.add_parser("matrix", help="shards x workers builds, each in a fresh process")
    many.add_argument("--input", default="generated:200000", help="generated:N or ungdc[:N]")
    many.add_argument("--shards", default="1,2,4")
    many.add_argument("--workers", default="1,2")
    many.add_argument("--no-extract", action="store_true")
    many.add_argument("--out", type=Path, default=Path("/tmp/sift-shard-build"))
    ab = sub.add_parser("ab", help="the same builds with several checkouts, alternating")
    ab.add_argument("--inputs", type=Path, required=True)
    ab.add_argument("--checkouts", required=True, help="comma-separated checkout directories; the first is the baseline")
    ab.add_argument("--builds", default="1x1,4x2", help="SHARDSxWORKERS, comma-separated")
    ab.add_argument("--rounds", type=int, default=3)
    ab.add_argument("--no-extract", action="store_true")
    ab.add_argument("--out", type=Path, default=Path("/tmp/sift-shard-ab"))
    top = sub.add_parser("ceiling", help="two independent one-worker builds: alone vs at once")
    top.add_argument("--inputs", type=Path, required=True)
    top.add_argument("--files-each", type=int, default=20, help="input files in each half")
    top.add_argument("--rounds", type=int, default=3)
    top.add_argument("--spin", type=float, default=0.0, help="also a pure-interpreter control of ~N CPU s")
    top.add_argument("--no-extract", action="store_true")
    top.add_argument("--out", type=Path, default=Path("/tmp/sift-ceiling"))
    control = sub.add_parser("spin", help="the ceiling's control, in this process")
    control.add_argument("--seconds", type=float, default=5.0)
    control.add_argument("--lookups", action="store_true", help="random lookups in a large dict instead")
    args = parser.parse_args()
    if args.command == "spin":
        print(json.dumps(lookups(args.seconds) if args.lookups else spin(args.seconds)))
    elif args.command == "ceiling":
        args.out.mkdir(parents=True, exist_ok=True)
        rows = ceiling(args.inputs, args.files_each, args.rounds, not args.no_extract, args.out, args.spin)
        for kind in ("build", "spin", "lookups"):
            print(json.dumps(ceiling_summary(rows, kind)), flush=True)
    elif args.command == "ab":
        args.out.mkdir(parents=True, exist_ok=True)
        builds = [(int(b.split("x")[0]), int(b.split("x")[1])) for b in args.builds.split(",")]
        compare(args.inputs, [Path(c).resolve() for c in args.checkouts.split(",")], builds, args.rounds,
                not args.no_extract, args.out)
    elif args.command == "one":
        print(json.dumps(build_one(args.inputs, args.index, args.shards, args.workers, not args.no_extract)))
    else:
        args.out.mkdir(parents=True, exist_ok=True)
        matrix(args.input, [int(n) for n in args.shards.split(",")], [int(n) for n in args.workers.split(",")],
               not args.no_extract, args.out)


if __name__ == "__main__":
    main()
