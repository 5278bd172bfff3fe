"""The United Nations named in its own speeches by a roundabout phrase: ``our
Organization``, ``this Organization``, ``this world Organization``.

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

__all__ = ["UN_NAME", "un_self_mentions"]

#: The actor the phrases name.
UN_NAME = "United Nations"
_PHRASE = re.compile(r"\b(?:[Oo]ur|[Tt]his|[Tt]he(?=[ \t]+world\b))(?:[ \t]+world)?[ \t]+Organization\b"
                     r"(?![ \t]+(?:(?:of|for)[ \t]+(?:the[ \t]+)?)?[A-Z])")


def un_self_mentions(text: str, actors: list[NameSpan], gaz: Gazetteer) -> list[NameSpan]:
    """``actors`` with each roundabout phrase of :data:`_PHRASE` read as the
    United Nations, replacing a name found over it (``Our Organization``
    opening a sentence, read as a body's name)."""
    actor = gaz.actors.get(UN_NAME)
    if actor is None:
        return actors
    found = [(m.start(), m.end(), m.group()) for m in _PHRASE.finditer(text)]
    if not found:
        return actors
    kept = [a for a in actors if not any(a[2] < end and start < a[3] for start, end, _ in found)]
    return sorted(kept + [(UN_NAME, actor.type, start, end, written) for start, end, written in found],
                  key=lambda a: a[2])
