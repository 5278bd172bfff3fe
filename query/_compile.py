"""Turning the parsed tree (``query._nodes``) into a Whoosh query.

Two decisions live here:

- An unqualified word searches every field of ``Ranking.field_boosts``, as
  one ``FieldsTerm`` scored by BM25F over them (``query.rank.WordScorer``,
  field weights ``Ranking.field_weights``); phrases, prefixes, wildcards and fuzzy
  words are an ``Or`` of per-field queries weighted by the field's boost.
- A word repeated inside one group is searched once with its count as a
  boost: BM25F otherwise ignores query-term frequency, and bag-of-words
  queries from test collections rely on it (CISI MAP 0.108 -> 0.171 with
  counts and a better idf; ``query.rank`` keeps the history).
- ``NOT`` subtracts from the group it stands in (``a b NOT c`` with OR as
  default means "a or b, but not c"), as in Lucene.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from whoosh import query as wq
from whoosh.matching import FilterMatcher, Matcher, NullMatcher

from indexer.analysis import WORD_PATTERN, fold, term_for
from indexer.schema import stored_date
from query.rank import DEFAULT_RANKING, Ranking

from query._claimgroup import NEGATED, claim_group_query, role_bonus_query
from query._claims import CLAIMS, claims_query
from query._expansion import Origin, mark_origin
from query._fieldsterm import FieldsTerm
from query._nodes import (
    BoolNode,
    ClaimGroupNode,
    DateNode,
    Fields,
    FuzzyNode,
    KeywordNode,
    Node,
    NotNode,
    PhraseNode,
    PrefixNode,
    TermNode,
    WildcardNode,
)
from query._wordprefix import WordPrefix


def _any(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.Or(queries)


def _per_field(fields: Fields, make: Callable[[str, float], wq.Query]) -> wq.Query:
    """``make(field, boost)`` over ``fields``; the virtual ``claims`` field
    becomes title and body limited to claim sentences."""
    return _any([claims_query(make, b) if f == CLAIMS else make(f, b) for f, b in fields])


def _terms(fields: Fields, term: str, count: int, ranking: Ranking) -> wq.Query:
    """A plain word, ``count`` times in its group: one BM25F ``FieldsTerm``
    over several text fields (weights ``ranking.field_weights``), else per field."""
    if len(fields) > 1 and all(f != CLAIMS for f, _b in fields):
        return FieldsTerm(tuple((f, ranking.weight(f, b)) for f, b in fields), term, boost=count)
    return _per_field(fields, lambda f, b: wq.Term(f, term, boost=b * count))


class ExactWord(wq.WrappingQuery):  # type: ignore[misc]
    """``=word``: documents the word's stem finds whose stored text holds
    the word itself (folded, unstemmed).

    The index keeps no unstemmed copy of the text (it doubled indexing
    time), so the stem query narrows the candidates and their stored
    fields are checked, one segment at a time.
    """

    def __init__(self, child: wq.Query, word: str, fields: tuple[str, ...]) -> None:
        super().__init__(child)
        self.word = word
        self.fields = fields

    def _rewrap(self, child: wq.Query) -> ExactWord:
        return ExactWord(child, self.word, self.fields)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ExactWord) and (other.child, other.word, other.fields) == (self.child, self.word, self.fields)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.child, self.word, self.fields))

    def __unicode__(self) -> str:
        return f"={self.word}"

    __str__ = __unicode__

    def _has_word(self, stored: dict[str, Any]) -> bool:
        for field in self.fields:
            for match in WORD_PATTERN.finditer(stored.get(field) or ""):
                if fold(match.group()) == self.word:
                    return True
        return False

    def matcher(self, searcher: Any, context: Any = None) -> Matcher:
        ids = frozenset(d for d in self.child.docs(searcher) if self._has_word(searcher.stored_fields(d)))
        if not ids:
            return NullMatcher()
        return FilterMatcher(self.child.matcher(searcher, context), ids)


def compile_node(node: Node, source: str = "", ranking: Ranking = DEFAULT_RANKING) -> wq.Query:
    """The Whoosh query for ``node``.

    :param source: the query text the tree was parsed from: prefix,
        wildcard and fuzzy words keep their place in it, for the errors of
        ``query._expansion``.
    :param ranking: gives the BM25F field weights of plain words.
    """
    if isinstance(node, TermNode) and node.exact:
        stem = term_for(node.term) or node.term
        return ExactWord(_terms(node.fields, stem, 1, ranking), node.term, tuple(f for f, _b in node.fields))
    if isinstance(node, TermNode):
        return _terms(node.fields, node.term, 1, ranking)
    if isinstance(node, PhraseNode):
        # Whoosh's slop counts positions from one word to the next (1 = adjacent).
        return _per_field(node.fields, lambda f, b: wq.Phrase(f, list(node.terms), slop=node.gap + 1, boost=b))
    if isinstance(node, PrefixNode):
        prefixes = _any([_per_field(node.fields, lambda f, b: wq.Prefix(f, p, boost=b)) for p in node.prefixes])
        return mark_origin(prefixes, _origin(source, node.pos))
    if isinstance(node, WildcardNode):
        wildcard = _per_field(node.fields, lambda f, b: wq.Wildcard(f, node.pattern, boost=b))
        return mark_origin(wildcard, _origin(source, node.pos))
    if isinstance(node, FuzzyNode):
        fuzzy = _per_field(
            node.fields, lambda f, b: wq.FuzzyTerm(f, node.term, boost=b, maxdist=node.maxdist, prefixlength=1)
        )
        return mark_origin(fuzzy, _origin(source, node.pos))
    if isinstance(node, KeywordNode) and node.prefix:
        # A prefix matches any word of a name (``assad*``: Bashar al-Assad).
        return mark_origin(WordPrefix(node.field, node.value), _origin(source, node.pos))
    if isinstance(node, KeywordNode) and node.field == NEGATED:  # pragma: no cover - the parser keeps it in groups
        raise ValueError("negated: outside claim:( ... )")
    if isinstance(node, KeywordNode):
        return wq.Term(node.field, node.value)
    if isinstance(node, ClaimGroupNode):
        return claim_group_query(node)
    if isinstance(node, DateNode):
        return date_query(node.start, node.end)
    if isinstance(node, NotNode):
        return wq.Not(compile_node(node.child, source, ranking))
    return _compile_bool(node, source, ranking)


def date_query(start: dt.datetime | None, end: dt.datetime | None) -> wq.Query:
    """Statements whose whole known period lies in ``[start, end]``.

    A statement known only to its month or year is stored at its period's first
    day, marked (``indexer.schema.PRECISION_MARKS``); one whose period begins
    inside the range but runs past its end is left out: ``date:2019-01`` does not
    find a statement dated ``2019``, ``date:2019`` does.
    """
    query = wq.DateRange("date", start, end)
    if end is None:
        return query
    last_moment = end.time() == dt.time.max
    ends_month = last_moment and end.day == calendar.monthrange(end.year, end.month)[1]
    outside = []
    for first, precision, ends_period in (
        (end.date().replace(day=1), "month", ends_month),
        (end.date().replace(month=1, day=1), "year", ends_month and end.month == 12),
    ):
        marker = stored_date(first, precision)
        if not ends_period and (start is None or marker >= start):
            outside.append(wq.DateRange("date", marker, marker))
    return wq.AndNot(query, wq.Or(outside)) if outside else query


def _origin(source: str, position: int) -> Origin:
    """The word of ``source`` at ``position`` (up to a space or parenthesis)."""
    word = _WORD_AT.match(source, position)
    return Origin(source, position, word.group() if word else source)


_WORD_AT = re.compile(r"[^\s()]+")


def _compile_bool(node: BoolNode, source: str, ranking: Ranking) -> wq.Query:
    counts: dict[tuple[Fields, str], int] = {}
    positives: list[wq.Query | tuple[Fields, str]] = []
    negatives: list[wq.Query] = []
    for child in node.children:
        if isinstance(child, NotNode):
            negatives.append(compile_node(child.child, source, ranking))
        elif isinstance(child, TermNode) and not child.exact:
            key = (child.fields, child.term)
            if key not in counts:
                positives.append(key)
            counts[key] = counts.get(key, 0) + 1
        else:
            positives.append(compile_node(child, source, ranking))
    compiled = [_terms(p[0], p[1], counts[p], ranking) if isinstance(p, tuple) else p for p in positives]
    if not compiled:
        return wq.Not(_any(negatives))
    group = compiled[0] if len(compiled) == 1 else (wq.And(compiled) if node.op == "and" else wq.Or(compiled))
    if node.op == "and":
        bonuses = _role_bonuses(node.children)
        if bonuses:
            group = wq.AndMaybe(group, _any(bonuses))
    return wq.AndNot(group, _any(negatives)) if negatives else group


def _role_bonuses(children: tuple[Node, ...]) -> list[wq.Query]:
    """For ``actor:X AND claim:T`` (``location:``, claim groups' types too):
    the optional queries that rank statements where X holds a role in a
    claim of type T (``query._claimgroup.role_bonus_query``)."""
    types: set[str] = set()
    names: list[tuple[str, tuple[str, ...]]] = []
    for child in children:
        if isinstance(child, KeywordNode) and child.field == "claim_types" and not child.prefix:
            types.add(child.value)
        elif isinstance(child, ClaimGroupNode):
            types.update(_group_types(child.child))
        else:
            name = _keyword_names(child)
            if name is not None:
                names.append(name)
    return [role_bonus_query(field, values, frozenset(types)) for field, values in names] if types else []


def _keyword_names(node: Node) -> tuple[str, tuple[str, ...]] | None:
    """``(field, values)`` of ``actor:X``/``location:X`` (with the parts of a state)."""
    nodes = node.children if isinstance(node, BoolNode) and node.op == "or" else (node,)
    keywords = [n for n in nodes if isinstance(n, KeywordNode) and not n.prefix]
    if len(keywords) != len(nodes) or keywords[0].field not in ("actors", "locations") \
            or any(n.field != keywords[0].field for n in keywords):
        return None
    return keywords[0].field, tuple(n.value for n in keywords)


def _group_types(node: Node) -> set[str]:
    """Claim types a ``claim:( ... )`` group asks for (outside NOT)."""
    if isinstance(node, KeywordNode):
        return {node.value} if node.field == "claim_types" and not node.prefix else set()
    if isinstance(node, BoolNode):
        return set().union(*(_group_types(c) for c in node.children))
    return set()
