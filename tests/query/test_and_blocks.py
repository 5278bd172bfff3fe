"""An AND reads its frequent words only where its other parts match
(``query.vector.Evaluator._and``): the same matches and the same scores, to
the bit, as every part read whole, over generated queries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.writing.write import IndexOptions, index_paths
from query import Searcher
from query import plan as p
from query import vector
from query.vector import Evaluator
from tests.query.test_vector import PLACES, WORDS, _corpus

RARE = ("aleppo", "idlib", "douma", "gaza", "kabul", "homs")
TERMS = st.sampled_from([*WORDS[:12], *RARE, "absentword"])


def _whole_and(evaluator: Evaluator, node: p.And) -> vector.Matches:
    return evaluator._add([evaluator.evaluate(q) for q in node.parts], every=True)


@pytest.fixture(scope="module")
def tiny_blocks_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from indexer.storage import codec
    from indexer.writing import batches

    root = tmp_path_factory.mktemp("and-blocks")
    (root / "in").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batches, "SiftCodec", lambda: codec.SiftCodec(blocklimit=8, inlinelimit=4))
        _corpus(root / "in", 3, 400)
        index_paths([root / "in"], root / "ix", IndexOptions(batch_size=90))
        _corpus(root / "in", 3, 400, tag=" again")  # every statement updated: deletions
        index_paths([root / "in"], root / "ix", IndexOptions(batch_size=160))
    return root / "ix"


def _part(draw: Any) -> str:
    kind = draw(st.sampled_from(["word", "word", "word", "title", "or", "phrase", "not", "prefix"]))
    word = draw(TERMS)
    if kind == "title":
        return f"title:{word}"
    if kind == "or":
        return f"({word} OR {draw(TERMS)})"
    if kind == "phrase":
        return f'"{word} {draw(TERMS)}"'
    if kind == "not":
        return f"NOT {word}"
    return f"{word[:4]}*" if kind == "prefix" else word


@st.composite
def and_queries(draw: Any) -> str:
    return " AND ".join(_part(draw) for _ in range(draw(st.integers(2, 4))))


def _evaluate(searcher: Searcher, query: str) -> vector.Matches:
    view = searcher._view()
    return Evaluator(view.searcher, view.vector(), searcher.ranking).run(searcher.parse(query).plan)


@settings(max_examples=150, deadline=None)
@given(query=and_queries())
def test_and_reading_words_in_part_gives_the_same_bits(tiny_blocks_dir: Path, query: str) -> None:
    with Searcher(tiny_blocks_dir) as searcher, pytest.MonkeyPatch.context() as always:
        always.setattr(vector, "SPARSE", 0)  # every word read in part, however dense its candidates
        restricted = _evaluate(searcher, query)
        with pytest.MonkeyPatch.context() as patch:
            patch.setitem(vector._EVALUATE, p.And, _whole_and)
            whole = _evaluate(searcher, query)
    assert np.array_equal(restricted.mask, whole.mask)
    assert restricted.score.tobytes() == whole.score.tobytes()


def test_a_frequent_word_is_read_only_in_blocks_holding_the_rare_words_documents(tiny_blocks_dir: Path) -> None:
    with Searcher(tiny_blocks_dir) as searcher:
        index = searcher._view().vector()
        whole, _w, all_blocks = index.postings("body", b"regim")
        rare, _w, _b = index.postings("body", b"gaza")
        some, _w, some_blocks = index.postings("body", b"regim", rare)
        assert len(some_blocks) < len(all_blocks)
        assert set(np.intersect1d(whole, rare).tolist()) <= set(some.tolist())
        words = [PLACES[0].lower(), "regime", "forces"]
        for sparse, query in [(sparse, q) for sparse in (0, vector.SPARSE)
                              for q in (" ".join(words), " AND ".join(reversed(words)), "gaza shelled -aid")]:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(vector, "SPARSE", sparse)
                found = searcher.search(query, limit=50)
                patch.setitem(vector._EVALUATE, p.And, _whole_and)
                expected = searcher.search(query, limit=50)
            assert (found.total, [(h.id, h.score) for h in found.hits]) == \
                (expected.total, [(h.id, h.score) for h in expected.hits])


def test_once_counted_a_frequent_word_is_not_read_whole_again(tiny_blocks_dir: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from indexer.storage import reader

    whole_reads: list[bytes] = []
    real = reader.term_postings

    def recording(leaves: Any, field: str, btext: bytes, within: Any = None) -> Any:
        if within is None:
            whole_reads.append(btext)
        return real(leaves, field, btext, within)

    monkeypatch.setattr(reader, "term_postings", recording)
    monkeypatch.setattr(vector, "SPARSE", 0)
    with Searcher(tiny_blocks_dir) as searcher:
        first = searcher.search("gaza regime", limit=20)
        assert b"regim" in whole_reads  # its numbers counted from the whole list, once
        whole_reads.clear()
        again = searcher.search("gaza regime", limit=20)
        assert b"regim" not in whole_reads and b"gaza" in whole_reads
        assert [(h.id, h.score) for h in again.hits] == [(h.id, h.score) for h in first.hits]
