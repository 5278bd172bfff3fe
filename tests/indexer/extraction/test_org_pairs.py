"""Two organisations joined by ``and`` are two actors, not one name running
across the ``and`` (issue 18: wrong actors in every facet); ``and`` inside
one name stays (``Asia and the Pacific``)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def _actors(gaz: Gazetteer, text: str) -> list[str]:
    return extract(Statement("x", "", text, "p"), gaz).actors


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("We thank the Council of Europe and the Organization for Security for their monitors.",
         "Council of Europe", "Organization for Security"),
        ("Cases went to the International Court of Justice and the International Criminal Court.",
         "International Court of Justice", "International Criminal Court"),
    ],
)
def test_two_organisations_joined_by_and(gaz: Gazetteer, text: str, first: str, second: str) -> None:
    actors = _actors(gaz, text)
    assert first in actors and second in actors
    assert not any(" and " in a for a in actors)


def test_and_inside_one_name_stays(gaz: Gazetteer) -> None:
    text = ("Nkina was affiliated with the Association for the Protection of Human Rights and Detained "
            "Persons, a rights group.")
    assert "Association for the Protection of Human Rights and Detained Persons" in _actors(gaz, text)


def test_a_place_pair_after_and_stays_in_the_name(gaz: Gazetteer) -> None:
    text = "The Commission for Asia and the Pacific published its survey."
    assert "Commission for Asia and the Pacific" in _actors(gaz, text)


def test_a_bare_head_after_and_continues_the_name(gaz: Gazetteer) -> None:
    # No article and no "of" after "and": the words are the same body's name.
    text = "Officials met the General Command of the Army and Armed Forces, which said the town was taken."
    assert "General Command of the Army and Armed Forces" in _actors(gaz, text)
