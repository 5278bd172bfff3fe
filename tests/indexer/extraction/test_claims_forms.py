"""Claim forms of stop 34 (issue 18, items 6-7): acts and stances without the
taxonomy's words, and words in another sense (``indexer.extraction.claim_forms``)."""

from __future__ import annotations

import pytest

from indexer.extraction.claims import claim_types
from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Claim, Statement


@pytest.mark.parametrize("sentence", [
    "Eleven children were killed in a barrel bomb attack carried out by government forces.",
    "The coalition condemned the heinous crime committed by ISIS in Deir Ezzor.",
    "The killings were perpetrated by the militia in 2014.",
    "The Chinese embassy condemned what it called unlawful acts, carried out by the Chinese national.",
])
def test_an_act_reported_with_its_agent_is_no_attribution(sentence: str) -> None:
    assert "responsibility_attribution" not in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "The attack was most likely carried out by Russian warplanes according to local sources.",
    "The monitor said the raids were carried out by either Syrian or Russian aircraft.",
    "The group said the strike was suspected to have been carried out by the US-led coalition.",
    "It was not clear whether the attacks were carried out by Syrian or Russian war planes.",
    "Air strikes carried out by Syrian or Russian warplanes killed dozens of people.",
])
def test_an_uncertain_agent_is_still_an_attribution(sentence: str) -> None:
    assert "responsibility_attribution" in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "A suicide bombing of a mosque killed 30 worshippers.",
    "The suicide bombings of two checkpoints killed 12 soldiers.",
    "A car bombing of the market killed nine.",
])
def test_a_suicide_or_car_bombing_is_no_bombardment(sentence: str) -> None:
    assert "bombardment" not in claim_types(sentence)


def test_an_air_bombing_is_still_bombardment() -> None:
    assert "bombardment" in claim_types("The bombing of the hospital by jets killed nine.")


@pytest.mark.parametrize("sentence", [
    "The court ordered that the detainees must be released within a week.",
    "The judge ruled that the ministry should provide the documents.",
])
def test_a_courts_order_is_no_call_to_action(sentence: str) -> None:
    assert "call_to_action" not in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "The minister said the arrest of the journalists was an unjust act.",
    "The reports of abuse in the camp are deeply disturbing, the spokesperson said.",
    "She called the verdict unjust.",
])
def test_an_epithet_of_injustice_or_disturbance_is_a_condemnation(sentence: str) -> None:
    assert "condemnation" in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "The international community should continue to support Mali.",
    "Donors should redouble their efforts to fund the appeal.",
    "Police are asking anyone with information to contact them.",
    "Anyone with information is asked to call the police on 101.",
    "Anyone with information should contact detectives.",
])
def test_calls_without_a_verb_of_calling(sentence: str) -> None:
    assert "call_to_action" in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "He asked her to call him back.",
    "The company should continue to grow next year.",
])
def test_no_call_in_a_private_request_or_a_forecast(sentence: str) -> None:
    assert "call_to_action" not in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "The agency increased its aid to refugees in the north.",
    "Liberia thanked donors for their assistance for refugees and displaced persons.",
    "The government sent relief to the flood victims.",
    "The charity runs famine relief in the region.",
])
def test_assistance_to_refugees_without_humanitarian_is_access(sentence: str) -> None:
    assert "humanitarian_access" in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "The group said in a statement that one of its fighters carried out the attack.",
    "Islamic State said its suicide bomber detonated an explosive belt at the checkpoint.",
])
def test_a_groups_own_statement_of_its_attack_claims_it(sentence: str) -> None:
    assert "responsibility_attribution" in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "The truce was breached within hours.",
    "The ceasefire, which the army breaches daily, is collapsing.",
    "Both sides accused each other of breaching the ceasefire.",
    "The truce has been repeatedly violated by both sides.",
])
def test_a_truce_breached_in_any_verb_form(sentence: str) -> None:
    assert "ceasefire_violation" in claim_types(sentence)


def test_a_truce_not_breached_is_no_violation() -> None:
    assert "ceasefire_violation" not in claim_types("The ceasefire has not been violated since June.")


@pytest.mark.parametrize("sentence", [
    "International humanitarian law is no longer respected in this war.",
    "The Geneva Conventions are not being respected by the parties.",
    "The parties showed total disregard for international humanitarian law.",
])
def test_humanitarian_law_not_respected_is_a_war_crime(sentence: str) -> None:
    assert "war_crimes" in claim_types(sentence)


def test_a_call_to_respect_humanitarian_law_is_no_war_crime() -> None:
    assert "war_crimes" not in claim_types("International humanitarian law must be respected by all parties.")


@pytest.mark.parametrize("sentence", [
    "We support the voluntary repatriation of Rohingya refugees.",
    "The return of refugees and displaced persons to their homes has begun.",
    "Thousands of refugees have returned home from Guinea.",
])
def test_refugees_return_is_displacement(sentence: str) -> None:
    assert "displacement" in claim_types(sentence)


