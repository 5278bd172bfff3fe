"""``sift index --shards N --cluster ...`` (issue 22, items 2 and 4): one
writer actor per shard on the session's two-node Ray cluster builds what
the local sharded build builds, and a node lost mid-build leaves every
committed shard readable, a re-run completing it with nothing lost or
duplicated."""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import indexer.formats.common as common
from indexer.errors import SiftError
from indexer.storage.shards import shard_of
from indexer.storage.store import write_lock
from indexer.writing.cluster import ClusterBuildError, connect, index_on_cluster
from indexer.writing.shards import index_sharded
from indexer.writing.write import IndexOptions
from query import Searcher
from query.cluster import RayShards
from query.cli import main
from tests.query.cli.test_shards_cli import ids_in
from tests.query.shard_corpus import generate, write_files

SHARDS = 3


def sift(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def shard_ids(root: Path) -> list[set[str]]:
    return [ids_in(root / f"shard-{n:03d}") for n in range(SHARDS)]


def counted(root: Path) -> int:
    """Documents in the shards, deleted ones left out (a duplicate counts twice)."""
    total = 0
    for n in range(SHARDS):
        with Searcher(root / f"shard-{n:03d}") as searcher:
            total += searcher._view().reader.doc_count()
    return total


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Path]:
    """The input (six files, one with a bad record) and its local sharded build."""
    root = tmp_path_factory.mktemp("cluster_build")
    files = write_files(root / "input", generate(17, 120), files=6)
    with files[2].open("a", encoding="utf-8") as out:
        out.write("{not json\n")
    index_sharded(files, root / "local", SHARDS, IndexOptions(batch_size=10))
    return files, root / "local"


def test_a_cluster_build_equals_the_local_build(corpus: tuple[list[Path], Path], tmp_path: Path,
                                                ray_local: Any) -> None:
    files, local = corpus
    built = tmp_path / "built"
    out = sift("index", *map(str, files), "--index", str(built), "--shards", str(SHARDS), "--cluster", "local",
               "--batch-size", "10")
    assert out.splitlines()[-1].startswith("120 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 1 error (6 files)")
    assert "part-2.jsonl:21" in out  # the bad record, reported once
    assert shard_ids(built) == shard_ids(local)
    assert counted(built) == 120
    for query in ("siege", "actor:Russia OR location:Idlib", '"forces regime"~4'):
        args = ["search", query, "--format", "json", "--facets", "actor,location,year", "--limit", "40", "--or"]
        assert sift(*args, "--index", str(built)) == sift(*args, "--index", str(local))
    kept, edited = files[0].read_bytes(), files[1].read_bytes()
    files[0].unlink()
    first = json.loads(edited.splitlines()[0])
    files[1].write_bytes(edited.replace(json.dumps(first["title"]).encode(), b'"A new title"', 1))
    try:
        again = sift("index", str(files[0].parent), "--index", str(built), "--cluster", "local", "--prune")
    finally:
        files[0].write_bytes(kept)  # (the module's input)
        files[1].write_bytes(edited)
    assert again.splitlines()[-1].startswith("0 added, 1 updated, 99 unchanged, 20 removed")
    with Searcher(built / f"shard-{shard_of(first['id'], SHARDS):03d}") as shard:
        assert shard.get(first["id"])["title"] == "A new title"  # updated in its own shard
    gone = {json.loads(line)["id"] for line in kept.decode("utf-8").splitlines()}
    assert shard_ids(built) == [ids - gone for ids in shard_ids(local)]
    with write_lock(built / "shard-001"):  # another writer on one shard: its own error, naming the shard
        refused = CliRunner().invoke(main, ["index", *map(str, files), "--index", str(built), "--cluster", "local"])
    assert refused.exit_code == 1
    assert refused.output.startswith(f"Error: shard 1: the index at {built / 'shard-001'} is being written by process")


