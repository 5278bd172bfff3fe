"""``query.Ranking``: ranking settings are one frozen value, never module state."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import query.rank as rank
from benchmarks.tune import ranking_for
from query import Ranking, Searcher
from tests.query.conftest import build_index, statement


def test_a_ranking_is_frozen_and_hashable() -> None:
    ranking = Ranking()
    with pytest.raises(dataclasses.FrozenInstanceError):
        ranking.k1 = 1.0  # type: ignore[misc]
    assert hash(ranking) == hash(Ranking()) and ranking == Ranking()
    assert dataclasses.replace(ranking, k1=1.2) != ranking


def test_the_defaults_are_the_tuned_settings() -> None:
    ranking = Ranking()
    assert (ranking.k1, ranking.b) == (2.0, 0.75)
    assert ranking.field_boosts == (("title", 0.5), ("body", 1.0))
    assert ranking.field_weights == (("title", 2.5), ("body", 1.0))
    assert ranking.boost("title") == 0.5 and ranking.boost("claims") == 1.0
    # A field without a BM25F weight weighs its boost (or the given default).
    assert Ranking(field_weights=()).weight("title") == 0.5
    assert Ranking(field_weights=()).weight("title", 1.0) == 1.0


def test_per_field_settings_accept_any_pairs_and_are_stored_as_tuples() -> None:
    ranking = Ranking(field_weights={"title": 3, "body": 1}.items(), field_b=[("body", 0.5)])  # type: ignore[arg-type]
    assert ranking.field_weights == (("title", 3.0), ("body", 1.0))
    assert ranking.field_b == (("body", 0.5),)
    assert Ranking(field_weights={"title": 3.0}) == Ranking(field_weights=(("title", 3.0),))  # type: ignore[arg-type]


@pytest.mark.parametrize(("settings", "message"), [
    ({"k1": 0.0}, "k1 must be a positive number, not 0.0"),
    ({"k1": float("nan")}, "k1 must be a positive number"),
    ({"b": 1.5}, "b must be a number from 0 to 1, not 1.5"),
    ({"b": "0.5"}, "b must be a number from 0 to 1, not '0.5'"),
    ({"field_weights": (("title",),)}, "field_weights must be (field, number) pairs"),
    ({"field_b": (("title", -1.0),)}, "field_b must be non-negative"),
    ({"field_boosts": ()}, "field_boosts must name at least one field"),
    ({"keyword_gain": 0.0}, "keyword_gain must be a positive number or None, not 0.0"),
    ({"keyword_gain": True}, "keyword_gain must be a positive number or None, not True"),
])
def test_bad_settings_are_refused_when_the_value_is_made(settings: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Ranking(**settings)  # type: ignore[arg-type]


def test_a_searcher_needs_a_ranking_value(tmp_path: Path) -> None:
    index_dir = build_index(tmp_path, [statement("a", "siege", "siege of madaya")])
    with pytest.raises(TypeError, match="ranking must be a query.Ranking, not dict"):
        Searcher(index_dir, ranking={"k1": 1.2})  # type: ignore[arg-type]
    with Searcher(index_dir, ranking=Ranking(k1=1.2)) as searcher:
        assert searcher.ranking == Ranking(k1=1.2)


def test_the_rank_module_holds_no_mutable_settings() -> None:
    # Tuning used to assign rank.DEFAULT_B and fill rank.FIELD_WEIGHTS in place.
    mutable = {name for name, value in vars(rank).items()
               if not name.startswith("__") and isinstance(value, (dict, list, set, bytearray))}
    assert mutable == set()
    assert not hasattr(rank, "FIELD_WEIGHTS") and not hasattr(rank, "DEFAULT_B")


def test_the_tuning_grid_passes_values() -> None:
    setting = {"B": 0.6, "K1": 1.6, "weights": {"title": 3.0, "body": 1.0}, "field_B": {"title": 0.9}}
    assert ranking_for(setting) == Ranking(b=0.6, k1=1.6, field_weights=(("title", 3.0), ("body", 1.0)),
                                           field_b=(("title", 0.9),))
    assert Ranking() == rank.DEFAULT_RANKING == Ranking(k1=2.0, b=0.75)
