"""A state's parts: the actors that stand for it too (issue 21).

Extraction names ``Russian jets`` as ``Russian Armed Forces``, an actor of its
own that is ``part_of`` Russia (``indexer.extraction.national_forces``; ministries,
police and curated forces likewise, ``indexer/data/actors.tsv``). A researcher
asking ``by:Russia`` or ``actor:Russia`` means the state with its forces, so
the parser searches a name together with its parts (``query.parse``); asking
for ``by:"Russian Armed Forces"`` stays narrow. Expanding at query time keeps
every index correct (an index stores what extraction named, the gazetteer the
index was built with says what belongs to what) and costs a few more terms.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from indexer.schema import keyword_value
from query._nodes import BoolNode, KeywordNode, Node


def parts_index(actors: Iterable[tuple[str, Iterable[str]]]) -> dict[str, tuple[str, ...]]:
    """``{actor: every actor that is part of it}`` from ``(name, part_of)``
    pairs, transitively (a part of a part is a part), each list sorted.

    >>> parts_index([("Russia", ()), ("Russian Armed Forces", ("Russia",)), ("Wagner unit", ("Russian Armed Forces",))])
    {'Russia': ('Russian Armed Forces', 'Wagner unit'), 'Russian Armed Forces': ('Wagner unit',)}
    """
    direct: dict[str, set[str]] = {}
    for name, parents in actors:
        for parent in parents:
            if parent != name:
                direct.setdefault(parent, set()).add(name)
    out: dict[str, tuple[str, ...]] = {}
    for whole in direct:
        seen: set[str] = set()
        todo = list(direct[whole])
        while todo:
            part = todo.pop()
            if part not in seen and part != whole:
                seen.add(part)
                todo.extend(direct.get(part, ()))
        out[whole] = tuple(sorted(seen))
    return out


def actor_values(aliases: Any, text: str) -> list[str]:
    """Keyword values of an actor's name: its canonical name first, then the
    actors that are part of it, where ``aliases`` (``query.parse.Aliases``)
    has an ``actor_parts`` lookup (the index's gazetteer has)."""
    canonical = aliases.canonical_actor(text) or text
    parts = getattr(aliases, "actor_parts", None)
    names = [canonical, *(parts(canonical) if parts is not None else ())]
    return list(dict.fromkeys(keyword_value(name) for name in names))


def any_keyword(field: str, values: list[str], pos: int) -> Node:
    """``field:value`` for one value, their ``OR`` for several."""
    nodes = tuple(KeywordNode(field, value, False, pos) for value in values)
    return nodes[0] if len(nodes) == 1 else BoolNode("or", nodes)
