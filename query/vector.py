"""Query evaluation over whole posting lists with numpy.

Whoosh evaluates a query one matching document at a time in Python, which
costs a few microseconds per match: a common word in a 200,000-statement
index takes a second. Sift needs every match anyway (exact totals, ties
broken by id, facets over all matches), so it evaluates the compiled Whoosh
query bottom-up on dense per-document arrays instead:

- a term reads its posting blocks (ids and weights) straight into arrays
  and scores them with the same BM25 formula as ``query.rank`` (the same
  float operations, in the same order); a plain word over several fields
  (``FieldsTerm``) adds up its fields' pseudo-frequencies, then scores the
  sum (``query.rank.WordScorer``, BM25F);
- ``Or`` adds scores, ``And`` keeps documents every part matched and adds
  their scores, ``AndNot`` removes documents, ``Not`` keeps the others
  (each scored 1, as Whoosh's ``InverseMatcher``), a date range compares
  the date column;
- a phrase decodes the positions of its words only in the documents that
  hold all of them and matches them as sorted ``document << 32 | position``
  keys (``query._poskeys``, ``Evaluator.phrase_matches``);
- a word or phrase in ``claims:`` is checked against the claim ranges the
  same way (``query._claimspans``);
- a prefix, wildcard or fuzzy word is the ``Or`` of the index terms it
  stands for, expanded once on the whole index, within the bounds of
  ``query._expansion``;
- a ``claim:( ... )`` group tests every claim of the index at once
  (``query._claimtable``), then keeps its candidates that have one;
- any other query (``=word``, ...) runs on
  Whoosh's own matchers, segment by segment, and its scores join the
  arrays the same way, so every query keeps Whoosh's meaning.

Scores equal Whoosh's up to the order of floating-point additions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.util.times import datetime_to_long

from indexer.storage.reader import NO_DATE as NO_DATE  # (query.search reads them from here)
from indexer.storage.reader import IndexArrays as VectorIndex
from indexer.storage.columns import column_reader
from indexer.schema import CLAIM_ROLES_COLUMN, SiftPositions, decode_claim_roles
from query._claimgroup import ClaimGroup
from query._claims import InClaims
from query._claimtable import ClaimTable
from query._claimspans import in_claims
from query._expansion import EXPANDING, Expander
from query._fieldsterm import FieldsTerm, word_score
from query._poskeys import candidate_keys, common_docs, follow_rows, sorted_docs
from query.rank import SiftBM25F, SiftScorer


@dataclass
class Matches:
    """Which documents match (``mask``) and their scores (0 elsewhere)."""

    mask: np.ndarray
    score: np.ndarray


#: Claim groups with at most this many candidate statements test them one
#: by one (10-50 us each) rather than build the table of every claim.
FEW_CANDIDATES = 5_000
#: The key of the claim table among a generation's derived tables.
CLAIM_TABLE = "claim_table"


@dataclass
class PhraseMatches:
    """A phrase's matches: their first and last position keys (sorted by
    the last), and its words' postings (term, ids, weights, blocks)."""

    terms: list[tuple[bytes, np.ndarray, np.ndarray, list[tuple[int, Any]]]]
    firsts: np.ndarray
    ends: np.ndarray


