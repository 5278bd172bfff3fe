"""``sift search`` and ``sift show`` with reposted copies (issue 20)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from query.cli import main
from indexer.writing.write import index_paths
from tests.query.test_copies import FAST, OTHER, REPOSTS, write


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("copies-cli")
    index_paths([write(root / "a.jsonl", [*REPOSTS, OTHER])], root / "ix", FAST)
    return str(root / "ix")


def sift(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_text_lists_the_copies_under_the_earliest(index: str) -> None:
    out = sift("search", "statement", "--index", index, "--no-color", "--snippets", "0")
    assert out.splitlines()[0] == "2 statements (4 with reposted copies) match 'statement' (showing 1-2)"
    block = out.split("agency-1]")[1]
    assert ("     copies (2):\n"
            "       2016-03-02 · coalition  [coalition-1]  https://coalition.example/coalition-1\n"
            "       2016-03-05 · mirror  [mirror-1]  https://mirror.example/mirror-1\n") in block


def test_json_and_all_copies(index: str) -> None:
    data = json.loads(sift("search", "statement", "--index", index, "--format", "json"))
    assert (data["total"], data["total_statements"], data["grouped"]) == (2, 4, True)
    every = json.loads(sift("search", "statement", "--index", index, "--format", "json", "--all-copies"))
    assert (every["total"], every["total_statements"], every["grouped"]) == (4, 4, False)
    assert len(every["hits"]) == 4


def test_html_lists_the_copies(index: str) -> None:
    out = sift("search", "statement", "--index", index, "--format", "html")
    assert '<ul class="copies"><li>2016-03-02 · coalition [coalition-1]' in out


def test_show_lists_the_copies(index: str) -> None:
    out = sift("show", "coalition-1", "--index", index)
    assert "copies (2):\n  2016-03-01 · agency  [agency-1]  https://agency.example/agency-1\n" in out
    assert "copies:    -" in sift("show", "other-1", "--index", index)
