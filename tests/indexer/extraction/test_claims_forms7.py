"""Claim forms of stop 34's second pass (issue 18 item 7, branch claims7): capture, ill-treatment,
refugees counted or helped, law disregarded, shock and scorn, a task to act, charges; and words
that only look like a claim (an open question, a captor's demand, an attempt, sanctions relief)."""

from __future__ import annotations

import pytest

from indexer.extraction.claims import claim_types


@pytest.mark.parametrize("sentence, kind", [
    ("The rebels captured two soldiers near the border.", "detention"),
    ("The journalist was captured by militants in 2014 and held for a year.", "detention"),
    ("Three aid workers were taken captive by the group.", "detention"),
    ("Gunmen seized six pupils and took them away in a boat.", "detention"),
    ("Guards beat up the protesters in the yard.", "torture"),
    ("Detainees are routinely maltreated in the prison.", "torture"),
    ("The maltreatment of refugees at the hands of the authorities continues.", "torture"),
    ("Refugees who fled the fighting live in camps.", "displacement"),
    ("Jordan now hosts some 600,000 Syrian refugees.", "displacement"),
    ("The parties continue disregarding international humanitarian law.", "war_crimes"),
    ("The militias show scant regard for international humanitarian law.", "war_crimes"),
    ("We were shocked by the killing of the aid workers.", "condemnation"),
    ("Rights groups slammed the verdict against the activist.", "condemnation"),
    ("This resolution is the height of hypocrisy.", "condemnation"),
    ("It is the urgent task of the international community to end this conflict.", "call_to_action"),
    ("It is the duty of every State to protect its civilians.", "call_to_action"),
    ("The three men were charged with murder and kidnapping.", "responsibility_attribution"),
    ("The commander was indicted for crimes committed in the camps.", "responsibility_attribution"),
    ("The officers are alleged to have fired on the crowd.", "responsibility_attribution"),
    ("We thank the countries caring for refugees from the region.", "humanitarian_access"),
    ("Agencies are assisting returnees in the north.", "humanitarian_access"),
])
def test_acts_and_stances_without_the_taxonomys_words(sentence: str, kind: str) -> None:
    assert kind in claim_types(sentence)


@pytest.mark.parametrize("sentence, kind", [
    ("The army captured the town after a week of fighting.", "detention"),
    ("The report captured the mood of the country.", "detention"),
    ("The Council remains seized of the matter.", "detention"),
    ("The police seized weapons in the raid.", "detention"),
    ("Odok was charged with terrorism for publishing a post on Facebook.", "responsibility_attribution"),
    ("The two were charged with organising protests that violate public order.", "responsibility_attribution"),
    ("Chemical weapons that are alleged to have been released in three incidents.", "responsibility_attribution"),
    ("Rebels had captured three villages south of the city.", "detention"),
    ("The town was captured by opposition fighters in May.", "detention"),
    ("The militants seized vehicles from fleeing troops.", "detention"),
    ("Soldiers are captured on camera flogging students.", "detention"),
    ("Schools were converted into shelters for the displaced.", "humanitarian_access"),
    ("To all who are shocked by the boldness of the prosecutions, I say this.", "condemnation"),
    ("We were shocked by the immensity of the impact of the storm.", "condemnation"),
    ("We are not shocked by the reaction of the regime.", "condemnation"),
    ("The Council is charged with the maintenance of international peace and security.", "responsibility_attribution"),
    ("A working group charged with preparing the report met in May.", "responsibility_attribution"),
    ("The crisis was brought about by the collapse of prices.", "responsibility_attribution"),
    ("It was unclear whether the attack was carried out by the coalition.", "responsibility_attribution"),
    ("The kidnappers demanded that her family pay a ransom.", "call_to_action"),
    ("The gunmen demanded money from the villagers.", "call_to_action"),
    ("Police foiled an attempted kidnapping of the mayor.", "detention"),
    ("He was convicted of attempted murder.", "killing"),
    ("Washington offered sanctions relief to Tehran.", "humanitarian_access"),
    ("The donors will provide debt relief to the poorest countries.", "humanitarian_access"),
    ("The team beat the champions in the final.", "torture"),
])
def test_words_that_only_look_like_a_claim(sentence: str, kind: str) -> None:
    assert kind not in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "It was not clear whether the attacks were carried out by Syrian or Russian war planes.",
    "The attack was most likely carried out by Russian warplanes.",
])
def test_a_doubted_or_disjoint_agent_still_attributes(sentence: str) -> None:
    assert "responsibility_attribution" in claim_types(sentence)


def test_a_demand_by_a_government_is_still_a_call() -> None:
    assert "call_to_action" in claim_types("Guinea-Bissau demands that UNITA abide by the Lusaka Protocol.")


def test_a_charge_keeps_the_act_it_names() -> None:
    assert {"detention", "responsibility_attribution"} <= set(claim_types("Fisher is charged with first-degree kidnapping."))


@pytest.mark.parametrize("sentence, kind", [
    ("During the attempted coup they kidnapped me and were going to shoot me.", "detention"),
    ("Our efforts are not thwarted by the displacement caused by traffickers.", "displacement"),
])
def test_an_attempt_hedges_only_the_act_right_after_it(sentence: str, kind: str) -> None:
    assert kind in claim_types(sentence)


@pytest.mark.parametrize("sentence, kind", [
    ("It is a grievous indictment on us that poverty still exists.", "responsibility_attribution"),
    ("Every year two million children are sexually abused.", "torture"),
])
def test_figures_and_abuse_outside_custody_are_no_claims(sentence: str, kind: str) -> None:
    assert kind not in claim_types(sentence)
