"""``sift stats`` gives the date span as known: a statement dated to the
year or the month only is not shown as the period's first day (issue 18
item 8)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.writing.write import index_paths
from query import Searcher


@pytest.mark.parametrize(
    ("dates", "span"),
    [
        (["1991", "2024"], ("1991", "2024")),
        (["2019-08", "2021-05-03"], ("2019-08", "2021-05-03")),
    ],
)
def test_the_date_span_keeps_each_dates_precision(tmp_path: Path, dates: list[str],
                                                   span: tuple[str, str]) -> None:
    source = tmp_path / "statements.jsonl"
    source.write_text("".join(
        json.dumps({"id": f"s{i}", "title": "Statement", "text": "The delegation spoke on peace.", "date": date}) + "\n"
        for i, date in enumerate(dates)), encoding="utf-8")
    index_paths([source], tmp_path / "ix")
    with Searcher(tmp_path / "ix") as searcher:
        stats = searcher.stats()
    assert (stats["first_date"], stats["last_date"]) == span
