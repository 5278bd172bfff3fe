"""Russia's republics by the names news use (issue 18, LGL round 4): ISO
3166-2 lists them as ``Dagestan, Respublika``, so ``in Dagestan`` found
nothing."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes are frequent in Dagestan, where militants killed two police officers.", "Dagestan"),
        ("Gunmen attacked a checkpoint in Ingushetia on Monday.", "Ingushetia"),
        ("Protesters gathered in Tatarstan.", "Tatarstan"),
    ],
)
def test_republic_is_a_subdivision_of_russia(gaz: Gazetteer, text: str, expected: str) -> None:
    places = extracted_locations(gaz, text)
    assert expected in places and "Russia" in places
