"""Single names a text shows as a person: no small town of that name there.

A surname alone (``Dyer``, ``McDonald``, ``Welch``) is also the name of some
small town; the world table would read it so wherever it stands alone. The
text says otherwise when it uses the name as a person's somewhere: before a
reporting verb (``Dyer said``), after a title (``Mr. Welch``), before an age
(``McDonald, 24,``), after a given name and a middle initial (``Tyrise M. Bell``). :class:`indexer.extraction.resolve.WorldResolver` then leaves every
single-word mention of it out where all its readings are small towns.

A leaf: it reads :class:`indexer.extraction.words.Words` only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexer.extraction.words import Words

__all__ = ["described_as_person", "speakers"]

_AGE = re.compile(r"\d{1,2}$")
#: Abbreviations of "Saint": ``St. Paul`` is a place, not Mr. Paul.
_SAINTS = frozenset("st ste saint sainte san santa sao".split())
#: Words before a name that make it a place even before ``said`` (``the city of Sevierville said``,
#: ``the embassy in the capital Kinshasa said``).
_PLACE_BEFORE = frozenset("of the city town county capital".split())


def speakers(words: Words, cands: Iterable[tuple[int, int, object]], titles: frozenset[str],
             verbs: frozenset[str], locatives: frozenset[str]) -> set[str]:
    """Keys of the single-word candidates ``(first, last, ...)`` of ``words``
    that the text shows as a person at least once: before one of ``verbs``
    (not after one of ``locatives`` or ``of``), after one of ``titles``, or
    before an age between commas.

    >>> w = Words("Deputies chatted with McDonald, 24, of Archer.")
    >>> sorted(speakers(w, [(3, 3, ()), (6, 6, ())], frozenset(), frozenset({"said"}), frozenset()))
    ['mcdonald']
    """
    keys, n = words.key, len(words.key)
    gap = words.gap
    out: set[str] = set()
    for first, last, _ in cands:
        if first != last:
            continue
        nxt = last + 1
        before = keys[first - 1] if first > 0 else ""
        if nxt < n and words.soft(nxt) and keys[nxt] in verbs \
                and before not in locatives and before not in _PLACE_BEFORE \
                or before and gap[first].strip() in ("", ".") and before in titles and before not in _SAINTS \
                or nxt + 1 < n and gap[nxt].strip() == "," and _AGE.match(keys[nxt]) \
                and gap[nxt + 1].strip() == "," \
                or first > 1 and len(before) == 1 and gap[first].strip() == "." and words.cap(first - 1) \
                and words.cap(first - 2) and words.soft(first - 1) and len(keys[first - 2]) > 1 \
                or described_as_person(words, nxt):
            # (the last: after a given name and a middle initial, "Tyrise M. Bell")
            out.add(keys[first])
    return out


#: Nouns of an apposition that makes the name before it a person's (``Salma, a
#: woman from Mosul``); not ``resident``, ``native`` (``origin_places``' nouns):
#: a place's people.
_APPOSITION_NOUNS = frozenset(
    "man woman boy girl mother father wife husband son daughter widow journalist activist lawyer "
    "student teacher doctor nurse farmer reporter blogger poet writer".split())


def described_as_person(words: Words, at: int) -> bool:
    """Whether an apposition starting at word ``at`` (after a comma)
    describes a person: ``, a 20-year-old`` or ``, a woman``."""
    keys, n = words.key, len(words.key)
    if at + 1 >= n or words.gap[at].strip() != "," or keys[at] not in ("a", "an"):
        return False
    if keys[at + 1] in _APPOSITION_NOUNS:
        return True
    return at + 2 < n and bool(_AGE.match(keys[at + 1])) and keys[at + 2] == "year"
