"""Picture, wire and link credits written around an agency's name (issue 18 item 6).

A caption ends with its photographer and agency (``MIKE HUTCHINGS/Reuters``,
``| Jane Doe / AP``, ``REUTERS/John Smith``, ``AFP/Getty Images``,
``(Photo by AFP)``, ``... 2017. by AFP)``, ``[Anadolu]``, a video's ``(Oct. 18) AP``),
an embedded link with its outlet (``causes stir | DW News Video:``): none is the agency acting in the story.
A wire story names its agencies in a credit line (``Reuters/AP with
additional reporting by``, ``AFP contributed to this report``, ``(With
inputs from PTI)``, ``with AFP`` alone on the last line, ``— The Associated Press`` closing it,
``Source: Al Jazeera and news agencies``, ``Via Al Jazeera``): the text's source, metadata;
so is a picture's ``Photo courtesy: Anadolu Agency`` line.
:func:`credit_spans` finds them for :mod:`indexer.extraction.boilerplate` to
blank; the agency must be a news organisation the gazetteer knows
(``Israel/Palestine`` is no credit).

Leaf module: stdlib and :mod:`indexer.extraction.agency_words` only (the outlet test is
passed in).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from indexer.extraction.agency_words import AGENCY_WORD, agency_word

__all__ = ["credit_spans"]

#: A capitalised word or an initial of a person's name (``Khan.``, a sentence's last word, is none).
_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]*)"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
#: What may follow a caption's credit: a bracket, a semicolon (``Carlos Barria/Reuters; Leah
#: Millis/Reuters``), a line's end or ``with additional reporting``.
_CLOSE = r"(?=[ \t]*(?:[);]|\r?\n|$|with[ \t]+(?:additional[ \t]+)?reporting\b))"
#: Around a slash (each searched from the slash, so that a text costs one scan for ``/``):
#: ``NAME/AGENCY`` and ``AGENCY/NAME`` (``REUTERS/John Smith/File Photo``, ``AFP/Getty Images``).
_NAME_BEFORE = re.compile(rf"(?<![\w/]){_NAME}[ \t]*$")
_AGENCY_AFTER = re.compile(rf"[ \t]*(?P<agency>{AGENCY_WORD}(?:[ \t]+{AGENCY_WORD}){{0,3}}){_CLOSE}")
_AGENCY_BEFORE = re.compile(rf"(?<![\w/])(?P<agency>{agency_word(hyphen=True)})[ \t]*$")
_NAME_AFTER = re.compile(rf"[ \t]*{_NAME}(?:[ \t]*/[ \t]*File[ \t]+Photo)?{_CLOSE}")
#: ``(Photo by AFP)``, ``by AFP)``: a caption's credit whose bracket closes after the agency
#: (matched at each ``by``, its opening looked for before it).
_BY_AGENCY = re.compile(rf"by[ \t]+(?P<agency>{AGENCY_WORD})[ \t]*\)")
_BY_OPENING = re.compile(r"\(?(?:(?:[Pp]hoto|[Pp]icture|[Ii]mage|[Vv]ideo)s?[ \t]+)?$")
#: ``[Anadolu]``, ``[AFP]``: a picture's credit in square brackets (inside the text: no source).
_BRACKET_CREDIT = re.compile(rf"\[(?P<agency>{AGENCY_WORD})\]")
#: ``... pray for the captives. (Oct. 18) AP``: a video caption's date, then its agency, ending the line.
_DATED_CAPTION = re.compile(
    r"\((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?\)[ \t]*"
    rf"(?P<agency>{AGENCY_WORD})[ \t.]*(?=\r?\n|$)")
#: ``headline | DW News Video:``: an embedded link's outlet after a pipe, at a line's end or
#: before the kind of link.
_PIPE_OUTLET = re.compile(
    r"\|[ \t]*(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3}?)"
    r"(?=[ \t]*(?:\r?\n|$|(?:Video|Audio|Watch|Podcast)\b))", re.MULTILINE)
_AGENCIES = r"(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3}(?:(?:,[ \t]*|[ \t]+and[ \t]+)[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3})*)"
#: "AFP contributed to this report", "Reuters and AFP contributed to this story" (before the literal).
_CONTRIBUTORS = re.compile(rf"(?<![\w.&'’-]){_AGENCIES}[ \t]+$")
_CONTRIBUTED = "contributed to this "
#: "(With inputs from PTI)" anywhere; "with AFP" alone on the last line.
_INPUTS = re.compile(r"\(?[Ww]ith[ \t]+inputs?[ \t]+from[ \t]+(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,2})\)?")
_WITH_LAST = re.compile(r"(?:^|(?<=[.!?\n]))[ \t]*\(?[Ww]ith[ \t]+(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,2})\)?[ \t.]*\Z")
#: "— The Associated Press" closing the text on its own line.
_CLOSING_LINE = re.compile(r"(?m)^[ \t]*(?:--|[-–—])[ \t]*(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3})[ \t.]*\Z")
#: "Source: Al Jazeera and news agencies" on its own line.
_SOURCE_LINE = re.compile(
    r"(?m)^[ \t]*Source[ \t]*[:—–-]+[ \t]*(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3})"
    r"(?:[ \t]+and[ \t]+(?:news[ \t]+)?agencies)?[ \t.]*$")
#: "Via Al Jazeera" on its own line near the end.
_VIA_LINE = re.compile(r"\n[ \t]*Via[ \t]*[:—–-]*[ \t]*(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3})[ \t.]*$",
                       re.MULTILINE)
#: "Photo courtesy: Anadolu Agency", "Courtesy of Reuters" on its own line near the end: a picture's credit.
_COURTESY_LINE = re.compile(
    r"(?m)^[ \t]*\(?(?:(?:Photo|Picture|Image|Video)s?[ \t]+)?[Cc]ourtesy(?:[ \t]+of)?[ \t]*[:—–-]*[ \t]*"
    r"(?P<agency>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3})[ \t.)]*$")
_AND = re.compile(r",[ \t]*|[ \t]+and[ \t]+")
#: How far around a slash, a ``by`` or a literal the credit's words are looked for, in characters.
_REACH = 80
#: How far from the text's end a ``Via X`` or ``Courtesy of X`` line is looked for, in characters.
_TAIL = 240


def credit_spans(text: str, media: Callable[[str], str | None]) -> tuple[list[tuple[int, int]], list[str]]:
    """The spans of ``text``'s caption, link and credit lines whose agency
    ``media`` knows, and the agencies its credit lines name as the source
    (in the text's order)."""
    spans: list[tuple[int, int]] = []
    sources: list[tuple[int, str]] = []
    at = text.find("/")
    while at >= 0:
        left = text[max(0, at - _REACH):at]
        right = _AGENCY_AFTER.match(text, at + 1)
        if right is not None and _known(right.group("agency"), media) and (name := _NAME_BEFORE.search(left)):
            spans.append((at - len(left) + name.start(), right.end()))
        else:
            agency = _AGENCY_BEFORE.search(left, max(0, len(left) - 24))  # (an agency's name is short)
            if agency is not None and (name := _NAME_AFTER.match(text, at + 1)) and _known(agency.group("agency"), media):
                spans.append((at - len(left) + agency.start(), name.end()))
        at = text.find("/", at + 1)
    at = text.find("by ")
    while at >= 0:
        m = _BY_AGENCY.match(text, at)
        if m is not None and _known(m.group("agency"), media):
            opening = _BY_OPENING.search(text, max(0, at - 12), at)
            spans.append((opening.start() if opening else at, m.end()))
        at = text.find("by ", at + 3)
    if "[" in text:
        spans += [m.span() for m in _BRACKET_CREDIT.finditer(text) if _known(m.group("agency"), media)]
    if ") " in text:  # (the pattern opens with a bracket: ``re`` jumps from bracket to bracket)
        spans += [m.span() for m in _DATED_CAPTION.finditer(text) if _known(m.group("agency"), media)]
    at = text.find("|")
    while at >= 0:
        m = _PIPE_OUTLET.match(text, at)
        if m is not None and _known(m.group("agency"), media):
            spans.append(m.span())
        at = text.find("|", at + 1)
    found: list[re.Match[str]] = []
    at = text.find(_CONTRIBUTED)
    while at >= 0:
        m = _CONTRIBUTORS.search(text, max(0, at - _REACH), at)
        if m is not None and (names := _named(m, media)):
            end = text.find(" ", at + len(_CONTRIBUTED))  # "... to this report."
            spans.append((m.start(), len(text) if end < 0 else end))
            sources.append((m.start(), names[0]))
        at = text.find(_CONTRIBUTED, at + 1)
    if "nputs from" in text:
        found += _INPUTS.finditer(text)
    if "ith " in text[-_REACH:]:
        found += _WITH_LAST.finditer(text, max(0, len(text) - _REACH))
    if "-" in text[-_REACH:] or "—" in text[-_REACH:] or "–" in text[-_REACH:]:
        found += _CLOSING_LINE.finditer(text, max(0, len(text) - _REACH))
    if "Source" in text:
        found += _SOURCE_LINE.finditer(text)
    tail = max(0, len(text) - _TAIL)  # (a scan of the whole text costs more than the rest: issue 18 item 10)
    at = text.find("Via", tail)
    if at > 0 and (m := _VIA_LINE.match(text, text.rfind("\n", 0, at))) is not None:
        found.append(m)
    if text.find("ourtesy", tail) >= 0:
        spans += [m.span() for m in _COURTESY_LINE.finditer(text, tail) if _named(m, media)]
    for m in found:
        if names := _named(m, media):
            spans.append(m.span())
            sources.append((m.start(), names[0]))
    return spans, [name for _, name in sorted(sources)]


def _named(m: re.Match[str], media: Callable[[str], str | None]) -> list[str]:
    """The known outlets among a credit's agencies (``Reuters and AFP``)."""
    return [n for part in _AND.split(m.group("agency")) if (n := _known(part, media))]


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
