"""Flight told with an auxiliary or an attempt between the people and the verb (stop 34).

The taxonomy's ``civilians fleeing``/``families fled`` needs the verb right
after the people; reports as often write ``the civilians were fleeing the
village``, ``families are fleeing Raqqa``, ``residents had fled``, ``civilians
trying to flee heavy fighting``. Kept apart from
``indexer.extraction.claim_taxonomy``, which appends :data:`FLIGHT` to its
displacement triggers (documented in ``indexer/data/CLAIMS.md``).
"""

from __future__ import annotations

__all__ = ["FLIGHT"]

_PEOPLE = r"(?:refugees|civilians|residents|families|people|thousands|villagers|inhabitants|hundreds)"
#: Auxiliaries and attempts, one to three (``were``, ``had been``, ``were trying to``), no other word.
_BETWEEN = (r"(?: (?:were|are|was|is|have|has|had|been|being|still|now|already|also|trying to|tried to|try to"
            r"|attempting to|attempted to|seeking to|forced to|began|begun|started|continue to|continued to))+")

#: Displacement triggers: people, then auxiliaries, then a form of flee.
FLIGHT: tuple[str, ...] = (_PEOPLE + _BETWEEN + r" (?:fleeing|flee|fled)\b",)
