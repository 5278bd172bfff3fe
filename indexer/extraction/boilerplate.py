"""What in a statement is not its content: bylines, credits, link blocks, title suffixes.

A news text carries lines a researcher never means when filtering by
``actor:`` or ``location:``: the dateline and credit (``DAMASCUS, Oct 12
(Reuters) -``, ``Riyadh (AFP) –``, ``AFP Friday 24 Oct 2014``), photo credits
(``Photo: AFP``), "Related news / Read also / Share this / Follow us" lines
and blocks, copyright lines (``© 2020 AFP``) and a title's publisher suffix
(``| Jordan Times``, ``- Al Jazeera``). :func:`mask` blanks them out (spaces
of the same length, line breaks kept, so every offset into the text stays
valid) before names and claims are looked for, and returns the news agency
credited as the text's source: metadata, not an actor.

Only a few regular-expression passes per text; a text without the signs of
boilerplate (a parenthesis, a colon, a pipe, a dash) costs almost nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import repeat

from indexer.extraction.agency_words import AGENCY_WORD, agency_word
from indexer.extraction.captions import caption_spans
from indexer.extraction.credit_lines import credit_spans
from indexer.extraction.disclaimers import disclaimer_spans
from indexer.extraction.lazy_regex import LazyPattern

__all__ = ["mask"]

_DASH = r"(?:--|[-–—])"
#: ``(Reuters) -`` after an optional dateline (``TUCSON, Ariz.``, ``KABUL, Oct. 2``)
#: at the start of a line: the credit names the source.
_BYLINE = LazyPattern(
    rf"(?m)^[ \t]*(?:[A-Z][\w.'’ /-]{{0,40}}?(?:,[ \t]*[\w.'’ ]{{1,30}}?)?[ \t]+)?"
    rf"\((?P<agency>[A-Z][\w.&'’ -]{{0,30}}?|[a-z][a-z.]{{2,15}})\)[ \t]*{_DASH}+[ \t]*")
#: ``Reuters -`` or ``AFP:`` opening a line: the agency alone.
_LEAD_CREDIT = re.compile(rf"(?m)^[ \t]*(?P<agency>{AGENCY_WORD}(?:[ \t][A-Za-z][a-z]+)?)[ \t]*(?:{_DASH}|:)[ \t]+")
#: ``(AFP)`` anywhere (a credit in running text or after a dateline without a dash).
_PAREN_CREDIT = re.compile(rf"\((?P<agency>{AGENCY_WORD}(?:[ \t][A-Z][a-z]+)?)\)")
#: ``(presstv)``: a credit in lower case (the source only if no other credit names one).
_LOWER_PAREN_CREDIT = re.compile(r"\((?P<agency>[a-z][a-z.]{2,15})\)")
#: ``AFP Friday 24 Oct 2014``: an agency before a date (text whose lines were joined).
_DATE = re.compile(r"\d{1,2}[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{4}")
#: The month names ``_DATE`` holds (none overlaps another: each opens with a capital).
_MONTH = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
#: An agency word no other word runs into: ``[A-Z](?<![\w.&][A-Z])`` is ``(?<![\w.&])[A-Z]``
#: starting with its letter (``re`` jumps from capital to capital in the window).
_WORD_START = r"(?<![\w.&][A-Z])"
_AGENCY_BEFORE_DATE = re.compile(
    rf"(?P<agency>{agency_word(behind=_WORD_START)})[ \t]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[ \t]+)?$")
#: ``Photo: AFP``, ``Image Source : ANI``, ``(Photo credit: Reuters/John Smith)``,
#: ``Illustration: Dionne Gain``.
_PHOTO_CREDIT = re.compile(
    r"(?:[Pp]hoto|PHOTO|[Ii]mage|IMAGE|[Pp]icture|[Vv]ideo|[Ii]llustration)(?:graph)?s?(?:[ \t]+(?:[Cc]redit|[Ss]ource|[Bb]y))?[ \t]*:[ \t]*"
    r"(?P<agency>[A-Z][\w.&-]*(?:[ \t]*/[ \t]*[A-Z][\w.&-]*)*(?:[ \t]+[A-Z][\w.&-]*){0,3})\)?")
#: ``© 2020 AFP``, ``Copyright Reuters 2019``.
_COPYRIGHT = re.compile(
    r"(?:©|\([cC]\)|[Cc]opyright|COPYRIGHT)[ \t]*(?:\d{4}[ \t]+)?(?P<agency>[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,3})"
    r"(?:[ \t]+\d{4})?[ \t.]*(?:All[ \t]+[Rr]ights[ \t]+[Rr]eserved\.?[ \t]*)?$", re.MULTILINE)
#: ``2020 AFP`` alone on the last lines.
_YEAR_CREDIT = re.compile(rf"(?m)^[ \t]*\d{{4}}[ \t]+(?P<agency>{AGENCY_WORD})[ \t.]*$")
#: A line that opens a link or sharing block, or is one.
_LINK_LINE = LazyPattern(
    r"(?im)^[ \t]*(?:related(?:[ \t]+(?:news|articles?|stories|posts|content|coverage))?|read[ \t]+(?:also|more)|"
    r"also[ \t]+read|see[ \t]+also|more[ \t]+from[^\n]{0,40}|you[ \t]+may[ \t]+(?:also[ \t]+)?like|"
    r"recommended(?:[ \t]+for[ \t]+you)?|share[ \t]+(?:this|on|via)[^\n]{0,30}|share|follow[ \t]+us[^\n]{0,40}|"
    r"get[ \t]+short[ \t]+url|advertis(?:ing|ement)|latest[ \t]+[\w \t]{0,30}news|tags?|"
    r"subscribe[^\n]{0,60}|sign[ \t]+up[^\n]{0,60}|click[ \t]+here[^\n]{0,60})"
    r"(?P<rest>[ \t]*(?:[:|»>\-–—][^\n]*)?)$"
    # "READ MORE Burundi needs UN force ..., HRW says": a linked headline after the heading on its line
    # (no final stop: "Read more about it in our report." is a sentence).
    r"|^[ \t]*(?:read[ \t]+(?:also|more)|also[ \t]+read|related[ \t]+(?:news|articles?|stories|posts|content))"
    r"[ \t]+(?-i:(?=[A-Z‘“'\"]))[^\n]{1,160}(?<![.!?\"”:;,])[ \t]*$")
#: A line opening a link block by itself (the items follow on their own lines).
_BLOCK_HEADS = re.compile(r"(?i)^[ \t]*(?:related|read[ \t]+(?:also|more)|also[ \t]+read|see[ \t]+also|more[ \t]+from|"
                          r"you[ \t]+may|recommended)")
#: A title's publisher suffix: ``| Jordan Times``; ``- Al Jazeera`` when it looks like a publisher.
_TITLE_PIPE = re.compile(r"[ \t]+\|[ \t]+[^|\n]{2,80}$")
#: A section label before a title's first pipe (``Opinion |``, ``World News |``): one or two
#: words, the headline after it (not a publisher: ``Syria talks | Jordan Times`` keeps its words).
_TITLE_LABEL = re.compile(r"[ \t]*[A-Z][\w'’-]*(?:[ \t]+[A-Za-z][\w'’-]*)?[ \t]+\|[ \t]+(?P<rest>[^|\n]+)")
_TITLE_DASH = re.compile(r"[ \t]+(?:--|[-–—])[ \t]+(?P<name>[^-–—\n]{2,50})$")
_MEDIA_WORDS = frozenset(
    "news online times post daily international tv tribune herald journal gazette agency network radio "
    "press today observer monitor sabah guardian telegraph independent express mirror standard star "
    "chronicle review report insider reporter weekly mail sun".split())
#: Unknown credits that still look like a news organisation's name.
_AGENCY_LIKE = re.compile(r"(?i:\b(?:news|agency|press|tv|radio|times|post|daily|online)\b)|^[A-Z]{2,6}$")
#: ``AP Photo/Hussein Malla``, ``(AFP Photo)``, ``AP Photo Pavel Golovkin`` (a caption that lost its
#: slash: at most two name words follow), ``STR/AFP via Getty Images``, ``Photo by Hein Htet/EPA``,
#: ``(AP Archive)``: the agency supplied a picture, not the text.
#: A picture credit's agency: a shorter word.
_PHOTO_AGENCY = agency_word(15)
_AGENCY_PHOTO = re.compile(
    rf"\(?(?P<agency>{_PHOTO_AGENCY})[ \t]+(?:Photo|PHOTO|Archive|Images?|Video)\b"
    r"(?:[ \t]*/[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}|[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+(?=[ \t]+[A-Z]))?\)?"
    rf"|\(?(?:\b[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}}[ \t]*/[ \t]*)?(?P<getty>{_PHOTO_AGENCY})[ \t]+via[ \t]+Getty(?:[ \t]+Images)?\)?"
    rf"|[Pp]hoto[ \t]+by:?[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}}[ \t]*/[ \t]*(?P<by>{_PHOTO_AGENCY})")
_PHOTO_WORDS = ("Photo", "PHOTO", "Getty", "Archive", "Images", "Video", "hoto by")
#: ``Reporting by Tom Miles; Editing by Mark Heinrich`` to the end of the line, and
#: ``Our Standards:The Thomson Reuters Trust Principles.``: the staff of the text's agency.
_STAFF_CREDIT = re.compile(
    r"(?:\b(?:(?:[Aa]dditional[ \t]+)?[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Cc]ontributing)[ \t]+by[ \t]+"
    r"[A-Z][^.\n]{0,160}?(?=[ \t]*(?:Our[ \t]+Standards|\n|$))|Contributing:[^\n]{0,160}$)"
    r"|(?P<reuters>Our[ \t]+Standards:?[ \t]*(?:The[ \t]+)?Thomson[ \t]+Reuters[ \t]+Trust[ \t]+Principles\.?)",
    re.MULTILINE)
_STAFF_WORDS = ("eporting by", "riting by", "diting by", "ompiled by", "Contributing:", "Our Standards")
#: ``By Costa Nkomo``, ``By Frank Ikpefan, Abuja``: a byline alone on its line.
_BY_LINE = re.compile(
    r"(?m)^[ \t]*By[ \t]+[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|and|AND|de|van|von|al|bin))"
    r"{0,6}(?:[ \t]*[,–—-][ \t]*[A-Z][^\n.?!]{0,40})?[ \t*]*$")
_NAME = r"[A-Z][\w'’-]+[ \t]+[A-Z][\w'’-]+"
#: ``Posted on July 12 2016 by Paula Astih``, ``April 5 2017 by Youssef Diab Paula Astih and
#: Najla Habriri``: a byline after the date opening a text (two words a name; names run on
#: only towards an ``and``).
_DATED_BYLINE = re.compile(
    rf"\b(?:19|20)\d\d,?[ \t]+(?P<by>by[ \t]+{_NAME}(?:[ \t]+{_NAME}(?=[ \t]+and[ \t]))?(?:,?[ \t]+and[ \t]+{_NAME})?)")
#: A link block in text that lost its line breaks, running to the end: ``... 861 Related``
#: (Sputnik), ``Related News`` (TRT World).
_FLAT_RELATED = re.compile(r"(?:\.\.\.[ \t]+\d+[ \t]+Related|\bRelated[ \t]+News)\b[^\n]*\Z")
#: ``Tags Syria Idlib regime airstrikes Kafr Takharim``: the tags, up to a sentence's first word
#: (``A``, ``The``) or a full stop, twelve words at most.
_TAGS = re.compile(r"(?<![\w-])Tags:?(?:[ \t]+(?!(?:A|An|The|In|On)\b)[^\s.]+){1,12}")
#: A wire cue's agency word may be hyphenated (``told EPA-EFE``).
_WIRE_AGENCY = agency_word(hyphen=True)
#: Cues that a news organisation supplied the text (when no credit says so):
#: ``told AFP``, ``an AFP correspondent``, ``Source: Reuters``, a closing ``--AFP``
#: (one pattern each, tried only when its literal word is in the text).
_WIRE_CUES = (  # (literal word, pattern matched right at it, or ending right before it)
    ("told", re.compile(rf"told[ \t]+(?:the[ \t]+)?({_WIRE_AGENCY}(?:[ \t]+[A-Z][a-z]+){{0,2}})"), True),
    ("ource", re.compile(rf"ource:?[ \t]+({_WIRE_AGENCY})\b"), True),
    ("correspondent", re.compile(rf"\b(?:[Aa]n?|[Tt]he)[ \t]+({_WIRE_AGENCY})[ \t]+\Z"), False),
    ("reporter", re.compile(rf"\b(?:[Aa]n?|[Tt]he)[ \t]+({_WIRE_AGENCY})[ \t]+\Z"), False),
)
_CLOSING_CREDIT = re.compile(rf"(?:--|[-–—])[ \t]*({AGENCY_WORD})[ \t.]*\Z")
#: Parenthesised words that are never a credit (``(UPDATED)``, ``(File)``).
_NOT_AGENCIES = frozenset("updated update file video photo photos live watch read analysis opinion".split())


def mask(text: str, field: str = "body",
         media: Callable[[str], str | None] | None = None) -> tuple[str, str | None]:
    """``text`` with its boilerplate blanked, and the credited news agency.

    :param field: ``"title"`` also drops a publisher suffix (the news
        organisation returned is then the publisher it names).
    :param media: the canonical name of a news organisation written so
        (``AFP`` -> ``Agence France-Presse``), or ``None`` when it is not one;
        credits that only might be agencies (``AFP:``, ``(AFP)``, ``AFP
        Friday 24 Oct 2014``) count only when it knows them.
    """
    if not text:
        return text, None
    media = media or (lambda name: None)
    spans: list[tuple[int, int]] = []
    source: str | None = None

    def credit(name: str | None, known_only: bool) -> bool:
        nonlocal source
        if not name:
            return False
        name = name.strip(" .")
        if name.lower() in _NOT_AGENCIES:
            return False
        canonical = media(name) or media(name.split("/")[0].strip())
        if canonical is None and known_only:
            return False
        if source is None:
            source = canonical or name
        return True

    if field == "title":
        start = 0
        label = _TITLE_LABEL.match(text)
        if label is not None and not _looks_like_publisher(label.group("rest"), media):
            spans.append((0, label.start("rest")))
            start = label.start("rest")
        publisher = None  # "| Jordan Times", "- Al Jazeera": the publisher, when known
        for m in _TITLE_PIPE.finditer(text, start):
            spans.append(m.span())
            publisher = publisher or media(m.group().strip(" \t|"))
        m = _TITLE_DASH.search(text)
        if m is not None and _looks_like_publisher(m.group("name"), media):
            spans.append(m.span())
            publisher = publisher or media(m.group("name").strip())
        return _blank(text, spans), publisher
    lines = _line_starts(text)
    if "(" in text:
        for m in _at_lines(_BYLINE, text, lines):
            # "(Nairobi) –" is a dateline: blanked, but only a news organisation is a source.
            agency = m.group("agency").strip()
            if agency.lower() not in _NOT_AGENCIES:
                credit(agency, known_only=not _AGENCY_LIKE.search(agency))
                spans.append(m.span())
        for m in _PAREN_CREDIT.finditer(text):
            if credit(m.group("agency"), known_only=True):
                spans.append(m.span())
    if "-" in text or "–" in text or "—" in text or ":" in text:
        for m in _at_lines(_LEAD_CREDIT, text, lines):
            if credit(m.group("agency"), known_only=True):
                spans.append(m.span())
    for m in _dates(text):
        before = _AGENCY_BEFORE_DATE.search(text, max(0, m.start() - 40), m.start())
        if before is not None and credit(before.group("agency"), known_only=True):
            spans.append(before.span("agency"))
    if "(" in text:
        spans += [m.span() for m in _LOWER_PAREN_CREDIT.finditer(text) if credit(m.group("agency"), known_only=True)]
    if ":" in text:
        for m in _photo_credits(text):
            credit(m.group("agency"), known_only=True)
            spans.append(m.span())
    if "©" in text or "opyright" in text or "(c)" in text or "(C)" in text or "COPYRIGHT" in text:
        for m in _COPYRIGHT.finditer(text):
            credit(m.group("agency"), known_only=False)
            spans.append(m.span())
    for word in _PHOTO_WORDS:
        at = text.find(word)
        while at >= 0:  # the pattern is tried only around the word (a few per text)
            for m in _AGENCY_PHOTO.finditer(text, max(0, at - 60), at + 60):
                agency = m.group("agency") or m.group("getty") or m.group("by")
                if media(agency) is not None:  # a picture credit: blanked, but it says nothing of the source
                    spans.append(m.span())
            at = text.find(word, at + 60)
    spans += disclaimer_spans(text)  # "The views expressed ... do not necessarily reflect ..."
    spans += caption_spans(text)  # "Keita poses ... in Nouakchott. Ludovic Marin/Pool via REUTERS/File Photo"
    # "MIKE HUTCHINGS/Reuters", "(Photo by AFP)", "| DW News Video", "AFP contributed to this report"
    credited, credit_names = credit_spans(text, media)
    spans += credited
    for word in _STAFF_WORDS:
        at = text.find(word)
        while at >= 0:  # searched from just before each of its words only
            m = _STAFF_CREDIT.search(text, max(0, at - 12))
            if m is None:
                break
            spans.append(m.span())
            if m.group("reuters"):
                credit("Reuters", known_only=True)
            at = text.find(word, max(m.end(), at + 1))
    head = text[:200]
    if " by " in head:
        spans += [m.span("by") for m in _DATED_BYLINE.finditer(head)]
    if "By " in text:
        spans += [m.span() for m in _at_lines(_BY_LINE, text, lines)]
    tail = max(0, len(text) - 200)
    for m in _YEAR_CREDIT.finditer(text, tail):
        if credit(m.group("agency"), known_only=True):
            spans.append(m.span())
    at = text.find("Enditem", tail)
    if at >= 0:
        spans.append((at, at + 7))
    spans += _link_blocks(text, lines)
    if "Related" in text:
        spans += [m.span() for m in _FLAT_RELATED.finditer(text, max(0, len(text) - 1300))]
    if "Tags" in text:
        spans += [m.span() for m in _TAGS.finditer(text)]
    for name in credit_names:
        credit(name, known_only=True)
    if source is None:
        source = _wire_source(text, media)
    return _blank(text, spans), source


def _wire_source(text: str, media: Callable[[str], str | None]) -> str | None:
    """The news organisation that supplied a text no credit names, by the
    cues of wire copy (``told AFP``, ``an AFP correspondent``, ``Source
    Reuters``, a closing ``--AFP``); the first one cued."""
    found: list[tuple[int, str]] = []
    for word, pattern, after in _WIRE_CUES:
        at = text.find(word)
        while at >= 0:
            m = pattern.match(text, at) if after else pattern.search(text[max(0, at - 30):at])
            canonical = _known_prefix(m.group(1), media) if m is not None else None
            if canonical is not None:
                found.append((at, canonical))
                break
            at = text.find(word, at + len(word))
    tail = _CLOSING_CREDIT.search(text, max(0, len(text) - 40))
    if tail is not None and (canonical := _known_prefix(tail.group(1), media)) is not None:
        found.append((tail.start(), canonical))
    return min(found)[1] if found else None


def _known_prefix(name: str, media: Callable[[str], str | None]) -> str | None:
    """The news organisation named by the longest known prefix of ``name``
    (``told AFP on Monday``)."""
    words = name.split()
    for n in range(len(words), 0, -1):
        canonical = media(" ".join(words[:n]).rstrip("."))
        if canonical is not None:
            return canonical
    return None


def _looks_like_publisher(name: str, media: Callable[[str], str | None]) -> bool:
    """``Al Jazeera``, ``Ahram Online``, ``Daily Sabah``: a known news
    organisation, a web address, or capitalised words ending in a media word."""
    name = name.strip()
    if media(name) is not None or re.search(r"\.(?:com|org|net|co\.\w+)\b", name):
        return True
    words = name.split()
    return 0 < len(words) <= 5 and all(w[0].isupper() for w in words) and words[-1].lower() in _MEDIA_WORDS


def _link_blocks(text: str, lines: list[int] | None = None) -> list[tuple[int, int]]:
    """Link and sharing lines, and the short lines that follow a block's
    heading (``Related news`` alone on its line, then the links)."""
    spans: list[tuple[int, int]] = []
    for m in _at_lines(_LINK_LINE, text, _line_starts(text) if lines is None else lines):
        spans.append(m.span())
        rest = m.group("rest")  # (None: a headline on the heading's line, no block follows)
        if rest is None or rest.strip() or not _BLOCK_HEADS.match(m.group()):
            continue
        at = m.end()
        for _ in range(8):  # the block's items: short lines without a full stop
            line_end = text.find("\n", at + 1)
            line_end = len(text) if line_end < 0 else line_end
            line = text[at:line_end].strip()
            if line and (len(line) > 120 or line.endswith((".", "!", "?", '"', "”"))):
                break
            spans.append((at, line_end))
            at = line_end
            if at >= len(text):
                break
    return spans


def _line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts (where a multi-line ``^`` matches)."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


def _at_lines(pattern: re.Pattern[str], text: str, lines: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that starts with a multi-line
    ``^`` and never crosses a line break: it is tried at each line's start
    only, instead of failing at every other character (a text has a few
    dozen lines and thousands of characters)."""
    match = pattern.match
    return [m for m in map(match, repeat(text), lines) if m is not None]


