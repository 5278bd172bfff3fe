"""The field registry (``indexer.fields``): one declaration per field, read
by the schema, the parser, the query help, facets, exports and the web page
(issue 19, item 2)."""

from __future__ import annotations

import csv
import re
import io
import json
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from indexer.fields import FACETS as FACET_SPECS
from indexer.fields import FIELDS, Field
from indexer.schema import build_schema
from indexer.writing.write import index_paths
from query import Searcher
from query.export import HIT_COLUMNS, write_csv
from query.facets import FACETS
from query.field_syntax import FIELD_SYNTAX
from query.parse import parse_query
from query.syntax_help import syntax_help
from query.web._filters import FACET_FIELDS
from query.web._pages import FACET_TITLES


def test_every_declared_field_reaches_the_parser_help_and_schema() -> None:
    schema = build_schema()
    assert list(FIELD_SYNTAX) == [f.name for f in FIELDS]
    help_text = syntax_help()
    for field in FIELDS:
        parse_query(field.example)  # every example parses
        assert field.example in help_text and field.help in help_text
        if field.index_field and field.kind != "text" or field.name in ("title", "body", "publisher"):
            assert field.index_field in schema, field.name
    for facet in FACET_SPECS:
        assert facet.index_field in schema
        assert FACETS[facet.name].field == facet.index_field
        assert FACET_FIELDS[facet.name] == (facet.filter or facet.name)
        assert (facet.name in FACET_TITLES) == (facet.title is not None)


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        Field("colour", "rainbow")


def _statements(folder: Path) -> Path:
    folder.mkdir()
    rows = [
        {"id": "r1", "title": "Shelling in Kharkiv",
         "text": "KYIV (Reuters) - Russian forces shelled Kharkiv on Monday, killing three civilians."},
        {"id": "r2", "title": "Strikes on Idlib",
         "text": "IDLIB, Syria (AFP) - Government aircraft bombed a market in Idlib, killing five people."},
        {"id": "r3", "title": "Talks in Geneva", "text": "Diplomats met in Geneva on Tuesday to discuss a truce."},
    ]
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return folder


def test_the_source_field_added_through_the_registry_alone(tmp_path: Path) -> None:
    index_paths([_statements(tmp_path / "in")], tmp_path / "ix")
    with Searcher(tmp_path / "ix") as searcher:
        reuters = searcher.search("source:Reuters")
        assert [h.id for h in reuters.hits] == ["r1"]
        assert reuters.hits[0].to_json()["news_source"] == "Reuters"
        # The value goes through the actor aliases, as actor: does.
        assert [h.id for h in searcher.search("source:AFP").hits] == ["r2"]
        assert searcher.search("source:Reuters AND killing").total == 1
        everything = searcher.search("killing OR truce", facets=("source",))
        assert everything.facets is not None
        facet = dict(everything.facets["source"].values)
        assert facet == {"Reuters": 1, "Agence France-Presse": 1}
        out = io.StringIO()
        write_csv(out, everything.hits)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert "news_source" in HIT_COLUMNS
    assert {r["id"]: r["news_source"] for r in rows} == {"r1": "Reuters", "r2": "Agence France-Presse", "r3": ""}


def test_an_index_made_before_the_field_says_so_and_keeps_working(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from indexer import schema
    from indexer.storage import store

    older = build_schema()
    older.remove("sources")
    monkeypatch.setattr(store, "build_schema", lambda: older)
    monkeypatch.setattr(schema, "build_schema", lambda: older)
    index_paths([_statements(tmp_path / "in")], tmp_path / "ix")
    monkeypatch.undo()
    assert "sources" not in whoosh_index.open_dir(str(tmp_path / "ix")).schema
    (tmp_path / "in" / "more.jsonl").write_text(json.dumps(
        {"id": "r4", "title": "More", "text": "(Reuters) - Troops shelled a village."}), encoding="utf-8")
    report = index_paths([tmp_path / "in"], tmp_path / "ix")
    assert report.added == 1
    assert any("source:" in notice for notice in report.notices)
    with Searcher(tmp_path / "ix") as searcher:
        assert searcher.search("source:Reuters").total == 0
        assert searcher.search("shelled").total == 2
        assert searcher.search("shelled", facets=("source",)).facets["source"].values == []  # type: ignore[index]


def test_the_web_page_shows_the_source_as_a_filter_chip(tmp_path: Path) -> None:
    from tests.query.web.conftest import load_test_client

    pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[web]')")
    from query.web import create_app

    index_paths([_statements(tmp_path / "in")], tmp_path / "ix")
    with load_test_client()(create_app(tmp_path / "ix")) as client:
        results = client.get("/", params={"q": "killing"}).text
        statement = client.get("/statements/r1").text
    assert "Sources" in results  # the facet panel
    for page in (results, statement):
        assert re.search(r'<a class="chip source[^"]*" href="[^"]*source%3A%22Reuters%22[^"]*"[^>]*>\s*source: Reuters', page)
    assert "up to 10 per name" not in statement  # the evidence cap is no longer stated wrongly
