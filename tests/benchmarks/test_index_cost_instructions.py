"""``benchmarks.index_cost --instructions``: callgrind's count and the ratios made of it."""

from __future__ import annotations

import pytest

from benchmarks.index_cost import callgrind_total, instruction_ratios

REPORT = """# callgrind format
version: 1
creator: callgrind-3.19.0
cmd: python -m benchmarks.worker
events: Ir
summary: 19110630865
fl=(1) ???
fn=(1) 0x0000000000001000
0 3
totals: 19110630865
"""


def test_the_total_is_read_from_the_report() -> None:
    assert callgrind_total(REPORT) == 19_110_630_865


def test_a_report_without_totals_is_an_error() -> None:
    with pytest.raises(ValueError, match="totals"):
        callgrind_total("events: Ir\n")


def test_marginal_ratio_leaves_start_up_out() -> None:
    # Sift starts slower (imports, the gazetteer) but each statement costs less.
    counts = {"whoosh": {"total": 1_600, "startup": 100}, "sift": {"total": 2_000, "startup": 800}}
    ratios = instruction_ratios(counts)["sift"]
    assert ratios["total"] == pytest.approx(0.8)
    assert ratios["marginal"] == pytest.approx(1_500 / 1_200)
