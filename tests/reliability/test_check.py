"""Issue 6, point 6: ``sift check`` passes a healthy index and names damage."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.storage.check import check_index
from query.cli import main
from indexer.storage.store import MANIFEST_FILE, Manifest, open_index
from indexer.writing.write import IndexOptions, index_paths
from tests.reliability.conftest import make_corpus


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One healthy index; each test damages its own copy."""
    root = tmp_path_factory.mktemp("check")
    make_corpus(root / "in", files=3, per_file=40)
    index_paths([root / "in"], root / "ix", IndexOptions(batch_size=500, extract=False))
    return root / "ix"


@pytest.fixture
def ix(built: Path, tmp_path: Path) -> Path:
    shutil.copytree(built, tmp_path / "ix")
    return tmp_path / "ix"


def _only(ix: Path, suffix: str) -> Path:
    (path,) = [p for p in ix.iterdir() if p.name.endswith(suffix) and p.name.startswith(("MAIN_", "_MAIN_"))]
    return path


def test_healthy_index_passes(ix: Path) -> None:
    report = check_index(ix)
    assert (report.healthy, report.problems, report.statements, report.unique_ids) == (True, [], 120, 120)
    result = CliRunner().invoke(main, ["check", "--index", str(ix)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.startswith(f"{ix}: healthy, 120 statements in 1 segment ")
    result = CliRunner().invoke(main, ["check", "--index", str(ix), "--format", "json"], catch_exceptions=False)
    data = json.loads(result.output)
    assert result.exit_code == 0 and data["healthy"] is True and data["statements"] == 120


def test_missing_index_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no Sift index" in result.output


def test_deleted_segment_file_is_damage(ix: Path) -> None:
    segment = _only(ix, ".seg")
    segment.unlink()
    report = check_index(ix)
    assert not report.healthy and not report.repairable
    assert any(segment.name in p and "missing" in p for p in report.problems)
    result = CliRunner().invoke(main, ["check", "--index", str(ix)])
    assert result.exit_code == 1
    assert "DAMAGED" in result.output and f"what to do: delete {ix} and index again" in result.output


def test_truncated_toc_is_damage(ix: Path) -> None:
    toc = _only(ix, ".toc")
    toc.write_bytes(toc.read_bytes()[:40])
    report = check_index(ix)
    assert not report.healthy and not report.repairable
    assert any(f"{toc.name} is unreadable" in p for p in report.problems)


def test_garbage_in_stored_fields_is_damage(ix: Path) -> None:
    segment = _only(ix, ".seg")
    data = bytearray(segment.read_bytes())
    # Overwrite a stretch in the middle: it holds stored fields of some documents.
    middle = len(data) // 2
    data[middle : middle + 4000] = b"\xff\x00garbage" * 400
    segment.write_bytes(bytes(data))
    report = check_index(ix)
    assert not report.healthy and not report.repairable
    assert any(segment.name in p for p in report.problems), report.problems


def test_orphan_segment_file_is_reported_and_repaired(ix: Path) -> None:
    (ix / "MAIN_orphan0123456789.pst").write_bytes(b"left over")
    (ix / "_MAIN_99.toc.1700000000.5").write_bytes(b"half a toc")
    report = check_index(ix)
    assert not report.healthy and report.repairable
    assert any("MAIN_orphan0123456789.pst" in p and "interrupted write" in p for p in report.problems)
    result = CliRunner().invoke(main, ["check", "--index", str(ix)])
    assert result.exit_code == 1 and "sift check --repair" in result.output
    result = CliRunner().invoke(main, ["check", "--repair", "--index", str(ix)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "repaired: removed MAIN_orphan0123456789.pst" in result.output
    assert not (ix / "MAIN_orphan0123456789.pst").exists()


def test_an_interrupted_background_merge_leaves_debris_that_is_repaired(ix: Path) -> None:
    (ix / "MAIN.merge-abc123").mkdir()  # its temporary folder
    (ix / "MAIN.merge-abc123" / "x.ctmp").write_bytes(b"columns")
    (ix / "MAIN_abc123.pst").write_bytes(b"half a merged segment")
    report = check_index(ix)
    assert not report.healthy and report.repairable
    assert not any("unknown" in p for p in report.problems), report.problems
    result = CliRunner().invoke(main, ["check", "--repair", "--index", str(ix)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert not (ix / "MAIN.merge-abc123").exists() and not (ix / "MAIN_abc123.pst").exists()
    assert check_index(ix).healthy


def test_duplicate_ids_are_damage(ix: Path) -> None:
    writer = open_index(ix).writer()
    writer.add_document(id="s00-0000", source="x", content_hash="h", body="b", record="{}", version_key="k")
    writer.commit()
    report = check_index(ix)
    assert not report.repairable
    assert any("stored more than once: s00-0000" in p for p in report.problems)
    assert report.statements == 121 and report.unique_ids == 120


def test_invalid_record_json_is_damage(ix: Path) -> None:
    writer = open_index(ix).writer()
    writer.add_document(id="odd", source="x", content_hash="h", body="b", record="{not json", version_key="odd\x1fh")
    writer.commit()
    report = check_index(ix)
    assert any("id odd" in p and "record is not valid" in p for p in report.problems)


def test_manifest_ahead_of_the_index_is_repairable(ix: Path) -> None:
    manifest = Manifest(ix)
    (path, (size, mtime, count, fp)), *_ = manifest.all().items()
    manifest.put_many([(path, size, mtime, count + 5, fp)])
    manifest.close()
    report = check_index(ix)
    assert report.repairable and any("next run would skip that file" in p for p in report.problems)
    repaired = check_index(ix, repair=True)
    assert repaired.healthy and any("stale manifest" in r for r in repaired.repaired)
    assert (ix / MANIFEST_FILE).exists()


def test_unreadable_newest_toc_falls_back_to_the_previous_one(ix: Path) -> None:
    toc = _only(ix, ".toc")
    generation = int(toc.name.split("_")[2].split(".")[0])
    newer = ix / f"_MAIN_{generation + 1}.toc"
    newer.write_bytes(toc.read_bytes()[:30])  # a half-written newest TOC
    report = check_index(ix)
    assert report.repairable and not report.healthy
    assert any(f"{newer.name} is unreadable" in p for p in report.problems)
    repaired = check_index(ix, repair=True)
    assert repaired.healthy and repaired.statements == 120, repaired.problems
    assert any("fell back" in r for r in repaired.repaired) and not newer.exists()
    assert Manifest(ix).all() == {}  # may have been ahead of the old commit
    assert open_index(ix).doc_count() == 120
