"""The parsed form of a query: a small tree that keeps what the user meant.

The parser builds this tree; ``query._compile`` turns it into the plan that
search evaluates (``query.plan``) and ``query.snippets`` reads it to know what to highlight (phrases as a
whole, nothing under ``NOT``). Keeping our own tree, rather than reading
Whoosh's, is what lets snippets highlight a phrase as one unit and skip
negated words.

Text nodes carry analysed terms (folded and stemmed like the index), and
``fields`` as (field, boost) pairs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Union

Fields = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class TermNode:
    """One analysed word: ``bombing`` -> ``bomb``; for ``=word`` (``exact``)
    ``term`` is the folded, unstemmed word."""

    fields: Fields
    term: str
    exact: bool
    pos: int


@dataclass(frozen=True)
class PrefixNode:
    """``bomb*``: index terms starting with any of ``prefixes``."""

    fields: Fields
    prefixes: tuple[str, ...]
    exact: bool
    pos: int


@dataclass(frozen=True)
class WildcardNode:
    """``b*mb``: a glob over folded index terms (``*`` only)."""

    fields: Fields
    pattern: str
    exact: bool
    pos: int


@dataclass(frozen=True)
class FuzzyNode:
    """``Darrya~``: terms within ``maxdist`` edits of ``term``."""

    fields: Fields
    term: str
    maxdist: int
    pos: int


@dataclass(frozen=True)
class PhraseNode:
    """``"barrel bombs"~N``: terms in order, at most ``gap`` words between."""

    fields: Fields
    terms: tuple[str, ...]
    gap: int
    pos: int


@dataclass(frozen=True)
class KeywordNode:
    """``actor:``/``location:``/``claim:``: one folded keyword (or prefix)."""

    field: str
    value: str
    prefix: bool
    pos: int


@dataclass(frozen=True)
class DateNode:
    """``date:``: inclusive bounds, ``None`` for an open end."""

    start: dt.datetime | None
    end: dt.datetime | None
    pos: int


@dataclass(frozen=True)
class BoolNode:
    """``AND`` (``op="and"``) or ``OR`` of the children."""

    op: str
    children: tuple[Node, ...]


@dataclass(frozen=True)
class NotNode:
    """``NOT child``: subtracted from the group it stands in."""

    child: Node
    pos: int


Node = Union[TermNode, PrefixNode, WildcardNode, FuzzyNode, PhraseNode, KeywordNode, DateNode, BoolNode, NotNode]


@dataclass(frozen=True)
class ClaimGroupNode:
    """``claim:( ... )``: claim types and roles (``by:``, ``in:``...) that
    must all hold in one claim (``query._claimgroup``)."""

    child: Node
    pos: int


Node = Union[TermNode, PrefixNode, WildcardNode, FuzzyNode, PhraseNode, KeywordNode, DateNode, BoolNode, NotNode,
             ClaimGroupNode]
