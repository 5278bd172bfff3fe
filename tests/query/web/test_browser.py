"""End to end: Debian's Chromium, headless, driven by Playwright's Python API.

The app runs under uvicorn in a background thread on a free localhost port.
Skips when ``/usr/bin/chromium`` or ``playwright`` is missing (``.ci/setup-browser``
installs the browser; ``playwright install`` is never used). A failing test
saves a screenshot to ``$SIFT_TEST_ARTIFACTS`` (default: ``artifacts/`` in
pytest's base temp dir).
"""

from __future__ import annotations

import csv
import io
import os
import re
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.query.web.conftest import XSS_ID

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (run .ci/setup-browser, or apt-get install chromium)", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[web]')")
pytest.importorskip("uvicorn", reason="the web extra is not installed (pip install -e '.[web]')")

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(web_index: Path) -> Iterator[str]:
    """The app served by uvicorn on a free localhost port, for this module."""
    import uvicorn

    from query.web import create_app

    port = _free_port()
    app = create_app(web_index, allowed_hosts=["127.0.0.1", "localhost"])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="sift-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="sift-chromium-", dir=tmp_path_factory.getbasetemp())
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900}, accept_downloads=True,
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser_context: Any, base_url: str, request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A fresh tab that records requests leaving the test server, and is
    screenshotted if the test fails."""
    tab = browser_context.new_page()
    tab.set_default_timeout(15_000)
    foreign: list[str] = []
    tab.on("request", lambda r: foreign.append(r.url) if not r.url.startswith((base_url, "data:", "about:")) else None)
    tab.foreign_requests = foreign
    yield tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        folder = Path(os.environ.get("SIFT_TEST_ARTIFACTS") or tmp_path_factory.getbasetemp() / "artifacts")
        folder.mkdir(parents=True, exist_ok=True)
        shot = folder / f"{request.node.name}.png"
        try:
            tab.screenshot(path=str(shot), full_page=True)
            print(f"screenshot of the failure: {shot}")
        except Exception as exc:  # the page may be gone: the failure itself matters more
            print(f"no screenshot: {exc}")
    tab.close()


def q_of(url: str) -> str:
    return parse_qs(urlsplit(url).query).get("q", [""])[0]


def total_of(page: Any) -> int:
    heading = page.locator("#summary").inner_text()
    match = re.match(r"([\d,]+) statement", heading)
    return int(match.group(1).replace(",", "")) if match else 0


def search(page: Any, base_url: str, query: str) -> None:
    page.goto(base_url + "/")
    page.fill("#q", query)
    page.press("#q", "Enter")
    page.wait_for_selector("#summary")


def test_search_shows_highlighted_hits(page: Any, base_url: str) -> None:
    search(page, base_url, "barrel bombs")
    assert q_of(page.url) == "barrel bombs"
    assert total_of(page) == 26
    assert page.locator("li.hit").count() == 20
    marked = {m.lower() for m in page.locator("li.hit mark").all_inner_texts()}
    assert marked and marked <= {"barrel", "bombs", "barrel bombs"}
    assert page.locator("li.hit .meta time").first.inner_text().startswith("2016-")
    assert page.foreign_requests == []


def test_syntax_help_is_one_click_away(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    assert not page.locator(".syntax-body").is_visible()
    page.click("details.syntax summary")
    assert page.locator(".syntax-body").is_visible()
    assert 'actor:"Assad regime"' in page.locator(".syntax-body").inner_text()


def test_clicking_a_facet_adds_the_filter(page: Any, base_url: str) -> None:
    search(page, base_url, "barrel bombs")
    before = total_of(page)
    page.locator('details[data-facet="actor"] a.facet-value', has_text="Russia").click()
    page.wait_for_url(re.compile(r"actor"))
    assert q_of(page.url) == 'barrel bombs actor:"Russia"'
    assert page.input_value("#q") == 'barrel bombs actor:"Russia"'
    assert 0 < total_of(page) < before
    assert page.locator('details[data-facet="actor"] a.facet-value.active').inner_text().startswith("Russia")
    for chips in page.locator("li.hit ul.chips").all():
        assert "Russia" in chips.inner_text()


def test_clicking_a_chip_adds_the_filter(page: Any, base_url: str) -> None:
    search(page, base_url, "shells")
    page.locator("li.hit a.chip.location", has_text="Darayya").first.click()
    page.wait_for_url(re.compile(r"location"))
    assert q_of(page.url) == 'shells location:"Darayya"'
    assert total_of(page) == 8


def test_clicking_a_timeline_bar_narrows_the_dates(page: Any, base_url: str) -> None:
    search(page, base_url, "shells")
    page.locator('svg.bars a.bar[data-period="2016-03"]').click()
    page.wait_for_url(re.compile(r"date"))
    assert q_of(page.url) == "shells date:2016-03"
    dates = page.locator("li.hit .meta time").all_inner_texts()
    assert dates and all(d.startswith("2016-03") for d in dates)
    assert page.locator("svg.bars a.bar").count() == 1


def test_sort_and_pagination(page: Any, base_url: str) -> None:
    search(page, base_url, "shells")
    page.select_option("#sort", "oldest")  # submits by itself (small JS)
    page.wait_for_url(re.compile(r"sort=oldest"))
    dates = page.locator("li.hit .meta time").all_inner_texts()
    assert dates == sorted(dates)
    page.click("nav.pages a[rel=next]")
    page.wait_for_url(re.compile(r"page=2"))
    assert page.locator("li.hit").count() == 4
    assert page.locator("ol.hits").get_attribute("start") == "21"


def test_opening_a_statement_shows_marked_evidence(page: Any, base_url: str) -> None:
    search(page, base_url, "barrel bombs Darayya")
    page.locator("li.hit h2 a").first.click()
    page.wait_for_selector("article.statement")
    assert "/statements/" in page.url
    actors = page.locator(".body a.ent.actor").all_inner_texts()
    places = page.locator(".body a.ent.location").all_inner_texts()
    assert actors and places and "Darayya" in places
    assert page.locator(".body .claim-span").count() >= 1
    page.click("text=Back to results")
    page.wait_for_selector("#summary")
    assert q_of(page.url) == "barrel bombs Darayya"


def test_export_downloads_every_hit(page: Any, base_url: str) -> None:
    search(page, base_url, "barrel bombs")
    total = total_of(page)
    with page.expect_download() as info:
        page.click(".export a:text('CSV')")
    download = info.value
    assert download.suggested_filename == "sift-export.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert len(rows) == total > 20  # the whole result set, not one page


@pytest.mark.parametrize("path", ["/?q=pwned", f"/statements/{XSS_ID}", "/?q=bombs+Homs"])
def test_script_in_a_statement_is_shown_not_run(page: Any, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert "<script>window.pwned" in page.locator("main").inner_text()
    assert page.locator("main script, main img").count() == 0


def test_works_on_a_narrow_screen(page: Any, base_url: str) -> None:
    page.set_viewport_size({"width": 380, "height": 800})
    for path in ("/?q=barrel+bombs", "/statements/s00", "/docs"):
        page.goto(base_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path


def test_works_without_javascript(browser_context: Any, base_url: str) -> None:
    tab = browser_context.new_page()
    try:
        tab.route("**/static/sift.js", lambda route: route.abort())  # as if scripts were off
        tab.goto(base_url + "/")
        tab.fill("#q", "shells")
        tab.click("form.search button[type=submit]")
        tab.wait_for_selector("#summary")
        tab.locator('details[data-facet="location"] a.facet-value', has_text="Homs").click()
        tab.wait_for_url(re.compile(r"location"))
        assert q_of(tab.url) == 'shells location:"Homs"'
    finally:
        tab.close()


@pytest.mark.parametrize("script", [True, False], ids=["with-js", "without-js"])
def test_on_a_narrow_screen_the_facets_are_a_toggle_above_the_results(page: Any, base_url: str, script: bool) -> None:
    """Issue 20: on a phone the facets came after every hit, 10,000 px down."""
    if not script:
        page.route("**/static/sift.js", lambda route: route.abort())
    page.set_viewport_size({"width": 380, "height": 800})
    search(page, base_url, "barrel bombs")
    toggle = page.locator("details.facets-toggle > summary")
    first_hit = page.locator("li.hit").first
    assert toggle.is_visible() and toggle.inner_text().startswith("Filter by actor")
    assert toggle.bounding_box()["y"] < first_hit.bounding_box()["y"] < 800  # hits start on the first screen
    assert not page.locator('details[data-facet="actor"]').is_visible()
    toggle.click()
    actor = page.locator('details[data-facet="actor"] a.facet-value', has_text="Russia")
    assert actor.is_visible() and actor.bounding_box()["y"] < first_hit.bounding_box()["y"]
    actor.click()
    page.wait_for_url(re.compile(r"actor"))
    assert "1 active" in page.locator("details.facets-toggle > summary").inner_text()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_on_a_wide_screen_the_facets_show_beside_the_results(page: Any, base_url: str) -> None:
    search(page, base_url, "barrel bombs")
    assert not page.locator("details.facets-toggle > summary").is_visible()
    facet = page.locator('details[data-facet="actor"]')
    assert facet.is_visible()
    results = page.locator("section.results").bounding_box()
    box = facet.bounding_box()
    assert box["x"] + box["width"] <= results["x"] and box["y"] < results["y"] + 100
