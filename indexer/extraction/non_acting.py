"""Mentions of a body where the text says it does not act (issue 18 item 6,
actors):

- a news outlet named as a journalist's employer or a picture's credit
  (``Wall Street Journal reporter Daniel Pearl``, ``bureau chief for The Wall
  Street Journal``, ``— Reuters pic``): ``benchmarks/gold/CONVENTIONS.md``
  lists it as no actor, as the byline and the wire credit that
  :mod:`indexer.extraction.boilerplate` blanks;
- a body named only inside an instrument's name or as a group's parent
  (``the Charter of the United Nations``, ``the UN Charter``, ``the Rome
  Statute of the International Criminal Court``, ``ISWAP, an offshoot of Boko
  Haram``), as ``X-linked`` and ``X affiliate`` are not
  (:mod:`indexer.extraction.entities`).

Such mentions are dropped; a body that acts elsewhere in the statement
(``The Wall Street Journal said``) keeps its other mentions.

Leaf module: it reads the text and the matcher's mentions only.
"""

from __future__ import annotations

import re

__all__ = ["drop_non_acting"]

#: Words for an outlet's staff (alternatives of a pattern).
_STAFF = (r"reporters?|journalists?|correspondents?|photographers?|photojournalists?|cameram[ae]n|editors?"
          r"|columnists?|contributors?|producers?|presenters?|anchors?|bureau\s+chiefs?")
#: Words for an instrument (alternatives of a pattern).
_INSTRUMENTS = r"charter|statute|convention|treaty|covenant|protocol"

#: ``(kinds of actor, words right before the name, words right after it)``.
_RULES: tuple[tuple[frozenset[str], re.Pattern[str], re.Pattern[str]], ...] = (
    (frozenset(("media",)),
     # "a reporter for The Wall Street Journal"
     re.compile(rf"\b(?:{_STAFF}|writers?)\s+(?:for|with|at)\s+(?:the\s+)?$", re.IGNORECASE),
     # "Reuters journalists", "the Journal's correspondent", "Reuters pic", "AFP photo"
     re.compile(rf"(?:['’]s)?\s+(?:(?:senior|chief|former|veteran|freelance|staff|investigative|foreign)\s+)?"
                rf"(?:{_STAFF}|pic|photos?|file\s+photo)\b", re.IGNORECASE)),
    (frozenset("un_body intergovernmental_org organisation ngo armed_group militia party".split()),
     # "the Charter of the United Nations", "an offshoot of Boko Haram"
     re.compile(rf"\b(?:(?:{_INSTRUMENTS}|constitution)\s+of"
                r"|(?:offshoots?|splinter(?:\s+(?:group|faction))?|breakaway\s+(?:group|faction))\s+(?:of|from))"
                r"\s+(?:the\s+)?$", re.IGNORECASE),
     # "the UN Charter"
     re.compile(rf"\s+(?:{_INSTRUMENTS})\b", re.IGNORECASE)),
)
#: How far before a mention its words are looked for, in characters.
_LOOK_BEHIND = 40


def drop_non_acting(text: str, mentions: list[tuple]) -> list[tuple]:
    """``mentions`` (``(name, kind, start, end, surface)``) without those whose
    words around say the body does not act there."""
    out = []
    for m in mentions:
        for kinds, before, after in _RULES:
            if m[1] in kinds and (after.match(text, m[3]) or before.search(text[max(0, m[2] - _LOOK_BEHIND):m[2]])):
                break
        else:
            out.append(m)
    return out
