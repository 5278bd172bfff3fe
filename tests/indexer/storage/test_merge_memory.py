"""A merge's memory does not grow with the posting lists it copies (issue 20, item 5).

A merge read each term's whole posting list into Python lists (about 200
bytes a document for a term in every document, here) and held every term's
hash and position; a merge of 624,000 statements added 170 MB to the
indexing process. Lists of more than a block now go a block at a time, and
the terms file's tables are built from a temporary file.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema
from whoosh.reading import SegmentReader

import indexer.storage.term_index
from indexer.storage.codec import BLOCK_LIMIT, SiftCodec
from indexer.storage.merge_lists import merged_lists
from indexer.storage.posting_blocks import PostingBlocks, as_blocks
from indexer.storage.segment import SegmentStorage, SiftWriter, write_merged_segment

SCHEMA = Schema(id=ID(stored=True, unique=True), tag=ID, body=TEXT)


def _segment(directory: Path, documents: int) -> whoosh_index.FileIndex:
    """An index of one segment where ``tag:all`` and ``body:common`` are in every document."""
    directory.mkdir()
    ix = whoosh_index.FileIndex.create(SegmentStorage(str(directory)), SCHEMA, "MAIN")
    writer = SiftWriter(ix, codec=SiftCodec())
    for number in range(documents):
        writer.add_document(id=str(number), tag="all", body=f"common word{number % 50}")
    writer.commit(merge=False)
    return ix


def _merge_peak_bytes(directory: Path, documents: int) -> int:
    ix = _segment(directory, documents)
    tracemalloc.start()
    try:
        write_merged_segment(str(directory), ix._segments(), "merged", 16)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_merge_memory_grows_by_a_few_bytes_a_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (A small spill size stands for a segment of millions of terms.)
    monkeypatch.setattr(indexer.storage.term_index, "SPILL_AT", 1024)
    small = _merge_peak_bytes(tmp_path / "small", 5_000)
    large = _merge_peak_bytes(tmp_path / "large", 20_000)
    # What is left per document: its length byte, its stored record's offset...
    assert (large - small) / 15_000 < 40, (small, large)


def test_long_lists_are_read_a_block_at_a_time(tmp_path: Path) -> None:
    ix = _segment(tmp_path / "ix", 3 * BLOCK_LIMIT + 5)
    reader = SegmentReader(ix.storage, SCHEMA, ix._segments()[0])
    try:
        lists = {(field, term): parts for field, term, *parts in
                 merged_lists(reader, 100, None, copy_blocks=True, stream=True)}
        everywhere = lists["tag", b"all"]
        assert isinstance(everywhere[0], PostingBlocks)
        blocks = list(as_blocks(*everywhere))
        assert [len(ids) for ids, _, _ in blocks] == [BLOCK_LIMIT] * 3 + [5]
        assert [i for ids, _, _ in blocks for i in ids] == list(range(100, 100 + 3 * BLOCK_LIMIT + 5))
        assert not isinstance(lists["body", b"word7"][0], PostingBlocks)  # a short list: whole
    finally:
        reader.close()
