"""Worker processes writing their own segments (``IndexOptions(procs=N)``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index

from indexer.writing import batches, parallel
from indexer.storage.check import check_index
from indexer.errors import IndexError_
from indexer.writing.write import IndexOptions, index_paths
from query import Searcher


def _write_jsonl(path: Path, count: int, tag: str = "") -> None:
    path.write_text(
        "\n".join(
            json.dumps({"id": f"{path.stem}-{i}", "title": f"Report {i}{tag}",
                        "text": f"Regime forces shelled Douma {tag}. Report number {i} from the Idlib countryside."})
            for i in range(count)
        ),
        encoding="utf-8",
    )


def _corpus(tmp_path: Path, names: str, count: int) -> Path:
    """A folder ``in`` with one JSONL file of ``count`` statements per letter of ``names``."""
    src = tmp_path / "in"
    src.mkdir()
    for name in names:
        _write_jsonl(src / f"{name}.jsonl", count)
    return src


def _live(index_dir: Path) -> dict[str, dict[str, Any]]:
    ix = whoosh_index.open_dir(str(index_dir))
    with ix.searcher() as searcher:
        docs = [dict(f) for f in searcher.all_stored_fields()]
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)), "a statement is in the index twice"
    return {d["id"]: d for d in docs}


def test_several_commits_with_workers_equal_one_process(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b", "c"):
        _write_jsonl(src / f"{name}.jsonl", 90)
    options = {"batch_size": 50}
    index_paths([src], tmp_path / "one", IndexOptions(procs=1, **options))
    report = index_paths([src], tmp_path / "three", IndexOptions(procs=3, **options))
    assert report.added == 270
    one, three = _live(tmp_path / "one"), _live(tmp_path / "three")
    assert one.keys() == three.keys()
    assert all(one[k]["record"] == three[k]["record"] for k in one)
    with Searcher(tmp_path / "one") as a, Searcher(tmp_path / "three") as b:
        for query in ("douma", "claims:shelled", "location:Idlib", '"regime forces"'):
            assert a.search(query, limit=300).total == b.search(query, limit=300).total == 270


def test_updates_through_workers_replace_the_old_version(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _write_jsonl(src / "a.jsonl", 120)
    index_paths([src], tmp_path / "ix", IndexOptions(procs=2, batch_size=40))
    _write_jsonl(src / "a.jsonl", 120, tag=" again")
    report = index_paths([src], tmp_path / "ix", IndexOptions(procs=2, batch_size=40))
    assert (report.added, report.updated) == (0, 120)
    live = _live(tmp_path / "ix")
    assert len(live) == 120
    assert all(d["title"].endswith(" again") for d in live.values())


def test_a_failing_worker_fails_the_run_and_keeps_the_last_commit(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _write_jsonl(src / "a.jsonl", 40)
    index_paths([src], tmp_path / "ix", IndexOptions(procs=2))
    _write_jsonl(src / "b.jsonl", 300)
    real = parallel.prepare_document

    def broken(job: Any, *args: Any) -> Any:
        if job.statement.id.startswith("b-"):
            raise RuntimeError("extraction blew up")
        return real(job, *args)

    # Patched before the workers fork, so both sides fail on b's statements.
    monkeypatch.setattr(parallel, "prepare_document", broken)
    monkeypatch.setattr(batches, "prepare_document", broken)
    with pytest.raises((IndexError_, RuntimeError)):
        index_paths([src], tmp_path / "ix", IndexOptions(procs=2))
    monkeypatch.undo()
    assert len(_live(tmp_path / "ix")) == 40
    report = index_paths([src], tmp_path / "ix", IndexOptions(procs=2))
    assert (report.added, report.unchanged) == (300, 40)
    assert len(_live(tmp_path / "ix")) == 340


def test_background_merges_run_in_a_worker_and_give_the_same_index(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # Many small commits: Whoosh's policy wants merges; with workers they are
    # written by a worker while indexing goes on, then committed in place of
    # their sources. The index must equal one written by a single process.
    src = _corpus(tmp_path, "abcdefgh", 60)
    started: list[int] = []
    committed: list[int] = []
    real_start, real_commit = parallel.SegmentWorkers.start_merge, batches.commit_with_segments

    def start(self: Any, sources: list[Any]) -> bool:
        ok = real_start(self, sources)
        if ok:
            started.append(sum(s.doc_count_all() for s in sources))
        return bool(ok)

    def commit(writer: Any, collect: Any, merged: Any = None) -> None:
        committed.extend(m.segment.doc_count_all() for m in merged or [] if m.segment is not None)
        real_commit(writer, collect, merged)

    monkeypatch.setattr(parallel.SegmentWorkers, "start_merge", start)
    monkeypatch.setattr(batches, "commit_with_segments", commit)
    options = {"batch_size": 8}
    index_paths([src], tmp_path / "one", IndexOptions(procs=1, **options))
    index_paths([src], tmp_path / "two", IndexOptions(procs=2, **options))
    assert started and committed, "no merge ran in the background"
    assert set(committed) <= set(started)
    assert len(whoosh_index.open_dir(str(tmp_path / "two"))._segments()) < 480 // 16
    one, two = _live(tmp_path / "one"), _live(tmp_path / "two")
    assert one.keys() == two.keys() and len(one) == 480
    assert all(one[k]["record"] == two[k]["record"] for k in one)
    with Searcher(tmp_path / "one") as a, Searcher(tmp_path / "two") as b:
        for query in ("douma", "claims:shelled", "location:Idlib", '"regime forces"', "title:report"):
            assert a.search(query, limit=500).total == b.search(query, limit=500).total == 480
    assert not [p.name for p in (tmp_path / "two").iterdir() if p.name.startswith("MAIN.merge-")]
    assert check_index(tmp_path / "two").healthy  # no merged segment left unlisted


def test_a_merge_finished_before_the_last_commit_is_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The statements fill the last batch exactly, so the run's final commit
    # has nothing to write; a merge that finished by then must still be
    # listed (its files would otherwise be left behind as debris).
    src = _corpus(tmp_path, "abcdefgh", 40)
    real_commit = batches.Batches.commit

    finished: list[int] = []

    def commit(self: Any, last: bool = False) -> None:
        workers = self.workers
        if last and workers is not None:
            assert self.writer is None and not self.queue  # the batch was full: nothing to write
            for index, merge in enumerate(workers.merging):
                while merge is not None and workers.merging[index] is merge:
                    workers._receive(index)  # finished, not yet listed
            finished.append(len(workers.merged))
        real_commit(self, last)

    monkeypatch.setattr(batches.Batches, "commit", commit)
    monkeypatch.setattr(batches, "merge_choice", lambda segments: list(segments))  # a merge after every commit
    index_paths([src], tmp_path / "ix", IndexOptions(procs=2, batch_size=8))
    assert finished and finished[0] > 0, "no merge was waiting for the last commit"
    assert check_index(tmp_path / "ix").healthy
    assert len(_live(tmp_path / "ix")) == 320


def test_a_merge_whose_sources_lost_documents_meanwhile_is_dropped() -> None:
    class Segment:
        def __init__(self, name: str, deleted: int = 0) -> None:
            self.name, self.deleted = name, deleted

        def segment_id(self) -> str:
            return self.name

        def deleted_count(self) -> int:
            return self.deleted

    merge = parallel.Merge("m", {"a": 0, "b": 1}, segment=Segment("m"))
    assert [s.name for s in merge.replace([Segment("a"), Segment("c"), Segment("b", 1)]) or []] == ["c", "m"]
    assert merge.replace([Segment("a", 1), Segment("b", 1)]) is None  # "a" lost a document
    assert merge.replace([Segment("b", 1)]) is None  # "a" is gone
    assert parallel.Merge("m", {"a": 0}).replace([Segment("a")]) is None  # not written yet


def _toc_vanishes_once_per_process(monkeypatch: pytest.MonkeyPatch, processes: str) -> list[int]:
    """Make the first TOC read of each process (``"workers"``: every process
    but this one; ``"all"``: this one too) fail as when a commit deletes the
    TOC it just listed. Returns the pids that met it (in this process)."""
    import os

    real_read = whoosh_index.TOC.read.__func__
    here, met = os.getpid(), []

    def read(cls: Any, *args: Any, **kwargs: Any) -> Any:
        pid = os.getpid()
        if pid not in met and (processes == "all" or pid != here):
            met.append(pid)
            raise FileNotFoundError("MAIN_7.toc")  # as storage.open_file raises it
        return real_read(cls, *args, **kwargs)

    monkeypatch.setattr(whoosh_index.TOC, "read", classmethod(read))
    return met


def test_a_worker_opening_the_index_during_a_commit_retries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A worker opens the newest commit when it starts a segment; a commit
    # landing between listing the TOCs and opening the newest deletes the
    # one it listed. That must not fail the run (it did: the worker's error
    # stopped indexing).
    src = _corpus(tmp_path, "abcd", 30)
    _toc_vanishes_once_per_process(monkeypatch, "workers")
    report = index_paths([src], tmp_path / "ix", IndexOptions(procs=2, batch_size=10))
    assert report.added == 120 and not report.errors
    assert len(_live(tmp_path / "ix")) == 120


def test_a_background_merge_opening_the_index_during_a_commit_retries(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from indexer.storage.segment import write_merged_segment

    src = _corpus(tmp_path, "abc", 20)
    index_paths([src], tmp_path / "ix", IndexOptions(procs=1, batch_size=20))
    sources = whoosh_index.open_dir(str(tmp_path / "ix"))._segments()
    met = _toc_vanishes_once_per_process(monkeypatch, "all")
    merged = write_merged_segment(str(tmp_path / "ix"), sources, "retriedmerge", 32)
    assert met, "the TOC read was not interrupted"
    assert merged.doc_count_all() == sum(s.doc_count_all() for s in sources) == 60


def test_workers_started_by_spawn_write_the_same_index_as_fork(tmp_path: Path) -> None:
    # ``spawn`` starts a fresh interpreter: nothing is inherited, every
    # message and the worker's setup must pickle, and the worker loads its
    # own gazetteer (the sharded, distributed build starts workers this way).
    src = _corpus(tmp_path, "abc", 60)
    options = {"batch_size": 40, "procs": 2}
    index_paths([src], tmp_path / "fork", IndexOptions(start_method="fork", **options))
    report = index_paths([src], tmp_path / "spawn", IndexOptions(start_method="spawn", **options))
    assert report.added == 180
    forked, spawned = _live(tmp_path / "fork"), _live(tmp_path / "spawn")
    assert forked.keys() == spawned.keys() and len(forked) == 180
    assert all(forked[k]["record"] == spawned[k]["record"] for k in forked)
    with Searcher(tmp_path / "fork") as a, Searcher(tmp_path / "spawn") as b:
        for query in ("douma", "claims:shelled", "location:Idlib", "actor:\"regime forces\""):
            assert a.search(query, limit=200).total == b.search(query, limit=200).total == 180
    assert check_index(tmp_path / "spawn").healthy


def test_spawned_workers_use_the_runs_gazetteer_files(tmp_path: Path) -> None:
    gazetteer = tmp_path / "extra.tsv"
    gazetteer.write_text("actor\tNorthern Kestrel Authority\tarmed_group\tKestrels\n", encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.jsonl").write_text("\n".join(
        json.dumps({"id": f"z-{i}", "title": f"Report {i}", "text": "The Kestrels shelled the town again."})
        for i in range(80)), encoding="utf-8")
    index_paths([src], tmp_path / "ix", IndexOptions(procs=2, batch_size=20, start_method="spawn",
                                                     gazetteer_files=(gazetteer,)))
    with Searcher(tmp_path / "ix") as searcher:
        assert searcher.search('actor:"Northern Kestrel Authority"', limit=100).total == 80


def test_an_unknown_start_method_is_refused(tmp_path: Path) -> None:
    src = _corpus(tmp_path, "a", 5)
    with pytest.raises(ValueError, match="start method"):
        index_paths([src], tmp_path / "ix", IndexOptions(procs=2, start_method="thread"))


def test_a_worker_answers_each_request_with_a_typed_reply(tmp_path: Path) -> None:
    from indexer.extraction.gazetteer import Gazetteer
    from indexer.writing.worker_messages import Cancelled, SegmentFinished, WorkerSetup

    worker = parallel._SegmentWorker(WorkerSetup(str(tmp_path), (), True, 16), Gazetteer.load())
    assert worker.handle(parallel.FinishSegment()) == SegmentFinished(None)  # nothing written
    assert worker.handle(parallel.CancelSegment()) == Cancelled()
    with pytest.raises(TypeError, match="unknown request"):
        worker.handle(("add", []))  # type: ignore[arg-type]  # the old string-tagged tuples
