"""CountedFile: the position of a written file, counted instead of asked."""

from __future__ import annotations

from array import array
from pathlib import Path

from whoosh.filedb.structfile import StructFile

from indexer.storage.counted_file import CountedFile


def test_tell_counts_what_was_written(tmp_path: Path) -> None:
    with open(tmp_path / "f", "wb") as raw:
        raw.write(b"head")
        counted = CountedFile(raw)
        told = []
        for n in range(50):
            counted.write(b"x" * n)
            told.append(counted.tell())
        assert told[-1] == raw.tell() == 4 + sum(range(50))
        counted.seek(2)
        assert counted.tell() == 2
        counted.write(b"ab")
        assert counted.tell() == raw.tell() == 4


def test_struct_file_over_it_writes_the_same_bytes(tmp_path: Path) -> None:
    def write(path: Path, wrap: bool) -> bytes:
        sfile = StructFile(open(path, "wb"))
        if wrap:
            sfile.file = CountedFile(sfile.file)
        sfile.write(b"MAGIC")
        sfile.write_int(-7)
        sfile.write_array(array("i", range(10)))
        assert sfile.tell() == 5 + 4 + 40
        sfile.close()
        return path.read_bytes()

    assert write(tmp_path / "a", True) == write(tmp_path / "b", False)
