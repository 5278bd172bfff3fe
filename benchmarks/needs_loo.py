"""Leave-one-need-out check of a ranking constant tuned on the researcher needs.

The 14 needs of ``benchmarks.needs`` are few, and the real evaluation uses
other needs: a constant chosen because it scores best on all 14 may only fit
them. For each need, the value is chosen from a grid on the other 13 (best
mean structured nDCG@10; a tie takes the middle of the tied values) and the
held-out need is scored with it. The mean of those held-out scores (LOO) is
what the tuning is worth on needs it has not seen; the in-sample figures (the
current value's, and the best value's on all 14) sit beside it.

    python -m benchmarks.needs --loo [keyword_gain|claim_word_bonus|claim_types_b|role_bonus]
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import write_json
from benchmarks.needs import index_pool, load_needs, ndcg_graded, read_pool, sift_rankers


@dataclass(frozen=True)
class Knob:
    """A tuned constant: its grid, its current value, and how to set it for one run."""

    grid: tuple[Any, ...]
    current: Any
    setting: Callable[[Any], Any]  # value -> context manager yielding the Ranking to use


@contextmanager
def _ranking_gain(value: Any) -> Iterator[Any]:
    from query import Ranking

    yield Ranking(keyword_gain=value)


@contextmanager
def _claim_types_b(value: Any) -> Iterator[Any]:
    from query import Ranking

    yield Ranking(field_b=(("claim_types", value),))


def _module_constant(module: str, name: str) -> Callable[[Any], Any]:
    """Set ``module.name`` to a value for the duration of one run (compile-time constants)."""
    @contextmanager
    def setting(value: Any) -> Iterator[Any]:
        import importlib

        mod = importlib.import_module(module)
        old = getattr(mod, name)
        setattr(mod, name, value)
        try:
            yield None
        finally:
            setattr(mod, name, old)
    return setting


def knobs() -> dict[str, Knob]:
    """The constants this check knows, with their grids and current values."""
    from query import Ranking, _claimgroup, _compile

    return {
        "keyword_gain": Knob((None, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0), Ranking().keyword_gain, _ranking_gain),
        "claim_word_bonus": Knob((0.0, 0.5, 1.0, 2.0, 4.0), _compile.CLAIM_WORD_BONUS,
                                 _module_constant("query._compile", "CLAIM_WORD_BONUS")),
        "claim_types_b": Knob((0.0, 0.25, 0.5, 0.75, 1.0), Ranking().b_of("claim_types"), _claim_types_b),
        "role_bonus": Knob((0.0, 0.5, 1.0, 2.0, 4.0), _claimgroup.ROLE_BONUS,
                           _module_constant("query._claimgroup", "ROLE_BONUS")),
    }


def choose(scores: dict[Any, list[float]], grid: tuple[Any, ...], leave_out: int) -> Any:
    """The grid value with the best mean over every need but ``leave_out``;
    a tie takes the middle of the tied values (lower middle), in grid order.

    >>> choose({1: [1.0, 0.0], 2: [0.0, 1.0]}, (1, 2), 0)
    2
    >>> choose({1: [0.5, 0.5], 2: [0.5, 0.5], 3: [0.5, 0.5]}, (1, 2, 3), 1)
    2
    """
    def mean(value: Any) -> float:
        rest = [s for i, s in enumerate(scores[value]) if i != leave_out]
        return round(sum(rest) / len(rest), 9)
    best = max(mean(v) for v in grid)
    tied = [v for v in grid if mean(v) == best]
    return tied[(len(tied) - 1) // 2]


def run_loo(data: Path, gold: Path, knob_name: str) -> dict[str, Any]:
    """Per grid value the structured nDCG@10 of every need; the LOO choices and mean."""
    knob = knobs()[knob_name]
    needs = load_needs(gold)
    pool = read_pool(data, gold)
    scores: dict[Any, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="sift-needs-loo-") as tmp:
        index_dir = index_pool(pool, Path(tmp))
        for value in knob.grid:
            with knob.setting(value) as ranking, sift_rankers(index_dir, ranking) as (structured, _):
                scores[value] = [ndcg_graded(structured(n.structured), n.judgements) for n in needs]
    chosen = [choose(scores, knob.grid, i) for i in range(len(needs))]
    held_out = [scores[v][i] for i, v in enumerate(chosen)]
    in_sample = {str(v): sum(s) / len(s) for v, s in scores.items()}
    return {"knob": knob_name, "current": knob.current, "needs": [n.id for n in needs],
            "scores": {str(v): s for v, s in scores.items()}, "in_sample": in_sample,
            "chosen": [str(v) for v in chosen], "held_out": held_out,
            "loo_mean": sum(held_out) / len(held_out)}


def main(data: Path, gold: Path, knob_name: str, out: Path | None = None) -> None:
    if knob_name not in knobs():
        raise SystemExit(f"unknown constant {knob_name!r}; known: {', '.join(knobs())}")
    result = run_loo(data, gold, knob_name)
    print(f"{knob_name}: structured nDCG@10 on {len(result['needs'])} needs, in sample, per value")
    for value, mean in result["in_sample"].items():
        mark = "  (current)" if value == str(result["current"]) else ""
        print(f"  {value:>6}  {mean:.3f}{mark}")
    print("leave one need out: need  chosen  held-out nDCG@10")
    for need, value, score in zip(result["needs"], result["chosen"], result["held_out"]):
        print(f"  {need:<6}{value:>8}  {score:.3f}")
    current = result["in_sample"][str(result["current"])]
    print(f"mean: LOO {result['loo_mean']:.3f}; in sample: current value {current:.3f}, "
          f"best value {max(result['in_sample'].values()):.3f}")
    write_json(out, result)
