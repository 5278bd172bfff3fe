"""Near-duplicate statements (reposts): MinHash signatures and copy groups.

The same statement is reposted by other sites with another header, footer or
a few edited words (issue 20). At index time each statement gets

- a MinHash signature (:data:`SIGNATURE_SIZE` 32-bit minima over the
  statement's word shingles: :data:`SHINGLE` consecutive index terms of the
  body, stemmed, stopwords left out), stored in the ``near`` column; and
- its *blocks* (lines and paragraphs of at least :data:`BLOCK_MIN_TERMS`
  terms) as ``near_blocks`` keyword terms, each hashed together with the
  statement's publisher, so that a block's document frequency says how many
  statements of that publisher carry it.

Groups are made at search time, once per index generation
(:func:`copy_groups`): the signatures are cut into :data:`BANDS` bands of
:data:`ROWS` rows (locality-sensitive hashing: statements sharing a band are
candidates), and two statements are copies when the Jaccard similarity of
their shingle sets reaches :data:`THRESHOLD` (0.5). Pairs of different
publishers estimated at :data:`SURE` or more by their signatures are taken
as they are; the others estimated at :data:`CANDIDATE` or more are checked
on the exact shingles of their stored text. Copies join transitively.
Grouping at search time keeps groups right through incremental runs,
updates, deletions and ``--procs N``: a group is whatever the live
statements of the generation make.

Boilerplate: a block that :data:`BOILERPLATE_MIN` or more statements of the
same publisher carry (a standard footer, a repeated lead paragraph) is not
content. Two statements of one publisher are always checked on their exact
shingles without such blocks, so two that share only their publisher's
boilerplate are not copies. (Statements of different publishers do not
share a publisher's boilerplate unless one reposts the other.)

The module is a leaf (numpy only): ``query`` uses it.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence

import numpy as np

__all__ = [
    "BANDS", "BOILERPLATE_MIN", "CANDIDATE", "MIN_TERMS", "ROWS", "SURE", "SHINGLE", "SIGNATURE_SIZE", "THRESHOLD",
    "block_terms", "candidate_pairs", "content_terms", "copy_groups", "exact_similarity", "signature", "signature_bytes",
]

#: Terms per shingle (stemmed index terms, stopwords left out: about 6 words).
SHINGLE = 4
#: MinHash values per statement (32 bits each).
SIGNATURE_SIZE = 64
#: LSH bands x rows (63 of the 64 values): a pair of similarity 0.5 shares a
#: band with probability 0.94, one of 0.7 with 0.9999, one of 0.2 with 0.15.
BANDS, ROWS = 21, 3
#: Jaccard similarity of shingle sets from which two statements are copies.
#: FA-KES's reposts (one wire story on two sites, a header or a sentence
#: changed) score 0.55-1.0; distinct reports of one publisher sharing its
#: standard paragraph score below 0.25.
THRESHOLD = 0.5
#: Estimated similarity from which a pair of statements of different
#: publishers is taken as copies without the exact check (64 values estimate
#: a similarity to about +-0.06), and below which no pair is.
SURE, CANDIDATE = 0.7, 0.4
#: A block carried by this many statements of one publisher is boilerplate.
BOILERPLATE_MIN = 3
#: Blocks shorter than this (in terms) are not looked at as boilerplate.
BLOCK_MIN_TERMS = 4
#: Bodies with fewer index terms (about 50 words) get no signature and are
#: never grouped: in a short text a changed name, number or date is a
#: different statement, yet leaves most shingles shared.
MIN_TERMS = 30
#: Largest LSH bucket paired in full; larger ones (text shared by very many
#: statements) pair each member with its neighbours only.
_BUCKET_PAIRS = 64

_EMPTY = b"\0" * (SIGNATURE_SIZE * 4)
_rng = np.random.default_rng(20)
#: Multipliers of the shingle hash (odd, so no information is thrown away).
_SHINGLE_MULT = _rng.integers(1, 2**32, size=SHINGLE, dtype=np.uint32) | np.uint32(1)
#: The permutations, ``((x ^ b) * a) ^ (... >> 15)`` in 32-bit arithmetic:
#: half the cost of 64-bit multiply-shift, and as good an estimate
#: (50 seeds: 0.322 +- 0.056 for a true 0.333 with 64 values).
_PERM_A = (_rng.integers(1, 2**32, size=SIGNATURE_SIZE, dtype=np.uint32) | np.uint32(1))[:, None]
_PERM_B = _rng.integers(0, 2**32, size=SIGNATURE_SIZE, dtype=np.uint32)[:, None]
_SHIFT = np.uint32(15)
_LINE_END = re.compile(r"\n")


def _codes(terms: Sequence[str]) -> np.ndarray:
    """Stable 32-bit codes of terms (CRC-32; Python's ``hash`` changes per run)."""
    # Computed each time in one C-level pass, not looked up: a cache of the
    # codes (a dict of up to 200,000 terms) won alone in a loop, but while
    # indexing its entries are out of the CPU's caches and each lookup waited
    # on memory: 2,000 generated statements took 0.31-0.36 s of codes from it,
    # 0.15-0.17 s computed (issue 18 item 10), and the dict's memory is gone.
    return np.fromiter(map(zlib.crc32, map(str.encode, terms)), dtype=np.uint32, count=len(terms))


def _shingle_hashes(codes: np.ndarray) -> np.ndarray:
    """32-bit hashes of every run of :data:`SHINGLE` consecutive codes (a
    shorter text is one shingle)."""
    count = len(codes) - SHINGLE + 1
    if count <= 0:
        count, codes = 1, np.concatenate([codes, np.zeros(SHINGLE - len(codes), dtype=np.uint32)])
    mixed = codes[:count] * _SHINGLE_MULT[0]
    for j in range(1, SHINGLE):
        mixed += codes[j:j + count] * _SHINGLE_MULT[j]
    mixed ^= mixed >> np.uint32(16)
    return mixed  # repeats change no minimum


def _minhash(shingles: np.ndarray) -> np.ndarray:
    """The signature of a set of 32-bit shingle hashes."""
    permuted = shingles ^ _PERM_B
    permuted *= _PERM_A
    permuted ^= permuted >> _SHIFT
    return permuted.min(axis=1)


def signature(terms: Sequence[str]) -> np.ndarray | None:
    """The MinHash signature of a body's index terms (``None`` for a body of
    fewer than :data:`MIN_TERMS` terms)."""
    if len(terms) < MIN_TERMS:
        return None
    return _minhash(_shingle_hashes(_codes(terms)))


def signature_bytes(terms: Sequence[str]) -> bytes:
    """:func:`signature` as the ``near`` column stores it (zeros: none)."""
    sig = signature(terms)
    return _EMPTY if sig is None else sig.astype("<u4").tobytes()


def _blocks(body: str, starts: Sequence[int]) -> list[tuple[int, int]]:
    """(first, end) term positions of the body's lines (paragraphs): the unit
    in which headers, footers and standard paragraphs repeat."""
    cuts = [m.end() for m in _LINE_END.finditer(body)]
    positions = np.searchsorted(np.asarray(starts, dtype=np.int64), cuts).tolist() if cuts else []
    blocks, first = [], 0
    for end in [*positions, len(starts)]:
        if end > first:
            blocks.append((first, end))
            first = end
    return blocks


def _block_hash(terms: Sequence[str], publisher: str) -> str:
    return f"{zlib.crc32(' '.join(terms).encode('utf-8'), zlib.crc32(publisher.encode('utf-8'))):08x}"


def block_terms(body: str, terms: Sequence[str], starts: Sequence[int], publisher: str | None) -> str:
    """The ``near_blocks`` value: hashes of the body's blocks of at least
    :data:`BLOCK_MIN_TERMS` terms with the publisher, comma-separated."""
    keys = {_block_hash(terms[a:b], publisher or "") for a, b in _blocks(body, starts) if b - a >= BLOCK_MIN_TERMS}
    return ",".join(sorted(keys))


def exact_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Jaccard similarity of two term lists' shingle sets."""
    if not a or not b:
        return 0.0
    sa, sb = set(_shingle_hashes(_codes(a)).tolist()), set(_shingle_hashes(_codes(b)).tolist())
    return len(sa & sb) / len(sa | sb)


def content_terms(body: str, terms: list[str], starts: Sequence[int], publisher: str | None,
                  is_boilerplate: Callable[[str], bool]) -> list[str]:
    """The body's terms without its boilerplate blocks."""
    kept: list[str] = []
    for a, b in _blocks(body, starts):
        block = terms[a:b]
        if b - a >= BLOCK_MIN_TERMS and is_boilerplate(_block_hash(block, publisher or "")):
            continue
        kept.extend(block)
    return kept


def candidate_pairs(signatures: np.ndarray, has: np.ndarray) -> np.ndarray:
    """(a, b) document pairs (a < b) sharing an LSH band, as an (n, 2) array."""
    docs = np.flatnonzero(has)
    if len(docs) < 2:
        return np.empty((0, 2), dtype=np.int64)
    sigs = signatures[docs].astype(np.uint64)
    pairs: list[np.ndarray] = []
    for band in range(BANDS):
        rows = sigs[:, band * ROWS:(band + 1) * ROWS]
        key = rows[:, 0] * np.uint64(0x9E3779B97F4A7C15)
        for r in range(1, ROWS):
            key = (key ^ rows[:, r]) * np.uint64(0xBF58476D1CE4E5B9)
        order = np.argsort(key, kind="stable")
        sorted_key = key[order]
        same = np.flatnonzero(sorted_key[1:] == sorted_key[:-1])
        if not len(same):
            continue
        # Neighbours in every bucket; all pairs in the small buckets.
        pairs.append(np.stack([order[same], order[same + 1]], axis=1))
        starts = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1]])
        sizes = np.diff(np.r_[starts, len(sorted_key)])
        for start, size in zip(starts[(sizes > 2) & (sizes <= _BUCKET_PAIRS)].tolist(),
                               sizes[(sizes > 2) & (sizes <= _BUCKET_PAIRS)].tolist()):
            members = order[start:start + size]
            i, j = np.triu_indices(size, k=2)
            pairs.append(np.stack([members[i], members[j]], axis=1))
    if not pairs:
        return np.empty((0, 2), dtype=np.int64)
    local = np.concatenate(pairs)
    local.sort(axis=1)
    local = np.unique(local, axis=0)
    return docs[local]


