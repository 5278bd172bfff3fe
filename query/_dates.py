"""The ``date:`` value syntax: years, months, days, comparisons and ranges.

A value names a period (``2016``, ``2016-02``, ``2016-02-08``); every bound
is read as the whole period, so ``date:[2016 TO 2017]`` runs from the first
moment of 2016 to the last of 2017, and ``date:<=2017`` includes all of
2017. Returned bounds are inclusive datetimes (``None`` for an open end).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_PERIOD = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_COMPARISON = re.compile(r"(>=|<=|>|<)")
_RANGE = re.compile(r"\s*(\S+)\s+TO\s+(\S+)\s*")
_END_OF_DAY = dt.time(23, 59, 59, 999_999)

Bounds = tuple[dt.datetime | None, dt.datetime | None]


class DateSyntaxError(ValueError):
    """A date value that cannot be read; ``offset`` is relative to the value."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.offset = offset


def period(text: str) -> tuple[dt.datetime, dt.datetime]:
    """First and last moment of the period ``text`` names.

    >>> [d.isoformat() for d in period("2016-02")]
    ['2016-02-01T00:00:00', '2016-02-29T23:59:59.999999']
    """
    match = _PERIOD.fullmatch(text)
    if not match:
        raise DateSyntaxError(
            f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2016-02-08)"
        )
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if year < 1:
        raise DateSyntaxError(f"{text!r}: year 0 does not exist")
    if month is not None and not 1 <= month <= 12:
        raise DateSyntaxError(f"{text!r}: month {month} is not between 1 and 12")
    if month is None:
        return dt.datetime(year, 1, 1), dt.datetime.combine(dt.date(year, 12, 31), _END_OF_DAY)
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return dt.datetime(year, month, 1), dt.datetime.combine(dt.date(year, month, last), _END_OF_DAY)
    if not 1 <= day <= last:
        raise DateSyntaxError(f"{text!r}: {year:04d}-{month:02d} has no day {day}")
    start = dt.datetime(year, month, day)
    return start, dt.datetime.combine(start.date(), _END_OF_DAY)


def _after(moment: dt.datetime, offset: int = 0) -> dt.datetime:
    """The first moment after ``moment`` (there is none after 9999)."""
    if moment >= dt.datetime.max:
        raise DateSyntaxError("there are no dates after 9999-12-31; use a smaller date", offset)
    return moment + dt.timedelta(microseconds=1)


def _before(moment: dt.datetime, offset: int = 0) -> dt.datetime:
    """The last moment before ``moment`` (there is none before year 1)."""
    if moment <= dt.datetime.min:
        raise DateSyntaxError("there are no dates before 0001-01-01; use a larger date", offset)
    return moment - dt.timedelta(microseconds=1)


def comparison_or_period(text: str) -> Bounds:
    """Bounds of ``2016``, ``>2016-01-01``, ``<=2017`` ...

    >>> [d and d.date().isoformat() for d in comparison_or_period(">2016-01-01")]
    ['2016-01-02', None]
    """
    match = _COMPARISON.match(text)
    if not match:
        return period(text)
    op, rest = match.group(1), text[match.end() :]
    if not rest:
        raise DateSyntaxError(f"{op!r} needs a date after it (e.g. date:{op}2016-01-01)", len(op))
    try:
        start, end = period(rest)
    except DateSyntaxError as exc:
        raise DateSyntaxError(str(exc), len(op)) from None
    if op == ">":
        return _after(end, len(op)), None
    if op == ">=":
        return start, None
    if op == "<":
        return None, _before(start, len(op))
    return None, end


def date_range(inner: str, include_start: bool = True, include_end: bool = True) -> Bounds:
    """Bounds of the inside of ``[A TO B]`` (``*`` for an open end).

    ``{A TO B}`` (``include_*=False``) leaves out the periods A and B.

    >>> [d and d.date().isoformat() for d in date_range("2016 TO 2017")]
    ['2016-01-01', '2017-12-31']
    """
    match = _RANGE.fullmatch(inner)
    if not match:
        raise DateSyntaxError("a date range reads [START TO END], e.g. [2016-01-01 TO 2016-03-31] or [* TO 2016]", -1)
    low_text, high_text = match.group(1), match.group(2)
    start = end = None
    if low_text != "*":
        try:
            low = period(low_text)
        except DateSyntaxError as exc:
            raise DateSyntaxError(str(exc), match.start(1)) from None
        start = low[0] if include_start else _after(low[1], match.start(1))
    if high_text != "*":
        try:
            high = period(high_text)
        except DateSyntaxError as exc:
            raise DateSyntaxError(str(exc), match.start(2)) from None
        end = high[1] if include_end else _before(high[0], match.start(2))
    if start is not None and end is not None and start > end:
        raise DateSyntaxError(f"the range starts after it ends ({low_text} > {high_text})", match.start(1))
    return start, end
