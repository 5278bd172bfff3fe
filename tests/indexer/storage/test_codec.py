"""Sift's codec stores the same index as Whoosh 3's, short posting lists inlined."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.qparser import QueryParser

from indexer.storage.codec import INLINE_LIMIT, SiftCodec

DOCS = [f"shelling of town{i % 5} rare{i % 40} common words said regime forces {'again ' * (i % 4)}"
        for i in range(200)]


def _build(directory: Path, codec: W3Codec, commits: int = 1) -> whoosh_index.Index:
    directory.mkdir()
    ix = whoosh_index.create_in(str(directory), Schema(id=ID(stored=True), body=TEXT(phrase=True)))
    step = len(DOCS) // commits
    for start in range(0, len(DOCS), step):
        writer = ix.writer(codec=codec)
        for i in range(start, start + step):
            writer.add_document(id=str(i), body=DOCS[i])
        writer.commit(merge=False)
    return ix


def test_short_posting_lists_are_inlined_and_long_ones_are_not(tmp_path: Path) -> None:
    ix = _build(tmp_path / "sift", SiftCodec())
    with ix.reader() as reader:
        assert reader.doc_frequency("body", "rare3") == 5 < INLINE_LIMIT
        assert reader.term_info("body", "rare3").is_inlined()
        assert not reader.term_info("body", "shelling").is_inlined()


def test_search_results_and_scores_equal_whoosh_codec(tmp_path: Path) -> None:
    ours, theirs = _build(tmp_path / "sift", SiftCodec()), _build(tmp_path / "w3", W3Codec())
    for text in ("rare3", '"regime forces"', "rare7 OR town2", '"town1 rare11"', "rare*", "shelling AND rare39",
                 "again", '"again again"', "again AND town3"):
        results = []
        for ix in (ours, theirs):
            with ix.searcher() as searcher:
                hits = searcher.search(QueryParser("body", ix.schema).parse(text), limit=None)
                results.append([(h["id"], round(h.score, 6)) for h in hits])
        assert results[0] == results[1] and results[0], text


def test_segments_with_inlined_postings_merge(tmp_path: Path) -> None:
    ix = _build(tmp_path / "sift", SiftCodec(), commits=4)
    assert len(ix._segments()) == 4
    writer = ix.writer(codec=SiftCodec())
    writer.commit(optimize=True)  # reads every segment's postings back
    assert len(ix._segments()) == 1
    with ix.searcher() as searcher:
        assert len(searcher.search(QueryParser("body", ix.schema).parse("rare3"), limit=None)) == 5
        assert searcher.document(id="3") is not None


def test_segments_of_the_first_layout_still_read(tmp_path: Path) -> None:
    old = SiftCodec()
    del old.layout  # as unpickled from a segment written before the block layout changed
    ours, theirs = _build(tmp_path / "old", old), _build(tmp_path / "w3", W3Codec())
    for ix in (ours, theirs):
        with ix.searcher() as searcher:
            hits = searcher.search(QueryParser("body", ix.schema).parse('"again again" town1'), limit=None)
            assert {h["id"] for h in hits} == {str(i) for i in range(200) if i % 4 >= 2 and i % 5 == 1}


def test_term_statistics_equal_whooshs(tmp_path: Path) -> None:
    """Block and term statistics (lengths, weights) drive Whoosh's scoring
    shortcuts; Sift's writer must record the same ones."""
    from indexer.storage.segment import SiftWriter

    texts = [f"{'word ' * (i % 70)} town{i % 5} rare{i % 40} said" for i in range(300)]
    stats = []
    for name, make in (("sift", lambda ix: SiftWriter(ix, codec=SiftCodec())), ("w3", lambda ix: ix.writer())):
        directory = tmp_path / name
        directory.mkdir()
        ix = whoosh_index.create_in(str(directory), Schema(id=ID(stored=True), body=TEXT(phrase=True)))
        writer = make(ix)
        for i, text in enumerate(texts):
            writer.add_document(id=str(i), body=text)
        writer.commit()
        with ix.reader() as reader:
            stats.append({term: (info.min_length(), info.max_length(), info.max_weight(), info.weight(), info.doc_frequency())
                          for term, info in reader.iter_field("body")})
    assert stats[0] == stats[1] and len(stats[0]) > 40


def test_short_lists_entries_written_directly_equal_the_postings_writers(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # Inlined entries are written without the postings writer (most terms are
    # rare): every term's entry must be the bytes the writer would make,
    # scored fields (lengths), unscored ones and fields without positions alike.
    import indexer.storage.codec as codec

    def entries(name: str, fast: bool) -> dict[tuple[str, bytes], Any]:
        monkeypatch.setattr(codec, "INLINE_FAST", fast)
        directory = tmp_path / name
        directory.mkdir()
        schema = Schema(id=ID(stored=True), body=TEXT(phrase=True), tag=KEYWORD(scorable=True), plain=TEXT(phrase=False))
        ix = whoosh_index.create_in(str(directory), schema)
        writer = ix.writer(codec=SiftCodec())
        for i, text in enumerate(DOCS):
            writer.add_document(id=str(i), body=text, tag=f"t{i % 9} u{i % 60}", plain=text if i % 3 else "")
        writer.commit()
        with ix.reader() as reader:
            infos = {(f, t): reader.term_info(f, t) for f, t in reader.all_terms()}
            return {key: (i._weight, i._df, i._minlength, i._maxlength, i._maxweight, i._minid, i._maxid,
                          i._inlined) for key, i in infos.items()}

    fast, slow = entries("fast", True), entries("slow", False)
    assert fast == slow
    assert sum(1 for f, t in slow if f == "body" and t.startswith(b"rare")) == 40


def test_compact_term_index_rejects_keys_out_of_order() -> None:
    from whoosh.filedb.filestore import RamStorage

    from indexer.storage.codec import CompactTermIndexWriter

    writer = CompactTermIndexWriter(RamStorage().create_file("terms"))
    writer.add(b"b", b"1")
    with pytest.raises(ValueError):
        writer.add(b"a", b"2")


def test_terms_file_writer_holds_a_few_bytes_per_term() -> None:
    """The field writer keeps every term's hash and position until it
    closes; a segment has a few terms per statement of its own (id, url,
    version key), so what it holds per term bounds a large merge. Whoosh's
    own writer held a (hash, position) tuple per term: about 125 bytes."""
    import tracemalloc

    from whoosh.filedb.filestore import RamStorage
    from whoosh.filedb.structfile import StructFile

    from indexer.storage.codec import SiftFieldWriter

    class _NoData(StructFile):  # type: ignore[misc]
        def write(self, data: bytes) -> None:  # the terms' bytes are not the question
            self._pos = getattr(self, "_pos", 0) + len(data)

        def tell(self) -> int:
            return getattr(self, "_pos", 0)

    storage = RamStorage()
    schema = Schema(id=ID(stored=True))
    ix = storage.create_index(schema)
    segment = SiftCodec().new_segment(storage, ix.indexname)
    writer = SiftFieldWriter(SiftCodec(), storage, segment)
    index = writer._tindex
    index.dbfile = _NoData(None)
    keys = [b"\x00\x00id-%07d" % n for n in range(20_000)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for key in keys:
            index.add(key, b"x")
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held / len(keys) < 30
