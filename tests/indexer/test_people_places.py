"""A first name opening a town's full name is no person (issue 18: LGL misses
``Rock Hill``, ``Glen Carbon``, ``South Ossetia`` read as people), nor is a
name holding a local institution's or road's word."""

from __future__ import annotations

import pytest

from indexer.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def people(gaz: Gazetteer, text: str) -> list[str]:
    return [m.name for m in gaz.find_actors(text) if m.kind == "person"]


@pytest.mark.parametrize(
    "text",
    [
        "The festival in Rock Hill drew thousands.",
        "Firefighters from Glen Carbon arrived first.",
        "Talks on South Ossetia stalled again.",
        "Tickets are sold at the Arlington Neighbors office.",
        "The Florida Highway Patrol closed the road.",
        "He lives on Freeman Drive near the school.",
    ],
)
def test_place_and_institution_names_are_no_people(gaz: Gazetteer, text: str) -> None:
    assert people(gaz, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elizabeth Hoff said the hospital was hit.", "Elizabeth Hoff"),
        ("Volunteers led by Glen Morris cleared the road.", "Glen Morris"),
    ],
)
def test_people_still_found(gaz: Gazetteer, text: str, expected: str) -> None:
    assert people(gaz, text) == [expected]
