"""Claim forms of stop 34's third pass (issue 18 items 6-7, branch claims8): a call's words inside an
embedded question are no call, and a charge laid on a generic class of people names no one."""

from __future__ import annotations

import pytest

from indexer.extraction.claims import claim_types


@pytest.mark.parametrize("sentence", [
    "He didn't explain why it is the duty of an elected state government to defend the company.",
    "Some asked whether it is our task to police the world.",
    "I wonder if we should intervene at all.",
    "Delegates debated whether the council must act before the vote.",
    "Nobody knows how we should act against such threats.",
    "She asked why the police should release him.",
])
def test_embedded_question_is_no_call(sentence: str) -> None:
    assert "call_to_action" not in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "It is the duty of every State to protect its civilians.",
    "The council must act now, whether or not the others agree.",
    "If the talks fail, we must act.",
    "We call on both sides to show how serious they are.",
    "We urge the parties to explain why the talks failed.",
    "That is why we must act now.",
    "This is why it is our duty to help.",
    "We must ask ourselves whether we did enough.",
    "We do not understand why we are treated differently and demand that we receive the same treatment.",
    "It should be clear why we continue to demand an end to the subsidies.",
])
def test_call_outside_an_embedded_question_stays(sentence: str) -> None:
    assert "call_to_action" in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "Persons indicted for genocide must be surrendered to the Tribunal.",
    "States shall arrest persons indicted for the commission of serious crimes.",
    "Individuals charged with war crimes should be transferred to The Hague.",
])
def test_generic_class_charged_is_no_attribution(sentence: str) -> None:
    assert "responsibility_attribution" not in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "The commander was indicted for crimes committed in the camps.",
    "The persons indicted for the massacre remain at large.",
    "Two persons charged with murder were released on bail.",
    "The three men were charged with murder and kidnapping.",
])
def test_named_charge_stays(sentence: str) -> None:
    assert "responsibility_attribution" in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "Lebanon has some 600,000 Syrian refugees.",
    "Some 20,000 Sudanese refugees arrived in Chad last month.",
    "The camp holds 2,000 Rohingya refugees.",
])
def test_refugees_counted_with_their_origin(sentence: str) -> None:
    assert "displacement" in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "The 1951 Refugee Convention defines who is a refugee.",
    "Article 14 refugee law applies here.",
])
def test_refugee_law_is_no_count(sentence: str) -> None:
    assert "displacement" not in claim_types(sentence)
