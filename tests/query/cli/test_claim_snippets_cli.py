"""``sift search`` with ``claim:``/``actor:``/``location:`` shows the sentences that matched (issue 20)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from query.cli import main
from tests.query.claim_corpus import CLAIM_CORPUS
from tests.query.conftest import build_index


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_index(tmp_path_factory.mktemp("claims-cli"), CLAIM_CORPUS))


def sift(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout


def test_claim_query_shows_claim_sentences_highlighted(index: str) -> None:
    code, out = sift("search", "claim:chemical_attack date:2017", "--index", index)
    assert code == 0
    assert "… Regime forces dropped [[chlorine]] barrel bombs on Saraqib, witnesses said. …" in out
    assert "The Coalition met in Istanbul" not in out  # the opening sentence, before


def test_json_snippets_name_the_place(index: str) -> None:
    code, out = sift("search", 'claim:chemical_attack location:"Khan Sheikhoun"', "--index", index,
                     "--format", "json")
    assert code == 0
    hit = json.loads(out)["hits"][0]
    assert hit["snippet"] == "… [[Sarin]] was dropped on [[Khan Sheikhoun]] by jets at dawn."


def test_html_output_marks_the_claim(index: str) -> None:
    code, out = sift("search", "claim:chemical_attack hospital", "--index", index, "--format", "html")
    assert code == 0
    assert "The <mark>hospital</mark> reported <mark>sarin</mark> and <mark>chlorine</mark>" in out
