"""Picture, wire and link credits written around an agency's name (issue 18 item 6).

A caption ends with its photographer and agency (``MIKE HUTCHINGS/Reuters``,
``| Jane Doe / AP``, ``REUTERS/John Smith``, ``AFP/Getty Images``,
``(Photo by AFP)``, ``... 2017. by AFP)``, ``[Anadolu]``), an embedded link with its outlet
(``causes stir | DW News Video:``): none is the agency acting in the story.
A wire story names its agencies in a credit line (``Reuters/AP with
additional reporting by``, ``AFP contributed to this report``, ``(With
inputs from PTI)``, ``with AFP`` alone on the last line,
``Source: Al Jazeera and news agencies``): the text's source, metadata.
:func:`credit_spans` finds them for :mod:`indexer.extraction.boilerplate` to
blank; the agency must be a news organisation the gazetteer knows
(``Israel/Palestine`` is no credit).

Leaf module: stdlib only (the outlet test is passed in).
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["credit_spans"]

#: A capitalised word or an initial of a person's name (``Khan.``, a sentence's last word, is none).
_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]*)"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
#: What may follow a caption's credit: a bracket, a semicolon (``Carlos Barria/Reuters; Leah
#: Millis/Reuters``), a line's end or ``with additional reporting``.
_CLOSE = r"(?=[ \t]*(?:[);]|\r?\n|$|with[ \t]+(?:additional[ \t]+)?reporting\b))"
#: ``NAME/AGENCY`` and ``AGENCY/NAME`` (``REUTERS/John Smith/File Photo``, ``AFP/Getty Images``).
_SLASH_CREDITS = (
    re.compile(rf"(?<![\w/]){_NAME}[ \t]*/[ \t]*(?P<agency>[A-Z][A-Za-z.&]{{1,20}}){_CLOSE}", re.MULTILINE),
    re.compile(rf"(?<![\w/])(?P<agency>[A-Z][A-Za-z.&-]{{1,20}})[ \t]*/[ \t]*{_NAME}"
               rf"(?:[ \t]*/[ \t]*File[ \t]+Photo)?{_CLOSE}", re.MULTILINE),
)
#: ``[Anadolu]``, ``[AFP]``: a picture's credit in square brackets (inside the text: no source).
_BRACKET_CREDIT = re.compile(r"\[(?P<agency>[A-Z][A-Za-z.&]{1,20})\]")
#: ``(Photo by AFP)``, ``by AFP)``: a caption's credit whose bracket closes after the agency.
_BY_CREDIT = re.compile(
    r"\(?(?:(?:[Pp]hoto|[Pp]icture|[Ii]mage|[Vv]ideo)s?[ \t]+)?by[ \t]+(?P<agency>[A-Z][A-Za-z.&]{1,20})[ \t]*\)")
#: ``headline | DW News Video:``: an embedded link's outlet after a pipe, at a line's end or
#: before the kind of link.
_PIPE_OUTLET = re.compile(
    r"\|[ \t]*(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3}?)"
    r"(?=[ \t]*(?:\r?\n|$|(?:Video|Audio|Watch|Podcast)\b))", re.MULTILINE)
#: The text's source named by a credit line (each tried only when its literal is in the text).
_SOURCE_CREDITS = (
    # "AFP contributed to this report", "Reuters and AFP contributed to this story"
    ("contributed", re.compile(
        r"(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3}(?:(?:,[ \t]*|[ \t]+and[ \t]+)[A-Z][\w.&'’-]*"
        r"(?:[ \t]+[A-Z][\w.&'’-]*){0,3})*)[ \t]+contributed[ \t]+to[ \t]+this[ \t]+(?:report|story|article)\.?")),
    # "(With inputs from PTI)", "with AFP" alone on the last line
    ("ith", re.compile(
        r"(?m)(?:^|(?<=[.!?]))[ \t]*\(?[Ww]ith[ \t]+(?:inputs?[ \t]+from[ \t]+)?"
        r"(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,2})\)?[ \t.]*$")),
    # "Source: Al Jazeera and news agencies"
    ("Source", re.compile(
        r"(?m)^[ \t]*Source[ \t]*[:—–-]+[ \t]*(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3})"
        r"(?:[ \t]+and[ \t]+(?:news[ \t]+)?agencies)?[ \t.]*$")),
)
_AND = re.compile(r",[ \t]*|[ \t]+and[ \t]+")


def credit_spans(text: str, media: Callable[[str], str | None]) -> tuple[list[tuple[int, int]], list[str]]:
    """The spans of ``text``'s caption, link and credit lines whose agency
    ``media`` knows, and the agencies its credit lines name as the source
    (in the text's order)."""
    spans: list[tuple[int, int]] = []
    sources: list[tuple[int, str]] = []
    if "/" in text:
        for pattern in _SLASH_CREDITS:
            spans += [m.span() for m in pattern.finditer(text) if _known(m.group("agency"), media)]
    if "by " in text and ")" in text:
        spans += [m.span() for m in _BY_CREDIT.finditer(text) if _known(m.group("agency"), media)]
    if "[" in text:
        spans += [m.span() for m in _BRACKET_CREDIT.finditer(text) if _known(m.group("agency"), media)]
    if "|" in text:
        spans += [m.span() for m in _PIPE_OUTLET.finditer(text) if _known(m.group("agency"), media)]
    for literal, pattern in _SOURCE_CREDITS:
        if literal in text:
            for m in pattern.finditer(text):
                names = [n for part in _AND.split(m.group("agency")) if (n := _known(part, media))]
                if names:
                    spans.append(m.span())
                    sources.append((m.start(), names[0]))
    return spans, [name for _, name in sorted(sources)]


def _known(name: str, media: Callable[[str], str | None]) -> str | None:
    """The outlet named by ``name``, a prefix of its words (``DW News`` -> DW)
    or a part of a hyphenated name (``EPA-EFE``); ``None`` for others."""
    name = name.strip(" .")
    words = name.split()
    for n in range(len(words), 0, -1):
        found = media(" ".join(words[:n]))
        if found is not None:
            return found
    if "-" in name and " " not in name:
        return next((found for part in name.split("-") if (found := media(part)) is not None), None)
    return None
