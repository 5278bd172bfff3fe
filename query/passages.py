"""Passages of a statement and how they are rendered: plain markers for
JSON, ``<mark>`` for HTML, colour on a terminal (``query.snippets`` makes
the passages)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

ELLIPSIS = "…"

Span = tuple[int, int]


# -- formatters ---------------------------------------------------------------
class Formatter:
    """Renders plain text and highlighted text (override both to customise)."""

    def text(self, text: str) -> str:
        return text

    def highlight(self, text: str) -> str:
        return f"[[{text}]]"


class HtmlFormatter(Formatter):
    """``<mark>word</mark>``; all other text HTML-escaped."""

    def text(self, text: str) -> str:
        return html.escape(text, quote=True)

    def highlight(self, text: str) -> str:
        return f"<mark>{html.escape(text, quote=True)}</mark>"


class AnsiFormatter(Formatter):
    """Bold yellow on a terminal (the CLI uses it only when stdout is a tty)."""

    def highlight(self, text: str) -> str:
        return f"\x1b[1;33m{text}\x1b[0m"


MARKERS = Formatter()
HTML = HtmlFormatter()
ANSI = AnsiFormatter()
#: Formatters by name, for callers choosing one from an option.
FORMATTERS: dict[str, Formatter] = {"markers": MARKERS, "html": HTML, "ansi": ANSI}


@dataclass(frozen=True)
class Passage:
    """One passage: its text (whitespace collapsed, ellipses added) and the
    highlighted spans as offsets into ``text``.

    :param start: offset of the passage in the body; ``end`` just past it.
    :param filters: the structured filters (``claim_types:siege``,
        ``actors:assad*``) the passage satisfies.
    """

    text: str
    highlights: tuple[Span, ...]
    score: float
    start: int
    end: int
    filters: tuple[str, ...] = ()

    def render(self, formatter: Formatter = MARKERS) -> str:
        out: list[str] = []
        last = 0
        for s, e in self.highlights:
            out.append(formatter.text(self.text[last:s]))
            out.append(formatter.highlight(self.text[s:e]))
            last = e
        out.append(formatter.text(self.text[last:]))
        return "".join(out)


def join_passages(passages: Iterable[Passage], formatter: Formatter = MARKERS) -> str:
    """Passages as one string, best first, without doubled ellipses."""
    joined = " ".join(p.render(formatter) for p in passages)
    return joined.replace(f"{ELLIPSIS} {ELLIPSIS}", ELLIPSIS)
