"""What a shard's run builds of the input it reads (issue 22): every shard
reads every file, but only its own statements are built (their dates
resolved), so reading N times does not date every statement N times."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import indexer.formats.common as common
from indexer.formats import iter_raw_records, iter_records
from indexer.storage.shards import shard_of
from indexer.writing.shards import index_sharded
from indexer.writing.write import IndexOptions

SHARDS = 3


def _dated_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the statements whose date is resolved, in order."""
    calls: list[str] = []
    real = common.statement_period

    def counted(**fields: object) -> object:
        calls.append(str(fields["title"]))
        return real(**fields)  # type: ignore[arg-type]

    monkeypatch.setattr(common, "statement_period", counted)
    return calls


def test_each_shard_dates_only_its_own_statements(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    records = [{"id": f"s{n}", "title": f"T{n}", "text": f"Shelling in Aleppo on {n % 28 + 1} May 2016.",
                "date": f"2016-05-{n % 28 + 1:02d}"} for n in range(60)]
    (inputs / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n", encoding="utf-8")
    calls = _dated_calls(monkeypatch)
    report = index_sharded([inputs], tmp_path / "ix", SHARDS, IndexOptions(extract=False))
    assert sorted(calls) == sorted(r["title"] for r in records)  # each once, not once per shard
    assert report.added == 60
    assert [e.path for e in report.errors] == [f"{inputs / 'a.jsonl'}:61"]  # the bad line, once


def test_a_file_whose_statement_is_another_shards_is_not_empty(tmp_path: Path) -> None:
    """A one-statement file read by a shard that does not keep it is no
    "no statement found" error."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(8):
        (inputs / f"note-{n}.txt").write_text(f"Note {n}\n\nTalks on Idlib resumed, day {n}.\n", encoding="utf-8")
    report = index_sharded([inputs], tmp_path / "ix", SHARDS, IndexOptions(extract=False))
    assert (report.added, report.errors) == (8, [])
    path = inputs / "note-0.txt"
    [raw] = list(iter_raw_records(path))
    elsewhere = (shard_of(raw.id, SHARDS) + 1) % SHARDS
    assert list(iter_records(path, keep=lambda i: shard_of(i, SHARDS) == elsewhere)) == []
    [statement] = list(iter_records(path, keep=lambda i: shard_of(i, SHARDS) != elsewhere))
    assert statement == raw.build() and statement.id == raw.id


def test_shard_processes_share_the_gazetteer_loaded_before_forking(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Processes building shards at once are forked after this process
    loaded the gazetteer (and warmed extraction): none loads it again, and
    they build what one process builds."""
    from indexer.extraction.gazetteer import Gazetteer

    inputs = tmp_path / "in"
    inputs.mkdir()
    for part in range(3):
        (inputs / f"p{part}.jsonl").write_text("\n".join(json.dumps(
            {"id": f"p{part}-{n}", "text": f"Russian jets struck Aleppo and Idlib, day {n}."}) for n in range(20)),
            encoding="utf-8")
    loads = tmp_path / "loads"
    real = Gazetteer.load.__func__  # type: ignore[attr-defined]

    def noted(cls: type, extra_files: tuple[Path, ...] = ()) -> Gazetteer:
        with loads.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return real(cls, extra_files)  # type: ignore[no-any-return]

    monkeypatch.setattr(Gazetteer, "load", classmethod(noted))
    forked = index_sharded([inputs], tmp_path / "forked", SHARDS, IndexOptions(), workers=2)
    assert loads.read_text().split() == [str(os.getpid())]  # loaded here once, before forking
    alone = index_sharded([inputs], tmp_path / "alone", SHARDS, IndexOptions(), workers=1)
    assert (forked.added, forked.errors) == (alone.added, alone.errors) == (60, [])
    for n in range(SHARDS):
        assert ids_of(tmp_path / "forked" / f"shard-{n:03d}") == ids_of(tmp_path / "alone" / f"shard-{n:03d}")


def ids_of(shard: Path) -> dict[str, object]:
    """Each statement's id and its stored record (what extraction found in it)."""
    from whoosh import index as whoosh_index

    with whoosh_index.open_dir(str(shard)).searcher() as searcher:
        found = {fields["id"]: fields["record"] for fields in searcher.all_stored_fields()}
    assert any("Aleppo" in record for record in found.values())
    return found
