"""Which statements the index already holds (``indexer.writing.known``)."""

from __future__ import annotations

import json
from pathlib import Path

from whoosh import index as whoosh_index

from indexer.writing.known import KnownStatements
from indexer.writing.write import IndexOptions, index_paths


def _write(root: Path, name: str, ids: list[str]) -> None:
    root.mkdir(exist_ok=True)
    (root / name).write_text("\n".join(json.dumps({"id": i, "text": f"Statement {i} on Aleppo."}) for i in ids),
                             encoding="utf-8")


def test_indexed_sees_live_statements_in_every_segment_and_not_deleted_ones(tmp_path: Path) -> None:
    inputs, ix_dir = tmp_path / "in", tmp_path / "ix"
    _write(inputs, "a.jsonl", ["a1", "a2"])
    index_paths([inputs], ix_dir, IndexOptions(extract=False))
    _write(inputs, "b.jsonl", ["b1"])
    _write(inputs, "a.jsonl", ["a1"])  # a2 removed from its file: deleted from the index
    index_paths([inputs], ix_dir, IndexOptions(extract=False))
    ix = whoosh_index.open_dir(str(ix_dir))
    with ix.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) >= 2
        found = {i: KnownStatements.indexed(searcher, i) for i in ("a1", "a2", "b1", "zz")}
        assert found == {i: searcher.document_number(id=i) is not None for i in found}
    assert found == {"a1": True, "a2": False, "b1": True, "zz": False}


def test_a_fresh_index_looks_no_statement_up_and_a_later_run_still_does(tmp_path: Path, monkeypatch) -> None:
    """A new index holds nothing to replace: its run makes no id lookups
    (they were a lookup per statement in every segment), and still stores
    every statement once and reports repeated ids; a run on the built
    index looks statements up again, so an unchanged one is not rewritten."""
    inputs, ix_dir = tmp_path / "in", tmp_path / "ix"
    _write(inputs, "a.jsonl", [f"a{n}" for n in range(30)])
    _write(inputs, "b.jsonl", ["b1", "a3"])  # a3 again: a repeated id
    calls: list[str] = []
    real = KnownStatements.indexed

    def counted(searcher, statement_id: str) -> bool:
        calls.append(statement_id)
        return real(searcher, statement_id)

    monkeypatch.setattr(KnownStatements, "indexed", staticmethod(counted))
    report = index_paths([inputs], ix_dir, IndexOptions(extract=False, batch_size=7))
    assert calls == []
    assert report.added == 31 and any("duplicate id 'a3'" in e.reason for e in report.errors)
    _write(inputs, "c.jsonl", ["c1"])
    again = index_paths([inputs], ix_dir, IndexOptions(extract=False))
    assert calls == ["c1"]  # a.jsonl and b.jsonl are unchanged files: not read
    assert (again.added, again.unchanged) == (1, 31)
    ix = whoosh_index.open_dir(str(ix_dir))
    assert ix.doc_count() == 32
