"""States of the past are their own places and actors, as named (issue 18,
round 3): a 1992 speech's Yugoslavia is not Serbia and Montenegro, Zaire
is not the Angolan province, East Germany is not Germany."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def _extract(gaz: Gazetteer, text: str) -> tuple[list[str], list[str], dict[str, str]]:
    x = extract(Statement("x", "", text, "p"), gaz)
    return x.actors, x.locations, x.actor_types


@pytest.mark.parametrize(
    ("text", "place", "successor"),
    [
        ("Refugees fled to Yugoslavia in 1991.", "Yugoslavia", "Serbia"),
        ("The conference on the situation in the former Yugoslavia opened.", "Yugoslavia", "Serbia"),
        ("He was born in East Germany.", "East Germany", "Germany"),
        ("Mining in Zaire collapsed in 1993.", "Zaire", "Angola"),
        ("Trade with firms in Czechoslovakia fell in 1990.", "Czechoslovakia", "Czechia"),
    ],
)
def test_historic_state_is_a_place_of_its_own(gaz: Gazetteer, text: str, place: str, successor: str) -> None:
    _, places, _ = _extract(gaz, text)
    assert place in places and successor not in places


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Soviet Union invaded Afghanistan in 1979.", "Soviet Union"),
        ("Mobutu said Zaire would never accept it.", "Zaire"),
        ("The USSR vetoed the resolution.", "Soviet Union"),
    ],
)
def test_historic_state_acts_as_a_state(gaz: Gazetteer, text: str, actor: str) -> None:
    actors, _, types = _extract(gaz, text)
    assert actor in actors and types[actor] == "state"
