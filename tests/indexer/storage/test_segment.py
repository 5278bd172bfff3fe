"""The writer's storage reads segments with ``pread``: same data as Whoosh's
``mmap`` reads, without copying segments into memory."""

from __future__ import annotations

import pickle
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.structfile import BufferFile, StructFile
from whoosh.qparser import QueryParser

from indexer.storage.codec import SiftCodec
from indexer.storage.segment import READ_AHEAD, SegmentStorage, SiftWriter, _CachedLengths, _SegmentFile
from indexer.storage.store import create_or_open

DATA = random.Random(5).randbytes(3 * READ_AHEAD + 123) + b"line\nbreaks\n" * 50
#: (offset, length) of a part of DATA: at the start, inside, past a read-ahead block, empty.
PARTS = [(0, len(DATA)), (17, 5000), (READ_AHEAD - 3, READ_AHEAD + 10), (40, 0)]


@pytest.mark.parametrize("offset, length", PARTS)
def test_part_reads_like_whoosh_buffer_file(tmp_path: Path, offset: int, length: int) -> None:
    (tmp_path / "data").write_bytes(DATA)
    with SegmentStorage(str(tmp_path)).open_file("data") as whole:
        _compare(whole.subset(offset, length), BufferFile(memoryview(DATA)[offset : offset + length]), length)


def _compare(ours: StructFile, theirs: StructFile, length: int) -> None:
    """Random reads of the same bytes through ``ours`` and ``theirs`` agree."""
    rng = random.Random(length)
    for _ in range(300):
        action = rng.choice(["read", "seek", "get", "readline", "varint", "tell"])
        position = rng.randrange(length + 20)
        size = rng.choice([1, 2, 7, 300, READ_AHEAD + 5, length + 1])
        if action == "read":
            assert ours.read(size) == theirs.read(size)
        elif action == "seek":
            ours.seek(position)
            theirs.seek(min(position, length))  # BytesIO may seek past the end; reads then agree
        elif action == "get":
            assert ours.get(position, size) == theirs.get(position, size)
        elif action == "readline":
            assert ours.file.readline() == theirs.file.readline()
        elif action == "varint" and ours.tell() < length - 64:
            assert ours.read_varint() == theirs.read_varint()
        assert ours.tell() == theirs.tell()
    assert ours.read() == theirs.read()


def test_part_reads_pickles_and_subsets(tmp_path: Path) -> None:
    payload = pickle.dumps({"terms": ["a\nb", 3, 4.5], "more": list(range(2000))}, 2)
    (tmp_path / "data").write_bytes(b"x" * 10 + payload + b"tail")
    with SegmentStorage(str(tmp_path)).open_file("data") as whole:
        part = whole.subset(10, len(payload) + 4)
        assert part.read_pickle() == pickle.loads(payload)
        assert part.read() == b"tail"
        assert part.subset(len(payload), 4).read() == b"tail"


def test_part_of_a_closed_file_refuses_to_read(tmp_path: Path) -> None:
    # A part reads the file's descriptor by number: once the file is closed
    # it must fail, not read whatever file reuses that number.
    (tmp_path / "data").write_bytes(DATA)
    whole = SegmentStorage(str(tmp_path)).open_file("data")
    part = whole.subset(10, 100)
    whole.close()
    with pytest.raises(ValueError):
        part.get(0, 4)
    with pytest.raises(ValueError):
        part.read(4)


def _documents(count: int) -> list[dict[str, str]]:
    return [{"id": str(i), "body": f"shelling of town{i % 7} rare{i % 50} regime forces {'again ' * (i % 3)}"}
            for i in range(count)]


def test_the_writing_process_opens_the_index_without_mmap(tmp_path: Path) -> None:
    assert isinstance(create_or_open(tmp_path / "ix").storage, SegmentStorage)  # created
    assert isinstance(create_or_open(tmp_path / "ix").storage, SegmentStorage)  # opened


def test_segments_read_with_pread_find_the_same_as_with_mmap(tmp_path: Path) -> None:
    schema = Schema(id=ID(stored=True, unique=True), body=TEXT(stored=True, phrase=True))
    ix = whoosh_index.FileIndex.create(SegmentStorage(str(tmp_path)), schema, "MAIN")
    docs = _documents(300)
    for start in range(0, len(docs), 100):  # three compound segments
        writer = SiftWriter(ix, codec=SiftCodec())
        for doc in docs[start : start + 100]:
            writer.add_document(**doc)
        writer.commit(merge=False)
    mapped = whoosh_index.open_dir(str(tmp_path))  # Whoosh's default: mmap
    with ix.searcher() as ours, mapped.searcher() as theirs:
        storages = [r._storage.a for r, _ in ours.reader().leaf_readers()]  # compound file, then main storage
        assert len(storages) == 3
        assert all(isinstance(s, CompoundStorage) and s._source is None for s in storages)
        assert all(isinstance(s._file, _SegmentFile) for s in storages)
        for text in ("rare3", '"regime forces"', "town2 AND again", "rare1*"):
            query = QueryParser("body", schema).parse(text)
            hits = [[(h["id"], h["body"], round(h.score, 6)) for h in s.search(query, limit=None)]
                    for s in (ours, theirs)]
            assert hits[0] == hits[1] and hits[0], text
        assert ours.document_number(id="250") == theirs.document_number(id="250") is not None


