"""``sift index`` and ``sift extract`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.cli import main
from tests.conftest import SEEDS


def test_index_prints_summary_and_rerun_is_unchanged(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["index", str(SEEDS), "--index", str(tmp_path / "ix")]
    first = runner.invoke(main, args, catch_exceptions=False)
    assert first.exit_code == 0
    assert first.output.startswith("1 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 0 errors (1 files)")
    second = runner.invoke(main, args, catch_exceptions=False)
    assert second.output.startswith("0 added, 0 updated, 1 unchanged")


def test_index_uses_sift_index_env_var(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["index", str(SEEDS)], env={"SIFT_INDEX": str(tmp_path / "envix")})
    assert result.exit_code == 0
    assert (tmp_path / "envix" / "sift.json").exists()


def test_index_defaults_to_dot_sift_in_working_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["index", str(SEEDS)], env={"SIFT_INDEX": None})
    assert result.exit_code == 0
    assert (tmp_path / ".sift" / "sift.json").exists()


def test_bad_file_reported_rest_indexed_exit_zero(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    result = CliRunner().invoke(main, ["index", str(SEEDS), str(tmp_path / "bad.json"), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0
    assert f"error: {tmp_path / 'bad.json'}:1: malformed JSON" in result.stderr
    assert "1 added" in result.stdout and "1 errors" in result.stdout


def test_nothing_indexable_exits_one_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["index", str(tmp_path / "empty.txt"), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 1
    assert "empty file" in result.stderr
    assert "Error: nothing could be indexed" in result.stderr
    assert "Traceback" not in result.output


def test_unwritable_index_dir_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["index", str(SEEDS), "--index", str(blocker / "ix")])
    assert result.exit_code != 0
    assert "cannot create the index directory" in result.output
    assert "Traceback" not in result.output


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["index", str(SEEDS), "--index", str(tmp_path / "ix")])
    assert "Indexing" not in result.output


def test_extract_jsonl_one_record_per_statement_in_input_order(tmp_path: Path) -> None:
    data = tmp_path / "s.jsonl"
    data.write_text(
        "\n".join(json.dumps({"id": i, "text": f"Regime forces shelled Douma, statement {i}."}) for i in ("z", "a", "m")),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["extract", str(data)], catch_exceptions=False)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["z", "a", "m"]
    for record in records:
        assert set(record) >= {"id", "title", "date", "publisher", "url", "actors", "locations", "claims", "evidence"}
        assert "Douma" in record["locations"]


def test_extract_text_format_of_the_seed() -> None:
    result = CliRunner().invoke(main, ["extract", str(SEEDS), "--format", "text"], catch_exceptions=False)
    assert "2016-02-08" in result.output
    assert "actors:" in result.output and "Assad regime" in result.output
