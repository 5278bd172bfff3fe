"""The query plan run on Whoosh's own matchers: the reference the
evaluator's matches and scores are compared with.

``to_whoosh`` turns a ``query.plan`` into Whoosh query objects, the ones
Sift compiled to before it owned its plan (issue 19, item 3), with their
matchers: a plain word scored by BM25F one segment at a time, ``claims:``
checked span by span, claim groups and ``=word`` one document at a time.
``SiftBM25F`` scores them with ``query.rank``'s formulas over the
searcher's statistics (``query.statistics.IndexStatistics``). Search never
uses any of this; the tests do, to show that owning the plan changed no
match and no score.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from typing import Any

from whoosh import query as wq
from whoosh import scoring
from whoosh.matching import FilterMatcher, ListMatcher, Matcher, NullMatcher
from whoosh.query.spans import SpanWrappingMatcher

from indexer.analysis import WORD_PATTERN, fold
from indexer.storage.claimranges import SPANS_COLUMN
from indexer.storage.columns import column_reader
from indexer.schema import CLAIM_FIELDS, CLAIM_ROLES_COLUMN, decode_claim_roles, decode_claim_spans
from query import plan as p
from indexer.model import CLAIM_IN_LEAD, CLAIM_IN_TITLE, LEAD_BONUS, TITLE_BONUS
from query._claimgroup import role_frequency
from query._claimtable import NEGATED_TERM
from query._expansion import FUZZY_PREFIX
from query.rank import DEFAULT_RANKING, FieldScorer, Ranking
from query.statistics import IndexStatistics


class SiftBM25F(scoring.WeightingModel):  # type: ignore[misc]
    """A ``Ranking`` as a Whoosh weighting model (``Ranking.field_scorer``
    per field, ``Ranking.word_scorer`` in ``FieldsTerm``)."""

    def __init__(self, ranking: Ranking = DEFAULT_RANKING) -> None:
        self.ranking = ranking

    def supports_block_quality(self) -> bool:
        return True

    def statistics(self, searcher: Any) -> IndexStatistics:
        return IndexStatistics(searcher.get_parent().reader())

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: float = 1) -> scoring.BaseScorer:
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        return SiftScorer(searcher, fieldname, text, self.ranking.field_scorer(self.statistics(searcher), fieldname, text))


class SiftScorer(scoring.WeightLengthScorer):  # type: ignore[misc]
    def __init__(self, searcher: Any, fieldname: str, text: bytes, scorer: FieldScorer) -> None:
        self.scorer = scorer
        self.setup(searcher, fieldname, text)

    def _score(self, weight: float, length: float) -> float:
        return float(self.scorer.score(weight, length))


class FieldsTerm(wq.Query):  # type: ignore[misc]
    """``text`` in any of ``fields`` ((field, BM25F weight) pairs), times ``boost``."""

    def __init__(self, fields: tuple[tuple[str, float], ...], text: str, boost: float = 1.0) -> None:
        self.fields = tuple(fields)
        self.text = text
        self.boost = boost

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and (other.fields, other.text, other.boost) == (self.fields, self.text, self.boost)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.fields, self.text, self.boost))

    def is_leaf(self) -> bool:
        return True

    def has_terms(self) -> bool:
        return True

    def terms(self, phrases: bool = False) -> Iterator[tuple[str, str]]:
        for field, _weight in self.fields:
            yield field, self.text

    def estimate_size(self, ixreader: Any) -> int:
        return sum(wq.Term(f, self.text).estimate_size(ixreader) for f, _w in self.fields)

    def per_field(self) -> list[wq.Term]:
        """The word as one Whoosh term per field, weighted by the field's weight."""
        return [wq.Term(f, self.text, boost=w * self.boost) for f, w in self.fields]

    def matcher(self, searcher: Any, context: Any = None) -> Matcher:
        weighting = searcher.weighting if context is None else context.weighting
        schema = searcher.schema
        if not isinstance(weighting, SiftBM25F) or not all(f in schema and schema[f].scorable for f, _w in self.fields):
            return wq.Or(self.per_field()).matcher(searcher, context)
        reader = searcher.reader()
        every = [(i, f, bytes(schema[f].to_bytes(self.text))) for i, (f, _w) in enumerate(self.fields)]
        btexts = [(i, f, b) for i, f, b in every if (f, b) in reader]
        if not btexts:
            return NullMatcher()
        scorer = weighting.ranking.word_scorer(weighting.statistics(searcher), self.fields, [(f, b) for _i, f, b in every])
        frequency: dict[int, float] = {}
        for i, field, btext in btexts:
            postings = reader.postings(field, btext)  # deleted documents filtered out
            while postings.is_active():
                docnum = postings.id()
                part = scorer.frequency(i, postings.weight(), searcher.doc_field_length(docnum, field, 1))
                frequency[docnum] = frequency.get(docnum, 0.0) + part
                postings.next()
        ids = sorted(frequency)

        def score(d: int) -> float:
            value = float(scorer.score(frequency[d]))
            return value * self.boost if self.boost != 1.0 else value

        return ListMatcher(ids, weights=[score(d) for d in ids])


