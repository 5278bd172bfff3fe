"""A capital or a country standing for its state (issue 18 items 3-4): ``the
Belgrade regime``, ``Moscow's support``, ``support from Tehran``,
``independently of Damascus`` name the state acting, no place; ``fled from
Tehran``, ``the road to Damascus`` stay places."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def _places(gaz: Gazetteer, body: str) -> list[str]:
    return extract(Statement("x", "", body, "p"), gaz).locations


@pytest.mark.parametrize(("body", "name"), [
    ("Serbian forces acted with the support of the Belgrade regime.", "Belgrade"),
    ("Rebels fought against the Damascus regime for years.", "Damascus"),
    ("The militia received support from Tehran for years.", "Tehran"),
    ("Moscow's support for the government grew last year.", "Moscow"),
    ("Moscow's support for Assad grew.", "Moscow"),
    ("Tehran's backing of the militia is no secret.", "Tehran"),
    ("The SDF are concluding their operations independently of Damascus.", "Damascus"),
])
def test_a_capital_standing_for_its_state_is_no_place(gaz: Gazetteer, body: str, name: str) -> None:
    assert name not in _places(gaz, body)


@pytest.mark.parametrize(("body", "name"), [
    ("Thousands of families fled from Tehran in the night.", "Tehran"),
    ("Fighting closed the road to Damascus on Monday.", "Damascus"),
    ("Moscow's streets were empty on Monday.", "Moscow"),
    ("Syria regime raids kill 10 in camp for displaced. Fighting went on in Syria.", "Syria"),
])
def test_a_capital_where_something_happens_stays_a_place(gaz: Gazetteer, body: str, name: str) -> None:
    assert name in _places(gaz, body)
