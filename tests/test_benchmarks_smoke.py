"""Smoke run of every benchmark at tiny sizes (issue 5, item 4).

The full runs are not part of the test suite (``python -m benchmarks run``).
Peers that are not installed are skipped by the benchmarks themselves; the
parts that need ``../shared/data`` skip here when it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks import SHARED_DATA
from benchmarks.__main__ import cli
from benchmarks.corpus import Generator, load_corpus
from benchmarks.irdata import parse_qrels, parse_records
from benchmarks.proc import parallel_capacity
from benchmarks.worst_cases import WORST_CASES
from benchmarks.ranking import average_precision, ndcg_at, precision_at

pytestmark = pytest.mark.slow


def test_generator_is_deterministic_and_prefix_stable() -> None:
    small, large = list(Generator(seed=3).docs(5)), list(Generator(seed=3).docs(8))
    assert small == large[:5]
    assert list(Generator(seed=4).docs(1)) != small[:1]
    doc = small[0]
    assert set(doc) == {"id", "title", "body", "date", "publisher", "url"}
    assert 150 <= len(doc["body"].split()) <= 1100


def test_generate_command_and_loader(tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    result = CliRunner().invoke(cli, ["generate", "--docs", "7", "--seed", "2", "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output == f"wrote 7 documents to {out}\n"
    docs = load_corpus(out)
    assert [d["id"] for d in docs] == [f"gen-2-{i:07d}" for i in range(7)]
    table = tmp_path / "c.csv"
    table.write_text("article_title,article_content,source\nA,some text,X\nB,,Y\n")
    assert load_corpus(table) == [{"id": "doc-1", "title": "A", "body": "some text", "publisher": "X"}]


def test_collection_formats() -> None:
    star = parse_records("*TEXT 017 01/04/63 PAGE 020\n\nFIRST DOC .\n*TEXT 020 01/05/63\nSECOND\n*STOP\n")
    assert [(r.id, r.number, r.date, r.text) for r in star] == [
        ("1", "17", "1963-01-04", "FIRST DOC ."), ("2", "20", "1963-01-05", "SECOND")]
    smart = parse_records(".I 1\n.T\nA title\n.A\nSomeone\n.W\nThe text\ngoes on.\n.X\n1 5 1\n.I 2\n.W\nMore\n")
    assert [(r.id, r.title, r.text) for r in smart] == [("1", "A title", "The text goes on."), ("2", "", "More")]
    assert parse_qrels("1  268 288\n\n2 326\n") == {"1": {"268", "288"}, "2": {"326"}}
    assert parse_qrels("     1     28\t0\t0.000000\n1 35 0 0.0\n") == {"1": {"28", "35"}}


def test_metrics() -> None:
    assert average_precision(["a", "x", "b"], {"a", "b"}) == pytest.approx((1 + 2 / 3) / 2)
    assert precision_at(["a", "x"], {"a"}, k=10) == 0.1
    assert ndcg_at(["a"], {"a"}) == 1.0


def test_every_benchmark_runs_tiny(tmp_path: Path) -> None:
    args = ["run", "all", "--sizes", "50", "--repeats", "1", "--out", str(tmp_path), "--queries", "5",
            "--ir-queries", "5", "--extraction-docs", "60"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "results-latest.json").read_text())
    engines = {row["engine"] for row in data["indexing"]["rows"]}
    assert engines == {"whoosh", "sift-1", "sift-2"}
    assert all(row["docs"] == 50 for row in data["indexing"]["rows"])
    # The host's parallel capacity is measured for the 2-process runs only.
    capacity = {row["engine"]: row["cpu_capacity"] for row in data["indexing"]["rows"]}
    assert capacity["whoosh"] is None and capacity["sift-1"] is None
    assert 0 < capacity["sift-2"] <= 2.5
    latency = data["latency"]["sizes"]["50"]
    assert not latency["errors"], latency["errors"]
    assert set(latency["types"]) == {"term", "and2", "phrase", "field", "daterange", "facets", "claims"}
    assert set(latency["worst"]) == set(WORST_CASES)
    report = (tmp_path / "report-latest.md").read_text()
    assert report.startswith("# Sift benchmark run") and "| CPU x |" in report
    assert "| `claims:a*` |" in report
    if (SHARED_DATA / "ir").is_dir():
        ranked = {(r["collection"], r["engine"]) for r in data["ranking"]["rows"]}
        assert ("time", "sift") in ranked and ("cisi", "whoosh-bm25f") in ranked
        assert data["extraction"]["docs"] == 60
    else:
        assert "ranking" not in data and "extraction" not in data


def test_parallel_capacity_rejects_no_processes() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        parallel_capacity(0)
