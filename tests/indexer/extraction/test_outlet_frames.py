"""Outlets that act in ordinary forms (issue 18 items 5-6, stop 35 ``outlets8``):
a name before a lower-case kind word, after ``daily``, a newspaper's title
word in a report frame, a state's own media that reports."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def actors(gaz: Gazetteer, body: str) -> list[str]:
    return extract(Statement("x", "", body, "p"), gaz).actors


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ("The Times reported that the minister had resigned.", "The Times"),
        ("Two people were killed, according to the Daily Nation.", "Daily Nation"),
        ("Police fired tear gas, the Daily Nation reported.", "Daily Nation"),
        ("He told the Daily Nation that he feared for his life.", "Daily Nation"),
        ("Apple Daily said the activist was arrested on Monday.", "Apple Daily"),
        ("Al-Watan newspaper said the army advanced on the town.", "Al-Watan"),
        ("The pro-government daily Al-Watan reported that the army advanced.", "Al-Watan"),
        ("Dawn newspaper quoted a police official as saying ten died.", "Dawn"),
        ("A court denied bail to four editors of the now-defunct Apple Daily pro-democracy newspaper.", "Apple Daily"),
        ("The Standard newspaper reported the arrests.", "The Standard"),
        ("The privately owned NTV channel reported the clashes.", "NTV"),
        ("Al-Watan, a pro-government daily, reported that the army advanced.", "Al-Watan"),
        ("The state-run Global New Light of Myanmar newspaper reported the arrests.", "Global New Light of Myanmar"),
        ("The Kathmandu Post reported that the police fired on protesters.", "Kathmandu Post"),
        ("According to the Jakarta Post, troops shot two villagers.", "Jakarta Post"),
        ("On Monday, Myanmar state television announced that the prisoners would be freed.",
         "Myanmar state television"),
        ("Iranian state TV said the guards seized the tanker.", "Iranian state TV"),
        ("Syrian state media accused rebels of using chemical arms.", "Syrian state media"),
        ("Syrias state media alleged on Saturday that rebels had used chemical weapons.", "Syrias state media"),
    ],
)
def test_an_outlet_that_acts_is_an_actor(gaz: Gazetteer, body: str, outlet: str) -> None:
    assert outlet in actors(gaz, body)


def test_one_outlet_one_name(gaz: Gazetteer) -> None:
    found = actors(gaz, "According to the Independent newspaper, ten were held. Others were hurt, "
                        "according to the Independent.")
    assert found == ["The Independent"]


def test_a_state_medium_replaces_its_state_word(gaz: Gazetteer) -> None:
    assert actors(gaz, "Myanmar state television announced an amnesty.") == ["Myanmar state television"]


@pytest.mark.parametrize(
    "body",
    [
        "Pakistan Daily wages rose sharply this year.",  # no report frame
        "We need an English newspaper to reach our readers.",  # a kind of paper
        "Troops advanced two days ago, the TV channel reported.",  # no name
        "He posted the video on his YouTube channel last week.",  # no report verb
        "Syrian state media made no mention of the attack.",  # no act
        "State television said the rebels were defeated.",  # no state named
        "Forces took villages in southern Syria state media said on Saturday.",  # a place, then the media
    ],
)
def test_no_outlet(gaz: Gazetteer, body: str) -> None:
    found = actors(gaz, body)
    assert not any(word in name for name in found for word in ("Daily", "English", "TV", "YouTube", "state"))


@pytest.mark.parametrize(("body", "outlet", "modifier"), [
    ("The editor of the Catholic newspaper Munno had been abducted.", "Munno", "Catholic"),
    ("He is held until 2027, according to Kurdish broadcaster NRT.", "NRT", "Kurdish"),
])
def test_a_word_before_a_kind_and_a_name_is_no_name(gaz: Gazetteer, body: str, outlet: str, modifier: str) -> None:
    found = actors(gaz, body)
    assert outlet in found and not any(modifier in name for name in found)


def test_a_known_outlet_keeps_its_name(gaz: Gazetteer) -> None:
    found = actors(gaz, "Fighters were killed in Qalamoun, Lebanons al-Manar TV channel reported.")
    assert "Al-Manar" in found and not any("Lebanons" in name for name in found)


def test_one_states_media_one_name(gaz: Gazetteer) -> None:
    found = actors(gaz, "Syrian state TV said six people died. Later Syrian state media accused rebels of the attack.")
    assert found.count("Syrian state TV") == 1 and "Syrian state media" not in found
