"""One sense per text (issue 18, LGL round 4): a small town the text places
once (``in Whitestown``) is that town in its other mentions too, and a
town the text places whose name only one place in the world bears is that
place even when the text's other names guessed another country."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import located


def test_other_mentions_of_a_placed_town(gaz: Gazetteer) -> None:
    text = ("Whitestown thanks donors. Donors funded the Whitestown water line, and Whitestown "
            "invited them to a ceremony. The works in Whitestown ended in March.")
    assert located(gaz, text).count("Whitestown") == 4


def test_unplaced_town_alone_stays_out(gaz: Gazetteer) -> None:
    # nothing says it is a place: a small town alone is no place
    assert "Whitestown" not in located(gaz, "Whitestown invited all donors to a ceremony.")


def test_placed_unique_town_outside_a_guessed_country(gaz: Gazetteer) -> None:
    # "Forest" and "Canon" read as US towns made the US the statement's guessed country
    text = ("A piper played the 'Flowers of the Forest' as the hearse passed. Canon Liam Stevenson "
            "said soldiers from England had served there. The remains were carried in Banbridge yesterday.")
    assert "Banbridge" in located(gaz, text)


def test_placed_town_no_other_place_bears_outside_the_named_countries(gaz: Gazetteer) -> None:
    # Jordan is the statement's country; "in Shakopee" names the only Shakopee there is
    text = "Jordan said it would send aid. The money was donated by a store in Shakopee."
    assert "Shakopee" in located(gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        "Jordan said it would send aid. She was a believer in God.",
        "Jordan said it would send aid. A meeting will be held at Centennial Hall.",
        "Jordan said it would send aid. Police in Miami-Dade arrested him.",
    ],
)
def test_lone_name_that_is_no_town_stays_out(gaz: Gazetteer, text: str) -> None:
    assert [p for p in located(gaz, text) if p not in ("Jordan", "Miami")] == []
