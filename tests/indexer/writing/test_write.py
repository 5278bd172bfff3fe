"""Incremental indexing: nothing duplicated, unchanged skipped, changes applied."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from indexer.errors import IndexLockedError
from indexer.storage.store import write_lock
from indexer.writing.write import IndexOptions, index_paths


def stored(index_dir: Path) -> dict[str, dict[str, object]]:
    """id -> stored fields of every live statement."""
    ix = whoosh_index.open_dir(str(index_dir))
    with ix.searcher() as searcher:
        return {str(f["id"]): dict(f) for f in searcher.all_stored_fields()}


def corpus(root: Path) -> Path:
    root.mkdir()
    (root / "a.txt").write_text("Shelling in Homs\n\nShelling hit Homs on Monday.", encoding="utf-8")
    (root / "b.jsonl").write_text(
        "\n".join(json.dumps({"id": f"b{i}", "title": f"B{i}", "text": f"Text {i} about Aleppo."}) for i in range(3)),
        encoding="utf-8",
    )
    (root / "notes.pdf").write_bytes(b"%PDF")  # unsupported inside a folder: skipped
    return root


def test_first_run_adds_everything(tmp_path: Path) -> None:
    report = index_paths([corpus(tmp_path / "in")], tmp_path / "ix")
    assert (report.added, report.updated, report.unchanged, report.skipped) == (4, 0, 0, 1)
    assert report.errors == []
    assert len(stored(tmp_path / "ix")) == 4


def test_rerun_on_unchanged_input_adds_nothing(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    index_paths([src], tmp_path / "ix")
    before = stored(tmp_path / "ix")
    report = index_paths([src], tmp_path / "ix")
    assert (report.added, report.updated, report.unchanged) == (0, 0, 4)
    assert stored(tmp_path / "ix") == before


def test_touched_but_identical_file_is_unchanged_by_content_hash(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    index_paths([src], tmp_path / "ix")
    os.utime(src / "b.jsonl", ns=(1, 1))
    report = index_paths([src], tmp_path / "ix")
    assert (report.added, report.updated, report.unchanged) == (0, 0, 4)


def test_changed_file_updates_its_statements_without_duplicates(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    index_paths([src], tmp_path / "ix")
    (src / "b.jsonl").write_text(
        json.dumps({"id": "b0", "title": "B0", "text": "Rewritten text about Idlib."})
        + "\n"
        + json.dumps({"id": "b1", "title": "B1", "text": "Text 1 about Aleppo."}),
        encoding="utf-8",
    )
    (src / "a.txt").write_text("Shelling in Homs\n\nShelling hit Homs on Tuesday.", encoding="utf-8")
    report = index_paths([src], tmp_path / "ix")
    docs = stored(tmp_path / "ix")
    assert (report.updated, report.unchanged, report.removed) == (2, 1, 1)
    assert {"b0", "b1"} <= set(docs) and "b2" not in docs
    assert "Idlib" in str(docs["b0"]["body"])
    assert len(docs) == 3
    assert any("Tuesday" in str(d["body"]) for d in docs.values())


def test_prune_removes_statements_of_deleted_files(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    index_paths([src], tmp_path / "ix")
    (src / "b.jsonl").unlink()
    assert len(stored(tmp_path / "ix")) == 4
    report = index_paths([src], tmp_path / "ix", IndexOptions(prune=True))
    assert report.removed == 3
    assert len(stored(tmp_path / "ix")) == 1


def test_bad_file_is_reported_and_the_rest_indexed(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    (src / "broken.txt").write_bytes(b"\xff\xfe\x00garbage" * 3 + b"\x00")
    (src / "empty.md").write_text("", encoding="utf-8")
    (src / "c.jsonl").write_text('{"text": "Good line."}\n{bad\n', encoding="utf-8")
    report = index_paths([src], tmp_path / "ix")
    assert report.added == 5
    reasons = {Path(e.path.split(":")[0]).name: e.reason for e in report.errors}
    assert set(reasons) == {"broken.txt", "empty.md", "c.jsonl"}
    assert "malformed JSON" in reasons["c.jsonl"]


def test_duplicate_ids_across_files_keep_the_first(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("1.jsonl", "2.jsonl"):
        (src / name).write_text(json.dumps({"id": "same", "text": f"From {name}."}), encoding="utf-8")
    report = index_paths([src], tmp_path / "ix")
    assert report.added == 1
    assert "duplicate id 'same'" in report.errors[0].reason


def test_batches_commit_along_the_way(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "many.jsonl").write_text(
        "\n".join(json.dumps({"id": str(i), "text": f"Statement {i}."}) for i in range(25)), encoding="utf-8"
    )
    index_paths([src], tmp_path / "ix", IndexOptions(batch_size=10))
    ix = whoosh_index.open_dir(str(tmp_path / "ix"))
    assert ix.latest_generation() >= 2  # more than one commit
    assert ix.doc_count() == 25


def test_updates_across_segments_and_batches_keep_one_version_each(tmp_path: Path) -> None:
    # Deletions look documents up with the run's searcher: its document
    # numbers must match the writer's over several segments, also for
    # statements updated after a commit in the middle of their file.
    src = tmp_path / "in"
    src.mkdir()

    def write(version: str) -> None:
        for f in range(3):
            (src / f"{f}.jsonl").write_text(
                "\n".join(json.dumps({"id": f"{f}-{i}", "text": f"Statement {f}-{i}, {version}."}) for i in range(10)),
                encoding="utf-8",
            )

    write("first")
    index_paths([src], tmp_path / "ix", IndexOptions(batch_size=7))
    assert len(whoosh_index.open_dir(str(tmp_path / "ix"))._segments()) > 1
    write("second")
    report = index_paths([src], tmp_path / "ix", IndexOptions(batch_size=7))
    assert (report.added, report.updated, report.unchanged, report.removed) == (0, 30, 0, 0)
    docs = stored(tmp_path / "ix")
    assert len(docs) == 30 and all("second" in str(d["body"]) for d in docs.values())
    assert whoosh_index.open_dir(str(tmp_path / "ix")).doc_count() == 30


def test_second_writer_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    index_paths([src], tmp_path / "ix")
    with write_lock((tmp_path / "ix").resolve()):
        with pytest.raises(IndexLockedError, match="being written by process"):
            index_paths([src], tmp_path / "ix")


def test_stale_lock_of_a_dead_process_is_cleared(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    index_paths([src], tmp_path / "ix")
    (tmp_path / "ix" / "sift.lock").write_text("999999999", encoding="utf-8")
    report = index_paths([src], tmp_path / "ix")
    assert any("999999999" in n for n in report.notices)


def test_worker_processes_index_the_same_documents(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "many.jsonl").write_text(
        "\n".join(
            json.dumps({"id": str(i), "title": f"T{i}", "text": f"Regime forces shelled Douma, report {i}."})
            for i in range(150)
        ),
        encoding="utf-8",
    )
    index_paths([src], tmp_path / "one", IndexOptions(procs=1))
    report = index_paths([src], tmp_path / "two", IndexOptions(procs=2))
    assert report.added == 150
    one, two = stored(tmp_path / "one"), stored(tmp_path / "two")
    assert one.keys() == two.keys()
    assert all(one[k]["record"] == two[k]["record"] and one[k]["body"] == two[k]["body"] for k in one)


def test_indexing_collects_garbage_less_often_and_restores_the_collector(tmp_path: Path) -> None:
    import gc

    from indexer.writing.write import INDEXING_GC_THRESHOLDS

    inputs = corpus(tmp_path / "in")
    before = gc.get_threshold()
    seen: list[tuple[int, ...]] = []
    index_paths([inputs], tmp_path / "ix", progress=lambda path: seen.append(gc.get_threshold()))
    assert seen and set(seen) == {INDEXING_GC_THRESHOLDS}
    assert gc.get_threshold() == before

    def fail(path: Path) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        index_paths([inputs], tmp_path / "ix2", progress=fail)
    assert gc.get_threshold() == before


def test_an_untitled_statement_is_not_found_by_title_words(tmp_path: Path) -> None:
    from query import Searcher

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "s.jsonl").write_text(
        json.dumps({"id": "a", "text": "Aleppo was shelled on Monday."}) + "\n", encoding="utf-8")
    index_paths([tmp_path / "in"], tmp_path / "ix")
    with Searcher(tmp_path / "ix") as searcher:
        assert searcher.search("shelled").total == 1
        assert searcher.search("title:shelled").total == 0


def test_an_ingest_error_pickles_with_its_path_and_reason() -> None:
    # A report's errors cross to and from Ray actors (issue 22); the
    # default pickling passed the message alone and failed to load.
    import pickle

    from indexer.errors import IngestError

    clone = pickle.loads(pickle.dumps(IngestError("a.jsonl:3", "not JSON")))
    assert (clone.path, clone.reason, str(clone)) == ("a.jsonl:3", "not JSON", "a.jsonl:3: not JSON")


def test_a_new_extractor_version_extracts_unchanged_input_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade whose extraction differs must not leave the old extraction
    of unchanged files in the index (the version is part of the fingerprint)."""
    from indexer.writing import write

    src = corpus(tmp_path / "in")
    index_paths([src], tmp_path / "ix")
    monkeypatch.setattr(write, "EXTRACTOR_VERSION", write.EXTRACTOR_VERSION + "-next")
    report = index_paths([src], tmp_path / "ix")
    assert (report.added, report.updated, report.unchanged) == (0, 4, 0)
    assert len(stored(tmp_path / "ix")) == 4
