"""``against`` for the kinds an act targets: ``killed three journalists``,
``attacks on hospitals`` (issue 21; ``indexer.extraction.targets``)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.targets import target_mentions
from indexer.model import Statement


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _roles(gazetteer: Gazetteer, sentence: str, role: str = "against") -> list[str]:
    extraction = extract(Statement(id="t", title="", body=sentence, source="t"), gazetteer)
    return [name for claim in extraction.claims for r, name, _s, _e in claim.roles if r == role]


@pytest.mark.parametrize("sentence, expected", [
    # the object of a verb trigger, modifiers and numbers between; joined kinds
    ("Gunmen shot dead two local reporters and a photographer outside the court.", ["reporters", "photographers"]),
    ("The militia kidnapped 40 students from their dormitory.", ["students"]),
    ("Police arrested the blogger on Tuesday.", ["bloggers"]),
    # after on / against / targeting / of / among an act
    ("Shelling on the main market wounded dozens.", ["markets"]),
    ("The regime stepped up its bombardment of schools.", ["schools"]),
    ("Air strikes targeting clinics have not stopped.", ["clinics"]),
    ("There were heavy casualties among civilians.", ["civilians"]),
    # a kind among the victims
    ("The strike killed 20 people, including five children.", ["children"]),
    ("Shelling killed at least 70 people including dozens of women and children.", ["women and children"]),
    ("There were 12 deaths, including two journalists.", ["journalists"]),
    # the subject of a passive, and a headline's bare participle
    ("Three aid workers were abducted near the border.", ["aid workers"]),
    ("Doctor killed as shells hit the town.", ["doctors"]),
    # the object of a strike verb after an act noun
    ("Warplanes struck the main hospital in the town on Monday.", ["hospitals"]),
    ("Airstrikes destroy a field clinic in Idlib", ["clinics"]),
    ("Government shelling has also damaged two schools and a bakery.", ["schools", "bakeries"]),
    # a kind inside the act's own words (the trigger spans it)
    ("Medical sources said that the bombed hospital went out of service.", ["hospitals"]),
    # the object of a trigger that ends in a bare strike verb (no -ed/-s to mark it a verb)
    ("Rockets fired by jets hit the National Hospital of the city.", ["hospitals"]),
    # the subject of a strike verb in the passive, where the sentence holds an act
    ("A hospital in Idlib was hit by rockets, killing six.", ["hospitals"]),
    ("The school was destroyed in the air strike.", ["schools"]),
    ("It said the Latamneh hospital was targeted by a bomb dropped by a helicopter.", ["hospitals"]),
    ("Two clinics were reportedly damaged during the shelling.", ["clinics"]),
])
def test_targets_of_acts(gazetteer: Gazetteer, sentence: str, expected: list[str]) -> None:
    assert _roles(gazetteer, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The wounded were taken to hospital after the shelling.",  # where the wounded went
    "Journalists said the army shelled the town.",  # speakers
    "Soldiers killed two militants near a school.",  # a landmark, not the target
    "Civilians in the town were already hungry when the siege began.",  # no act on them in the grammar
    "Rebels shelled the area where students had gathered before.",  # a clause away
    "The shelling hit several towns including some near the schools.",  # "including" names places, a clause later
    "Air strikes hit near a hospital in the town.",  # near it, not it
    "Schools were closed after the air strikes.",  # no strike verb
    "The hospital was hit hard by shortages during the siege.",  # no act in the grammar
    # a trigger that starts with the kind names who acts or where, not a target
    "Thousands of civilians fleeing the fighting reached the border.",
    "He visited a refugee camp near the border after the shelling.",
])
def test_kinds_that_are_no_target(gazetteer: Gazetteer, sentence: str) -> None:
    assert _roles(gazetteer, sentence) == []


def test_a_kind_is_never_an_agent_or_a_speaker(gazetteer: Gazetteer) -> None:
    sentence = "Protesters burned tyres and demonstrators said police killed a student."
    assert _roles(gazetteer, sentence, "by") == ["police"]
    assert _roles(gazetteer, sentence, "speaker") == []
    assert _roles(gazetteer, sentence) == ["students"]


def test_a_kind_inside_an_actors_name_is_none() -> None:
    text = "The Committee to Protect Journalists counted the dead."
    name_end = len("The Committee to Protect Journalists")
    assert target_mentions(text, 0, len(text), [(4, name_end)]) == []
    assert target_mentions(text, 0, len(text)) == [("journalists", 25, name_end)]
