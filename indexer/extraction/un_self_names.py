"""The United Nations named in its own speeches by a roundabout phrase: ``our
Organization``, ``this Organization``, ``this world Organization``, ``the
Organization`` (when no other organisation of that word is named), and in the
news ``the world body``; its General Assembly addressed by a call (``I call on
this Assembly``; ``this Assembly`` alone is the venue, no actor).

A UN speaker writes the capital ``O`` for the body he speaks in; another body
is named in full after it (``our Organization of African Unity``), so a
capitalised word after the phrase, maybe after ``of``/``for`` (``the``), leaves it alone. Leaf module: reads the
gazetteer's actor table only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from indexer.extraction.gazetteer_types import NameSpan

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["UN_NAME", "UN_SELF_HINTS", "un_self_mentions"]

#: The actor the phrases name.
UN_NAME = "United Nations"
_PHRASE = re.compile(r"\b(?:[Oo]ur|[Tt]his|[Tt]he(?=[ \t]+world\b))(?:[ \t]+world)?[ \t]+Organization\b"
                     r"(?![ \t]+(?:(?:of|for)[ \t]+(?:the[ \t]+)?)?[A-Z])|\b[Tt]he[ \t]+world[ \t]+body\b")
#: ``the Organization`` inside a sentence, no other body's name after it.
_BARE = re.compile(r"(?<=\bthe )Organization\b(?!\s+(?:(?:of|for)\s+(?:the\s+)?)?[A-Z])")
#: A capitalised word before ``Organization`` or a complement after it: another organisation is
#: named (``World Health Organization``, ``the Organization of American States``), so ``the
#: Organization`` may be that one (not ``United Nations Organization``).
_OTHER = re.compile(r"\b(?!(?:Nations|The|Our|This|World)\b)[A-Z][\w-]*\s+Organization\b|Organization\s+(?:of|for)\s")
#: The General Assembly addressed by a call (``I call upon this Assembly to``, ``urge the Assembly``).
_CALLED = re.compile(r"\b(?:call(?:s|ed|ing)?[ \t]+(?:up)?on|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)?[ \t]+to)"
                     r"[ \t]+(?:this|the)[ \t]+(?:General[ \t]+)?(Assembly)\b")
#: The actor an addressed Assembly is.
_ASSEMBLY = "UN General Assembly"
#: Literals one of which a text must hold for :func:`un_self_mentions` to find anything.
UN_SELF_HINTS = ("Organization", "world body", "Assembly")


def un_self_mentions(text: str, actors: list[NameSpan], gaz: Gazetteer) -> list[NameSpan]:
    """``actors`` with each roundabout phrase of :data:`_PHRASE` read as the
    United Nations, replacing a name found over it (``Our Organization``
    opening a sentence, read as a body's name)."""
    actor = gaz.actors.get(UN_NAME)
    if actor is None:
        return actors
    found = [(m.start(), m.end(), m.group(), UN_NAME) for m in _PHRASE.finditer(text)]
    if "the Organization" in text and not _OTHER.search(text):
        found += [(m.start(), m.end(), m.group(), UN_NAME) for m in _BARE.finditer(text)]
    if "Assembly" in text and _ASSEMBLY in gaz.actors:
        found += [(m.start(1), m.end(1), m.group(1), _ASSEMBLY) for m in _CALLED.finditer(text)]
    if not found:
        return actors
    kept = [a for a in actors if not any(a[2] < end and start < a[3] for start, end, _, _ in found)]
    return sorted(kept + [(name, gaz.actors[name].type, start, end, written) for start, end, written, name in found],
                  key=lambda a: a[2])
