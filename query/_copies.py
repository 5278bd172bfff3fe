"""Reposted copies at search time: groups per index generation, collapsing matches.

``indexer.near`` decides which statements are copies of each other from the
``near`` signatures (read here straight from each segment's column file);
this module gives every document its group label once per generation and
collapses a query's matches to one hit per group: the earliest-dated
matching copy (undated last, ties by id), scored with the best score of the
group's matching copies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from indexer.analysis import analyze_with_starts
from indexer.near import (
    BOILERPLATE_MIN, SIGNATURE_SIZE, SURE, THRESHOLD, content_terms, copy_groups, exact_similarity,
)
from indexer.schema import date_text

__all__ = ["GroupMembers", "collapse", "copy_labels", "copies_of"]

_NO_DATE = np.uint64(2**64 - 1)


def _signatures(leaves: list[tuple[Any, int]], size: int) -> np.ndarray:
    """The ``near`` column of every document, (size, SIGNATURE_SIZE) uint32
    (zeros where a segment has none)."""
    out = np.zeros((size, SIGNATURE_SIZE), dtype=np.uint32)
    width = SIGNATURE_SIZE * 4
    for reader, offset in leaves:
        count = reader.doc_count_all()
        if not count or not reader.has_column("near"):
            continue
        column = reader.column_reader("near", translate=False)
        stored = getattr(column, "_count", None)
        dbfile = getattr(column, "_dbfile", None)
        if stored is not None and dbfile is not None:  # Whoosh's FixedBytesColumn: one read
            raw = dbfile.get(column._basepos, stored * width) if stored else b""
            values = np.frombuffer(raw, dtype="<u4").reshape(stored, SIGNATURE_SIZE)
        else:
            values = np.frombuffer(b"".join(column[i] for i in range(count)), dtype="<u4").reshape(-1, SIGNATURE_SIZE)
        out[offset:offset + len(values)] = values
    return out


class _Checker:
    """The exact check of a candidate pair, on stored text (see ``indexer.near``)."""

    def __init__(self, reader: Any, publishers: list[str | None]) -> None:
        self.reader = reader
        self.publishers = publishers
        self.texts: dict[int, tuple[str, list[str], list[int]]] = {}
        self.frequencies: dict[str, int] = {}

    def _text(self, docnum: int) -> tuple[str, list[str], list[int]]:
        if docnum not in self.texts:
            body = self.reader.stored_fields(docnum).get("body") or ""
            terms, starts = analyze_with_starts(body)
            self.texts[docnum] = (body, terms, starts)
        return self.texts[docnum]

    def _boilerplate(self, key: str) -> bool:
        if key not in self.frequencies:
            self.frequencies[key] = self.reader.doc_frequency("near_blocks", key)
        return self.frequencies[key] >= BOILERPLATE_MIN

    def __call__(self, a: int, b: int, estimate: float) -> bool:
        publisher = self.publishers[a]
        same = publisher is not None and publisher == self.publishers[b]
        if not same and estimate >= SURE:
            return True
        (body_a, terms_a, starts_a), (body_b, terms_b, starts_b) = self._text(a), self._text(b)
        if same:
            kept_a = content_terms(body_a, terms_a, starts_a, publisher, self._boilerplate)
            kept_b = content_terms(body_b, terms_b, starts_b, publisher, self._boilerplate)
            if kept_a or kept_b:  # (two texts of only boilerplate compare whole)
                terms_a, terms_b = kept_a, kept_b
        return exact_similarity(terms_a, terms_b) >= THRESHOLD


def copy_labels(reader: Any, leaves: list[tuple[Any, int]], live: np.ndarray,
                publishers: Callable[[], list[str | None]]) -> np.ndarray | None:
    """Per document, its group's label (its smallest document number);
    ``None`` for an index made before copies were grouped.

    :param publishers: each document's publisher (``None``: none), asked
        for only when a pair needs checking.
    """
    if "near" not in reader.schema:
        return None
    signatures = _signatures(leaves, len(live))
    has = live & signatures.any(axis=1)
    checker: _Checker | None = None

    def confirm(a: int, b: int, estimate: float) -> bool:
        nonlocal checker
        if checker is None:
            checker = _Checker(reader, publishers())
        return checker(a, b, estimate)

    return copy_groups(signatures, has, confirm)


def collapse(docnums: np.ndarray, scores: np.ndarray, labels: np.ndarray, dates: np.ndarray,
             id_ranks: np.ndarray, in_groups: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """One match per group: the earliest-dated (undated last, ties by id),
    with the best score of the group's matches.

    Most statements have no copy: only the matches whose group has other
    members are sorted (sorting all 640k matches of a frequent word was 38 %
    of a faceted query at 1M statements); the result is in label order either way.

    :param in_groups: true for each document whose group has other
        members, when the caller keeps it (else counted from ``labels``).
    :returns: the kept document numbers and their groups' scores.
    """
    if not len(docnums):
        return docnums, scores
    shared = in_groups[docnums] if in_groups is not None else np.bincount(labels)[labels[docnums]] > 1
    if not shared.any():  # a group of one is labelled by its own number: already in label order
        return docnums, scores
    kept, best = _collapse_groups(docnums[shared], scores[shared], labels, dates, id_ranks)
    alone = ~shared
    kept = np.concatenate((docnums[alone], kept))
    best = np.concatenate((scores[alone], best))
    order = np.argsort(labels[kept], kind="stable")  # two sorted runs: a merge
    return kept[order], best[order]


def _collapse_groups(docnums: np.ndarray, scores: np.ndarray, labels: np.ndarray, dates: np.ndarray,
                     id_ranks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    groups = labels[docnums]
    order = np.lexsort((id_ranks[docnums], dates[docnums], groups))
    first = np.r_[True, groups[order][1:] != groups[order][:-1]]
    starts = np.flatnonzero(first)
    best = np.maximum.reduceat(scores[order], starts)
    return docnums[order][starts], best


class GroupMembers:
    """Each group's documents, found by two binary searches in the labels
    sorted once a generation: comparing every document's label took 1.6 ms
    a hit at a million statements (16 ms a page of 10).

    :param labels: each document's group label (``copy_labels``).
    """

    def __init__(self, labels: np.ndarray) -> None:
        self.order = np.argsort(labels, kind="stable")
        self.sorted = labels[self.order]

    def of(self, label: int) -> np.ndarray:
        """The documents labelled ``label``, in document order."""
        low, high = np.searchsorted(self.sorted, (label, label + 1))
        return self.order[low:high]  # type: ignore[no-any-return]


def copies_of(docnum: int, labels: np.ndarray | None, live: np.ndarray, dates: np.ndarray,
              id_ranks: np.ndarray, stored: Callable[[int], dict[str, Any]],
              groups: GroupMembers | None = None) -> list[dict[str, Any]]:
    """The other live copies of a document, earliest-dated first (undated
    last, ties by id): ``{"id", "publisher", "url", "date"}`` each.

    :param groups: the labels' :class:`GroupMembers`, kept by the caller
        (else every document's label is compared)."""
    if labels is None:
        return []
    if groups is not None:
        members = groups.of(int(labels[docnum]))
        members = members[live[members]]
    else:
        members = np.flatnonzero((labels == labels[docnum]) & live)
    members = members[members != docnum]
    if not len(members):
        return []
    members = members[np.lexsort((id_ranks[members], dates[members]))]
    out = []
    for member in members.tolist():
        fields = stored(member)
        date = fields.get("date")
        out.append({"id": fields["id"], "publisher": fields.get("publisher"), "url": fields.get("url"),
                    "date": date_text(date) if date is not None and hasattr(date, "microsecond") else None})
    return out
