"""A statement's date where only its month or year is known (issue 18).

``indexer.extraction.dates`` finds whole dates; here a metadata value or a URL that
gives only a month (``2019-08``, ``August 2019``, ``/2019/08/slug``) or a
year (``2019``) is read at that precision, the date being the period's first
day (``schema.PRECISION_MARKS`` stores the precision).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from indexer.extraction.dates import MONTHS, date_from_url, parse_date, plausible_year, statement_date

__all__ = ["parse_period", "period_from_url", "statement_period"]

MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

_YEAR_ONLY = re.compile(r"\s*((?:19|20)\d{2})(?:\.0+)?\s*")
_YEAR_MONTH = re.compile(r"\s*((?:19|20)\d{2})[-/.](\d{1,2})\s*")
_MONTH_YEAR = re.compile(r"\s*(?P<m>" + MONTH_NAMES + r")\.?,?\s+((?:19|20)\d{2})\s*", re.IGNORECASE)
_URL_MONTH = re.compile(r"(?<![\d])((?:19|20)\d{2})/(\d{1,2})/")


def parse_period(value: str, day_first: bool | None = None) -> tuple[dt.date, str] | None:
    """An explicit date value read at the precision it has: ``2019-08-03`` a day,
    ``2019-08``/``August 2019`` a month, ``2019`` a year; the date returned is the
    period's first day.

    >>> parse_period("August 2019")
    (datetime.date(2019, 8, 1), 'month')
    """
    day = parse_date(value, day_first)
    if day:
        return day, "day"
    m = _YEAR_ONLY.fullmatch(value)
    if m and plausible_year(int(m.group(1))):
        return dt.date(int(m.group(1)), 1, 1), "year"
    m = _YEAR_MONTH.fullmatch(value)
    if m and plausible_year(int(m.group(1))) and 1 <= int(m.group(2)) <= 12:
        return dt.date(int(m.group(1)), int(m.group(2)), 1), "month"
    m = _MONTH_YEAR.fullmatch(value)
    if m and plausible_year(int(m.group(2))):
        return dt.date(int(m.group(2)), MONTHS[m.group("m").lower()], 1), "month"
    return None


def period_from_url(url: str) -> tuple[dt.date, str] | None:
    """A URL's date: a day (:func:`date_from_url`), else a month (``/2019/08/slug``)."""
    day = date_from_url(url)
    if day:
        return day, "day"
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    m = _URL_MONTH.search(path)
    if m and plausible_year(int(m.group(1))) and 1 <= int(m.group(2)) <= 12:
        return dt.date(int(m.group(1)), int(m.group(2)), 1), "month"
    return None


def statement_period(
    *,
    metadata: str | None = None,
    header: str = "",
    title: str = "",
    body: str = "",
    url: str | None = None,
    day_first: bool | None = None,
) -> tuple[dt.date, str] | None:
    """The statement's date and its precision: a whole date by :func:`statement_date`'s
    rules first; else a partial one, from the metadata (``2019``, ``2019-08``), then
    the URL (``/2019/08/``)."""
    day = statement_date(metadata=metadata, header=header, title=title, body=body, url=url,
                         day_first=day_first)
    if day:
        return day, "day"
    if metadata:
        found = parse_period(metadata, day_first)
        if found:
            return found
    return period_from_url(url) if url else None
