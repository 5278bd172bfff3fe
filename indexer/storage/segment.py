"""Sift's Whoosh writer and the storage the indexing process reads segments with.

:class:`SiftWriter` is Whoosh's SegmentWriter with two cheaper reads:

- When Whoosh flushes a segment it asks, for every single posting, the
  length of that document's field, reading one byte from the lengths column
  file each time (a seek and a read per posting: about an eighth of
  indexing time). This writer reads each field's length column once into
  memory instead (one byte per document and field).
- A merge streams each merged segment's postings, a block at a time, into
  the new segment instead of sorting them again with the new documents'
  (see :class:`SiftWriter`).
- ``add_document`` adds each field's postings to the pool at once
  (``indexer.storage.bulk``).
- A merge copies each merged segment's stored records as the compressed
  bytes they are, and its length bytes and column values as they are
  (``SiftWriter.write_per_doc``), and adds up the segments' exact field
  length totals, not the rounded bytes' (``indexer.storage.lengths``).

Everything else, including the on-disk format, is Whoosh's own.

:class:`SegmentStorage` reads compound segment files (``*.seg``) with
``os.pread`` instead of Whoosh's ``mmap``. With ``mmap``, Whoosh copies each
segment's whole terms and postings files into a ``BytesIO`` when a reader
opens the segment (``CompoundStorage.open_file`` hands ``BufferFile`` a
memoryview of the map and ``BufferFile`` wraps it in ``BytesIO(buf)``, which
copies). The indexing process opens a searcher over the whole index after
every commit, so its peak memory grew with the index: about 10 MB of copies
and 10 MB of mapped file pages per 1,000 statements, doubled while the
previous searcher's maps waited for the garbage collector. Read with
``pread``, the data stays in the kernel's page cache, which is not the
process's memory. Plain ``FileStorage(supports_mmap=False)`` would do too,
but its ``SubFile`` (a seek and a read through two Python layers per
access) made merges about 15 % slower.
"""

from __future__ import annotations

import heapq
import io
import os
from collections.abc import Callable, Sequence
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader, W3PerDocWriter, _lenfield
from whoosh.columns import CompressedBytesColumn, TranslatingColumnReader, VarBytesColumn
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.reading import SegmentReader
from whoosh.util.numeric import byte_to_length

from indexer.storage.bulk import BulkAdd
from indexer.storage.codec import SiftCodec
from indexer.storage.lengths import EXACT_COLUMN, exact_column, live_total
from indexer.storage.merge_lists import FIELD_TERM, concatenated, merged_lists, postings_of
from indexer.storage.layout import INDEX_NAME, MERGE_TEMP_PREFIX, retry_missing

#: Bytes read ahead by a sequential read (varints and pickles read a few bytes at a time).
READ_AHEAD = 8192
#: Bytes read ahead by a small ``get``: a merge walks the terms file with
#: three small ``get`` calls per term (about 3 % of merge time).
GET_AHEAD = 4096
#: A ``get`` of this many bytes or more reads just them (postings blocks).
SMALL_GET = 256
#: A field length for each length byte.
_LENGTHS = tuple(byte_to_length(b) for b in range(256))


