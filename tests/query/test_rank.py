"""``query.rank``: a plain word is scored by BM25F over title and body, with
the settings of a ``query.Ranking`` given to the ``Searcher``."""

from __future__ import annotations

from pathlib import Path

import pytest
import query.rank as rank
from query import Ranking, Searcher
from query import plan as p
from query.parse import parse_query
from query.statistics import IndexStatistics
from tests.query.conftest import build_index, statement
from tests.query.whoosh_reference import whoosh_scores

# Equal field lengths everywhere (2 title words, 3 body words), so only the
# word's field(s) and frequency differ between the statements.
CORPUS = [
    statement("title-only", "siege report", "aleppo shelled market"),
    statement("body-only", "aleppo report", "siege shelled market"),
    statement("both", "siege report", "siege shelled market"),
    statement("body-twice", "aleppo report", "siege siege market"),
    statement("other", "aleppo report", "douma shelled market"),
    statement("other2", "idlib report", "homs shelled market"),
]


def _scores(index_dir: Path, text: str, ranking: Ranking = Ranking()) -> dict[str, float]:
    with Searcher(index_dir, ranking=ranking) as searcher:
        return {h.id: h.score for h in searcher.search(text, limit=100, default_operator="OR").hits}


@pytest.fixture()
def index_dir(tmp_path: Path) -> Path:
    (tmp_path / "ix").mkdir()
    return build_index(tmp_path / "ix", CORPUS)


def test_a_word_saturates_once_over_its_fields(index_dir: Path) -> None:
    # Summing a BM25 score per field made "both" score exactly title-only +
    # body-only: the title occurrence added as much however often the body
    # repeated the word. One saturation over the fields adds less.
    scores = _scores(index_dir, "siege")
    assert set(scores) == {"title-only", "body-only", "both", "body-twice"}
    assert max(scores["title-only"], scores["body-only"]) < scores["both"]
    assert scores["both"] < scores["title-only"] + scores["body-only"] - 1e-6


def test_a_title_occurrence_counts_as_field_weight_body_occurrences(index_dir: Path) -> None:
    # Without length normalisation, one title occurrence at weight 2 is two
    # body occurrences: the same pseudo-frequency, the same score.
    scores = _scores(index_dir, "siege", Ranking(b=0.0, field_weights=(("title", 2.0), ("body", 1.0))))
    assert scores["title-only"] == pytest.approx(scores["body-twice"], rel=1e-12)
    assert scores["title-only"] > scores["body-only"]


def test_the_gain_counts_documents_and_occurrences_in_any_field(index_dir: Path) -> None:
    # "siege" is in 4 of 6 statements: 2 titles and 3 bodies, one statement
    # both; 6 occurrences in all ("body-twice" has it twice).
    with Searcher(index_dir) as searcher:
        view = searcher._view()
        weight = Ranking().weight("title")
        statistics = IndexStatistics(view.searcher.reader())
        scorer = Ranking().word_scorer(statistics, (("title", weight), ("body", 1.0)), ((f, b"sieg") for f in ("title", "body")))
        assert scorer.gain == pytest.approx(rank.word_gain(6, 4, 6.0))
        frequency = scorer.frequency(0, 1.0, 2.0)  # once in a title of average length
        assert frequency == pytest.approx(weight / (0.25 + 0.75 * 2.0 / view.searcher.avg_field_length("title")))
        # What the search computes: the df of the union (not the title's 2 or
        # the body's 3), the occurrences of both fields, unweighted.
        expected = scorer.score(scorer.frequency(0, 1.0, 2.0) + scorer.frequency(1, 1.0, 3.0))
    assert _scores(index_dir, "siege")["both"] == pytest.approx(expected, rel=1e-12)


def test_the_gain_grows_with_a_words_occurrences_at_equal_document_frequency() -> None:
    assert rank.word_gain(1000, 10, 40) > rank.word_gain(1000, 10, 20) > rank.word_gain(1000, 10, 10)
    # and still falls as the word reaches more documents, at the same rate per document
    assert rank.word_gain(1000, 10, 20) > rank.word_gain(1000, 100, 200) > rank.word_gain(1000, 1000, 2000) > 0


@pytest.mark.parametrize("query", ["siege however", "title:siege title:however", '"siege" "however"'])
def test_a_word_that_clusters_in_its_documents_outranks_one_as_rare_that_does_not(
        tmp_path: Path, query: str) -> None:
    # "siege" and "however" are each in two of 64 statements, all of equal
    # lengths; "siege" comes back in one of them, "however" is used once in
    # each. (In a handful of statements, 8 occurrences would be expected
    # in most of them by chance, and clustering says little.)
    # Lucene's idf sees only the document counts and tied "once-siege" with
    # "once-however"; the DFR gain ranks the topical word first, for a plain
    # word (BM25F over the fields) and a word in one field alike.
    corpus = [
        statement("thrice-siege", "siege siege siege", "siege siege siege"),
        statement("once-siege", "siege aleppo douma", "siege aleppo douma"),
        statement("once-however", "however homs hama", "however homs hama"),
        statement("once-however2", "however idlib raqqa", "however idlib raqqa"),
    ] + [statement(f"neither{i}", "deir ezzor daraa", "deir ezzor daraa") for i in range(60)]
    (tmp_path / "ix").mkdir()
    scores = _scores(build_index(tmp_path / "ix", corpus), query)
    assert scores["once-siege"] > scores["once-however"] * 1.2
    assert scores["once-however"] == pytest.approx(scores["once-however2"], rel=1e-12)


def test_unqualified_words_compile_to_bm25f_words() -> None:
    q = parse_query("siege siege douma", default_operator="OR").plan
    assert q == p.Or((p.Word((("title", Ranking().weight("title")), ("body", 1.0)), "sieg", boost=2),
                      p.Word((("title", Ranking().weight("title")), ("body", 1.0)), "douma")))
    # One field: a plain term, scored per field as before.
    assert parse_query("title:siege").plan == p.Term("title", "sieg")


def test_whoosh_matchers_give_the_evaluators_scores(index_dir: Path) -> None:
    q = parse_query("siege douma aleppo", default_operator="OR").plan
    vector = _scores(index_dir, "siege douma aleppo")
    with Searcher(index_dir) as searcher:
        whoosh = {searcher._view().reader.stored_fields(d)["id"]: s for d, s in whoosh_scores(searcher, q).items()}
    assert whoosh.keys() == vector.keys()
    for doc, score in whoosh.items():
        assert vector[doc] == pytest.approx(score, rel=1e-12)
