"""The terms file's closing tables, written with bounded memory (issue 20, item 5).

Whoosh's terms file (``filetables.OrderedHashWriter``) ends with 256 hash
tables over every term of the segment and an array of every term's
position, so its writer holds each term's hash and position until it
closes. A segment has a few terms per statement of its own (``id``,
``url``, ``version_key``, ``near_blocks``): a merge of 624,000 statements
writes about 3 million terms, and holding them (12 bytes each in arrays, an
int object each while the tables were built) was most of the 170 MB such a
merge added to the process, the part of indexing memory that grew with the
collection.

:class:`CompactTermIndexWriter` writes the same bytes keeping at most
:data:`SPILL_AT` terms' entries in memory: every :data:`SPILL_AT` terms, the
entries go to an unnamed temporary file next to the segment (gone when
closed, or when the process dies), grouped by table in the order they were
added; at the close each table is built from its own entries alone (about
1/256 of the terms), and the position array is copied from the file.
"""

from __future__ import annotations

import os
import struct
import tempfile
from array import array
from hashlib import md5 as _md5
from typing import IO, Any, NamedTuple

import numpy as np
from whoosh.filedb import filetables

__all__ = ["SPILL_AT", "CompactTermIndexWriter"]

#: Terms whose hash and position are held in memory before they go to the temporary file.
SPILL_AT = 1 << 16
#: Hash tables of the terms file (the low byte of a term's hash picks its table).
TABLES = 256

_KEY_VALUE_LENGTHS = struct.Struct("!ii")  # filetables' ``_lengths``
_POINTER = struct.Struct("!Iq")  # filetables' ``_pointer``
#: Entries joined into one write.
_WRITE_EVERY = 256


class _Chunk(NamedTuple):
    """:data:`SPILL_AT` terms' entries in the temporary file (or, for the
    last ones of a segment never spilled, in memory): their positions in
    the order added, then hashes and positions grouped by table."""

    count: int
    starts: list[int]  # table t's entries are [starts[t], starts[t + 1])
    at: int  # offset in the file (-1: held in ``data``)
    data: tuple[np.ndarray, np.ndarray, np.ndarray] | None


def _index_type(largest: int) -> str:
    """The array type ``GrowableArray`` (Whoosh's position array) ends with."""
    if largest < 2**16:
        return "H"
    if largest < 2**31:
        return "i"
    return "I" if largest < 2**32 else "q"


_BIG_ENDIAN = {"H": ">u2", "i": ">i4", "I": ">u4", "q": ">i8"}  # ``write_array``'s byte order