class ExactWord(wq.WrappingQuery):  # type: ignore[misc]
    """``=word``: the stem's documents whose stored text holds the word."""

    def __init__(self, child: wq.Query, word: str, fields: tuple[str, ...]) -> None:
        super().__init__(child)
        self.word = word
        self.fields = fields

    def _rewrap(self, child: wq.Query) -> ExactWord:
        return ExactWord(child, self.word, self.fields)

    def _has_word(self, stored: dict[str, Any]) -> bool:
        return any(fold(m.group()) == self.word for f in self.fields for m in WORD_PATTERN.finditer(stored.get(f) or ""))

    def matcher(self, searcher: Any, context: Any = None) -> Matcher:
        ids = frozenset(d for d in self.child.docs(searcher) if self._has_word(searcher.stored_fields(d)))
        if not ids:
            return NullMatcher()
        return FilterMatcher(self.child.matcher(searcher, context), ids)


class _InSpansMatcher(SpanWrappingMatcher):  # type: ignore[misc]
    """Keeps the child's documents, and spans, lying inside claim ranges."""

    def __init__(self, child: Matcher, column: Any, code: int) -> None:
        self._column = column
        self._code = code
        super().__init__(child)

    def copy(self) -> _InSpansMatcher:
        m = _InSpansMatcher(self.child.copy(), self._column, self._code)
        m._spans = self._spans
        return m

    def _replacement(self, newchild: Matcher) -> _InSpansMatcher:
        return _InSpansMatcher(newchild, self._column, self._code)

    def _get_spans(self) -> list[Any]:
        value = self._column[self.child.id()]
        if not value:
            return []
        ranges = [(a, b) for code, a, b in decode_claim_spans(value) if code == self._code]
        return [s for s in self.child.spans() if any(a <= s.start and s.end < b for a, b in ranges)]

    def supports_block_quality(self) -> bool:
        return False


class InClaims(wq.WrappingQuery):  # type: ignore[misc]
    """``child`` (a query on ``title`` or ``body``) limited to claim sentences."""

    def _rewrap(self, child: wq.Query) -> InClaims:
        return InClaims(child)

    def matcher(self, searcher: Any, context: Any = None) -> Matcher:
        child = self.child
        field = child.field()
        if SPANS_COLUMN not in searcher.schema or field not in CLAIM_FIELDS:
            return NullMatcher()
        if isinstance(child, wq.MultiTerm):
            terms = [wq.Term(field, t, boost=child.boost) for t in child._btexts(searcher.reader())]
            if not terms:
                return NullMatcher()
            return wq.Or([InClaims(t) for t in terms]).matcher(searcher, context)
        matcher = child.matcher(searcher, context)
        if not matcher.is_active():
            return matcher
        column = column_reader(searcher.reader(), SPANS_COLUMN)
        return _InSpansMatcher(matcher, column, CLAIM_FIELDS.index(field))


