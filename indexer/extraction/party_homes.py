"""A lawmaker's home after a party's initial (``Rep. Brent Boggs, D-Braxton``,
``Sen. Tom Bakk, DFL-Cook``): US news names the member's town or county so.

The resolver reads such a name when the world table knows the town
(:func:`indexer.extraction.world_candidates.party_place`); a county or a
small town it does not know is read here, named as written, without
coordinates. Only after a capitalised party initial and a hyphen, before a
comma, a semicolon, a bracket or a sentence's end. A leaf: it reads
:class:`indexer.extraction.words.Words` only.
"""

from __future__ import annotations

from indexer.extraction.place_words import PARTY_INITIALS
from indexer.extraction.words import Words, indices

__all__ = ["party_homes"]

#: What may follow a lawmaker's home: the end of the apposition.
_ENDS = (",", ";", ")", ".", ". ", ", ", "; ", ") ")


def party_homes(words: Words, taken: set[int], states: frozenset[str] = frozenset()) -> list[tuple]:
    """Candidates ``(first, last, name, "city", first - last, 0)`` of the
    homes after ``D-``/``R-``/``I-``/``DFL-`` that no ``taken`` word covers;
    a state's abbreviation without its dot (``D-Calif``: folded in ``states``)
    is the state's, no town's."""
    keys, n = words.key, len(words.key)
    out: list[tuple] = []
    # Only the words after a bare hyphen (found by a C-level scan).
    for at in indices(words.gap, "-", 1, n):
        if keys[at - 1] not in PARTY_INITIALS or not words.upper(at - 1) \
                or at in taken or not words.cap(at) or words.upper(at) or keys[at] in states:
            continue
        last = at
        if last + 1 < n and words.soft(last + 1) and words.cap(last + 1) and last + 1 not in taken:
            last += 1  # "R-Grand Rapids"
        end = words.gap[last + 1] if last + 1 < n else "."
        if end.rstrip(" ") not in {e.strip() for e in _ENDS} or any(i in taken for i in range(at, last + 1)):
            continue
        name = words.written(at, last)
        out.append((at, last, name, "city", at - last, 0))
    return out
