"""Reposted copies of a statement make one hit (issue 20)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh.index import create_in

from indexer.analysis import analyze
from indexer.near import exact_similarity
from indexer.schema import build_schema
from indexer.storage.store import write_meta
from indexer.writing.write import IndexOptions, index_paths
from query import Searcher
from query._copies import GroupMembers, _collapse_groups, collapse, copies_of

FAST = IndexOptions(extract=False)


def words(seed: int, count: int) -> str:
    """``count`` made-up words (no stopwords, stems of their own), reproducibly."""
    rng = random.Random(seed)
    return " ".join(f"w{rng.randrange(100000)}" for _ in range(count))


def paragraphs(seed: int, count: int = 4, size: int = 30) -> list[str]:
    return [words(seed * 100 + n, size) + "." for n in range(count)]


def record(id: str, publisher: str, date: str, lines: list[str], title: str = "") -> dict[str, Any]:
    return {"id": id, "title": title or f"Statement {id}", "publisher": publisher, "date": date,
            "url": f"https://{publisher}.example/{id}", "text": "\n".join(lines)}


def write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def edited(lines: list[str], seed: int, changes: int = 3) -> list[str]:
    """The lines with ``changes`` words replaced (a repost's edits)."""
    rng = random.Random(seed)
    out = [line.split() for line in lines]
    for _ in range(changes):
        line = rng.randrange(len(out))
        out[line][rng.randrange(len(out[line]))] = f"edit{rng.randrange(1000)}"
    return [" ".join(line) for line in out]


BODY = paragraphs(1)
REPOSTS = [
    record("coalition-1", "coalition", "2016-03-02", ["Press release", *BODY, "Syrian Coalition media office."]),
    record("agency-1", "agency", "2016-03-01", ["AGENCY NEWS - Istanbul", *edited(BODY, 1), "Read more on our site."]),
    record("mirror-1", "mirror", "2016-03-05", [*edited(BODY, 2), "Reposted from the Syrian Coalition."]),
]
OTHER = record("other-1", "agency", "2016-02-01", paragraphs(2))


@pytest.fixture
def index(tmp_path: Path) -> Path:
    directory = tmp_path / "ix"
    index_paths([write(tmp_path / "a.jsonl", [*REPOSTS, OTHER])], directory, FAST)
    return directory


def test_reposts_make_one_hit_the_earliest_with_its_copies(index: Path) -> None:
    with Searcher(index) as searcher:
        results = searcher.search("statement", limit=10)
    assert (results.total, results.total_statements, results.grouped) == (2, 4, True)
    first = next(h for h in results.hits if h.id != "other-1")
    assert first.id == "agency-1"  # the earliest-dated copy
    assert first.copies == [
        {"id": "coalition-1", "publisher": "coalition", "url": "https://coalition.example/coalition-1",
         "date": "2016-03-02"},
        {"id": "mirror-1", "publisher": "mirror", "url": "https://mirror.example/mirror-1", "date": "2016-03-05"},
    ]
    other = next(h for h in results.hits if h.id == "other-1")
    assert other.copies == []
    data = results.to_json()
    assert (data["total"], data["total_statements"], data["grouped"]) == (2, 4, True)
    assert [c["id"] for c in data["hits"][[h["id"] for h in data["hits"]].index("agency-1")]["copies"]] == [
        "coalition-1", "mirror-1"]


def test_the_shown_copy_matches_the_query(index: Path) -> None:
    with Searcher(index) as searcher:
        results = searcher.search('publisher:mirror')
    assert [h.id for h in results.hits] == ["mirror-1"]
    assert [c["id"] for c in results.hits[0].copies] == ["agency-1", "coalition-1"]


def test_all_copies_lists_every_statement(index: Path) -> None:
    with Searcher(index) as searcher:
        results = searcher.search("statement", all_copies=True)
    assert (results.total, results.total_statements, results.grouped) == (4, 4, False)
    assert {h.id for h in results.hits} == {"coalition-1", "agency-1", "mirror-1", "other-1"}


def test_facets_and_histogram_count_groups(index: Path) -> None:
    with Searcher(index) as searcher:
        results = searcher.search("statement", facets=("publisher",), histogram="month")
        grouped = dict(results.facets["publisher"].values)
        # A facet count is the total of its click-through query.
        assert grouped == {"agency": 2, "coalition": 1, "mirror": 1}
        assert searcher.search("statement AND publisher:agency").total == 2
        assert results.histogram == [("2016-02", 1), ("2016-03", 1)]
        every = searcher.search("statement", facets=("publisher",), all_copies=True)
        assert dict(every.facets["publisher"].values) == {"agency": 2, "coalition": 1, "mirror": 1}
        assert searcher.search("statement", facets=("year",)).facets["year"].values == [("2016", 2)]


def test_show_lists_the_copies(index: Path) -> None:
    with Searcher(index) as searcher:
        assert [c["id"] for c in searcher.get("mirror-1")["copies"]] == ["agency-1", "coalition-1"]
        assert searcher.get("other-1")["copies"] == []


def test_shared_boilerplate_does_not_make_copies(tmp_path: Path) -> None:
    """Short distinct statements of one publisher under a long standard
    footer, and under a repeated lead paragraph, stay apart."""
    footer = paragraphs(9, count=5, size=30)
    lead = paragraphs(8, count=4, size=30)
    records = [record(f"f{n}", "council", f"2017-01-0{n + 1}", [words(50 + n, 40) + ".", *footer]) for n in range(4)]
    records += [record(f"l{n}", "office", f"2017-02-0{n + 1}", [*lead, words(60 + n, 40) + "."]) for n in range(4)]
    # Without telling boilerplate apart, they would be copies.
    first, second = (analyze(r["text"]) for r in records[:2])
    assert exact_similarity(first, second) >= 0.5
    directory = tmp_path / "ix"
    index_paths([write(tmp_path / "b.jsonl", records)], directory, FAST)
    with Searcher(directory) as searcher:
        results = searcher.search("statement", limit=20)
    assert (results.total, results.total_statements) == (8, 8)
    assert all(h.copies == [] for h in results.hits)


def test_short_statements_are_not_grouped(tmp_path: Path) -> None:
    """A changed number in a short text is another statement, though most
    of its shingles are shared."""
    text = words(7, 12) + " on day {} " + words(8, 12)
    records = [record(f"d{day}", "council", f"2017-03-0{day}", [text.format(day)]) for day in range(1, 4)]
    assert exact_similarity(analyze(text.format(1)), analyze(text.format(2))) >= 0.5
    directory = tmp_path / "ix"
    index_paths([write(tmp_path / "c.jsonl", records)], directory, FAST)
    with Searcher(directory) as searcher:
        assert searcher.search("statement").total == 3


def test_incremental_runs_keep_groups_consistent(tmp_path: Path) -> None:
    directory = tmp_path / "ix"
    index_paths([write(tmp_path / "first.jsonl", REPOSTS[:1])], directory, FAST)
    later = write(tmp_path / "later.jsonl", REPOSTS[1:2])
    index_paths([tmp_path / "first.jsonl", later], directory, FAST)
    with Searcher(directory) as searcher:  # a copy added later joins the group
        results = searcher.search("statement")
        assert (results.total, results.total_statements) == (1, 2)
        assert results.hits[0].id == "agency-1"
    # An update that makes it another statement leaves the group.
    write(later, [{**REPOSTS[1], "text": "\n".join(paragraphs(3))}])
    index_paths([tmp_path / "first.jsonl", later], directory, FAST)
    with Searcher(directory) as searcher:
        results = searcher.search("statement")
        assert (results.total, results.total_statements) == (2, 2)
        assert all(h.copies == [] for h in results.hits)
    write(later, REPOSTS[1:2])
    index_paths([tmp_path / "first.jsonl", later], directory, FAST)
    later.unlink()  # a removed copy leaves its group
    index_paths([tmp_path / "first.jsonl"], directory, IndexOptions(extract=False, prune=True))
    with Searcher(directory) as searcher:
        results = searcher.search("statement")
        assert [(h.id, h.copies) for h in results.hits] == [("coalition-1", [])]


def test_groups_with_several_processes(tmp_path: Path) -> None:
    files = [write(tmp_path / f"{n}.jsonl", [r]) for n, r in enumerate([*REPOSTS, OTHER])]
    directory = tmp_path / "ix"
    index_paths(files, directory, IndexOptions(extract=False, procs=2, batch_size=1))
    with Searcher(directory) as searcher:
        results = searcher.search("statement")
    assert (results.total, results.total_statements) == (2, 4)
    assert [c["id"] for h in results.hits if h.id == "agency-1" for c in h.copies] == ["coalition-1", "mirror-1"]


def test_an_index_made_before_has_no_groups(tmp_path: Path) -> None:
    """Old indexes (no ``near`` fields) open and search, one hit per statement."""
    schema = build_schema()
    schema.remove("near")
    schema.remove("near_blocks")
    directory = tmp_path / "old"
    directory.mkdir()
    write_meta(directory, {"schema_version": 2})
    create_in(str(directory), schema, indexname="MAIN")
    report = index_paths([write(tmp_path / "a.jsonl", REPOSTS)], directory, FAST)
    assert any("before Sift grouped reposted copies" in n for n in report.notices)
    with Searcher(directory) as searcher:
        results = searcher.search("statement")
        assert (results.total, results.total_statements, results.grouped) == (3, 3, False)
        assert searcher.get("agency-1")["copies"] == []


def _labels_of(groups: list[list[int]], size: int) -> np.ndarray:
    labels = np.arange(size)
    for members in groups:
        labels[members] = min(members)
    return labels


@pytest.mark.parametrize("seed", range(12))
def test_collapse_sorts_only_shared_groups_with_the_same_result(seed: int) -> None:
    """Matches with no copy skip the sort; the result equals sorting every match by group."""
    rng = np.random.default_rng(seed)
    size = 400
    docs = rng.permutation(size)
    groups, at = [], 0
    while at < size // 2:  # about half the documents in groups of 2-5, the rest alone
        width = int(rng.integers(2, 6))
        groups.append(sorted(docs[at:at + width].tolist()))
        at += width
    labels = _labels_of(groups, size)
    dates = rng.integers(0, 5, size).astype(np.int64)  # many ties: the id decides
    id_ranks = rng.permutation(size)
    docnums = np.flatnonzero(rng.random(size) < 0.6)
    scores = rng.random(len(docnums))
    kept, best = collapse(docnums, scores, labels, dates, id_ranks)
    expected_kept, expected_best = _collapse_groups(docnums, scores, labels, dates, id_ranks)
    assert kept.tolist() == expected_kept.tolist()
    assert best.tolist() == expected_best.tolist()


def test_collapse_without_shared_groups_returns_the_matches() -> None:
    labels = _labels_of([[1, 7]], 10)
    docnums = np.array([0, 2, 3, 9])
    scores = np.array([0.5, 0.1, 0.9, 0.3])
    kept, best = collapse(docnums, scores, labels, np.zeros(10, np.int64), np.arange(10))
    assert kept.tolist() == [0, 2, 3, 9] and best.tolist() == [0.5, 0.1, 0.9, 0.3]


def test_group_members_and_kept_membership_give_what_a_scan_gives() -> None:
    """A hit's copies found by binary search, and collapsing with the
    membership kept by the caller, equal comparing every document's label."""
    rng = np.random.default_rng(5)
    for size in (1, 2, 50, 400):
        labels = rng.integers(0, size // 3 + 1, size)
        live = rng.random(size) < 0.9
        dates = rng.integers(0, 5, size).astype(np.uint64)
        ranks = rng.permutation(size)
        groups = GroupMembers(labels)
        in_groups = np.bincount(labels)[labels] > 1

        def stored(docnum: int) -> dict[str, Any]:
            return {"id": f"d{docnum}"}

        for docnum in range(size):
            assert copies_of(docnum, labels, live, dates, ranks, stored, groups) == \
                copies_of(docnum, labels, live, dates, ranks, stored)
        docnums = np.flatnonzero(rng.random(size) < 0.5)
        scores = rng.random(len(docnums))
        for got, expected in zip(collapse(docnums, scores, labels, dates, ranks, in_groups),
                                 collapse(docnums, scores, labels, dates, ranks)):
            assert np.array_equal(got, expected)
