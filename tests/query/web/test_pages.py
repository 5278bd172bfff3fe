"""The HTML pages, in-process: they render, link filters, and escape text."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.query.web.conftest import SLASH_ID, XSS_ID

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[web]')")


def hrefs(html: str, css_class: str) -> list[str]:
    pattern = rf'<a[^>]*class="[^"]*\b{css_class}\b[^"]*"[^>]*href="([^"]*)"|<a[^>]*href="([^"]*)"[^>]*class="[^"]*\b{css_class}\b'
    return [(a or b).replace("&amp;", "&") for a, b in re.findall(pattern, html)]


def query_of(href: str) -> str:
    return parse_qs(urlsplit(href).query)["q"][0]


def test_landing_page_shows_the_index(client: Any) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "27 statements" in page.text
    assert "Query syntax" in page.text and "<details" in page.text


def test_search_page(client: Any) -> None:
    page = client.get("/", params={"q": "barrel bombs"})
    assert page.status_code == 200
    assert "<mark>" in page.text
    assert "Export all" in page.text
    facet_links = hrefs(page.text, "facet-value")
    assert 'barrel bombs actor:"Assad regime"' in [query_of(h) for h in facet_links]
    bars = [query_of(h) for h in hrefs(page.text, "bar")]
    assert "barrel bombs date:2016-03" in bars
    chips = [query_of(h) for h in hrefs(page.text, "chip")]
    assert 'barrel bombs location:"Homs"' in chips
    assert 'barrel bombs claim:"bombardment"' in chips or any("claim:" in c for c in chips)


def test_search_page_pagination(client: Any) -> None:
    first = client.get("/", params={"q": "shells"})
    assert 'rel="next"' in first.text and "1–20" in first.text
    second = client.get("/", params={"q": "shells", "page": "2"})
    assert "21–24" in second.text and 'rel="prev"' in second.text


@pytest.mark.parametrize("number", ["x", "²", "①", "٣", "-1", "1.5", "9" * 8, "9" * 5000])
def test_bad_page_number_is_400(client: Any, number: str) -> None:
    # "²" and "①" pass str.isdigit() but not int(): they answered 500 (issue 23)
    page = client.get("/", params={"q": "shells", "page": number})
    assert page.status_code == 400
    assert "page must be a number from 1 to 1,000,000" in page.text


@pytest.mark.parametrize(("q", "words"), [("date:>9999", "no dates after 9999-12-31"),
                                          ('"barrel bombs"~99999999999999999999', "too large"),
                                          ("siege~" + "9" * 5000, "fuzzy distance")])
def test_out_of_range_numbers_in_the_query_are_400(client: Any, q: str, words: str) -> None:
    page = client.get("/", params={"q": q})
    assert page.status_code == 400 and words in page.text


def test_active_filter_links_remove_it(client: Any) -> None:
    page = client.get("/", params={"q": 'shells actor:"Russia"'})
    active = [h for h in re.findall(r'class="facet-value active" href="([^"]*)"', page.text)]
    assert [query_of(h.replace("&amp;", "&")) for h in active] == ["shells"]


def test_malformed_query_shows_the_error_and_caret(client: Any) -> None:
    page = client.get("/", params={"q": 'bombs "open'})
    assert page.status_code == 400
    assert "unclosed quote" in page.text
    assert "bombs &#34;open\n      ^" in page.text or "bombs &#34;open\n      ^" in page.text.replace("&quot;", "&#34;")


def test_no_hits(client: Any) -> None:
    page = client.get("/", params={"q": "zebra"})
    assert page.status_code == 200 and "No statements match" in page.text


def test_statement_page_marks_evidence_in_place(client: Any) -> None:
    page = client.get("/statements/s00", params={"q": "bombs"})
    assert page.status_code == 200
    assert re.search(r'<a class="ent actor" href="[^"]*" title="actor: Assad regime"[^>]*>Assad regime</a>', page.text)
    assert '<span class="claim-span"' in page.text
    assert "Back to results" in page.text and "/?q=bombs" in page.text


def test_statement_page_with_slash_in_id(client: Any) -> None:
    search = client.get("/", params={"q": "chemical"})
    links = re.findall(r'<h2><a href="([^"]*)"', search.text)
    assert links and unquote(urlsplit(links[0]).path) == f"/statements/{SLASH_ID}"
    page = client.get(links[0].replace("&amp;", "&"))
    assert page.status_code == 200 and "a slash in its id" in page.text


def test_unknown_statement_page_is_404(client: Any) -> None:
    page = client.get("/statements/nope")
    assert page.status_code == 404 and "no statement with id" in page.text


@pytest.mark.parametrize("url", ["/?q=pwned", f"/statements/{XSS_ID}", "/?q=bombs+Homs"])
def test_hostile_text_is_escaped(client: Any, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200
    assert "<script>window.pwned" not in page.text
    assert "<img src=x" not in page.text
    assert "<b>Press</b>" not in page.text
    assert not re.search(r"href=\"\s*javascript:", page.text)  # shown as text at most, never a link
    assert "&lt;script&gt;window.pwned" in page.text


def test_pages_load_nothing_from_elsewhere(client: Any) -> None:
    for url in ("/", "/?q=bombs", "/statements/s01", "/docs"):
        text = client.get(url).text
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', text), url
    assert client.get("/static/sift.js").status_code == 200
    assert client.get("/static/favicon.svg").status_code == 200


def test_claim_query_marks_the_claim_sentence(client: Any) -> None:
    """Issue 20: a claim: filter shows the claim's sentence, its trigger marked."""
    page = client.get("/", params={"q": "claim:chemical_attack"})
    assert page.status_code == 200
    assert "The Assad regime used <mark>chemical weapons</mark> against civilians in Idlib." in page.text
