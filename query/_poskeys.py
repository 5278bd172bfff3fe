"""Term positions as sorted keys ``document << 32 | position``.

With every position of a word over the whole index in one sorted array,
a phrase is a merge of two arrays per word (``follow``), and a claim range
check one binary search (``indexer.storage.claimranges``): no loop per document.
Used by ``query.vector`` and ``query._claimspans``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: The shift of the document number in a key.
SHIFT = np.uint64(32)


def candidate_keys(ids: np.ndarray, blocks: list[tuple[int, Any]], candidates: np.ndarray) -> np.ndarray:
    """Sorted position keys (``document << 32 | position``) of the postings
    of the documents marked in ``candidates`` (a mask over all documents),
    decoding only the blocks that hold one of them."""
    wanted = candidates[ids]
    starts = np.fromiter((start for start, _values in blocks), dtype=np.int64, count=len(blocks))
    needed = np.logical_or.reduceat(wanted, starts) if len(starts) else np.zeros(0, dtype=bool)
    chosen = np.flatnonzero(needed)
    if not len(chosen):
        return np.empty(0, dtype=np.uint64)
    parts = [blocks[b][1]() for b in chosen]
    if len(chosen) == len(blocks):
        block_ids, block_wanted = ids, wanted
    else:
        rows = np.repeat(needed, np.diff(np.append(starts, len(ids))))
        block_ids, block_wanted = ids[rows], wanted[rows]
    lengths = parts[0][0] if len(parts) == 1 else np.concatenate([lengths for lengths, _blob in parts])
    blob = b"".join(blob for _lengths, blob in parts)
    return position_keys(block_ids, (lengths, blob), block_wanted)


def position_keys(ids: np.ndarray, encoded: tuple[np.ndarray, bytes], keep: np.ndarray) -> np.ndarray:
    """``document << 32 | position`` for every position of ``SiftPositions``
    values (a 4-byte count, then uint32 little-endian positions) of the
    postings ``keep`` marks, in order."""
    lengths, blob = encoded
    words_per = lengths // 4
    words = np.frombuffer(blob, dtype="<u4")
    starts = np.cumsum(words_per) - words_per
    take = np.repeat(keep, words_per)
    ids, words_per = ids[keep], words_per[keep]
    take[starts] = False  # the counts
    keys = np.repeat(ids.astype(np.uint64), words_per - 1)
    keys <<= SHIFT
    keys |= words[take]
    return keys


def common_docs(id_lists: list[np.ndarray], size: int) -> np.ndarray:
    """Documents in every one of the sorted id arrays, rarest list first."""
    ordered = sorted(id_lists, key=len)
    common = ordered[0]
    for ids in ordered[1:]:
        if not len(common):
            break
        present = np.zeros(size, dtype=bool)
        present[ids] = True
        common = common[present[common]]
    return common


def follow(ends: np.ndarray, keys: np.ndarray, slop: int) -> np.ndarray:
    """The keys (sorted) that come 1 to ``slop`` positions after one of
    ``ends`` (sorted) in the same document (see :func:`follow_rows`)."""
    return follow_rows(ends, keys, slop)[0]


def follow_rows(ends: np.ndarray, keys: np.ndarray, slop: int) -> tuple[np.ndarray, np.ndarray]:
    """The keys (sorted) that come 1 to ``slop`` positions after one of
    ``ends`` (sorted) in the same document: those whose nearest end before
    them is in their document and at most ``slop`` back; and the row in
    ``ends`` of that nearest end. One binary search per key, whatever the
    slop (a loop over distances took minutes for ``~99999999``, issue 23)."""
    if not len(ends) or not len(keys):
        return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)
    before = np.searchsorted(ends, keys, side="left") - 1  # the last end < key
    nearest = ends[np.maximum(before, 0)]
    close = (before >= 0) & ((nearest >> SHIFT) == (keys >> SHIFT))
    close &= (keys - np.where(close, nearest, keys)) <= np.uint64(max(1, slop))
    return keys[close], before[close]


def sorted_docs(keys: np.ndarray) -> np.ndarray:
    """The documents of sorted position keys, each once."""
    docs = (keys >> SHIFT).astype(np.int64)
    return docs[np.concatenate(([True], docs[1:] != docs[:-1]))] if len(docs) else docs
