"""The JSON API, in-process: same contract as the CLI, errors as JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.query.web.conftest import FORMULA_ID, SLASH_ID, XSS_ID, corpus_records

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[web]')")

TOTAL_BOMBS = sum("barrel bombs" in r["text"].lower() for r in corpus_records())


def test_search_returns_the_library_json(client: Any, web_index: Path) -> None:
    from query import Searcher

    response = client.get("/api/search", params={"q": "barrel bombs", "limit": 5})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    with Searcher(web_index) as searcher:
        expected = searcher.search("barrel bombs", limit=5).to_json()
    assert response.json() == expected
    assert response.json()["total"] == TOTAL_BOMBS
    hit = response.json()["hits"][0]
    assert set(hit) == {"id", "title", "date", "publisher", "url", "score", "snippet", "snippets",
                        "actors", "locations", "claims", "copies", "news_source"}
    assert "[[" in hit["snippet"]


def test_paging_covers_every_hit_once(client: Any) -> None:
    ids: list[str] = []
    for offset in range(0, TOTAL_BOMBS + 10, 10):
        data = client.get("/api/search", params={"q": "barrel bombs", "limit": 10, "offset": offset}).json()
        ids += [h["id"] for h in data["hits"]]
        if offset:
            assert (data["offset"], data["limit"]) == (offset, 10)
    assert len(ids) == len(set(ids)) == TOTAL_BOMBS


@pytest.mark.parametrize("sort, reverse", [("newest", True), ("oldest", False)])
def test_sort_by_date(client: Any, sort: str, reverse: bool) -> None:
    data = client.get("/api/search", params={"q": "shells", "limit": 100, "sort": sort}).json()
    dates = [h["date"] for h in data["hits"]]
    assert dates == sorted(dates, reverse=reverse)


@pytest.mark.parametrize(
    "facets, names",
    [
        ("all", {"actor", "location", "claim", "by", "publisher", "source", "year"}),
        ("actor", {"actor"}),
        ("actor, month,actor", {"actor", "month"}),
    ],
)
def test_facets_parameter(client: Any, facets: str, names: set[str]) -> None:
    data = client.get("/api/search", params={"q": "shells", "facets": facets}).json()
    assert set(data["facets"]) == names


def test_no_facets_or_histogram_unless_asked(client: Any) -> None:
    data = client.get("/api/search", params={"q": "shells"}).json()
    assert "facets" not in data and "histogram" not in data


def test_histogram_by_month(client: Any) -> None:
    data = client.get("/api/search", params={"q": "shells", "histogram": "month"}).json()
    assert data["histogram"] == [[m, 4] for m in ("2016-01", "2016-02", "2016-03", "2016-04", "2016-05", "2016-06")]


@pytest.mark.parametrize(
    "q, position, words",
    [
        ('"barrel bombs', 0, "unclosed quote"),
        ("bombs nosuchfield:x", 6, "unknown field"),
        ("date:2016-13", 5, ""),
        ("(bombs", 0, ""),
        ("date:>9999", 6, "no dates after 9999-12-31"),  # OverflowError: 500 before (issue 23)
        ("bombs date:{9999 TO *]", 12, "no dates after"),
        ("date:<0001", 6, "no dates before 0001-01-01"),
        ("siege~" + "9" * 5000, 6, "fuzzy distance must be 1 or 2"),  # ValueError before
        ('"attack war"~99999999999999999999', 13, "at most 500 words apart"),  # ran for minutes
    ],
)
def test_malformed_query_is_400_with_position(client: Any, q: str, position: int, words: str) -> None:
    response = client.get("/api/search", params={"q": q})
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"error", "position"}
    assert body["position"] == position
    assert words in body["error"]


@pytest.mark.parametrize(
    "params, words",
    [
        ({"q": "x", "limit": -1}, "limit"),
        ({"q": "x", "limit": 100000}, "limit"),
        ({"q": "x", "sort": "random"}, "sort"),
        ({"q": "x", "facets": "colour"}, "unknown facet 'colour'"),
        ({"q": "x", "histogram": "week"}, "histogram"),
        ({}, "q"),
        ({"q": "x", "limit": "²"}, "limit"),  # "²".isdigit(), but no int (issue 23)
        ({"q": "x", "offset": "①"}, "offset"),
        ({"q": "x", "offset": "9" * 5000}, "offset"),
        ({"q": "x", "offset": 10**12}, "offset"),
        ({"q": "x", "snippets": "²"}, "snippets"),
    ],
)
def test_bad_parameters_are_400(client: Any, params: dict[str, Any], words: str) -> None:
    response = client.get("/api/search", params=params)
    assert response.status_code == 400
    assert words in response.json()["error"]


def test_statement_in_full(client: Any) -> None:
    data = client.get("/api/statements/s00").json()
    assert data["id"] == "s00"
    assert data["body"].startswith("The Syrian Coalition condemns")
    assert "Assad regime" in data["evidence"]["actors"]
    item = data["evidence"]["actors"]["Assad regime"][0]
    field = data[item["field"]]
    assert field[item["start"] : item["end"]] == item["text"]


def test_statement_id_with_slash_and_space(client: Any) -> None:
    response = client.get("/api/statements/press%2F2016%2006")
    assert response.status_code == 200
    assert response.json()["id"] == SLASH_ID


def test_unknown_statement_is_404(client: Any) -> None:
    response = client.get("/api/statements/nope")
    assert response.status_code == 404
    assert response.json() == {"error": "no statement with id 'nope'"}


def test_stats(client: Any) -> None:
    data = client.get("/api/stats").json()
    assert data["statements"] == len(corpus_records())
    assert data["undated"] == 1
    assert data["first_date"] == "2016-01-01"


def test_export_csv_has_every_hit_across_pages(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from query.web import _export

    monkeypatch.setattr(_export, "EXPORT_PAGE", 4)  # several pages, no cap
    response = client.get("/api/export", params={"q": "barrel bombs", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'attachment; filename="sift-export.csv"' == response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == TOTAL_BOMBS
    assert [r["rank"] for r in rows] == [str(i) for i in range(1, TOTAL_BOMBS + 1)]
    paged = client.get("/api/search", params={"q": "barrel bombs", "limit": 1000}).json()
    assert [r["id"] for r in rows] == [h["id"] for h in paged["hits"]]


def test_export_csv_neutralises_formulas(client: Any) -> None:
    response = client.get("/api/export", params={"q": "undated", "format": "csv"})
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(response.text))}
    assert rows[FORMULA_ID]["title"].startswith("'=HYPERLINK(")


def test_export_json_matches_search(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from query.web import _export

    monkeypatch.setattr(_export, "EXPORT_PAGE", 5)
    response = client.get("/api/export", params={"q": "barrel bombs", "format": "json", "sort": "oldest"})
    assert response.status_code == 200
    data = json.loads(response.text)
    paged = client.get("/api/search", params={"q": "barrel bombs", "limit": 1000, "sort": "oldest"}).json()
    assert data == {"query": "barrel bombs", "total": TOTAL_BOMBS, "hits": paged["hits"]}
    titles = {h["id"]: h["title"] for h in data["hits"]}
    assert titles[FORMULA_ID].startswith("=HYPERLINK(")  # JSON is never altered


def test_export_of_nothing(client: Any) -> None:
    data = json.loads(client.get("/api/export", params={"q": "zebra", "format": "json"}).text)
    assert data == {"query": "zebra", "total": 0, "hits": []}
    text = client.get("/api/export", params={"q": "zebra", "format": "csv"}).text
    assert text.splitlines() == ["rank,id,title,date,publisher,url,score,actors,locations,claims,news_source,snippet,copies"]


def test_export_out_of_range_query_is_400(client: Any) -> None:
    response = client.get("/api/export", params={"q": "date:>9999"})
    assert response.status_code == 400 and response.json()["position"] == 6


def test_export_bad_query_is_400(client: Any) -> None:
    response = client.get("/api/export", params={"q": '"open', "format": "csv"})
    assert response.status_code == 400
    assert response.json()["position"] == 0


def test_openapi_and_local_docs(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/statements/{statement_id}", "/api/stats", "/api/export"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/search" in docs.text and "/openapi.json" in docs.text
    assert "cdn" not in docs.text.lower() and "<script src=\"http" not in docs.text
    assert client.get("/redoc").status_code == 404


def test_security_headers(client: Any) -> None:
    for url in ("/", "/api/stats", "/static/sift.css"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_trusted_hosts(web_index: Path) -> None:
    from query.web import create_app
    from tests.query.web.conftest import load_test_client

    client_class = load_test_client()
    with client_class(create_app(web_index, allowed_hosts=["127.0.0.1", "localhost"]),
                      base_url="http://127.0.0.1:8765") as local:
        assert local.get("/api/stats").status_code == 200
        assert local.get("/api/stats", headers={"host": "evil.example"}).status_code == 400


def test_exported_members() -> None:
    import query.web

    assert query.web.__all__ == ["create_app"]
    assert callable(query.web.create_app)


def test_xss_statement_json_is_unchanged(client: Any) -> None:
    data = client.get(f"/api/statements/{XSS_ID}").json()
    assert "<script>window.pwned = true;</script>" in data["body"]
