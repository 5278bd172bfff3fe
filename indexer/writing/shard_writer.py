"""One shard's index run fed records read elsewhere (issue 22, item 2).

A :class:`ShardWriter` is one shard's ordinary committed run
(``indexer.writing.write.open_run``) kept open between calls: the driver of
a cluster build (``indexer.writing.cluster``) reads the input and sends
each shard its statements, and the writer extracts, analyses, writes and
commits them exactly as a local run does, every ``batch_size`` statements,
recording a file in the shard's manifest once its statements are
committed. So a re-run skips what is committed, updates and prunes as a
local run does, and a writer lost mid-run loses at most its uncommitted
batch.

A plain class: Ray wraps it in an actor (``ray.remote``) in the driver;
nothing here imports Ray.
"""

from __future__ import annotations

import gc
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import cast

from indexer.errors import IngestError
from indexer.extraction.gazetteer import Gazetteer
from indexer.formats import RawStatement
from indexer.model import Statement
from indexer.writing.report import IndexReport
from indexer.writing.write import INDEXING_GC_THRESHOLDS, IndexOptions, IndexRun, OpenFile, fewer_collections, open_run

__all__ = ["Event", "FileStat", "ShardWriter"]

FileStat = tuple[str, int, int]
"""A file as the driver saw it: its key (resolved path), size and mtime in ns."""

Event = tuple[str, object]
"""What the driver sends, in file order: ``("begin", FileStat)``,
``("statement", RawStatement)`` (read, not yet built: the writer resolves
its date, so the driver only reads and routes), ``("statement", Statement)``,
``("error", IngestError)`` (a record that
could not be read), ``("end", None)`` (the file is read through) or
``("fail", IngestError)`` (it was cut short)."""


class ShardWriter:
    """One shard's run, taking the files and statements the driver sends.

    :param directory: the shard's index directory (on a filesystem the
        driver's node sees too).
    :param options: the run's options (``route`` is ignored: the driver routes).
    """

    def __init__(self, directory: str, options: IndexOptions) -> None:
        self.directory = Path(directory)
        self.options = replace(options, route=None, procs=1)
        self.stack = ExitStack()
        self.run: IndexRun | None = None
        self.open: OpenFile | None = None

    def start(self) -> None:
        """Load the gazetteers, lock the shard and open its run (a method,
        not the constructor: an error here reaches the driver as itself)."""
        with fewer_collections():
            gazetteer = Gazetteer.load(self.options.gazetteer_files)
        # This process only writes: collect garbage as an index run does (``fewer_collections``).
        gc.set_threshold(*INDEXING_GC_THRESHOLDS)
        self.run = self.stack.enter_context(open_run(self.directory, self.options, gazetteer))

    def _run(self) -> IndexRun:
        if self.run is None:
            raise RuntimeError("ShardWriter.start was not called")
        return self.run

    def changed(self, files: list[FileStat]) -> list[bool]:
        """Which files this shard must take (new or changed since its last
        commit); unchanged ones are reported as unchanged here."""
        run = self._run()
        return [not run.unchanged(key, size, mtime) for key, size, mtime in files]

    def feed(self, events: list[Event]) -> int:
        """Take the driver's events in order; commits as a local run does.

        :returns: statements this shard has taken so far in the run.
        """
        run = self._run()
        for kind, value in events:
            if kind == "begin":
                key, size, mtime = cast(FileStat, value)
                self.open = run.begin_file(key, size, mtime)
            elif kind in ("statement", "error"):
                assert self.open is not None and isinstance(value, (RawStatement, Statement, IngestError))
                run.take(self.open, value.build() if isinstance(value, RawStatement) else value)
            elif kind in ("end", "fail"):
                assert self.open is not None and (value is None or isinstance(value, IngestError))
                run.end_file(self.open, value)
                self.open = None
            else:
                raise ValueError(f"unknown event {kind!r}")
        return run.report.added + run.report.updated

    def finish(self) -> IndexReport:
        """Prune if asked, commit the last batch, release the shard: its report."""
        run = self._run()
        try:
            run.finish()
        finally:
            self.stack.close()
        return run.report

    def stop(self) -> None:
        """Commit what is queued and release the shard (another shard
        failed: what this one has taken stands; its open file is read again
        by the next run, as it is not recorded)."""
        try:
            if self.run is not None:
                self.run.commit(last=True)
        finally:
            self.stack.close()