def test_the_driver_reads_and_routes_and_the_writers_build(corpus: tuple[list[Path], Path], tmp_path: Path,
                                                           ray_local: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The driver sends records unbuilt: resolving dates (most of reading's
    CPU) runs in the writers, so one driver keeps more writers busy."""
    files, local = corpus

    def refused(**_fields: object) -> None:
        raise AssertionError("the driver resolved a statement's date")

    monkeypatch.setattr(common, "statement_period", refused)  # in this process only, not in the writers
    report = index_on_cluster(files, tmp_path / "built", SHARDS, IndexOptions(batch_size=10), address="local")
    assert report.added == 120 and len(report.errors) == 1
    assert shard_ids(tmp_path / "built") == shard_ids(local)
    for n in range(SHARDS):
        with Searcher(tmp_path / "built" / f"shard-{n:03d}") as built, Searcher(local / f"shard-{n:03d}") as alone:
            for statement_id in ids_in(local / f"shard-{n:03d}"):
                assert built.get(statement_id)["date"] == alone.get(statement_id)["date"]


def test_a_writer_error_while_many_chunks_are_in_flight_fails_the_build(
        corpus: tuple[list[Path], Path], tmp_path: Path, ray_local: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """When one wait returned several answers of one shard, only its last was
    looked at: an error in an earlier chunk (a failed commit...) was lost and
    the build ended "successfully" without that chunk's statements."""
    from indexer.errors import IndexError_
    from indexer.writing import cluster
    from indexer.writing.shard_writer import ShardWriter

    class FailingOnce(ShardWriter):  # (defined here: Ray sends it to the actors by value)
        calls = 0

        def feed(self, events: Any) -> int:
            FailingOnce.calls += 1  # (per actor process)
            if FailingOnce.calls == 2 and self.directory.name == "shard-000":
                raise IndexError_("cannot write the segment: no space left on device")
            return super().feed(events)

    monkeypatch.setattr(cluster, "ShardWriter", FailingOnce)
    files, _local = corpus
    # One statement a chunk and no limit on chunks in flight: the last wait gathers every answer at once.
    with pytest.raises(ClusterBuildError, match="^shard 0: cannot write the segment: no space left on device"):
        index_on_cluster(files, tmp_path / "built", SHARDS, IndexOptions(batch_size=10), address="local",
                         chunk=1, in_flight=1000)


class _Priority:
    """An actor telling its process's niceness."""

    def niceness(self) -> int:
        return os.nice(0)


def test_a_local_ray_instance_runs_the_actors_at_the_drivers_priority(ray_local: Any,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Ray starts its workers 15 nice levels down: Sift's writers and shard
    searchers got a few per cent of a core on a busy machine (a build waited
    108-582 s for 25 CPU seconds). A local instance is started without that."""
    probes = [ray_local.remote(scheduling_strategy="SPREAD")(_Priority).remote() for _ in range(2)]  # both nodes
    assert ray_local.get([p.niceness.remote() for p in probes]) == [os.nice(0)] * 2  # Ray honours the setting
    started: list[dict[str, Any]] = []
    monkeypatch.setattr(ray_local, "is_initialized", lambda: False)
    monkeypatch.setattr(ray_local, "init", lambda **options: started.append(options))
    connect("local")  # the build's driver
    RayShards([], address="local")  # the searchers' (no shards: no actors)
    assert [options["_system_config"]["worker_niceness"] for options in started] == [0, 0]


def test_no_ray_or_no_cluster_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # bound, not listening: nothing answers there
        with pytest.raises(ClusterBuildError, match=f"cannot reach the Ray cluster at '127.0.0.1:{port}'"):
            connect(f"127.0.0.1:{port}")
    out = CliRunner().invoke(main, ["index", str(tmp_path), "--index", str(tmp_path / "ix"), "--cluster", "local"])
    assert out.exit_code == 2 and "--cluster builds a sharded index: give --shards N" in out.output
    out = CliRunner().invoke(main, ["index", str(tmp_path), "--index", str(tmp_path / "ix"), "--shards", "2",
                                    "--cluster", "local", "--procs", "2"])
    assert out.exit_code == 2 and "--procs is for local builds" in out.output
    monkeypatch.setitem(sys.modules, "ray", None)  # as if the cluster extra were not installed
    out = CliRunner().invoke(main, ["index", str(tmp_path), "--index", str(tmp_path / "ix"), "--shards", "2",
                                    "--cluster", "local"])
    assert out.exit_code == 1
    assert out.output == "Error: a cluster build needs the cluster extra: pip install 'sift-search[cluster]'\n"


def _committed(root: Path) -> list[int]:
    """Each shard's committed statements (0 before its first commit)."""
    found = []
    for n in range(SHARDS):
        try:
            found.append(len(ids_in(root / f"shard-{n:03d}")))
        except SiftError:
            found.append(0)
    return found


@pytest.mark.slow  # a node stopped and one started: a few seconds
def test_a_node_lost_mid_build_keeps_what_is_committed_and_a_rerun_completes_it(
        corpus: tuple[list[Path], Path], tmp_path: Path, ray_nodes: Any, ray_local: Any) -> None:
    files, local = corpus
    built = tmp_path / "built"
    worker = next(iter(ray_nodes.worker_nodes))
    read: list[Path] = []

    def lose_the_worker_node(path: Path) -> None:
        read.append(path)
        if len(read) == 3:  # once every shard has committed a batch
            deadline = time.monotonic() + 60
            while min(_committed(built)) == 0 and time.monotonic() < deadline:
                time.sleep(0.2)
            ray_nodes.remove_node(worker)

    options = IndexOptions(batch_size=5)
    try:
        failed = r"^shard (\d): its writer failed: .*run the same command again"
        with pytest.raises(ClusterBuildError, match=failed) as lost:
            index_on_cluster(files, built, SHARDS, options, address="local", chunk=5, in_flight=3,
                             progress=lose_the_worker_node)
    finally:
        ray_nodes.add_node(num_cpus=1)  # the session's cluster as it was
        ray_nodes.wait_for_nodes()
    shard = int(str(lost.value).split()[1].rstrip(":"))
    before = _committed(built)
    assert 0 < before[shard] < len(ids_in(local / f"shard-{shard:03d}"))  # it died part-way, some committed
    # Every committed statement stays readable; a write the kill cut short may
    # have left its temporary files (named, repairable), nothing else.
    checked = CliRunner().invoke(main, ["check", "--index", str(built)]).output
    problems = [line.strip() for line in checked.splitlines() if line.strip().startswith("problem:")]
    assert all("left by an interrupted write" in line for line in problems), checked
    assert "DAMAGED" not in checked, checked
    report = index_on_cluster(files, built, None, options, address="local")
    assert report.added == 120 - sum(before) and report.unchanged == sum(before)
    assert shard_ids(built) == shard_ids(local)
    assert counted(built) == 120  # nothing twice
    assert sift("check", "--index", str(built)).startswith(f"{built}: healthy")  # the re-run cleared them
