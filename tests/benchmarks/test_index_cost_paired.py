"""``benchmarks.index_cost``: the before/after ratio taken within each repeat."""

from __future__ import annotations

from benchmarks.index_cost import BASELINE, paired_ratios


def test_paired_ratio_is_the_median_of_each_repeats_ratio() -> None:
    # The host slowed down in the last two repeats: the medians of the
    # columns mix repeats, the ratios within a repeat do not.
    cpu = {"sift": [9.0, 18.0, 20.0], BASELINE: [10.0, 20.0, 22.0]}
    found = paired_ratios(cpu)
    assert found["paired_ratio"] == 0.9
    assert found["paired_range"] == [0.9, 20.0 / 22.0]
