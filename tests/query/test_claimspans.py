"""``claims:`` over whole posting lists (``query._claimspans``) keeps the
meaning and scores of Whoosh's matchers (``InClaims`` of
``tests/query/whoosh_reference.py``, checking spans one document at a time).

The corpus is random text from a small vocabulary (so that words and
phrases fall inside, outside and across claim ranges), with claim ranges
given by position: overlapping, nested, in the title and in the body. The
index mixes segments with and without the ``claim_spans`` column, and
deleted statements.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh.index import create_in

from indexer.storage.claimranges import SPANS_COLUMN, claim_ranges
from indexer.storage.columns import column_reader
from indexer.schema import CLAIM_FIELDS, SCHEMA_VERSION, build_schema, decode_claim_spans, to_document
from indexer.storage.store import write_meta
from query import Searcher
from query.vector import Evaluator
from tests.query.conftest import statement
from tests.query.whoosh_reference import whoosh_scores

WORDS = "siege attack killed shelled report aleppo forces regime air strike said army".split()


def _text(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _word_range(rng: random.Random, text: str) -> tuple[int, int]:
    """Character offsets of a random run of whole words of ``text``."""
    starts = [i for i in range(len(text)) if i == 0 or text[i - 1] == " "]
    first = rng.randrange(len(starts))
    last = rng.randrange(first, min(len(starts), first + 8))
    end = text.find(" ", starts[last])
    return starts[first], end if end >= 0 else len(text)


def _claimed(rng: random.Random, n: int, claims: bool) -> tuple[dict[str, Any], str]:
    title, body = _text(rng, rng.randint(2, 6)), _text(rng, rng.randint(5, 40))
    json_form, _ = statement(f"r{n:03d}", title, body, rng.choice(("2016-01-02", None)))
    if claims:
        for _ in range(rng.randint(0, 4)):  # overlapping and nested ranges too
            field, text = ("title", title) if rng.random() < 0.3 else ("body", body)
            start, end = _word_range(rng, text)
            json_form["claims"].append({"type": "siege", "types": ["siege"], "span": [field, start, end],
                                        "sentence": text[start:end], "actors": [], "locations": []})
    return json_form, body


def _add(writer: Any, docs: list[tuple[dict[str, Any], str]]) -> None:
    for json_form, body in docs:
        writer.update_document(**to_document(json_form, body=body, source="x", content_hash="h"))


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Segments: no claims at all (no column), claims, claims again with
    some statements replaced (deletions)."""
    directory = tmp_path_factory.mktemp("claimspans")
    ix = create_in(str(directory), build_schema())
    rng = random.Random(7)
    batches = [[_claimed(rng, n, claims=False) for n in range(0, 60)],
               [_claimed(rng, n, claims=True) for n in range(60, 200)],
               [_claimed(rng, n, claims=True) for n in range(150, 260)]]
    for batch in batches:
        writer = ix.writer()
        _add(writer, batch)
        writer.commit(merge=False)
    write_meta(directory, {"schema_version": SCHEMA_VERSION, "gazetteer_files": []})
    with ix.reader() as reader:
        assert [leaf.has_column(SPANS_COLUMN) for leaf, _ in reader.leaf_readers()] == [False, True, True]
        assert reader.has_deletions()
    return directory


QUERIES = [
    "claims:siege", "claims:attack", "claims:report", "claims:said", "claims:nosuchword", "title:siege",
    "claims:(siege OR attack) AND NOT killed", "claims:siege claims:army", "claims:siege AND aleppo",
    'claims:"air strike"', 'claims:"regime forces"', 'claims:"siege attack killed"', 'claims:"said army"~3',
    'claims:"attack attack"~2', 'claims:"forces shelled aleppo"~4', 'claims:"strike air"~5',
    "claims:a*", "claims:s*", "claims:sh*", "claims:att*", "claims:siege~", "claims:a* AND NOT claims:siege",
    'claims:"aleppo forces" OR claims:report', "NOT claims:siege",
]


def _run(index_dir: Path, text: str) -> dict[int, float]:
    with Searcher(index_dir) as searcher:
        view = searcher._view()
        got = Evaluator(view.searcher, view.vector()).run(searcher.parse(text, "OR").plan)
        return {int(d): float(got.score[d]) for d in got.mask.nonzero()[0]}


def _run_on_whoosh_matchers(index_dir: Path, text: str) -> dict[int, float]:
    """``_run`` as before the vectorised path: every ``claims:`` word or
    phrase through Whoosh's matchers."""
    with Searcher(index_dir) as searcher:
        return whoosh_scores(searcher, searcher.parse(text, "OR").plan)


@pytest.mark.parametrize("text", QUERIES)
def test_same_matches_and_scores_as_whoosh_matchers(index_dir: Path, text: str) -> None:
    expected = _run_on_whoosh_matchers(index_dir, text)
    got = _run(index_dir, text)
    assert got.keys() == expected.keys()
    for d, score in expected.items():
        assert got[d] == pytest.approx(score, rel=1e-9, abs=1e-12)
    if "nosuchword" not in text:
        assert 0 < len(expected) < 260, text  # (the comparison means something)


def _random_query(rng: random.Random) -> str:
    word = rng.choice(WORDS)
    kind = rng.randrange(4)
    if kind == 0:
        return f"claims:{word}"
    if kind == 1:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 3)))
        return f'claims:"{words}"~{rng.randint(1, 6)}'
    if kind == 2:
        return f"claims:{word[:rng.randint(1, 3)]}*"
    return f"claims:({word} OR {rng.choice(WORDS)}) AND NOT {rng.choice(WORDS)}"


@pytest.mark.parametrize("seed", range(6))
def test_random_queries_same_as_whoosh_matchers(index_dir: Path, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(8):
        text = _random_query(rng)
        expected = _run_on_whoosh_matchers(index_dir, text)
        got = _run(index_dir, text)
        assert got.keys() == expected.keys(), text
        for d, score in expected.items():
            assert got[d] == pytest.approx(score, rel=1e-9, abs=1e-12), text


def test_ranges_hold_what_the_column_says(index_dir: Path) -> None:
    """The decoded ranges of the whole index, checked against each
    document's own column value, for random matches in every document."""
    rng = random.Random(3)
    with Searcher(index_dir) as searcher:
        view = searcher._view()
        size = view.searcher.doc_count_all()
        ranges = claim_ranges(view.vector().leaves, size)
        column = column_reader(view.searcher.reader(), SPANS_COLUMN, translate=False)
        for code in range(len(CLAIM_FIELDS)):
            firsts, lasts, expected = [], [], []
            for d in range(size):
                spans = [(a, b) for c, a, b in decode_claim_spans(column[d]) if c == code]
                assert ranges[code].docs[d] == bool(spans)
                for _ in range(30):
                    first = rng.randrange(45)
                    last = first + rng.choice((0, 0, 1, 2, 5))
                    firsts.append((d << 32) | first)
                    lasts.append((d << 32) | last)
                    expected.append(any(a <= first and last < b for a, b in spans))
            got = ranges[code].hold(np.array(firsts, dtype=np.uint64), np.array(lasts, dtype=np.uint64))
            assert got.tolist() == expected
            assert any(expected) and not all(expected)