class _CachedLengths:
    """``doc_field_length`` answered from per-field length bytes read once."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.fields: dict[str, bytes | None] = {}

    def _lengths(self, fieldname: str) -> bytes | None:
        if fieldname not in self.fields:
            column = self.reader._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            self.fields[fieldname] = None if column is None else bytes(column)
        return self.fields[fieldname]

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self._lengths(fieldname)
        if lengths is None:
            return default
        return _LENGTHS[lengths[docnum]] if docnum < len(lengths) else default

    def __getattr__(self, name: str) -> Any:
        return getattr(self.reader, name)




class SiftWriter(BulkAdd):
    """A SegmentWriter whose segment flush reads field lengths once per
    field, and whose merges stream posting lists instead of sorting every
    posting again.

    Whoosh merges a segment by adding each of its postings to the writer's
    pool, which sorts them with the new documents' postings (spilling to
    temporary files). But a segment's posting lists are already in ``(field,
    term)`` order, and renumbering keeps each list's order, so this writer
    keeps the merged segments open and, at the flush, merges their posting
    lists term by term with the pool's: each term's list is the pool's
    (the new documents come first), then each merged segment's in turn.
    """

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: dict[int, int] | None) -> None:
        # The merge policy closes ``reader`` after this call: open the segment again.
        again = SegmentReader(self.storage, reader.schema, reader.segment()) \
            if isinstance(reader, SegmentReader) else reader
        self.__dict__.setdefault("_merging", []).append((again, startdoc, docmap))

    def write_per_doc(self, fieldnames: Any, reader: Any) -> dict[int, int] | None:
        """Copy a merged segment's per-document data: its stored fields as
        the compressed bytes they are (Whoosh decompresses, unpickles,
        pickles and compresses every record again: a fifth of a merge), its
        length bytes and column values as they are."""
        pdr = getattr(reader, "_perdoc", None)
        pdw = self.perdocwriter
        schema = self.schema
        if not (isinstance(pdr, W3PerDocReader) and isinstance(pdw, W3PerDocWriter)) \
                or any(schema[name].vector for name in fieldnames) \
                or not isinstance(getattr(pdw._colwriters.get("_stored"), "_child", None), CompressedBytesColumn.Writer):
            return super().write_per_doc(fieldnames, reader)  # type: ignore[no-any-return]
        docmap: dict[int, int] | None = {} if reader.has_deletions() else None
        deleted = frozenset(pdr.deleted_docs())
        count = pdr.doc_count_all()
        stored_writer = pdw._colwriters["_stored"]._child
        add_stored = VarBytesColumn.Writer.add  # the compressed bytes, as they are
        stored = pdr.column_reader("_stored", VarBytesColumn()) if pdr.has_column("_stored") else None
        lengths = []  # (field, its length bytes per document)
        exact = []  # (field, its true lengths per document, where the segment has them)
        for name in fieldnames:
            lenfield = _lenfield(name)
            if pdr.has_column(lenfield):
                lengths.append((name, lenfield, bytes(pdr.column_reader(lenfield, LENGTHS_COLUMN))))
            if pdr.has_column(exact_column(name)):
                exact.append((exact_column(name), pdr.column_reader(exact_column(name), EXACT_COLUMN)))
        columns = []
        for name in fieldnames:
            coltype = schema[name].column_type
            if coltype and pdr.has_column(name):
                creader = pdr.column_reader(name, coltype)
                if isinstance(creader, TranslatingColumnReader):
                    creader = creader.raw_column()
                columns.append((name, coltype, creader))
        totals = pdw._fieldlengths
        for name, _, _ in lengths:
            # The sources' exact totals, not the rounded bytes' (indexer.storage.lengths).
            totals[name] += live_total(pdr, name)
        for docnum in range(count):
            if docnum in deleted:
                continue
            newdoc = self.docnum
            if docmap is not None:
                docmap[docnum] = newdoc
            pdw.start_doc(newdoc)
            if stored is not None:
                raw = stored[docnum]
                if raw:
                    add_stored(stored_writer, newdoc, raw)
            for name, lenfield, column in lengths:
                byte = column[docnum] if docnum < len(column) else 0
                if byte:
                    pdw.add_column_value(lenfield, LENGTHS_COLUMN, byte)
            for name, ecolumn in exact:
                pdw.add_column_value(name, EXACT_COLUMN, ecolumn[docnum])
            for name, coltype, creader in columns:
                pdw.add_column_value(name, coltype, creader[docnum])
            pdw.finish_doc()
            self.docnum += 1
        return docmap

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        lengths = _CachedLengths(pdr) if pdr is not None else None
        merging = self.__dict__.get("_merging") or []
        try:
            if not merging and hasattr(self.fieldwriter, "add_posting_lists"):
                self.fieldwriter.add_posting_lists(self.schema, lengths, self.pool.posting_lists())
            elif not merging:
                self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
            elif hasattr(self.fieldwriter, "add_posting_lists"):
                # Stable on equal terms: the pool, then the segments in the order they were added.
                lists = heapq.merge(self.pool.posting_lists(),
                                    *(merged_lists(reader, startdoc, docmap, copy_blocks=True, stream=True)
                                      for reader, startdoc, docmap in merging),
                                    key=FIELD_TERM)
                self.fieldwriter.add_posting_lists(self.schema, lengths, concatenated(lists))
            else:
                # A field writer that takes postings one by one (Whoosh 3's own).
                postings = heapq.merge(self.pool.iter_postings(),
                                       *(postings_of(merged_lists(*source)) for source in merging))
                self.fieldwriter.add_postings(self.schema, lengths, postings)
        finally:
            self._close_merged()
        self.fieldwriter.close()
        if pdr:
            pdr.close()

    #: Names of segments being written elsewhere (a background merge): a
    #: commit must not delete their files as unused.
    protected: tuple[str, ...] = ()

    def _commit_toc(self, segments: list[Any]) -> None:
        from whoosh.index import TOC, clean_files

        TOC(self.schema, segments, self.generation).write(self.storage, self.indexname)
        clean_files(self.storage, self.indexname, self.generation, [*segments, *map(_Named, self.protected)])

    def _close_segment(self) -> None:
        self._close_merged()
        super()._close_segment()

    def _close_merged(self) -> None:
        for reader, _, _ in self.__dict__.pop("_merging", []):
            reader.close()


class _Named:
    """Stands for a segment by its name only (see ``SiftWriter.protected``)."""

    def __init__(self, segment_id: str) -> None:
        self._id = segment_id

    def segment_id(self) -> str:
        return self._id


def merge_choice(segments: Sequence[Any]) -> list[Any]:
    """The segments Whoosh's ``MERGE_SMALL`` policy would merge now (none,
    or two or more), chosen without merging them: the smallest segments up
    to the first point where, with ``i`` segments taken, they hold fewer
    documents than the ``i + 5``-th Fibonacci number."""
    from whoosh.util import fib

    chosen: list[Any] = []
    total = 0
    for i, segment in enumerate(sorted(segments, key=lambda s: s.doc_count_all())):
        total += max(0, segment.doc_count_all())
        chosen.append(segment)
        if i > 3 and total < fib(i + 5):
            return chosen if len(chosen) > 1 else []
    return []


def write_merged_segment(directory: str, sources: Sequence[Any], segment_id: str, limitmb: int) -> Any:
    """Merge the committed segments ``sources`` of the index at ``directory``
    into one new segment named ``segment_id``, without committing it (the
    indexing process lists it in a later table of contents). Temporary files
    go to a folder of its own: a commit deletes Whoosh's shared one."""
    from whoosh.index import FileIndex

    storage = SegmentStorage(directory, temp_name=f"{MERGE_TEMP_PREFIX}{segment_id}")
    codec = SiftCodec()
    codec.next_segment_id = segment_id
    # Retried: the indexing process may commit (deleting the TOC just listed)
    # while this merge opens the index; the sources stay, whichever TOC is read.
    writer = retry_missing(lambda: SiftWriter(FileIndex(storage, indexname=INDEX_NAME), _lk=False,
                                              limitmb=limitmb, codec=codec))
    try:
        for source in sources:
            reader = SegmentReader(storage, writer.schema, source)
            try:
                writer.add_reader(reader)
            finally:
                reader.close()
        return writer._finalize_segment()
    except BaseException:
        writer._close_segment()
        raise
    finally:
        writer._tempstorage.destroy()


