"""Issue 6, point 3: readers keep working during a run; writers exclude each other."""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from whoosh.qparser import QueryParser

from indexer.storage.check import check_index
from query.cli import main
from indexer.errors import IndexLockedError
from indexer.storage.store import LOCK_FILE, open_index, open_searcher, write_lock
from tests.reliability.conftest import make_corpus, sift, start_sift, stored

READER_SCRIPT = """
import json, sys, time
from pathlib import Path
from typing import Any
from indexer.storage.store import open_index, open_searcher
seen = []
deadline = time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline:
    with open_searcher(open_index(Path(sys.argv[1]))) as s:
        seen.append(s.doc_count())
        list(s.all_stored_fields())[:1]
    if Path(sys.argv[3]).exists():
        break
print(json.dumps(seen))
"""


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(proc.stdout)


def test_stale_lock_of_a_dead_process_is_reported_and_taken_over(tmp_path: Path) -> None:
    pid = _dead_pid()
    (tmp_path / LOCK_FILE).write_text(str(pid))
    with write_lock(tmp_path) as lock:
        assert lock.stale_pid == pid
        assert (tmp_path / LOCK_FILE).read_text() == str(__import__("os").getpid())
    assert (tmp_path / LOCK_FILE).read_text() == ""  # released cleanly


def test_lock_naming_a_live_process_without_its_flock_is_not_stale(tmp_path: Path) -> None:
    (tmp_path / LOCK_FILE).write_text("1")  # pid 1 lives; it holds no flock
    with write_lock(tmp_path) as lock:
        assert lock.stale_pid is None


def test_held_lock_stops_a_second_writer_with_the_holder_pid(tmp_path: Path) -> None:
    with write_lock(tmp_path):
        with pytest.raises(IndexLockedError, match=r"being written by process \d+; wait for it"):
            with write_lock(tmp_path, wait=0.3):
                pass


def test_cli_notes_a_stale_lock(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", files=1, per_file=5)
    args = ["index", str(tmp_path / "in"), "--index", str(tmp_path / "ix")]
    CliRunner().invoke(main, args, catch_exceptions=False)
    pid = _dead_pid()
    (tmp_path / "ix" / LOCK_FILE).write_text(str(pid))
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0
    assert f"note: cleared a write lock left by process {pid}, which is gone" in result.output


@pytest.mark.slow
def test_readers_and_a_second_writer_during_an_index_run(tmp_path: Path) -> None:
    records = make_corpus(tmp_path / "in", files=4, per_file=500, seed=3)
    index_dir = tmp_path / "ix"
    make_corpus(tmp_path / "first", files=1, per_file=50, seed=4, prefix="f")
    assert sift("index", str(tmp_path / "first"), "--index", str(index_dir)).returncode == 0
    args = ("index", str(tmp_path / "in"), "--index", str(index_dir), "--batch-size", "200", "--no-progress")
    done = tmp_path / "done"
    reader_proc = subprocess.Popen(
        [sys.executable, "-c", READER_SCRIPT, str(index_dir), "120", str(done)], stdout=subprocess.PIPE, text=True
    )
    writer = start_sift(*args)
    errors: list[BaseException] = []
    counts: dict[int, list[int]] = {}
    stop = threading.Event()

    def read(n: int) -> None:
        seen = counts.setdefault(n, [])
        try:
            while not stop.is_set():
                with open_searcher(open_index(index_dir)) as searcher:
                    # searcher.schema, not ix.schema: Whoosh re-reads the newest
                    # TOC for ix.schema, which a concurrent commit may just delete.
                    query = QueryParser("body", searcher.schema).parse("homs")
                    hits = searcher.search(query, limit=5)
                    for hit in hits:
                        json.loads(hit["record"])
                    seen.append(searcher.doc_count())
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=read, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    # Wait until the writer holds the lock, then race it with a second writer.
    deadline = time.monotonic() + 30
    while (index_dir / LOCK_FILE).read_text().strip() != str(writer.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    second = sift(*args)
    assert second.returncode == 1
    assert f"is being written by process {writer.pid}" in second.stderr
    waiting = start_sift(*args, "--wait", "120")
    writer.communicate(timeout=120)
    waited_out = waiting.communicate(timeout=120)[0]
    assert (writer.returncode, waiting.returncode) == (0, 0)
    assert f"0 added, 0 updated, {len(records)} unchanged" in waited_out
    stop.set()
    for thread in threads:
        thread.join()
    done.touch()
    polled = json.loads(reader_proc.communicate(timeout=60)[0])
    assert errors == []
    # Each reader saw only committed states (first file, then whole batches), never going back.
    committed = {50 + n for n in range(0, len(records) + 1, 200)} | {50 + len(records)}
    for seen in [*counts.values(), polled]:
        assert seen and seen == sorted(seen) and set(seen) <= committed, seen
    assert len(stored(index_dir)) == 50 + len(records)
    assert check_index(index_dir).healthy


def _hold_flock_without_pid(directory: Path) -> Any:
    """A writer caught before it wrote its pid (or after it cleared it)."""
    handle = open(directory / LOCK_FILE, "a+", encoding="utf-8")  # noqa: SIM115
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


@pytest.mark.parametrize("wait", [0.0, 0.3])
def test_held_lock_without_a_pid_names_another_process(tmp_path: Path, wait: float) -> None:
    handle = _hold_flock_without_pid(tmp_path)
    try:
        with pytest.raises(IndexLockedError) as caught:
            with write_lock(tmp_path, wait=wait):
                pass
    finally:
        handle.close()
    message = str(caught.value)
    assert "being written by another process; wait for it" in message
    assert "process another process" not in message


def test_check_names_a_writer_without_a_pid(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", files=1, per_file=3)
    CliRunner().invoke(main, ["index", str(tmp_path / "in"), "--index", str(tmp_path / "ix")], catch_exceptions=False)
    handle = _hold_flock_without_pid(tmp_path / "ix")
    try:
        notes = check_index(tmp_path / "ix").notes
    finally:
        handle.close()
    assert any(n.startswith("the index is being written by another process:") for n in notes), notes
    assert not any("process -1" in n for n in notes)
