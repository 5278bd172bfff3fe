"""End to end through the installed ``sift`` console command, as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SEEDS

SIFT = shutil.which("sift")
pytestmark = pytest.mark.skipif(SIFT is None, reason="the sift command is not installed (pip install -e .)")


def sift(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SIFT_INDEX"}
    return subprocess.run([str(SIFT), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_index_then_search_json_contract(tmp_path: Path) -> None:
    indexed = sift("index", str(SEEDS), cwd=tmp_path)
    assert indexed.returncode == 0, indexed.stderr
    assert indexed.stdout.startswith("1 added")
    found = sift("search", 'genocide AND actor:"regime forces" AND location:"Dara\'a"', "--format", "json", cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    assert result["total"] == 1
    (hit,) = result["hits"]
    assert set(hit) >= {"id", "title", "date", "publisher", "url", "score", "snippet", "actors", "locations", "claims"}
    assert hit["date"] == "2016-02-08"
    assert hit["publisher"] == "Syrian Coalition"
    assert "[[" in hit["snippet"]
    assert all(set(c) >= {"type", "sentence"} for c in hit["claims"])


def test_malformed_query_shows_caret_and_exits_2(tmp_path: Path) -> None:
    sift("index", str(SEEDS), cwd=tmp_path)
    bad = sift("search", 'genocide AND "barrel bombs', cwd=tmp_path)
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    lines = bad.stderr.splitlines()
    caret = next(line for line in lines if line.strip() == "^")
    assert lines[lines.index(caret) - 1] == 'genocide AND "barrel bombs'
    assert caret.index("^") == len("genocide AND ")


def test_search_without_index_is_a_clear_error(tmp_path: Path) -> None:
    missing = sift("search", "genocide", "--index", str(tmp_path / "none"), cwd=tmp_path)
    assert missing.returncode == 1
    assert "no Sift index" in missing.stderr and "Traceback" not in missing.stderr
