"""Every claim's terms of one index generation, as arrays (issue 23).

``claim:( ... )`` groups and the role bonus of ``actor:X AND claim:T``
(``query._claimgroup``) test each claim's terms (``type|bombardment``,
``by|russia``, ``negated|true``). Read from the ``claim_roles_of`` column one
statement at a time, a group over a common claim type took seconds on a
200,000-statement index. Here the column is decoded once per generation
into a claim -> statement array and (claim, term code) pairs, so a
condition is a few numpy passes over all claims: a term is the claims that
hold it, ``AND``/``OR``/``NOT`` combine those masks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from indexer.storage.columns import column_reader
from indexer.model import CLAIM_IN_LEAD, CLAIM_IN_TITLE, LEAD_BONUS, TITLE_BONUS
from indexer.schema import CLAIM_ROLES_COLUMN

#: A claim's term when its sentence denies the act.
NEGATED_TERM = "negated|true"
#: The key of the claim table among a generation's derived tables.
CLAIM_TABLE = "claim_table"


class ClaimTable:
    """The claims of an index (deleted statements' too; the evaluator drops
    those), each with its statement and its terms."""

    def __init__(self, claim_doc: np.ndarray, pair_claim: np.ndarray, pair_term: np.ndarray,
                 codes: dict[str, int]) -> None:
        self.claim_doc = claim_doc
        self.pair_claim = pair_claim
        self.pair_term = pair_term
        self.codes = codes

    @classmethod
    def build(cls, reader: Any, size: int) -> ClaimTable:
        """Decode the ``claim_roles_of`` column of ``reader`` (``size`` documents).

        Every step but one pass over the documents is a C-level pass: the
        values joined, split into words once, each word's claim counted from
        the separators before it with numpy.
        """
        empty = np.zeros(0, dtype=np.int32)
        if CLAIM_ROLES_COLUMN not in reader.schema:
            return cls(empty, empty, empty, {})
        values = _column_values(reader, size)
        claims_per_doc = np.fromiter((v.count(b"\n") + 1 if v else 0 for v in values), dtype=np.int64, count=size)
        blob = b"\n".join(v for v in values if v)
        if not blob:
            return cls(empty, empty, empty, {})
        words = blob.replace(b"\n", b"\t").split(b"\t")
        distinct = list(set(words))
        index = {word: code for code, word in enumerate(distinct)}
        pair_term = np.fromiter(map(index.__getitem__, words), dtype=np.int32, count=len(words))
        # Word k (k > 0) follows separator k - 1: its claim is the number of
        # claim breaks (newlines) among the separators before it.
        raw = np.frombuffer(blob, dtype=np.uint8)
        separators = raw[(raw == 9) | (raw == 10)]
        pair_claim = np.zeros(len(words), dtype=np.int32)
        np.cumsum(separators == 10, out=pair_claim[1:])
        claim_doc = np.repeat(np.arange(size, dtype=np.int32), claims_per_doc)
        codes = {word.decode("utf-8"): code for code, word in enumerate(distinct)}
        return cls(claim_doc, pair_claim, pair_term, codes)

    @property
    def count(self) -> int:
        return len(self.claim_doc)

    def holding(self, terms: Iterable[str]) -> np.ndarray:
        """Whether each claim holds any of ``terms`` (one pass over the pairs)."""
        out = np.zeros(self.count, dtype=bool)
        wanted = [self.codes[t] for t in terms if t in self.codes]
        if wanted:
            pairs = self.pair_term == wanted[0] if len(wanted) == 1 else np.isin(self.pair_term, wanted)
            out[self.pair_claim[pairs]] = True
        return out

    def holding_matching(self, accept: Callable[[str], bool]) -> np.ndarray:
        """Whether each claim holds a term ``accept`` takes (prefix conditions)."""
        return self.holding(term for term in self.codes if accept(term))

    def weighted_counts(self, claims: np.ndarray, size: int) -> np.ndarray:
        """Per statement, its claims marked in ``claims`` outside the title, plus
        ``TITLE_BONUS`` if one is in the title and ``LEAD_BONUS`` if one is in the lead
        (how much a statement's claims are about something: README, Ranking)."""
        in_title = claims & self.holding((CLAIM_IN_TITLE,))
        out = np.bincount(self.claim_doc[claims & ~in_title], minlength=size).astype(np.float64)
        out += TITLE_BONUS * (np.bincount(self.claim_doc[in_title], minlength=size) > 0)
        out += LEAD_BONUS * (np.bincount(self.claim_doc[claims & self.holding((CLAIM_IN_LEAD,))], minlength=size) > 0)
        return out

    def statements(self, claims: np.ndarray, size: int) -> np.ndarray:
        """Whether each of ``size`` statements has a claim marked in ``claims``."""
        out = np.zeros(size, dtype=bool)
        out[self.claim_doc[claims]] = True
        return out


def _column_values(reader: Any, size: int) -> list[bytes]:
    """The column's value for every document, segment by segment (iterating
    a segment's column is ~30x faster than reading it row by row)."""
    values: list[bytes] = []
    for leaf, offset in reader.leaf_readers():
        count = leaf.doc_count_all()
        if not count:
            continue
        if offset != len(values):  # not contiguous: read row by row
            break
        # A segment without the column's file reads as the default (issue 23).
        values.extend(leaf.column_reader(CLAIM_ROLES_COLUMN, translate=False))
    else:
        if len(values) == size:
            return values
    column = column_reader(reader, CLAIM_ROLES_COLUMN)
    return [column[d] for d in range(size)]