class _PartReader:
    """A read-only file object over ``length`` bytes at ``offset`` of a file.

    Reads with ``os.pread`` (no shared file position), reading ahead
    :data:`READ_AHEAD` bytes for small reads. ``fileno`` is the open file's
    bound ``fileno`` method: it raises once that file is closed, so a part
    never reads from a recycled descriptor.
    """

    def __init__(self, fileno: Callable[[], int], offset: int, length: int) -> None:
        self._fileno = fileno
        self._offset = offset
        self._length = length
        self._pos = 0
        self._buffer = b""
        self._buffer_pos = 0

    def read(self, size: int | None = -1) -> bytes:
        pos = self._pos
        if size is None or size < 0 or pos + size > self._length:
            size = max(0, self._length - pos)
        at = pos - self._buffer_pos
        if 0 <= at and at + size <= len(self._buffer):
            data = self._buffer[at : at + size]
        elif size >= READ_AHEAD:
            data = os.pread(self._fileno(), size, self._offset + pos)
        else:
            self._buffer = os.pread(self._fileno(), min(READ_AHEAD, self._length - pos), self._offset + pos)
            self._buffer_pos = pos
            data = self._buffer[:size]
        self._pos = pos + len(data)
        return data

    def readline(self, size: int | None = -1) -> bytes:
        limit = self._length - self._pos if size is None or size < 0 else size
        line = b""
        while len(line) < limit:
            chunk = self.read(min(256, limit - len(line)))
            if not chunk:
                break
            end = chunk.find(b"\n")
            if end >= 0:
                self._pos -= len(chunk) - end - 1
                return line + chunk[: end + 1]
            line += chunk
        return line

    def seek(self, where: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_CUR:
            where += self._pos
        elif whence == io.SEEK_END:
            where += self._length
        self._pos = max(0, min(where, self._length))
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self._buffer = b""


class _PartFile(StructFile):  # type: ignore[misc]
    """Whoosh's structured reads over a :class:`_PartReader`; random reads
    (``get``, the hot path of term lookups and postings) are one ``pread``,
    small ones reading :data:`GET_AHEAD` bytes for the next."""

    def __init__(self, fileno: Callable[[], int], offset: int, length: int, name: str | None = None) -> None:
        super().__init__(_PartReader(fileno, offset, length), name=name)
        self._fileno = fileno
        self._base = offset
        self._length = length
        self._ahead = b""
        self._ahead_pos = 0

    def get(self, position: int, length: int) -> bytes:
        if position + length > self._length:
            length = self._length - position
            if length <= 0:
                return b""
        at = position - self._ahead_pos
        if 0 <= at and at + length <= len(self._ahead):
            return self._ahead[at : at + length]
        if length >= SMALL_GET:
            return os.pread(self._fileno(), length, self._base + position)
        self._ahead = os.pread(self._fileno(), min(GET_AHEAD, self._length - position), self._base + position)
        self._ahead_pos = position
        return self._ahead[:length]

    def subset(self, position: int, length: int, name: str | None = None) -> _PartFile:
        return _PartFile(self._fileno, self._base + position, length, name or self._name)


class _SegmentFile(StructFile):  # type: ignore[misc]
    """A file of the index whose parts (``subset``, how Whoosh opens the
    files inside a compound segment) are :class:`_PartFile` objects."""

    def subset(self, position: int, length: int, name: str | None = None) -> _PartFile:
        return _PartFile(self.file.fileno, position, length, name or self._name)


class SegmentStorage(FileStorage):  # type: ignore[misc]
    """Whoosh's ``FileStorage`` without ``mmap``, reading segments with ``pread``."""

    def __init__(self, path: str, temp_name: str | None = None) -> None:
        super().__init__(path, supports_mmap=False)
        self._temp_name = temp_name

    def temp_storage(self, name: str | None = None) -> Any:
        """Whoosh's temporary folder, or the one named at creation."""
        return super().temp_storage(self._temp_name or name)

    def open_file(self, name: str, **kwargs: Any) -> StructFile:
        return _SegmentFile(io.open(self._fpath(name), "rb"), name=name, **kwargs)
