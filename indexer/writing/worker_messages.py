"""The messages between the indexing process and its segment workers.

Each request and reply is a small frozen dataclass, so the protocol is
declared in one place, checked by type, and pickles the same under the
``fork`` and ``spawn`` start methods (``indexer.writing.parallel``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

from indexer.writing.prepare import Job


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker needs to start: everything in it pickles, so a worker
    started by ``spawn`` (a fresh interpreter) builds its own gazetteer from
    ``gazetteer_files`` instead of inheriting the indexing process's."""

    directory: str
    gazetteer_files: tuple[str, ...]
    run_extraction: bool
    limitmb: int
    group_copies: bool = True


# -- requests (indexing process -> worker) ------------------------------------
@dataclass(frozen=True)
class AddJobs:
    """Prepare and write these statements into the worker's open segment."""

    jobs: list[Job]


@dataclass(frozen=True)
class FinishSegment:
    """Close the open segment and send it back for the next commit."""


@dataclass(frozen=True)
class MergeSegments:
    """Write the committed segments ``sources`` as one new segment."""

    sources: list[Any]
    segment_id: str


@dataclass(frozen=True)
class CancelSegment:
    """Drop the open segment (its batch is not committed)."""


@dataclass(frozen=True)
class Stop:
    """End the worker."""


Request = Union[AddJobs, FinishSegment, MergeSegments, CancelSegment, Stop]


# -- replies (worker -> indexing process) -------------------------------------
@dataclass(frozen=True)
class Added:
    count: int


@dataclass(frozen=True)
class SegmentFinished:
    """The finished segment, or ``None`` if the worker wrote nothing."""

    segment: Any


@dataclass(frozen=True)
class MergeWritten:
    segment: Any


@dataclass(frozen=True)
class Cancelled:
    pass


@dataclass(frozen=True)
class WorkerFailed:
    """A request failed in the worker; ``details`` is its traceback."""

    details: str


Reply = Union[Added, SegmentFinished, MergeWritten, Cancelled, WorkerFailed]
