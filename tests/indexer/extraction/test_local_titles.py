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


def test_abbreviated_governor_title(gaz: Gazetteer) -> None:
    """``Gov.`` is a title, abbreviated as ``Sen.`` is: ``South Carolina Gov. Mark
    Sanford`` is Mark Sanford and South Carolina, not a person ``Carolina Gov``."""
    out = extract(Statement("x", "", "COLUMBIA --- South Carolina Gov. Mark Sanford said Friday he won't spend "
                                     "the money.", "p"), gaz)
    assert "Mark Sanford" in out.actors and "Carolina Gov" not in out.actors
    assert "South Carolina" in out.locations


def test_headline_verb_after_a_title_is_no_name(gaz: Gazetteer) -> None:
    """A title-case headline's verb after a role word is no person's name
    (``Senior U.S. Military Official Visits Georgia``; issue 18, LGL round 6)."""
    out = extract(Statement("x", "", "Senior U.S. Military Official Visits Georgia. Gen. Cartwright arrived "
                                     "on Monday.", "p"), gaz)
    assert "Visits Georgia" not in out.actors
