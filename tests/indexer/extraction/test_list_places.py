"""Places the text introduces by a plural kind word after a list, or by a
distance from another place (issue 18: villages and neighbourhoods no data
file knows)."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer


def located(gaz: Gazetteer, text: str) -> list[str]:
    return [p[0] for p in gaz.find_names(text)[1]]


@pytest.mark.parametrize(("text", "expected"), [
    ("The army re-established control over Ghweiran and al-Nashwa al-Sharqi neighborhoods in Hasaka.",
     "al-Nashwa al-Sharqi"),
    ("Turkish forces struck positions in the Suran, Arshak and Ihtimalat regions in Syria.", "Arshak"),
    ("At least 17 people were injured in Syria. Heneyda is around 25 kilometres west of the city of Raqqa.",
     "Heneyda"),
])
def test_listed_and_distanced_places(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in located(gaz, text)


def test_a_run_without_commas_is_no_name(gaz: Gazetteer) -> None:
    """``al-Midan al-Hamadaniah New Aleppo and al-Muhafaza``: commas lost, only the last name is clear."""
    places = located(gaz, "Rockets hit al-Midan al-Hamadaniah New Aleppo and al-Muhafaza neighborhoods in Aleppo.")
    assert "al-Muhafaza" in places
    assert not any("Hamadaniah New" in p for p in places)


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels blew up a tunnel in the Old City. The US condemned the attack.", "Old City"),
    ("Regime forces bombarded a tunnel in Ancient City of Aleppo.", "Ancient City of Aleppo"),
])
def test_a_citys_historic_centre_is_no_town_named_so(gaz: Gazetteer, text: str, expected: str) -> None:
    actors, places = gaz.find_names(text)
    assert expected in [p[0] for p in places]
    assert not any(p[0].startswith("Old City (") for p in places)


@pytest.mark.parametrize(("text", "expected"), [
    ("Residents of Oconee, Clarke and Barrow counties voted on Tuesday.", ["Oconee", "Clarke", "Barrow"]),
    ("The population of Douglas, Sarpy and Lancaster counties grew.", ["Sarpy"]),
    ("Flooding closed roads in Avoyelles and Rapides parishes.", ["Avoyelles", "Rapides"]),
])
def test_a_list_before_counties_names_counties(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """``Oconee, Clarke and Barrow counties``: each name of the list is a county (issue 18, round 4)."""
    places = located(gaz, text)
    assert all(name in places for name in expected)


@pytest.mark.parametrize(("text", "expected"), [
    # "Jackson" and "Madison" are world places found already: the list goes on over them.
    ("School boards in Barrow, Jackson and Madison counties tweaked their policies.", "Barrow"),
    ("The rate for the metro area - Clarke, Madison, Oconee and Oglethorpe counties - rose.", "Clarke"),
])
def test_a_list_goes_on_over_names_found_already(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in located(gaz, text)


def test_a_list_closed_by_or(gaz: Gazetteer) -> None:
    text = "Residents of Butler, Clark, Montgomery, Preble or Warren counties may apply."
    assert "Preble" in located(gaz, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ossetians attacked the Georgian-controlled villages of Nuli and Avnevi in a bid.", "Avnevi"),
    ("The Georgian-controlled village of Prisi came under attack.", "Prisi"),
])
def test_a_hyphenated_modifier_before_a_kind_word(gaz: Gazetteer, text: str, expected: str) -> None:
    """``the Georgian-controlled village of X``: a modifier, no name (issue 18, LGL round 7)."""
    assert expected in located(gaz, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Tamarasheni, a Georgian town a stone's throw from Tskhinvali, was shelled.", "Tamarasheni"),
    ("Climbers went missing in the mountains of Svaneti.", "Svaneti"),
    ("Ben Wu disappeared while on the island of Tortola.", "Tortola"),
])
def test_apposed_kind_and_landforms_of(gaz: Gazetteer, text: str, expected: str) -> None:
    """``X, a Georgian town``; ``the mountains of X`` (issue 18, LGL round 7)."""
    assert expected in located(gaz, text)


def test_a_person_with_a_towns_office_is_no_town(gaz: Gazetteer) -> None:
    assert "Bob Jonez" not in located(gaz, "Bob Jonez, a town councilman, said the budget was late.")
