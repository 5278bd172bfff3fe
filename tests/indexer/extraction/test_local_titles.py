"""US local officials' titles before a name (issue 18, LGL round 6): the
title and the place before it are no part of the person's name
(``Texas Comptroller Susan Combs`` is Susan Combs; Texas is a place)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The figures came in a report Friday by Texas Comptroller Susan Combs.", "Susan Combs"),
        ("Notables included Harwinton First Selectman Frank Chiaramonte and Litchfield Selectman "
         "Marsha Bernstein.", "Marsha Bernstein"),
        ("Texas Ranger Steve Jeter also responded to the scene.", "Steve Jeter"),
    ],
)
def test_local_title_is_no_part_of_the_name(gaz: Gazetteer, text: str, person: str) -> None:
    assert person in extract(Statement("x", "", text, "p"), gaz).actors