class ClaimGroup(wq.WrappingQuery):  # type: ignore[misc]
    """``child``'s documents with a claim satisfying ``predicate``, plus each
    role's score over those claims (``query._claimgroup.role_frequency``)."""

    def __init__(self, child: wq.Query, predicate: Any, roles: tuple[p.GroupRole, ...] = ()) -> None:
        super().__init__(child)
        self.predicate = predicate
        self.roles = roles

    def _rewrap(self, child: wq.Query) -> ClaimGroup:
        return ClaimGroup(child, self.predicate, self.roles)

    def matcher(self, searcher: Any, context: Any = None) -> Matcher:
        if CLAIM_ROLES_COLUMN not in searcher.schema:
            return NullMatcher()
        column = column_reader(searcher.reader(), CLAIM_ROLES_COLUMN)
        kept: dict[int, list[frozenset[str]]] = {}
        for d in self.child.docs(searcher):
            claims = [claim for claim in decode_claim_roles(column[d]) if self.predicate(claim)]
            if claims:
                kept[d] = claims
        if not kept:
            return NullMatcher()
        # No context: its block-quality skipping drops documents whose
        # candidates include a 0-scored part (a group's role, ExactConstant).
        child = FilterMatcher(self.child.matcher(searcher), frozenset(kept))
        if not self.roles:
            return child
        scores: dict[int, float] = {}
        while child.is_active():
            scores[child.id()] = child.score()
            child.next()
        for role in self.roles:
            btext = searcher.schema[role.field].to_bytes(role.text)
            if (role.field, btext) not in searcher.reader():
                continue  # not in this segment: its claims' names are elsewhere
            scorer = searcher.weighting.scorer(searcher, role.field, btext)
            for d in scores:
                frequency = role_frequency(kept[d], role.key)
                if frequency:
                    scores[d] += scorer._score(frequency, searcher.reader().doc_field_length(d, role.field, 0))
        ids = sorted(scores)
        return _SteppedListMatcher(array("I", ids), weights=array("d", [scores[d] for d in ids]))


class ClaimWords(wq.Query):  # type: ignore[misc]
    """``plan.ClaimWords`` one document at a time: the claims of its types that
    target one of its kinds, or hold one of its words in their sentence,
    counted as ``query._claimwords`` says and scored as the type's term."""

    def __init__(self, node: p.ClaimWords) -> None:
        self.node = node

    def _count(self, searcher: Any, d: int, claims: list[frozenset[str]], spans: list[tuple[int, int, int]]) -> float:
        node = self.node
        types = {f"type|{t}" for t in node.types}
        if node.targets:
            kept = [c for c in claims if types & c and NEGATED_TERM not in c
                    and any(f"against|{k}" in c for k in node.targets)]
            body = sum(CLAIM_IN_TITLE not in c for c in kept)
            return (body + TITLE_BONUS * any(CLAIM_IN_TITLE in c for c in kept)
                    + LEAD_BONUS * any(CLAIM_IN_LEAD in c for c in kept))
        aligned = len(spans) == len(claims)
        typed = [(r, c) for r, c in zip(spans, claims) if types & c] if aligned else [(r, frozenset()) for r in spans]
        total = 0.0
        for code, field in enumerate(CLAIM_FIELDS):
            ranges = [(r[1], r[2], CLAIM_IN_LEAD in c or not aligned) for r, c in typed if r[0] == code]
            held: set[int] = set()
            for words in node.words:
                q = wq.Term(field, words[0]) if len(words) == 1 else wq.Phrase(field, list(words))
                m = q.matcher(searcher)
                if m.is_active():
                    m.skip_to(d)
                if not m.is_active() or m.id() != d:
                    continue
                for span in m.spans():
                    held.update(i for i, (a, b, _lead) in enumerate(ranges) if a <= span.start and span.end < b)
            if field == "title":
                total += TITLE_BONUS * bool(held)
            else:
                total += len(held) + LEAD_BONUS * any(ranges[i][2] for i in held)
        return total

    def matcher(self, searcher: Any, context: Any = None) -> Matcher:
        reader = searcher.reader()
        if CLAIM_ROLES_COLUMN not in searcher.schema or not self.node.types:
            return NullMatcher()
        btext = searcher.schema["claim_types"].to_bytes(self.node.types[0])
        if ("claim_types", btext) not in reader:
            return NullMatcher()
        scorer = searcher.weighting.scorer(searcher, "claim_types", btext)
        roles = column_reader(reader, CLAIM_ROLES_COLUMN)
        spans = column_reader(reader, SPANS_COLUMN) if SPANS_COLUMN in searcher.schema else None
        scores: dict[int, float] = {}
        for d in range(reader.doc_count_all()):
            claims = decode_claim_roles(roles[d])
            if not claims:
                continue
            c = self._count(searcher, d, claims, decode_claim_spans(spans[d]) if spans is not None and spans[d] else [])
            if c:
                scores[d] = scorer._score(c, reader.doc_field_length(d, "claim_types", 0)) * self.node.boost
        if not scores:
            return NullMatcher()
        ids = sorted(scores)
        return _SteppedListMatcher(array("I", ids), weights=array("d", [scores[d] for d in ids]))


