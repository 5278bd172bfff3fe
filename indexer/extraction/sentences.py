"""Sentence spans of a statement's text.

A small rule-based splitter rather than NLTK Punkt: Punkt's ``punkt_tab``
model cannot be downloaded here, untrained Punkt splits after ``U.N.``, and a
single regex pass is several times faster.  The rules:

* blocks: a blank line always ends a sentence;
* lines: inside a block, a line break ends a sentence when the line is a
  heading or list item (starts with ``#``, ``-``, ``*``, ``•``, ``1.``, ``a)``),
  the next line is a list item, the line ends in a Markdown hard break (two
  spaces), or the line is short (< 60 characters), has no final punctuation and
  the next line starts with a capital; otherwise lines are hard-wrapped prose;
* inside a line run: ``.``, ``!``, ``?`` or ``…`` (with closing quotes or
  brackets) followed by space and a capital, digit or opening quote ends a
  sentence, except after titles and other abbreviations that never end one
  (``Dr.``, ``Gen.``, ``No.``, ``e.g.``), initials (``J.``), and dotted
  abbreviations or months (``U.S.``, ``U.N.``, ``Feb.``, ``etc.``) unless the
  next word is a typical sentence opener (``The``, ``He``, ``However``).
  Decimals (``3.5``) never qualify: no space follows the dot.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

#: Abbreviations after which a sentence never ends (lower case, without the final dot).
NEVER_FINAL = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm brig st no nos art para
    paras vol pp p fig rev hon gov sen rep pres amb e.g i.e cf vs viz approx ca al
    mt ft jr sr""".split()
)
#: Abbreviations that may end a sentence; they do when a sentence opener follows.
MAYBE_FINAL = frozenset(
    """etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n
    u.k u.s.a e.u a.m p.m""".split()
)
#: Words that typically open a sentence: after an ambiguous abbreviation they mark a boundary.
OPENERS = frozenset(
    """the a an he she it they we i you this that these those there his her its their
    our in on at but and however meanwhile moreover furthermore also according since
    after before while when if as some many most all one two three several other""".split()
)

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE_BREAK = re.compile(r"\n")
_LIST_ITEM = re.compile(r"[ \t]*(?:[#>*\u2022\u25cf\u25aa\-\u2013]|\d{1,3}[.)]\s|[a-z][.)]\s)")
_FINAL_PUNCT = re.compile(r"[.!?\u2026:;,\"'\u201d\u2019)\]]\s*$")
#: ``[.!?…][.!?…]*`` rather than ``[.!?…]+``: a pattern starting with a character
#: class lets ``re`` skip to the next candidate character in C. The empty group
#: ``plain`` is set after a single dot closing a word of seven or more characters
#: (none of them opening quotes or brackets), which no abbreviation rule of
#: :func:`_is_boundary` covers: such a dot always ends a sentence.
_BOUNDARY = re.compile(
    r"([.!?\u2026][.!?\u2026]*)(?:(?<=[^\s\"'(\u201c\u2018\[]{7}\.)(?P<plain>))?"
    r"[\"'\u201d\u2019\u00bb)\]]*(?=\s+[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9\u00c0-\u00de])"
)
_WORD_BEFORE = re.compile(r"(\S+)$")
_WORD_AFTER = re.compile(r"\s+[\"'\u201c\u2018\u00ab(\[]?([\w\u00c0-\u024f]+)")
_SHORT_LINE = 60


def _is_boundary(text: str, m: re.Match[str], start: int) -> bool:
    """Whether the punctuation matched at ``m`` really ends a sentence."""
    if m.group(1) != ".":
        return True  # ! ? … and runs like "..." or "?!"
    before = _word_before(text, start, m.start(1))
    if before is None:
        return True
    token = text[before[0]:before[1]].lstrip("\"'(\u201c\u2018[").lower()
    if token in NEVER_FINAL:
        return False
    if token.isdigit() and len(token) <= 3 and not text[start : before[0]].strip():
        return False  # a list number opening the line: "1. First item"
    if len(token) == 1 and token.isalpha():
        return False  # an initial: "J. Smith"
    if token in MAYBE_FINAL or (
        "." in token and len(token) <= 6 and token.replace(".", "").isalpha()
    ):
        after = _WORD_AFTER.match(text, m.end())
        nxt = after.group(1) if after else ""
        if nxt[:1].isdigit():
            return False  # "Feb. 8"
        return nxt.lower() in OPENERS
    return True


def _word_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of ``_WORD_BEFORE.search(text, start, end)`` (the run of
    non-space characters ending at ``end``, or just before a final line break
    there), found by stepping back over the run: searching forwards made
    splitting quadratic in a run's length."""
    stop = end - 1 if end > start and text[end - 1] == "\n" else end  # ``$`` matches before it
    first = text.rfind(" ", start, stop) + 1 or start  # the run starts after the last space...
    if first < stop and text[first:stop].split() != [text[first:stop]]:
        first = stop  # ... unless other white space comes later: step back over the run
        while first > start and not text[first - 1].isspace():
            first -= 1
    return (first, stop) if first < stop else None


def _split_run(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Split ``text[start:end]`` (no line-level boundaries inside) into sentences."""
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group("plain") is not None or _is_boundary(text, m, pos):
            _add(text, pos, m.end(), spans)
            pos = m.end()
    _add(text, pos, end, spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``(start, end)`` narrowed to exclude surrounding whitespace, if not empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _ends_unit(line: str, next_line: str) -> bool:
    """Whether a line break after ``line`` (followed by ``next_line``) ends a sentence."""
    if _LIST_ITEM.match(line) or _LIST_ITEM.match(next_line):
        return True
    if line.endswith("  ") or line.endswith("\\"):
        return True  # Markdown hard break
    stripped = line.strip()
    if not stripped or _FINAL_PUNCT.search(stripped):
        return False
    first = next_line.lstrip()[:1]
    return len(stripped) < _SHORT_LINE and (first.isupper() or first.isdigit())


def _split_block(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Split one blank-line-delimited block, honouring heading and list lines."""
    if text.find("\n", start, end) < 0:
        _split_run(text, start, end, spans)
        return
    run_start = start
    line_start = start
    for m in _LINE_BREAK.finditer(text, start, end):
        line = text[line_start : m.start()]
        next_end = text.find("\n", m.end(), end)
        next_line = text[m.end() : end if next_end < 0 else next_end]
        if _ends_unit(line, next_line):
            _split_run(text, run_start, m.start(), spans)
            run_start = m.end()
        line_start = m.end()
    _split_run(text, run_start, end, spans)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, in order.

    Each span is stripped of surrounding whitespace, so ``text[start:end]`` is
    the sentence as written (inner line breaks kept).

    >>> text = "The U.N. met Dr. Smith on Feb. 8. Casualties rose 3.5 times."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['The U.N. met Dr. Smith on Feb. 8.', 'Casualties rose 3.5 times.']

    :param text: the text to split (a body, a paragraph, ...).
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK.finditer(text):
        _split_block(text, pos, m.start(), spans)
        pos = m.end()
    _split_block(text, pos, len(text), spans)
    return spans
