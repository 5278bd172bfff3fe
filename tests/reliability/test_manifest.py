"""Issue 23, point 7: the manifest and ``sift check`` with the same statement
in two files (stored once, from the file read first)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from query.cli import main
from indexer.storage.manifest import Manifest
from query import Searcher
from tests.reliability.conftest import make_corpus


def _sift(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _statements(index_dir: Path) -> int:
    with Searcher(index_dir) as searcher:
        return int(searcher.stats()["statements"])


def _two_copies(tmp_path: Path) -> tuple[Path, Path]:
    """``in/a.jsonl`` indexed, then its copy ``in/b.jsonl`` indexed by a second run."""
    make_corpus(tmp_path / "in", files=1, per_file=30)
    folder, index_dir = tmp_path / "in", tmp_path / "ix"
    assert _sift("index", str(folder), "--index", str(index_dir), "--no-progress")[0] == 0
    shutil.copy(folder / "part00.jsonl", folder / "part01.jsonl")
    code, output = _sift("index", str(folder), "--index", str(index_dir), "--no-progress")
    assert code == 0 and "0 added, 0 updated, 60 unchanged" in output, output
    return folder, index_dir


def test_statements_shared_between_files_are_no_damage(tmp_path: Path) -> None:
    _folder, index_dir = _two_copies(tmp_path)
    code, output = _sift("check", "--index", str(index_dir))
    assert (code, output) == (0, f"{index_dir}: healthy, 30 statements in 1 segment "
                                 "(generation 1, 2 files in the manifest)\n")
    # A real loss is still reported: the manifest promises more than the index holds.
    manifest = Manifest(index_dir)
    path, (size, mtime, count, fingerprint) = max(manifest.all().items())
    manifest.put_many([(path, size, mtime, count + 5, fingerprint, manifest.shared()[path])])
    manifest.close()
    code, output = _sift("check", "--index", str(index_dir))
    assert code == 1 and f"the manifest records 5 statements from {path} but the index holds 0" in output


def test_statements_of_a_pruned_file_come_back_from_their_copy(tmp_path: Path) -> None:
    """Pruning the file that held them deletes the shared statements: the
    copy's manifest entry is dropped, so the next run stores them again."""
    folder, index_dir = _two_copies(tmp_path)
    (folder / "part00.jsonl").unlink()
    assert _sift("index", str(folder), "--index", str(index_dir), "--no-progress", "--prune")[0] == 0
    assert _sift("check", "--index", str(index_dir))[0] == 0
    code, output = _sift("index", str(folder), "--index", str(index_dir), "--no-progress")
    assert code == 0 and "30 added, 0 updated, 0 unchanged" in output, output
    assert _statements(index_dir) == 30
    assert _sift("check", "--index", str(index_dir))[0] == 0


def test_a_deleted_statement_read_again_is_stored_again(tmp_path: Path) -> None:
    """The terms of a deleted statement stay in its segment until a merge:
    they must not make the statement look unchanged (it was then never stored
    again)."""
    make_corpus(tmp_path / "in", files=2, per_file=20)
    folder, index_dir = tmp_path / "in", tmp_path / "ix"
    assert _sift("index", str(folder), "--index", str(index_dir), "--no-progress")[0] == 0
    shutil.move(folder / "part01.jsonl", tmp_path / "away.jsonl")
    assert _sift("index", str(folder), "--index", str(index_dir), "--no-progress", "--prune")[0] == 0
    assert _statements(index_dir) == 20
    shutil.move(tmp_path / "away.jsonl", folder / "part01.jsonl")
    code, output = _sift("index", str(folder), "--index", str(index_dir), "--no-progress")
    assert code == 0 and "20 added, 0 updated, 20 unchanged" in output, output
    assert _statements(index_dir) == 40
