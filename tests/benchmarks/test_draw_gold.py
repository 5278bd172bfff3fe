"""The held-out gold draw is reproducible and never reuses a record."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from benchmarks import REPO, SHARED_DATA, shared_data_absent
from benchmarks.draw_gold import SEED, draw, draw_hrds, used_tokens

FRESH2 = "benchmarks/gold/fresh2.jsonl"
FRESH3 = "benchmarks/gold/fresh3.jsonl"
FRESH4 = "benchmarks/gold/fresh4.jsonl"
FRESH5 = "benchmarks/gold/fresh5.jsonl"
# dev samples helpers have read (stop 34): drawn sets before fresh5 predate them
DEV_GOLD = "benchmarks/dev_gold"
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
    _assert_is_the_file(draw(SEED, 6, SHARED_DATA, (FRESH2, FRESH3, FRESH4, FRESH5, DEV_GOLD)), FRESH2)


@needs_data
def test_fresh3_is_the_seeded_draw_of_nine_fakes_with_its_own_file_left_out() -> None:
    drawn = draw(20261209, 6, SHARED_DATA, (FRESH3, FRESH4, FRESH5, DEV_GOLD), fakes=9)
    assert [d["source"] for d in drawn].count("fakes") == 9
    _assert_is_the_file(drawn, FRESH3)


@needs_data
def test_fresh4_is_the_seeded_draw_of_ten_fakes_and_seven_per_source_with_its_own_file_left_out() -> None:
    drawn = draw(20261210, 7, SHARED_DATA, (FRESH4, FRESH5, DEV_GOLD), fakes=10)
    assert [d["source"] for d in drawn] == ["fakes"] * 10 + ["hrdsattack"] * 7 + ["ungdc"] * 7
    _assert_is_the_file(drawn, FRESH4)


def test_the_dev_samples_helpers_have_read_are_excluded() -> None:
    dev = [ref for path in sorted((REPO / DEV_GOLD).glob("*.jsonl")) for _, ref in _refs(str(path.relative_to(REPO)))]
    used = used_tokens()
    assert dev and all(ref in used for ref in dev)
    # some (the UN passages) are named nowhere else
    assert not all(ref in used_tokens(skip=(DEV_GOLD,)) for ref in dev)


def test_hrdsattack_fills_with_countries_new_to_the_draw_when_new_countries_run_out(tmp_path: Path) -> None:
    rows = [("a1", "Kenya"), ("a2", "Kenya"), ("a3", "USA"), ("a4", "United States"),
            ("a5", "none"), ("a6", "Peru"), ("a7", "Chile")]
    (tmp_path / "hrdsattack").mkdir()
    (tmp_path / "hrdsattack/hrdsattack.jsonl").write_text(
        "".join(json.dumps({"id": i, "split": "train", "text": "word", "country": c}) + "\n" for i, c in rows),
        encoding="utf-8",
    )
    picked = draw_hrds(random.Random(1), tmp_path, set(), {"kenya", "peru", "united states"}, 5)
    countries = [p["country"] for p in picked]
    # first the labels new to every gold file, then labels new to the draw (US spellings are one;
    # none, a second Kenya and a second United States are never taken)
    assert set(countries[:2]) == {"Chile", "USA"}
    assert set(countries[2:]) == {"Kenya", "Peru"}


@needs_data
def test_fresh5_is_the_seeded_draw_of_ten_fakes_and_seven_per_source_with_its_own_file_left_out() -> None:
    drawn = draw(20261211, 7, SHARED_DATA, (FRESH5,), fakes=10)
    assert [d["source"] for d in drawn] == ["fakes"] * 10 + ["hrdsattack"] * 7 + ["ungdc"] * 7
    _assert_is_the_file(drawn, FRESH5)


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
def test_fresh5_excludes_every_record_the_older_gold_and_the_dev_samples_name() -> None:
    older = used_tokens(skip=(FRESH5, "benchmarks/gold/needs"))
    assert not any(ref in older for _, ref in _refs(FRESH5))
    assert set(_refs(FRESH2) + _refs(FRESH3) + _refs(FRESH4)).isdisjoint(_refs(FRESH5))


@needs_data
def test_a_new_draw_excludes_every_record_a_gold_file_names() -> None:
    used = used_tokens()
    assert all(ref in used for _, ref in _refs(FRESH2) + _refs(FRESH3) + _refs(FRESH4) + _refs(FRESH5))
    drawn = draw(SEED, 6, SHARED_DATA)
    # FA-KES leaves out the needs pool only (it holds every FA-KES article)
    used_but_pool = used_tokens(skip=("benchmarks/gold/needs",))
    assert not any(d["ref"] in used_but_pool for d in drawn)
    assert not any(d["ref"] in used for d in drawn if d["source"] != "fakes")
