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


def test_a_title_and_a_name_after_an_organisation_are_a_person(gaz: Gazetteer) -> None:
    text = "The Office of Foreign Assets Control Director Andrea M. Gacki said sanctions would follow."
    actors = _actors(gaz, text)
    assert "Office of Foreign Assets Control" in actors
    assert "Andrea M. Gacki" in actors


def test_a_title_inside_an_organisations_name_stays(gaz: Gazetteer) -> None:
    assert "Office of the President" in _actors(gaz, "A statement from the Office of the President said the talks failed.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Judges of the International Criminal Tribunal for the Former Yugoslavia, which closed, spoke.",
         "International Criminal Tribunal for the Former Yugoslavia"),
        ("The Group on the Revitalization of the General Assembly met twice.",
         "Group on the Revitalization of the General Assembly"),
    ],
)
def test_a_title_word_before_no_given_name_stays_in_the_name(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in _actors(gaz, text)