class Evaluator:
    """Evaluates compiled queries on one Whoosh searcher (see module docs)."""

    def __init__(self, searcher: Any, index: VectorIndex) -> None:
        self.searcher = searcher
        self.index = index
        self.size = index.size
        self.expander = Expander(searcher.reader())

    def run(self, q: wq.Query) -> Matches:
        result = self._eval(q)
        mask = result.mask & self.index.live()
        return Matches(mask, np.where(mask, result.score, 0.0))

    def empty(self) -> Matches:
        """No document."""
        return Matches(np.zeros(self.size, dtype=bool), np.zeros(self.size, dtype=np.float64))

    def _eval(self, q: wq.Query) -> Matches:
        if type(q) is wq.Term:
            return self._term(q)
        if type(q) is FieldsTerm:
            return self._fields_term(q)
        if type(q) is wq.Or:
            return self._or(q.subqueries)
        if type(q) is wq.And:
            return self._and(q.subqueries)
        if type(q) is wq.AndNot:
            positive, negative = self._eval(q.a), self._eval(q.b)
            mask = positive.mask & ~negative.mask
            return Matches(mask, np.where(mask, positive.score, 0.0))
        if type(q) is wq.AndMaybe:
            # Whoosh's AndMaybeMatcher: the required part's matches, plus the
            # optional part's score where it matches too.
            required, optional = self._eval(q.a), self._eval(q.b)
            return Matches(required.mask, required.score + np.where(required.mask & optional.mask, optional.score, 0.0))
        if type(q) is ClaimGroup and q.condition is not None:
            return self._claim_group(q)
        if type(q) is wq.Every:
            return Matches(np.ones(self.size, dtype=bool), np.full(self.size, float(q.boost)))
        if type(q) is wq.Not:
            # Whoosh's InverseMatcher: every other document, each scored 1.
            mask = ~self._eval(q.query).mask
            return Matches(mask, mask.astype(np.float64))
        if type(q) is wq.DateRange:
            return self._date_range(q)
        if type(q) is wq.Phrase and len(q.words) > 1:
            return self._phrase(q)
        if type(q) in EXPANDING:
            return self._or(self._expanded(q))
        if type(q) is InClaims and type(q.child) in EXPANDING:
            # As InClaims.matcher: each term checked in claim sentences on its own.
            return self._or([InClaims(t) for t in self._expanded(q.child, keep_boost=True)])
        if type(q) is InClaims:
            found = in_claims(self, q)
            if found is not None:
                return found
        return self._by_whoosh(q)

    def _expanded(self, q: wq.Query, keep_boost: bool = False) -> list[wq.Query]:
        """The terms of a prefix, wildcard or fuzzy word, boosted as
        Whoosh's ``MultiTerm.matcher`` boosts them: a word that stands for
        one term loses its boost there, and the scores are kept equal."""
        terms = self.expander.terms(q)
        boost = q.boost if keep_boost or len(terms) > 1 else 1.0
        return [wq.Term(q.fieldname, t, boost=boost) for t in terms]

    def _or(self, parts: list[wq.Query]) -> Matches:
        return self._combine(parts, every=False)

    def _and(self, parts: list[wq.Query]) -> Matches:
        return self._combine(parts, every=True)

    def _combine(self, parts: list[wq.Query], every: bool) -> Matches:
        """Documents any part (``every``: all parts) matched; scores added
        (Whoosh's union and intersection matchers sum their children)."""
        if not parts:
            return self.empty()
        results = [self._eval(p) for p in parts]
        mask = results[0].mask.copy()
        score = results[0].score.copy()
        for r in results[1:]:
            if every:
                mask &= r.mask
            else:
                mask |= r.mask
            score += r.score
        return Matches(mask, np.where(mask, score, 0.0) if every else score)

    def term_bytes(self, field: str, text: Any) -> bytes | None:
        """The indexed form of ``text`` in ``field``, ``None`` if it has none."""
        schema = self.searcher.schema
        if field not in schema:
            return None
        try:
            return bytes(schema[field].to_bytes(text))
        except ValueError:
            return None

    def posting_scores(self, field: str, btext: bytes, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Whoosh's score of each posting, as ``query.rank`` computes it."""
        scorer = self.searcher.weighting.scorer(self.searcher, field, btext)
        if isinstance(scorer, SiftScorer):
            lengths = self.index.lengths(field)[ids]
            return np.asarray(scorer.gain * weights * scorer._k1_plus_1 / (weights + scorer._norm0 + scorer._norm1 * lengths))
        return weights  # an unscored field: the posting weight

    def _term(self, q: wq.Term) -> Matches:
        result = self.empty()
        btext = self.term_bytes(q.fieldname, q.text)
        if btext is None:
            return result
        ids, weights, _ = self.index.postings(q.fieldname, btext)
        if not len(ids):
            return result
        scores = self.posting_scores(q.fieldname, btext, ids, weights)
        if q.boost != 1.0:
            scores = scores * q.boost
        result.mask[ids] = True
        result.score[ids] = scores
        return result

    def _fields_term(self, q: FieldsTerm) -> Matches:
        """A word in any of several fields, scored by BM25F as
        ``FieldsTerm.matcher`` scores it: each field's pseudo-frequency
        added in field order, then one saturation."""
        weighting = self.searcher.weighting
        if not isinstance(weighting, SiftBM25F) or not q.scorable(self.searcher.schema):
            return self._or(q.per_field())
        result = self.empty()
        postings = []
        for i, field, btext in q.btexts(self.searcher.schema):
            ids, weights, _ = self.index.postings(field, btext)
            if len(ids):
                postings.append((i, field, ids, weights))
                result.mask[ids] = True
        if not postings:
            return result
        # Deleted documents count, as in Whoosh's doc_frequency and
        # frequency (run removes them).
        occurrences = float(sum(weights.sum(dtype=np.float64) for _i, _f, _ids, weights in postings))
        scorer = weighting.word_scorer(self.searcher, q.fields, int(np.count_nonzero(result.mask)), occurrences)
        frequency = np.zeros(self.size, dtype=np.float64)
        for i, field, ids, weights in postings:
            frequency[ids] += scorer.frequency(i, weights, self.index.lengths(field)[ids])
        docs = np.flatnonzero(result.mask)
        result.score[docs] = word_score(scorer, frequency[docs], q.boost)
        return result

    def _phrase(self, q: wq.Phrase) -> Matches:
        """Documents with the words in order, each within ``slop`` positions
        of the previous one (Whoosh's ``SpanNear2``, ordered, mindist 1),
        scored as the sum of the words' scores."""
        found = self.phrase_matches(q)
        if found is None:
            return self._by_whoosh(q)
        return self.phrase_scores(q, found, sorted_docs(found.ends))

    def phrase_matches(self, q: wq.Phrase, within: np.ndarray | None = None) -> PhraseMatches | None:
        """Where the phrase ``q`` matches (in the documents ``within`` marks,
        or all), or ``None`` if its field keeps no Sift positions.

        Positions are decoded only for documents holding every word, and
        after each word only for those where the phrase so far still
        matches; a position is the key ``document << 32 | position``, so
        one word following another is a merge of two sorted arrays. Each
        match keeps the latest first key of the matches ending there: the
        one inside the most claim ranges (``query._claimspans``)."""
        field = q.fieldname
        schema = self.searcher.schema
        if field not in schema or not isinstance(schema[field].format, SiftPositions):
            return None
        none = PhraseMatches([], np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.uint64))
        terms = []
        postings: dict[bytes, tuple[np.ndarray, np.ndarray, list[tuple[int, Any]]]] = {}
        for word in q.words:
            btext = self.term_bytes(field, word)
            if btext is None:
                return none
            if btext not in postings:
                postings[btext] = self.index.postings(field, btext)
            ids, weights, blocks = postings[btext]
            if not len(ids):
                return none
            terms.append((btext, ids, weights, blocks))
        common = common_docs([ids for ids, _w, _b in postings.values()], self.size)
        candidates = np.zeros(self.size, dtype=bool)
        candidates[common] = True
        if within is not None:
            candidates &= within
        if not candidates.any():
            return none
        decoded: dict[bytes, np.ndarray] = {}  # a repeated word: decoded once
        ends: np.ndarray | None = None
        firsts = none.firsts
        for i, (btext, ids, _w, blocks) in enumerate(terms):
            keys = decoded.get(btext)
            if keys is None:
                keys = decoded[btext] = candidate_keys(ids, blocks, candidates)
            if ends is None:
                ends = firsts = keys
            else:
                ends, rows = follow_rows(ends, keys, q.slop)
                firsts = firsts[rows]
            if not len(ends):
                return none
            if 0 < i < len(terms) - 1 and len(decoded) < len(postings):
                # The next words: only where the phrase so far matches.
                candidates = np.zeros(self.size, dtype=bool)
                candidates[sorted_docs(ends)] = True
        assert ends is not None
        return PhraseMatches(terms, firsts, ends)

    def phrase_scores(self, q: wq.Phrase, found: PhraseMatches, docs: np.ndarray) -> Matches:
        """The documents ``docs`` (sorted) of the matches ``found``, scored
        as Whoosh scores the phrase: the sum of its words' scores, boosted."""
        result = self.empty()
        score = np.zeros(len(docs), dtype=np.float64)
        for btext, ids, weights, _blocks in found.terms:
            rows = np.searchsorted(ids, docs)
            score += self.posting_scores(q.fieldname, btext, docs, weights[rows])
        result.mask[docs] = True
        result.score[docs] = score * q.boost
        return result

    def _claim_group(self, q: ClaimGroup) -> Matches:
        """The candidates (``q.child``) with a claim satisfying the group,
        scored as the candidates (Whoosh's ``FilterMatcher``).

        Few candidates are tested one by one from the column; more, against
        a table of every claim of the index, built once per generation
        (``query._claimtable``): either way well under a second at 200,000
        statements, where testing 100,000 candidates one by one took 4 s."""
        if CLAIM_ROLES_COLUMN not in self.searcher.schema:
            return self.empty()  # an index made before claim roles
        candidates = self._eval(q.child)
        reader = self.searcher.reader()
        if not self.index.has_derived(CLAIM_TABLE):
            docs = np.flatnonzero(candidates.mask & self.index.live())
            if len(docs) <= FEW_CANDIDATES:
                column = column_reader(reader, CLAIM_ROLES_COLUMN)
                kept = [d for d in docs.tolist() if any(q.predicate(claim) for claim in decode_claim_roles(column[d]))]
                mask = np.zeros(self.size, dtype=bool)
                mask[kept] = True
                return Matches(mask, np.where(mask, candidates.score, 0.0))
        table = self.index.derived(CLAIM_TABLE, lambda: ClaimTable.build(reader, self.size))
        assert q.condition is not None
        mask = candidates.mask & table.statements(q.condition(table), self.size)
        return Matches(mask, np.where(mask, candidates.score, 0.0))

    def _date_range(self, q: wq.DateRange) -> Matches:
        dates = self.index.dates()
        mask = dates != NO_DATE
        start, end = q.startdate, q.enddate
        if isinstance(start, datetime):
            low = np.uint64(datetime_to_long(start))
            mask &= (dates > low) if q.startexcl else (dates >= low)
        if isinstance(end, datetime):
            high = np.uint64(datetime_to_long(end))
            mask &= (dates < high) if q.endexcl else (dates <= high)
        if not q.constantscore:
            return self._by_whoosh(q)
        constant = q.boost  # Whoosh's ConstantScoreQuery(range, boost)
        return Matches(mask, np.where(mask, constant, 0.0))

    def _by_whoosh(self, q: wq.Query) -> Matches:
        result = self.empty()
        context = self.searcher.context()
        for sub, offset in self.searcher.leaf_searchers():
            matcher = q.matcher(sub, context)
            ids: list[int] = []
            scores: list[float] = []
            while matcher.is_active():
                ids.append(matcher.id())
                scores.append(matcher.score())
                matcher.next()
            if ids:
                index = np.asarray(ids, dtype=np.int64) + offset
                result.mask[index] = True
                result.score[index] = scores
        return result
