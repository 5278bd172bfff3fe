"""A shard that cannot be read (issue 22, item 4): the search fails naming
it, unless partial results are allowed, and then the results say so
(``"partial": true``, ``missing_shards``) and are those of the shards that
answered: what one index over their statements gives."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from indexer.storage.shards import read_layout, shard_of
from indexer.writing.shards import index_sharded
from indexer.writing.write import index_paths
from query import FACETS, Searcher, ShardedSearcher, ShardUnavailableError, open_searcher
from query.cli import main
from tests.query.shard_corpus import generate, write_files
from tests.query.test_shards import assert_same

BROKEN = 1
QUERIES = ["siege", "siege hospital market", "shel*", "hospitl~", '"forces regime"~3', "actor:Russia",
           "NOT siege", "date:[2016 TO 2017] OR convoy"]


def _garbage_toc(shard: Path) -> None:
    for path in shard.glob("*.toc"):
        path.write_bytes(b"not a table of contents")


def _removed(shard: Path) -> None:
    shutil.rmtree(shard)


def _no_segments(shard: Path) -> None:
    for path in shard.glob("*.seg"):
        path.unlink()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Three shards, and one index of the statements outside shard ``BROKEN``."""
    root = tmp_path_factory.mktemp("partial")
    records = generate(5, 180)
    index_sharded(write_files(root / "input", records), root / "three", 3)
    rest = [r for r in records if shard_of(r["id"], 3) != BROKEN]
    index_paths(write_files(root / "rest-input", rest), root / "rest")
    return root / "three", root / "rest"


def _broken_copy(three: Path, copy: Path, breaking: Callable[[Path], None]) -> Path:
    shutil.copytree(three, copy)
    breaking(read_layout(copy).directory(BROKEN))
    return copy


@pytest.fixture(params=[_garbage_toc, _removed, _no_segments], ids=["garbage-toc", "removed", "no-segments"])
def broken(request: pytest.FixtureRequest, built: tuple[Path, Path], tmp_path: Path) -> Path:
    """Shard ``BROKEN`` damaged: unreadable when opened, or (segments lost)
    when first read (after Sift's retries for a commit in progress: seconds)."""
    return _broken_copy(built[0], tmp_path / "three", request.param)


def test_an_unreadable_shard_fails_the_search_naming_it(broken: Path) -> None:
    with pytest.raises(ShardUnavailableError, match=f"^shard {BROKEN} .*cannot be (opened|read)"):
        with ShardedSearcher(broken) as searcher:  # a lost segment shows when the shard is read
            searcher.search("siege")


def test_partial_results_are_those_of_the_shards_that_answered(built: tuple[Path, Path], broken: Path) -> None:
    _three, rest = built
    kwargs: dict[str, Any] = {"limit": 40, "default_operator": "OR", "facets": tuple(FACETS), "histogram": "month"}
    with Searcher(rest) as one, open_searcher(broken, allow_partial=True) as partial:
        assert isinstance(partial, ShardedSearcher)
        for query in QUERIES:
            got = partial.search(query, **kwargs)
            assert got.missing_shards == [BROKEN]
            out = got.to_json()
            assert out.pop("partial") is True and out.pop("missing_shards") == [BROKEN]
            got.missing_shards = None
            assert_same(one.search(query, **kwargs), got)
        assert partial.missing == [BROKEN]
        assert partial.stats()["missing_shards"] == [BROKEN]
        assert partial.stats()["statements"] == one.stats()["statements"]
        lost = next(r for r in generate(5, 180) if shard_of(r["id"], 3) == BROKEN)["id"]
        with pytest.raises(ShardUnavailableError, match=f"^shard {BROKEN}, which holds"):
            partial.get(lost)


def test_whole_results_say_nothing_of_partial(built: tuple[Path, Path]) -> None:
    three, _rest = built
    with ShardedSearcher(three, allow_partial=True) as whole:
        out = whole.search("siege").to_json()
    assert "partial" not in out and "missing_shards" not in out


