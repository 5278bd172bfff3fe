"""News outlets of any country named by their kind word (issue 18, actors).

Reports cite and attack outlets that no data file knows (``ANF News``,
``Syria TV``, ``Holhol Media``, ``The Epoch Times``); as for ``Aleppo Police
Command``, the kind word at the end of a capitalised name says what it is
(:data:`indexer.extraction.org_names.ORG_HEADS` includes these words). This module
decides the name: a known outlet inside it keeps its canonical name
(``Al-Manar TV`` -> Al-Manar, ``Iraq Press TV`` -> Press TV), a name of
generic words only (``State TV``) is no outlet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["MEDIA_HEADS", "MEDIA_TAILS", "MEDIA_TITLES", "media_name"]

#: Kind words ending an outlet's name that may take a lower-case body word after them.
MEDIA_HEADS = frozenset("news tv television media".split())
#: Other words ending a newspaper's or broadcaster's name.
MEDIA_TITLES = frozenset("times channel broadcasting gazette tribune herald".split())
#: Kind words an outlet's name may end with in lower case (``Hama Media center``).
MEDIA_TAILS = frozenset("center centre agency network office".split())
#: Words that alone before a media word name no outlet (``State TV``, ``the National Television``).
GENERIC_MEDIA_WORDS = frozenset("state national public official local government private the "
                                "breaking latest world international".split())


def media_name(gaz: Gazetteer, keys: list[str], first: int, head: int,
               last: int) -> tuple[int, int, str | None] | None:
    """The outlet named by words ``first..last`` (their keys) whose kind word
    is ``head``: ``(first, last, known actor or None)``, or ``None`` when the
    words are generic only."""
    table, actors = gaz.aliases["actor"], gaz.actors
    for lo in range(first, head):
        for hi in (last, head, head - 1):
            if hi < lo:
                continue
            alias = table.get(" ".join(keys[lo:hi + 1]))
            if alias is not None and alias.target in actors and actors[alias.target].type == "media":
                return lo, max(hi, head), alias.target
    if all(keys[w] in GENERIC_MEDIA_WORDS for w in range(first, head)):
        return None
    return first, last, None