@pytest.mark.parametrize("new_docs,per_segment", [(0, 300), (60, 300), (60, 700)])
@pytest.mark.parametrize("final_codec", ["sift", "whoosh3"])
def test_merges_write_the_same_segment_as_whoosh(tmp_path: Path, new_docs: int, per_segment: int,
                                                 final_codec: str) -> None:
    # SiftWriter streams a merged segment's postings (renumbered, deleted
    # documents skipped) past Whoosh's pool, merging them with the new
    # documents' postings: the merged segment must be the one Whoosh writes.
    # 4 segments: common terms span several blocks, rare ones are inlined.
    # With 700 documents a segment, common terms have full blocks, which a
    # merge into Sift's codec copies as stored (the segments without deletions).
    # Merged into Whoosh 3's own codec, whose field writer takes postings one
    # by one, the lists are streamed as postings.
    from whoosh.codec.whoosh3 import W3Codec

    def codec() -> Any:
        return SiftCodec() if final_codec == "sift" else W3Codec()

    # A sortable column and an often empty text field: per-document data
    # (stored records, lengths, column values) is copied as it is.
    schema = Schema(id=ID(stored=True, unique=True), body=TEXT(stored=True, phrase=True),
                    title=TEXT(), tag=ID(sortable=True))
    (tmp_path / "a").mkdir()
    ix = whoosh_index.FileIndex.create(SegmentStorage(str(tmp_path / "a")), schema, "MAIN")
    docs: list[dict[str, str]] = [
        {**doc, "tag": f"t{i % 5}", **({"title": "regime forces " * (i % 4)} if i % 3 else {})}
        for i, doc in enumerate(_documents(4 * per_segment + new_docs))]
    for start in range(0, 4 * per_segment, per_segment):
        writer = SiftWriter(ix, codec=SiftCodec())
        for doc in docs[start : start + per_segment]:
            writer.add_document(**doc)
        writer.commit(merge=False)
    writer = SiftWriter(ix, codec=SiftCodec())
    for statement_id in ("5", "150", "151", "299", "700"):
        writer.delete_by_term("id", statement_id)
    writer.commit(merge=False)
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    ours_writer = SiftWriter(ix, codec=codec())
    whoosh = whoosh_index.open_dir(str(tmp_path / "b"))
    theirs_writer = whoosh.writer(codec=codec())  # Whoosh's own SegmentWriter
    for writer in (ours_writer, theirs_writer):
        for doc in docs[4 * per_segment:]:
            writer.add_document(**doc)
        writer.commit(optimize=True)
    with ix.reader() as ours, whoosh.reader() as theirs:
        assert len(ix._segments()) == len(whoosh._segments()) == 1
        assert ours.doc_count() == theirs.doc_count() == 4 * per_segment - 5 + new_docs
        assert list(ours.iter_postings()) == list(theirs.iter_postings())
        assert list(ours.all_stored_fields()) == list(theirs.all_stored_fields())
        for field in ("body", "title"):
            assert ours.field_length(field) == theirs.field_length(field) > 0
            assert [ours.doc_field_length(d, field) for d in range(ours.doc_count_all())] \
                == [theirs.doc_field_length(d, field) for d in range(theirs.doc_count_all())]
        assert list(ours.column_reader("tag")) == list(theirs.column_reader("tag"))
        if per_segment == 700 and final_codec == "sift":
            # The full blocks were copied: each starts a block of its own.
            def blocks(reader: Any) -> int:
                matcher, count = reader.postings("body", "regime"), 0
                while matcher.is_active():
                    count += 1
                    matcher._next_block()
                return int(count)

            assert blocks(ours) > blocks(theirs) == -(-ours.doc_frequency("body", "regime") // 512)
        for term in ("body", b"the"), ("body", b"word7"), ("id", b"1201"):
            if term in theirs:
                a, b = ours.term_info(*term), theirs.term_info(*term)
                assert (a.weight(), a.doc_frequency(), a.max_weight(), a.min_length(), a.max_length()) \
                    == (b.weight(), b.doc_frequency(), b.max_weight(), b.min_length(), b.max_length())


def test_cached_lengths_equal_whoosh_reads(tmp_path: Path) -> None:
    ix = whoosh_index.create_in(str(tmp_path), Schema(id=ID(stored=True), body=TEXT))
    writer = ix.writer()
    for i in range(400):
        writer.add_document(id=str(i), body="word " * (i % 300 + 1))
    writer.commit()
    with ix.reader() as reader:
        cached = _CachedLengths(reader._perdoc)
        for docnum in range(0, 400, 7):
            assert cached.doc_field_length(docnum, "body") == reader.doc_field_length(docnum, "body")
        assert cached.doc_field_length(10_000, "body", default=-1) == -1
        assert cached.doc_field_length(3, "id", default=5) == 5  # no lengths column
