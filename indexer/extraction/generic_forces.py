"""A force named only by generic words is no body's own name: ``Riot police``,
``Security Forces``, ``Government Forces``, ``Special Forces`` (a sentence's
first word, or a writer's capitals) name a kind of force, not one body
(benchmarks/gold/CONVENTIONS.md: "security forces" without a nationality are a
generic group). ``Kenyan riot police``, ``the Nigeria Police Force`` or ``the
Federal Police`` (a body of its own in several states) keep their names.

Leaf module: the organisation pattern (``indexer.extraction.org_names``) asks it.
"""

from __future__ import annotations

__all__ = ["generic_force"]

#: Words that say what kind of force, not whose: no name of its own is made of them only.
_GENERIC_MODIFIERS = frozenset(
    "security government special armed riot anti-riot antiriot regime opposition rebel rebels "
    "ground occupation occupying loyalist pro-government".split())
#: Force words the modifiers go before.
_FORCE_HEADS = frozenset("forces force police troops".split())


def generic_force(keys: list[str], first: int, last: int) -> bool:
    """Whether words ``first..last`` are one to two generic modifiers and a
    force word (``riot police``, ``security forces``, ``special forces``)."""
    if keys[last] not in _FORCE_HEADS or not 1 <= last - first <= 2:
        return False
    return all(keys[i] in _GENERIC_MODIFIERS for i in range(first, last))
