"""Sift's query plan: what a parsed query evaluates, node by node.

``query._compile`` turns the parsed tree (``query._nodes``, what the user
wrote) into these nodes (what to compute: a plain word becomes one BM25F
:class:`Word` over the ranking's fields, a repeated word one node boosted by
its count, ``claims:`` a :class:`InClaims` per claim field...), and
``query.vector.Evaluator`` evaluates them over whole posting arrays, one
method per node type, with the collection's numbers from a
``query.statistics.Statistics`` provider and the formulas of
``query.rank``. No Whoosh query object or matcher takes part.

``str()`` of a plan is a compact, stable form of it, which the parser's
golden tests compare (``(title^2.5|body):sieg^2`` is the stem ``sieg``
searched in title, weight 2.5, and body, counted twice).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as attribute
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:
    from query._claimtable import ClaimTable
    from query._expansion import Origin


def _boosted(text: str, boost: float) -> str:
    return text if boost == 1 else f"{text}^{boost:g}"


@dataclass(frozen=True)
class Term:
    """One indexed term in one field, scored by BM25 of that field
    (``Ranking.field_scorer``), or its posting weight where the field is
    not scorable, times ``boost``."""

    field: str
    text: str
    boost: float = 1.0

    def __str__(self) -> str:
        return _boosted(f"{self.field}:{self.text}", self.boost)


@dataclass(frozen=True)
class Word:
    """A plain word in several text fields, scored once by BM25F over them
    (``Ranking.word_scorer``); ``fields`` are (field, BM25F weight) pairs."""

    fields: tuple[tuple[str, float], ...]
    text: str
    boost: float = 1.0

    def __str__(self) -> str:
        fields = "|".join(f if w == 1 else f"{f}^{w:g}" for f, w in self.fields)
        return _boosted(f"({fields}):{self.text}", self.boost)


@dataclass(frozen=True)
class Phrase:
    """``words`` in order in ``field``, each at most ``slop`` positions after
    the previous one; scored as the sum of its words' scores, times ``boost``."""

    field: str
    words: tuple[str, ...]
    slop: int
    boost: float = 1.0

    def __str__(self) -> str:
        near = "" if self.slop == 1 else f"~{self.slop - 1}"
        return _boosted(f'{self.field}:"{" ".join(self.words)}"{near}', self.boost)


#: The kinds of :class:`Expand`: a prefix of terms, a prefix of any word of a
#: keyword field's names (``actor:assad*``), a ``*`` glob, an edit distance.
EXPANSIONS = ("prefix", "word_prefix", "wildcard", "fuzzy")


@dataclass(frozen=True)
class Expand:
    """The ``Or`` of the index terms a prefix, wildcard or fuzzy word stands
    for (``query._expansion``), each scored as a :class:`Term`; ``origin``
    is where the word is in the query, for the errors of too many terms."""

    kind: str
    field: str
    text: str
    boost: float = 1.0
    maxdist: int = 0
    origin: Origin | None = attribute(default=None, compare=False)

    def __str__(self) -> str:
        shown = {"prefix": f"{self.text}*", "word_prefix": f"{self.text}*", "fuzzy": f"{self.text}~{self.maxdist}"}
        return _boosted(f"{self.field}:{shown.get(self.kind, self.text)}", self.boost)


@dataclass(frozen=True)
class InClaims:
    """``child`` (a term, phrase or expansion of title or body) where it
    lies inside a claim sentence (``query._claimspans``); with ``types``,
    a sentence of a claim of one of those types (``query._typedranges``)."""

    child: Plan
    types: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"claims{'[' + '|'.join(self.types) + ']' if self.types else ''}({self.child})"


@dataclass(frozen=True)
class ClaimWords:
    """The statements where a claim of one of ``types`` pairs with ``words``
    (each a word's stem, or a phrase's stems): targets one of the kinds
    ``targets`` (``against`` values), when the words name kinds, else holds
    one of them in its sentence; scored by how many claims do, above all in
    the title or lead (``query._claimwords``), times ``boost``. With
    ``agent`` (a ``claim_by`` value: ``by:X AND word``), the claims of any
    of ``types`` attributed to X, scored as X's ``claim_by`` term."""

    words: tuple[tuple[str, ...], ...]
    types: tuple[str, ...]
    targets: tuple[str, ...] = ()
    boost: float = 1.0
    agent: str = ""

    def __str__(self) -> str:
        words = "|".join(" ".join(w) for w in self.words)
        by = f"|by:{self.agent}" if self.agent else ""
        return _boosted(f"claimwords[{'|'.join(self.types)}{by}]({words})", self.boost)


