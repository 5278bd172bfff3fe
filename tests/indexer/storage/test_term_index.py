"""The terms file writer: Whoosh's bytes, in memory that does not grow with the segment (issue 20, item 5)."""

from __future__ import annotations

import tracemalloc
from typing import Any

import pytest
from whoosh.filedb.filestore import RamStorage
from whoosh.filedb.filetables import OrderedHashReader, OrderedHashWriter
from whoosh.filedb.structfile import StructFile

from indexer.storage.term_index import CompactTermIndexWriter


def _terms_file(make: Any, keys: list[bytes]) -> bytes:
    storage = RamStorage()
    writer = make(storage.create_file("terms"))
    for number, key in enumerate(keys):
        writer.add(key, b"value %d" % number)
    writer.close()
    return bytes(storage.files["terms"])


@pytest.mark.parametrize("count", [0, 1, 7, 3000])
def test_compact_term_index_writes_whooshs_bytes(count: int) -> None:
    keys = sorted(b"\x00\x01" + f"term-{n}".encode() for n in range(count))
    assert _terms_file(CompactTermIndexWriter, keys) == _terms_file(OrderedHashWriter, keys)


@pytest.mark.parametrize(("count", "spill_at"), [(0, 4), (5, 4), (8, 4), (3000, 64), (5000, 1000), (5000, 7)])
def test_spilled_terms_file_is_whooshs_bytes(count: int, spill_at: int) -> None:
    """Spilling (several chunks, positions past 2**16 so the position array
    changes type) writes the same file as Whoosh's writer."""
    keys = sorted(b"\x00\x01" + f"term-{n}".encode() for n in range(count))
    ours = _terms_file(lambda f: CompactTermIndexWriter(f, spill_at=spill_at), keys)
    assert ours == _terms_file(OrderedHashWriter, keys)
    if count:
        reader = OrderedHashReader(_file_of(ours), len(ours))
        assert reader[keys[count // 2]] == b"value %d" % (count // 2)
        assert list(reader.keys_from(keys[-1])) == [keys[-1]]


def _file_of(data: bytes) -> StructFile:
    storage = RamStorage()
    with storage.create_file("t") as f:
        f.write(data)
    return storage.open_file("t")


def test_writer_holds_at_most_spill_at_terms() -> None:
    storage = RamStorage()
    writer = CompactTermIndexWriter(storage.create_file("terms"), spill_at=100)
    for n in range(1050):
        writer.add(b"k%06d" % n, b"v")
        assert writer.held() <= 100
    writer.close()


class _Sink:
    """Takes what is written and keeps none of it (the bytes are not the question)."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return len(data)

    def tell(self) -> int:
        return self.size

    def close(self) -> None:
        pass


def _peak_mb(terms: int) -> float:
    tracemalloc.start()
    try:
        writer = CompactTermIndexWriter(StructFile(_Sink()))
        for n in range(terms):
            writer.add(b"\x00\x00id-%08d" % n, b"x")
        writer.close()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def test_writer_memory_does_not_grow_with_the_terms() -> None:
    """A segment of a million statements has millions of terms; the writer
    held every term's hash and position (and, while building the tables,
    an int object per term): its peak grew with the segment."""
    small, large = _peak_mb(100_000), _peak_mb(400_000)
    assert large < 1.25 * small + 0.5, (small, large)


def test_terms_file_position_asked_once() -> None:
    """A buffered file's ``tell`` is a system call: the writer asks it once
    and counts the bytes of the entries after (same file, see above)."""
    storage = RamStorage()
    dbfile = storage.create_file("terms")
    told = []
    tell = dbfile.tell
    dbfile.tell = lambda: told.append(1) or tell()  # type: ignore[method-assign]
    writer = CompactTermIndexWriter(dbfile)
    told.clear()  # (the header's)
    for n in range(500):
        writer.add(b"k%06d" % n, b"v" * (n % 7))
    assert len(told) == 1
    writer.close()
