"""A state named through one of its bodies in ordinary words (issue 18 items 2
and 5; stop 34 ``govbodies7``): a demonym before an intelligence service or a
legislature (``Algerian intelligence``, ``the Kenyan parliament``: its own
actor, part of the state), before a ministry (``the Iraqi interior
ministry``: the state), ``the
Government and people of X``, and the United Nations named in its own
speeches as ``our Organization`` or ``this world Organization``."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def actors(gaz: Gazetteer, body: str) -> list[str]:
    return extract(Statement("x", "", body, "p"), gaz).actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Algerian intelligence arrested the journalist on Tuesday.", "Algerian intelligence"),
        ("Iranian intelligence services detained two activists.", "Iranian intelligence"),
        ("She was abducted by Saudi intelligence officials in Abu Dhabi.", "Saudi intelligence"),
        ("The Kenyan parliament passed the law on Monday.", "Kenyan Parliament"),
        ("Turkey's parliament passed the law on Monday.", "Turkish Parliament"),
        ("The Iraqi interior ministry said five people were killed.", "Iraq"),
        ("The Government and people of Bangladesh welcome the decision.", "Bangladesh"),
        ("The delegation believes that our Organization must respond to the crisis.", "United Nations"),
        ("We call on this world Organization to act without delay.", "United Nations"),
        ("Our Organization must respond to the crisis.", "United Nations"),
        ("He has stood at the helm of this Organization for the past decade.", "United Nations"),
    ],
)
def test_state_named_by_its_body(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in actors(gaz, text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # a ship, an organisation that is another's ("our Organization of African Unity")
        ("Our Organization of African Unity met in Addis Ababa.", "United Nations"),
        ("This Organization for Security and Co-operation in Europe met in Vienna.", "United Nations"),
        ("Our organization documented the arrests.", "United Nations"),
        ("Our Organization must respond to the crisis.", "Our Organization"),
    ],
)
def test_no_state_or_un_where_none_is_named(gaz: Gazetteer, text: str, unexpected: str) -> None:
    assert unexpected not in actors(gaz, text)


def test_body_named_twice_is_one_actor(gaz: Gazetteer) -> None:
    # the body's own name and its demonym form in one text: one actor, its own name
    found = actors(gaz, "The Ministry of Intelligence and Security summoned him. Iranian intelligence "
                        "officers then detained him in Tehran.")
    assert "Ministry of Intelligence and Security" in found
    assert "Iranian intelligence" not in found


def test_bodies_of_two_states_stay_apart(gaz: Gazetteer) -> None:
    found = actors(gaz, "Saudi intelligence and Turkish intelligence traded accusations over the killing.")
    assert "Saudi intelligence" in found and "Turkish intelligence" in found


@pytest.mark.parametrize(
    "text",
    [
        "The officials were citing US intelligence that has led them to conclude Russia was to blame.",
        "British intelligence suggests the convoy was hit from the air.",
        "They acted on Saudi intelligence about the cell.",
    ],
)
def test_intelligence_as_information_is_no_body(gaz: Gazetteer, text: str) -> None:
    assert not [a for a in actors(gaz, text) if a.endswith("intelligence")]
