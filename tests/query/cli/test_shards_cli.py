"""``sift index --shards N`` and the commands on a sharded index (issue 22):
statements routed to their shard, re-runs skipping unchanged files and
updating a statement in its own shard, ``--prune`` across shards, and
``search``, ``show``, ``stats`` giving what one index gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from indexer.storage.shards import SHARDS_FILE, shard_of
from query import Searcher
from query.cli import main
from tests.query.shard_corpus import generate, write_files


def sift(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result.output


def ids_in(shard: Path) -> set[str]:
    with Searcher(shard) as searcher:
        return {f["id"] for f in searcher._view().reader.all_stored_fields()}  # (live documents only)


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    return write_files(tmp_path / "input", generate(3, 60), files=3)


def test_index_search_show_stats_on_shards(tmp_path: Path, inputs: list[Path]) -> None:
    one, sharded = str(tmp_path / "one"), str(tmp_path / "sharded")
    sift("index", *map(str, inputs), "--index", one)
    out = sift("index", *map(str, inputs), "--index", sharded, "--shards", "3")
    assert out.startswith("60 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 0 errors (3 files)")
    assert json.loads((tmp_path / "sharded" / SHARDS_FILE).read_text())["count"] == 3
    every = [ids_in(tmp_path / "sharded" / f"shard-{n:03d}") for n in range(3)]
    assert sum(map(len, every)) == 60 and all(every)
    for n, found in enumerate(every):
        assert {shard_of(i, 3) for i in found} == {n}
    for query in ("siege", "actor:Russia OR location:Idlib", '"forces regime"~4'):
        args = ["search", query, "--format", "json", "--facets", "actor,location,year", "--histogram", "month",
                "--limit", "30", "--or"]
        assert sift(*args, "--index", sharded) == sift(*args, "--index", one)
    some = sorted(every[1])[0]
    assert sift("show", some, "--index", sharded, "--format", "json") == sift("show", some, "--index", one,
                                                                                "--format", "json")
    stats = json.loads(sift("stats", "--index", sharded, "--format", "json"))
    expected = json.loads(sift("stats", "--index", one, "--format", "json"))
    assert stats["shards"] == 3
    for key in ("statements", "first_date", "last_date", "publishers", "actors", "claims", "input_errors"):
        assert stats[key] == expected[key], key


def _rewrite(path: Path, change: Any) -> None:
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    path.write_text("".join(json.dumps(r) + "\n" for r in change(records)), "utf-8")


def test_reruns_update_in_place_and_prune_across_shards(tmp_path: Path, inputs: list[Path]) -> None:
    index = str(tmp_path / "sharded")
    sift("index", *map(str, inputs), "--index", index, "--shards", "2")
    # Unchanged files are skipped; the recorded shard count is used.
    assert sift("index", *map(str, inputs), "--index", index).startswith("0 added, 0 updated, 60 unchanged")
    # One statement changed: updated in its own shard, nowhere else.
    first = json.loads(inputs[0].read_text("utf-8").splitlines()[0])
    _rewrite(inputs[0], lambda rs: [{**r, "text": r["text"] + " Updated."} if r["id"] == first["id"] else r
                                    for r in rs])
    assert sift("index", *map(str, inputs), "--index", index).startswith("0 added, 1 updated, 59 unchanged")
    home = tmp_path / "sharded" / f"shard-{shard_of(first['id'], 2):03d}"
    other = tmp_path / "sharded" / f"shard-{1 - shard_of(first['id'], 2):03d}"
    assert first["id"] in ids_in(home) and first["id"] not in ids_in(other)
    shown = json.loads(sift("show", first["id"], "--index", index, "--format", "json"))
    assert shown["body"].endswith("Updated.")
    # A file gone: --prune removes its statements from every shard.
    gone = {json.loads(line)["id"] for line in inputs[2].read_text("utf-8").splitlines()}
    inputs[2].unlink()
    out = sift("index", *map(str, inputs[:2]), "--index", index, "--prune")
    assert f"{len(gone)} removed" in out
    left = ids_in(tmp_path / "sharded" / "shard-000") | ids_in(tmp_path / "sharded" / "shard-001")
    assert len(left) == 60 - len(gone) and not left & gone
    assert {shard_of(i, 2) for i in gone} == {0, 1}  # (the pruned file had statements in both shards)


def test_shard_count_mismatch_and_an_unsharded_index_are_refused(tmp_path: Path, inputs: list[Path]) -> None:
    sharded, one = str(tmp_path / "sharded"), str(tmp_path / "one")
    sift("index", str(inputs[0]), "--index", sharded, "--shards", "2")
    out = sift("index", str(inputs[0]), "--index", sharded, "--shards", "3", code=1)
    assert "has 2 shards, not 3" in out
    sift("index", str(inputs[0]), "--index", one)
    assert "is an index of one shard" in sift("index", str(inputs[0]), "--index", one, "--shards", "2", code=1)


def test_shards_built_by_parallel_processes_equal_one_by_one(tmp_path: Path, inputs: list[Path]) -> None:
    serial, parallel = str(tmp_path / "serial"), str(tmp_path / "parallel")
    sift("index", *map(str, inputs), "--index", serial, "--shards", "2")
    out = sift("index", *map(str, inputs), "--index", parallel, "--shards", "2", "--procs", "2")
    assert out.startswith("60 added")
    for n in range(2):
        assert ids_in(tmp_path / "parallel" / f"shard-{n:03d}") == ids_in(tmp_path / "serial" / f"shard-{n:03d}")
    args = ["search", "siege OR aleppo", "--format", "json", "--limit", "60"]
    assert sift(*args, "--index", parallel) == sift(*args, "--index", serial)


def test_check_verifies_every_shard_and_the_routing(tmp_path: Path, inputs: list[Path]) -> None:
    index = str(tmp_path / "sharded")
    sift("index", *map(str, inputs), "--index", index, "--shards", "2")
    out = sift("check", "--index", index)
    assert out.startswith(f"{index}: healthy, 60 statements in 2 shards")
    assert json.loads(sift("check", "--index", index, "--format", "json"))["healthy"] is True
    # A statement written into the wrong shard (as a changed routing would leave it) is a problem.
    stray = next(r for r in generate(4, 40) if shard_of(r["id"] + "x", 2) == 1)
    source = tmp_path / "stray.jsonl"
    source.write_text(json.dumps({**stray, "id": stray["id"] + "x"}) + "\n", "utf-8")
    sift("index", str(source), "--index", str(tmp_path / "sharded" / "shard-000"))
    out = sift("check", "--index", index, code=1)
    assert f"problem: shard 0 holds 1 statements routed to other shards ({stray['id']}x)" in out
