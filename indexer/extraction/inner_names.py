"""Bodies named only inside another name or as a group's parent (issue 18,
actors): ``the Charter of the United Nations``, ``the UN Charter``, ``the
Rome Statute of the International Criminal Court``, ``ISWAP, an offshoot of
Boko Haram``.

There the body names an instrument or says where another group comes from;
it does not act in the statement, as ``X-linked`` and ``X affiliate`` do not
(:mod:`indexer.extraction.entities`). Such mentions are dropped; a body that
acts elsewhere in the statement keeps its other mentions.

Leaf module: it reads the text and the matcher's mentions only.
"""

from __future__ import annotations

import re

__all__ = ["drop_inner_mentions"]

#: An instrument's or a parent's words right before a body's name.
_BEFORE = re.compile(
    r"\b(?:(?:charter|statute|convention|treaty|covenant|protocol|constitution)\s+of"
    r"|(?:offshoots?|splinter(?:\s+(?:group|faction))?|breakaway\s+(?:group|faction))\s+(?:of|from))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE)
#: An instrument's word right after a body's name (``the UN Charter``).
_AFTER = re.compile(r"\s+(?:charter|statute|convention|treaty|covenant|protocol)\b", re.IGNORECASE)
#: How far before a mention the words are looked for, in characters.
_LOOK_BEHIND = 40
#: Kinds of actor this applies to (a person or a state named in a treaty's name is left alone).
_BODIES = frozenset("un_body intergovernmental_org organisation ngo armed_group militia party".split())


def drop_inner_mentions(text: str, mentions: list[tuple]) -> list[tuple]:
    """``mentions`` (``(name, kind, start, end, surface)``) without those of
    bodies named only inside an instrument's name or as a group's parent."""
    return [m for m in mentions if m[1] not in _BODIES or not (
        _BEFORE.search(text[max(0, m[2] - _LOOK_BEHIND):m[2]]) or _AFTER.match(text, m[3]))]
