"""Turning a statement into a ready-to-write Whoosh document, in parallel if asked.

Everything except writing postings happens here: extraction, building the
document and analysing its text fields into term lists (Whoosh takes a list
of terms as an already-analysed value and stores the ``_stored_<field>``
text). That is the part worker processes can share; the single Whoosh
writer then only writes postings.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from indexer.analysis import analyze
from indexer.extract import extract
from indexer.gazetteer import Gazetteer
from indexer.model import Extraction, Statement
from indexer.schema import ANALYSED_FIELDS, STORED_ANALYSED_FIELDS, positions_postings, to_document

#: Statements sent to a worker at a time: large enough to amortise pickling.
CHUNK = 32


@dataclass(frozen=True)
class Job:
    """One statement to prepare, with what the writer already decided."""

    statement: Statement
    source: str
    digest: str
    exists: bool


def prepare_document(job: Job, gazetteer: Gazetteer, run_extraction: bool) -> dict[str, Any]:
    """Extract and build the document of one statement, its text pre-analysed."""
    statement = job.statement
    statement.extraction = extract(statement, gazetteer) if run_extraction else Extraction()
    doc = to_document(statement.to_json(), body=statement.body, source=job.source, content_hash=job.digest)
    for name in ANALYSED_FIELDS:
        text = doc.get(name)
        if text:
            if name in STORED_ANALYSED_FIELDS:
                doc[f"_stored_{name}"] = text
            doc[name] = positions_postings(analyze(text))
    return doc


# Worker state, set once per process by the pool initializer (fork shares it).
_WORKER: dict[str, Any] = {}


def _init_worker(gazetteer: Gazetteer, run_extraction: bool) -> None:
    _WORKER["gazetteer"] = gazetteer
    _WORKER["extract"] = run_extraction


def _prepare_chunk(jobs: list[Job]) -> list[dict[str, Any]]:
    return [prepare_document(j, _WORKER["gazetteer"], _WORKER["extract"]) for j in jobs]


class Preparer:
    """Prepares documents inline (``procs=1``) or in worker processes.

    With ``procs=N`` (N > 1) N-1 workers extract and analyse while this
    process writes; results come back in submission order.
    """

    def __init__(self, gazetteer: Gazetteer, run_extraction: bool, procs: int = 1) -> None:
        self.gazetteer = gazetteer
        self.run_extraction = run_extraction
        self.pool: Any = None
        if procs > 1:
            gazetteer.find_actors("Warm up the matchers before forking.")
            gazetteer.find_locations("Warm up the matchers before forking.")
            analyze("warm up the stemmer")
            context = multiprocessing.get_context("fork")
            self.pool = context.Pool(max(1, procs - 1), _init_worker, (gazetteer, run_extraction))

    def prepare(self, jobs: list[Job]) -> Iterator[tuple[Job, dict[str, Any]]]:
        """``(job, document)`` pairs for ``jobs``, in order."""
        if self.pool is None or len(jobs) < 2 * CHUNK:
            for job in jobs:
                yield job, prepare_document(job, self.gazetteer, self.run_extraction)
            return
        chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
        for chunk, docs in zip(chunks, self.pool.imap(_prepare_chunk, chunks)):
            yield from zip(chunk, docs)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

