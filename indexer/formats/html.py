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

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from indexer.errors import IngestError
from indexer.formats.common import (
    RawStatement,
    ReadOptions,
    decode,
    file_limit_mb,
    raw_statement,
    read_bytes,
    statement_too_long,
)

_DROP_TAGS = frozenset((
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "form", "iframe", "svg", "canvas", "button", "select", "menu", "dialog", "head",
))
_BLOCK_TAGS = frozenset((
    "p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "td", "th", "tr", "br", "dd", "dt", "figcaption",
))
_TEXT_TYPES = (NavigableString, CData)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")


class _Landmarks:
    """The first ``<title>``, ``<h1>``, canonical link and dated ``<time>``,
    and the ``<meta>`` tags by property and by name, found in one pass
    (a ``soup.find`` per name walked the whole page some 30 times)."""

    def __init__(self, soup: Any) -> None:
        self.first: dict[str, Any] = {}
        self.properties: dict[str, Any] = {}
        self.names: dict[str, Any] = {}
        for tag in soup.descendants:
            if not isinstance(tag, Tag):
                continue
            if tag.name == "meta":
                for attr, found in (("property", self.properties), ("name", self.names)):
                    value = tag.get(attr)
                    if isinstance(value, str):
                        found.setdefault(value, tag)
            elif tag.name in ("title", "h1"):
                self.first.setdefault(tag.name, tag)
            elif tag.name == "link" and "canonical" in (tag.get("rel") or ()):
                self.first.setdefault("canonical", tag)
            elif tag.name == "time" and tag.has_attr("datetime"):
                self.first.setdefault("time", tag)

    def meta(self, *names: str) -> str | None:
        """The content of the first of ``names`` present (``property=``, then ``name=``)."""
        for name in names:
            tag = self.properties.get(name) or self.names.get(name)
            if tag is not None and tag.get("content"):
                return str(tag["content"]).strip()
        return None


def _text_of(root: Any) -> str:
    """The text under ``root``, blank lines between blocks, without comments
    and dropped elements.

    One pass over the tree, changing nothing: inserting a line break before
    each block, or removing each dropped element, costs bs4 a scan of the
    siblings every time (``Tag.index``), which took 100 s on a page of 100k
    sibling paragraphs (issue 23). Iterative, so deep nesting is no problem.
    """
    parts: list[str] = []
    stack = [iter(root.contents)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif isinstance(node, Tag):
            if node.name in _DROP_TAGS:
                continue
            if node.name in _BLOCK_TAGS:
                parts.append("\n" if node.name == "br" else "\n\n")
            stack.append(iter(node.contents))
        elif type(node) in _TEXT_TYPES:  # not comments, doctypes, script text...
            parts.append(str(node))
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _main_element(soup: Any) -> Any:
    """``<article>``, else ``<main>``, else ``<body>`` (the first one outside
    dropped elements), else the whole page."""
    for name in ("article", "main", "body"):
        for tag in soup.find_all(name):
            if not any(parent.name in _DROP_TAGS for parent in tag.parents):
                return tag
    return soup


def html_to_text(markup: str) -> tuple[str, dict[str, str | None]]:
    """Main text of an HTML page and its metadata (title, url, date, publisher)."""
    # Python's html.parser turns everything after a bare "&#;" into text, which
    # would index a later <script> body: escape that ampersand first.
    soup = BeautifulSoup(markup.replace("&#;", "&amp;#;"), "html.parser")
    marks = _Landmarks(soup)
    title_tag, h1 = marks.first.get("title"), marks.first.get("h1")
    canonical, time_tag = marks.first.get("canonical"), marks.first.get("time")
    meta = {
        "title": marks.meta("og:title", "twitter:title")
        or (title_tag.get_text(" ", strip=True) if title_tag else None)
        or (h1.get_text(" ", strip=True) if h1 else None),
        "url": (str(canonical["href"]) if canonical and canonical.get("href") else None)
        or marks.meta("og:url"),
        "date": marks.meta(
            "article:published_time", "date", "dc.date", "DC.date.issued",
            "pubdate", "publishdate", "og:published_time",
        )
        or (str(time_tag["datetime"]) if time_tag else None),
        "publisher": marks.meta("og:site_name", "publisher", "author", "dc.publisher"),
    }
    return _text_of(_main_element(soup)), meta


def read_html(path: Path, options: ReadOptions) -> RawStatement:
    """Read an ``.html``/``.htm`` page as one statement."""
    body, meta = html_to_text(decode(path, read_bytes(path, file_limit_mb(options, one_statement=True))))
    title = meta["title"] or path.stem
    if body.startswith(title):
        body = body[len(title):].lstrip()
    too_long = statement_too_long(title, body, options)
    if too_long:
        raise IngestError(str(path), too_long)
    return raw_statement(
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
