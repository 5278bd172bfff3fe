"""Picture and wire credits written as a name and an agency (issue 18 item 6).

A caption ends with its photographer and agency (``MIKE HUTCHINGS/Reuters``,
``| Jane Doe / AP``, ``(Photo by AFP)``, ``... 2017. by AFP)``), a wire
story with its agencies (``Reuters/AP with additional reporting by``) and
an embedded link with its outlet (``causes stir | DW News Video:``): none
is the agency acting in the story. :func:`caption_credit_spans` finds them
for :mod:`indexer.extraction.boilerplate` to blank; the agency must be a
news organisation the gazetteer knows (``Israel/Palestine`` is no credit).

Leaf module: stdlib only (the outlet test is passed in).
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["caption_credit_spans"]

#: ``NAME/AGENCY`` (one to four capitalised words or initials, a slash, the agency; a sentence's
#: last word, ``Khan.``, is none of them) closing a caption or a
#: credit line: before a bracket, a semicolon (``Carlos Barria/Reuters; Leah Millis/Reuters``), a
#: line's end or ``with additional reporting``.
_SLASH_CREDIT = re.compile(
    r"(?<![\w/])(?:[A-Z]\.|[A-Z][\w'’-]*)(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]*)){0,3}[ \t]*/[ \t]*"
    r"(?P<agency>[A-Z][A-Za-z.&]{1,20})"
    r"(?=[ \t]*(?:[);]|\r?\n|$|with[ \t]+(?:additional[ \t]+)?reporting\b))", re.MULTILINE)
#: ``(Photo by AFP)``, ``by AFP)``: a caption's credit whose bracket closes after the agency.
_BY_CREDIT = re.compile(
    r"\(?(?:(?:[Pp]hoto|[Pp]icture|[Ii]mage|[Vv]ideo)s?[ \t]+)?by[ \t]+(?P<agency>[A-Z][A-Za-z.&]{1,20})[ \t]*\)")
#: ``headline | DW News Video:``: an embedded link's outlet after a pipe, at a line's end or
#: before the kind of link.
_PIPE_OUTLET = re.compile(
    r"\|[ \t]*(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3}?)"
    r"(?=[ \t]*(?:\r?\n|$|(?:Video|Audio|Watch|Podcast)\b))", re.MULTILINE)


def caption_credit_spans(text: str, media: Callable[[str], str | None]) -> list[tuple[int, int]]:
    """The spans of ``text``'s caption and link credits whose agency ``media`` knows."""
    spans: list[tuple[int, int]] = []
    if "/" in text:
        spans += [m.span() for m in _SLASH_CREDIT.finditer(text) if media(m.group("agency").rstrip(".")) is not None]
    if "by " in text and ")" in text:
        spans += [m.span() for m in _BY_CREDIT.finditer(text) if media(m.group("agency").rstrip(".")) is not None]
    if "|" in text:
        spans += [m.span() for m in _PIPE_OUTLET.finditer(text) if _known(m.group("agency"), media)]
    return spans


def _known(name: str, media: Callable[[str], str | None]) -> bool:
    """Whether ``name`` or a prefix of its words is a known outlet (``DW News`` -> DW)."""
    words = name.split()
    return any(media(" ".join(words[:n])) is not None for n in range(len(words), 0, -1))