class CompactTermIndexWriter(filetables.OrderedHashWriter):  # type: ignore[misc]
    """Whoosh's terms file writer (``OrderedHashWriter``, the same bytes)
    holding at most ``spill_at`` terms' hash and position (see the module
    docstring)."""

    lastkey: bytes  # set by OrderedHashWriter

    def __init__(self, dbfile: Any, spill_at: int | None = None) -> None:
        super().__init__(dbfile)
        if self.hashfn is not filetables.md5_hash:  # (the arrays hold 32-bit hashes)
            raise ValueError("CompactTermIndexWriter needs Whoosh's default (md5) hash")
        self.buckets = None
        self.index = None  # the positions: written from the chunks
        self.spill_at = SPILL_AT if spill_at is None else spill_at
        self._hashes = array("I")
        self._positions = array("q")
        self._chunks: list[_Chunk] = []
        self._count = 0
        self._largest = 0
        self._spill: IO[bytes] | None = None
        #: Where the next entry goes: asked of the file once, then counted (a
        #: buffered file's ``tell`` is a system call; nothing else writes to
        #: the terms file between entries).
        self._at: int | None = None
        #: Entries not yet written: they go to the file a few hundred at a
        #: time (one write call each was a Python call through Whoosh's
        #: ``StructFile`` and the buffered file per term).
        self._pending: list[bytes] = []

    def add(self, key: bytes, value: bytes) -> None:
        if key <= self.lastkey:
            raise ValueError(f"Keys must increase: {self.lastkey!r}..{key!r}")
        pos = self._at
        if pos is None:
            pos = self.dbfile.tell()
        entry = _KEY_VALUE_LENGTHS.pack(len(key), len(value)) + key + value
        pending = self._pending
        pending.append(entry)  # the same bytes, written in order
        if len(pending) >= _WRITE_EVERY:
            self._write_pending()
        self._at = pos + len(entry)
        self._hashes.append(int.from_bytes(_md5(key).digest()[-4:], "big"))
        self._positions.append(pos)
        self.lastkey = key
        if len(self._hashes) >= self.spill_at:
            self._end_chunk(to_file=True)

    def _write_pending(self) -> None:
        if self._pending:
            self.dbfile.write(b"".join(self._pending))
            self._pending.clear()

    def tell(self) -> int:
        self._write_pending()
        return int(self.dbfile.tell())

    def held(self) -> int:
        """Terms whose entries are in memory now (at most ``spill_at``)."""
        return len(self._hashes)

    def _end_chunk(self, to_file: bool) -> None:
        """Group the held entries by table and keep them as a chunk, written
        to the temporary file with ``to_file``."""
        count = len(self._hashes)
        if not count:
            return
        hashes = np.frombuffer(self._hashes, dtype=np.uint32)
        positions = np.frombuffer(self._positions, dtype=np.int64)
        tables = hashes & (TABLES - 1)
        order = np.argsort(tables, kind="stable")  # each table's entries in the order added
        starts = [0, *np.cumsum(np.bincount(tables, minlength=TABLES)).tolist()]
        data = (positions.copy(), hashes[order], positions[order])
        self._count += count
        self._largest = int(positions[-1])  # positions grow
        self._hashes, self._positions = array("I"), array("q")
        if not to_file:
            self._chunks.append(_Chunk(count, starts, -1, data))
            return
        spill = self._spill_file()
        at = spill.seek(0, os.SEEK_END)
        for part in data:
            spill.write(part.tobytes())
        spill.flush()  # (read back with ``os.pread``)
        self._chunks.append(_Chunk(count, starts, at, None))

    def _spill_file(self) -> IO[bytes]:
        if self._spill is None:
            # Next to the segment (the index's disk, not a RAM-backed /tmp) when it is a real file.
            folder = os.path.dirname(getattr(getattr(self.dbfile, "file", None), "name", "") or "")
            self._spill = tempfile.TemporaryFile(dir=folder if folder and os.path.isdir(folder) else None)
        return self._spill

    def _read(self, chunk: _Chunk, part: int, start: int, stop: int) -> np.ndarray:
        """Entries ``start:stop`` of one of the chunk's three arrays."""
        if chunk.data is not None:
            return chunk.data[part][start:stop]
        dtype = np.dtype(np.uint32 if part == 1 else np.int64)
        offsets = (0, 8 * chunk.count, 12 * chunk.count)  # positions, hashes, positions by table
        assert self._spill is not None
        raw = os.pread(self._spill.fileno(), (stop - start) * dtype.itemsize,
                       chunk.at + offsets[part] + start * dtype.itemsize)
        return np.frombuffer(raw, dtype=dtype)

    def _write_hashes(self) -> None:
        """Whoosh's ``HashWriter._write_hashes``, a table at a time from the
        chunks: 256 open addressing tables, the entries of each in the order
        they were added."""
        self._write_pending()
        self._end_chunk(to_file=False)
        self._at = None  # (no entry comes after the tables)
        dbfile = self.dbfile
        pack = _POINTER.pack
        for table in range(TABLES):
            hashes: list[int] = []
            positions: list[int] = []
            for chunk in self._chunks:
                start, stop = chunk.starts[table], chunk.starts[table + 1]
                if stop > start:
                    hashes.extend(self._read(chunk, 1, start, stop).tolist())
                    positions.extend(self._read(chunk, 2, start, stop).tolist())
            pos = dbfile.tell()
            numslots = 2 * len(hashes)
            self.directory.append((pos, numslots))
            table_hashes = [0] * numslots
            table_positions = [0] * numslots  # 0: empty (no key starts at 0: the header)
            for hashval, position in zip(hashes, positions):
                slot = (hashval >> 8) % numslots
                while table_positions[slot]:
                    slot = (slot + 1) % numslots
                table_hashes[slot] = hashval
                table_positions[slot] = position
            dbfile.write(b"".join(map(pack, table_hashes, table_positions)))

    def _write_extras(self) -> None:
        """Whoosh's ``OrderedHashWriter._write_extras``: the extras, then
        every term's position, in the type ``GrowableArray`` would have."""
        typecode = _index_type(self._largest) if self._count else "H"
        self.extras["indextype"] = typecode
        self.extras["indexlen"] = self._count
        filetables.HashWriter._write_extras(self)
        for chunk in self._chunks:
            self.dbfile.write(self._read(chunk, 0, 0, chunk.count).astype(_BIG_ENDIAN[typecode]).tobytes())

    def close(self) -> int:
        self._write_pending()
        try:
            return int(super().close())
        finally:
            self._chunks = []
            if self._spill is not None:
                self._spill.close()
                self._spill = None
