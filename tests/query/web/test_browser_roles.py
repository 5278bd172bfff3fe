"""Claim roles on the web page, in Debian's Chromium (issue 21 item 7).

Its own small index (hand-written statements of ``test_claim_roles``,
through extraction), served with the fixtures of ``test_browser``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.query.web.test_browser import base_url, browser_context, page, q_of, search, total_of  # noqa: F401 (fixtures)
from tests.query.web.test_claim_roles import build_roles_index

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def web_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_roles_index(tmp_path_factory.mktemp("web-roles-browser"))


def hit_titles(page: Any) -> set[str]:  # noqa: F811
    return set(page.locator("li.hit h2").all_inner_texts())


@pytest.mark.parametrize("script", [True, False], ids=["with-js", "without-js"])
def test_clicking_a_role_chip_filters_to_that_claim(page: Any, base_url: str, script: bool) -> None:  # noqa: F811
    if not script:
        page.route("**/static/sift.js", lambda route: route.abort())
    search(page, base_url, "claim:bombardment")
    assert total_of(page) == 4
    hit = page.locator("li.hit", has=page.locator("h2", has_text="Hospital struck in Idlib"))
    hit.locator("ul.claim-roles a.chip.role", has_text="by Russia").click()
    page.wait_for_url(re.compile(r"by%3ARussia"))
    assert q_of(page.url) == "claim:bombardment claim:(bombardment AND by:Russia)"
    assert page.input_value("#q") == "claim:bombardment claim:(bombardment AND by:Russia)"
    assert hit_titles(page) == {"Hospital struck in Idlib", "Market struck in Aleppo"}
    # the chip is now active; clicking "in Idlib" narrows to the one claim
    hit = page.locator("li.hit", has=page.locator("h2", has_text="Hospital struck in Idlib"))
    assert "active" in (hit.locator("a.chip.role", has_text="by Russia").get_attribute("class") or "")
    hit.locator("a.chip.role", has_text="in Idlib").click()
    page.wait_for_url(re.compile(r"in%3AIdlib"))
    assert hit_titles(page) == {"Hospital struck in Idlib"}
    assert page.foreign_requests == []


def test_by_facet_and_denial_on_a_narrow_screen(page: Any, base_url: str) -> None:  # noqa: F811
    page.set_viewport_size({"width": 380, "height": 800})
    search(page, base_url, "claim:bombardment")
    assert not page.locator('details[data-facet="by"]').is_visible()
    page.locator("details.facets-toggle > summary").click()
    page.locator('details[data-facet="by"] a.facet-value', has_text="Assad regime").click()
    page.wait_for_url(re.compile(r"by%3A"))
    assert q_of(page.url) == 'claim:bombardment by:"Assad regime"'
    assert hit_titles(page) == {"Shelling of Idlib"}
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.goto(base_url + "/statements/denial")
    assert page.locator(".claims .denied").is_visible()
    page.locator(".claims a.chip.role", has_text="said by Russia").click()
    page.wait_for_url(re.compile(r"negated"))
    assert hit_titles(page) == {"Moscow denies"}
