"""The statement's own date: from metadata, a header date line, a dateline, or the URL.

A statement mentions many dates (``on 21 August 2013 ...``); only one is the
date it was issued.  We therefore read dates only where publishers put them,
in this order (first hit wins; see ``indexer/data/CLAIMS.md``):

1. explicit metadata (a CSV/JSON date field), parsed by :func:`parse_date`;
2. the header (lines before the body): a line that *is* a date, or a line that
   opens with one / with a news dateline;
3. the opening of the body (after the title, if the body repeats it, and the
   site's capitalised header words after it, :mod:`indexer.extraction.title_heads`): a date
   in dateline position within the first ~100 characters, or a republished
   statement's note on its first publication (``This statement was originally
   published on cpj.org on 31 December 2021.``) within the first paragraphs;
4. a date in the source URL's path or query.

Numeric dates with both parts <= 12 are ambiguous.  Default rule: slashes are
month-first (``4/5/2017`` = 5 April 2017), dots and dashes with the year last
are day-first (``05.04.2017``, ``05-04-2017`` = 5 April 2017).  ``day_first``
overrides both; :func:`infer_day_first` derives it from a date column.

A leaf module: stdlib, dateutil, ``indexer.extraction.lazy_regex`` and
``indexer.extraction.title_heads`` only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

from indexer.extraction.lazy_regex import LazyPattern
from indexer.extraction.title_heads import header_starts, skip_title

__all__ = [
    "MONTHS", "PRECISIONS", "date_from_url", "infer_day_first", "parse_date", "plausible_year", "statement_date",
]

#: How much of a statement's date is known: its day, only its month, only its year.
PRECISIONS = ("day", "month", "year")

#: Earliest year accepted; the latest is next year (statements are not from the future).
MIN_YEAR = 1900
#: How far into the body (characters) a dateline may start.
DATELINE_WINDOW = 100

#: Month names and abbreviations (lower case) -> month number.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

_MONTH = r"(?P<{}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
)
_ORD = r"(?:st|nd|rd|th)?"
# Each form must end at a boundary that is not another digit ("18.10.2014Get" is
# fine, "Apr 2320171" is not a date we read).
_END = r"(?!\d)"

_DATE_FORMS = re.compile(
    "|".join(
        (
            # 2016-02-08, 2016/02/08, 2016.02.08 (ISO order, unambiguous)
            r"(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})" + _END,
            # 8 February 2016, Wed 05 Apr 2017, 8th of Feb. 2016
            _WEEKDAY
            + r"(?P<dd>\d{1,2})"
            + _ORD
            + r"\s+(?:of\s+)?"
            + _MONTH.format("dm")
            + r",?\s+(?P<dy>\d{4})"
            + _END,
            # February 8, 2016 / Feb. 8 2016 / Fri Sep 27 2013
            _WEEKDAY
            + _MONTH.format("mm")
            + r"\s+(?P<md>\d{1,2})"
            + _ORD
            + r",?\s+(?P<my>\d{4})"
            + _END,
            # Apr 092017: a scraped page that lost the space (or line break) between
            # a two-digit day and the year
            _MONTH.format("rm") + r"\s+(?P<rd>[0-3]\d)(?P<ry>(?:19|20)\d{2})" + _END,
            # 4/5/2017, 05.04.2017, 15-09-2013, 4/5/17
            r"(?P<na>\d{1,2})(?P<nsep>[-/.])(?P<nb>\d{1,2})(?P=nsep)(?P<ny>\d{4}|\d{2})" + _END,
        )
    ),
    re.IGNORECASE,
)

# What may follow a date in a metadata value: a time, a zone, nothing else.
_TIME_TAIL = re.compile(
    r"\s*(?:[T,]|\s|at)*"
    r"(?:\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?)?"
    r"\s*(?:z|utc|gmt|[a-z]{2,4}t)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?\s*$",
    re.IGNORECASE,
)

# Web-page boilerplate that may precede a date in dateline position.
_DATE_PREFIX = re.compile(
    r"(?:(?:date\s+of\s+(?:publication|issue)|publication\s+date"
    r"|posted|published|last\s+updated|updated|issued|released|dated?)"
    r"(?:\s+(?:on|at))?\s*:?\s*)?",
    re.IGNORECASE,
)

# A wire-agency credit that may stand between a title and its date, optionally
# after a place: "Reuters Friday 6 Feb 2015", "Moscow AFP Saturday 7 Oct 2017".
_AGENCIES = (r"(?:Reuters|AFP|AP|Xinhua|SANA|Anadolu|dpa|DPA"
             r"|TASS|Sputnik|IRNA|UPI|EFE|ANSA|KUNA|WAFA|MENA|QNA|SPA|NNA|ANHA)")
_CREDIT = re.compile(r"(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,?\s+)?\(?" + _AGENCIES + r"\)?\s*[-:,\u2013\u2014]?\s+")
# A place name in capitals, as news datelines start: "BEIRUT", "DEIR EZ-ZOR, Syria".
_PLACE = r"(?P<place>[A-Z][A-Z.'\- ]{1,40}?)(?:,\s*[A-Z][A-Za-z.\- ]{1,30}?)?,?\s+"
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# "BEIRUT, Feb. 8, 2016 (AP) -": a full date after the place.
_PLACE_DATE = LazyPattern(_PLACE + "(?i:" + _DATE_FORMS.pattern + ")")
# "DAMASCUS, Feb 8 (Reuters) -": the year is missing; a dash must follow.
_NEWS_DATELINE = LazyPattern(
    _PLACE
    + r"(?i:(?P<mm>" + _MONTH_NAMES + r")\.?\s+(?P<md>\d{1,2})"
    + r"|(?P<dd>\d{1,2})\s+(?P<dm>" + _MONTH_NAMES + r")\.?)"
    + r"\s*(?:\([A-Za-z .]{2,30}\))?\s*[-\u2013\u2014:]"
)
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})/")
_URL_DATES = (
    re.compile(r"(?<![\d])((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=$|[/._\-?#])"),
    re.compile(r"(?<![\d])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?=$|[/._\-?#])"),
    # compact: /20240121/, -20240121-, _20240121.html
    re.compile(r"(?<=[/_\-])((?:19|20)\d{2})(\d{2})(\d{2})(?=$|[/._\-?#])"),
)
# Dates written out in a URL slug: -30-april-2024, /april-30-2024/, 30-apr-2024.
_URL_SLUG_DATES = (
    re.compile(r"(?<![^/_\-])(?P<dd>\d{1,2})[-_](?P<dm>" + "|".join(sorted(MONTHS, key=len, reverse=True))
               + r")[-_](?P<dy>(?:19|20)\d{2})(?=$|[/._\-?#])", re.IGNORECASE),
    re.compile(r"(?<![^/_\-])(?P<mm>" + "|".join(sorted(MONTHS, key=len, reverse=True))
               + r")[-_](?P<md>\d{1,2})[-_](?P<my>(?:19|20)\d{2})(?=$|[/._\-?#])", re.IGNORECASE),
)
_QUERY_KEYS = frozenset({"date", "d", "published", "pubdate", "publish_date", "day"})
_MARKDOWN_LEAD = re.compile(r"^[\s#>*_\-]+")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}(?!\d)")


def plausible_year(year: int) -> bool:
    """From :data:`MIN_YEAR` to next year (statements are not from the future)."""
    return MIN_YEAR <= year <= dt.date.today().year + 1


def _make(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the parts are impossible or implausible."""
    if not plausible_year(year):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _two_digit_year(year: int) -> int:
    """Expand ``17`` to 2017 and ``98`` to 1998 (pivot: next year)."""
    pivot = (dt.date.today().year + 1) % 100
    return 2000 + year if year <= pivot else 1900 + year


