"""Russia's parliament is no Syrian town (issue 18, LGL round 4: ``State
Duma`` read as Douma): its unambiguous names are the ``State Duma`` actor;
the town keeps ``Duma`` where a text names it."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations


@pytest.mark.parametrize(
    "text",
    [
        "Officials hoped that the State Duma would soon ratify the protocol.",
        "State Duma Deputy Andrei Lugovoi faces charges in London.",
        "He left after two days of talks with government officials and Duma deputies.",
    ],
)
def test_parliament_is_no_town(gaz: Gazetteer, text: str) -> None:
    assert "Douma" not in extracted_locations(gaz, text)


def test_town_named_duma_stays(gaz: Gazetteer) -> None:
    assert "Douma" in extracted_locations(gaz, "Clashes in Duma in rural Damascus killed five.")
