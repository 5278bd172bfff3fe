"""The UN General Assembly as the venue of a speech, not an actor (issue 18).

A General Debate speech opens by congratulating "the President of the
General Assembly at its seventieth session" and refers to "General Assembly
resolutions": the Assembly is where the speaker stands or whose documents
they cite, not a body that acts in the statement. A mention in such a
phrase is dropped; the Assembly stays an actor where it acts ("the General
Assembly adopted", "adoption of the declaration at this session of the
General Assembly").
"""

from __future__ import annotations

import re

from indexer.extraction.gazetteer_types import NameSpan

__all__ = ["ASSEMBLY", "drop_venue_mentions"]

#: The canonical name of the body (``actors.tsv``).
ASSEMBLY = "UN General Assembly"
#: Words before the mention that make it the venue or a title's body.
_BEFORE = re.compile(
    r"(?:presidency|president|presiding|session|sessions|rostrum|podium|hall|debate|"
    r"address|addressing|before|floor|chair|vice-president|vice-presidents|presidents)"
    r"(?:\s+(?:of|over|to|at|from|in|before))?\s+(?:the|this)\s+$",
    re.IGNORECASE)
#: Words after the mention that make it a venue or a document's author.
_AFTER = re.compile(r"^(?:'s|’s)?\s*(?:at\s+its|,?\s*at\s+(?:its|this|the)\s+\w+\s+session|session|sessions|"
                    r"resolutions?|hall|rostrum|podium|debate|high-level)\b", re.IGNORECASE)


#: Words that make the Assembly act in the sentence ("Adoption of that
#: declaration at this session of the General Assembly").
_ACTS = re.compile(r"\b(?:adopt\w*|decid\w*|decision|vot\w*|proclaim\w*|endors\w*|"
                   r"condemn\w*|demand\w*|request\w*|mandate\w*|establish\w*)\b", re.IGNORECASE)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``start..end`` (bounded by ``.``, ``;`` or a blank line, 300 characters each way)."""
    left = max(text.rfind(".", max(0, start - 300), start), text.rfind(";", max(0, start - 300), start)) + 1
    stops = [i for i in (text.find(".", end, end + 300), text.find(";", end, end + 300)) if i >= 0]
    return text[left:min(stops) if stops else end + 300]


def drop_venue_mentions(text: str, actors: list[NameSpan]) -> list[NameSpan]:
    """``actors`` without the General Assembly's mentions as a venue, a
    title's body or a document's author (see the module docstring).

    >>> text = "I congratulate the President of the General Assembly at its session."
    >>> drop_venue_mentions(text, [(ASSEMBLY, "un_body", 36, 52, "General Assembly")])
    []
    """
    out = []
    for mention in actors:
        if mention[0] == ASSEMBLY:
            start, end = mention[2], mention[3]
            if (_BEFORE.search(text, max(0, start - 60), start) or _AFTER.match(text[end:end + 60])) \
                    and not _ACTS.search(_sentence(text, start, end)):
                continue
        out.append(mention)
    return out
