"""The ``near`` column's MinHash signature is stored in indexes: its term
codes (CRC-32 of each term's UTF-8) must not change between versions."""

from __future__ import annotations

import hashlib
import zlib

from indexer.near import _codes, signature_bytes

_TERMS = "regim forc bomb daraa civilian kill hospit aleppo étud żołnierz 対空 strike convoy aid block".split() * 3


def test_term_codes_are_the_crc32_of_the_utf8() -> None:
    assert _codes(_TERMS).tolist() == [zlib.crc32(t.encode("utf-8")) for t in _TERMS]


def test_the_signature_is_the_one_indexes_store() -> None:
    # (the bytes the code before issue 18 item 10's change wrote for these terms)
    assert hashlib.sha256(signature_bytes(_TERMS)).hexdigest()[:16] == "217c835b71df2f15"