@pytest.mark.parametrize("sentence, kind", [
    ("According to an arrest warrant obtained by the newspaper, he made threats.", "detention"),
    ("The unit was deployed to investigate and arrest the perpetrators of the act.", "responsibility_attribution"),
])
def test_a_word_in_another_sense_is_no_claim(sentence: str, kind: str) -> None:
    assert kind not in claim_types(sentence)


def test_a_chemical_terrorist_attack_is_a_chemical_attack() -> None:
    assert "chemical_attack" in claim_types("The chemical terrorist attacks in Tokyo shocked the world.")


@pytest.mark.parametrize("sentence", [
    "Saudi Arabia has been the target of a series of deadly shootings and bombings since late 2014.",
    "A deadly car bomb attack hit the market.",
])
def test_a_deadly_attack_is_a_killing(sentence: str) -> None:
    assert "killing" in claim_types(sentence)


def test_a_deadly_weapon_is_no_killing() -> None:
    assert "killing" not in claim_types("Police seized deadly weapons and a deadly virus sample.")


def _claims(body: str) -> list[Claim]:
    return extract(Statement(id="t", title="", body=body, source="t"), Gazetteer.load()).claims


def test_carried_out_by_names_the_agent_of_an_act_further_back() -> None:
    body = "Saudi Arabia has been the target of a series of deadly shootings and bombings since late 2014 carried out by IS fighters."
    (claim,) = _claims(body)
    assert "killing" in claim.types
    assert "Islamic State" in {name for role, name, _s, _e in claim.roles if role == "by"}


@pytest.mark.parametrize("sentence, kinds", [
    ("Reportedly the shelling was carried out by Daesh.", {"bombardment", "responsibility_attribution"}),
    ("Dozens died in a deadly poison gas attack.", {"chemical_attack", "killing"}),
    ("Deadly air strikes and battles continue in some areas.", {"bombardment", "killing"}),
    ("They were giving aid to those displaced by the conflict.", {"displacement", "humanitarian_access"}),
    ("The group said one of its fighters killed five soldiers.", {"killing", "responsibility_attribution"}),
    ("The ceasefire, which regime shelling violated, is over.", {"bombardment", "ceasefire_violation"}),
])
def test_a_new_form_leaves_the_acts_inside_it_seen(sentence: str, kinds: set[str]) -> None:
    assert kinds <= set(claim_types(sentence))


@pytest.mark.parametrize("sentence", [
    "The monitor believes they may have been carried out by regime forces.",
    "The attack appeared to have been carried out by Islamic brigades, it said.",
    "It could not determine whether the strikes had been carried out by jets of the Syrian regime or its ally Russia.",
])
def test_more_doubted_agents_are_attributions(sentence: str) -> None:
    assert "responsibility_attribution" in claim_types(sentence)


def test_relief_from_a_lull_is_no_aid() -> None:
    assert "humanitarian_access" not in claim_types("The lull should still provide some relief for the civilians of Idlib.")


def test_a_doubted_agent_is_the_attributions_by() -> None:
    claims = _claims("The monitor said it was not clear if the raids were carried out by Syrian regime warplanes or Russian jets.")
    assert any(role == "by" and name == "Syrian Armed Forces" for claim in claims for role, name, _s, _e in claim.roles)


@pytest.mark.parametrize("sentence, kind", [
    ("That tragic story of deadly violence has gone hand in hand with the expansion of capitalism.", "killing"),
    ("Production at the international level should increase by only 1.5 per cent this year.", "call_to_action"),
])
def test_rhetoric_and_forecasts_are_no_claims(sentence: str, kind: str) -> None:
    assert kind not in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "A suicide bomb on a bus killed 12.",
    "The checkpoint was hit by a car bomb.",
    "A suicide bomber bombed the mosque.",
    "The bombing of the mosque by a suicide bomber killed 30.",
])
def test_a_bomb_carried_or_driven_is_no_bombardment(sentence: str) -> None:
    assert "bombardment" not in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "Jets bombed the market on Monday.",
    "The school was hit by a barrel bomb.",
    "The bombing of the hospital by Russian jets killed nine.",
])
def test_bombs_from_the_air_are_still_bombardment(sentence: str) -> None:
    assert "bombardment" in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "The minister said the verdict was an injustice.",
    "We are deeply disturbed by the reports of torture.",
])
def test_injustice_and_disturbance_felt_are_condemnations(sentence: str) -> None:
    assert "condemnation" in claim_types(sentence)


def test_a_meeting_disturbed_is_no_condemnation() -> None:
    assert "condemnation" not in claim_types("The meeting was disturbed by protesters.")


def test_injustice_as_an_abstraction_is_no_condemnation() -> None:
    assert "condemnation" not in claim_types("Here I am referring to injustice and poverty.")
