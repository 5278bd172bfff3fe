"""The run's table of statement ids taken (duplicate ids across files)."""

from __future__ import annotations

import tracemalloc

from indexer.writing import seen_ids
from indexer.writing.seen_ids import SeenIds


def test_every_id_keeps_its_file_across_merges() -> None:
    seen = SeenIds()
    count = 3 * seen_ids.MERGE_AT + 17  # three merges and some ids still waiting
    for i in range(count):
        seen.add(f"id-{i}", f"file-{i % 7}.jsonl")
    assert len(seen) == count
    for i in range(0, count, 97):
        assert seen.source_of(f"id-{i}") == f"file-{i % 7}.jsonl"
    assert seen.source_of(f"id-{count - 1}") == f"file-{(count - 1) % 7}.jsonl"  # not merged yet
    for missing in ("id--1", f"id-{count}", "", "ID-1", "id-1 "):
        assert seen.source_of(missing) is None


def test_ids_are_compared_exactly_whatever_their_characters() -> None:
    seen = SeenIds()
    ids = ["a", "ä", "a\u0308", "\ud800", "x" * 10_000, "0", "00"]
    for n in range(seen_ids.MERGE_AT):
        seen.add(f"pad{n}", "pad.csv")
    for i, statement_id in enumerate(ids):
        seen.add(statement_id, f"{i}.txt")
    for n in range(seen_ids.MERGE_AT):  # the ids above are merged now
        seen.add(f"more{n}", "more.csv")
    assert [seen.source_of(i) for i in ids] == [f"{i}.txt" for i in range(len(ids))]


def test_memory_does_not_grow_with_the_ids() -> None:
    """A dict of the ids held about 100 bytes an id, arrays of their
    digests 20: past a few thousand, the digests now wait on disk (SQLite's
    own memory is its page cache, bounded by ``CACHE_KB``)."""
    count = 200_000
    tracemalloc.start()
    try:
        seen = SeenIds()
        before = tracemalloc.get_traced_memory()[0]
        for i in range(count):
            seen.add(f"gen-1-{i:07d}", "/corpus/part-00001.jsonl")
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held / count < 5, f"{held / count:.1f} bytes an id"
    assert seen.source_of("gen-1-0000042") == "/corpus/part-00001.jsonl"
    assert len(seen) == count
    seen.close()
    assert seen.source_of("gen-1-0000042") is None and len(seen) == 0
