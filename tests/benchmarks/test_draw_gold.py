"""The held-out gold draw is reproducible and never reuses a record."""

from __future__ import annotations

import json
from typing import Any

import pytest

from benchmarks import REPO, SHARED_DATA, shared_data_absent
from benchmarks.draw_gold import SEED, draw, used_tokens

FRESH2 = "benchmarks/gold/fresh2.jsonl"
FRESH3 = "benchmarks/gold/fresh3.jsonl"
FRESH4 = "benchmarks/gold/fresh4.jsonl"
needs_data = pytest.mark.skipif(shared_data_absent(SHARED_DATA), reason="no ../shared/data")


def _refs(path: str) -> list[tuple[str, str]]:
    lines = (REPO / path).read_text(encoding="utf-8").splitlines()
    return [(o["source"], o["ref"]) for o in map(json.loads, filter(str.strip, lines))]


def _assert_is_the_file(drawn: list[dict[str, Any]], path: str) -> None:
    """The draw names the file's records, in order, with the same paragraphs."""
    assert [(d["source"], d["ref"]) for d in drawn] == _refs(path)
    lines = (REPO / path).read_text(encoding="utf-8").splitlines()
    paragraphs = {o["ref"]: o.get("paragraphs") for o in map(json.loads, filter(str.strip, lines))}
    assert all(d.get("paragraphs") == paragraphs[d["ref"]] for d in drawn)


@needs_data
def test_fresh2_is_the_seeded_draw_with_its_own_file_left_out() -> None:
    # the later sets are left out too: their records and conflicts were not there yet
    _assert_is_the_file(draw(SEED, 6, SHARED_DATA, (FRESH2, FRESH3, FRESH4)), FRESH2)


@needs_data
def test_fresh3_is_the_seeded_draw_of_nine_fakes_with_its_own_file_left_out() -> None:
    drawn = draw(20261209, 6, SHARED_DATA, (FRESH3, FRESH4), fakes=9)
    assert [d["source"] for d in drawn].count("fakes") == 9
    _assert_is_the_file(drawn, FRESH3)


@needs_data
def test_fresh4_is_the_seeded_draw_of_ten_fakes_and_seven_per_source_with_its_own_file_left_out() -> None:
    drawn = draw(20261210, 7, SHARED_DATA, (FRESH4,), fakes=10)
    assert [d["source"] for d in drawn] == ["fakes"] * 10 + ["hrdsattack"] * 7 + ["ungdc"] * 7
    _assert_is_the_file(drawn, FRESH4)


@needs_data
def test_fresh3_excludes_every_record_fresh2_and_the_older_gold_name() -> None:
    older = used_tokens(skip=(FRESH3, "benchmarks/gold/needs"))
    assert not any(ref in older for _, ref in _refs(FRESH3))
    assert set(_refs(FRESH2)).isdisjoint(_refs(FRESH3))


@needs_data
def test_fresh4_excludes_every_record_the_older_gold_names() -> None:
    older = used_tokens(skip=(FRESH4, "benchmarks/gold/needs"))
    assert not any(ref in older for _, ref in _refs(FRESH4))
    assert set(_refs(FRESH2) + _refs(FRESH3)).isdisjoint(_refs(FRESH4))


@needs_data
def test_a_new_draw_excludes_every_record_a_gold_file_names() -> None:
    used = used_tokens()
    assert all(ref in used for _, ref in _refs(FRESH2) + _refs(FRESH3) + _refs(FRESH4))
    drawn = draw(SEED, 6, SHARED_DATA)
    # FA-KES leaves out the needs pool only (it holds every FA-KES article)
    used_but_pool = used_tokens(skip=("benchmarks/gold/needs",))
    assert not any(d["ref"] in used_but_pool for d in drawn)
    assert not any(d["ref"] in used for d in drawn if d["source"] != "fakes")
