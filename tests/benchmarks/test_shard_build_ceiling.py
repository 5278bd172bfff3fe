"""The ceiling mode's bookkeeping: CPU per statement together over alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.shard_build import ceiling_summary, split_halves


def _row(round_: int, half: int, mode: str, cpu: float, statements: int, seconds: float,
         pair_wall: float | None = None, kind: str = "build") -> dict[str, object]:
    row: dict[str, object] = {"round": round_, "kind": kind, "half": half, "mode": mode, "cpu_s": cpu,
                              "statements": statements, "seconds": seconds}
    if pair_wall is not None:
        row["pair_wall_s"] = pair_wall
    return row


def test_the_ratio_is_cpu_per_statement_together_over_alone_and_its_median_gives_the_cores() -> None:
    rows = []
    for round_, (together_cpu, pair_wall) in enumerate([(11.0, 6.0), (12.0, 6.5), (13.0, 7.0)]):
        rows += [_row(round_, 0, "alone", 5.0, 1000, 5.0), _row(round_, 1, "alone", 5.0, 1000, 5.0),
                 _row(round_, 0, "together", together_cpu / 2, 1000, pair_wall - 0.5, pair_wall + 2),
                 _row(round_, 1, "together", together_cpu / 2, 1000, pair_wall, pair_wall + 2)]
    rows.append(_row(0, 0, "alone", 99.0, 10, 1.0, kind="spin"))  # another kind: not counted
    summary = ceiling_summary(rows)
    assert summary["cpu_ratios"] == [1.1, 1.2, 1.3]
    assert summary["median_cpu_ratio"] == pytest.approx(1.2)
    assert summary["effective_cores"] == pytest.approx(2 / 1.2, abs=0.01)
    assert summary["wall_speedups"] == [pytest.approx(10 / 6.0, abs=0.01), pytest.approx(10 / 6.5, abs=0.01),
                                        pytest.approx(10 / 7.0, abs=0.01)]


def test_a_round_missing_a_run_is_left_out() -> None:
    rows = [_row(0, 0, "alone", 5.0, 1000, 5.0), _row(0, 0, "together", 5.0, 1000, 5.0, 5.0)]
    assert ceiling_summary(rows) == {"kind": "build", "rounds": 0}


def test_the_halves_are_disjoint_and_hold_the_first_files(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for n in range(5):
        (source / f"part-{n:05d}.jsonl").write_text("{}\n")
    a, b = split_halves(source, 2, tmp_path / "out")
    assert sorted(p.name for p in a.iterdir()) == ["part-00000.jsonl", "part-00001.jsonl"]
    assert sorted(p.name for p in b.iterdir()) == ["part-00002.jsonl", "part-00003.jsonl"]
