"""Where a Ray build's wall time goes (issue 22, item 5): phases and every process's CPU.

Runs one ``index_on_cluster`` build (``--cluster local``: Ray started and
stopped by the build, as ``sift index ... --cluster local`` does) and
prints one JSON line: the time at each phase (imports, ``ray.init``, the
writer actors created, the build, Ray shut down), the driver's time spent
in its calls (``_drain``: waiting for writers to take chunks, the
backpressure; ``_answers``: waiting for start, ``changed`` and ``finish``),
and the CPU seconds of every process of the build's tree (the driver, Ray's
daemons, each writer actor), sampled from ``/proc`` every 0.25 s (the last
sample of a process counts: a process's final 0.25 s may be missed).

    python -m benchmarks.ray_phases --inputs DIR --index /tmp/ix --shards 4 [--no-extract]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2:].split()  # (the name may hold spaces)


def _tree(root: int) -> list[int]:
    """``root`` and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                children.setdefault(int(_stat(int(entry))[1]), []).append(int(entry))
            except OSError:
                continue
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


class CpuSampler(threading.Thread):
    """The CPU seconds of every process in this process's tree, by name, last seen."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.seen: dict[int, tuple[str, float]] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            for pid in _tree(os.getpid()):
                try:
                    fields = _stat(pid)
                    command = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
                except OSError:
                    continue
                name = command.split(".")[0][:24].strip() if command.startswith("ray::") else Path(command.split(" ")[0]).name
                self.seen[pid] = (name, (int(fields[11]) + int(fields[12])) / TICKS)
            time.sleep(0.25)

    def by_name(self) -> dict[str, list[float]]:
        named: dict[str, list[float]] = {}
        for name, cpu in self.seen.values():
            named.setdefault(name, []).append(round(cpu, 2))
        return named


def measure(inputs: Path, index: Path, shards: int, extract: bool) -> dict[str, Any]:
    """One cluster build of ``inputs`` into ``index``, timed by phase."""
    shutil.rmtree(index, ignore_errors=True)
    sampler = CpuSampler()
    sampler.start()
    marks: list[tuple[str, float]] = [("start", time.perf_counter())]
    from indexer.writing import cluster
    from indexer.writing.write import IndexOptions

    marks.append(("imported", time.perf_counter()))
    waited: dict[str, list[float]] = {}

    def timed(name: str, method: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                calls = waited.setdefault(name, [0, 0.0])
                calls[0] += 1
                calls[1] += time.perf_counter() - began
        return call

    for name in ("_answers", "_drain", "run"):
        setattr(cluster._Build, name, timed(name, getattr(cluster._Build, name)))
    connect, make = cluster.connect, cluster._Build.__init__

    def connected(address: str) -> Any:
        answer = connect(address)
        marks.append(("ray started", time.perf_counter()))
        return answer

    def made(self: Any, *args: Any, **kwargs: Any) -> None:
        make(self, *args, **kwargs)
        marks.append(("writers created", time.perf_counter()))

    cluster.connect = connected  # type: ignore[assignment]
    cluster._Build.__init__ = made  # type: ignore[method-assign]
    load = os.getloadavg()
    report = cluster.index_on_cluster([inputs], index, shards, IndexOptions(extract=extract), address="local")
    marks.append(("built, Ray stopped", time.perf_counter()))
    time.sleep(0.5)
    sampler.done.set()
    cpu = sampler.by_name()
    wall = marks[-1][1] - marks[0][1]
    total = sum(sum(v) for v in cpu.values())
    return {
        "statements": report.added, "shards": shards, "extract": extract, "wall_s": round(wall, 2),
        "marks_s": {name: round(at - marks[0][1], 2) for name, at in marks},
        "driver_waits_s": {name: [int(n), round(s, 2)] for name, (n, s) in waited.items()},
        "driver_cpu_s": round(time.process_time(), 2), "tree_cpu_s": round(total, 2),
        "cores": round(total / wall, 2), "cpu_by_process": cpu,
        "load_before": [round(x, 2) for x in load], "load_after": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--no-extract", action="store_true")
    args = parser.parse_args()
    print(json.dumps(measure(args.inputs, args.index, args.shards, not args.no_extract)))


if __name__ == "__main__":
    main()
