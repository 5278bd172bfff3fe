"""Field-length totals are the exact sum of the live documents' true lengths,
whatever the merges (issue 22): so are BM25's averages, hence the scores."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema

from indexer.storage.codec import SiftCodec
from indexer.storage.segment import SegmentStorage, SiftWriter
from indexer.writing.write import IndexOptions, index_paths
from query import Searcher
from tests.query.shard_corpus import generate, write_files

SCHEMA = Schema(id=ID(stored=True, unique=True), body=TEXT(stored=True), title=TEXT())
WORDS = "regime forces shelled the town near aleppo council urged ceasefire aid convoy".split()


def _documents(count: int, seed: int) -> list[dict[str, str]]:
    # Lengths from 1 to 80 tokens: most have no exact length byte.
    rng = random.Random(seed)
    return [{"id": str(i), "body": " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 80))),
             **({"title": " ".join(rng.choices(WORDS, k=rng.randint(11, 30)))} if i % 3 else {})}
            for i in range(count)]


def _true_total(docs: list[dict[str, str]], field: str) -> int:
    # (How Whoosh's writer counts a length: each term's frequency.)
    return sum(freq for doc in docs if field in doc for _, freq, _, _ in SCHEMA[field].index(doc[field]))


def _build(directory: Path, batches: list[list[dict[str, str]]], deleted: list[str], optimize: bool) -> Any:
    directory.mkdir()
    ix = whoosh_index.FileIndex.create(SegmentStorage(str(directory)), SCHEMA, "MAIN")
    for batch in batches:
        writer = SiftWriter(ix, codec=SiftCodec())
        for doc in batch:
            writer.add_document(**doc)
        writer.commit(merge=False)
    writer = SiftWriter(ix, codec=SiftCodec())
    for statement_id in deleted:
        writer.delete_by_term("id", statement_id)
    writer.commit(merge=False)
    if optimize:
        SiftWriter(ix, codec=SiftCodec()).commit(optimize=True)
    return ix


@pytest.mark.parametrize("deleted", [[], ["3", "40", "41", "199", "250"]])
def test_totals_are_exact_with_and_without_merges(tmp_path: Path, deleted: list[str]) -> None:
    docs = _documents(300, 1)
    live = [d for d in docs if d["id"] not in deleted]
    one = _build(tmp_path / "one", [docs], deleted, optimize=False)
    several = _build(tmp_path / "several", [docs[i : i + 60] for i in range(0, 300, 60)], deleted, optimize=False)
    merged = _build(tmp_path / "merged", [docs[i : i + 60] for i in range(0, 300, 60)], deleted, optimize=True)
    assert len(merged._segments()) == 1 and len(several._segments()) == 5
    for field in ("body", "title"):
        expected = _true_total(live, field)
        for ix in (one, several, merged):
            with ix.reader() as reader:
                assert reader.field_length(field) == expected, field


def test_merging_merged_segments_keeps_exact_totals(tmp_path: Path) -> None:
    # A merged segment's documents carry their true lengths into the next merge.
    docs = _documents(240, 2)
    ix = _build(tmp_path / "ix", [docs[:80], docs[80:160]], ["5", "100"], optimize=True)
    writer = SiftWriter(ix, codec=SiftCodec())
    for doc in docs[160:]:
        writer.add_document(**doc)
    writer.delete_by_term("id", "7")
    writer.commit(optimize=True)
    live = [d for d in docs if d["id"] not in ("5", "100", "7")]
    with ix.reader() as reader:
        assert reader.field_length("body") == _true_total(live, "body")


def test_merge_history_does_not_change_scores(tmp_path: Path) -> None:
    # The same statements indexed in one commit, and in many small commits
    # (merged as they go, by Whoosh's policy): same totals, same scores.
    paths = write_files(tmp_path / "input", generate(3, 240))
    index_paths(paths, tmp_path / "one", IndexOptions(extract=False, batch_size=1000))
    index_paths(paths, tmp_path / "merged", IndexOptions(extract=False, batch_size=12))
    one, merged = Searcher(tmp_path / "one"), Searcher(tmp_path / "merged")
    try:
        with whoosh_index.open_dir(str(tmp_path / "merged")).reader() as reader:
            assert 1 < len(list(reader.leaf_readers())) < 20  # merged, not 20 segments of 12
        for query in ("siege", "siege hospital market", "forces regime civilians", "convoy OR refugees"):
            a, b = one.search(query, limit=50), merged.search(query, limit=50)
            assert [(h.id, h.score) for h in a.hits] == [(h.id, h.score) for h in b.hits], query
    finally:
        one.close()
        merged.close()