def _from_match(m: re.Match[str], day_first: bool | None) -> dt.date | None:
    """Turn a :data:`_DATE_FORMS` match into a date, applying the day/month rule."""
    if m.group("iy"):
        return _make(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    if m.group("dd"):
        return _make(int(m.group("dy")), MONTHS[m.group("dm").lower()], int(m.group("dd")))
    if m.group("mm"):
        return _make(int(m.group("my")), MONTHS[m.group("mm").lower()], int(m.group("md")))
    if m.group("rm"):
        return _make(int(m.group("ry")), MONTHS[m.group("rm").lower()], int(m.group("rd")))
    a, b, year_text = int(m.group("na")), int(m.group("nb")), m.group("ny")
    year = int(year_text) if len(year_text) == 4 else _two_digit_year(int(year_text))
    if a > 12 and b <= 12:
        first = True
    elif b > 12 and a <= 12:
        first = False
    elif day_first is not None:
        first = day_first
    else:
        # Documented default: US month-first for slashes, day-first for . and -.
        first = m.group("nsep") != "/"
    return _make(year, b, a) if first else _make(year, a, b)


def _dateutil_date(value: str, day_first: bool | None) -> dt.date | None:
    """Fallback for forms our patterns miss; None unless year, month and day are all given.

    Parsing with two different defaults reveals a missing part: it would come
    out differently.
    """
    if not re.search(r"(?<!\d)\d{4}(?!\d)", value):
        return None
    from dateutil import parser as _dateutil_parser  # (here: most dates match our patterns; its import is slow)

    results = []
    for default in (dt.datetime(2004, 1, 1), dt.datetime(2008, 2, 2)):
        try:
            parsed = _dateutil_parser.parse(value, default=default, dayfirst=bool(day_first))
        except (ValueError, OverflowError, TypeError, ArithmeticError):
            return None
        results.append(parsed.date())
    if results[0] != results[1]:
        return None
    return results[0] if plausible_year(results[0].year) else None


def parse_date(value: str, day_first: bool | None = None) -> dt.date | None:
    """Parse one explicit date value (a metadata field); None if it is not one plausible date.

    Accepts ISO 8601 (with time and zone: the date as written, no zone
    conversion), RFC 2822, ``February 8, 2016``, ``8 February 2016``,
    ``Feb. 8, 2016``, ``Wed 05 Apr 2017``, ``4/5/2017``, ``05.04.2017``.

    :param value: the field's text.
    :param day_first: how to read ambiguous numeric dates; None applies the
        default (slashes month-first, dots/dashes day-first).
    """
    text = value.strip()
    if not text or len(text) > 200:
        return None
    m = _DATE_FORMS.match(text)
    if m and _TIME_TAIL.match(text, m.end()):
        return _from_match(m, day_first)
    return _dateutil_date(text, day_first)


def infer_day_first(values: Iterable[str]) -> bool | None:
    """Decide the day/month order of a date column from its own values.

    True if some value's first number is > 12 (it must be the day), False if
    some value's second number is > 12; None when no value decides or values
    conflict.  Textual and ISO dates are ignored.

    :param values: the column's values.
    """
    day_first = month_first = False
    for value in values:
        m = _NUMERIC.match(value)
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            day_first = True
        elif b > 12 >= a:
            month_first = True
        if day_first and month_first:
            return None
    if day_first:
        return True
    if month_first:
        return False
    return None


def date_from_url(url: str) -> dt.date | None:
    """A date in a URL's path (``/2016/02/08/``, ``/2016-02-08-``, ``/20160208/``,
    ``-8-february-2016``) or query (``?date=2016-02-08``).

    :param url: the source URL.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    for pattern in _URL_DATES:
        for m in pattern.finditer(parts.path):
            found = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if found:
                return found
    for pattern in _URL_SLUG_DATES:
        for m in pattern.finditer(parts.path):
            named = m.groupdict()
            day, month, year = (named["dd"], named["dm"], named["dy"]) if "dd" in named \
                else (named["md"], named["mm"], named["my"])
            found = _make(int(year), MONTHS[month.lower()], int(day))
            if found:
                return found
    for key, value in parse_qsl(parts.query):
        if key.lower() in _QUERY_KEYS:
            found = parse_date(value)
            if found:
                return found
    return None


def _url_year(url: str | None) -> int | None:
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    m = _URL_YEAR.search(path + "/")
    return int(m.group(1)) if m and plausible_year(int(m.group(1))) else None


def _opening_date(text: str, day_first: bool | None, url: str | None) -> dt.date | None:
    """The date in dateline position at the start of ``text``, if any.

    Dateline position: the very start (after ``Posted on``/``Published`` and
    similar), after a wire-agency credit (``Reuters Friday 6 Feb 2015``), or after a place name in capitals (``BEIRUT, Feb. 8, 2016 (AP) -``).
    A yearless news dateline takes its year from the URL, else gives nothing.
    """
    text = text[: DATELINE_WINDOW + 60]
    prefix = _DATE_PREFIX.match(text)
    start = prefix.end() if prefix else 0
    m = _DATE_FORMS.match(text, start)
    if m:
        return _from_match(m, day_first)
    credit = _CREDIT.match(text)
    if credit:
        m = _DATE_FORMS.match(text, credit.end())
        if m:
            return _from_match(m, day_first)
    m = _PLACE_DATE.match(text)
    if m:
        return _from_match(m, day_first)
    news = _NEWS_DATELINE.match(text)
    if news:
        year = _url_year(url)
        if year is None:
            return None
        if news.group("mm"):
            return _make(year, MONTHS[news.group("mm").lower()], int(news.group("md")))
        return _make(year, MONTHS[news.group("dm").lower()], int(news.group("dd")))
    return None


def _header_date(header: str, day_first: bool | None, url: str | None) -> dt.date | None:
    """The first header line that is a date, else the first that opens with one."""
    lines = [_MARKDOWN_LEAD.sub("", line).strip() for line in header.splitlines()]
    lines = [line for line in lines if line]
    for line in lines:
        found = parse_date(line, day_first) if len(line) <= 60 else None
        if found:
            return found
    for line in lines:
        found = _opening_date(line, day_first, url)
        if found:
            return found
    return None


#: How many short lines opening a body may stand before its date line
#: (``Office of the Press Secretary`` / ``April 4, 2018``).
DATE_LINE_WINDOW = 3
_SHORT_LINE = 60


def _date_line(opening: str, day_first: bool | None) -> dt.date | None:
    """A line that *is* a date among the first short lines of the body."""
    for line in opening[: (_SHORT_LINE + 2) * (DATE_LINE_WINDOW + 1)].splitlines()[: DATE_LINE_WINDOW + 1]:
        line = _MARKDOWN_LEAD.sub("", line).strip()
        if len(line) > _SHORT_LINE:
            return None  # prose has started: a date after it is not a date line
        found = parse_date(line, day_first) if line else None
        if found:
            return found
    return None


#: How far into the body (characters) a note on the first publication may stand.
PUBLICATION_NOTE_WINDOW = 800
# "This statement was originally published on cpj.org on 31 December 2021":
# a text and its first publication; the date follows an "on" within the
# next few words (a source's name, a site with dots inside, may stand between).
_PUBLICATION_NOTE = LazyPattern(
    r"\b(?:statement|article|story|report|release|piece|op-ed|text|letter|alert)\s+was\s+"
    r"(?:originally\s+|first\s+)?(?:published|posted|issued|released)\b",
    re.IGNORECASE,
)
_ON = re.compile(r"\bon\s+", re.IGNORECASE)
_NOTE_REACH = 60


def _publication_note(opening: str, day_first: bool | None) -> dt.date | None:
    """The date of a republished statement's note on where it first appeared."""
    window = opening[:PUBLICATION_NOTE_WINDOW]
    for note in _PUBLICATION_NOTE.finditer(window):
        reach = window[note.end() : note.end() + _NOTE_REACH]
        reach = reach.split("\n", 1)[0].split(". ", 1)[0]
        for on in _ON.finditer(reach):
            m = _DATE_FORMS.match(window, note.end() + on.end())
            if m:
                return _from_match(m, day_first)
    return None


#: How far into the body (characters) a wire credit's date line may stand after a standfirst.
CREDIT_LINE_WINDOW = 400
#: ``AFP Friday 23 Aug 2013``: a wire credit right before a whole date, as a word, not the
#: object of a verb or preposition (``a statement to Reuters, 12 March 2020``).
_CREDIT_WORD = LazyPattern(r"(?<![\w.])(?<!\bto )(?<!\bby )(?<!told )(?<!from )(?<!\bof )(?<!\bwith )"
                           + _AGENCIES + r"[ \t]+")


def _credit_line(opening: str, day_first: bool | None) -> dt.date | None:
    """The date of a wire credit's date line after a headline and standfirst
    (``... says monitoring group AFP Friday 23 Aug 2013 A suicide bombing``)."""
    window = opening[:CREDIT_LINE_WINDOW]
    for credit in _CREDIT_WORD.finditer(window):
        m = _DATE_FORMS.match(window, credit.end())
        if m:
            return _from_match(m, day_first)
    return None


def statement_date(
    *,
    metadata: str | None = None,
    header: str = "",
    title: str = "",
    body: str = "",
    url: str | None = None,
    day_first: bool | None = None,
) -> dt.date | None:
    """The date the statement was issued, or None; see the module docstring for the rules.

    :param metadata: an explicit date field; unparseable values fall through.
    :param header: the lines before the body (title, URL, date line, ...).
    :param title: the title, skipped when the body starts by repeating it.
    :param body: the statement's text; only a date opening it counts.
    :param url: the source URL; a date in it is the last resort.
    :param day_first: day/month order for ambiguous numeric dates.
    """
    if metadata:
        found = parse_date(metadata, day_first)
        if found:
            return found
    if header:
        found = _header_date(header, day_first, url)
        if found:
            return found
    opening = body.lstrip()
    if opening:
        found = _opening_date(opening, day_first, url) or _date_line(opening, day_first)
        if found is None and title:
            rest = skip_title(opening, title)
            if rest is not opening:  # the site's header words may stand before the date line
                for start in (0, *header_starts(rest)):
                    found = _opening_date(rest[start:].lstrip(), day_first, url)
                    if found:
                        break
        if found is None:
            found = _credit_line(opening, day_first)
        if found is None:
            found = _publication_note(opening, day_first)
        if found:
            return found
    if url:
        return date_from_url(url)
    return None
