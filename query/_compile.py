"""Turning the parsed tree (``query._nodes``) into Sift's query plan (``query.plan``).

Two decisions live here:

- An unqualified word searches every field of ``Ranking.field_boosts``, as
  one ``plan.Word`` scored by BM25F over them (``Ranking.word_scorer``,
  field weights ``Ranking.field_weights``); phrases, prefixes, wildcards and fuzzy
  words are an ``Or`` of per-field nodes weighted by the field's boost.
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
from dataclasses import replace

from indexer.analysis import term_for
from indexer.schema import stored_date
from query import plan as p
from query.rank import DEFAULT_RANKING, Ranking

from query._claimgroup import NEGATED, claim_group_plan, role_bonus_plan
from query._claims import CLAIMS, claims_plan
from query._claimwords import kind_of_word
from query._expansion import Origin
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


def _per_field(fields: Fields, make: Callable[[str, float], p.Plan]) -> p.Plan:
    """``make(field, boost)`` over ``fields``; the virtual ``claims`` field
    becomes title and body limited to claim sentences."""
    return p.any_of([claims_plan(make, b) if f == CLAIMS else make(f, b) for f, b in fields])


def _terms(fields: Fields, term: str, count: int, ranking: Ranking) -> p.Plan:
    """A plain word, ``count`` times in its group: one BM25F ``Word``
    over several text fields (weights ``ranking.field_weights``), else per field."""
    if len(fields) > 1 and all(f != CLAIMS for f, _b in fields):
        return p.Word(tuple((f, ranking.weight(f, b)) for f, b in fields), term, boost=count)
    return _per_field(fields, lambda f, b: p.Term(f, term, boost=b * count))


def compile_node(node: Node, source: str = "", ranking: Ranking = DEFAULT_RANKING) -> p.Plan:
    """The plan of ``node``.

    :param source: the query text the tree was parsed from: prefix,
        wildcard and fuzzy words keep their place in it, for the errors of
        ``query._expansion``.
    :param ranking: gives the BM25F field weights of plain words.
    """
    if isinstance(node, TermNode) and node.exact:
        # The index keeps no unstemmed copy of the text (it doubled indexing
        # time): the stem finds candidates, their stored text is checked.
        stem = term_for(node.term) or node.term
        return p.Exact(_terms(node.fields, stem, 1, ranking), node.term, tuple(f for f, _b in node.fields))
    if isinstance(node, TermNode):
        return _terms(node.fields, node.term, 1, ranking)
    if isinstance(node, PhraseNode):
        # The slop counts positions from one word to the next (1 = adjacent).
        return _per_field(node.fields, lambda f, b: p.Phrase(f, node.terms, node.gap + 1, boost=b))
    if isinstance(node, PrefixNode):
        origin = _origin(source, node.pos)
        return p.any_of([_per_field(node.fields, lambda f, b: p.Expand("prefix", f, x, b, origin=origin))
                         for x in node.prefixes])
    if isinstance(node, WildcardNode):
        origin = _origin(source, node.pos)
        return _per_field(node.fields, lambda f, b: p.Expand("wildcard", f, node.pattern, b, origin=origin))
    if isinstance(node, FuzzyNode):
        origin = _origin(source, node.pos)
        return _per_field(node.fields, lambda f, b: p.Expand("fuzzy", f, node.term, b, node.maxdist, origin))
    if isinstance(node, KeywordNode) and node.prefix:
        # A prefix matches any word of a name (``assad*``: Bashar al-Assad).
        return p.Expand("word_prefix", node.field, node.value, origin=_origin(source, node.pos))
    if isinstance(node, KeywordNode) and node.field == NEGATED:  # pragma: no cover - the parser keeps it in groups
        raise ValueError("negated: outside claim:( ... )")
    if isinstance(node, KeywordNode):
        return p.Term(node.field, node.value)
    if isinstance(node, ClaimGroupNode):
        return claim_group_plan(node)
    if isinstance(node, DateNode):
        return date_plan(node.start, node.end)
    if isinstance(node, NotNode):
        return p.Not(compile_node(node.child, source, ranking))
    return _compile_bool(node, source, ranking)


def date_plan(start: dt.datetime | None, end: dt.datetime | None) -> p.Plan:
    """Statements whose whole known period lies in ``[start, end]``.

    A statement known only to its month or year is stored at its period's first
    day, marked (``indexer.schema.PRECISION_MARKS``); one whose period begins
    inside the range but runs past its end is left out: ``date:2019-01`` does not
    find a statement dated ``2019``, ``date:2019`` does.
    """
    query = p.DateRange(start, end)
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
            outside.append(p.DateRange(marker, marker))
    return p.AndNot(query, p.Or(tuple(outside))) if outside else query


def _origin(source: str, position: int) -> Origin:
    """The word of ``source`` at ``position`` (up to a space or parenthesis)."""
    word = _WORD_AT.match(source, position)
    return Origin(source, position, word.group() if word else source)


_WORD_AT = re.compile(r"[^\s()]+")


def _compile_bool(node: BoolNode, source: str, ranking: Ranking) -> p.Plan:
    counts: dict[tuple[Fields, str], int] = {}
    positives: list[p.Plan | tuple[Fields, str]] = []
    negatives: list[p.Plan] = []
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
    compiled = [_terms(q[0], q[1], counts[q], ranking) if isinstance(q, tuple) else q for q in positives]
    if not compiled:
        return p.Not(p.any_of(negatives))
    group = compiled[0] if len(compiled) == 1 else (p.And(tuple(compiled)) if node.op == "and" else p.Or(tuple(compiled)))
    if node.op == "and":
        bonuses = _role_bonuses(node.children)
        if bonuses:
            group = p.AndMaybe(group, p.any_of(bonuses))
    return p.AndNot(group, p.any_of(negatives)) if negatives else group


def _role_bonuses(children: tuple[Node, ...]) -> list[p.Plan]:
    """For ``actor:X AND claim:T`` (``location:``, claim groups' types too):
    the optional plans that rank statements where X holds a role in a
    claim of type T (``query._claimgroup.role_bonus_plan``)."""
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
    if not types:
        return _agent_word_bonuses(children)
    return [role_bonus_plan(field, values, frozenset(types)) for field, values in names] \
        + _claim_word_bonuses(children, tuple(sorted(types)))


#: How much a word beside a claim type counts, as a share of the type's own term, where
#: claims of the type pair with it (see _claim_word_bonuses). 1 (as before the count):
#: chosen in 12 of the 14 leave-one-need-out folds (``python -m benchmarks.needs --loo
#: claim_word_bonus``: LOO 0.868, in sample 0.886 for 1 and 2; the fold without N07 takes 0).
#: Stop 34, with ``by:X`` words counted too: 1 in 13 folds (the one without N13 takes 2), LOO 0.894.
CLAIM_WORD_BONUS = 1.0


def _claim_word_bonuses(children: tuple[Node, ...], types: tuple[str, ...]) -> list[p.Plan]:
    """For ``claim:bombardment AND (hospital OR clinic)``: each plain word or
    phrase, or ``OR`` of them, scored once more (``query._claimwords``, times
    ``CLAIM_WORD_BONUS``) by the claims of one of ``types`` that pair with
    it: that target the kinds the words name (``against:hospitals``), or else
    hold one of them in their sentence; so a hospital that is struck outranks
    one that treats the wounded, or whose staff were detained, in a statement
    about strikes (issue 21 item 5)."""
    out: list[p.Plan] = []
    for child in children:
        words = child.children if isinstance(child, BoolNode) and child.op == "or" else (child,)
        if all((isinstance(w, TermNode) and not w.exact) or (isinstance(w, PhraseNode) and w.gap == 0)
               for w in words):
            stems = tuple((w.term,) if isinstance(w, TermNode) else tuple(w.terms)  # type: ignore[union-attr]
                          for w in words)
            kinds = [kind_of_word(s[0]) if len(s) == 1 else None for s in stems]
            targets = tuple(dict.fromkeys(k for k in kinds if k)) if all(kinds) else ()
            out.append(p.ClaimWords(stems, types, targets, CLAIM_WORD_BONUS))
    return out


def _agent_word_bonuses(children: tuple[Node, ...]) -> list[p.Plan]:
    """For ``by:"Islamic State" AND (suicide OR blast)``: the words scored once
    more by the acts attributed to the agent that pair with them, as beside
    a claim type (:func:`_claim_word_bonuses`): a blast the group carried out
    outranks one reported beside its other acts."""
    agents = [c.value for c in children if isinstance(c, KeywordNode) and c.field == "claim_by" and not c.prefix]
    if len(agents) != 1:
        return []
    bonuses = _claim_word_bonuses(children, ())
    return [replace(b, agent=agents[0]) for b in bonuses if isinstance(b, p.ClaimWords)]


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
