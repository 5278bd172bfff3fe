"""HTML pages: the main text only, with title, URL, date and publisher from metadata.

Parsed with BeautifulSoup's built-in ``html.parser``: it never fetches
anything and expands no external entities, so a page cannot make Sift read
files or the network. Scripts, styles, navigation, headers, footers, asides
and forms are dropped; ``<article>`` or ``<main>`` is preferred when present.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Comment

from indexer.formats.common import FileRecords, ReadOptions, build_statement, decode, read_bytes

_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "form", "iframe", "svg", "canvas", "button", "select", "menu", "dialog", "head",
)
_BLOCK_TAGS = (
    "p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "td", "th", "tr", "br", "dd", "dt", "figcaption",
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")


def _meta(soup: Any, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content"):
            return str(tag["content"]).strip()
    return None


def _text_of(root: Any) -> str:
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before("\n\n" if tag.name != "br" else "\n")
    text = root.get_text()
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def html_to_text(markup: str) -> tuple[str, dict[str, str | None]]:
    """Main text of an HTML page and its metadata (title, url, date, publisher)."""
    # Python's html.parser turns everything after a bare "&#;" into text, which
    # would index a later <script> body: escape that ampersand first.
    soup = BeautifulSoup(markup.replace("&#;", "&amp;#;"), "html.parser")
    title_tag = soup.find("title")
    h1 = soup.find("h1")
    canonical = soup.find("link", attrs={"rel": "canonical"})
    time_tag = soup.find("time", attrs={"datetime": True})
    meta = {
        "title": _meta(soup, "og:title", "twitter:title")
        or (title_tag.get_text(" ", strip=True) if title_tag else None)
        or (h1.get_text(" ", strip=True) if h1 else None),
        "url": (str(canonical["href"]) if canonical and canonical.get("href") else None)
        or _meta(soup, "og:url"),
        "date": _meta(
            soup, "article:published_time", "date", "dc.date", "DC.date.issued",
            "pubdate", "publishdate", "og:published_time",
        )
        or (str(time_tag["datetime"]) if time_tag else None),
        "publisher": _meta(soup, "og:site_name", "publisher", "author", "dc.publisher"),
    }
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.find("body") or soup
    return _text_of(root), meta


def read_html(path: Path, options: ReadOptions) -> FileRecords:
    """Read an ``.html``/``.htm`` page as one statement."""
    body, meta = html_to_text(decode(path, read_bytes(path)))
    title = meta["title"] or path.stem
    if body.startswith(title):
        body = body[len(title):].lstrip()
    statement = build_statement(
        source=str(path),
        record_key=path.name,
        title=title,
        body=body,
        url=meta["url"],
        publisher=meta["publisher"],
        date_value=meta["date"],
        given_id=None,
        day_first=options.day_first,
    )
    return FileRecords(statements=[statement])
