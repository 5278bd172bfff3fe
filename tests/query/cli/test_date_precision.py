"""Dates known only to the month or the year (issue 18, item 8): read from the
input, shown at that precision, and matched by ``date:`` only where their whole
period lies inside the query's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from query.cli import main

RECORDS = [
    {"id": "speech-2019", "year": 2019, "text": "The delegation spoke of the war and of peace talks."},
    {"id": "month-2019-08", "date": "August 2019", "text": "The war went on; peace talks stalled."},
    {"id": "day-2019-08-03", "date": "2019-08-03", "text": "The war reached the capital; peace talks failed."},
    {"id": "day-2019-01-01", "date": "2019-01-01", "text": "The war began again; peace talks were called."},
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("precision")
    source = root / "statements.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    where = str(root / "index")
    result = CliRunner().invoke(main, ["index", str(source), "--index", where])
    assert result.exit_code == 0, result.output
    return where


def _ids(index: str, query: str, *extra: str) -> list[str]:
    result = CliRunner().invoke(main, ["search", query, "--index", index, "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return [hit["id"] for hit in json.loads(result.output)["hits"]]


def test_dates_keep_their_precision(index: str) -> None:
    result = CliRunner().invoke(main, ["search", "war", "--index", index, "--format", "json", "--sort", "oldest"])
    dates = {hit["id"]: hit["date"] for hit in json.loads(result.output)["hits"]}
    assert dates == {"speech-2019": "2019", "month-2019-08": "2019-08",
                     "day-2019-08-03": "2019-08-03", "day-2019-01-01": "2019-01-01"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("war date:2019", {"speech-2019", "month-2019-08", "day-2019-08-03", "day-2019-01-01"}),
        ("war date:2019-08", {"month-2019-08", "day-2019-08-03"}),
        ("war date:2019-01", {"day-2019-01-01"}),  # not the year-only speech
        ("war date:2019-08-03", {"day-2019-08-03"}),
        ("war date:[2019-01 TO 2019-08]", {"month-2019-08", "day-2019-08-03", "day-2019-01-01"}),
        ("war date:[2018 TO 2020]", {"speech-2019", "month-2019-08", "day-2019-08-03", "day-2019-01-01"}),
        ("war date:<2019-09", {"month-2019-08", "day-2019-08-03", "day-2019-01-01"}),
        ("war date:>=2019-08-02", {"day-2019-08-03"}),
    ],
)
def test_date_queries_match_whole_periods(index: str, query: str, expected: set[str]) -> None:
    assert set(_ids(index, query)) == expected


def test_sorting_puts_a_period_at_its_start(index: str) -> None:
    assert _ids(index, "war", "--sort", "oldest")[:2] == ["day-2019-01-01", "speech-2019"]


def test_month_histogram_leaves_year_only_statements_out(index: str) -> None:
    result = CliRunner().invoke(main, ["search", "war", "--index", index, "--format", "json",
                                       "--histogram", "month"])
    histogram = dict(json.loads(result.output)["histogram"])
    assert histogram["2019-01"] == 1 and histogram["2019-08"] == 2
    assert sum(histogram.values()) == 3


def test_extract_shows_the_precision(tmp_path: Path) -> None:
    source = tmp_path / "s.jsonl"
    source.write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(source), "--format", "json"])
    assert json.loads(result.output)[0]["date"] == "2019"
