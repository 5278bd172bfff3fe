"""Turning the parsed tree (``query._nodes``) into a Whoosh query.

Two decisions live here:

- An unqualified word searches every field of ``FIELD_BOOSTS`` (an ``Or``
  of per-field terms weighted by the field's boost).
- A word repeated inside one group is searched once with its count as a
  boost: BM25F otherwise ignores query-term frequency, and bag-of-words
  queries from test collections rely on it (NOTES.md: CISI MAP 0.108 ->
  0.171 with counts and a better idf).
- ``NOT`` subtracts from the group it stands in (``a b NOT c`` with OR as
  default means "a or b, but not c"), as in Lucene.
"""

from __future__ import annotations

from whoosh import query as wq

from query._nodes import (
    BoolNode,
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


def _any(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.Or(queries)


def _terms(fields: Fields, term: str, count: int) -> wq.Query:
    return _any([wq.Term(f, term, boost=boost * count) for f, boost in fields])


def compile_node(node: Node) -> wq.Query:
    """The Whoosh query for ``node``."""
    if isinstance(node, TermNode):
        return _terms(node.fields, node.term, 1)
    if isinstance(node, PhraseNode):
        # Whoosh's slop counts positions from one word to the next (1 = adjacent).
        return _any([wq.Phrase(f, list(node.terms), slop=node.gap + 1, boost=b) for f, b in node.fields])
    if isinstance(node, PrefixNode):
        return _any([wq.Prefix(f, p, boost=b) for f, b in node.fields for p in node.prefixes])
    if isinstance(node, WildcardNode):
        return _any([wq.Wildcard(f, node.pattern, boost=b) for f, b in node.fields])
    if isinstance(node, FuzzyNode):
        return _any(
            [wq.FuzzyTerm(f, node.term, boost=b, maxdist=node.maxdist, prefixlength=1) for f, b in node.fields]
        )
    if isinstance(node, KeywordNode):
        return wq.Prefix(node.field, node.value) if node.prefix else wq.Term(node.field, node.value)
    if isinstance(node, DateNode):
        return wq.DateRange("date", node.start, node.end)
    if isinstance(node, NotNode):
        return wq.Not(compile_node(node.child))
    return _compile_bool(node)


def _compile_bool(node: BoolNode) -> wq.Query:
    counts: dict[tuple[Fields, str], int] = {}
    positives: list[wq.Query | tuple[Fields, str]] = []
    negatives: list[wq.Query] = []
    for child in node.children:
        if isinstance(child, NotNode):
            negatives.append(compile_node(child.child))
        elif isinstance(child, TermNode):
            key = (child.fields, child.term)
            if key not in counts:
                positives.append(key)
            counts[key] = counts.get(key, 0) + 1
        else:
            positives.append(compile_node(child))
    compiled = [_terms(p[0], p[1], counts[p]) if isinstance(p, tuple) else p for p in positives]
    if not compiled:
        return wq.Not(_any(negatives))
    group = compiled[0] if len(compiled) == 1 else (wq.And(compiled) if node.op == "and" else wq.Or(compiled))
    return wq.AndNot(group, _any(negatives)) if negatives else group
