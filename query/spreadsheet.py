"""CSV that a spreadsheet opens as data, never as formulas (issue 23).

Titles, snippets and even query lines come from third-party text. A cell
that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
run as a formula by Excel, LibreOffice and Google Sheets
(``=HYPERLINK(...)``, ``+cmd|...``), and so is one that starts with the
full-width or small forms of those signs (``＝``, ``﹢``...), which
spreadsheets fold to ASCII. Such a cell gets a leading ``'``, which every
spreadsheet reads as "this is text". Every CSV Sift writes (``sift
batch --format csv``, the web export) goes through :func:`safe_cell`; this
module lives in ``query/`` so the library and the CLI can both use it.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable
from typing import IO, Any

#: First characters that make a spreadsheet evaluate a cell (after NFKC folding).
FORMULA_START = frozenset("=+-@\t\r")


def is_formula_like(value: str) -> bool:
    """Whether a spreadsheet would run ``value`` as a formula.

    The first character is folded with NFKC, so ``＝`` (U+FF1D) and ``﹦``
    (U+FE66) count as ``=``.

    >>> is_formula_like("＝1+1"), is_formula_like("-2+3"), is_formula_like("Syria")
    (True, True, False)
    """
    if not value:
        return False
    return unicodedata.normalize("NFKC", value[0])[:1] in FORMULA_START


def safe_cell(value: str) -> str:
    """``value`` made inert for spreadsheets: a leading ``'`` when it could
    run as a formula, unchanged otherwise (so applying it twice is harmless).

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("@SUM(1)"), safe_cell("Syria")
    ("'=HYPERLINK(1)", "'@SUM(1)", 'Syria')
    """
    return "'" + value if is_formula_like(value) else value


class SafeCsvWriter:
    """A ``csv.writer`` whose text cells pass through :func:`safe_cell`.

    Numbers are written as they are: a number is not a formula, and a
    score must stay a number in the spreadsheet. Rows end in ``\r\n``
    (RFC 4180), which also makes the csv module quote a cell holding a
    bare ``\r`` (with ``\n`` rows it would not, and the row would split).
    """

    def __init__(self, out: IO[str], **fmt: Any) -> None:
        fmt.setdefault("lineterminator", "\r\n")
        self._writer = csv.writer(out, **fmt)

    def writerow(self, row: Iterable[Any]) -> None:
        """Write one row, text cells neutralised."""
        self._writer.writerow([safe_cell(c) if isinstance(c, str) else c for c in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        """Write several rows, text cells neutralised."""
        for row in rows:
            self.writerow(row)


__all__ = ["FORMULA_START", "SafeCsvWriter", "is_formula_like", "safe_cell"]
