"""Issue 23, points 1-2: every reader works whatever segments an index holds.

Whoosh's ``MultiReader.column_reader`` skipped segments without a column
(undated statements have no ``date`` column), so the dates of later segments
were read at the wrong rows; and an index whose first run was killed before
its first commit has a table of contents without segments, which Whoosh
reads with an ``EmptyReader`` that has no generation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from whoosh.columns import EmptyColumnReader
from whoosh.reading import SegmentReader

from indexer.storage.check import check_index
from query.cli import main
from indexer.storage.columns import column_reader
from indexer.schema import SCHEMA_VERSION
from indexer.storage.store import create_or_open, open_index, write_meta
from query import Searcher
from tests.query.web.conftest import load_test_client

UNDATED = [{"id": f"u{i}", "title": f"weather {i}", "text": f"sunny weather in the hills number {i}"}
           for i in range(1, 4)]
DATED = [{"id": f"d{i}", "title": f"siege {i}", "text": f"regime forces shelled Aleppo during the siege {i}",
          "date": f"2016-0{i}-05"} for i in range(1, 3)]


def _write(path: Path, records: list[dict[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def _web_client(index_dir: Path) -> Any:
    """An in-process client of ``sift serve``'s app, or skip without the web extra."""
    test_client = load_test_client()
    from query.web import create_app

    return test_client(create_app(index_dir))


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Undated statements in a first segment, dated ones in a second."""
    root = tmp_path_factory.mktemp("mixed")
    index_dir = root / "ix"
    for name, records in (("a", UNDATED), ("b", DATED)):
        result = _cli("index", str(_write(root / name / f"{name}.jsonl", records)), "--index", str(index_dir),
                      "--no-progress")
        assert result.exit_code == 0, result.output
    ix = open_index(index_dir)
    with ix.reader() as reader:
        assert [leaf.has_column("date") for leaf, _ in reader.leaf_readers()] == [False, True]
    return index_dir


def test_stats_of_mixed_segments(mixed: Path) -> None:
    result = _cli("stats", "--index", str(mixed))
    assert result.exit_code == 0, result.output
    assert "statements: 5 (3 undated)" in result.output
    assert "dates:      2016-01-05 to 2016-02-05" in result.output


@pytest.mark.parametrize("sort, order", [("newest", ["d2", "d1", "u1", "u2", "u3"]),
                                         ("oldest", ["d1", "d2", "u1", "u2", "u3"])])
def test_date_sorting_of_mixed_segments(mixed: Path, sort: str, order: list[str]) -> None:
    result = _cli("search", "NOT nothingatall", "--sort", sort, "--format", "json", "--index", str(mixed))
    assert result.exit_code == 0, result.output
    assert [h["id"] for h in json.loads(result.output)["hits"]] == order


def test_dates_histogram_and_facets_of_mixed_segments(mixed: Path) -> None:
    with Searcher(mixed) as searcher:
        assert searcher.search("date:2016-02").total == 1
        assert {h.id for h in searcher.search("date:2016", limit=10).hits} == {"d1", "d2"}
        results = searcher.search("NOT nothingatall", histogram="month", facets=("year", "month"))
        assert (results.histogram, results.undated) == ([("2016-01", 1), ("2016-02", 1)], 3)
        assert results.facets["year"].values == [("2016", 2)]
        assert [h.id for h in searcher.search("claims:siege", limit=10).hits] == ["d1", "d2"]
        assert searcher.stats()["first_date"] == "2016-01-05"


def test_column_reads_of_mixed_segments(mixed: Path) -> None:
    """Whole-index column reads give each document its own segment's value
    (claims too: the undated statements hold no claim and no spans)."""
    ix = open_index(mixed)
    with ix.reader() as reader:
        for field in ("date", "claim_spans"):
            expected = [leaf.column_reader(field, translate=False)[d]
                        for leaf, _ in reader.leaf_readers() for d in range(leaf.doc_count_all())]
            column = column_reader(reader, field, translate=False)
            assert [column[d] for d in range(reader.doc_count_all())] == expected
        assert len(set(expected)) > 1  # (the check means something)


def test_web_stats_of_mixed_segments(mixed: Path) -> None:
    client = _web_client(mixed)
    assert client.get("/api/stats").json()["undated"] == 3
    assert client.get("/", params={"q": "siege", "sort": "newest"}).status_code == 200


def test_check_verifies_column_reads(mixed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``sift check`` passes the mixed index and names a date column that
    disagrees with the stored dates (what sorting and date queries read)."""
    assert check_index(mixed).healthy
    real = SegmentReader.column_reader

    def no_dates(self: SegmentReader, field: str, *args: Any, **kwargs: Any) -> Any:
        if field == "date":
            return EmptyColumnReader(2**64 - 1, self.doc_count_all())
        return real(self, field, *args, **kwargs)

    monkeypatch.setattr(SegmentReader, "column_reader", no_dates)
    report = check_index(mixed)
    assert not report.healthy and not report.repairable
    assert sum("date column disagrees with its stored date" in p for p in report.problems) == 2


# -- an index killed before its first commit ---------------------------------------


@pytest.fixture
def uncommitted(tmp_path: Path) -> Path:
    """What a first ``sift index`` killed before its first commit leaves:
    ``sift.json`` and a table of contents without segments."""
    create_or_open(tmp_path / "ix")
    return tmp_path / "ix"


def test_readers_of_an_index_without_commits(uncommitted: Path, tmp_path: Path) -> None:
    ix = str(uncommitted)
    search = _cli("search", "siege", "--index", ix)
    assert (search.exit_code, search.output) == (0, "0 statements match 'siege'\n")
    dated = _cli("search", "date:2016", "--sort", "newest", "--histogram", "month", "--facets", "actor",
                 "--format", "json", "--index", ix)
    assert dated.exit_code == 0, dated.output
    assert json.loads(dated.output)["total"] == 0
    stats = _cli("stats", "--format", "json", "--index", ix)
    assert stats.exit_code == 0, stats.output
    assert json.loads(stats.output)["statements"] == 0
    show = _cli("show", "x1", "--index", ix)
    assert show.exit_code == 1 and "no statement with id 'x1'" in show.output
    queries = _write(tmp_path / "q.txt", [])
    queries.write_text("siege\n", encoding="utf-8")
    batch = _cli("batch", str(queries), "--index", ix)
    assert batch.exit_code == 0, batch.output
    check = _cli("check", "--index", ix)
    assert check.exit_code == 0, check.output
    assert "no statement has been committed yet" in check.output


def test_web_on_an_index_without_commits(uncommitted: Path) -> None:
    client = _web_client(uncommitted)
    assert client.get("/api/stats").json()["statements"] == 0
    assert client.get("/api/search", params={"q": "siege", "histogram": "month"}).json()["total"] == 0
    assert client.get("/", params={"q": "siege", "sort": "oldest"}).status_code == 200


def test_index_killed_before_its_first_toc(tmp_path: Path) -> None:
    """Only ``sift.json``: readers say nothing is committed yet; check calls
    it repairable (run ``sift index``), not damage."""
    ix = tmp_path / "ix"
    ix.mkdir()
    write_meta(ix, {"schema_version": SCHEMA_VERSION})
    search = _cli("search", "siege", "--index", str(ix))
    assert search.exit_code == 1
    assert "nothing has been committed to the index" in search.output and "Traceback" not in search.output
    report = check_index(ix)
    assert not report.healthy and report.repairable
    assert "nothing has been committed" in report.problems[0]
