"""A state acting through its head's name, the state learned from the same
statement's title of office (issue 18 items 1, 5; stop 35 ``leaders8``)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def extraction(gaz: Gazetteer, body: str):  # noqa: ANN201 (an Extraction)
    return extract(Statement("x", "", body, "p"), gaz)


def by_roles(gaz: Gazetteer, body: str) -> list[str]:
    return [value for claim in extraction(gaz, body).claims for role, value, *_ in claim.roles if role == "by"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a title with the state before the name
        ("Philippine President Rodrigo Duterte spoke. The Duterte administration arrested activists.", "Philippines"),
        ("Venezuelan President Nicolas Maduro spoke on TV. The Maduro regime arrested activists.", "Venezuela"),
        ("Russia's President Vladimir Putin spoke. Putin's government detained the protesters.", "Russia"),
        # after the name, or "<title> of <state>, <name>"
        ("Mark Rutte, the prime minister of the Netherlands, spoke. Rutte's government detained them.", "Netherlands"),
        ("The Prime Minister of Ethiopia, Abiy Ahmed, spoke. Abiy's government detained journalists.", "Ethiopia"),
        # a former head's government was still his state's
        ("Former Iraqi President Saddam Hussein spoke. The Saddam regime shelled Halabja.", "Iraq"),
        # the state's forces
        ("Libyan leader Muammar Gaddafi spoke. Gaddafi's troops shelled Misrata.", "Libyan government forces"),
        ("Turkish President Recep Tayyip Erdogan spoke. Erdogan's forces shelled Afrin.", "Turkish Armed Forces"),
        ("Troops loyal to Yemeni President Abd-Rabbu Mansour Hadi shelled Aden. Hadi spoke.",
         "Yemeni government forces"),
    ],
)
def test_a_head_of_state_acts_for_the_state_the_text_gives_him(gaz: Gazetteer, text: str, actor: str) -> None:
    assert by_roles(gaz, text) == [actor]


def test_a_head_named_only_through_his_state_stays_an_actor(gaz: Gazetteer) -> None:
    found = extraction(gaz, "Forces loyal to Syrian President Bashar al-Assad shelled Douma.")
    assert {"Bashar al-Assad", "Syrian Armed Forces"} <= set(found.actors)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no state in the text: no state is invented
        ("Milosevic's regime shelled Sarajevo.", ["Milosevic"]),
        ("President Nicolas Maduro spoke. The Maduro regime arrested activists.", ["Nicolas Maduro"]),
        ("Fighters loyal to Hemedti shelled the town.", ["Hemedti"]),
        # no head of a state: a rebel or a de facto entity's leader, a deputy
        ("Bosnian Serb leader Radovan Karadzic spoke. Karadzic's forces shelled Sarajevo.", ["Radovan Karadzic"]),
        ("Sudanese rebel leader Abdel Wahid spoke. Abdel Wahid's forces shelled the town.", ["Abdel Wahid"]),
        ("US Vice President Mike Pence spoke. Pence's forces shelled the town.", ["United States", "Mike Pence"]),
        # supporters, no forces
        ("US President Donald Trump spoke. Trump loyalists attacked the police.", ["United States", "Donald Trump"]),
        # a former head's forces are no longer his state's
        ("Former Libyan leader Muammar Gaddafi spoke. Gaddafi's troops shelled Misrata.", ["Muammar Gaddafi"]),
    ],
)
def test_without_a_head_of_state_the_leader_is_a_person(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert extraction(gaz, text).actors == expected