def _dates(text: str) -> list[re.Match[str]]:
    """``_DATE.finditer(text)``, tried only where a match can start: one or
    two characters before the spaces before a month's name (one scan for the
    names, where ``_DATE`` failed at every digit of the text)."""
    starts: set[int] = set()
    for month in _MONTH.finditer(text):
        at = month.start()
        gap = at
        while gap > 0 and text[gap - 1] in " \t":
            gap -= 1
        if gap < at:
            starts.update((gap - 1, gap - 2))
    found: list[re.Match[str]] = []
    end = 0
    for start in sorted(starts):  # leftmost first, none overlapping (as ``finditer``)
        if start >= end and (m := _DATE.match(text, start)) is not None:
            found.append(m)
            end = m.end()
    return found


#: The letters after the first of each word opening ``_PHOTO_CREDIT``
#: (``[Pp]hoto``, ``PHOTO``, ``[Ii]mage``, ``IMAGE``, ``[Pp]icture``, ``[Vv]ideo``, ``[Ii]llustration``).
_PHOTO_CREDIT_STEMS = ("hoto", "HOTO", "mage", "MAGE", "icture", "ideo", "llustration")


def _photo_credits(text: str) -> list[re.Match[str]]:
    """``_PHOTO_CREDIT.finditer(text)``, tried only where one of its words
    can start (one character before a stem, found by ``str.find``): its
    alternation opens with letters as common as ``p``, ``i`` and ``v``, so
    ``re`` tried it at most characters of a long text."""
    starts: set[int] = set()
    for stem in _PHOTO_CREDIT_STEMS:
        at = text.find(stem, 1)
        while at >= 0:
            starts.add(at - 1)
            at = text.find(stem, at + 1)
    found: list[re.Match[str]] = []
    end = 0
    for start in sorted(starts):  # leftmost first, none overlapping (as ``finditer``)
        if start >= end and (m := _PHOTO_CREDIT.match(text, start)) is not None:
            found.append(m)
            end = m.end()
    return found


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` turned into spaces (line breaks kept)."""
    if not spans:
        return text
    pieces = []
    at = 0
    for start, end in sorted(spans):
        start = max(start, at)
        if end <= start:
            continue
        pieces.append(text[at:start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


_NOT_NEWLINE = re.compile(r"[^\r\n]")
_NEWLINE = re.compile(r"\n")
