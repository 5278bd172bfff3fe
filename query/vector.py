"""Query evaluation over whole posting lists with numpy.

Whoosh evaluates a query one matching document at a time in Python, which
costs a few microseconds per match: a common word in a 200,000-statement
index takes a second. Sift needs every match anyway (exact totals, ties
broken by id, facets over all matches), so :class:`Evaluator` evaluates
the query plan (``query.plan``) bottom-up on dense per-document arrays,
one method per node type (``Evaluator.evaluate``):

- a term reads its posting blocks (ids and weights) straight into arrays
  and scores them with ``Ranking.field_scorer`` (``query.rank``); a plain
  word over several fields (``plan.Word``) adds up its fields'
  pseudo-frequencies, then scores the sum (``Ranking.word_scorer``, BM25F).
  The collection's numbers (document count, frequencies, average lengths)
  come from the evaluator's ``query.statistics.Statistics``: this index's,
  or those of every shard;
- ``Or`` adds scores, ``And`` keeps documents every part matched and adds
  their scores, ``AndNot`` removes documents, ``Not`` keeps the others
  (each scored 1), a date range compares the date column;
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
- ``=word`` checks the stored text of its stem's matches.

Whoosh is only the storage here: its readers give the postings, lexicons,
columns and stored fields. Scores equal those Whoosh's own matchers give
the same plan with the same formulas, up to the order of floating-point
additions (tests/query/test_vector.py and tests/query/whoosh_reference.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh.util.times import datetime_to_long

from indexer.analysis import WORD_PATTERN, fold
from indexer.storage.reader import NO_DATE as NO_DATE  # (query.search reads them from here)
from indexer.storage.reader import IndexArrays as VectorIndex
from indexer.storage.reader import Postings
from indexer.storage.columns import column_reader
from indexer.schema import CLAIM_ROLES_COLUMN, SiftPositions, decode_claim_roles
from query import plan as p
from query._claimgroup import role_frequencies, role_frequency
from query._claimtable import CLAIM_TABLE, ClaimTable
from query._claimspans import phrase_in_claims, term_in_claims
from query._claimwords import claim_words
from query._expansion import Expander
from query._poskeys import candidate_keys, common_docs, follow_rows, sorted_docs
from query.rank import DEFAULT_RANKING, Ranking
from query.statistics import TERM_NUMBERS, IndexStatistics, Statistics


@dataclass
class Matches:
    """Which documents match (``mask``) and their scores (0 elsewhere)."""

    mask: np.ndarray
    score: np.ndarray


#: An AND reads a word only in the blocks holding its candidates when it
#: holds ``SPARSE`` times more documents than there are candidates: in
#: blocks of 512 postings (``codec.BLOCK_LIMIT``), then about 4 candidates
#: a block, 2 % of blocks left out at random; denser candidates leave out
#: none and cost ~1 ms of bookkeeping at 1M statements (``Evaluator._and``).
SPARSE = 128

#: Claim groups with at most this many candidate statements test them one
#: by one (10-50 us each) rather than build the table of every claim.
FEW_CANDIDATES = 5_000


@dataclass
class PhraseMatches:
    """A phrase's matches: their first and last position keys (sorted by
    the last), and its words' postings (term, ids, weights, blocks)."""

    terms: list[tuple[bytes, np.ndarray, np.ndarray, list[tuple[int, Any]]]]
    firsts: np.ndarray
    ends: np.ndarray


