"""Photo captions: a picture's description, not the statement's content (issue 18 item 6).

A news page puts a caption above its body or between paragraphs: a sentence in
the present tense naming who is pictured and where (``Mali President Ibrahim
Boubacar Keita poses for a picture ... in Nouakchott, Mauritania``), closed by
its credit (``(AP Photo/Eduardo Munoz Alvarez)``, ``Credit: Stefan
Rousseau/PA``, ``(AFP Photo)``) or opened by a caption label (``FILE PHOTO:``,
``Click to expand Image``). The people and places it names are the
picture's, and the credit's photographer is no actor:
:func:`caption_spans` finds the whole caption for
:mod:`indexer.extraction.boilerplate` to blank (the credit alone was blanked
before).

Two shapes, by the text's lines:
- a line of its own (a text with line breaks), at most :data:`_MAX_CAPTION`
  characters, that opens with a caption label, ends with a picture credit, or
  says who is ``pictured`` and closes without a full stop (``Blanchard
  (pictured) was last seen October 23 at a store``);
- in a text whose line breaks were lost, the one sentence before a
  parenthesised picture credit followed by more text (``... on July 21 2015.
  (AFP Photo) At least 18 civilians``), after a date header opening the text
  (``Published July 21 2015``).

A real paragraph ends with a full stop, never with a picture credit, so a line
ending with one is a caption however it reads. Leaf module: stdlib only.
"""

from __future__ import annotations

import re

__all__ = ["caption_spans"]

#: The longest caption blanked, in characters (a caption is one or two sentences).
_MAX_CAPTION = 400
#: A label opening a caption line.
_LABEL = re.compile(r"[ \t]*(?:Click[ \t]+to[ \t]+expand[ \t]+Image\b|FILE[ \t]+PHOTO[ \t]*:|File[ \t]+[Pp]hoto[ \t]*:)")
#: A picture's credit closing a caption line: ``(AP Photo/Name)``, ``(Photo by Name/AFP via Getty
#: Images)``, ``(Photo: Representational image)``, ``Credit: Name/PA``, ``Photograph: Name/Reuters``,
#: ``Name/Pool via REUTERS/File Photo``.
_CREDIT_END = re.compile(
    r"(?:\((?:[A-Z][\w.&]*[ \t]+)?(?:Photo|PHOTO|photo)(?:[ \t]+by\b|[ \t]*:|[ \t]*/|[ \t]+[A-Z]\w*\))[^()\n]{0,100}\)"
    r"|\b(?:Credit|Photograph|Picture|Image)[ \t]*:[ \t]*[A-Z][^\n:]{0,100}"
    r"|\bvia[ \t]+(?:Getty[ \t]+Images|REUTERS)(?:[ \t]*/[ \t]*File[ \t]+Photo)?\)?"
    r"|/[ \t]*File[ \t]+Photo\)?)[ \t.]*$")
#: A literal each of ``_CREDIT_END``'s forms holds (the pattern is tried only on lines with one).
_CREDIT_WORDS = ("hoto", "HOTO", "Credit", "Photograph", "Picture", "Image", "via")
#: ``Blanchard (pictured) was last seen ...``, ``Pictured, riot police try ...``: a caption's word.
_PICTURED = re.compile(r"\bpictured\b|^[ \t]*Pictured\b")
#: A line that closes as a sentence does (a caption written with ``pictured`` has no final stop).
_SENTENCE_CLOSE = re.compile(r"[.!?:;\"”’')\]][ \t]*$")
#: A parenthesised picture credit inside running text: ``(AFP Photo)``, ``(Reuters Photo)``,
#: ``(Photo AP)``, ``(AP photo)``, ``(AP Photo/Name)``.
_INLINE_CREDIT = re.compile(
    r"\((?:[A-Z][\w.&]*[ \t]+(?:Photo|PHOTO|photo)(?:[ \t]*/[^()\n]{1,60})?|(?:Photo|PHOTO)[ \t]+[A-Z][\w.&]*)\)")
#: Where a sentence ends (the caption starts after it).
_SENTENCE_END = re.compile(r"[.!?][\"”’']?[ \t]+(?=[\"“A-Z])")
#: A year before a capitalised word: the end of a date header opening a text whose lines were
#: joined (``Published July 21 2015 A young``, ``AFP Friday 28 Oct 2016 Russian``, ``Jul 152015 A``).
_HEADER_YEAR = re.compile(r"(?:19|20)\d\d[ \t]+(?=[A-Z])")


def caption_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s photo captions (credit included)."""
    spans: list[tuple[int, int]] = []
    if "\n" in text:
        spans += _caption_lines(text)
    if "hoto" in text or "HOTO" in text:
        spans += _inline_captions(text)
    return spans


def _caption_lines(text: str) -> list[tuple[int, int]]:
    """Lines that are captions, in a text of at least three lines (the body is the rest)."""
    lines = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((at, at + len(line)))
        at += len(line) + 1
    if len(lines) < 3:
        return []
    found = []
    for start, end in lines:
        if end - start > _MAX_CAPTION:
            continue
        line = text[start:end]
        if _LABEL.match(line) or (any(word in line for word in _CREDIT_WORDS) and _CREDIT_END.search(line)) \
                or ("ictured" in line and _PICTURED.search(line) and not _SENTENCE_CLOSE.search(line)):
            found.append((start, end))
    return found


def _inline_captions(text: str) -> list[tuple[int, int]]:
    """The sentence before each parenthesised picture credit that more text follows."""
    found = []
    for m in _INLINE_CREDIT.finditer(text):
        rest = text[m.end():m.end() + 40]
        if not rest.strip() or m.end() - m.start() > _MAX_CAPTION:
            continue
        window_start = max(0, m.start() - _MAX_CAPTION)
        before = text[window_start:m.start()].rstrip(" \t.")
        ends = list(_SENTENCE_END.finditer(before))
        if ends:
            start = window_start + ends[-1].end()
        elif window_start == 0:  # the text's opening: after its date header, if any
            header = _HEADER_YEAR.search(before)
            start = header.end() if header is not None and header.end() < len(before) else 0
        else:
            continue  # no sentence start within reach: the credit alone (blanked elsewhere)
        if "\n" in text[start:m.start()]:
            start = text.rfind("\n", start, m.start()) + 1
        found.append((start, m.end()))
    return found
