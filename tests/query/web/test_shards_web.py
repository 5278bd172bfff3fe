"""``sift serve`` on a sharded index answers as on one index (issue 22)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.query.web.conftest import corpus_records, load_test_client


def test_the_api_on_shards_answers_as_on_one_index(tmp_path: Path, client: Any, web_index: Path) -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[web]')")
    from indexer.writing.shards import index_sharded
    from query.web import create_app

    source = web_index.parent / "in" / "statements.jsonl"  # the file of the one index
    report = index_sharded([source], tmp_path / "sharded", 3)
    assert report.added == len(corpus_records())
    with load_test_client()(create_app(tmp_path / "sharded")) as sharded:
        for path in ("/api/search?q=barrel+bombs&facets=actor,location&histogram=month&limit=30",
                     "/api/search?q=shells&sort=newest&offset=5", "/api/statements/s03", "/?q=barrel+bombs",
                     "/api/stats", "/api/export?q=barrel+bombs"):
            got, expected = sharded.get(path), client.get(path)
            assert got.status_code == expected.status_code == 200, path
            if not path.startswith("/api/") or "export" in path:  # the page, the export: the same hits in order
                assert got.text == expected.text
                continue
            body, want = got.json(), expected.json()
            if path == "/api/stats":
                assert {k: body[k] for k in ("statements", "actors", "publishers")} == \
                    {k: want[k] for k in ("statements", "actors", "publishers")}
            else:
                assert body == want, path
