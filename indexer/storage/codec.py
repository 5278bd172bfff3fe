"""Sift's Whoosh codec: Whoosh 3's format, written with cheaper settings.

- Short posting lists are *inlined* into the term's entry instead of getting
  a block of their own in the postings file. Whoosh 3 has this feature but
  it never runs: its default limit (1) inlines nothing, and a larger limit
  fails on a misspelt method (``set_inline`` for ``set_inlined``). Most
  terms of a collection are rare (the Zipf tail), so most blocks go.
- Blocks are compressed with zlib level 1 instead of 3: the same size
  within 1 % on statement text, and faster.
- A block stores its document ids and weights apart from its values
  (positions), as little-endian arrays instead of one pickled tuple:
  counting and scoring read only the small first part, and query
  evaluation turns both parts into numpy arrays without unpickling a
  Python object per posting. The layout itself, encoded and decoded, is
  ``indexer.storage.blocks``; this module wires it into Whoosh's writer and matcher.

Measured on 2,000 generated statements with a plain Whoosh writer: 14 %
less CPU time to index, index size unchanged (benchmarks/RESULTS.md).
Inlined postings and the compression level are Whoosh 3's own; the block
layout needs :class:`SiftLeafMatcher` to read it. The codec is pickled into
each segment's entry of the table of contents, so this module's path and
class names are part of the format; ``layout`` tells segments written
before the block layout changed (read as Whoosh 3 blocks).
"""

from __future__ import annotations

import struct
from array import array
from itertools import groupby
from operator import itemgetter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from whoosh.codec.base import OutOfOrderError
from whoosh.compat import dumps
from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3LeafMatcher,
    W3PostingsWriter,
    W3Segment,
    W3TermInfo,
)
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from indexer.storage import blocks
from indexer.storage.blocks import BLOCK_HEAD as BLOCK_HEAD  # (the block layout: indexer.storage.blocks)
from indexer.storage.blocks import LAYOUT as LAYOUT
from indexer.storage.blocks import block_part as block_part
from indexer.storage.lengths import ExactLengthsReader, ExactLengthsWriter
from indexer.storage.posting_blocks import PostingBlocks, RawValues, StoredBlock
from indexer.storage.counted_file import CountedFile
from indexer.storage.term_index import CompactTermIndexWriter

#: Posting lists shorter than this are stored inside the term's entry.
INLINE_LIMIT = 8
#: Postings per block: 4x Whoosh's 128, because Sift reads whole posting
#: lists (``query.vector``) and pays per block, not per posting.
BLOCK_LIMIT = 512
#: zlib level of posting blocks.
COMPRESSION = 1


class SiftPostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    """Whoosh 3's postings writer with inlining that works, writing blocks
    in the given ``layout`` (1: Whoosh 3's pickled tuples)."""

    def __init__(self, *args: Any, layout: int = LAYOUT, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.layout = layout

    def finish_postings(self) -> Any:
        this: Any = self  # Whoosh's attributes are untyped
        terminfo = this._terminfo
        if not self.written() and len(self) < this._inlinelimit:
            terminfo.add_block(self)
            # Fields without per-posting values (IDs, keywords) get b"" each:
            # with no values, Whoosh's inline reader answers "" (a str), which
            # its own merge code rejects.
            values = this._values or [b""] * len(this._ids)
            terminfo.set_inlined(this._ids, this._weights, values)
            this._terminfo = None
            return terminfo
        return super().finish_postings()

    #: The buffered block's values part, compressed as a merged segment
    #: stored it (see :class:`RawValues`); ``None``: encode ``_values``.
    _raw_second: bytes | None = None

    def _write_block(self, last: bool = False) -> None:
        this: Any = self
        ids, values = this._ids, this._values
        fixedsize = this._format.fixed_value_size()
        raw_second, self._raw_second = self._raw_second, None
        if raw_second is None and (
                self.layout < 2 or this._byteids or (fixedsize != 0 and len(values) != len(ids))):
            super()._write_block(last)  # term vectors, odd formats: Whoosh's layout
            return
        postfile = this._postfile
        if not this._blockcount:
            postfile.write(WHOOSH3_HEADER_MAGIC)
        this._terminfo.add_block(self)
        first = blocks.encode_first(ids, this._weights)
        comp = this._compression
        if raw_second is not None:
            databytes = blocks.encode_data(first, raw_second, comp, second_compressed=True)
        else:
            second = b"" if fixedsize == 0 else blocks.encode_values(values)
            databytes = blocks.encode_data(first, second, comp)
        infobytes = blocks.encode_info(len(ids), ids[-1], this._maxweight, comp,
                                       _length_byte(this._minlength), _length_byte(this._maxlength))
        length = len(infobytes) + len(databytes)
        postfile.write_int(-length if last else length)
        postfile.write(infobytes)
        postfile.write(databytes)
        this._blockcount += 1
        this._new_block()


class SiftFieldWriter(W3FieldWriter):  # type: ignore[misc]
    """Writes each term's whole posting list at once, and the terms file
    with :class:`CompactTermIndexWriter`.

    Whoosh hands the postings over one at a time, through three method
    calls and four type assertions each; here they are grouped by term and
    cut into blocks with list operations, the block statistics taken with
    ``max``/``min`` over each block.
    """

    def __init__(self, codec: Any, storage: Any, segment: Any) -> None:  # noqa: D107
        # W3FieldWriter.__init__ with the compact terms writer.
        this: Any = self
        this._codec, this._storage, this._segment = codec, storage, segment
        this._fieldname = this._fieldid = this._btext = this._fieldobj = this._format = None
        this._tindex = CompactTermIndexWriter(self._create_file(W3Codec.TERMS_EXT))
        this._fieldmap = this._tindex.extras["fieldmap"] = {}
        this._postfile = self._create_file(W3Codec.POSTS_EXT)
        this._postfile.file = CountedFile(this._postfile.file)  # (its position per term, see counted_file)
        this._postwriter = None
        this._infield = False
        this.is_closed = False

    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        self.add_posting_lists(schema, lengths, posting_lists(items))

    def add_posting_lists(self, schema: Any, lengths: Any, lists: Iterable[PostingList]) -> None:
        """Write each term's postings: ``(field, term, ids, weights, values)``
        in ``(field, term)`` order, ids ascending."""
        this: Any = self
        lastfn: str | None = None
        lasttext: bytes | None = None
        field_lengths: Any = None
        scorable = False
        for fieldname, btext, ids, weights, values in lists:
            if fieldname != lastfn:
                if lastfn is not None:
                    if fieldname < lastfn:
                        raise OutOfOrderError(f"Field {lastfn!r} .. {fieldname!r}")
                    self.finish_field()
                fieldobj = schema[fieldname]
                self.start_field(fieldname, fieldobj)
                lastfn, lasttext = fieldname, None
                scorable = fieldobj.scorable and lengths is not None
                field_lengths = _length_table(lengths, fieldname) if scorable else None
            if lasttext is not None and btext <= lasttext:
                raise OutOfOrderError(f"Term {fieldname}:{lasttext!r} .. {fieldname}:{btext!r}")
            lasttext = btext
            if isinstance(ids, PostingBlocks):  # a long list, a block at a time (never inlined)
                self.start_term(btext)
                _write_blocks(this._postwriter, ids, _lengths_of(lengths, fieldname, field_lengths) if scorable else None)
                self.finish_term()
                continue
            if scorable:
                if field_lengths is not None:
                    # ids ascend: when the last has a length, all do (one C-level pass)
                    doc_lengths = list(map(field_lengths.__getitem__, ids)) if ids and ids[-1] < len(field_lengths) \
                        else [field_lengths[d] if d < len(field_lengths) else 0 for d in ids]
                else:
                    doc_lengths = [lengths.doc_field_length(d, fieldname) for d in ids]
            else:
                doc_lengths = None
            if len(ids) < this._postwriter._inlinelimit and INLINE_FAST:
                # Most terms (the Zipf tail): their entry, as start_term,
                # add_posting, finish_postings and finish_term would make it.
                this._tindex.add(pack_ushort(this._fieldid) + btext,
                                 _inlined_entry(ids, weights, values, doc_lengths))
                continue
            self.start_term(btext)
            _write_term(this._postwriter, ids, weights, values, doc_lengths)
            self.finish_term()
        if lastfn is not None:
            self.finish_field()


#: Write short posting lists' entries directly (tests compare both ways).
INLINE_FAST = True


def _inlined_entry(ids: Sequence[int], weights: Sequence[float], values: Sequence[Any],
                   lengths: list[int] | None) -> bytes:
    """The terms-file entry of a posting list short enough to be inlined:
    ``W3TermInfo.to_bytes()`` of the term info ``finish_postings`` would
    make, packed straight from the lists (most terms of a segment pass here)."""
    if len(ids) == 1:
        return _single_entry(ids[0], weights, values[0], lengths[0] if lengths is not None else None)
    stored_weights = array("f", weights)  # the writer's buffer: 32-bit floats
    minlength, maxlength = 0, _NO_LENGTH
    if lengths is not None:
        nonzero = [n for n in lengths if n]
        if nonzero:
            minlength = _length_byte(min(nonzero))
        maxlength = _length_byte(max(lengths))
    # As SiftPostingsWriter.finish_postings: no values, ``b""`` each.
    kept = [v for v in values if v]
    inlined = (tuple(array("I", ids)), tuple(stored_weights), tuple(kept or [b""] * len(ids)))
    return _TERM_INFO.pack(True, sum(stored_weights), len(ids), minlength, maxlength, max(0, max(weights)),
                           ids[0], ids[-1]) + dumps(inlined, 2)


def _single_entry(docnum: int, weights: Sequence[float], value: Any, length: int | None) -> bytes:
    """:func:`_inlined_entry` of a term in one document (most of a segment's
    terms, the Zipf tail), the same bytes in fewer steps."""
    weight = weights[0]
    stored = _FLOAT32.get(weight)  # the writer's buffer holds 32-bit floats
    if stored is None:
        stored = array("f", weights)[0]
        if weight > 0:  # (not 0.0 and -0.0, equal as keys; nor NaN)
            if len(_FLOAT32) >= _FLOAT32_KEPT:
                _FLOAT32.clear()
            _FLOAT32[weight] = stored
    if length is None:
        byte = _NO_LENGTH
    else:
        byte = _LENGTH_BYTES[length] if 0 <= length < _LENGTH_BYTES_KEPT else length_to_byte(length)
    head = _TERM_INFO.pack(True, 0 + stored, 1, byte if length else 0, byte, max(0, weight), docnum, docnum)
    return head + _pickled_single(int(docnum), stored, value if value else b"")


def _pickled_single(docnum: int, weight: float, value: Any) -> bytes:
    """``dumps(((docnum,), (weight,), (value,)), 2)``, the same bytes put
    together: the document number's and the weight's opcodes (neither is
    memoised, so the two tuples are always memo entries 0 and 1), then the
    value's part, which depends on the value alone and is pickled once per
    distinct value (a term in one document has one of a few thousand
    values: one position, or a keyword's count). Pickling the nested tuple
    was a tenth of writing a segment's terms."""
    tail = _PICKLED_VALUES.get(value) if value.__class__ is bytes else None
    if tail is None:
        if value.__class__ is not bytes or not _PICKLE_BY_PARTS:
            return dumps(((docnum,), (weight,), (value,)), 2)
        if len(_PICKLED_VALUES) >= _PICKLED_VALUES_KEPT:
            _PICKLED_VALUES.clear()
        tail = _PICKLED_VALUES[value] = dumps(((0,), (0.0,), (value,)), 2)[_PICKLED_HEAD:]
    if docnum < 256:
        opcode = _BININT1[docnum] if docnum >= 0 else dumps(docnum, 2)[2:-1]
    elif docnum < 65536:
        opcode = b"M" + _UINT16.pack(docnum)
    elif docnum < 1 << 31:
        opcode = b"J" + _INT32.pack(docnum)
    else:
        return dumps(((docnum,), (weight,), (value,)), 2)
    return b"".join((b"\x80\x02", opcode, b"\x85q\x00G", _DOUBLE.pack(weight), b"\x85q\x01", tail))


_TERM_INFO = W3TermInfo._struct
_NO_LENGTH = length_to_byte(0)
#: Weight -> the same as a 32-bit float (a one-document term's weight is one of a few).
_FLOAT32: dict[float, float] = {}
_FLOAT32_KEPT = 4096
#: ``length_to_byte`` of the lengths most fields have, read from a table (it bisects per call).
_LENGTH_BYTES_KEPT = 1 << 14


def _length_bytes() -> list[int]:
    """``length_to_byte`` of each length below :data:`_LENGTH_BYTES_KEPT`,
    filled a byte's range at a time (what it bisects: searching imports this
    module, and 16,384 calls would add to its start-up)."""
    table = [0] * _LENGTH_BYTES_KEPT
    low = 0
    for byte in range(256):
        high = min(byte_to_length(byte), _LENGTH_BYTES_KEPT - 1)  # lengths low..high give this byte
        if high >= low:
            table[low:high + 1] = [byte] * (high + 1 - low)
        low = max(low, high + 1)
    return table


_LENGTH_BYTES = _length_bytes()


def _length_byte(length: int) -> int:
    """``length_to_byte(length)`` (``None``: 0)."""
    if length.__class__ is int and 0 <= length < _LENGTH_BYTES_KEPT:
        return _LENGTH_BYTES[length]
    return int(length_to_byte(length))

_BININT1 = [b"K" + bytes([n]) for n in range(256)]
_UINT16, _INT32, _DOUBLE = struct.Struct("<H"), struct.Struct("<i"), struct.Struct(">d")
#: ``dumps(((0,), (0.0,), (v,)), 2)`` up to the value's part.
_PICKLED_HEAD = len(b"\x80\x02K\x00\x85q\x00G") + 8 + len(b"\x85q\x01")
_PICKLED_VALUES: dict[bytes, bytes] = {}
_PICKLED_VALUES_KEPT = 16_384  # (one-position values below 8,192 and keyword counts: most)


def _pickles_by_parts() -> bool:
    """Whether this Python's pickler writes what :func:`_pickled_single` puts
    together (protocol 2 is fixed, but a pickler could memoise otherwise):
    if not, every entry is pickled whole."""
    samples = [(0, 1.0, b""), (255, 0.5, b"\x01\x00\x00\x00"), (256, 3.0, b"x" * 300), (65535, 2.0, b"ab"),
               (65536, 1e-3, b"\x00"), (2**31 - 1, 7.25, b"\xff" * 9)]
    _PICKLED_VALUES.clear()
    global _PICKLE_BY_PARTS
    _PICKLE_BY_PARTS = True
    try:
        return all(_pickled_single(d, w, v) == dumps(((d,), (w,), (v,)), 2) for d, w, v in samples)
    finally:
        _PICKLED_VALUES.clear()


_PICKLE_BY_PARTS = True
_PICKLE_BY_PARTS = _pickles_by_parts()


_FIELD_TERM = itemgetter(0, 1)
#: One term's postings: ``(field, term, document ids, weights, values)``.
PostingList = tuple[str, bytes, Sequence[int], Sequence[float], Sequence[Any]]


def posting_lists(items: Iterable[tuple[str, bytes, int, float, Any]]) -> Iterator[PostingList]:
    """Whoosh's postings ``(field, term, id, weight, value)``, sorted, grouped per term."""
    for (fieldname, btext), group in groupby(items, key=_FIELD_TERM):
        _, _, ids, weights, values = zip(*group)
        yield fieldname, btext, ids, weights, values


def _length_table(lengths: Any, fieldname: str) -> Any:
    """The field's length per document as a list, when the lengths object
    (``segment.SiftWriter``'s cached lengths) offers the field's length
    bytes or lengths at once."""
    table = getattr(lengths, "_lengths", None)
    if table is None:
        return None
    column = table(fieldname)
    if isinstance(column, (bytes, bytearray)):
        return [_LENGTH_OF_BYTE[b] for b in column]
    return column


_LENGTH_OF_BYTE = tuple(byte_to_length(b) for b in range(256))


def _write_term(writer: Any, ids: Sequence[int], weights: Sequence[float], values: Sequence[Any],
                lengths: list[int] | None) -> None:
    """Buffer and write one term's postings as ``add_posting`` would; a
    block a merged segment stored (:class:`RawValues`) keeps its values part."""
    limit = writer._blocklimit
    at = 0
    # Stored blocks are copied only into Sift's block layout.
    for run in _runs(values, writer._compression if getattr(writer, "layout", 1) >= LAYOUT else None):
        if isinstance(run, StoredBlock):
            if at:
                writer._write_block()
            _buffer(writer, ids, weights, [], lengths, at, at + run.size)
            writer._raw_second = run.data
            at += run.size
            continue
        count = len(run)
        for start in range(0, count, limit):
            if at:
                writer._write_block()
            end = min(count, start + limit)
            _buffer(writer, ids, weights, [v for v in run[start:end] if v], lengths, at, at + end - start)
            at += end - start


def _lengths_of(lengths: Any, fieldname: str, table: Any) -> Any:
    """The function giving the field's length of each document of a block."""
    if table is not None:
        return lambda ids: [table[d] if d < len(table) else 0 for d in ids]
    return lambda ids: [lengths.doc_field_length(d, fieldname) for d in ids]


def _write_blocks(writer: Any, parts: PostingBlocks, lengths_of: Any) -> None:
    """:func:`_write_term` of a list given a part at a time: the same blocks
    (each stored block copied as one, the decoded postings between two
    stored blocks cut from their first into blocks of the block limit)."""
    limit = writer._blocklimit
    copy = writer._compression if getattr(writer, "layout", 1) >= LAYOUT else None
    started = False
    ids: list[int] = []
    weights: list[float] = []
    values: list[Any] = []

    def block(block_ids: Sequence[int], block_weights: Sequence[float], block_values: list[Any],
              raw: bytes | None = None) -> None:
        nonlocal started
        if started:
            writer._write_block()
        started = True
        _buffer(writer, block_ids, block_weights, [v for v in block_values if v],
                lengths_of(block_ids) if lengths_of is not None else None, 0, len(block_ids))
        writer._raw_second = raw

    for part_ids, part_weights, part_values in parts:
        if isinstance(part_values, StoredBlock):
            if part_values.compression == copy:
                for start in range(0, len(ids), limit):
                    block(ids[start:start + limit], weights[start:start + limit], values[start:start + limit])
                ids, weights, values = [], [], []
                block(part_ids, part_weights, [], part_values.data)
                continue
            part_values = part_values.decode()
        ids.extend(part_ids)
        weights.extend(part_weights)
        values.extend(part_values)
        if len(ids) >= limit:
            cut = len(ids) - len(ids) % limit
            for start in range(0, cut, limit):
                block(ids[start:start + limit], weights[start:start + limit], values[start:start + limit])
            ids, weights, values = ids[cut:], weights[cut:], values[cut:]
    if ids:
        block(ids, weights, values)


def _buffer(writer: Any, ids: Sequence[int], weights: Sequence[float], values: list[Any],
            lengths: list[int] | None, start: int, end: int) -> None:
    """Make postings ``start:end`` the writer's buffered block."""
    writer._ids = array("I", ids[start:end])
    block_weights = weights[start:end]
    writer._weights = array("f", block_weights)
    writer._maxweight = max(0, max(block_weights))
    writer._values = values
    if lengths is not None:
        block_lengths = lengths[start:end]
        nonzero = [n for n in block_lengths if n]
        writer._minlength = min(nonzero) if nonzero else None
        writer._maxlength = max(block_lengths)


def _runs(values: Sequence[Any], compression: int | None) -> Iterator[Sequence[Any] | StoredBlock]:
    """``values`` as runs of decoded values and stored blocks to copy (those
    compressed at ``compression``; the others are decoded)."""
    if not isinstance(values, RawValues):
        yield values
        return
    run: list[Any] = []
    for part in values.parts:
        if isinstance(part, StoredBlock):
            if part.compression == compression:
                if run:
                    yield run
                    run = []
                yield part
                continue
            part = part.decode()
        run.extend(part)
    if run:
        yield run


class SiftLeafMatcher(W3LeafMatcher):  # type: ignore[misc]
    """Reads blocks written by :class:`SiftPostingsWriter`."""

    _raw: bytes | None = None
    _first: bytes | None = None

    def _goto(self, position: int) -> None:
        self._raw = self._first = None
        super()._goto(position)

    def _read_data(self) -> None:
        this: Any = self
        self._raw = this._postfile.get(this._dataoffset, this._nextoffset - this._dataoffset)
        this._data = True  # W3LeafMatcher's "loaded" flag

    def _part(self, second: bool) -> bytes:
        this: Any = self
        if self._raw is None:
            self._read_data()
        assert self._raw is not None
        return block_part(self._raw, this._compression, second)

    def first_part(self) -> bytes:
        """Header, id deltas and weights (see ``SiftPostingsWriter._write_block``)."""
        if self._first is None:
            self._first = self._part(False)
        return self._first

    def second_part(self) -> bytes:
        """Value lengths then the values, concatenated."""
        return self._part(True)

    def stored_second_part(self) -> StoredBlock:
        """The second part as stored (compressed), for a merge to copy."""
        this: Any = self
        if self._raw is None:
            self._read_data()
        assert self._raw is not None
        return StoredBlock(this._blocklength, this._compression, blocks.stored_second_part(self._raw))

    def _read_ids(self) -> None:
        this: Any = self
        this._ids = blocks.decode_ids(self.first_part())

    def _read_weights(self) -> None:
        this: Any = self
        this._weights = blocks.decode_weights(self.first_part())

    def _read_values(self) -> None:
        this: Any = self
        count = this._blocklength
        if this._fixedsize == 0:
            this._values = (None,) * count
            return
        this._values = tuple(blocks.split_values(self.second_part(), count))


class SiftCodec(W3Codec):  # type: ignore[misc]
    """Whoosh 3's codec with :class:`SiftPostingsWriter` and :class:`SiftLeafMatcher`,
    keeping exact field-length totals (``indexer.storage.lengths``)."""

    def __init__(self, blocklimit: int = BLOCK_LIMIT, compression: int = COMPRESSION, inlinelimit: int = INLINE_LIMIT) -> None:
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)
        self.layout = LAYOUT

    def new_segment(self, storage: Any, indexname: str) -> Any:
        """A new segment, named ``next_segment_id`` if that was set (once):
        a background merge writes a segment whose name the indexing process
        chose, so that its commits leave the files being written alone."""
        return W3Segment(self, indexname, segid=self.__dict__.pop("next_segment_id", None))

    def per_document_writer(self, storage: Any, segment: Any) -> Any:
        return ExactLengthsWriter(self, storage, segment)

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return ExactLengthsReader(storage, segment)

    def field_writer(self, storage: Any, segment: Any) -> Any:
        if getattr(self, "layout", 1) < LAYOUT:
            return super().field_writer(storage, segment)
        return SiftFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        return SiftPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                  compression=self._compression, inlinelimit=self._inlinelimit,
                                  layout=getattr(self, "layout", 1))

    def postings_reader(self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None) -> Any:
        if terminfo.is_inlined() or getattr(self, "layout", 1) < LAYOUT:
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return SiftLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)
