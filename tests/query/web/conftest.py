"""Fixtures of the web tests: one small index, the app, an in-process client.

The corpus is built so every feature has something to show: 24 statements
over six months of 2016 (more than a page of 20), an undated one, one with
an id holding a slash, and hostile ones (``<script>``, quotes, a
``javascript:`` URL, a spreadsheet formula as title).
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

XSS_ID = "xss-1"
SLASH_ID = "press/2016 06"
FORMULA_ID = "formula-1"
MONTHS = ("2016-01", "2016-02", "2016-03", "2016-04", "2016-05", "2016-06")


def corpus_records() -> list[dict[str, Any]]:
    """The statements of the test index, as JSONL records."""
    records: list[dict[str, Any]] = []
    for i in range(24):
        month = MONTHS[i % len(MONTHS)]
        actor = "Assad regime" if i % 2 == 0 else "Russia"
        place = ("Aleppo", "Darayya", "Homs")[i % 3]
        records.append({
            "id": f"s{i:02d}",
            "title": f"{actor} shells {place} ({i})",
            "date": f"{month}-{1 + i % 27:02d}",
            "publisher": "Syrian Coalition" if i % 4 else "Local Council",
            "url": f"https://example.org/press/{i}",
            "text": f"The Syrian Coalition condemns the {actor} for barrel bombs dropped on {place}. "
                    f"Civilians were killed in the shelling of {place} on day {i}.",
        })
    records.append({
        "id": XSS_ID,
        "title": 'Alert <script>window.pwned = 1</script> "quoted" & \'single\'',
        "date": "2016-03-20",
        "publisher": "Evil <b>Press</b>",
        "url": "javascript:window.pwned=3",
        "text": 'Barrel bombs <script>window.pwned = true;</script> and "double quotes" and '
                '<img src=x onerror="window.pwned=2"> fell on Homs.',
    })
    records.append({
        "id": SLASH_ID,
        "title": "Statement with a slash in its id",
        "date": "2016-06-30",
        "text": "The Assad regime used chemical weapons against civilians in Idlib.",
    })
    records.append({
        "id": FORMULA_ID,
        "title": "=HYPERLINK(\"http://evil.example\",\"click\") barrel bombs",
        "text": "An undated note on barrel bombs in Aleppo.",
    })
    return records


@pytest.fixture(scope="session")
def web_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small index built once for all web tests."""
    from indexer.writing.write import index_paths

    root = tmp_path_factory.mktemp("web")
    source = root / "in" / "statements.jsonl"
    source.parent.mkdir()
    source.write_text("\n".join(json.dumps(r) for r in corpus_records()) + "\n", encoding="utf-8")
    report = index_paths([source], root / "ix")
    assert report.errors == [] and report.added == len(corpus_records())
    return root / "ix"


def load_test_client() -> Any:
    """Starlette's ``TestClient``, or skip without the web extra.

    Recent Starlette warns that it prefers ``httpx2`` over ``httpx``; both
    work, and that deprecation is not ours to fix.
    """
    pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[web]')")
    pytest.importorskip("httpx", reason="httpx is needed by TestClient (pip install -e '.[test]')")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx.*")
        from fastapi.testclient import TestClient
    return TestClient


@pytest.fixture(scope="session")
def web_app(web_index: Path) -> Any:
    pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[web]')")
    from query.web import create_app

    return create_app(web_index)


@pytest.fixture(scope="session")
def client(web_app: Any) -> Iterator[Any]:
    """An in-process client of the app (no server, no network)."""
    test_client = load_test_client()
    with test_client(web_app) as c:
        yield c


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    # Lets fixtures see whether the test failed (browser tests take a
    # screenshot then).
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    setattr(item, f"report_{report.when}", report)
