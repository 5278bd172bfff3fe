"""Where a news body's own text starts after a repeated title and a site's header (issue 18 item 8).

Scraped pages often open the body with the headline again, then the site's
header words, then the date line: ``Car bomb kills 12 AFP Friday 20 Jun
2014``, ``Rockets hit the city - Reports Sputnik Jane Doe Middle East 2159
18.05.2017``, ``Strikes hit the town Daily Example DAMASCUS, Oct. 12, 2015
(Reuters) -``. The title field may carry a suffix the body lacks (``... -
Region - World - Ahram Online``). :func:`skip_title` drops the repeated
headline (the whole title or the title without its suffix);
:func:`header_starts` gives the positions after each of the capitalised
header words that follow it (a site's name, an author, a section, a time),
where :mod:`indexer.extraction.dates` then looks for a date in dateline
position. Prose (a lower-case word) ends the header: a date after it is an
event's.

A leaf module: stdlib only.
"""

from __future__ import annotations

import re

__all__ = ["header_starts", "skip_title"]

#: A separator before a title's suffix (``- Region - World - Site``, ``| Site``).
_SUFFIX = re.compile(r"\s+[-|–—]\s+")
#: A header word: capitalised, an acronym or a number (``Sputnik``, ``REUTERS``, ``2159``).
_HEADER_WORD = re.compile(r"[ \t]*(?:[A-Z][\w.'’&-]*|\d{1,4})(?=[ \t,])")
#: How many header words may stand between a repeated title and its date line.
MAX_HEADER_WORDS = 8
#: The shortest title (letters and digits) recognised as repeated.
MIN_TITLE = 8


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def _skip(body: str, target: str, reach: int) -> str | None:
    """``body`` after a leading copy of ``target`` (squashed), or ``None``."""
    seen = 0
    for i, ch in enumerate(body[:reach]):
        if ch.isalnum() or ch == "_":
            if seen >= len(target) or ch.lower() != target[seen]:
                return None
            seen += 1
            if seen == len(target):
                return body[i + 1:].lstrip(" \t\r\n.:-\u2013\u2014")
    return None


def skip_title(body: str, title: str) -> str:
    """``body`` without a leading copy of ``title``, or of ``title`` without
    a site's suffix after a dash or pipe; ``body`` itself (the same object)
    when it does not repeat the title."""
    reach = len(title) * 2 + 20
    cut = len(title)
    while True:
        target = _squash(title[:cut])
        if len(target) < MIN_TITLE:
            return body
        rest = _skip(body, target, reach)
        if rest is not None:
            return rest
        seps = [m.start() for m in _SUFFIX.finditer(title, 0, cut)]
        if not seps:
            return body
        cut = seps[-1]


def header_starts(text: str) -> list[int]:
    """The positions after each of the first capitalised header words of
    ``text`` (at most :data:`MAX_HEADER_WORDS`, up to the first other word)."""
    starts = []
    at = 0
    for _ in range(MAX_HEADER_WORDS):
        m = _HEADER_WORD.match(text, at)
        if m is None:
            break
        at = m.end()
        starts.append(at)
    return starts
