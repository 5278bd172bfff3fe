"""Claim ranges of the claims of some types only (issue 21 item 5).

``claim:bombardment AND hospital`` counts the claims of the type whose
sentence holds the word (``query._claimwords``); a hospital in a sentence about
detentions says nothing about a strike, so only the sentences of claims of the
queried types count (and, for the lead bonus, those of lead claims). The ``claim_spans`` column holds one range per claim, in the
claims' order, less those without a range; the ``claim_roles_of`` column
one line of terms per claim (``query._claimtable``). Where a statement has
as many ranges as claims, range i is claim i's sentence and only the
ranges of the claims of the types are kept; where it has fewer (a claim
whose sentence was not found in the text), which range is whose is unknown,
and every range of it is kept (any claim sentence, as ``claims:``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from indexer.storage.claimranges import ClaimRanges, ranges_of, span_rows
from query._claimtable import CLAIM_TABLE, ClaimTable

if TYPE_CHECKING:
    from query.vector import Evaluator

#: The key of the span rows among a generation's derived tables.
_SPAN_ROWS = "claim_span_rows"


def typed_claim_ranges(evaluator: Evaluator, code: int, types: tuple[str, ...],
                       holding: str | tuple[str, ...] | None = None) -> ClaimRanges:
    """The ranges of field ``code`` of the claims of one of ``types``
    (claim type names, folded) that also hold the claim term ``holding``
    (``at|lead``; or every term of a tuple), if given; made once per
    generation, type set and terms."""
    index = evaluator.index
    terms = (holding,) if isinstance(holding, str) else tuple(holding or ())
    key = f"claim_ranges_of_types|{'|'.join(sorted(types))}" + "".join(f"|holding|{t}" for t in terms)

    # Derived tables are made under the generation's lock: the two this one
    # is made from are fetched first, outside its build.
    values, docs = index.derived(_SPAN_ROWS, lambda: span_rows(index.leaves, index.size))
    table = index.derived(CLAIM_TABLE, lambda: ClaimTable.build(evaluator.reader, index.size))

    def build() -> dict[int, ClaimRanges]:
        claims = table.holding(f"type|{t}" for t in types) if types else np.ones(table.count, dtype=bool)
        for term in terms:
            claims &= table.holding((term,))
        keep = rows_of_claims(docs, table.claim_doc, claims, index.size)
        return {c: ranges_of(values[keep], docs[keep], c, index.size) for c in np.unique(values[:, 0]).tolist()}
    typed = index.derived(key, build)
    return typed[code] if code in typed else ranges_of(np.zeros((0, 3), np.uintc), np.zeros(0, np.uint64), code, index.size)


def rows_of_claims(row_keys: np.ndarray, claim_doc: np.ndarray, claims: np.ndarray, size: int) -> np.ndarray:
    """Which span rows (documents as keys ``doc << 32``, in order) to keep
    for the claims marked in ``claims`` (``claim_doc``: each claim's
    document, in order): a statement's rows pair with its claims one to one
    where their counts agree; elsewhere all its rows are kept.

    >>> rows_of_claims(np.array([0, 0, 1 << 32], np.uint64), np.array([0, 0, 1, 1]), np.array([True, False, False, True]), 2).tolist()
    [True, False, True]
    """
    row_doc = (row_keys >> np.uint64(32)).astype(np.int64)
    aligned = np.bincount(row_doc, minlength=size) == np.bincount(claim_doc.astype(np.int64), minlength=size)
    keep = ~aligned[row_doc]
    keep[aligned[row_doc]] = claims[aligned[claim_doc]]
    return keep
