"""``query.spreadsheet``: the one guard every CSV writer of Sift uses (issue 23)."""

from __future__ import annotations

import io

import pytest

from query.spreadsheet import SafeCsvWriter, safe_cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\uff1d1+1", "'\uff1d1+1"),  # full-width =
        ("\uff0b1", "'\uff0b1"),  # full-width +
        ("\uff0d1", "'\uff0d1"),  # full-width -
        ("\uff20SUM(1)", "'\uff20SUM(1)"),  # full-width @
        ("\ufe66 1", "'\ufe66 1"),  # small =
        ("Syria", "Syria"),
        ("", ""),
        ("a=b", "a=b"),
        ("'=already", "'=already"),
    ],
)
def test_safe_cell(value: str, expected: str) -> None:
    assert safe_cell(value) == expected
    assert safe_cell(safe_cell(value)) == expected


def test_writer_neutralises_text_and_keeps_numbers() -> None:
    out = io.StringIO()
    SafeCsvWriter(out).writerows([["=1+1", -0.5, 3, "ok", "a\rb"]])
    assert out.getvalue() == "'=1+1,-0.5,3,ok,\"a\rb\"\r\n"
