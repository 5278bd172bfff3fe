"""One state body named two ways in one text: its own name and its demonym
form (``the Ministry of Intelligence and Security`` ... ``Iranian
intelligence``) is one actor, under its own name.

The demonym forms are the actors :func:`~indexer.extraction.national_forces.add_forces`
makes from :data:`~indexer.extraction.national_forces.BODY_NOUNS`; a name
found in the text that holds the body's word (``Intelligence``) is the same
body when it is known to be that state's or is of no known state and the text
names that body of one state only. ``intelligence`` alone is also what a
body gathers (``citing US intelligence that ...``, ``acted on Saudi
intelligence about ...``): there no body is named (:func:`drop_information`).
Leaf module.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from indexer.extraction.gazetteer_types import NameSpan
from indexer.extraction.national_forces import BODY_NOUNS

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["drop_information", "unify_bodies"]

#: Words before a bare ``<demonym> intelligence`` that make it information, not a body.
_INFO_BEFORE = frozenset("citing cited cite cites on shared sharing share shares gathered provided "
                         "according".split())
#: Words after it that make it information (``US intelligence that ...``, ``... suggests``).
_INFO_AFTER = frozenset("that suggests suggested suggest shows showed show indicates indicated indicate "
                        "about on reports assessments assessment estimates".split())
_WORD = re.compile(r"[A-Za-z]+")


def _made_body(name: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """``(body word, state)`` of a demonym-form body actor, or None."""
    word = next((w for w in name.split() if w in BODY_NOUNS), None)  # "Iraqi Parliament", "Parliament of Ghana"
    actor = gaz.actors.get(name)
    if word is None or actor is None or len(actor.part_of) != 1 or actor.type != "government":
        return None
    return word, actor.part_of[0]


def unify_bodies(actors: list[NameSpan], gaz: Gazetteer) -> list[NameSpan]:
    """``actors`` with each demonym-form body renamed to the body's own name
    found in the same text (the first such name), where one fits."""
    made = {m[0]: body for m in actors if (body := _made_body(m[0], gaz)) is not None}
    if not made:
        return actors
    states_of: dict[str, set[str]] = {}
    for word, state in made.values():
        states_of.setdefault(word, set()).add(state)
    own: dict[str, tuple[str, str]] = {}  # made name -> (own name, kind)
    for name, kind, *_ in actors:
        if name in made or name in own.values():
            continue
        words = name.lower().split()
        for made_name, (word, state) in made.items():
            if made_name in own or word.lower() not in words:
                continue
            known = gaz.actors.get(name)
            if known is not None and state in known.part_of or known is None and len(states_of[word]) == 1:
                own[made_name] = (name, kind)
    if not own:
        return actors
    return [(*own[m[0]], *m[2:]) if m[0] in own else m for m in actors]


def drop_information(actors: list[NameSpan], text: str, gaz: Gazetteer) -> list[NameSpan]:
    """``actors`` without the mentions of a demonym-form intelligence body
    written bare (``US intelligence``) where the words around make it
    information: after ``citing``, ``on``, ``shared``..., before ``that``,
    ``suggests``, ``about``... (:data:`_INFO_BEFORE`, :data:`_INFO_AFTER`)."""
    out = []
    for mention in actors:
        name, _, start, end, written = mention
        if written.lower().endswith(" intelligence") and name.endswith(" intelligence") \
                and _made_body(name, gaz) is not None:
            before = _WORD.findall(text[max(0, start - 20):start])
            after = _WORD.match(text[end:end + 20].lstrip())
            if before and before[-1].lower() in _INFO_BEFORE or after and after.group().lower() in _INFO_AFTER:
                continue
        out.append(mention)
    return out
