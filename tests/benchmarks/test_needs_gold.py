"""The researcher-needs gold set (``benchmarks/gold/needs/``) stays well-formed."""

from __future__ import annotations

from pathlib import Path

from benchmarks.needs import DEFAULT_GOLD, load_needs, ndcg_graded, read_pool
from query.parse import parse_query


def test_needs_are_well_formed() -> None:
    pool = set((DEFAULT_GOLD / "pool.txt").read_text(encoding="utf-8").split())
    needs = load_needs(DEFAULT_GOLD)
    assert len(needs) >= 12 and len({n.id for n in needs}) == len(needs)
    for need in needs:
        parse_query(need.structured)  # raises on a malformed query
        parse_query(need.words, default_operator="OR")
        assert set(need.judgements) <= pool
        assert set(need.judgements.values()) <= {0, 1, 2} and 2 in need.judgements.values()
        assert set(need.pooled_late) <= set(need.judgements)


def test_graded_ndcg() -> None:
    grades = {"a": 2, "b": 1, "c": 0}
    assert ndcg_graded(["a", "b", "c"], grades) == 1.0
    assert ndcg_graded(["c", "x"], grades) == 0.0
    assert 0 < ndcg_graded(["b", "a"], grades) < 1
    assert ndcg_graded(["a"], {}) == 0.0


def test_pool_reads_from_shared_data(shared_data: Path) -> None:
    records = read_pool(shared_data, DEFAULT_GOLD)
    assert len(records) == 501 and all(r.text for r in records)