def copy_groups(signatures: np.ndarray, has: np.ndarray,
                confirm: Callable[[int, int, float], bool] | None = None) -> np.ndarray:
    """Group label per document: the smallest document number of its group
    (a document without copies is its own group).

    :param signatures: (documents, :data:`SIGNATURE_SIZE`) uint32.
    :param has: which documents have a signature (live and with text).
    :param confirm: decides a candidate pair given its estimated similarity
        (at least :data:`CANDIDATE`); without it, pairs estimated at
        :data:`THRESHOLD` or more are copies.
    """
    size = len(signatures)
    parent = np.arange(size, dtype=np.int64)
    pairs = candidate_pairs(signatures, has)
    estimates = np.empty(0)
    if len(pairs):
        estimates = (signatures[pairs[:, 0]] == signatures[pairs[:, 1]]).mean(axis=1)
        keep = estimates >= (CANDIDATE if confirm is not None else THRESHOLD)
        pairs, estimates = pairs[keep], estimates[keep]
    for (a, b), estimate in zip(pairs.tolist(), estimates.tolist()):
        if confirm is not None and not confirm(a, b, estimate):
            continue
        ra, rb = _root(parent, a), _root(parent, b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    while True:  # every chain down to its root
        up = parent[parent]
        if np.array_equal(up, parent):
            return parent
        parent = up


def _root(parent: np.ndarray, doc: int) -> int:
    while parent[doc] != doc:
        parent[doc] = parent[parent[doc]]
        doc = int(parent[doc])
    return doc