@dataclass(frozen=True)
class Exact:
    """``=word``: ``child``'s matches (the word's stem) whose stored
    ``fields`` hold ``word`` itself, folded and unstemmed; ``child``'s scores."""

    child: Plan
    word: str
    fields: tuple[str, ...]

    def __str__(self) -> str:
        return f"={self.word}"


@dataclass(frozen=True)
class DateRange:
    """Dated statements from ``start`` to ``end`` (inclusive, ``None``:
    open), each scored ``boost``."""

    start: dt.datetime | None
    end: dt.datetime | None
    boost: float = 1.0

    def __str__(self) -> str:
        def bound(value: dt.datetime | None) -> str:
            return "" if value is None else value.isoformat()

        return _boosted(f"date:[{bound(self.start)} TO {bound(self.end)}]", self.boost)


@dataclass(frozen=True)
class Or:
    """Documents any part matches; their scores added."""

    parts: tuple[Plan, ...]

    def __str__(self) -> str:
        return "(" + " OR ".join(map(str, self.parts)) + ")"


@dataclass(frozen=True)
class And:
    """Documents every part matches; their scores added."""

    parts: tuple[Plan, ...]

    def __str__(self) -> str:
        return "(" + " AND ".join(map(str, self.parts)) + ")"


@dataclass(frozen=True)
class AndNot:
    """``positive``'s documents that ``negative`` does not match, with
    ``positive``'s scores."""

    positive: Plan
    negative: Plan

    def __str__(self) -> str:
        return f"({self.positive} ANDNOT {self.negative})"


@dataclass(frozen=True)
class AndMaybe:
    """``required``'s documents, plus ``optional``'s score where it matches too."""

    required: Plan
    optional: Plan

    def __str__(self) -> str:
        return f"({self.required} ANDMAYBE {self.optional})"


@dataclass(frozen=True)
class Not:
    """Every document ``child`` does not match, each scored 1."""

    child: Plan

    def __str__(self) -> str:
        return f"NOT {self.child}"


@dataclass(frozen=True)
class Every:
    """Every document, each scored ``boost``."""

    boost: float = 1.0

    def __str__(self) -> str:
        return _boosted("*", self.boost)


@dataclass(frozen=True)
class Constant:
    """``child``'s documents, each scored ``score``."""

    child: Plan
    score: float

    def __str__(self) -> str:
        return f"({self.child})={self.score:g}"


@dataclass(frozen=True)
class GroupRole:
    """A role of a claim group (``by:Russia``: the claim term ``by|russia``)
    scored as the term ``text`` of ``field`` (``claim_by``, or the name in
    ``actors``/``locations``) with, as pseudo-frequency, the number of the
    statement's claims that satisfy the whole group and hold ``key``."""

    field: str
    text: str
    key: str


@dataclass(frozen=True)
class ClaimGroup:
    """The documents among ``child``'s (the candidates, with their scores)
    that have one claim satisfying the group (``query._claimgroup``):
    ``condition`` tests every claim of a table at once, ``predicate`` one
    claim's terms. Each of ``roles`` (``GroupRole``) adds a score counted
    over the claims that satisfy the group."""

    child: Plan
    text: str
    predicate: Callable[[frozenset[str]], bool] = attribute(compare=False)
    condition: Callable[[ClaimTable], Any] = attribute(compare=False)
    roles: tuple[GroupRole, ...] = ()

    def __str__(self) -> str:
        return f"claim({self.text})"


Plan = Union[Term, Word, Phrase, Expand, InClaims, ClaimWords, Exact, DateRange, Or, And, AndNot, AndMaybe, Not, Every, Constant,
             ClaimGroup]


def any_of(parts: list[Plan]) -> Plan:
    """One part as itself, several as their :class:`Or`."""
    return parts[0] if len(parts) == 1 else Or(tuple(parts))


def leaves(plan: Plan) -> list[Plan]:
    """The nodes without children under ``plan`` (itself if it has none)."""
    children: tuple[Plan, ...]
    if isinstance(plan, (Or, And)):
        children = plan.parts
    elif isinstance(plan, AndNot):
        children = (plan.positive, plan.negative)
    elif isinstance(plan, AndMaybe):
        children = (plan.required, plan.optional)
    elif isinstance(plan, (InClaims, Exact, Not, Constant, ClaimGroup)):
        children = (plan.child,)
    else:
        return [plan]
    return [leaf for child in children for leaf in leaves(child)]
