"""One state under two names is one actor (issue 18, actors 6): a short or
former English name and the official one map to the same canonical state."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def state_actors(gaz: Gazetteer, text: str) -> list[str]:
    return extract(Statement("x", "", text, "p"), gaz).actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Netherlands condemned it. Netherlands officials agreed.", "Netherlands"),
        ("Cabo Verde condemned it. Cape Verde said so.", "Cabo Verde"),
        ("Timor-Leste condemned it. East Timor said so.", "Timor Leste"),
        ("Lao PDR condemned it. Laos said so.", "Laos"),
        ("The People's Republic of China said so. China agreed.", "China"),
        ("Congo-Brazzaville said so. The Republic of the Congo agreed.", "Republic of the Congo"),
    ],
)
def test_two_names_of_one_state_are_one_actor(gaz: Gazetteer, text: str, expected: str) -> None:
    assert state_actors(gaz, text) == [expected]
