"""``sift stats`` gives the date span as known: a statement dated to the
year or the month only is not shown as the period's first day (issue 18
item 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from query import Searcher
from tests.query.statements import index_statements


@pytest.mark.parametrize(
    ("dates", "span"),
    [
        (["1991", "2024"], ("1991", "2024")),
        (["2019-08", "2021-05-03"], ("2019-08", "2021-05-03")),
    ],
)
def test_the_date_span_keeps_each_dates_precision(tmp_path: Path, dates: list[str],
                                                   span: tuple[str, str]) -> None:
    statements = [{"id": f"s{i}", "title": "Statement", "text": "The delegation spoke on peace.", "date": date}
                  for i, date in enumerate(dates)]
    with Searcher(index_statements(tmp_path, statements)) as searcher:
        stats = searcher.stats()
    assert (stats["first_date"], stats["last_date"]) == span
