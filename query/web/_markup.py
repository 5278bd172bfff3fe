"""A statement's text as HTML, its extracted names and claims marked in place.

Researchers must be able to check every extraction against the text, so the
statement page marks each evidence span exactly where the extractor found
it (``{"field", "start", "end", "text"}`` offsets, see
``indexer.extraction.extract``) and each claim sentence where it occurs. Everything
that is not markup we add is HTML-escaped.

Spans may overlap (a name inside a claim sentence, an actor containing a
place name), so the text is cut at every span boundary and each piece is
wrapped in the spans covering it: the HTML stays well nested whatever the
overlaps. A span whose offsets do not match the text (an index built by an
older extractor) is not placed and is counted instead, never guessed.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from query.web._filters import clause


@dataclass(frozen=True)
class Span:
    """One marked region of a field's text.

    :param kind: ``actor``, ``location`` or ``claim``.
    :param label: the canonical name or the claim types (for the tooltip).
    :param filter: the query clause that searches for it.
    """

    start: int
    end: int
    kind: str
    label: str
    filter: str


@dataclass
class Marked:
    """A field rendered to HTML and what could not be placed in it."""

    html: str
    placed: int = 0
    unplaced: list[str] = field(default_factory=list)


def evidence_spans(statement: dict[str, Any], field_name: str, text: str) -> tuple[list[Span], list[str]]:
    """Spans of ``statement``'s evidence and claims in one field's ``text``.

    :returns: the spans, and a description of each evidence item whose
        offsets do not fit ``text``.
    """
    spans: list[Span] = []
    unplaced: list[str] = []
    evidence = statement.get("evidence") or {}
    for group, kind in (("actors", "actor"), ("locations", "location")):
        for name, items in (evidence.get(group) or {}).items():
            for item in items or ():
                if "inferred_from" in item or item.get("field", "body") != field_name:
                    continue
                start, end = item.get("start"), item.get("end")
                surface = item.get("text")
                if (
                    isinstance(start, int)
                    and isinstance(end, int)
                    and 0 <= start < end <= len(text)
                    and (surface is None or text[start:end] == surface)
                ):
                    spans.append(Span(start, end, kind, name, clause(kind, name)))
                else:
                    unplaced.append(f"{kind} {name!r} at {start}-{end}")
    spans.extend(_claim_spans(statement.get("claims") or [], text))
    return spans, unplaced


def _claim_spans(claims: list[dict[str, Any]], text: str) -> list[Span]:
    """Claim sentences found in ``text``, in order (a repeated sentence is
    matched to its next occurrence)."""
    out: list[Span] = []
    cursor: dict[str, int] = {}
    for claim in claims:
        sentence = claim.get("sentence") or ""
        if not sentence:
            continue
        start = text.find(sentence, cursor.get(sentence, 0))
        if start < 0:
            continue
        cursor[sentence] = start + len(sentence)
        types = [t for t in (claim.get("types") or [claim.get("type")]) if t]
        label = ", ".join(t.replace("_", " ") for t in types)
        main = types[0] if types else ""
        out.append(Span(start, start + len(sentence), "claim", label, clause("claim", main) if main else ""))
    return out


def mark_text(text: str, spans: list[Span]) -> str:
    """``text`` escaped, with ``spans`` wrapped in tags.

    Claims become ``<span class="claim-span">``, names ``<a class="ent actor">``
    links that search for the name.

    >>> mark_text("Assad & co", [Span(0, 5, "actor", "Assad regime", 'actor:"Assad regime"')])
    '<a class="ent actor" href="/?q=actor%3A%22Assad+regime%22" title="actor: Assad regime">Assad</a> &amp; co'
    """
    if not spans:
        return html.escape(text)
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    # claims outside, names inside; longer spans outside shorter ones
    ordered = sorted(spans, key=lambda s: (s.kind != "claim", -(s.end - s.start), s.start))
    out: list[str] = []
    for lo, hi in zip(bounds, bounds[1:]):
        piece = html.escape(text[lo:hi])
        covering = [s for s in ordered if s.start <= lo and hi <= s.end]
        linked = False  # links cannot nest: only the innermost name links
        for span in reversed(covering):
            piece = _wrap(span, piece, first=lo == span.start, link=not linked)
            linked = linked or span.kind != "claim"
        out.append(piece)
    return "".join(out)


def _wrap(span: Span, inner: str, *, first: bool, link: bool) -> str:
    title = html.escape(f"{span.kind}: {span.label}", quote=True)
    if span.kind == "claim":
        return f'<span class="claim-span" title="{title}">{inner}</span>'
    if not link:
        return f'<span class="ent {span.kind}" title="{title}">{inner}</span>'
    href = html.escape("/?" + urlencode({"q": span.filter}), quote=True)
    # Only the first piece of a name split by an overlap is a tab stop.
    tabindex = "" if first else ' tabindex="-1"'
    return f'<a class="ent {span.kind}" href="{href}" title="{title}"{tabindex}>{inner}</a>'


def mark_field(statement: dict[str, Any], field_name: str) -> Marked:
    """One field (``title`` or ``body``) of ``statement`` as marked HTML."""
    text = statement.get(field_name) or ""
    spans, unplaced = evidence_spans(statement, field_name, text)
    return Marked(mark_text(text, spans), sum(1 for s in spans if s.kind != "claim"), unplaced)
