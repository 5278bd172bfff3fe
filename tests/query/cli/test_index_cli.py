"""``sift index`` and ``sift extract`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from query.cli import main
from tests.conftest import SEEDS


def test_index_prints_summary_and_rerun_is_unchanged(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["index", str(SEEDS), "--index", str(tmp_path / "ix")]
    first = runner.invoke(main, args, catch_exceptions=False)
    assert first.exit_code == 0
    assert first.output.startswith("1 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 0 errors (1 file)")
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
    assert "1 added" in result.stdout and "1 error (2 files)" in result.stdout


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


def _mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        '{"id": "s1", "title": "One", "body": "Shelling of Idlib."}\n'
        '{"id": "s1", "title": "Copy", "body": "Another text."}\n'
        '{"title": "cut\n'
        '{"id": "s2", "title": "Two", "body": "Siege of Madaya."}\n',
        encoding="utf-8",
    )
    (folder / "b.csv").write_text("id,title,text\ns2,Again,Same id as a line of a.jsonl\ns3,Three,Fine.\n", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\xef\xbb\xbf")
    return folder


def test_errors_of_unchanged_files_are_reported_again_until_the_file_changes(tmp_path: Path) -> None:
    folder, ix = _mixed_folder(tmp_path), str(tmp_path / "ix")
    runner = CliRunner()
    first = runner.invoke(main, ["index", str(folder), "--index", ix], catch_exceptions=False)
    a, b, c = (folder / "a.jsonl", folder / "b.csv", folder / "c.txt")
    expected = [
        f"error: {c}: empty file (only a byte order mark)",
        f"error: {a}:3: malformed JSON (Unterminated string starting at column 11)",
        f"error: {a}:2: duplicate id 's1' (also in {a}); skipped",
        f"error: {b} row 1: duplicate id 's2' (also in {a}); skipped",
    ]
    assert sorted(first.stderr.splitlines()) == sorted(expected)
    assert first.stdout.startswith("3 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 4 errors (3 files)")
    second = runner.invoke(main, ["index", str(folder), "--index", ix], catch_exceptions=False)
    assert sorted(second.stderr.splitlines()) == sorted(expected)
    assert second.stdout.startswith("0 added, 0 updated, 3 unchanged, 0 removed, 0 skipped, 4 errors")
    quiet = runner.invoke(main, ["index", "-q", str(folder), "--index", ix], catch_exceptions=False)
    assert sorted(quiet.stderr.splitlines()) == sorted([
        f"error: {c}: empty file (only a byte order mark)",
        f"error: {a}: 2 errors (run without -q to list them)",
        f"error: {b} row 1: duplicate id 's2' (also in {a}); skipped",
    ])
    stats = runner.invoke(main, ["stats", "--index", ix, "--format", "json"], catch_exceptions=False)
    assert sorted(json.loads(stats.stdout)["input_errors"]) == sorted(e.removeprefix("error: ") for e in expected[1:])
    text = runner.invoke(main, ["stats", "--index", ix], catch_exceptions=False).stdout
    assert "errors:     3 records of the indexed files could not be read:" in text
    check = runner.invoke(main, ["check", "--index", ix], catch_exceptions=False)
    assert check.exit_code == 0
    assert "note: 3 input errors in files unchanged since they were indexed" in check.stdout
    assert f"note:   {a}:3: malformed JSON (Unterminated string starting at column 11)" in check.stdout
    # Fixed: the errors go with the change.
    a.write_text('{"id": "s1", "title": "One", "body": "Shelling of Idlib."}\n', encoding="utf-8")
    b.write_text("id,title,text\ns3,Three,Fine.\n", encoding="utf-8")
    c.unlink()
    fixed = runner.invoke(main, ["index", str(folder), "--index", ix, "--prune"], catch_exceptions=False)
    assert fixed.stderr == ""
    assert "0 errors" in fixed.stdout
    assert json.loads(runner.invoke(main, ["stats", "--index", ix, "--format", "json"]).stdout)["input_errors"] == []
    assert "input error" not in runner.invoke(main, ["check", "--index", ix]).stdout


def test_counts_agree_with_their_nouns(tmp_path: Path) -> None:
    runner = CliRunner()
    ix = str(tmp_path / "ix")
    index = runner.invoke(main, ["index", str(SEEDS), "--index", ix], catch_exceptions=False)
    assert "0 errors (1 file)" in index.stdout
    check = runner.invoke(main, ["check", "--index", ix], catch_exceptions=False)
    assert "healthy, 1 statement in 1 segment (generation 1, 1 file in the manifest)" in check.stdout
