"""Peak RSS of one segment merge, alone (issue 20, item 5).

A merge of the large segments is where an indexing run's memory peaked
(``benchmarks.memory``): this measures one, in a process of its own,
without indexing anything. It merges the chosen committed segments of an
index into a new segment (``indexer.storage.segment.write_merged_segment``, what
a background merge does), samples the process's RSS every 50 ms, and
deletes the new segment; the index itself is not changed (its table of
contents does not list the new segment). Work on a copy if another process
may write the index (``cp -al`` makes one without copying the data)::

    python -m benchmarks.merge_memory INDEX_DIR [--docs N | --all]

``--docs N`` merges the (first) segment of N documents, ``--all`` every segment.
"""

from __future__ import annotations

import json
import os
import resource
import threading
import time
from pathlib import Path
from typing import Any

import click


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(directory: Path, docs: int | None) -> dict[str, Any]:
    """Merge the segment of ``docs`` documents (``None``: all) of the index at ``directory``."""
    from whoosh.index import FileIndex

    from indexer.storage.layout import INDEX_NAME
    from indexer.storage.segment import SegmentStorage, write_merged_segment

    ix = FileIndex(SegmentStorage(str(directory)), indexname=INDEX_NAME)
    segments = ix._segments()
    chosen = segments if docs is None else [s for s in segments if s.doc_count_all() == docs][:1]
    if not chosen:
        raise click.BadParameter(f"no segment of {docs} documents: {sorted(s.doc_count_all() for s in segments)}")
    name = f"bench{os.getpid()}"
    peak, stop = [_rss_mb()], threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _rss_mb())
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    before, cpu = _rss_mb(), time.process_time()
    sampler.start()
    try:
        write_merged_segment(str(directory), chosen, name, 128)
    finally:
        stop.set()
        sampler.join()
        for path in directory.glob(f"*{name}*"):
            if path.is_file():
                path.unlink()
    return {"docs": sum(s.doc_count_all() for s in chosen), "segments": len(chosen),
            "rss_before_mb": round(before, 1), "peak_rss_mb": round(peak[0], 1),
            "maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "cpu_seconds": round(time.process_time() - cpu, 1)}


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--docs", type=int, default=None, help="Merge the segment of this many documents.")
@click.option("--all", "everything", is_flag=True, help="Merge every segment.")
def main(directory: Path, docs: int | None, everything: bool) -> None:
    """Peak RSS of merging segments of the index at DIRECTORY (nothing committed)."""
    if (docs is None) == (not everything):
        raise click.UsageError("give --docs N or --all")
    print(json.dumps(measure(directory, None if everything else docs)))


if __name__ == "__main__":
    main()
