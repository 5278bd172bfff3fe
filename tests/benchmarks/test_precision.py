"""Extraction precision from a judged sample (issue 3, item 7):
``python -m benchmarks.extraction_quality --precision FILE``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import REPO
from benchmarks.extraction_quality import SHEET_COLUMNS, main, precision, sheet_rows, wilson, write_sheet

JUDGED = REPO / "benchmarks" / "precision" / "fakes-sample-7.tsv"


def _sheet(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = ["\t".join(SHEET_COLUMNS)]
    for i, (kind, verdict) in enumerate(rows):
        reason = "fragment" if verdict == "wrong" else ""
        lines.append("\t".join([f"a{i}", kind, "Name", "surface", "a [[surface]] sentence", verdict, reason]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_wilson_interval() -> None:
    low, high = wilson(8, 10)
    assert (round(low, 4), round(high, 4)) == (0.4902, 0.9433)
    assert wilson(5, 5)[1] == 1.0 and wilson(0, 5)[0] == 0.0
    assert wilson(0, 0) == (0.0, 1.0)


def test_precision_per_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [("location", "correct")] * 8 + [("location", "wrong")] * 2 + [("actor", "correct"), ("claim_type", "wrong")]
    sheet = _sheet(tmp_path / "s.tsv", rows)
    result = precision(sheet)
    assert list(result) == ["location", "actor", "claim_type"]  # report order, absent kinds left out
    assert result["location"] == {"n": 10, "correct": 8, "precision": 0.8, "low": 0.4902, "high": 0.9433,
                                  "wrong_by_reason": {"fragment": 2}}
    assert result["actor"]["precision"] == 1.0 and result["claim_type"]["precision"] == 0.0
    assert main(["--precision", str(sheet)]) == 0
    assert json.loads(capsys.readouterr().out) == result


def test_unjudged_or_unknown_rows_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="line 3"):
        precision(_sheet(tmp_path / "u.tsv", [("actor", "correct"), ("actor", "")]))
    with pytest.raises(ValueError, match="kind 'place'"):
        precision(_sheet(tmp_path / "k.tsv", [("place", "correct")]))


@pytest.mark.parametrize("name", ["fakes-sample-7", "fakes-sample-7-before-fixes", "fakes-sample-11-heldout",
                                  "fakes-sample-11-heldout-before-fixes"])
def test_committed_judgements_are_complete(name: str) -> None:
    result = precision(JUDGED.with_name(f"{name}.tsv"))  # every row judged, every kind present
    assert set(result) == {"location", "parent", "actor", "claim_type"}
    assert all(int(str(r["n"])) >= 20 for r in result.values())


def test_sheet_rows_of_the_seed_statement() -> None:
    from indexer.extraction.extract import extract
    from indexer.formats import read_file
    from indexer.extraction.gazetteer import Gazetteer

    from tests.conftest import SEED_FILE

    statement = read_file(SEED_FILE).statements[0]
    statement.extraction = extract(statement, Gazetteer.load())
    rows = sheet_rows(statement)
    assert {r["kind"] for r in rows} == {"location", "actor", "claim_type"}  # every place there is named
    darayya = next(r for r in rows if r["name"] == "Darayya")
    assert "the town of [[Darayya]] in Rural Damascus" in darayya["sentence"]
    assert sum(r["kind"] == "claim_type" for r in rows) == sum(len(c.types) for c in statement.extraction.claims)
    assert all(r["verdict"] == "" for r in rows)


@pytest.mark.slow
def test_judging_sheet_from_fakes(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "sheet.tsv"
    n = write_sheet(shared_data / "fakes" / "fakes-dev.csv", out, sample=2, seed=7)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(SHEET_COLUMNS) and len(lines) == n + 1
    assert lines[-1].split("\t")[0] == "8f56e1c3dd87964a"  # the seed statement comes last
    # The same draw as the committed sample: its first article.
    assert lines[1].split("\t")[0] == JUDGED.read_text(encoding="utf-8").splitlines()[1].split("\t")[0]
