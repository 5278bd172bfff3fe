"""Worker processes that prepare *and write* statements into their own segments.

With one writer, the writer process is the bottleneck: storing postings
costs more than extracting and analysing them, so workers that only
prepared documents waited for it. Here each worker owns a Whoosh segment
writer of its own (Whoosh segments are independent files; the table of
contents lists them), the way Whoosh's ``MpWriter(multisegment=True)`` does:

- the indexing process sends a worker chunks of statements (``AddJobs``)
  and keeps writing chunks itself when every worker is busy;
- at each commit it asks every worker to finish its segment
  (``FinishSegment``), and lists the finished segments in the same new
  table of contents as its own.

The requests and replies are the typed messages of
``indexer.writing.worker_messages``. Workers start by ``fork`` where the platform
has it (they share the loaded gazetteer) or by ``spawn`` (each loads the
gazetteer from the run's files); both give the same index.

A worker never commits or deletes: deletions (updated statements) stay with
the indexing process's writer, which holds the lock. A segment a worker
wrote but that no committed table of contents lists (a crash, a cancelled
batch) is debris that the next commit or ``store.tidy_index`` removes.

Merges run in a worker too (``MergeSegments``), in the background: with one writing
process, the workers waited at each commit while it merged segments. After
a commit, the indexing process picks the segments Whoosh's policy would
merge (``segment.merge_choice``) and hands them to an idle worker, which
writes the merged segment while indexing goes on (the indexing process
writes the chunks itself meanwhile). A later commit lists the merged
segment in place of its sources, if none of them lost documents in the
meantime (else the merge is dropped, and made again later).
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from indexer.errors import IndexError_
from indexer.extraction.gazetteer import Gazetteer
from indexer.writing.prepare import Job, fit_to_schema, prepare_document, warm_up
from indexer.writing.worker_messages import (
    Added,
    AddJobs,
    CancelSegment,
    Cancelled,
    FinishSegment,
    MergeSegments,
    MergeWritten,
    Reply,
    Request,
    SegmentFinished,
    Stop,
    WorkerFailed,
    WorkerSetup,
)

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

#: Chunks a worker may have queued before the indexing process writes the
#: next chunk itself (keeps both busy without piling work on one side).
MAX_QUEUED = 2


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the indexing process dies (even by
    SIGKILL), so no orphan keeps writing into the index directory."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the worker still stops at its next read of the pipe


class _SegmentWorker:
    """One worker's side of the protocol (``indexer.writing.worker_messages``): its
    open segment writer, and one handler per request."""

    def __init__(self, setup: WorkerSetup, gazetteer: Gazetteer) -> None:
        self.setup = setup
        self.gazetteer = gazetteer
        self.writer: Any = None

    def handle(self, request: Request) -> Reply:
        if isinstance(request, AddJobs):
            return self.add(request.jobs)
        if isinstance(request, FinishSegment):
            return self.finish()
        if isinstance(request, MergeSegments):
            from indexer.storage.segment import write_merged_segment

            return MergeWritten(write_merged_segment(self.setup.directory, request.sources, request.segment_id,
                                                     self.setup.limitmb))
        if isinstance(request, CancelSegment):
            self.close_segment()
            return Cancelled()
        raise TypeError(f"unknown request to an indexing worker: {request!r}")

    def add(self, jobs: list[Job]) -> Added:
        from whoosh import index as whoosh_index

        from indexer.storage.codec import SiftCodec
        from indexer.storage.segment import SiftWriter
        from indexer.storage.store import retry_missing

        setup = self.setup
        if self.writer is None:
            # Retried: a commit landing between listing the TOCs and
            # opening the newest deletes the one this worker listed.
            self.writer = retry_missing(lambda: SiftWriter(whoosh_index.open_dir(setup.directory), _lk=False,
                                                           limitmb=setup.limitmb, codec=SiftCodec()))
        for job in jobs:
            document = prepare_document(job, self.gazetteer, setup.run_extraction, setup.group_copies)
            self.writer.add_document(**fit_to_schema(document, self.writer.schema))
        return Added(len(jobs))

    def finish(self) -> SegmentFinished:
        segment = None
        if self.writer is not None:
            if self.writer._added:
                segment = self.writer._finalize_segment()
                self.writer = None
            else:
                self.close_segment()
        return SegmentFinished(segment)

    def close_segment(self) -> None:
        if self.writer is not None:
            self.writer._close_segment()
            self.writer = None


def _worker(setup: WorkerSetup, gazetteer: Gazetteer | None, inbox: Connection) -> None:
    """A worker process's loop: one reply per request until ``Stop`` or the
    pipe closes. ``gazetteer`` is the indexing process's (inherited by
    ``fork``); ``None`` under ``spawn``, where it is loaded here."""
    _die_with_parent()
    if gazetteer is None:
        gazetteer = Gazetteer.load(setup.gazetteer_files)
    worker = _SegmentWorker(setup, gazetteer)
    while True:
        try:
            request = inbox.recv()
        except EOFError:
            return
        if isinstance(request, Stop):
            return
        try:
            reply = worker.handle(request)
        except BaseException:  # noqa: BLE001 - reported to the indexing process
            reply = WorkerFailed(traceback.format_exc(limit=6))
            worker.writer = None
        inbox.send(reply)


def default_start_method() -> str:
    """``fork`` where the platform has it (workers share the loaded
    gazetteer's memory and start at once), else ``spawn``."""
    import multiprocessing  # (here: a one-process run never needs it)

    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


class SegmentWorkers:
    """``count`` worker processes writing segments of the index at ``directory``."""

    def __init__(self, setup: WorkerSetup, gazetteer: Gazetteer, count: int, start_method: str | None = None) -> None:
        method = start_method or default_start_method()
        if method not in ("fork", "spawn", "forkserver"):
            raise ValueError(f"unknown process start method {method!r} (fork, spawn or forkserver)")
        import multiprocessing

        context = multiprocessing.get_context(method)
        if method == "fork":
            warm_up(gazetteer, setup.run_extraction)
        inherited = gazetteer if method == "fork" else None
        self.pipes: list[Connection] = []
        self.processes: list[Any] = []
        self.queued: list[int] = []
        for _ in range(count):
            ours, theirs = context.Pipe()
            process = context.Process(target=_worker, args=(setup, inherited, theirs), daemon=True)
            process.start()
            theirs.close()
            self.pipes.append(ours)
            self.processes.append(process)
            self.queued.append(0)
        #: Per worker: the merge it is writing, or ``None``.
        self.merging: list[Merge | None] = [None] * count
        #: Finished merges not yet committed.
        self.merged: list[Merge] = []
        self._asked: list[int] = []  # the workers asked to finish their segments

    def _receive(self, index: int) -> Reply:
        try:
            reply = self.pipes[index].recv()
        except (EOFError, OSError) as exc:
            raise IndexError_(f"an indexing worker process died ({exc or 'no reply'})") from exc
        if isinstance(reply, WorkerFailed):
            raise IndexError_(f"an indexing worker process failed:\n{reply.details}")
        if isinstance(reply, Added):
            self.queued[index] -= 1
        elif isinstance(reply, MergeWritten):
            merge = self.merging[index]
            self.merging[index] = None
            if merge is not None:
                merge.segment = reply.segment
                self.merged.append(merge)
        return reply

    def _drain(self) -> None:
        for index, pipe in enumerate(self.pipes):
            while pipe.poll():
                self._receive(index)

    def offer(self, jobs: list[Job]) -> bool:
        """Hand ``jobs`` to the least busy worker; ``False`` if all are busy
        (the caller then writes them itself)."""
        self._drain()
        idle = [i for i in range(len(self.pipes)) if self.merging[i] is None]
        if not idle:
            return False
        index = min(idle, key=self.queued.__getitem__)
        if self.queued[index] >= MAX_QUEUED:
            return False
        self.pipes[index].send(AddJobs(jobs))
        self.queued[index] += 1
        return True

    def request_segments(self) -> None:
        """Ask every worker to finish its segment (collect with :meth:`segments`);
        a worker writing a merge took no statements since it started it."""
        self._asked = [i for i in range(len(self.pipes)) if self.merging[i] is None]
        for index in self._asked:
            self.pipes[index].send(FinishSegment())

    def segments(self) -> list[Any]:
        """The finished segments asked for by :meth:`request_segments`."""
        finished = []
        for index in self._asked:
            while True:
                reply = self._receive(index)
                if isinstance(reply, SegmentFinished):
                    if reply.segment is not None:
                        finished.append(reply.segment)
                    break
        return finished

    def start_merge(self, sources: list[Any]) -> bool:
        """Have an idle worker merge the committed segments ``sources``;
        ``False`` if a merge is running already (one at a time) or no worker
        is idle. Call it right after a commit: the workers have no segment
        open then."""
        from whoosh.util import random_name

        if any(self.merging) or len(sources) < 2:
            return False
        self._drain()
        idle = [i for i in range(len(self.pipes)) if self.queued[i] == 0]
        if not idle:
            return False
        merge = Merge(random_name(16), {s.segment_id(): s.deleted_count() for s in sources})
        self.pipes[idle[0]].send(MergeSegments(sources, merge.segment_id))
        self.merging[idle[0]] = merge
        return True

    def unlisted_segments(self, indexname: str) -> list[str]:
        """Names (``segment_id()``) of the segments merged or being merged that
        no table of contents lists yet: a commit must keep their files."""
        self._drain()
        merges = [m for m in self.merging if m is not None] + self.merged
        return [f"{indexname}_{m.segment_id}" for m in merges]

    def take_merged(self, wait: bool = False) -> list[Merge]:
        """The finished merges (all of them, waiting for those running, with ``wait``)."""
        self._drain()
        if wait:
            for index, merge in enumerate(self.merging):
                while self.merging[index] is merge and merge is not None:
                    self._receive(index)
        done, self.merged = self.merged, []
        return done

    def cancel(self) -> None:
        """Drop the segments in progress (the batch is not committed)."""
        for index, pipe in enumerate(self.pipes):
            try:
                pipe.send(CancelSegment())
                while not isinstance(self._receive(index), Cancelled):
                    pass
            except (IndexError_, OSError):
                continue

    def close(self) -> None:
        for pipe in self.pipes:
            try:
                pipe.send(Stop())
            except OSError:
                pass
        for process in self.processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()
        for pipe in self.pipes:
            pipe.close()
        self.pipes, self.processes, self.queued = [], [], []


@dataclass
class Merge:
    """A background merge: the segment it writes, and its sources' deleted
    counts when it started (``segment`` is set once it is written)."""

    segment_id: str
    sources: dict[str, int]
    segment: Any = None

    def replace(self, segments: list[Any]) -> list[Any] | None:
        """``segments`` with the merged segment in place of its sources, or
        ``None`` if a source is gone or lost documents since the merge began."""
        current = {s.segment_id(): s for s in segments}
        if self.segment is None or any(
                sid not in current or current[sid].deleted_count() != count for sid, count in self.sources.items()):
            return None
        return [s for s in segments if s.segment_id() not in self.sources] + [self.segment]


def commit_with_segments(writer: Any, collect: Callable[[], list[Any]],
                         merged: list[Merge] | None = None) -> None:
    """Commit ``writer`` (a Whoosh ``SegmentWriter``) with the segments
    ``collect()`` returns listed in the same table of contents.

    Whoosh's own ``SegmentWriter.commit``, plus the extra segments: merge
    small committed segments, finish this writer's segment (while the
    workers finish theirs), then write the TOC naming all of them. With
    ``merged`` (background merges), nothing is merged here: each finished
    merge that still applies takes its sources' place.
    """
    writer._check_state()
    try:
        if merged is None:
            final = writer._merge_segments(None, None, None)
        else:
            final = list(writer.segments)
            for merge in merged:
                final = merge.replace(final) or final  # a merge that no longer applies is dropped
        if writer._added:
            final.append(writer._finalize_segment())
        else:
            writer._close_segment()
        final.extend(collect())
        writer._commit_toc(final)
    finally:
        writer._finish()
