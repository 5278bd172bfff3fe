"""Users teach Sift new names with --gazetteer; index and search both use them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from query.cli import main

GAZETTEER = (
    "# user gazetteer\n"
    "actor\tNorthern Storm Brigade\tarmed_group\tNSB|Storm Brigade of the North\n"
    "place\tKafr Nabudah\tvillage\tHama\tKafranbouda|Kafr Nbouda\n"
)


def test_user_gazetteer_feeds_extraction_and_search(tmp_path: Path) -> None:
    gazetteer = tmp_path / "mine.tsv"
    gazetteer.write_text(GAZETTEER, encoding="utf-8")
    data = tmp_path / "s.jsonl"
    data.write_text(json.dumps({"id": "u1", "text": "NSB fighters shelled Kafranbouda on Monday."}), encoding="utf-8")
    runner = CliRunner()
    extracted = json.loads(runner.invoke(main, ["extract", str(data), "--gazetteer", str(gazetteer)]).stdout)
    assert "Northern Storm Brigade" in extracted["actors"]
    assert extracted["locations"][:3] == ["Kafr Nabudah", "Hama", "Syria"]
    assert extracted["evidence"]["locations"]["Hama"] == [{"inferred_from": "Kafr Nabudah"}]

    index = str(tmp_path / "ix")
    assert runner.invoke(main, ["index", str(data), "--index", index, "--gazetteer", str(gazetteer)]).exit_code == 0
    for query in ('actor:"Storm Brigade of the North"', "actor:NSB", 'location:"Kafr Nbouda"', "location:Hama"):
        result = runner.invoke(main, ["search", query, "--index", index, "--format", "json"])
        assert result.exit_code == 0, result.output
        assert [h["id"] for h in json.loads(result.stdout)["hits"]] == ["u1"], query


def test_malformed_gazetteer_is_a_clear_error(tmp_path: Path) -> None:
    gazetteer = tmp_path / "bad.tsv"
    gazetteer.write_text("place\tNowhere\tplanet\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--gazetteer", str(gazetteer)])
    assert result.exit_code == 1
    assert "bad.tsv, line 1" in result.output and "Traceback" not in result.output
    assert "internal error" not in result.output
