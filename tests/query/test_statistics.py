"""Scores take the collection's numbers only from a ``query.statistics``
provider (issue 19, item 3): altered statistics change scores as BM25F
says, and a shard scored with the summed statistics of every shard gives
each document the score it has in one index built from all of them (the
two-phase search of a sharded index, issue 22)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from query import Ranking, Searcher
from query.rank import word_gain
from query.statistics import IndexStatistics, SummedStatistics
from tests.query.conftest import build_index, statement

WORDS = ("siege shelled hospital market convoy ceasefire talks minister urged displaced refugees camp border "
         "aleppo idlib douma homs report forces regime").split()


CLAIM = "Forces shelled the hospital."


def _corpus(seed: int, count: int) -> list[tuple[dict[str, Any], str]]:
    rng = random.Random(seed)
    corpus = []
    for i in range(count):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 80))) + "."
        claimed = i % 3 == 0
        corpus.append(statement(f"s{seed}-{i:03d}", title, f"{body} {CLAIM}" if claimed else body,
                                claims=(("siege", CLAIM),) if claimed else ()))
    return corpus


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """Shard A, shard B and one index of A and B together."""
    root = tmp_path_factory.mktemp("shards")
    a, b = _corpus(1, 70), _corpus(2, 130)  # of different sizes and average lengths
    for name in ("a", "b", "ab"):
        (root / name).mkdir()
    return build_index(root / "a", a), build_index(root / "b", b), build_index(root / "ab", a + b)


QUERIES = ["siege", "siege hospital market", "title:aleppo", "title:siege body:convoy", '"forces regime"~3',
           "ref*", "hospitl~", "siege siege talks", "claims:shelled", "body:siege OR title:idlib"]


def _scores(searcher: Searcher, text: str, **kwargs: Any) -> dict[str, float]:
    results = searcher.search(text, limit=1000, default_operator="OR", all_copies=True, snippets=0, **kwargs)
    return {h.id: h.score for h in results.hits}


@pytest.mark.parametrize("text", QUERIES)
def test_a_shard_scored_with_global_statistics_scores_as_one_index(shards: tuple[Path, Path, Path], text: str) -> None:
    a, b, ab = shards
    with Searcher(a) as shard_a, Searcher(b) as shard_b, Searcher(ab) as whole:
        everywhere = SummedStatistics([shard_a.statistics(), shard_b.statistics()])
        expected = _scores(whole, text)
        got = {**_scores(shard_a, text, statistics=everywhere), **_scores(shard_b, text, statistics=everywhere)}
        alone = _scores(shard_a, text)
    assert got.keys() == expected.keys()
    assert expected, text
    for doc, score in expected.items():
        assert got[doc] == pytest.approx(score, rel=1e-9, abs=1e-12), doc
    # (The comparison means something: with its own statistics a shard scores otherwise.)
    assert any(abs(alone[d] - expected[d]) > 1e-6 for d in alone)


def test_summed_statistics_are_the_sums(shards: tuple[Path, Path, Path]) -> None:
    a, b, ab = shards
    with Searcher(a) as shard_a, Searcher(b) as shard_b, Searcher(ab) as whole:
        summed = SummedStatistics([shard_a.statistics(), shard_b.statistics()])
        one = whole.statistics()
        terms = [("title", b"sieg"), ("body", b"sieg")]
        assert summed.doc_count() == one.doc_count() == 200
        assert summed.doc_frequency("body", b"sieg") == one.doc_frequency("body", b"sieg")
        assert summed.doc_frequency_any(terms) == one.doc_frequency_any(terms)
        assert summed.frequency("title", b"sieg") == one.frequency("title", b"sieg")
        assert summed.field_length("body") == one.field_length("body")
        assert summed.average_field_length("body") == one.average_field_length("body")


def test_altered_statistics_change_scores_as_bm25_says(shards: tuple[Path, Path, Path]) -> None:
    """The index counted twice (every count and length doubled, so the
    average lengths stay): only the word's gain changes, and every score
    by the ratio of the gains."""
    a, _b, _ab = shards
    with Searcher(a) as searcher:
        own = searcher.statistics()
        twice = SummedStatistics([own, own])
        before = _scores(searcher, "title:siege")
        after = _scores(searcher, "title:siege", statistics=twice)
        n, df, cf = own.doc_count(), own.doc_frequency("title", b"sieg"), own.frequency("title", b"sieg")
        ratio = word_gain(2 * n, 2 * df, 2 * cf) / word_gain(n, df, cf)
        assert ratio != pytest.approx(1.0)
        assert before and after.keys() == before.keys()
        for doc, score in before.items():
            assert after[doc] == pytest.approx(score * ratio, rel=1e-12)
        # Each score is BM25 of the field with the provider's numbers.
        k1, b = Ranking().k1, Ranking().b
        view = searcher._view()
        avgfl = twice.average_field_length("title")
        for doc, score in after.items():
            docnum = view.searcher.document_number(id=doc)
            tf, length = _title_tf_and_length(view, docnum)
            bm25 = tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avgfl))
            assert score == pytest.approx(word_gain(2 * n, 2 * df, 2 * cf) * bm25, rel=1e-9)


def test_altered_statistics_change_bm25f_word_scores_by_the_gain(shards: tuple[Path, Path, Path]) -> None:
    """The same for a plain word (BM25F over title and body): its gain
    counts the documents holding it in either field, and its occurrences
    in both."""
    a, _b, _ab = shards
    with Searcher(a) as searcher:
        own = searcher.statistics()
        terms = [("title", b"sieg"), ("body", b"sieg")]
        n, df = own.doc_count(), own.doc_frequency_any(terms)
        cf = own.frequency("title", b"sieg") + own.frequency("body", b"sieg")
        assert max(own.doc_frequency(*t) for t in terms) < df < sum(own.doc_frequency(*t) for t in terms)
        ratio = word_gain(2 * n, 2 * df, 2 * cf) / word_gain(n, df, cf)
        before = _scores(searcher, "siege")
        after = _scores(searcher, "siege", statistics=SummedStatistics([own, own]))
    assert before and after.keys() == before.keys()
    for doc, score in before.items():
        assert after[doc] == pytest.approx(score * ratio, rel=1e-12)


def _title_tf_and_length(view: Any, docnum: int) -> tuple[float, float]:
    ids, weights, _ = view.vector().postings("title", b"sieg")
    return float(weights[list(ids).index(docnum)]), float(view.vector().lengths("title")[docnum])


def test_index_statistics_count_a_word_in_several_fields_once(shards: tuple[Path, Path, Path]) -> None:
    a, _b, _ab = shards
    with Searcher(a) as searcher:
        reader = searcher._view().reader
        statistics = IndexStatistics(reader)  # reading the postings from the segments
        holding = {d for f in ("title", "body") for d in reader.postings(f, b"sieg").all_ids()}
        assert statistics.doc_frequency_any([("title", b"sieg"), ("body", b"sieg")]) == len(holding)
        assert searcher.statistics().doc_frequency_any([("title", b"sieg"), ("body", b"sieg")]) == len(holding)


def test_numbers_kept_for_a_generation_are_bounded() -> None:
    """A long-running server sees endless distinct words: the numbers kept
    per index generation are forgotten past ``KEPT_NUMBERS`` instead of
    growing without limit, and counted again when asked."""
    from query import statistics as st

    class Reader:
        schema: dict[str, object] = {}

        def doc_count_all(self) -> int:
            return 3

    numbers: dict[tuple[object, ...], float] = {}
    reads: list[bytes] = []

    def postings(field: str, term: bytes) -> tuple[np.ndarray, np.ndarray, None]:
        reads.append(term)
        return np.array([0, 2]), np.array([1.0, 2.0]), None

    for n in range(st.KEPT_NUMBERS + 10):
        stats = st.IndexStatistics(Reader(), postings, numbers)
        assert stats.doc_frequency("body", b"w%d" % n) == 2
    assert len(numbers) <= st.KEPT_NUMBERS
    again = st.IndexStatistics(Reader(), postings, numbers)
    assert again.frequency("body", b"w0") == 3.0
