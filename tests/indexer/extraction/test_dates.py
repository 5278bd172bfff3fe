"""Tests for indexer.extraction.dates: explicit values, datelines, URLs, the day/month rule."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.extraction.dates import date_from_url, infer_day_first, parse_date, statement_date

D = dt.date

SEED_HEADER = (
    "# Assad Regime, Russia and Iran Carry out Ethnic Cleansing and Genocide in Syria\n\n"
    "[en.etilaf.org/press/assad-regime-russia](http://en.etilaf.org/press/assad-regime-russia)\n\n"
    "February 8, 2016\n\nPress Statement  \nSyrian Coalition  \nMedia Office  \nFebruary 8, 2016\n"
)
SEED_URL = (
    "http://en.etilaf.org/press/assad-regime-russia-and-iran-carry-out-ethnic-cleansing-"
    "and-genocide-in-syria"
)


@pytest.mark.parametrize(
    ("value", "day_first", "expected"),
    [
        ("2016-02-08", None, D(2016, 2, 8)),
        ("2016/02/08", None, D(2016, 2, 8)),
        ("2016-02-08T10:00:00Z", None, D(2016, 2, 8)),
        ("2016-02-08T23:30:00-05:00", None, D(2016, 2, 8)),
        ("2016-02-08 10:00", None, D(2016, 2, 8)),
        ("Mon, 08 Feb 2016 10:00:00 +0000", None, D(2016, 2, 8)),
        ("Wed 05 Apr 2017", None, D(2017, 4, 5)),
        ("February 8, 2016", None, D(2016, 2, 8)),
        ("8 February 2016", None, D(2016, 2, 8)),
        ("8th of February 2016", None, D(2016, 2, 8)),
        ("Feb. 8, 2016", None, D(2016, 2, 8)),
        ("Sept 3 2014", None, D(2014, 9, 3)),
        ("Tuesday, February 9, 2016 at 10:00 AM", None, D(2016, 2, 9)),
        # the day/month rule: slashes month-first, dots and dashes day-first ...
        ("4/5/2017", None, D(2017, 4, 5)),
        ("05.04.2017", None, D(2017, 4, 5)),
        ("05-04-2017", None, D(2017, 4, 5)),
        ("4/5/17", None, D(2017, 4, 5)),
        # ... overridable, and irrelevant when a number is > 12
        ("4/5/2017", True, D(2017, 5, 4)),
        ("05.04.2017", False, D(2017, 5, 4)),
        ("13/5/2017", None, D(2017, 5, 13)),
        ("5/13/2017", True, D(2017, 5, 13)),
        ("15-09-2013", None, D(2013, 9, 15)),
        ("  2016-02-08  ", None, D(2016, 2, 8)),
    ],
)
def test_parse_date(value: str, day_first: bool | None, expected: dt.date) -> None:
    assert parse_date(value, day_first) == expected


@pytest.mark.parametrize(
    "value",
    ["", "garbage", "2016", "February 2016", "1850-01-01", "3000-01-01", "2016-02-30",
     "13/13/2016", "8 killed in 2016", "Press Statement", "Feb 8"],
)
def test_parse_date_rejects(value: str) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["4/5/2017", "4/16/2017"], False),
        (["4/5/2017", "16/4/2017"], True),
        (["4/5/2017", "5/4/2017"], None),
        (["4/16/2017", "16/4/2017"], None),
        (["2016-02-08", "February 8, 2016"], None),
        ([], None),
        (["24.08.2013", "05.02.2015"], True),
    ],
)
def test_infer_day_first(values: list[str], expected: bool | None) -> None:
    assert infer_day_first(values) is expected


def test_infer_day_first_reads_an_iterator_once() -> None:
    assert infer_day_first(iter(["1/2/2015", "1/20/2015"])) is False


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://example.com/2016/02/08/assad-regime", D(2016, 2, 8)),
        ("https://example.com/news/2016-02-08-assad-regime.html", D(2016, 2, 8)),
        ("https://example.com/date/2017/6/13.html", D(2017, 6, 13)),
        ("https://example.com/article?date=2016-02-08&id=4", D(2016, 2, 8)),
        ("https://example.com/2016/02/", None),
        ("https://example.com/1850/02/08/", None),
        ("https://example.com/2016/13/45/", None),
        ("https://example.com/story/12345678", None),
        (SEED_URL, None),
        ("not a url", None),
        ("http://[::1", None),
    ],
)
def test_date_from_url(url: str, expected: dt.date | None) -> None:
    assert date_from_url(url) == expected


def test_seed_statement_date() -> None:
    body = "The Syrian Coalition warns of an imminent massacre by regime forces."
    assert statement_date(header=SEED_HEADER, body=body, url=SEED_URL) == D(2016, 2, 8)


@pytest.mark.parametrize(
    ("body", "url", "expected"),
    [
        ("February 8, 2016\nThe Coalition condemns ...", None, D(2016, 2, 8)),
        ("8 February 2016 The Coalition condemns ...", None, D(2016, 2, 8)),
        ("Feb. 8, 2016 - The Coalition condemns ...", None, D(2016, 2, 8)),
        ("2016-02-08 The Coalition condemns ...", None, D(2016, 2, 8)),
        ("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use", None, D(2017, 4, 5)),
        ("Thursday 31 July 2014 10:59 Syrian Coalition: FSA is ...", None, D(2014, 7, 31)),
        ("4/5/2017 Syria attack ...", None, D(2017, 4, 5)),
        ("Posted on April 19 2017 by Asharq Al-Awsat English Six Killed", None, D(2017, 4, 19)),
        ("Published February 23 2015 Ten children were among", None, D(2015, 2, 23)),
        ("Date of publication 7 July 2016 More than 33 people", None, D(2016, 7, 7)),
        ("24.08.2013 Syrian state media accused rebels", None, D(2013, 8, 24)),
        ("BEIRUT, Feb. 8, 2016 (AP) \u2014 Syrian troops ...", None, D(2016, 2, 8)),
        # yearless news dateline: year from the URL, else no guess
        ("DAMASCUS, Feb 8 (Reuters) - Syrian troops ...", None, None),
        ("DAMASCUS, Feb 8 (Reuters) - Syrian troops ...", "http://x.com/news/2016/syria", D(2016, 2, 8)),
        ("DAMASCUS, 8 Feb (Reuters) - Syrian troops ...", "http://x.com/2016/syria", D(2016, 2, 8)),
        # a dateline without a date: fall through to the URL
        ("BEIRUT (AP) \u2014 Syrian troops ...", None, None),
        ("BEIRUT (AP) \u2014 Syrian troops ...", "http://x.com/2016/02/09/a", D(2016, 2, 9)),
        # a date inside the body is not the statement's date
        ("On 21 August 2013, the regime attacked Ghouta with sarin.", None, None),
        ("The regime attacked Ghouta with sarin in August 2013.", None, None),
        ("The Coalition recalls the massacre of 21 August 2013 in Ghouta.", None, None),
        ("Regime forces on February 8, 2016 shelled Darayya.", None, None),
        ("The attack, on 4/5/2017, killed 80.", None, None),
        ("Last updated at Apr 232017 An Israeli attack", None, D(2017, 4, 23)),
        ("", "http://example.com/2016/02/08/x", D(2016, 2, 8)),
        ("", None, None),
    ],
)
def test_statement_date_from_body(body: str, url: str | None, expected: dt.date | None) -> None:
    assert statement_date(body=body, url=url) == expected


def test_body_date_after_repeated_title() -> None:
    title = "8 persons killed in terrorist rocket attacks on Aleppo city"
    body = title + " 6 October 2016 Aleppo SANA-Terrorist organizations ..."
    assert statement_date(title=title, body=body) == D(2016, 10, 6)
    credit = "Syria air strikes kill 32 Monitor AFP Monday 2 Feb 2015 Syrian government ..."
    assert statement_date(title="Syria air strikes kill 32 Monitor", body=credit) == D(2015, 2, 2)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        # metadata wins over everything else
        ({"metadata": "2016-02-09", "header": SEED_HEADER, "url": "http://x.com/2016/02/10/"},
         D(2016, 2, 9)),
        # unparseable metadata falls through to the header
        ({"metadata": "n/a", "header": SEED_HEADER}, D(2016, 2, 8)),
        # header before body, body before URL
        ({"header": "Press Statement\n8 February 2016", "body": "9 February 2016 The ..."},
         D(2016, 2, 8)),
        ({"body": "9 February 2016 The ...", "url": "http://x.com/2016/02/10/"}, D(2016, 2, 9)),
        ({"header": "Press Statement\nMedia Office", "url": "http://x.com/2016/02/10/"},
         D(2016, 2, 10)),
        # day_first applies to metadata and body alike
        ({"metadata": "4/5/2017", "day_first": True}, D(2017, 5, 4)),
        ({"body": "4/5/2017 Syria ...", "day_first": True}, D(2017, 5, 4)),
        # implausible dates are rejected everywhere
        ({"metadata": "1850-01-01", "body": "1850-01-01 text"}, None),
    ],
)
def test_statement_date_source_order(kwargs: dict[str, object], expected: dt.date | None) -> None:
    assert statement_date(**kwargs) == expected  # type: ignore[arg-type]


@given(st.text(max_size=300))
def test_parse_date_never_raises(value: str) -> None:
    result = parse_date(value)
    assert result is None or 1900 <= result.year <= dt.date.today().year + 1


@given(st.text(max_size=300), st.text(max_size=100))
def test_statement_date_never_raises(body: str, url: str) -> None:
    statement_date(metadata=body[:40], header=body, title=url, body=body, url=url)
    date_from_url(url)


# Issue 18, item 8: compact and written-out URL dates; a date line after another header line.
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/world/20240121/strikes-hit-port.html", D(2024, 1, 21)),
        ("https://example.org/press_20190305.pdf", D(2019, 3, 5)),
        ("https://example.org/statements/sudan-fighting-30-april-2024", D(2024, 4, 30)),
        ("https://example.org/news/april-30-2024-statement/", D(2024, 4, 30)),
        ("https://example.org/news/item/1234567890", None),
        ("https://example.org/news/20241340/", None),  # no 40th day of a 13th month
        ("https://example.org/may-day-2024", None),
    ],
)
def test_url_dates_compact_and_slug(url: str, expected: dt.date | None) -> None:
    assert date_from_url(url) == expected


def test_date_line_after_another_header_line() -> None:
    body = "Office of the Press Secretary\nApril 4, 2018\n\nThe President today condemned the attack."
    assert statement_date(body=body) == D(2018, 4, 4)


def test_date_after_prose_is_not_the_statements_date() -> None:
    body = ("The ministry said that the strikes on the city continued through the night and beyond.\n"
            "April 4, 2018\n")
    assert statement_date(body=body) is None


def test_day_and_year_run_together() -> None:
    # A scraped page that lost the break between day and year ("Apr 092017").
    assert statement_date(body="Last updated at Apr 092017 At least 15 civilians were killed.") == D(2017, 4, 9)
    assert parse_date("Apr 232017") == D(2017, 4, 23)
    assert parse_date("Apr 2320171") is None


# The dateline pattern checks the word boundary after the place's first
# capital (so that ``re`` skips to capitals): it must match where ``\b`` in
# front does.
@pytest.mark.parametrize("text", [
    "BEIRUT (Reuters) - Jets struck.", "xBEIRUT - Jets struck.", "éBEIRUT - x", "_BEIRUT - x", "9BEIRUT - x",
    "BEIRUT - x", "said. CORSICANA — A woman", "CHARLESTON, W.Va. -- x", "AB-CD - x", "A - x", "AB: x",
    "DAMASCUS, Feb 8 (AFP) - x", "In BEIRUT - x",
])
def test_dateline_pattern_matches_as_with_boundary_in_front(text: str) -> None:
    import re

    from indexer.extraction import datelines

    reference = re.compile(datelines._DATELINE.pattern.replace(r"(?P<place>[A-Z](?<!\w[A-Z])", r"(?P<place>\b[A-Z]", 1))
    assert reference.pattern != datelines._DATELINE.pattern
    assert [(m.span(), m.groupdict()) for m in datelines._DATELINE.finditer(text)] \
        == [(m.span(), m.groupdict()) for m in reference.finditer(text)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A republished statement names where and when it first appeared, in its opening.
        ("Journalists arrested for their reporting.\n\nThis statement was originally published on "
         "cpj.org on 31 December 2021.\n\nOn December 26, police arrested a reporter.", D(2021, 12, 31)),
        ("Index documents crackdowns.\n\nThis report was first published by PEN America on April 13, 2022.\n\n"
         "At least 277 writers were in jail.", D(2022, 4, 13)),
        # A date of the events, not of the text, is no publication note.
        ("The group said it was attacked on 29 December 2019 by security forces.", None),
        # A note far into the text (after the opening) is not the statement's own header.
        ("Prose. " * 200 + "This statement was originally published on hrw.org on 7 February 2022.", None),
    ],
)
def test_publication_note_in_the_opening(body: str, expected: dt.date | None) -> None:
    assert statement_date(body=body) == expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # the title carries the site's suffix, the body repeats the headline only
        ("Car bomb kills 12 near the port - Region - World - Example Online",
         "Car bomb kills 12 near the port AFP Friday 20 Jun 2014 A car bomb killed twelve people ...",
         D(2014, 6, 20)),
        # the body repeats the title, then the site's name, an author, a section and a time
        ("Rockets hit the city - Reports",
         "Rockets hit the city - Reports Sputnik Jane Doe Middle East 2159 18.05.2017(updated 2204 18.05.2017) "
         "Get short URL Rockets hit ...",
         D(2017, 5, 18)),
        # the title, the site's name, then a wire credit's dateline with its date
        ("Strikes hit the northern town",
         "Strikes hit the northern town Daily Example DAMASCUS, Oct. 12, 2015 (Reuters) - Strikes hit ...",
         D(2015, 10, 12)),
        # a yearless dateline there gives no date (no year in the text)
        ("Strikes hit the northern town",
         "Strikes hit the northern town Daily Example MOSCOW, October 18 (RIA Novosti) - Strikes hit ...", None),
        # prose after the title: a date in it is an event's, not the statement's
        ("Strikes hit the northern town",
         "Strikes hit the northern town The army said on 12 October 2015 that strikes hit ...", None),
    ],
)
def test_a_date_after_a_repeated_title_and_the_site_name(title: str, body: str, expected: dt.date | None) -> None:
    assert statement_date(title=title, body=body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a standfirst between the headline and the wire credit's date line
        ("Blast kills six in a restaurant Reports A bombing at a celebration kills six and wounds 19 says a "
         "monitoring group AFP Friday 23 Aug 2013 A suicide bombing in a restaurant killed six people", D(2013, 8, 23)),
        ("UPDATED Attack on a wedding kills 32 AFP Monday 3 Oct 2016 A suicide bomber has struck", D(2016, 10, 3)),
        # the agency in prose, before an event's date: no credit
        ("The army said it struck the town. A source told AFP on Friday 23 Aug 2013 that six died", None),
        ("The army said in a statement to Reuters, 12 March 2020 was the day it struck", None),
        ("The army struck the town. A source told AFP Friday 23 Aug 2013 was the day", None),
    ],
)
def test_a_wire_credit_date_line_after_a_standfirst(body: str, expected: dt.date | None) -> None:
    assert statement_date(title="Blast kills six in a restaurant Reports", body=body) == expected
