"""A word beside a claim type, counted over the claims it is part of (issue 21 item 5).

``claim:bombardment AND (hospital OR clinic)`` asks for strikes that hit a
hospital. The words' own scores say how often they occur; this part says how
central their pairing with the type is, counted over claims as a group's role
is (``query._claimgroup.role_frequency``):

    c = body claims of the type that pair with the words
        + TITLE_BONUS x [a title claim does] + LEAD_BONUS x [a lead claim does]

scored as the type's ``claim_types`` term (gain ``keyword_gain``, times
``CLAIM_WORD_BONUS`` of ``query._compile``): a rare word (``clinic``) and a
common one (``hospital``) count alike. A claim pairs with the words when

- every word names a kind of target (``indexer.model.TARGET_KINDS``: hospitals,
  journalists, activists...): the claim (not denied) has one of those kinds
  as ``against``. A hospital the wounded were taken to, journalists who were
  told something, are in the sentence but not targeted, and do not count;
- otherwise: one of the words (or phrases) lies in the claim's sentence.

An ``OR`` of words counts a claim once, whichever of them it holds. Beside
``by:X`` and no claim type (``by:"Islamic State" AND (suicide OR blast)``), the
claims counted are those of any type whose act is X's, scored as X's
``claim_by`` term (``ClaimWords.agent``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from indexer.analysis import term_for
from indexer.model import CLAIM_IN_LEAD, LEAD_BONUS, TARGET_KINDS, TITLE_BONUS
from indexer.schema import CLAIM_FIELDS, CLAIM_ROLES_COLUMN, SiftPositions
from query import plan as p
from query._claimspans import field_ranges
from query._claimtable import CLAIM_TABLE, NEGATED_TERM, ClaimTable
from query._poskeys import SHIFT, candidate_keys

if TYPE_CHECKING:
    from indexer.storage.claimranges import ClaimRanges
    from query.vector import Evaluator, Matches


@lru_cache(maxsize=1)
def _kind_of_stem() -> dict[str, str]:
    out: dict[str, str] = {}
    for value, forms in TARGET_KINDS.items():
        for form in forms:
            stem = term_for(form) if " " not in form else None
            if stem:
                out.setdefault(stem, value)
    return out


def kind_of_word(stem: str) -> str | None:
    """The kind of target (its ``against`` value) a one-word query term names,
    given as the index's stem of it; ``None`` for any other word.

    >>> kind_of_word(term_for("Hospital")), kind_of_word(term_for("journalists")), kind_of_word("siege")
    ('hospitals', 'journalists', None)
    """
    return _kind_of_stem().get(stem)


def _held_starts(evaluator: Evaluator, field: str, words: tuple[tuple[str, ...], ...],
                 ranges: ClaimRanges) -> np.ndarray:
    """The start key of the range that each match of one of ``words`` (a
    word's stem, or a phrase's stems) in ``field`` lies in, each once."""
    found: list[np.ndarray] = []
    for terms in words:
        if len(terms) == 1:
            btext = evaluator.term_bytes(field, terms[0])
            if btext is None or not isinstance(evaluator.schema[field].format, SiftPositions):
                continue
            ids, _weights, blocks = evaluator.postings(field, btext)
            if not len(ids):
                continue
            firsts = lasts = candidate_keys(ids, blocks, ranges.docs)
        else:
            matches = evaluator.phrase_matches(p.Phrase(field, terms, 1), within=ranges.docs)
            firsts, lasts = matches.firsts, matches.ends
        held = ranges.hold(firsts, lasts)
        found.append(ranges.starts[np.searchsorted(ranges.starts, firsts[held], side="right") - 1])
    return np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.uint64)


def _docs(starts: np.ndarray) -> np.ndarray:
    return (starts >> SHIFT).astype(np.int64)


def _sentence_frequencies(evaluator: Evaluator, node: p.ClaimWords) -> np.ndarray:
    """``c`` where a claim pairs with the words by holding one in its sentence."""
    c = np.zeros(evaluator.size, dtype=np.float64)
    agent = (f"by|{node.agent}",) if node.agent else ()
    for field in CLAIM_FIELDS:
        ranges = field_ranges(evaluator, field, node.types, agent or None)
        if ranges is None or not len(ranges.starts):
            continue
        docs = _docs(_held_starts(evaluator, field, node.words, ranges))
        if field == "title":
            c[np.unique(docs)] += TITLE_BONUS
            continue
        c += np.bincount(docs, minlength=evaluator.size)
        lead = field_ranges(evaluator, field, node.types, (*agent, CLAIM_IN_LEAD))
        if lead is not None and len(lead.starts):
            c[np.unique(_docs(_held_starts(evaluator, field, node.words, lead)))] += LEAD_BONUS
    return c


def _target_frequencies(evaluator: Evaluator, node: p.ClaimWords) -> np.ndarray:
    """``c`` where a claim pairs with the words by targeting one of their kinds."""
    size = evaluator.size
    if CLAIM_ROLES_COLUMN not in evaluator.schema:
        return np.zeros(size, dtype=np.float64)  # an index made before claim roles
    table = evaluator.index.derived(CLAIM_TABLE, lambda: ClaimTable.build(evaluator.reader, size))
    claims = table.holding(f"type|{t}" for t in node.types) if node.types else np.ones(table.count, dtype=bool)
    claims &= ~table.holding((NEGATED_TERM,))
    claims &= table.holding(f"against|{kind}" for kind in node.targets)
    if node.agent:
        claims &= table.holding((f"by|{node.agent}",))
    return table.weighted_counts(claims, size)


def claim_words(evaluator: Evaluator, node: p.ClaimWords) -> Matches:
    """The statements with a claim of ``node.types`` that pairs with its words,
    scored as the first type's ``claim_types`` term with pseudo-frequency ``c``."""
    result = evaluator.empty()
    c = _target_frequencies(evaluator, node) if node.targets else _sentence_frequencies(evaluator, node)
    docs = np.flatnonzero(c > 0)
    field, value = ("claim_by", node.agent) if node.agent else ("claim_types", node.types[0] if node.types else None)
    btext = evaluator.term_bytes(field, value) if value else None
    if not len(docs) or btext is None:
        return result
    scores = evaluator.posting_scores(field, btext, docs, c[docs])
    result.mask[docs] = True
    result.score[docs] = scores * node.boost if node.boost != 1.0 else scores
    return result
