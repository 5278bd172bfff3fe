"""People named with cues beyond a title or a listed first name (people6)."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.person_cues import surname_shaped
from tests.indexer.extraction.test_people import people


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an age before the name
        ("The court jailed 68-year-old Shyrl Lamar on Monday.", "Shyrl Lamar"),
        # a plural role before a list of names
        ("He called attorneys Norm Pattis and Kevin Smith many times.", "Norm Pattis"),
        # an honorific or a police rank opens the name
        ("The Commissioner, Alhaji Adamu Usman, led the team.", "Adamu Usman"),
        ("The state Police Public Relations Officer, ASP Ramhan Nansel, disclosed this.", "Ramhan Nansel"),
        ("The President, His Excellency Al Hadji Yahya A. J. J. Jammeh, spoke.", "Yahya A. J. J. Jammeh"),
        ("We congratulate Her Excellency Haya Rashed Al-Khalifa on her election.", "Haya Rashed Al-Khalifa"),
        # more reporting verbs after a name
        ("Ubah Ogaba disclosed this to reporters in the city.", "Ubah Ogaba"),
        ("Monsuru Tijani responded to the ruling on Friday.", "Monsuru Tijani"),
        # an apposition closed by "who"
        ("The officer in the State, Ubah Ogaba who confirmed the incident, spoke later.", "Ubah Ogaba"),
        # an apposition after a title's phrase; an age after the name
        ("We have lost our Minister for Minority Affairs, Shahbaz Bhatti, and many others.", "Shahbaz Bhatti"),
        ("Toronto resident Krishan Arora, 36 and Ajax resident Dinash Chaudhry, 27 face charges.", "Krishan Arora"),
        ("Krishan Arora, 36 and two others face charges.", "Krishan Arora"),
        # a kind of person after a comma
        ("Monsuru Tijani, an immigrant, was convicted of fraud.", "Monsuru Tijani"),
        # a kinship apposition
        ("He posted photos of Xi's daughter, Xi Mingze, online.", "Xi Mingze"),
        # a surname of a common shape after an unknown first name
        ("Mayors such as Velimir Smilevski from Butel resigned.", "Velimir Smilevski"),
        ("And Boro Stojcev from Novo Selo had to resign.", "Boro Stojcev"),
        # an Arabic compound first name
        ("Abdel-Fattah al-Sisi spoke on Friday morning.", "Abdel-Fattah al-Sisi"),
    ],
)
def test_a_person_is_found_by_a_general_cue(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in people(gaz, text)


def test_a_peer_after_lord_is_a_person(gaz: Gazetteer) -> None:
    found = people(gaz, "Lord Hodge and Lord Kitchin heard the appeal.")
    assert found == ["Hodge", "Kitchin"]


@pytest.mark.parametrize(
    "text",
    [
        "The 12-year-old Girl Scouts troop marched.",  # an age before a group, not a person
        "Delegates from Moldova Republic met.",
        "The ceasefire in Nagorno Karabakh held, officials disclosed.",
        "DSP Nawan Kot was kidnapped after the mob attacked Nawan Kot police station.",  # a post, no name
        "Sputnik Ilya Pitalev Number of Settlements Joining Ceasefire Reaches 207",  # a photo credit
        "Sources Burton spoke to believe the case is weak.",  # an ordinary word is no first name
        "Last year, the Ministry of Water Resources revealed that 89 died.",  # the end of a body's name
        "The Minister of the Interior, Kurdistan Region, said it.",
        "The 200-year-old Lune Aqueduct has been closed.",  # a thing's age
        "Doctors at Dr Harry Surtie Hospital, Upington, Northern Cape, South Africa walked out.",  # a list of places
    ],
)
def test_the_new_cues_make_no_person_of_other_names(gaz: Gazetteer, text: str) -> None:
    assert people(gaz, text) == []


@pytest.mark.parametrize(
    ("word", "shaped"),
    [("Stojanovski", True), ("Ibrahimovic", True), ("Shevchenko", True), ("Popescu", True),
     ("Saakashvili", True), ("Davutoglu", True), ("Stojcev", True), ("Street", False), ("Moscow", False),
     ("Rev", False), ("Kiev", False)],
)
def test_surname_shapes(word: str, shaped: bool) -> None:
    assert surname_shaped(word) is shaped


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It added to the military advantage of Milosevic’s regime, which was bent on war.", "Milosevic"),
        ("Fighters loyal to Hemedti seized the town.", "Hemedti"),
        ("Gaddafi's troops shelled Misrata again.", "Gaddafi"),
        ("In Machar's faction, dissent grew.", "Machar"),
        ("President Slobodan Milosevic spoke. Milosevic's forces then attacked.", "Slobodan Milosevic"),
    ],
)
def test_a_leader_named_through_the_group_he_leads_is_a_person(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in people(gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Transitional Government met in the capital.",
        "The Communist regime fell in 1989.",
        "Syria's army and Assad's forces shelled the town.",
        "Sunday's government statement was brief.",
        "They fought the Prophet's men.",  # a title, no name
        "The Federal Government rejected it.",
        "The victims of the Soviet regime chose from slates of one.",  # one word there may describe
        "The Guinean Government believes that peace can be achieved.",
        "Russia stood firmly by the Assads regime.",  # a possessive that lost its apostrophe
    ],
)
def test_a_description_of_a_government_is_no_leader(gaz: Gazetteer, text: str) -> None:
    assert people(gaz, text) == []


def test_a_place_in_apposition_after_a_person_is_no_person(gaz: Gazetteer) -> None:
    text = "Orthodox Rabbi Daniel Wasserman of Shaare Torah Congregation, Squirrel Hill, said that people ask."
    assert people(gaz, text) == ["Daniel Wasserman"]
