"""The claim-roles scorer's rules on hand-made cases (issue 21, item 4):
``benchmarks.roles_quality``. No third-party data needed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.extraction_gold import GoldError
from benchmarks.roles_quality import (
    NO_ROLES_NOTE,
    Tally,
    carries_roles,
    format_table,
    locate_claim,
    main,
    parse_roles_line,
    role_names,
    score_claim,
)
from benchmarks.scoring import Counts

LOCATOR = "Russian warplanes  bombed a MARKET in Idlib city,"
SENTENCE = ("Activists said Russian warplanes bombed a market in Idlib city, "
            "killing 12 people on Tuesday.")


def gold_line(**overrides: Any) -> str:
    line: dict[str, Any] = {
        "source": "fakes", "ref": "1", "conflict": "syria", "sentence": LOCATOR, "type": "bombardment",
        "by": [["Russia", "Russian warplanes", "Russian Armed Forces"]], "against": [],
        "in": [["Idlib"], ["Maaret al-Numan"]], "speaker": [], "negated": False,
    }
    line.update(overrides)
    return json.dumps(line)


def claim(sentence: str, types: list[str], **roles: Any) -> dict[str, Any]:
    return {"type": types[0], "types": types, "sentence": sentence, "actors": [], "locations": [], **roles}


def test_locate_claim_by_its_locator_ignoring_case_and_whitespace() -> None:
    other = claim("Rebels shelled Aleppo.", ["bombardment"])
    target = claim(SENTENCE.replace(" a market", "\n a market"), ["bombardment"])
    assert locate_claim([other, target], LOCATOR, "bombardment") is target


def test_locate_claim_prefers_the_claim_of_the_gold_type() -> None:
    first = claim("On Tuesday " + SENTENCE, ["killing"])
    second = claim(SENTENCE, ["bombardment"])
    assert locate_claim([first, second], LOCATOR, "bombardment") is second
    assert locate_claim([first], LOCATOR, "bombardment") is first  # found, with another type


def test_locate_claim_accepts_a_sentence_whose_lead_sift_cut_off() -> None:
    cut = claim("Ukrainian police have detained five people over the killing.", ["detention"])
    assert locate_claim([cut], "KIEV (Reuters) - Ukrainian police have detained five", "detention") is cut
    # three words are not enough to say it is the same sentence
    assert locate_claim([claim("have detained five people today.", ["detention"])],
                        "KIEV (Reuters) - Ukrainian police have detained five", "detention") is None


def test_locate_claim_not_found() -> None:
    assert locate_claim([claim("Rebels shelled Aleppo.", ["bombardment"])], LOCATOR, "bombardment") is None
    assert locate_claim([], LOCATOR, "bombardment") is None


@pytest.mark.parametrize("value", [
    ["Russia", "Idlib"],
    [{"name": "Russia", "start": 3, "end": 9}, {"name": "Idlib", "start": 20, "end": 25}],
    {"Russia": [[1, 3, 9]], "Idlib": [[1, 20, 25]]},
])
def test_role_names_accepts_the_three_shapes(value: Any) -> None:
    assert role_names(claim(SENTENCE, ["bombardment"], by=value), "by") == ["Russia", "Idlib"]


def test_role_names_under_a_roles_key_and_in_the_stored_form() -> None:
    assert role_names(claim(SENTENCE, ["x"], roles={"in": ["Idlib"]}), "in") == ["Idlib"]
    stored = claim(SENTENCE, ["x"], roles=[["by", "Russia", 3, 9], ["in", "Idlib", 20, 25]])
    assert role_names(stored, "in") == ["Idlib"]
    assert role_names(claim(SENTENCE, ["x"], speaker={"name": "SOHR", "start": 0}), "speaker") == ["SOHR"]
    assert role_names(claim(SENTENCE, ["x"]), "by") == []
    assert not carries_roles(claim(SENTENCE, ["x"]))
    assert carries_roles(claim(SENTENCE, ["x"], by=[]))


def test_score_claim_matches_alternatives_once_per_entity() -> None:
    gold = parse_roles_line(gold_line(), "roles.jsonl:1")
    sift = claim(SENTENCE, ["bombardment"],
                 by=[{"name": "Russian Armed Forces"}, {"name": "Russia"}, {"name": "Syria"}],
                 **{"in": [{"name": "idlib"}]}, negated=False)
    score = score_claim(gold, [sift])
    assert score.found and score.type_agrees
    # one entity, two of its names: the second is a false positive
    assert score.roles["by"].counts == Counts(tp=1, fp=2, fn=0)
    assert score.roles["in"].counts == Counts(tp=1, fp=0, fn=1)
    assert score.roles["in"].misses == [["Maaret al-Numan"]]
    assert score.negated is False


def test_score_claim_not_found_misses_every_gold_value() -> None:
    gold = parse_roles_line(gold_line(), "roles.jsonl:1")
    score = score_claim(gold, [claim("Rebels shelled Aleppo.", ["bombardment"], by=["Russia"])])
    assert not score.found and not score.type_agrees
    assert score.roles["by"].counts == Counts(fn=1)
    assert score.roles["in"].counts == Counts(fn=2)
    assert score.negated is None
    tally = Tally()
    tally.add(score)
    assert tally.as_json()["not_found"] == 1
    assert tally.as_json()["negated"]["accuracy"] is None


def test_tally_counts_found_other_type_and_negated_accuracy() -> None:
    tally = Tally()
    gold = parse_roles_line(gold_line(negated=True), "roles.jsonl:1")
    tally.add(score_claim(gold, [claim(SENTENCE, ["killing"], negated=True)]))
    tally.add(score_claim(gold, [claim(SENTENCE, ["bombardment"], negated=False)]))
    out = tally.as_json()
    assert (out["claims"], out["found"], out["found_other_type"]) == (2, 2, 1)
    assert {k: out["negated"][k] for k in ("scored", "right", "accuracy")} == {"scored": 2, "right": 1, "accuracy": 0.5}
    assert (out["negated"]["true"]["tp"], out["negated"]["true"]["fn"]) == (1, 1)
    assert "| x | 2 | 2 (1) |" in format_table({"x": out})
    assert format_table({"x": out}).endswith("| 0.500 (1.000 / 0.500) |")


@pytest.mark.parametrize("overrides, message", [
    ({"source": "web"}, "source"),
    ({"sentence": ""}, "'sentence'"),
    ({"by": ["Russia"]}, "'by' must be a list of non-empty lists"),
    ({"negated": "no"}, "'negated'"),
])
def test_parse_roles_line_rejects_bad_lines(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(GoldError, match=message):
        parse_roles_line(gold_line(**overrides), "roles.jsonl:1")


def test_main_scores_a_tiny_data_folder_without_roles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "data" / "fakes").mkdir(parents=True)
    (tmp_path / "data" / "fakes" / "f.csv").write_text(
        f'unit_id,article_title,article_content\n1,Strikes,"{SENTENCE} Talks resumed."\n', encoding="utf-8")
    gold = tmp_path / "roles.jsonl"
    gold.write_text(gold_line() + "\n" + gold_line(ref="2") + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["--gold", str(gold), "--data", str(tmp_path / "data"), "--out", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["all"]["claims"] == 1  # ref 2 has no record: reported, skipped
    assert any("no fakes record with id '2'" in e for e in result["errors"])
    assert (NO_ROLES_NOTE in capsys.readouterr().out) == (not result["roles_present"])
    if not result["roles_present"]:
        assert result["all"]["by"]["recall"] == 0.0


def test_main_skips_without_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out
