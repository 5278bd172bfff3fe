"""A region named in someone's job title is no place of the statement.

``Robert Mardini, ICRC regional director for the Middle East``, ``deputy
Middle East director at Human Rights Watch``, ``the Middle East and North
Africa division``: the region says what the person or unit covers, not where
anything happens (issue 18, places), also after ``in`` (``AI coordinator in
Eastern Europe and Central Asia``); nor does a region or a sea naming a group
of states or one of them (``Gulf monarchies``, ``Gulf states``, ``a Gulf state``). Only regions (``Middle East``,
``North Africa``, ``Horn of Africa``) are dropped so: a country or a city in a
title (``the UN envoy for Syria``) is usually what the statement is about.
"""

from __future__ import annotations

import re

from indexer.extraction.gazetteer_types import NameSpan

__all__ = ["drop_role_regions"]

#: Job and unit words around a region in a title.
ROLE_WORDS = ("director|directors|deputy|coordinator|envoy|representative|rapporteur|commissioner|"
              "chief|head|spokesperson|spokesman|spokeswoman|adviser|advisor|researcher|editor|"
              "correspondent|analyst|programme|program|division|desk|department|bureau|office|"
              "section|unit|team|manager|officer|specialist|expert|lead")
_BEFORE = re.compile(rf"\b(?:{ROLE_WORDS})[ \t]+(?:of|for|on|in)[ \t]+(?:the[ \t]+)?$", re.I)
_AFTER = re.compile(rf"(?:[ \t]+(?:and|&)[ \t]+(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){{0,2}})?"
                    rf"[ \t]+(?:regional[ \t]+)?(?:{ROLE_WORDS})\b", re.I)
_KINDS = frozenset("region subdivision water".split())
_LINKED = re.compile(r"[ \t]+(?:and|&)[ \t]+(?:the[ \t]+)?$")
#: A region naming a group of states (``Gulf monarchies``, ``Arab states``): no place.
_STATES_AFTER = re.compile(r"[ \t]+(?:states|monarchies|countries|nations|governments|rulers|powers|allies)\b")
#: A region before "state" (``a Gulf state``): one of its states, no place (a subdivision's
#: "state" is its own: ``Borno state``).
_STATE_AFTER = re.compile(r"[ \t]+state\b")


def drop_role_regions(text: str, places: list[NameSpan]) -> list[NameSpan]:
    """``places`` without the region mentions that are part of a job or
    unit title in ``text``.

    >>> t = "said Robert Mardini, ICRC regional director for the Middle East, in Geneva."
    >>> [p[0] for p in drop_role_regions(t, [("Middle East", "region", 48, 63, "the Middle East"),
    ...                                      ("Geneva", "city", 68, 74, "Geneva")])]
    ['Geneva']
    """
    if not any(p[1] in _KINDS for p in places):
        return places
    out: list[NameSpan] = []
    dropped_ends: list[int] = []
    for span in places:
        name, kind, start, end, _ = span
        if kind == "subdivision" and (m := _STATES_AFTER.match(text, end)) and "states" not in m.group():
            continue  # "Gulf monarchies" (not Gulf Province); "Borno and Adamawa states" are places
        if kind == "water" and (_STATES_AFTER.match(text, end) or _STATE_AFTER.match(text, end)):
            continue  # "Gulf states", "a Gulf state": states around it, no place
        if kind == "region":
            before = text[max(0, start - 40):start]
            if _BEFORE.search(before) or _AFTER.match(text, end) is not None or _STATES_AFTER.match(text, end) \
                    or _STATE_AFTER.match(text, end) \
                    or any(_LINKED.fullmatch(text[e:start]) for e in dropped_ends):
                dropped_ends.append(end)
                continue
        out.append(span)
    return out
