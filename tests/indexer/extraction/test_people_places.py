"""A first name opening a town's full name is no person (issue 18: LGL misses
``Rock Hill``, ``Glen Carbon``, ``South Ossetia`` read as people), nor is a
name holding a local institution's or road's word."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations


def people(gaz: Gazetteer, text: str) -> list[str]:
    return [m.name for m in gaz.find_actors(text) if m.kind == "person"]


@pytest.mark.parametrize(
    "text",
    [
        "The festival in Rock Hill drew thousands.",
        "Firefighters from Glen Carbon arrived first.",
        "Talks on South Ossetia stalled again.",
        "Tickets are sold at the Arlington Neighbors office.",
        "The Florida Highway Patrol closed the road.",
        "He lives on Freeman Drive near the school.",
    ],
)
def test_place_and_institution_names_are_no_people(gaz: Gazetteer, text: str) -> None:
    assert people(gaz, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elizabeth Hoff said the hospital was hit.", "Elizabeth Hoff"),
        ("Volunteers led by Glen Morris cleared the road.", "Glen Morris"),
    ],
)
def test_people_still_found(gaz: Gazetteer, text: str, expected: str) -> None:
    assert people(gaz, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an institution's word is no first name: the person starts after it
        ("A member of the Kurdish National Council Mustafa Sino said so.", "Mustafa Sino"),
        # an age after the name says it is a person's
        ("The officer, Pradeep Pradhan (31), was suspended.", "Pradeep Pradhan"),
        ("His friend, Amirhossein Moradi, also 20, was arrested.", "Amirhossein Moradi"),
        # a transcript's line break inside a name
        ("We welcome Ms. Mary\nRobinson as the Special Envoy.", "Mary Robinson"),
    ],
)
def test_more_people_cues(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in people(gaz, text)


def test_blank_line_still_ends_a_name(gaz: Gazetteer) -> None:
    assert "Mary Robinson" not in people(gaz, "We welcome Ms. Mary\n\nRobinson County voted.")


def test_acronym_plural_is_no_surname(gaz: Gazetteer) -> None:
    """A headline verb or a plural acronym after a town is no surname
    (``Mansfield OKs refinancing``): the town stays a place (issue 18, LGL round 6)."""
    from indexer.extraction.extract import extract
    from indexer.model import Statement

    out = extract(Statement("x", "", "Mansfield OKs refinancing $10.3 million in debt. The council met Monday. "
                                     "A program encourages all Mansfield residents to read.", "p"), gaz)
    assert "Mansfield OKs" not in out.actors and "Mansfield" in out.locations


def test_given_name_that_names_a_town_is_no_short_mention(gaz: Gazetteer) -> None:
    """A two-word name misread from a school's (``Lancaster Girls’ Grammar
    School``) does not make every later ``Lancaster`` that person: only a
    surname is a short mention when the given name is a place's own name
    (issue 18, LGL round 6)."""
    from indexer.extraction.extract import extract
    from indexer.model import Statement

    out = extract(Statement("x", "", "She is a former Lancaster Girls’ Grammar School pupil. A woman from Lancaster "
                                     "has won a top award. She moved to Lancaster in 2001.", "p"), gaz)
    assert "Lancaster" in out.locations


def test_given_name_short_mention_still_resolves(gaz: Gazetteer) -> None:
    from indexer.extraction.extract import extract
    from indexer.model import Statement

    out = extract(Statement("x", "", "Prime Minister Abiy Ahmed spoke on Monday. Abiy said the talks would go on.", "p"), gaz)
    assert "Abiy Ahmed" in out.actors and "Abiy" not in out.actors


@pytest.mark.parametrize(
    "text",
    [
        "Salma, a 20-year-old woman from Mosul, said that she fled to Erbil in 2020.",
        "Salma, a journalist from Mosul, fled to Erbil.",
    ],
)
def test_a_name_described_as_a_person_is_no_town(gaz: Gazetteer, text: str) -> None:
    # Salma is also a town in Latakia: the apposition makes it a woman here.
    found = extracted_locations(gaz, text)
    assert "Salma" not in found and "Syria" not in found


def test_a_town_described_as_a_town_stays(gaz: Gazetteer) -> None:
    assert "Salma" in extracted_locations(gaz, "Fighters entered Salma, a town in Latakia, on Monday.")


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Police detained Uladzimir Niaronski and Siarhei Piatrukhin in Minsk.", "Vladimir"),
        ("Rajpal Kashyap, Sunil Singh Sajan, Anand Bhadauria and Ashu Malik were part of it.", "Anand"),
    ],
)
def test_a_city_before_a_surname_is_a_given_name(gaz: Gazetteer, text: str, town: str) -> None:
    # The word after the city's name is no English word and no place: a surname.
    assert town not in extracted_locations(gaz, text)


def test_a_city_before_an_english_word_still_says_where(gaz: Gazetteer) -> None:
    assert "Tehran" in extracted_locations(gaz, "The Tehran Times reported the arrests on Monday.")
