"""The place of a news dateline (``SARAJEVO (Reuters) -``, ``CHARLESTON, W.Va. --``).

A dateline names where the story was filed: a place mention, never an
actor. It is written in capitals, which the name finders read as an acronym
or pass over, and :mod:`indexer.extraction.boilerplate` blanks it with its credit. So
:func:`restore_datelines` writes the dateline's place back into the text the
finders read, in ordinary case (same length, so every offset stays valid) and
followed by a comma, so that it neither joins the words after it nor reads as
the subject of the sentence (``BEIRUT - Lebanon said``).

Where the reporter filed is no place of the statement's content
(benchmarks/gold/CONVENTIONS.md, ``places``): a place named only in a
dateline keeps its mention (evidence, a toponym all the same) but is left
out of the statement's places (:func:`without_places`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace

from indexer.model import Claim

__all__ = ["dateline_extents", "dateline_places", "probe_datelines", "restore_datelines", "without_places"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: At a line's or sentence's start: capitals (up to four words), an optional
#: region (``, W.Va.``, ``, Ohio``), date (``, Feb 8``) and credit
#: (``(Reuters)``), then a dash. Lines joined into one keep the form after
#: a full stop (``... mortgage fraud. CORSICANA — A woman``).
_DATELINE = re.compile(
    # "[A-Z](?<!\w[A-Z])" is "\b[A-Z]" starting with its letter, so that
    # ``re`` jumps from capital to capital instead of trying every position.
    # A Scottish, Dutch or French particle keeps its case (``DeKALB``, ``McALLEN``, ``LaGRANGE``).
    r"(?P<place>[A-Z](?<!\w[A-Z])(?:(?<=M)a?c(?=[A-Z])|(?<=[DL])[aeu](?=[A-Z]))?[A-Z'’.\-]*[A-Z]"
    r"(?:[ \t]+[A-Z][A-Z'’.\-]*[A-Z]){0,3})"
    r"(?P<region>,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){0,2})?"
    rf"(?:,?[ \t]+{_MONTH}[ \t]*\d{{1,2}})?"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--+|[-–—:\x96\x97])")
#: A dateline in brackets, in ordinary case, before a dash (``(Beirut) –``, ``(New York) -``).
_PAREN_DATELINE = re.compile(r"\((?P<place>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})\)[ \t]*(?:--+|[-–—])")
_REGION = re.compile(r",[ \t]*(?P<name>[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){0,2})")
#: What may come before a dateline: nothing, a line break, a sentence's end or a
#: byline's date whose line break was lost (``Advocate Reporter March 30, 2009 NEWARK --``).
#: An abbreviation opening a dateline's place, right before the rest of it (``ST. PAUL``).
_OPENER = re.compile(r"(?<![\w.])(?:ST|STE|MT|FT|PT)\.[ \t]+$")
_BEFORE = re.compile(r"(?:^|[\n.!?]|[.!?][\"”’']|\b(?:19|20)\d\d)[ \t]*$")  # (a quote may close the sentence)


def dateline_places(text: str) -> list[tuple[int, int]]:
    """The spans of the places of ``text``'s datelines."""
    return [span[:2] for span in _datelines(text)]


