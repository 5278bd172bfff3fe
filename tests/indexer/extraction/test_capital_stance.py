"""A capital before a stance verb or a modal stands for its state
(issue 18, round 3): ``Washington seems prepared``, ``Moscow must act``;
after a locative it stays the city."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Washington seems prepared to engage the Syrians in dialogue.", "United States"),
        ("Moscow must act before the vote.", "Russia"),
    ],
)
def test_capital_with_stance_is_its_state(gaz: Gazetteer, text: str, state: str) -> None:
    assert state in [m.name for m in gaz.find_actors(text)]


def test_capital_after_locative_stays_a_place(gaz: Gazetteer) -> None:
    text = "The summit in Moscow should be the largest in years."
    assert [m.name for m in gaz.find_actors(text)] == []
    assert "Moscow" in [m.name for m in gaz.find_locations(text)]


@pytest.mark.parametrize(
    ("text", "states"),
    [
        # the verb follows the second capital: both stand for their states (issue 18, LGL round 7)
        ("Kurtzer wrote that Washington and Cairo should realise the importance of ties.", {"United States", "Egypt"}),
        ("Washington and Moscow agreed on the text.", {"United States", "Russia"}),
    ],
)
def test_paired_capitals_with_stance_are_their_states(gaz: Gazetteer, text: str, states: set[str]) -> None:
    assert states <= {m.name for m in gaz.find_actors(text)}


def test_paired_capitals_after_locative_stay_places(gaz: Gazetteer) -> None:
    text = "Officials in Washington and Moscow said so."
    assert "United States" not in [m.name for m in gaz.find_actors(text)]
