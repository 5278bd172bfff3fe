"""Role values beyond the gazetteer's actors (issue 21): generic armed groups,
and which mentions never take a role."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.generic_groups import group_mentions
from indexer.model import Claim, Statement
from tests.indexer.extraction.test_roles import _roles


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _claim(gazetteer: Gazetteer, sentence: str) -> tuple[Claim, list[str]]:
    extraction = extract(Statement(id="t", title="", body=sentence, source="t"), gazetteer)
    (claim,) = extraction.claims
    return claim, extraction.actors


@pytest.mark.parametrize("sentence, expected", [
    ("Damascus accused rebels of shelling the corridors.", {"by": ["rebels"], "speaker": ["Syria"]}),
    ("Syrian rebels shelled the Old City of Aleppo.", {"by": ["Syrian rebels"]}),
    ("The army said armed terrorist groups used chemical weapons.", {"by": ["armed terrorist groups"]}),
    ("Insurgents killed five soldiers near Mosul.", {"by": ["rebels"]}),
])
def test_generic_groups_are_role_values(gazetteer: Gazetteer, sentence: str, expected: dict[str, list[str]]) -> None:
    claim, actors = _claim(gazetteer, sentence)
    roles = _roles(claim)
    assert roles.get("by") == expected["by"]
    # a role value only: no actor of the statement, so actor:/by: a state never finds it
    assert not set(expected["by"]) & set(actors)


def test_group_of_a_state_is_not_the_state(gazetteer: Gazetteer) -> None:
    claim, actors = _claim(gazetteer, "Syrian rebels shelled a school.")
    assert "Syria" not in _roles(claim).get("by", [])
    assert "Syria" not in actors


@pytest.mark.parametrize("sentence", [
    "Gunmen killed five people in the market.",  # no one named
    "Unknown militants kidnapped two aid workers.",
    "The militias killed dozens of civilians.",
])
def test_bare_descriptions_stay_unnamed(gazetteer: Gazetteer, sentence: str) -> None:
    claim, _ = _claim(gazetteer, sentence)
    assert "by" not in _roles(claim)


def test_named_group_keeps_its_actor() -> None:
    text = "Houthi rebels shelled Taiz."
    assert group_mentions(text, 0, len(text), {"yemeni": "Yemen"}, [(0, 13)]) == []
    assert group_mentions(text, 0, len(text), {"yemeni": "Yemen"}) == [("rebels", 7, 13)]


def test_demonym_makes_a_description_a_group() -> None:
    text = "Iraqi militants and anti-rebels fighters and pro-rebels attacked."
    assert group_mentions(text, 0, len(text), {"iraqi": "Iraq"}) == [("Iraqi militants", 0, 15)]


def test_relative_clause_speaker_is_not_the_claims_speaker(gazetteer: Gazetteer) -> None:
    claim, _ = _claim(gazetteer, "Damascus accused rebels of shelling the corridors, which rebels have denied.")
    roles = _roles(claim)
    assert roles.get("by") == ["rebels"]
    assert roles.get("speaker") == ["Syria"]


def test_relative_comment_after_the_act_has_no_speaker(gazetteer: Gazetteer) -> None:
    claim, _ = _claim(gazetteer, "Coalition strikes killed dozens of soldiers, which Washington said was not intentional.")
    assert "speaker" not in _roles(claim)


@pytest.mark.parametrize("text, expected", [
    ("Police detained 16 journalists.", [("police", 0, 6)]),
    ("The authorities had detained 479 protesters.", [("authorities", 4, 15)]),
    ("An official of Yemen's intelligence authorities said so.", []),  # owned by a named state
    ("The Punjab police detained him.", []),
])
def test_institutions_without_a_state(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert group_mentions(text, 0, len(text), {"yemeni": "Yemen"}) == expected
