"""Extraction end to end: the seed's pinned result, evidence, FA-KES quality."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extraction.extract import extract
from indexer.formats import read_file
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import EVIDENCE_FIELDS, Statement
from tests.conftest import SEED_FILE


@pytest.fixture(scope="module")
def seed() -> Statement:
    (statement,) = read_file(SEED_FILE).statements
    statement.extraction = extract(statement, Gazetteer.load())
    return statement


def test_seed_date(seed: Statement) -> None:
    assert seed.date is not None and seed.date.isoformat() == "2016-02-08"


def test_seed_actors(seed: Statement) -> None:
    assert seed.extraction is not None
    expected = {"Syrian Coalition", "Assad regime", "Russia", "Iran", "IRGC", "UN Security Council", "United Nations"}
    assert expected <= set(seed.extraction.actors)


def test_seed_locations(seed: Statement) -> None:
    assert seed.extraction is not None
    assert {"Darayya", "Rural Damascus", "Aleppo", "Daraa", "Syria"} <= set(seed.extraction.locations)


def test_seed_claim_types(seed: Statement) -> None:
    assert seed.extraction is not None
    types = {t for claim in seed.extraction.claims for t in claim.types}
    # "warns of an imminent massacre" is a warning: no massacre claim.
    assert {
        "genocide", "ethnic_cleansing", "bombardment", "displacement", "siege",
        "detention", "torture", "call_to_action", "responsibility_attribution",
    } <= types


def test_claims_keep_the_names_in_their_sentence(seed: Statement) -> None:
    assert seed.extraction is not None
    holds = next(c for c in seed.extraction.claims if "holds the UN Security Council" in c.sentence)
    assert "responsibility_attribution" in holds.types
    assert "UN Security Council" in holds.actors
    assert "Syrian Coalition" in holds.actors


def test_evidence_spans_point_at_the_text(seed: Statement) -> None:
    assert seed.extraction is not None
    texts = {"title": seed.title, "body": seed.body}
    compact = seed.to_json(spans=True)["evidence"]
    for kind in ("actors", "locations"):
        for name, items in seed.to_json()["evidence"][kind].items():
            for item, stored in zip(items, compact[kind][name], strict=True):
                if "inferred_from" in item:
                    assert stored == item
                    continue
                field_text = texts[item["field"]]
                assert field_text[item["start"] : item["end"]] == item["text"]
                # The compact form (extraction's own, what the index stores):
                # [field code, start, end, sentence start, sentence end].
                code, start, end, first, last = stored
                assert (EVIDENCE_FIELDS[code], start, end) == (item["field"], item["start"], item["end"])
                assert first <= start < end <= last and field_text[first:last] == item["sentence"]
    public = seed.to_json()["evidence"]
    for kind in ("actors", "locations"):
        for items in public[kind].values():
            for item in items:
                if "inferred_from" not in item:
                    assert item["text"] in item["sentence"] and isinstance(item["sentence"], str)


def test_named_and_inferred_places_are_distinguishable() -> None:
    statement = Statement(id="x", title="", body="Jets struck Khan Sheikhoun at dawn.", source="t")
    extraction = extract(statement, Gazetteer.load())
    assert extraction.locations[0] == "Khan Sheikhoun"
    assert {"Idlib", "Syria"} <= set(extraction.locations)
    statement.extraction = extraction
    evidence = statement.to_json()["evidence"]["locations"]
    assert evidence["Idlib"] == [{"inferred_from": "Khan Sheikhoun"}]
    named = evidence["Khan Sheikhoun"][0]
    assert named["text"] == "Khan Sheikhoun" and "inferred_from" not in named


def test_fakes_location_recall_and_date_accuracy(shared_data: Path) -> None:
    from benchmarks.extraction_quality import evaluate

    result = evaluate(shared_data / "fakes" / "fakes-dev.csv")
    assert result["location_recall"] >= 0.95
    assert result["date_accuracy_with_column"] >= 0.98


def test_every_mention_of_a_much_named_place_is_evidence_but_centrality_counts_ten() -> None:
    """A recognition benchmark counts each mention: 15 mentions of Aleppo are
    15 evidence items; the ranking weight still counts the first ten."""
    from indexer.extraction.centrality import MENTIONS, name_weights

    body = " ".join(f"Shells fell on Aleppo on day {i}." for i in range(15))
    extraction = extract(Statement(id="s", title="", body=body, source="test"), Gazetteer.load())
    assert len(extraction.evidence["locations"]["Aleppo"]) == 15
    weights = name_weights(extraction.evidence["locations"])
    assert weights["aleppo"] == MENTIONS + 1.0  # ten mentions and the lead bonus
