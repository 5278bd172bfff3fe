"""Building a sharded index with local processes (issue 22).

``index_sharded`` writes the shard manifest (``indexer.storage.shards``)
and runs one ordinary index run per shard (``indexer.writing.write``), each
keeping only the statements routed to its shard (``IndexOptions.route``).
Every shard is a complete Sift index with its own file manifest, so what a
run does for one index it does per shard: unchanged files are skipped,
a changed statement is updated in its own shard, ``--prune`` removes the
statements of vanished files from every shard, and an interrupted run
resumes from each shard's last commit.

Each shard's run reads the input itself (reading and parsing N times;
resolving dates, extraction and writing, the bulk of the cost, once per
statement: ``iter_records(keep=...)``). The shards' runs are independent,
so ``workers`` of them run at once in separate processes, forked where the
platform has it after this process has loaded the gazetteers and warmed
what extraction loads on first use (``prepare.warm_up``), so they share
it instead of each loading it. On a Ray cluster (``indexer.writing.cluster``) the
input is read once and each shard's run is fed its statements.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from indexer.extraction.gazetteer import Gazetteer
from indexer.storage.layout import index_exists
from indexer.storage.shards import ShardError, ShardLayout, ShardRoute, is_sharded, read_layout, write_layout
from indexer.writing.parallel import default_start_method
from indexer.writing.prepare import warm_up
from indexer.writing.report import IndexReport
from indexer.writing.write import IndexOptions, fewer_collections, index_paths

__all__ = ["index_sharded", "shard_layout"]


def shard_layout(root: Path, shards: int | None) -> ShardLayout:
    """The layout to index into: the recorded one, or a new one of ``shards``.

    :raises ShardError: ``root`` is an index of one shard, or was made with
        another number of shards.
    """
    if is_sharded(root):
        layout = read_layout(root)
        if shards is not None and shards != layout.count:
            raise ShardError(
                f"{root} has {layout.count} shards, not {shards}: index again into a new directory "
                f"to change the number of shards")
        return layout
    if index_exists(root):
        raise ShardError(f"{root} is an index of one shard: index into a new directory to shard it")
    if shards is None:
        raise ShardError(f"no sharded index at {root}: give the number of shards")
    return ShardLayout(root, shards)


#: The gazetteer loaded before forking the shards' processes (inherited, not pickled).
_forked_gazetteer: Gazetteer | None = None


def _run_shard(paths: Sequence[Path], layout: ShardLayout, shard: int, options: IndexOptions,
               progress: Callable[[Path], None] | None = None,
               on_files: Callable[[int], None] | None = None) -> IndexReport:
    route = ShardRoute(layout.root, layout.count, shard)
    return index_paths(list(paths), layout.directory(shard), replace(options, route=route),
                       progress=progress, on_files=on_files, gazetteer=_forked_gazetteer)


def index_sharded(
    paths: Sequence[Path],
    root: Path,
    shards: int | None,
    options: IndexOptions | None = None,
    *,
    workers: int = 1,
    progress: Callable[[Path], None] | None = None,
    on_files: Callable[[int], None] | None = None,
) -> IndexReport:
    """Index every statement under ``paths`` into the sharded index at ``root``.

    :param shards: the number of shards of a new index (``None``: the
        recorded number; giving another raises ``ShardError``).
    :param workers: shards built at once, each in its own process (1: one
        after another, in this process).
    :param progress: called after each file of each shard's pass.
    :param on_files: called once with the number of file passes (files x shards).
    :returns: the shards' reports summed (files and their errors once).
    """
    options = options or IndexOptions()
    root = root.resolve()
    layout = shard_layout(root, shards)
    write_layout(layout)
    reports: list[IndexReport] = []
    if workers <= 1:
        announced: list[int] = []

        def count_files(n: int) -> None:
            if not announced and on_files:
                on_files(n * layout.count)
            announced.append(n)

        for shard in range(layout.count):
            reports.append(_run_shard(paths, layout, shard, options, progress, count_files))
    else:
        reports = _run_in_processes(paths, layout, options, min(workers, layout.count))
    return merge_reports(reports)


def _run_in_processes(paths: Sequence[Path], layout: ShardLayout, options: IndexOptions,
                      workers: int) -> list[IndexReport]:
    """Every shard's run, ``workers`` at once in separate processes."""
    global _forked_gazetteer
    method = options.start_method or default_start_method()
    if method == "fork":
        with fewer_collections():
            _forked_gazetteer = Gazetteer.load(options.gazetteer_files)
        warm_up(_forked_gazetteer, options.extract)
        # What is loaded now is never freed while the runs go on: out of the
        # collector's generations, a child's collections do not touch (and
        # so copy) its pages.
        gc.freeze()
    try:
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(_run_shard, list(paths), layout, shard, options)
                       for shard in range(layout.count)]
            return [f.result() for f in futures]
    finally:
        if method == "fork":
            _forked_gazetteer = None
            gc.unfreeze()


def merge_reports(reports: Sequence[IndexReport]) -> IndexReport:
    """One report of the shards' runs: statements summed; files, file errors
    and notices (which every shard's pass meets) once each."""
    merged = IndexReport()
    seen_errors: set[tuple[str, str]] = set()
    for report in reports:
        merged.added += report.added
        merged.updated += report.updated
        merged.unchanged += report.unchanged
        merged.removed += report.removed
        merged.skipped = max(merged.skipped, report.skipped)
        merged.files = max(merged.files, report.files)
        for error in report.errors:
            if (error.path, error.reason) not in seen_errors:
                seen_errors.add((error.path, error.reason))
                merged.errors.append(error)
        merged.notices.extend(n for n in report.notices if n not in merged.notices)
    return merged

