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

from array import array
from itertools import groupby
from operator import itemgetter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from whoosh.codec.base import OutOfOrderError
from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3LeafMatcher,
    W3PostingsWriter,
    W3Segment,
)
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length

from indexer.storage import blocks
from indexer.storage.blocks import BLOCK_HEAD as BLOCK_HEAD  # (the block layout: indexer.storage.blocks)
from indexer.storage.blocks import LAYOUT as LAYOUT
from indexer.storage.blocks import block_part as block_part
from indexer.storage.lengths import ExactLengthsReader, ExactLengthsWriter
from indexer.storage.posting_blocks import PostingBlocks, RawValues, StoredBlock
from indexer.storage.counted_file import CountedFile
from indexer.storage.inlined import inlined_entry, length_byte, single_entry
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
                                       length_byte(this._minlength), length_byte(this._maxlength))
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
        # (Most terms pass the inlined branch below, one per segment and
        # term: what it uses is looked up once per field, not per term.)
        tindex_add = this._tindex.add
        inline_limit = 0
        prefix = b""
        length_of: Any = None
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
                length_of = field_lengths.__getitem__ if field_lengths is not None else None
                inline_limit = this._postwriter._inlinelimit if INLINE_FAST else 0
                prefix = pack_ushort(this._fieldid)
            if lasttext is not None and btext <= lasttext:
                raise OutOfOrderError(f"Term {fieldname}:{lasttext!r} .. {fieldname}:{btext!r}")
            lasttext = btext
            if isinstance(ids, PostingBlocks):  # a long list, a block at a time (never inlined)
                self.start_term(btext)
                _write_blocks(this._postwriter, ids, _lengths_of(lengths, fieldname, field_lengths) if scorable else None)
                self.finish_term()
                continue
            count = len(ids)
            if scorable:
                if field_lengths is not None:
                    # ids ascend: when the last has a length, all do (one C-level pass)
                    doc_lengths = list(map(length_of, ids)) if count and ids[-1] < len(field_lengths) \
                        else [field_lengths[d] if d < len(field_lengths) else 0 for d in ids]
                else:
                    doc_lengths = [lengths.doc_field_length(d, fieldname) for d in ids]
            else:
                doc_lengths = None
            if count < inline_limit:
                # Most terms (the Zipf tail): their entry, as start_term,
                # add_posting, finish_postings and finish_term would make it.
                tindex_add(prefix + btext,
                           single_entry(ids[0], weights, values[0], doc_lengths[0] if doc_lengths is not None else None)
                           if count == 1 else inlined_entry(ids, weights, values, doc_lengths))
                continue
            self.start_term(btext)
            _write_term(this._postwriter, ids, weights, values, doc_lengths)
            self.finish_term()
        if lastfn is not None:
            self.finish_field()


#: Write short posting lists' entries directly (tests compare both ways).
INLINE_FAST = True


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
