"""The country a statement's names suggest when its text names none, and
which readings of a name may be taken there.

Part of the decision of ``indexer.extraction.resolve``: geoparsers place a
statement's names near each other (CLAVIN's and Mordecai's context); these
are the rules for that guess, apart so that they can be read and tested on
their own. A guess must not come from words that merely name some town
somewhere: a small town's alternate names (``Sadly``, Sudley), its
localities' names (``Bretton Woods``) and a large place's dwarfed namesakes
(Jerusalem, New Zealand) suggest nothing.
"""

from __future__ import annotations

from indexer.extraction.geonames import WorldPlace, same_name, world_key
from indexer.extraction.world_ranking import MIN_POPULATION_NO_CONTEXT

__all__ = ["famous_city", "guessed_country", "own_or_large"]


def famous_city(readings: list[WorldPlace]) -> list[WorldPlace]:
    """The one city of ``readings`` known well enough to be meant wherever the
    text says the name is a place (``told reporters in Geneva`` in a text about
    Syria): :data:`MIN_POPULATION_NO_CONTEXT` people and five times the next."""
    cities = sorted((p for p in readings if p.kind == "city"), key=lambda p: -p.population)
    if cities and cities[0].population >= max(MIN_POPULATION_NO_CONTEXT,
                                               5 * (cities[1].population if len(cities) > 1 else 0)):
        return cities[:1]
    return []


def own_or_large(readings: tuple[WorldPlace, ...], key: str) -> tuple[WorldPlace, ...]:
    """The readings a guessed country may take: the places whose own name
    ``key`` is, and those large enough to be known by another name
    (:data:`MIN_POPULATION_NO_CONTEXT`); a small town's alternate names
    include words (``Sadly``) and its localities' names (``Bretton Woods``).
    A settlement word after the name changes nothing (``Las Vegas City``),
    nor ``St`` for ``Saint`` (``St. Cloud``), nor the spaces between the
    words (``Grand View`` for Grandview)."""
    forms = [key]
    last = key.rsplit(" ", 1)[-1]
    if last in _SETTLEMENT_SUFFIXES and last != key:
        forms.append(key[:-len(last) - 1])
    first = key.split(" ", 1)[0]
    if first in _SAINTS and first != key:
        forms += [_SAINTS[first] + form[len(first):] for form in forms]
    return tuple(p for p in readings if p.kind != "city" or p.population >= MIN_POPULATION_NO_CONTEXT
                 or any(same_name(p.name, form) for form in forms)
                 or world_key(p.name).replace(" ", "") in {form.replace(" ", "") for form in forms})


#: Words after a town's name that leave it the same town (``Las Vegas City``).
_SETTLEMENT_SUFFIXES = frozenset({"city", "town", "village", "township"})
_SAINTS = {"st": "saint", "ste": "sainte"}


#: A reading this many times smaller than its name's largest is dwarfed (:func:`guessed_country`).
_DWARFED = 100


def guessed_country(pending: list[tuple[int, tuple[WorldPlace, ...]]]) -> set[str]:
    """The country most of the statement's candidate names can lie in (at
    least two distinct names): a statement's places tend to be near each
    other (``Albany``, ``Springfield`` and ``Troy`` together are in the US).

    :param pending: each candidate's first word and the readings that may
        count (:func:`own_or_large`: not a small town's alternate names,
        which include words; every capitalised word of ``Sadly, ... Bretton
        Woods`` would otherwise be a US town, and the two confirm each other).
    """
    names_in: dict[str, set[tuple[str, ...]]] = {}
    for _, readings in pending:
        if not readings:
            continue
        name = (readings[0].name,)
        # A namesake dwarfed by the name's main place does not pull the
        # statement there (Jerusalem, New Zealand: 1,155 people).
        floor = max(p.population for p in readings) // _DWARFED
        # In code order: a tie goes to the same country in every process (set
        # order follows PYTHONHASHSEED, and made extraction differ between runs).
        for code in sorted({p.country for p in readings if p.country and (
                p.kind != "city" or p.population >= floor)}):
            names_in.setdefault(code, set()).add(name)
    if not names_in:
        return set()
    best = max(names_in, key=lambda c: len(names_in[c]))
    return {best} if len(names_in[best]) >= 2 else set()
