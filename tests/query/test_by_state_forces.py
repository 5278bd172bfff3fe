"""``by:`` a state matches the acts of its national forces (README's extraction
section says so): ``Russian warplanes`` are Russian Armed Forces, part of Russia."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from query import Searcher
from tests.query.statements import index_statements

STATEMENTS = [
    {"id": "a1", "title": "Strikes", "text": "Russian warplanes bombed a hospital in Idlib, killing five people."},
    {"id": "a2", "title": "Gaza", "text": "Israeli forces shelled a school in Gaza, killing three children."},
    {"id": "a3", "title": "Talks", "text": "Russia said talks on Syria would resume in Geneva next week."},
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with Searcher(index_statements(tmp_path_factory.mktemp("forces"), STATEMENTS)) as opened:
        yield opened


@pytest.mark.parametrize(("query", "ids"), [
    ("claim:(bombardment AND by:Russia)", ["a1"]),
    ("claim:(bombardment AND by:Israel)", ["a2"]),
])
def test_by_a_state_matches_its_forces_acts(searcher: Searcher, query: str, ids: list[str]) -> None:
    assert [h.id for h in searcher.search(query).hits] == ids
