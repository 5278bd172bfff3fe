"""News outlets named only as a journalist's employer or a picture's credit
(issue 18 item 6, actors): ``Wall Street Journal reporter Daniel Pearl``,
``bureau chief for The Wall Street Journal``, ``Reuters journalists Wa Lone
and Kyaw Soe Oo``, ``— Reuters pic``.

There the outlet says who a person works for or who took a picture; it does
not act, and ``benchmarks/gold/CONVENTIONS.md`` lists it as no actor (as the
byline and the wire credit that :mod:`indexer.extraction.boilerplate`
blanks). Such mentions are dropped; an outlet that acts elsewhere in the
statement (``The Wall Street Journal said``) keeps its other mentions.

Leaf module: it reads the text and the matcher's mentions only.
"""

from __future__ import annotations

import re

__all__ = ["drop_outlet_staff"]

#: Staff words after an outlet's name (``Reuters journalists``, ``the Journal's correspondent``)
#: and credit words (``Reuters pic``, ``AFP photo``).
_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:senior|chief|former|veteran|freelance|staff|investigative|foreign)\s+)?"
    r"(?:reporters?|journalists?|correspondents?|photographers?|photojournalists?|cameram[ae]n|editors?"
    r"|columnists?|contributors?|producers?|presenters?|anchors?|bureau\s+chiefs?|pic|photos?|file\s+photo)\b",
    re.IGNORECASE)
#: Staff words with a link before an outlet's name (``a reporter for The Wall Street Journal``).
_BEFORE = re.compile(
    r"\b(?:reporters?|journalists?|correspondents?|photographers?|editors?|columnists?|contributors?"
    r"|producers?|presenters?|anchors?|bureau\s+chiefs?|writers?)\s+(?:for|with|at)\s+(?:the\s+)?$",
    re.IGNORECASE)
#: How far before a mention the staff words are looked for, in characters.
_LOOK_BEHIND = 40


def drop_outlet_staff(text: str, mentions: list[tuple]) -> list[tuple]:
    """``mentions`` (``(name, kind, start, end, surface)``) without those of
    media outlets named as an employer of staff or as a credit."""
    if not any(m[1] == "media" for m in mentions):
        return mentions
    return [m for m in mentions if m[1] != "media" or not (
        _AFTER.match(text, m[3]) or _BEFORE.search(text[max(0, m[2] - _LOOK_BEHIND):m[2]]))]
