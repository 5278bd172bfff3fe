"""Plain text and Markdown, including the seed's press-statement layout.

The seed layout is::

    # Title
    [source text](http://source/url)
    February 8, 2016
    Press Statement
    Syrian Coalition
    Media Office
    February 8, 2016
    Body paragraphs...

Short lines between the title and the first paragraph form the *header*:
a Markdown link or bare URL there is the source URL, date lines are kept
for date detection, and the first header line that is neither a date nor a
document-type label (``Press Statement``, ``Media Office``...) is the
publisher.
"""

from __future__ import annotations

import re
from pathlib import Path

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

_LINK_LINE = re.compile(r"^\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]+)\)$")
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_HAS_DIGIT_AND_MONTH = re.compile(
    r"\d.*\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
    r"^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\s*$",
    re.IGNORECASE,
)
#: Header lines that name the kind of document or office, not the publisher.
DOCUMENT_LABELS = frozenset(
    {
        "press statement", "press release", "statement", "media office", "press office",
        "communique", "communiqué", "news", "news release", "for immediate release",
        "joint statement", "press briefing", "speech", "remarks", "transcript",
        "media release", "public statement", "declaration", "readout", "update",
    }
)
_MAX_HEADER_LINE = 80
_MAX_HEADER_LINES = 12


def _is_header_line(line: str) -> bool:
    if len(line) > _MAX_HEADER_LINE:  # before split(): a 50 MB line must not become a word list
        return False
    words = line.split()
    if len(words) > 10:
        return False
    return not (line.endswith((".", "?", "!", ":", ";", ",")) and len(words) > 4)


def is_date_line(line: str) -> bool:
    """Whether a short header line looks like a date (``February 8, 2016``)."""
    return bool(_HAS_DIGIT_AND_MONTH.search(line)) and len(line.split()) <= 6


def strip_markdown(text: str) -> str:
    """Markdown to readable text: links keep their words, images go."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def split_header(lines: list[str]) -> tuple[str, str | None, list[str], int]:
    """Split off title, URL and header lines; return them and the body's first line index."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    title = ""
    if i < len(lines):
        first = lines[i].strip()
        if first.startswith("#"):
            title = first.lstrip("#").strip()
            i += 1
        elif _is_header_line(first) and not is_date_line(first):
            title = first
            i += 1
    url: str | None = None
    header: list[str] = []
    body_start = i
    taken = 0
    j = i
    while j < len(lines) and taken < _MAX_HEADER_LINES:
        line = lines[j].strip()
        j += 1
        if not line:
            continue
        link = _LINK_LINE.match(line)
        if link and url is None:
            url = link.group("url")
        elif _BARE_URL.match(line) and url is None:
            url = line
        elif _is_header_line(line):
            header.append(line)
        else:
            break
        taken += 1
        body_start = j
    if not any(is_date_line(h) for h in header) and url is None and title:
        # A plain text file: short opening lines are the first paragraph, not a header.
        header, body_start = [], i
    return title, url, header, body_start


def publisher_from_header(header: list[str]) -> str | None:
    """The first header line that is neither a date nor a document label."""
    for line in header:
        label = line.strip().strip("*_").strip()
        if label.casefold().rstrip(":") in DOCUMENT_LABELS or is_date_line(label):
            continue
        if _LINK_LINE.match(label) or _BARE_URL.match(label):
            continue
        return label
    return None


def read_text_file(path: Path, options: ReadOptions) -> RawStatement:
    """Read a ``.txt`` or ``.md`` file as one statement."""
    text = decode(path, read_bytes(path, file_limit_mb(options, one_statement=True)))
    too_long = statement_too_long("", text, options)  # before any work on the text
    if too_long:
        raise IngestError(str(path), too_long)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    title, url, header, body_start = split_header(lines)
    body = "\n".join(lines[body_start:]).strip()
    if path.suffix.lower() in {".md", ".markdown"} or title:
        body = strip_markdown(body)
    if not body:
        body, header = "\n".join(header), []
    if not title:
        title = path.stem.replace("_", " ").replace("-", " ")
    return raw_statement(
        source=str(path),
        record_key=path.name,
        title=strip_markdown(title),
        body=body,
        url=url,
        publisher=publisher_from_header(header),
        date_value=None,
        given_id=None,
        header="\n".join(header),
        day_first=options.day_first,
    )
