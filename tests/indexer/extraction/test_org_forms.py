"""Organisations named in ordinary forms (issue 18, actors; stop 33 ``orgs5``):
more kind words ending a name (cartels, coalitions, funds, clubs, companies),
a plural possessive inside a name (``Magistrates' Court``), a number word or a possessive ``'s`` around a name, a body named after the
lower-case word ``organisation``, and news outlets named only as a journalist's
employer or a picture's credit, which are not actors."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def organisations(gaz: Gazetteer, text: str) -> list[str]:
    return [m.name for m in gaz.find_actors(text) if m.kind == "organisation"]


def actors(gaz: Gazetteer, body: str) -> list[str]:
    return extract(Statement("x", "", body, "p"), gaz).actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the city the Juarez Cartel often engages in bloody fights.", "Juarez Cartel"),
        ("In May the magazine joined the One Free Press Coalition, a group of editors.", "One Free Press Coalition"),
        ("The discussion was supported by the Canada Fund for Local Initiative.", "Canada Fund for Local Initiative"),
        ("A statement by the Lahore Press Club condemned the attack.", "Lahore Press Club"),
        ("Members of the Kolkata Transport Confederation marched through the city today.", "Kolkata Transport Confederation"),
        ("Workers of Acme Mining Company said they were not paid.", "Acme Mining Company"),
        ("The Northern Star Corporation denied the report.", "Northern Star Corporation"),
        ("Workers of Sunrise Textiles Ltd said they were not paid.", "Sunrise Textiles Ltd"),
    ],
)
def test_more_kind_words_end_a_name(gaz: Gazetteer, text: str, expected: str) -> None:
    assert organisations(gaz, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The lawyer co-founded the New Citizens' Movement, a civic rights group.", "New Citizens' Movement"),
        ("Five were charged at the Magistrates’ Court today.", "Magistrates’ Court"),
        ("The Farmers' Union called a strike.", "Farmers' Union"),
    ],
)
def test_a_plural_possessive_inside_a_name(gaz: Gazetteer, text: str, expected: str) -> None:
    assert organisations(gaz, text) == [expected]


def test_an_owner_possessive_is_still_no_part_of_the_name(gaz: Gazetteer) -> None:
    assert "Russia's Supreme Court" not in organisations(gaz, "Russia's Supreme Court upheld the ban.")


def test_a_number_word_before_a_known_name(gaz: Gazetteer) -> None:
    found = actors(gaz, "Three European Union diplomats told reporters that sanctions were near.")
    assert "European Union" in found
    assert not any(a.startswith("Three") for a in found)


def test_a_possessive_after_a_name_is_no_part_of_it(gaz: Gazetteer) -> None:
    assert actors(gaz, "The bench dismissed the appeal against the Sindh High Court's (SHC) decision.") == ["Sindh High Court"]


def test_a_body_after_the_word_organisation(gaz: Gazetteer) -> None:
    assert "Najda" in actors(gaz, "Rights organisation Najda reported that police killed a man.")


@pytest.mark.parametrize(
    "body",
    [
        "Wall Street Journal reporter Daniel Pearl was abducted in Karachi.",
        "Pearl, the South Asia bureau chief for The Wall Street Journal, was abducted in Karachi.",
        "Five men were charged with kidnapping in Kajang. — Reuters pic",
    ],
)
def test_an_outlet_named_as_employer_or_credit_is_no_actor(gaz: Gazetteer, body: str) -> None:
    found = actors(gaz, body)
    assert "Wall Street Journal" not in found and "Reuters" not in found


def test_an_outlet_that_acts_stays_an_actor(gaz: Gazetteer) -> None:
    found = actors(gaz, "Wall Street Journal reporter Daniel Pearl was abducted. "
                        "The Wall Street Journal said it was outraged.")
    assert "Wall Street Journal" in found


def test_a_name_cut_before_a_person_ends_on_a_word_of_it(gaz: Gazetteer) -> None:
    # "Philippine" is a given name too: the name is cut before it, and not after "and the".
    found = organisations(gaz, "In a long statement they warmly thanked the staff of the Council of Medicine and the Philippine General Hospital for their help.")
    assert not any(name.endswith((" and", " the")) for name in found)


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("National News Agency - Coalition raids kill 35 fighters near the town", "Coalition"),
        ("Reports said the US-Led Coalition struck the town at night", "US-Led Coalition"),
        ("In an interview with Al Arabiya Syrian National Coalition chief Ahmad Jarba called on them to act",
         "Al Arabiya"),
        ("He thanked the Swiss Confederation for its help with the talks", "Swiss Confederation"),
        ("Workers of the Delta Company for Fertilisers at Daqahlia were arrested", "Daqahlia"),
    ],
)
def test_a_name_does_not_run_over(gaz: Gazetteer, text: str, unwanted: str) -> None:
    assert not any(unwanted in name for name in organisations(gaz, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Friday Dongxiaokou police declined to comment on the case.", "Dongxiaokou police"),
        ("The agitators were detained by the Aurangabad city police on Tuesday.", "Aurangabad city police"),
        ("Rockets were fired by fighters of the Hekmatyar faction at the city.", "Hekmatyar faction"),
        ("She co-founded the IranNeda foundation and a campaign for women.", "IranNeda foundation"),
        ("Leaders of the Ennahda party said they would boycott the vote.", "Ennahda party"),
    ],
)
def test_a_lower_case_kind_word_after_a_name(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in organisations(gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        "On Friday Kenyan police declined to comment on the case.",  # a nation's police: national forces
        "On Friday the police declined to comment on the case.",
        "Meanwhile police declined to comment on the case.",
        "Fighters of the Syrian faction fired at the city.",
        "The Takfiri group fired at the city and the Shiite militia answered.",
    ],
)
def test_no_body_from_a_kind_word_after_a_demonym_or_sentence_word(gaz: Gazetteer, text: str) -> None:
    assert organisations(gaz, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "On Friday Kurdish police declined to comment on the case.",
        "The raid was carried out by Miami-Dade police on Tuesday.",
        "Under the CrPC The police may arrest anyone without a warrant.",
        "Fighters of the Ahrar al-Sham Islamist faction fired at the city.",
    ],
)
def test_no_body_from_adjectives_or_parts_of_names(gaz: Gazetteer, text: str) -> None:
    assert not any(name.endswith(("police", "faction")) for name in organisations(gaz, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was taken to the Paharganj police station on Friday.", []),
        ("Officers of the Frontier Constabulary police fired at them.", ["Frontier Constabulary"]),
    ],
)
def test_a_force_before_a_building_or_after_a_name(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert organisations(gaz, text) == expected


@pytest.mark.parametrize(
    ("body", "unwanted"),
    [
        ("ISWAP, an offshoot of Boko Haram, attacked the town.", "Boko Haram"),
        ("We are committed to the Charter of the United Nations and to peace.", "United Nations"),
        ("We respect the UN Charter and the Rome Statute of the International Criminal Court.", "United Nations"),
        ("We respect the UN Charter and the Rome Statute of the International Criminal Court.",
         "International Criminal Court"),
    ],
)
def test_a_body_inside_an_instrument_or_as_a_parent_is_no_actor(gaz: Gazetteer, body: str, unwanted: str) -> None:
    assert unwanted not in actors(gaz, body)


def test_a_body_that_acts_elsewhere_stays(gaz: Gazetteer) -> None:
    assert "United Nations" in actors(gaz, "The United Nations must act under the Charter of the United Nations.")


def test_a_long_line_of_names_is_no_headline(gaz: Gazetteer) -> None:
    text = ("KM Abdus Salam, secretary of the Ministry of Labour and Employment; M Shah Alam, chairman of "
            "Bangladesh Tea Association (BTA); Khushi Kabir, coordinator of Nijera Kori, and Prof Farid Uddin "
            "Ahmed, VC of Shahjalal University of Science and Technology, were present as guests of honour.")
    assert "Ministry of Labour and Employment" in organisations(gaz, text)


@pytest.mark.parametrize("body", ["The regime forces shelled Douma in Syria.", "The regime army shelled Douma in Syria."])
def test_the_regime_forces_are_the_armed_forces(gaz: Gazetteer, body: str) -> None:
    # "the regime" alone is the government; with a force word after it the national forces act
    found = actors(gaz, body)
    assert "Syrian Armed Forces" in found and "Assad regime" not in found
