"""Where an organisation's name ends (issue 18, actors): a known name inside it
closes it, ``and the <office-holder>`` starts another, ``As an Organization``
is no name, ``Office of the X`` and ``X of the Y`` are the known body X or ``Y X``."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.org_names import hard_wrapped
from indexer.model import Statement

_FILLER = ("We note with pleasure the work done this year by all\n"
           "the delegations present in this Hall, and we thank\n"
           "them for the spirit of cooperation they have shown.\n") * 3


def _actors(gaz: Gazetteer, body: str) -> list[str]:
    return extract(Statement("x", "", body, "p"), gaz).actors


def _both(text: str) -> list[str]:
    """``text`` as one line and wrapped at a fixed width after filler."""
    wrapped = _FILLER + text.replace(" | ", " \n") + "\n"
    assert hard_wrapped(wrapped)
    return [text.replace(" | ", " "), wrapped]


@pytest.mark.parametrize("body", _both("the time for narrow agendas is over. As an | Organization, we must act now."))
def test_as_an_organization_is_no_name(gaz: Gazetteer, body: str) -> None:
    assert not any("Organization" in a for a in _actors(gaz, body))


@pytest.mark.parametrize("body", _both("which led to our winning the Food and Agriculture Organization of the | "
                                       "United Nations Ceres Award. This time we act."))
def test_a_known_complement_ends_the_name(gaz: Gazetteer, body: str) -> None:
    actors = _actors(gaz, body)
    assert "FAO" in actors
    assert not any("Ceres" in a for a in actors)


@pytest.mark.parametrize("body", _both("we thank the Office for the Coordination of Humanitarian Affairs and the | "
                                       "Administrator of the United Nations Development Programme. We act."))
def test_and_an_office_holder_starts_another_name(gaz: Gazetteer, body: str) -> None:
    actors = _actors(gaz, body)
    assert "OCHA" in actors and "UNDP" in actors
    assert not any("Administrator" in a for a in actors)


@pytest.mark.parametrize("body", _both("Hungary respects the advisory opinion of the International Court of Justice on | "
                                       "Kosovo, and our country remains committed."))
def test_a_known_body_on_a_place_ends_before_the_place(gaz: Gazetteer, body: str) -> None:
    actors = _actors(gaz, body)
    assert "International Court of Justice" in actors
    assert not any(a.startswith("International Court of Justice ") for a in actors)


def test_a_body_named_for_its_topic_keeps_it(gaz: Gazetteer) -> None:
    assert "Commission of Inquiry on Burundi" in _actors(gaz, "The Commission of Inquiry on Burundi reported killings.")


@pytest.mark.parametrize("body", _both("the accord among the Congo and the Office of the United | "
                                       "Nations High Commissioner for Refugees should help."))
def test_the_office_of_a_known_body_is_that_body(gaz: Gazetteer, body: str) -> None:
    actors = _actors(gaz, body)
    assert "UNHCR" in actors
    assert not any(a.startswith("Office of") for a in actors)


def test_a_body_of_a_known_organisation_is_its_known_name(gaz: Gazetteer) -> None:
    actors = _actors(gaz, "We appeal to the Security Council of the United Nations to act.")
    assert "UN Security Council" in actors
    assert "Security Council of the United Nations" not in actors


def test_a_place_in_a_complement_qualifies_its_words(gaz: Gazetteer) -> None:
    actors = _actors(gaz, "Five members of the General Association of Hong Kong Speech Therapists were arrested.")
    assert "General Association of Hong Kong Speech Therapists" in actors


@pytest.mark.parametrize(("text", "name"), [
    ("Protesters were blocked at the Ministry of Agriculture & Forestry on Monday.", "Ministry of Agriculture & Forestry"),
    ("Many people in the community were upset, said the director of the Amish & Mennonite Heritage Center in Millersburg.",
     "Amish & Mennonite Heritage Center"),
])
def test_an_ampersand_joins_words_of_one_name(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in _actors(gaz, text)


def test_a_defined_name_wrapped_over_a_line_is_its_acronyms_body(gaz: Gazetteer) -> None:
    body = _FILLER + ("We thank the African Union, the Intergovernmental Authority \n"
                      "for Development (IGAD) and the entire international \ncommunity for their action.\n")
    assert _actors(gaz, body) == ["African Union", "IGAD"]


def test_a_building_named_for_a_body_is_no_actor(gaz: Gazetteer) -> None:
    actors = _actors(gaz, "The three journalists were held at the Central Police Station in Las Anod for a week.")
    assert not any("Police" in a for a in actors)


def test_a_kind_word_before_a_name_is_not_part_of_it(gaz: Gazetteer) -> None:
    actors = _actors(gaz, "Yasmin Mohamoud, the chairperson of the local NGO Human Rights Centre, told CPJ about it.")
    assert "Human Rights Centre" in actors
    assert not any(a.startswith("NGO") for a in actors)


@pytest.mark.parametrize(("text", "name"), [
    ("A commandant of the Frontier Constabulary police force was killed by militants.", "Frontier Constabulary"),
    ("Officers of the National Gendarmerie arrested the protesters last week.", "National Gendarmerie"),
    ("The vote was criticised by members of the Iraqi Parliament on Tuesday.", "Iraqi Parliament"),
])
def test_police_forces_and_parliaments_are_organisations(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in _actors(gaz, text)


def test_a_demonym_before_a_defined_name_is_part_of_it(gaz: Gazetteer) -> None:
    body = ("Five years after the Russian Supreme Court (SC) banned the group, its members are tried. "
            "The Russian SC declared the group extremist in 2017.")
    actors = _actors(gaz, body)
    assert "Russian Supreme Court" in actors and "Supreme Court" not in actors


@pytest.mark.parametrize(("text", "name"), [
    ("Two journalists for the opposition television channel Belsat were detained while covering a rally.", "Belsat"),
    ("In November, the human rights website Weiquan Net obtained a copy of the indictment.", "Weiquan Net"),
    ("She was accused of speaking to the overseas media Radio Free Asia about the pandemic.", "Radio Free Asia"),
    ("The police said that the militant group Jaish al-Adl had carried out the attack.", "Jaish al-Adl"),
    ("The opposition website al-Durrar al-Shamiyyah reported that the talks had failed.", "al-Durrar al-Shamiyyah"),
])
def test_a_name_after_its_kind_word_is_an_organisation(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in _actors(gaz, text)


@pytest.mark.parametrize("text", [
    "The ceasefire was welcomed by the group Saturday, and the talks went on.",
    "He had joined the group. Officials said that the talks had failed again.",
    "The ceasefire was welcomed by the group The talks went on.",
])
def test_no_name_after_a_kind_word(gaz: Gazetteer, text: str) -> None:
    assert _actors(gaz, text) == []


def test_a_body_named_both_ways_is_one_actor(gaz: Gazetteer) -> None:
    body = ("The Ruritanian Ministry of Fisheries has banned the boats of four companies. "
            "The ban was planned for months, the Fisheries Ministry said on Friday.")
    actors = _actors(gaz, body)
    assert "Ruritanian Ministry of Fisheries" in actors and "Fisheries Ministry" not in actors


def test_two_owners_keep_their_bodies_apart(gaz: Gazetteer) -> None:
    body = ("The Ruritanian Ministry of Fisheries and the Freedonian Ministry of Fisheries met on Monday. "
            "The Fisheries Ministry said the talks went well.")
    assert "Fisheries Ministry" in _actors(gaz, body)


@pytest.mark.parametrize(("text", "name"), [
    ("The global body wants the Abiy Ahmed administration to release them immediately.", "Abiy Ahmed administration"),
    ("Wage growth stayed high until the election of the Hawke government in 1983.", "Hawke government"),
])
def test_a_government_named_for_its_leader_is_an_actor(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in _actors(gaz, text)


@pytest.mark.parametrize(("text", "actor"), [
    ("Critics said the Taliban government had banned girls from school.", "Taliban"),
    ("Officials said the Syrian government had shelled the town.", "Assad regime"),
])
def test_a_known_body_before_government_keeps_its_name(gaz: Gazetteer, text: str, actor: str) -> None:
    assert _actors(gaz, text) == [actor]


@pytest.mark.parametrize("text", [
    "Officials said the Namibian government had banned the rallies.",
    "Officials said the Assads administration had banned the rallies.",
])
def test_a_demonym_or_a_known_name_before_government_is_no_leader(gaz: Gazetteer, text: str) -> None:
    assert not any(a.endswith(("government", "administration")) for a in _actors(gaz, text))


@pytest.mark.parametrize(("text", "name"), [
    ("The findings of the Truth and Reconciliation Commission were published in May.",
     "Truth and Reconciliation Commission"),
    ("We thank the Economic and Social Commission for Asia and the Pacific for its work.",
     "Economic and Social Commission for Asia and the Pacific"),
])
def test_two_words_joined_by_and_open_one_name(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in _actors(gaz, text)


def test_a_known_name_before_and_is_a_name_of_its_own(gaz: Gazetteer) -> None:
    actors = _actors(gaz, "The strikes were carried out by Russia and Ruritanian Army units on Monday.")
    assert "Russia" in actors and not any(a.startswith("Russia and") for a in actors)


@pytest.mark.parametrize("text", [
    "Despite some protests by SP and Congress workers in the town, shops were open.",
    "The National Coalition of Revolutionary and Opposition Forces accused the government.",
])
def test_and_after_an_acronym_or_a_link_opens_no_name(gaz: Gazetteer, text: str) -> None:
    assert not any(a.startswith(("SP and", "Revolutionary and")) for a in _actors(gaz, text))


def test_and_after_and_is_a_list(gaz: Gazetteer) -> None:
    actors = _actors(gaz, "The sponsors are the city parks and Recreation and Shelbyville Recreation Center, as usual.")
    assert not any(a.startswith("Recreation and") for a in actors)
