"""Runs of whitespace read as one space, with the offsets back to the text.

Records made from PDFs (UN General Debate speeches) break lines and double
spaces inside sentences; ``indexer.extraction.claims`` matches its triggers in
a copy of the text with each run made one space (:class:`Runs`), and points
its triggers back into the text as written. Kept apart: offset bookkeeping,
not claim typing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

__all__ = ["RUN", "Runs", "run_spans", "squeeze"]

#: Whitespace other than one plain space: a line break, a tab, two spaces (PDF records' lines).
#: (Written so that a plain space starts no attempt unless whitespace follows: twice as fast
#: as ``\s{2,}|[^\S ]``, the same matches.)
RUN = re.compile(r"[^\S ]\s*| \s+")
#: In an ASCII text, what every match of :data:`RUN` holds: two spaces or one other whitespace character.
_ASCII_RUN_STARTS = ("  ", *(chr(c) for c in range(128) if chr(c).isspace() and chr(c) != " "))


def squeeze(text: str) -> str:
    """``text`` with each run of whitespace one space: a trigger's words may be
    split by a line break or by two spaces (``loss of\\n many lives``)."""
    return RUN.sub(" ", text)


class Runs:
    """A text squeezed (:func:`squeeze`) and the offsets between the two."""

    __slots__ = ("ends", "squeezed", "_at", "_removed")

    def __init__(self, squeezed: str, ends: list[int], at: list[int], removed: list[int]) -> None:
        self.squeezed, self.ends, self._at, self._removed = squeezed, ends, at, removed

    @classmethod
    def of(cls, text: str, spans: Iterable[tuple[int, int]] | None = None) -> Runs:
        """The runs of ``text`` (none: ``squeezed`` is ``text``); with ``spans``,
        only those that touch one (a paragraph break between sentences changes
        no sentence: most texts are then not copied)."""
        ends: list[int] = []
        at: list[int] = []
        removed: list[int] = []
        parts: list[str] = []
        pos = gone = 0
        found = run_spans(text)
        for a, b in (found if spans is None or not found else _touching(found, spans)):
            parts += (text[pos:a], " ")
            at.append(a - gone)  # where its one space stands in the squeezed text
            gone += b - a - 1
            ends.append(b)
            removed.append(gone)
            pos = b
        if not ends:
            return cls(text, ends, at, removed)
        parts.append(text[pos:])
        return cls("".join(parts), ends, at, removed)

    def forth(self, i: int) -> int:
        """The squeezed offset of the non-space character at ``i``."""
        j = bisect_right(self.ends, i) - 1
        return i - self._removed[j] if j >= 0 else i

    def back(self, i: int) -> int:
        """The offset in the text of the squeezed character at ``i`` (a run's space: the run's start)."""
        if not self.ends:
            return i
        j = bisect_right(self._at, i) - 1
        if j >= 0 and self._at[j] == i:
            j -= 1
        return i + self._removed[j] if j >= 0 else i

    def back_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the text of the squeezed span ``start..end`` (not ending in a run's space)."""
        return self.back(start), self.back(end - 1) + 1


def _touching(runs: list[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ``runs`` that overlap one of ``spans``."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach: list[int] = []  # the furthest end among the spans up to each
    for _, e in ordered:
        reach.append(max(e, reach[-1]) if reach else e)
    kept = []
    for a, b in runs:
        j = bisect_left(starts, b)  # the spans starting before the run ends
        if j and reach[j - 1] > a:
            kept.append((a, b))
    return kept


def run_spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in RUN.finditer(text)]``; in an ASCII text found with
    ``str.find`` (runs are rare: a scan with the regex cost more than typing)."""
    if not text.isascii():
        return [m.span() for m in RUN.finditer(text)]
    starts = []
    for space in _ASCII_RUN_STARTS:
        i = text.find(space)
        while i >= 0:
            starts.append(i)
            i = text.find(space, i + 1)
    spans: list[tuple[int, int]] = []
    end = 0
    for i in sorted(starts):
        if i < end:
            continue  # inside the run before
        a, b = i, i + 1
        while a > end and text[a - 1].isspace():
            a -= 1
        while b < len(text) and text[b].isspace():
            b += 1
        spans.append((a, b))
        end = b
    return spans
