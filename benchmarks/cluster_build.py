"""Building a sharded index: local processes vs Ray writer actors (issue 22, item 2).

Generates ``--docs`` statements (``benchmarks.corpus``) and builds them into
``--shards`` shards, round after round, in turn: one shard after another
in this process (``index_sharded``, workers=1), the shards in ``--shards``
processes at once (workers=N), and one Ray writer actor per shard fed by
this process (``index_on_cluster`` on a local Ray instance started once,
before the rounds; its start-up is reported apart). Each build goes into
a new directory. Reports statements/s (wall) per build, the medians, and
this process's CPU seconds with its children's, the Ray writer actors' CPU
seconds (each actor's process time, its start included), and before
each round how many cores the host gives ``--shards`` processes at once
(``benchmarks.proc.parallel_capacity``).

    python -m benchmarks.cluster_build --docs 4000 --shards 2 --rounds 3 --out /tmp/cluster_build
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import time
from pathlib import Path
from typing import Any, Callable

from benchmarks.corpus import ensure_shards
from benchmarks.proc import parallel_capacity


CPU_NOTE = "benchmark: writer CPU seconds "


def _timed_writer() -> type:
    """``ShardWriter`` noting its process's CPU time in its report (a
    notice, read back below): Ray's actors are not this process's children."""
    from indexer.writing.shard_writer import ShardWriter

    class TimedWriter(ShardWriter):
        def finish(self) -> Any:
            report = super().finish()
            report.notices.append(f"{CPU_NOTE}{self.directory} {time.process_time()}")
            return report

    return TimedWriter


def _actors_cpu(report: Any) -> float:
    """The writers' CPU seconds noted in ``report`` (and the notes removed)."""
    notes = [n for n in report.notices if n.startswith(CPU_NOTE)]
    report.notices = [n for n in report.notices if not n.startswith(CPU_NOTE)]
    return sum(float(n.rsplit(" ", 1)[1]) for n in notes)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=4000)
    parser.add_argument("--shards", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("/tmp/cluster_build"))
    args = parser.parse_args()

    import ray

    from indexer.ray_local import local_init_options
    from indexer.writing import cluster
    from indexer.writing.cluster import index_on_cluster
    from indexer.writing.shards import index_sharded
    from indexer.writing.write import IndexOptions

    inputs = args.out / "input"
    ensure_shards("generated", args.docs, inputs)
    files = sorted(inputs.glob("*.jsonl"))
    started = time.perf_counter()
    ray.init(**local_init_options())  # (as `--cluster local` starts it)
    ray_start = time.perf_counter() - started
    options = IndexOptions()
    setattr(cluster, "ShardWriter", _timed_writer())  # (the writers note their CPU time)
    builds: dict[str, Callable[[Path], Any]] = {
        "local, one after another": lambda d: index_sharded(files, d, args.shards, options, workers=1),
        f"local, {args.shards} processes": lambda d: index_sharded(files, d, args.shards, options,
                                                                    workers=args.shards),
        f"Ray, {args.shards} writer actors": lambda d: index_on_cluster(files, d, args.shards, options,
                                                                         address="local"),
    }
    rates: dict[str, list[float]] = {name: [] for name in builds}
    cpu: dict[str, list[float]] = {name: [] for name in builds}
    actors_cpu: list[float] = []
    capacity: list[float] = []
    for round_ in range(args.rounds):
        capacity.append(parallel_capacity(args.shards))
        for number, (name, run) in enumerate(builds.items()):
            target = args.out / f"build-{round_}-{number}"
            shutil.rmtree(target, ignore_errors=True)
            before, cpu_before = time.perf_counter(), _cpu()
            report = run(target)
            seconds = time.perf_counter() - before
            assert report.added == args.docs, (name, report.summary())
            rates[name].append(args.docs / seconds)
            cpu[name].append(_cpu() - cpu_before)
            if name.startswith("Ray"):
                actors_cpu.append(_actors_cpu(report))
            print(f"round {round_}: {name}: {seconds:.1f} s, {args.docs / seconds:.0f} statements/s", flush=True)
            shutil.rmtree(target, ignore_errors=True)
    ray.shutdown()
    summary = {
        "docs": args.docs, "shards": args.shards, "rounds": args.rounds, "ray_start_s": round(ray_start, 1),
        "cpus": os.cpu_count(), "load": os.getloadavg(),
        "cores_given_to_shards_processes": [round(c, 2) for c in capacity],
        "median_statements_per_s": {k: round(statistics.median(v)) for k, v in rates.items()},
        "median_driver_cpu_s": {k: round(statistics.median(v), 1) for k, v in cpu.items()},
        "median_ray_writers_cpu_s": round(statistics.median(actors_cpu), 1),
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
