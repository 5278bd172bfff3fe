"""Reposted copies on the web page, in Debian's Chromium (issue 20).

Its own small index (three copies of one statement and one other), served
with the fixtures of ``test_browser``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.query.test_copies import FAST, OTHER, REPOSTS, write
from tests.query.web.test_browser import base_url, browser_context, page, search, total_of  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def web_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from indexer.writing.write import index_paths

    root = tmp_path_factory.mktemp("web-copies")
    index_paths([write(root / "a.jsonl", [*REPOSTS, OTHER])], root / "ix", FAST)
    return root / "ix"


def test_a_group_is_one_hit_with_its_copies(page: Any, base_url: str) -> None:  # noqa: F811
    search(page, base_url, "statement")
    assert total_of(page) == 2
    assert "(4 with copies)" in page.locator("#summary").inner_text()
    hits = page.locator("li.hit")
    assert hits.count() == 2
    grouped = page.locator("li.hit", has=page.locator("details.copies"))
    assert grouped.count() == 1
    assert grouped.locator("h2").inner_text() == "Statement agency-1"  # the earliest copy
    copies = grouped.locator("details.copies")
    assert copies.locator("summary").inner_text() == "2 reposted copies"
    assert not copies.locator("li").first.is_visible()  # folded until asked for
    copies.locator("summary").click()
    items = copies.locator("li")
    assert items.all_inner_texts()[0].startswith("2016-03-02 · coalition")
    assert items.nth(1).inner_text().startswith("2016-03-05 · mirror")
    items.first.locator("a").first.click()
    page.wait_for_selector("article.statement")
    assert page.locator("article.statement h1").inner_text() == "Statement coalition-1"
    assert page.locator("article.statement details.copies summary").inner_text() == "2 reposted copies"
    assert page.foreign_requests == []
