"""The write side of a run: the open writer, the queued statements, the
segment workers, and commits.

Statements queue here once the run has decided to write them; every
``commit_size`` of them become one commit (``indexer.writing.write`` counts them).
With worker processes (``indexer.writing.parallel``) queued chunks go to idle
workers and their segments join each commit; merges run in a worker in the
background.
"""

from __future__ import annotations


from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.writing import IndexWriter

from indexer.storage.codec import SiftCodec
from indexer.errors import IndexError_
from indexer.extraction.gazetteer import Gazetteer
from indexer.writing.parallel import SegmentWorkers, commit_with_segments
from indexer.writing.prepare import Job, fit_to_schema, prepare_document
from indexer.storage.segment import SiftWriter, merge_choice
from indexer.writing.worker_messages import WorkerSetup

#: Statements handed to a worker process at a time (amortises pickling).
WORKER_CHUNK = 32


class Batches:
    """Queued statements written and committed into the index ``ix``."""

    def __init__(self, ix: whoosh_index.Index, directory: Path, gazetteer: Gazetteer, *, run_extraction: bool,
                 group_copies: bool, limitmb: int, procs: int, gazetteer_files: tuple[Path, ...] = (),
                 start_method: str | None = None) -> None:
        self.ix = ix
        self.directory = directory
        self.gazetteer = gazetteer
        self.run_extraction = run_extraction
        self.group_copies = group_copies
        self._searcher: Any = None  # (opened on first use: see ``searcher``)
        self.writer: IndexWriter | None = None
        self.queue: list[Job] = []
        self.workers: SegmentWorkers | None = None
        self.limitmb = limitmb
        if procs > 1:
            # Every writer gets its share of the memory setting.
            self.limitmb = max(16, limitmb // procs)
            setup = WorkerSetup(str(directory), tuple(str(p) for p in gazetteer_files), run_extraction,
                                self.limitmb, group_copies)
            self.workers = SegmentWorkers(setup, gazetteer, procs - 1, start_method)

    def _writer(self) -> IndexWriter:
        if self.writer is None:
            self.writer = SiftWriter(self.ix, limitmb=self.limitmb, codec=SiftCodec())
        return self.writer

    def delete(self, statement_id: str) -> None:
        """Delete the committed versions of a statement.

        Looked up with the run's searcher: Whoosh's ``update_document`` and
        ``delete_by_term`` otherwise open a searcher over every segment per
        call. The searcher and the writer were both opened on the last
        commit (the write lock keeps it the last), so their document numbers
        agree; deleting a document twice is harmless.
        """
        self._writer().delete_by_term("id", statement_id, searcher=self.searcher)

    def add(self, job: Job) -> None:
        """Queue a statement; with workers, a full chunk goes out at once."""
        self.queue.append(job)
        if self.workers is not None and len(self.queue) >= WORKER_CHUNK:
            self.flush()

    def flush(self) -> None:
        """Write the queued statements, handing chunks to idle workers."""
        jobs, self.queue = self.queue, []
        if not jobs:
            return
        writer = self._writer()
        for job in jobs:
            if job.exists:  # replaced by the new version below (or a worker's)
                self.delete(job.statement.id)
        if self.workers is not None and self.workers.offer(jobs):
            return
        schema = writer.schema  # (``self.ix.schema`` reads the table of contents again per call)
        # Each statement (its text and extraction) is let go once written, not
        # held until the whole batch is: less peak memory per batch.
        jobs.reverse()
        while jobs:
            job = jobs.pop()
            writer.add_document(**fit_to_schema(
                prepare_document(job, self.gazetteer, self.run_extraction, self.group_copies), schema))

    def commit(self, last: bool = False) -> None:
        """Commit what is queued and written (nothing to do if nothing is).

        With workers, merges run in the background (``indexer.writing.parallel``):
        a commit lists the merges finished since the last one (the last
        commit of a run waits for the one running), then starts the next.
        """
        self.flush()
        if self.writer is None and last and self.workers is not None and self.workers.unlisted_segments(self.ix.indexname):
            self._writer()  # commit the last merge's result (else its files would be left behind)
        if self.writer is None:
            return
        try:
            if self.workers is not None:
                # (Merges first: once the workers are asked for their
                # segments, only those replies may be read.)
                merged = self.workers.take_merged(wait=last)
                self.writer.protected = tuple(self.workers.unlisted_segments(self.ix.indexname))
                self.workers.request_segments()
                commit_with_segments(self.writer, self.workers.segments, merged)
            else:
                self.writer.commit()
        except IndexError_:
            raise
        except Exception as exc:
            raise IndexError_(f"cannot write the index at {self.directory}: {exc}") from exc
        self.writer = None
        # A fresh searcher (on next use), not refresh(): refresh keeps the old
        # readers' caches alive, and memory grew with every commit.
        self._close_searcher()
        if self.workers is not None and not last:
            self.workers.start_merge(merge_choice(self.ix._segments()))

    def close(self) -> None:
        """Drop what is not committed, stop the workers, close the searcher."""
        if self.workers is not None:
            if self.writer is not None:
                self.workers.cancel()
            self.workers.close()
        if self.writer is not None:
            self.writer.cancel()
        self._close_searcher()

    @property
    def searcher(self) -> Any:
        """A searcher on the last commit, opened on first use: a run over a fresh
        index may never look anything up, and Whoosh's searching modules alone
        cost more instructions than indexing a few statements (issue 18 item 10)."""
        if self._searcher is None:
            self._searcher = self.ix.searcher()
        return self._searcher

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None



