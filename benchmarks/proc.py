"""One measurement per fresh subprocess, with peak RSS of its process tree.

The parent starts ``python -m benchmarks.worker <json>``; the worker runs the
job, times it itself (so interpreter start-up and imports are excluded) and
prints one JSON line. Peak RSS is measured twice:

- ``rss_tree_mb``: the parent samples the summed RSS of the worker and its
  children every 50 ms with psutil (when installed): what the machine sees;
- ``anon_tree_mb``: the same with file-backed shared pages left out (RSS minus
  ``shared``): Whoosh reads segments through mmap, and pages of the index
  files it touches while merging count in RSS although the kernel can drop
  them at any time;
- ``maxrss_mb``: ``getrusage`` in the worker, its own peak plus the largest
  peak of its children (always available; a lower bound with several children).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from typing import Any

from benchmarks import REPO


def _sample_tree(pid: int, stop: threading.Event, peak: list[float], anon: list[float]) -> None:
    try:
        import psutil
    except ImportError:
        return
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.is_set():
        try:
            procs = [root, *root.children(recursive=True)]
            total = private = 0
            for proc in procs:
                try:
                    info = proc.memory_info()
                except psutil.Error:
                    continue
                total += info.rss
                private += info.rss - getattr(info, "shared", 0)
            peak[0] = max(peak[0], total / 2**20)
            anon[0] = max(anon[0], private / 2**20)
        except psutil.Error:
            return
        stop.wait(0.05)


def run_job(job: dict[str, Any], timeout: float | None = None, repo: str | os.PathLike[str] | None = None,
            prefix: tuple[str, ...] = ()) -> dict[str, Any]:
    """Run ``job`` (see ``benchmarks.worker``) in a fresh interpreter; its JSON result.

    :param repo: another checkout whose code runs the job (before/after pairs); this one by default.
    :param prefix: a command the interpreter runs under (``valgrind --tool=callgrind ...``).
    """
    root = str(repo or REPO)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH", "")]))
    env.setdefault("PYTHONHASHSEED", "0")
    proc = subprocess.Popen(
        [*prefix, sys.executable, "-m", "benchmarks.worker", json.dumps(job)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root, env=env,
    )
    stop, peak, anon = threading.Event(), [0.0], [0.0]
    sampler = threading.Thread(target=_sample_tree, args=(proc.pid, stop, peak, anon), daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        stop.set()
        sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark job {job.get('kind')} failed (exit {proc.returncode}):\n{err[-3000:]}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["rss_tree_mb"] = round(peak[0], 1) if peak[0] else None
    result["anon_tree_mb"] = round(anon[0], 1) if anon[0] else None
    return result


def dir_size_mb(path: str | os.PathLike[str]) -> float:
    """Bytes on disk under ``path``, in MB."""
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total / 2**20


def now() -> float:
    return time.perf_counter()


#: The CPU-bound loop of :func:`parallel_capacity` (pure Python, no I/O).
_BURN = "import time\nt = time.perf_counter()\ns = 0\nfor i in range({n}): s += i\nprint(time.perf_counter() - t)"


def parallel_capacity(procs: int = 2, loops: int = 5_000_000) -> float:
    """How many processes' worth of CPU the machine gives ``procs`` processes
    at once, measured now: the same pure-Python loop timed alone, then in
    ``procs`` processes started together; ``procs * alone / slowest``.

    About ``procs`` on idle, real cores; about 1 when the cores are shared
    (a busy or throttled virtual machine), where no multi-process speed-up
    can show. Benchmarks of several processes report it next to their
    ratios, so that a low ratio can be told from a host without the cores.
    """
    if procs < 1:
        raise ValueError("procs must be at least 1")
    command = [sys.executable, "-c", _BURN.format(n=loops)]

    def seconds(count: int) -> float:
        started = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(count)]
        return max(float(p.communicate()[0].strip()) for p in started)

    alone = min(seconds(1) for _ in range(2))
    together = seconds(procs)
    return procs * alone / together if together > 0 else float(procs)