def dateline_extents(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (places of ``text``'s datelines) each with its region
    (``COLUMBUS, Ohio``): the part of a dateline that says where it was filed."""
    out = []
    for start, end in spans:
        region = _REGION.match(text, end)
        out.append((start, region.end() if region is not None else end))
    return out


def without_places(claims: list[Claim], names: Collection[str]) -> list[Claim]:
    """``claims`` without the places ``names`` (named only in a dateline) in
    their places and roles."""
    if not names:
        return claims
    return [replace(c, locations=tuple(n for n in c.locations if n not in names),
                    roles=tuple(r for r in c.roles if r[1] not in names))
            if any(n in names for n in c.locations) or any(r[1] in names for r in c.roles) else c
            for c in claims]


def _datelines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, region)`` of each dateline's place (region: ``", Ohio"`` or ``""``;
    ``":"`` when a colon, not a dash, ends a dateline without a region)."""
    if "-" not in text and "–" not in text and "—" not in text and ":" not in text \
            and "\x97" not in text and "\x96" not in text:  # (cp1252 dashes read as Latin-1)
        return []
    found = []
    for m in _DATELINE.finditer(text):
        start = m.start()
        opener = _OPENER.search(text, max(0, start - 5), start)  # "ST. PAUL --": St. Paul, not Paul
        if opener is not None:
            start = opener.start()
        if _BEFORE.search(text, max(0, start - 8), start):
            region = m.group("region") or (":" if m.group().endswith(":") else "")
            found.append((start, m.end("place"), region))
    if "(" in text:  # "(Beirut) –": a press release's dateline (a credit's name is no place there)
        found += [(*m.span("place"), "") for m in _PAREN_DATELINE.finditer(text)]
    return found


def probe_datelines(text: str, found: list[tuple], find: Callable[[str], tuple[list, list]],
                    ordinary: Callable[[str], bool] | None = None) -> list[tuple]:
    """Places of ``text``'s datelines that ``found`` (name spans ``(name, kind,
    start, end, surface)``) lacks, looked up by ``find`` (the gazetteer's
    ``find_names``) as ``in <Place><region>``: a dateline says its place is
    a place, so the guards for names that are also people's or ordinary words
    (``COLUMBUS, Ohio``) do not apply there.

    A small town no data knows (``HUME –``, ``HARWINTON —``) is still the
    story's place when its dateline opens the text or follows its headline
    (the first sentence), ends with a dash and is no ordinary word
    (``ordinary`` tells them, by folded word: ``UPDATE —`` is none): a town
    as written, without coordinates."""
    out = []
    for start, end, region in _datelines(text):
        if any(start <= f[2] and f[3] <= end for f in found):
            continue
        place = _ordinary_case(text[start:end])
        _, places = find(f"in {place}{region if region != ':' else ''}.")
        probed = [(name, kind, start + s - 3, start + e - 3, text[start + s - 3:start + e - 3])
                  for name, kind, s, e, _ in places if 3 <= s and e <= 3 + len(place)]
        if not probed and ordinary is not None and _SPACED_DASH.match(text, end) and _opens_text(text, start) \
                and _unknown_town(place, ordinary):
            probed = [(place, "city", start, end, text[start:end])]
        out.extend(probed)
    return out


#: A dateline's dash set off by spaces after its place (``HUME –``; ``LST-325`` is a name).
_SPACED_DASH = re.compile(r"[ \t]+(?:--+|[-–—\x96\x97])[ \t]")
#: Newsroom labels written like a dateline (``UPDATE —``, ``VIDEO –``).
_LABELS = frozenset("update updated breaking exclusive video photos photo editor editors opinion "
                    "analysis commentary correction clarification advisory alert urgent flash "
                    "bulletin live watch listen note notice warning".split())


def _opens_text(text: str, start: int) -> bool:
    """Whether position ``start`` opens the text or its second sentence (after a headline)."""
    head = text[:start].strip()
    if not head:
        return True
    return len(head) <= 200 and len(re.findall(r"[.!?](?:\s|$)", head + " ")) == 1 and head[-1] in ".!?"


def _unknown_town(place: str, ordinary: Callable[[str], bool]) -> bool:
    """Whether a dateline's place may be a town no data knows: every word of
    three letters or more and no ordinary word or newsroom label."""
    words = place.replace("’", "'").split()
    return all(len(w) >= 3 and w.isalpha() and re.search("[aeiouy]", w.lower()) is not None
               and w.lower() not in _LABELS and not ordinary(w.lower()) for w in words)


def restore_datelines(searched: str, text: str, spans: list[tuple[int, int]]) -> str:
    """``searched`` (``text`` with boilerplate blanked) with each dateline
    place of ``spans`` written back in ordinary case (``MEXICO CITY`` ->
    ``Mexico City``), a comma after it where a space follows."""
    if not spans:
        return searched
    out = list(searched)
    for start, end in spans:
        out[start:end] = _ordinary_case(text[start:end])
        if end < len(out) and out[end] in " \t":
            out[end] = ","
        region = _REGION.match(text, end)  # ", Ohio (AP) -": the region says where too
        if region is not None and region.end() > end:
            out[region.start("name"):region.end("name")] = region.group("name")
            if region.end() < len(out) and out[region.end()] in " \t":
                out[region.end()] = ","
    return "".join(out)


def _ordinary_case(name: str) -> str:
    """``AL-RAQQA`` -> ``Al-Raqqa``, ``CAMBRIDGE'S`` -> ``Cambridge's`` (same length)."""
    return re.sub(r"[A-Z][A-Z]*", lambda m: m.group()[0] + m.group()[1:].lower(), name)