class _SteppedListMatcher(ListMatcher):  # type: ignore[misc]
    """A ``ListMatcher`` whose ``all_ids`` steps through it, so that a
    collector reading ``score()`` at each id gets that id's score."""

    all_ids = Matcher.all_ids


class WordPrefix(wq.Prefix):  # type: ignore[misc]
    """Terms of a keyword field with a word starting with ``text``."""

    def _btexts(self, ixreader: Any) -> Iterator[bytes]:
        starts = re.compile(r"(?<!\w)" + re.escape(self.text))
        for btext in ixreader.lexicon(self.fieldname):
            if starts.search(btext.decode("utf-8")):
                yield btext


def _expand(node: p.Expand) -> wq.Query:
    if node.kind == "prefix":
        return wq.Prefix(node.field, node.text, boost=node.boost)
    if node.kind == "word_prefix":
        return WordPrefix(node.field, node.text, boost=node.boost)
    if node.kind == "wildcard":
        return wq.Wildcard(node.field, node.text, boost=node.boost)
    return wq.FuzzyTerm(node.field, node.text, boost=node.boost, maxdist=node.maxdist, prefixlength=FUZZY_PREFIX)


def to_whoosh(plan: p.Plan) -> wq.Query:
    """``plan`` as Whoosh query objects (see the module docs)."""
    if isinstance(plan, p.Term):
        return wq.Term(plan.field, plan.text, boost=plan.boost)
    if isinstance(plan, p.Word):
        return FieldsTerm(plan.fields, plan.text, boost=plan.boost)
    if isinstance(plan, p.Phrase):
        return wq.Phrase(plan.field, list(plan.words), slop=plan.slop, boost=plan.boost)
    if isinstance(plan, p.Expand):
        return _expand(plan)
    if isinstance(plan, p.InClaims):
        return InClaims(to_whoosh(plan.child))
    if isinstance(plan, p.ClaimWords):
        return ClaimWords(plan)
    if isinstance(plan, p.Exact):
        return ExactWord(to_whoosh(plan.child), plan.word, plan.fields)
    if isinstance(plan, p.DateRange):
        return wq.DateRange("date", plan.start, plan.end, boost=plan.boost)
    if isinstance(plan, p.Or):
        return wq.Or([to_whoosh(q) for q in plan.parts])
    if isinstance(plan, p.And):
        return wq.And([to_whoosh(q) for q in plan.parts])
    if isinstance(plan, p.AndNot):
        return wq.AndNot(to_whoosh(plan.positive), to_whoosh(plan.negative))
    if isinstance(plan, p.AndMaybe):
        return wq.AndMaybe(to_whoosh(plan.required), to_whoosh(plan.optional))
    if isinstance(plan, p.Not):
        return wq.Not(to_whoosh(plan.child))
    if isinstance(plan, p.Every):
        return wq.Every(boost=plan.boost)
    if isinstance(plan, p.Constant):
        return ExactConstant(to_whoosh(plan.child), plan.score)
    return ClaimGroup(to_whoosh(plan.child), plan.predicate, plan.roles)


class ExactConstant(wq.ConstantScoreQuery):  # type: ignore[misc]
    """Whoosh's constant score, 0 included: its ``ListMatcher`` reads an
    ``all_weights`` of 0.0 as "none given" and scores 1, so the score is
    given per document instead."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        m = super().matcher(searcher, context)
        if not isinstance(m, ListMatcher):
            return m
        ids = array("I", m.all_ids())
        return ListMatcher(ids, weights=array("f", [self.score] * len(ids)), term=m.term())


def whoosh_scores(searcher: Any, plan: p.Plan, ranking: Ranking = DEFAULT_RANKING) -> dict[int, float]:
    """Whoosh's matches and scores of ``plan`` on the index of ``searcher``
    (a ``query.Searcher``), as document number -> score. Whoosh's own AndNot
    matcher keeps some excluded documents (one at the start of a segment),
    so that part is taken as a set difference."""
    with searcher._index.searcher(weighting=SiftBM25F(ranking)) as whoosh:
        return _scores(whoosh, to_whoosh(plan))


def _scores(whoosh: Any, q: wq.Query) -> dict[int, float]:
    if type(q) is wq.AndNot:
        excluded = _scores(whoosh, q.b)
        return {d: s for d, s in _scores(whoosh, q.a).items() if d not in excluded}
    return {d: s for s, d in whoosh.search(q, limit=None).top_n}