def test_sift_search_allow_partial(built: tuple[Path, Path], tmp_path: Path) -> None:
    three, rest = built
    broken = _broken_copy(three, tmp_path / "three", _garbage_toc)
    failed = CliRunner().invoke(main, ["search", "siege", "--index", str(broken)])
    assert failed.exit_code == 1 and f"shard {BROKEN} " in failed.output and "cannot be opened" in failed.output
    args = ["search", "siege OR shel*", "--format", "json", "--facets", "actor,year", "--limit", "20"]
    expected = json.loads(CliRunner().invoke(main, [*args, "--index", str(rest)]).output)
    result = CliRunner().invoke(main, [*args, "--index", str(broken), "--allow-partial"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.output)
    assert got.pop("partial") is True and got.pop("missing_shards") == [BROKEN]
    for hits in (got["hits"], expected["hits"]):
        for hit in hits:
            hit.pop("score")
    assert got == expected
    text = CliRunner().invoke(main, ["search", "siege", "--index", str(broken), "--allow-partial"])
    assert text.exit_code == 0 and f"PARTIAL results: shard {BROKEN} could not be searched" in text.output


def test_no_readable_shard_fails_even_when_partial_is_allowed(built: tuple[Path, Path], tmp_path: Path) -> None:
    three, _rest = built
    copy = tmp_path / "three"
    shutil.copytree(three, copy)
    for directory in read_layout(copy).directories():
        _removed(directory)
    with pytest.raises(ShardUnavailableError, match="no shard of .* can be opened"):
        ShardedSearcher(copy, allow_partial=True)


def test_sift_batch_allow_partial(built: tuple[Path, Path], tmp_path: Path) -> None:
    three, rest = built
    broken = _broken_copy(three, tmp_path / "three", _garbage_toc)
    queries = tmp_path / "queries.txt"
    queries.write_text("siege\nshel* OR convoy\n", "utf-8")
    failed = CliRunner().invoke(main, ["batch", str(queries), "--index", str(broken)])
    assert failed.exit_code == 1 and f"shard {BROKEN} " in failed.output and "cannot be opened" in failed.output
    expected = CliRunner().invoke(main, ["batch", str(queries), "--index", str(rest)], catch_exceptions=False)
    result = CliRunner().invoke(main, ["batch", str(queries), "--index", str(broken), "--allow-partial"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr == f"PARTIAL results: shard {BROKEN} could not be searched\n"
    got = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.pop("partial") for r in got] == [True, True]
    assert [r.pop("missing_shards") for r in got] == [[BROKEN], [BROKEN]]
    want = [json.loads(line) for line in expected.stdout.splitlines()]
    for records in (got, want):
        for record in records:
            for hit in record["hits"]:
                hit.pop("score")
    assert got == want and got[0]["total"] > 0
    csv_out = CliRunner().invoke(main, ["batch", str(queries), "--index", str(broken), "--allow-partial",
                                        "--format", "csv"], catch_exceptions=False)
    assert csv_out.exit_code == 0 and csv_out.stderr == result.stderr
    whole = CliRunner().invoke(main, ["batch", str(queries), "--index", str(rest), "--format", "csv"])
    assert len(csv_out.stdout.splitlines()) == len(whole.stdout.splitlines()) > 2


def test_sift_serve_allow_partial(built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fastapi")
    uvicorn = pytest.importorskip("uvicorn")
    from tests.query.web.conftest import load_test_client

    broken = _broken_copy(built[0], tmp_path / "three", _garbage_toc)
    apps: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: apps.append(app))
    failed = CliRunner().invoke(main, ["serve", "--index", str(broken)])
    assert failed.exit_code == 1 and f"shard {BROKEN} " in failed.output and not apps
    result = CliRunner().invoke(main, ["serve", "--index", str(broken), "--allow-partial"], catch_exceptions=False)
    assert result.exit_code == 0
    with load_test_client()(apps[0], base_url="http://127.0.0.1") as client:  # (a loopback Host header)
        answer = client.get("/api/search", params={"q": "siege"}).json()
        assert answer["partial"] is True and answer["missing_shards"] == [BROKEN] and answer["total"] > 0
        page = client.get("/", params={"q": "siege"}).text
        assert f"Partial results: shard\n        {BROKEN} could not be searched." in page
        assert client.get("/api/stats").json()["missing_shards"] == [BROKEN]
