"""Bodies named in ordinary forms (issue 18, items 2, 5, 6; stop 34 ``orgs6``):
departments, boards and task forces; abbreviations and universities that
speak or act; a name opening with an ordinal and a dotted country abbreviation
or a place and a lower-case ``state``; a body inside a document's or a
building's name, or in a person's title, which is no actor there."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def actors(gaz: Gazetteer, body: str) -> list[str]:
    return extract(Statement("x", "", body, "p"), gaz).actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The South Carolina Department of Corrections says the guard has been fired.",
         "South Carolina Department of Corrections"),
        ("The Justice Department filed charges against him.", "Justice Department"),
        ("Workers protested against the splintering of the Ordnance Factory Board on Friday.",
         "Ordnance Factory Board"),
        ("The Multinational Joint Task Force said it had repelled the attack.", "Multinational Joint Task Force"),
        ("The ruling was overturned by the 9th U.S. Circuit Court of Appeals on Tuesday.",
         "9th U.S. Circuit Court of Appeals"),
        ("The U.S. Court of Appeals for the 9th Circuit ruled against him.", "U.S. Court of Appeals for the 9th Circuit"),
        ("A manhunt by the Niger state Police Command for five school girls has begun.",
         "Niger state Police Command"),
        ("The FBI said the suspect had fled.", "FBI"),
        ("Villagers said ACR arrested twelve men on Monday.", "ACR"),
        ("ACR fighters attacked the village on Monday.", "ACR"),
        ("Harvard University said it would sue the government.", "Harvard University"),
        ("The Montgomery County Prosecutor's Office said he was found guilty.", "Montgomery County Prosecutor's Office"),
        ("The San Diego County Sheriff’s Department said two men were held.", "San Diego County Sheriff’s Department"),
    ],
)
def test_bodies_in_ordinary_forms_are_actors(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in actors(gaz, text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a name inside a document's name
        ("The dispute must be settled under the Charter of the Organization of the Islamic Conference (OIC), it said.",
         "Organization of the Islamic Conference"),
        # a building named for the body it houses
        ("A mortar shell hit the building of the Civil Register Department in the city.", "Civil Register Department"),
        # where a sentence is served
        ("He was sentenced to serve 40 years in the Texas Department of Criminal Justice.",
         "Texas Department of Criminal Justice"),
        # a person's title
        ("He was a Lieutenant and a Class II Police Officer according to affidavits.", "Class II Police"),
        # a title's abbreviation spelt out in the text, a kind of body, an office
        ("The Police Public Relations Officer, Ubah Ogaba, spoke in Jos. The PPRO said four men were held.", "PPRO"),
        ("The NGO said the CEO had resigned.", "NGO"),
        ("The NGO said the CEO said nothing.", "CEO"),
        # a line in capitals, and a wire credited for the text
        ("THE ARMY SAID NOTHING ABOUT THE RAID.", "SAID"),
        ("Dozens of militants were killed, FNA reported.", "FNA"),
        # a university where someone studies
        ("She studied at Harvard University before the war.", "Harvard University"),
    ],
)
def test_non_acting_or_inner_names_are_not_actors(gaz: Gazetteer, text: str, wrong: str) -> None:
    assert wrong not in actors(gaz, text)


def test_an_abbreviation_spelt_out_in_the_text_is_that_body(gaz: Gazetteer) -> None:
    found = actors(gaz, "Staff of the Independent Doctors Association work in four towns. The IDA said two were hit.")
    assert "Independent Doctors Association" in found
    assert "IDA" not in found


def test_two_known_abbreviations_written_as_one_are_the_first(gaz: Gazetteer) -> None:
    known = actors(gaz, "YPG militants fled the town.")
    assert known and set(known) <= set(actors(gaz, "YPGPYD militants fled the town."))
    assert "YPGPYD" not in actors(gaz, "YPGPYD militants fled the town.")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Assads Air Force Kills 65 Civilians in Raqqa.", "Air Force"),
        ("He was elected to the Executive Board in May.", "Executive Board"),
        ("The CTBT should become an important pillar of the regime.", "CTBT"),
        ("We are implementing ICT Act 2009 in every district.", "ICT"),
        ("The Sheriff's Department said two men were held.", "Sheriff's Department"),
    ],
)
def test_kinds_and_modals_are_no_bodies(gaz: Gazetteer, text: str, wrong: str) -> None:
    assert wrong not in actors(gaz, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Members of the Bharatiya Pratiraksha Mazdoor Sangh took part in the protest.",
         "Bharatiya Pratiraksha Mazdoor Sangh"),
        ("The Vishva Hindu Parishad said the march would go on.", "Vishva Hindu Parishad"),
    ],
)
def test_bodies_named_in_south_asian_languages(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in actors(gaz, text)


def test_a_sentence_opening_word_is_not_part_of_the_name(gaz: Gazetteer) -> None:
    found = actors(gaz, "Even British Labour Party members said the vote was unfair.")
    assert "Even British Labour Party" not in found
    assert "New Zealand Labour Party" in actors(gaz, "New Zealand Labour Party members said the vote was fair.")


def test_a_second_body_of_the_same_seat_after_and_is_its_own(gaz: Gazetteer) -> None:
    found = actors(gaz, "The Minnesota Department of Transportation and the Minnesota State Patrol said roads were closed.")
    assert "Minnesota Department of Transportation" in found
    assert not any("Patrol" in name and "Transportation" in name for name in found)


def test_a_persons_unit_before_a_rank_is_not_the_bodys_complement(gaz: Gazetteer) -> None:
    found = actors(gaz, "The photo was released by the Oakland Police Department of Oakland Police officer John Hege.")
    assert "Oakland Police Department" in found
    assert "Oakland Police Department of Oakland Police" not in found
