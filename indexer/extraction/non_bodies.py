"""Names that look like an organisation's but name no body.

A force named only by generic words is no body's own name: ``Riot police``,
``Security Forces``, ``Government Forces``, ``Special Forces`` (a sentence's
first word, or a writer's capitals) name a kind of force, not one body
(benchmarks/gold/CONVENTIONS.md: "security forces" without a nationality are a
generic group). ``Kenyan riot police``, ``the Nigeria Police Force`` or ``the
Federal Police`` (a body of its own in several states) keep their names.

A centre named for what is done to people there (``the Mahmoudiyeh Detention
Centre``, ``a Reception Centre``) is a facility, a place where things happen, not
an actor (the conventions' "places that are only places").

Leaf module: the organisation pattern (``indexer.extraction.org_names``) asks it.
"""

from __future__ import annotations

__all__ = ["facility_name", "generic_force"]

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


#: Words before ``centre`` that make it a facility (``Detention Centre``, ``Trade Center``).
_FACILITY_KINDS = frozenset(
    "detention holding reception rehabilitation correctional remand transit quarantine isolation "
    "deportation removal shopping trade convention conference".split())
_CENTRES = frozenset("centre center centres centers".split())


def facility_name(keys: list[str], head: int) -> bool:
    """Whether the name ending in word ``head`` is a facility's (``... Detention Centre``)."""
    return head > 0 and keys[head] in _CENTRES and keys[head - 1] in _FACILITY_KINDS