class Evaluator:
    """Evaluates query plans on one index (see module docs).

    :param searcher: the index's Whoosh searcher (its reader, schema and
        stored fields).
    :param index: the index's arrays (``indexer.storage.reader.IndexArrays``).
    :param ranking: the ranking settings and formulas.
    :param statistics: the collection's numbers for scoring; by default
        this index's (``query.statistics.IndexStatistics``).
    """

    def __init__(self, searcher: Any, index: VectorIndex, ranking: Ranking = DEFAULT_RANKING,
                 statistics: Statistics | None = None) -> None:
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self.index = index
        self.size = index.size
        self.ranking = ranking
        self.expander = Expander(self.reader)
        self._read: dict[tuple[str, bytes], Postings] = {}
        self.statistics: Statistics = statistics or IndexStatistics(
            self.reader, self.postings, index.derived(TERM_NUMBERS, dict))

    def run(self, plan: p.Plan) -> Matches:
        result = self.evaluate(plan)
        mask = result.mask & self.index.live()
        return Matches(mask, np.where(mask, result.score, 0.0))

    def evaluate(self, plan: p.Plan) -> Matches:
        """``plan``'s matches and scores, deleted documents included."""
        return _EVALUATE[type(plan)](self, plan)

    def empty(self) -> Matches:
        """No document."""
        return Matches(np.zeros(self.size, dtype=bool), np.zeros(self.size, dtype=np.float64))

    # -- postings and scores ----------------------------------------------------
    def postings(self, field: str, btext: bytes, within: np.ndarray | None = None) -> Postings:
        """A term's postings (``IndexArrays.postings``), read once per
        evaluation; with ``within`` (sorted documents) at least theirs, the
        blocks holding none of them not decoded (unless read whole already)."""
        key = (field, btext)
        found = self._read.get(key)
        if found is None:
            if within is not None:
                return self.index.postings(field, btext, within)
            found = self._read[key] = self.index.postings(field, btext)
        return found

    def term_bytes(self, field: str, text: str | bytes) -> bytes | None:
        """The indexed form of ``text`` in ``field``, ``None`` if it has none."""
        if field not in self.schema:
            return None
        try:
            return bytes(self.schema[field].to_bytes(text))
        except ValueError:
            return None

    def posting_scores(self, field: str, btext: bytes, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """The score of each posting (documents ``ids``, weights ``weights``)
        of a term in one field (``Ranking.field_scorer``)."""
        if not self.schema[field].scorable:
            return weights  # an unscored field: the posting weight
        scorer = self.ranking.field_scorer(self.statistics, field, btext)
        return np.asarray(scorer.score(weights, self.index.lengths(field)[ids]))

    def term_matches(self, field: str, btext: bytes, boost: float, within: np.ndarray | None = None) -> Matches:
        """The documents holding one term, scored, times ``boost``; with
        ``within`` (sorted), at least those of ``within`` (see ``_and``)."""
        result = self.empty()
        if within is not None and self.schema[field].scorable and (field, btext) in self.reader:
            # The numbers first, as the whole list would ask: a list read
            # whole for them is then not read again in part.
            self.ranking.field_scorer(self.statistics, field, btext)
        ids, weights, _ = self.postings(field, btext, within)
        if not len(ids):
            return result
        scores = self.posting_scores(field, btext, ids, weights)
        if boost != 1.0:
            scores = scores * boost
        result.mask[ids] = True
        result.score[ids] = scores
        return result

    # -- one method per plan node -----------------------------------------------
    def _term(self, node: p.Term, within: np.ndarray | None = None) -> Matches:
        btext = self.term_bytes(node.field, node.text)
        return self.empty() if btext is None else self.term_matches(node.field, btext, node.boost, within)

    def expanded(self, node: p.Expand, keep_boost: bool = False) -> list[tuple[bytes, float]]:
        """The terms of a prefix, wildcard or fuzzy word and their boost:
        a word that stands for one term loses its boost (as Whoosh's
        ``MultiTerm.matcher`` scores it), except in ``claims:``."""
        terms = self.expander.terms(node)
        boost = node.boost if keep_boost or len(terms) > 1 else 1.0
        return [(t, boost) for t in terms]

    def _expansion(self, node: p.Expand) -> Matches:
        return self._add([self.term_matches(node.field, t, b) for t, b in self.expanded(node)], every=False)

    def _word(self, node: p.Word, within: np.ndarray | None = None) -> Matches:
        """A word in any of several fields, scored by BM25F: each field's
        pseudo-frequency added in field order, then one saturation. With
        ``within`` (sorted), at least the matches among those documents."""
        if not all(f in self.schema and self.schema[f].scorable for f, _w in node.fields):
            return self._add([self._term(p.Term(f, node.text, boost=w * node.boost), within)
                              for f, w in node.fields], every=False)
        result = self.empty()
        present = []
        found = [(i, f, b) for i, (f, _w) in enumerate(node.fields) if (b := self.term_bytes(f, node.text)) is not None]
        terms = [(field, btext) for _i, field, btext in found]
        scorer = None
        if within is not None and any(term in self.reader for term in terms):
            scorer = self.ranking.word_scorer(self.statistics, node.fields, terms)  # as in term_matches
        for i, field, btext in found:
            ids, weights, _ = self.postings(field, btext, within)
            if len(ids):
                present.append((i, field, ids, weights))
                result.mask[ids] = True
        if not present:
            return result
        scorer = scorer or self.ranking.word_scorer(self.statistics, node.fields, terms)
        frequency = np.zeros(self.size, dtype=np.float64)
        for i, field, ids, weights in present:
            frequency[ids] += scorer.frequency(i, weights, self.index.lengths(field)[ids])
        docs = np.flatnonzero(result.mask)
        score = scorer.score(frequency[docs])
        result.score[docs] = score * node.boost if node.boost != 1.0 else score
        return result

    def _or(self, node: p.Or | tuple[p.Plan, ...]) -> Matches:
        parts = node.parts if isinstance(node, p.Or) else node
        return self._add([self.evaluate(q) for q in parts], every=False)

    def _and(self, node: p.And) -> Matches:
        """Documents every part matches, scores added in the parts' order.

        A word or term part is read only where the parts evaluated before it
        match (``within``): the other parts first, then the words, rarest
        first; a frequent word's blocks holding none of those documents stay
        compressed. Its matches elsewhere may be missing, but the AND drops
        them anyway, and the postings it keeps score as when read whole."""
        parts = node.parts
        results: list[Matches] = [self.empty()] * len(parts)
        words = [i for i, q in enumerate(parts) if isinstance(q, (p.Term, p.Word))]
        candidates: np.ndarray | None = None
        for i, q in enumerate(parts):
            if i not in words:
                results[i] = self.evaluate(q)
                candidates = results[i].mask if candidates is None else candidates & results[i].mask
        guesses = {i: self._documents_guess(parts[i]) for i in words}
        for i in sorted(words, key=guesses.__getitem__):
            within = None
            if candidates is not None and np.count_nonzero(candidates) * SPARSE < guesses[i]:
                within = np.flatnonzero(candidates)
            results[i] = _WORDS[type(parts[i])](self, parts[i], within)
            candidates = results[i].mask if candidates is None else candidates & results[i].mask
        return self._add(results, every=True)

    def _documents_guess(self, node: p.Term | p.Word) -> int:
        """About how many documents hold a word or term (this index's own
        count, deleted ones included): the order ``_and`` reads them in."""
        fields = [(node.field, 1.0)] if isinstance(node, p.Term) else node.fields
        total = 0
        for field, _weight in fields:
            btext = self.term_bytes(field, node.text)
            if btext is not None and (field, btext) in self.reader:
                total += int(self.reader.doc_frequency(field, btext))
        return total

    def _add(self, results: list[Matches], every: bool) -> Matches:
        """Documents any result (``every``: all results) has; scores added."""
        if not results:
            return self.empty()
        mask = results[0].mask.copy()
        score = results[0].score.copy()
        for r in results[1:]:
            if every:
                mask &= r.mask
            else:
                mask |= r.mask
            score += r.score
        return Matches(mask, np.where(mask, score, 0.0) if every else score)

    def _and_not(self, node: p.AndNot) -> Matches:
        positive, negative = self.evaluate(node.positive), self.evaluate(node.negative)
        mask = positive.mask & ~negative.mask
        return Matches(mask, np.where(mask, positive.score, 0.0))

    def _and_maybe(self, node: p.AndMaybe) -> Matches:
        """The required part's matches, plus the optional part's score where it matches too."""
        required, optional = self.evaluate(node.required), self.evaluate(node.optional)
        return Matches(required.mask, required.score + np.where(required.mask & optional.mask, optional.score, 0.0))

    def _not(self, node: p.Not) -> Matches:
        mask = ~self.evaluate(node.child).mask
        return Matches(mask, mask.astype(np.float64))

    def _every(self, node: p.Every) -> Matches:
        return Matches(np.ones(self.size, dtype=bool), np.full(self.size, float(node.boost)))

    def _constant(self, node: p.Constant) -> Matches:
        mask = self.evaluate(node.child).mask
        return Matches(mask, np.where(mask, node.score, 0.0))

    def _date_range(self, node: p.DateRange) -> Matches:
        dates = self.index.dates()
        mask = dates != NO_DATE
        if node.start is not None:
            mask &= dates >= np.uint64(datetime_to_long(node.start))
        if node.end is not None:
            mask &= dates <= np.uint64(datetime_to_long(node.end))
        return Matches(mask, np.where(mask, node.boost, 0.0))

    def _exact(self, node: p.Exact) -> Matches:
        """The stem's matches whose stored text holds the word itself, with
        the stem's scores (the index keeps no unstemmed copy of the text)."""
        found = self.evaluate(node.child)
        for d in np.flatnonzero(found.mask & self.index.live()).tolist():
            if not self._has_word(self.reader.stored_fields(d), node):
                found.mask[d] = False
        return Matches(found.mask, np.where(found.mask, found.score, 0.0))

    @staticmethod
    def _has_word(stored: dict[str, Any], node: p.Exact) -> bool:
        return any(fold(match.group()) == node.word
                   for field in node.fields for match in WORD_PATTERN.finditer(stored.get(field) or ""))

    def _in_claims(self, node: p.InClaims) -> Matches:
        child = node.child
        if isinstance(child, p.Expand):
            # Each term checked in claim sentences on its own.
            return self._add([term_in_claims(self, child.field, t, b, node.types)
                              for t, b in self.expanded(child, keep_boost=True)], every=False)
        if isinstance(child, p.Term):
            btext = self.term_bytes(child.field, child.text)
            return self.empty() if btext is None else term_in_claims(self, child.field, btext, child.boost, node.types)
        if isinstance(child, p.Phrase):
            return phrase_in_claims(self, child, node.types)
        raise TypeError(f"claims: of {child}")  # the compiler makes no other

    def _phrase(self, node: p.Phrase) -> Matches:
        """Documents with the words in order, each within ``slop`` positions
        of the previous one, scored as the sum of the words' scores."""
        found = self.phrase_matches(node)
        return self.phrase_scores(node, found, sorted_docs(found.ends))

    def phrase_matches(self, q: p.Phrase, within: np.ndarray | None = None) -> PhraseMatches:
        """Where the phrase ``q`` matches (in the documents ``within`` marks,
        or all); nowhere in a field without positions (in Sift's format).

        Positions are decoded only for documents holding every word, and
        after each word only for those where the phrase so far still
        matches; a position is the key ``document << 32 | position``, so
        one word following another is a merge of two sorted arrays. Each
        match keeps the latest first key of the matches ending there: the
        one inside the most claim ranges (``query._claimspans``)."""
        field = q.field
        none = PhraseMatches([], np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.uint64))
        if field not in self.schema or not isinstance(self.schema[field].format, SiftPositions):
            return none
        terms = []
        postings: dict[bytes, tuple[np.ndarray, np.ndarray, list[tuple[int, Any]]]] = {}
        for word in q.words:
            btext = self.term_bytes(field, word)
            if btext is None:
                return none
            if btext not in postings:
                postings[btext] = self.postings(field, btext)
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

    def phrase_scores(self, q: p.Phrase, found: PhraseMatches, docs: np.ndarray) -> Matches:
        """The documents ``docs`` (sorted) of the matches ``found``, scored
        as the sum of the phrase's words' scores, boosted."""
        result = self.empty()
        score = np.zeros(len(docs), dtype=np.float64)
        for btext, ids, weights, _blocks in found.terms:
            rows = np.searchsorted(ids, docs)
            score += self.posting_scores(q.field, btext, docs, weights[rows])
        result.mask[docs] = True
        result.score[docs] = score * q.boost
        return result

    def _claim_group(self, q: p.ClaimGroup) -> Matches:
        """The candidates (``q.child``) with a claim satisfying the group,
        scored as the candidates plus each of the group's roles
        (``plan.GroupRole``) counted over those claims.

        Few candidates are tested one by one from the column; more, against
        a table of every claim of the index, built once per generation
        (``query._claimtable``): either way well under a second at 200,000
        statements, where testing 100,000 candidates one by one took 4 s."""
        if CLAIM_ROLES_COLUMN not in self.schema:
            return self.empty()  # an index made before claim roles
        candidates = self.evaluate(q.child)
        reader = self.reader
        counts = np.zeros((len(q.roles), self.size), dtype=np.float64)
        if not self.index.has_derived(CLAIM_TABLE):
            docs = np.flatnonzero(candidates.mask & self.index.live())
            if len(docs) <= FEW_CANDIDATES:
                column = column_reader(reader, CLAIM_ROLES_COLUMN)
                mask = np.zeros(self.size, dtype=bool)
                for d in docs.tolist():
                    claims = [claim for claim in decode_claim_roles(column[d]) if q.predicate(claim)]
                    mask[d] = bool(claims)
                    for i, role in enumerate(q.roles):
                        counts[i, d] = role_frequency(claims, role.key)
                return self._group_scores(q, candidates, mask, counts)
        table = self.index.derived(CLAIM_TABLE, lambda: ClaimTable.build(reader, self.size))
        claims = q.condition(table)
        for i, role in enumerate(q.roles):
            counts[i] = role_frequencies(table, claims, role.key, self.size)
        return self._group_scores(q, candidates, candidates.mask & table.statements(claims, self.size), counts)

    def _group_scores(self, q: p.ClaimGroup, candidates: Matches, mask: np.ndarray, counts: np.ndarray) -> Matches:
        """The candidates' scores in ``mask`` plus each role's, its pseudo-frequency
        the row of ``counts`` (``query._claimgroup.role_frequency``)."""
        score = np.where(mask, candidates.score, 0.0)
        for role, row in zip(q.roles, counts):
            btext = self.term_bytes(role.field, role.text)
            docs = np.flatnonzero(mask & (row > 0))
            if btext is not None and len(docs):
                score[docs] += self.posting_scores(role.field, btext, docs, row[docs])
        return Matches(mask, score)


#: The evaluator's method for a word or term read only ``within`` some documents (``Evaluator._and``).
_WORDS: dict[type, Callable[[Evaluator, Any, np.ndarray | None], Matches]] = {
    p.Term: Evaluator._term,
    p.Word: Evaluator._word,
}

#: The evaluator's method for each plan node type.
_EVALUATE: dict[type, Callable[[Evaluator, Any], Matches]] = {
    p.Term: Evaluator._term,
    p.Word: Evaluator._word,
    p.Phrase: Evaluator._phrase,
    p.Expand: Evaluator._expansion,
    p.InClaims: Evaluator._in_claims,
    p.ClaimWords: claim_words,
    p.Exact: Evaluator._exact,
    p.DateRange: Evaluator._date_range,
    p.Or: Evaluator._or,
    p.And: Evaluator._and,
    p.AndNot: Evaluator._and_not,
    p.AndMaybe: Evaluator._and_maybe,
    p.Not: Evaluator._not,
    p.Every: Evaluator._every,
    p.Constant: Evaluator._constant,
    p.ClaimGroup: Evaluator._claim_group,
}
