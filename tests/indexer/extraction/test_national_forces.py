"""States' forces as their own actors; capitals and seats of power acting for their state."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def actors(gaz: Gazetteer, text: str) -> list[str]:
    return [m.name for m in gaz.find_actors(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # curated names
        ("Myanmar's army shelled the village.", ["Myanmar military"]),
        ("The Sudanese army said it retook the bridge.", ["Sudanese Armed Forces"]),
        ("Israel's army said it would respond.", ["Israel Defense Forces"]),
        ("Israeli soldiers entered the camp.", ["Israel Defense Forces"]),
        ("Russian forces advanced.", ["Russian Armed Forces"]),
        ("Congolese troops and M23 rebels clashed.", ["FARDC", "M23"]),
        # the general rule: any country or demonym with a force noun
        ("Chad's army withdrew.", ["Chadian military"]),
        ("Mexican soldiers may be arrested.", ["Mexican military"]),
        # the police is its own actor, part of its state
        ("Chadian police fired tear gas.", ["Chadian police"]),
        ("Kenyan police fired tear gas.", ["Kenya Police Service"]),  # a curated police service takes it
        ("Bosnian police detained a former policeman.", ["Bosnian police"]),
        ("Bolivia's security forces arrived.", ["Bolivian military"]),
        ("Vanuatu's security forces arrived.", ["Vanuatu military"]),  # no demonym: the country's name
        # Syria follows the general rule: its forces are not its government
        ("Syrian army troops advanced.", ["Syrian Armed Forces"]),
        ("The Syrian government said Syrian Arab Army units retook Palmyra.", ["Assad regime", "Syrian Armed Forces"]),
        ("The regime denied that regime forces shelled Douma.", ["Assad regime", "Syrian Armed Forces"]),
        ("Assad's forces and pro-government militias shelled Douma.", ["Syrian Armed Forces"] * 2),
        # not forces
        ("Turkish officials met.", ["Turkey"]),
    ],
)
def test_national_forces(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert actors(gaz, text) == expected


def test_forces_are_part_of_their_state(gaz: Gazetteer) -> None:
    assert gaz.actor_parents("Israel Defense Forces") == ["Israel"]
    assert gaz.actor_parents("Chadian military") == ["Chad"]
    assert gaz.actor_type("Chadian military") == "armed_forces"
    assert gaz.actor_parents("Chadian police") == ["Chad"]
    assert gaz.canonical_actor("Chad military") == "Chadian military"  # the key name stays an alias


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow would respond to any attack.", ["Russia"]),
        ("Washington will impose sanctions.", ["United States"]),
        ("The Kremlin denied the report.", ["Russia"]),
        ("The White House said nothing.", ["United States"]),
        ("Jordan said it would close the border.", ["Jordan"]),
        ("Russia vetoed the resolution.", ["Russia"]),
        ("She lived in Moscow for years.", []),
    ],
)
def test_capitals_and_countries_that_act(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert actors(gaz, text) == expected


def test_a_capital_in_a_dateline_is_not_an_actor(gaz: Gazetteer) -> None:
    statement = Statement(id="d", title="", source="s",
                          body="MOSCOW (Reuters) - Kyiv said drones struck an oil depot.")
    ex = extract(statement, gaz)
    assert "Russia" not in ex.actors and "Ukraine" in ex.actors and ex.news_source == "Reuters"


def test_the_junta_is_the_forces_of_the_country_the_text_is_about(gaz: Gazetteer) -> None:
    statement = Statement(id="j", title="", source="s",
                          body="Activists were arrested in Yangon, Myanmar. The junta denied any abuse.")
    ex = extract(statement, gaz)
    assert "Myanmar military" in ex.actors
    assert ex.actor_types["Myanmar military"] == "armed_forces"
    lone = Statement(id="k", title="", source="s", body="The junta denied any abuse.")
    assert extract(lone, gaz).actors == []


@pytest.mark.parametrize(
    "text",
    ["Let us work together.", "The Holocaust Memorial opened.", "Asia Pacific Economic Cooperation met.",
     "The Secretary-General's Our Common Agenda is bold."],
)
def test_ordinary_capitalised_words_are_no_actors(gaz: Gazetteer, text: str) -> None:
    assert [m.name for m in gaz.find_actors(text) if m.kind not in ("un_body",)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Regime forces shelled Douma.", ["Syrian Armed Forces"]),
        ("The regime arrested journalists in Minsk, Belarus.", []),
        ("Government forces clashed with rebels in Tigray, Ethiopia.", []),
    ],
)
def test_generic_regime_words_need_their_country(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert [m.name for m in gaz.find_actors(text) if m.kind != "state"] == expected
