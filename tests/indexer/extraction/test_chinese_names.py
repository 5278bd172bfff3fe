"""Chinese names in pinyin are people (issue 18: ``Zhang Zhan``, ``Chen Qiushi``
were missed: their given names are in no first-name list)."""

from __future__ import annotations

import pytest

from indexer.extraction.chinese_names import chinese_name_start
from indexer.extraction.gazetteer import Gazetteer


def people(gaz: Gazetteer, text: str) -> list[str]:
    return [m.name for m in gaz.find_actors(text) if m.kind == "person"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Citizen journalist Zhang Zhan was jailed for four years.", "Zhang Zhan"),
        ("Chen Qiushi disappeared in Wuhan in February.", "Chen Qiushi"),
        ("Businessman Fang Bin filmed the hospitals.", "Fang Bin"),
    ],
)
def test_pinyin_names_are_people(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in people(gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        "Protesters filled the streets of Hong Kong on Sunday.",   # a place
        "Art of the Tang Dynasty was shown.",                      # no pinyin given name
        "The Fan Club met. Every fan club has a club house.",      # a word the text writes in lower case
    ],
)
def test_not_every_pinyin_run_is_a_person(gaz: Gazetteer, text: str) -> None:
    assert people(gaz, text) == []


def test_start_index() -> None:
    assert chinese_name_start(["journalist", "zhang", "zhan"], "") == 1
    assert chinese_name_start(["zhang", "said"], "") == -1
