"""A type's word in another sense is no claim, and acts said without the
taxonomy's words are (issue 18, items 6 and 7; the classes of fresh2's misses)."""

from __future__ import annotations

import pytest

from indexer.extraction.claims import claim_types, claim_types_and_triggers_of


def types(sentence: str) -> list[str]:
    found, _ = claim_types_and_triggers_of(sentence, [(0, len(sentence))])
    assert list(found[0]) == list(claim_types(sentence))  # both paths agree
    return list(found[0])


@pytest.mark.parametrize(
    "sentence",
    [
        "Police executed five search warrants and recovered cash.",
        "Officers executed a warrant at the house on Monday.",
        "The ministry is executing the plan approved last year.",
        "The firm executed the contract on time.",
        "The court ordered the execution of the judgment.",
        "Staff executed the order within a day.",
    ],
)
def test_executing_a_document_or_plan_is_no_killing(sentence: str) -> None:
    assert "killing" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants executed five prisoners in the square.",
        "The group announced the execution of two hostages.",
        "Soldiers executed the men on the spot.",
    ],
)
def test_executing_people_is_still_a_killing(sentence: str) -> None:
    assert "killing" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The government has imposed a state of siege in two provinces since April.",
        "Parliament extended the state of siege for another month.",
        "The president declared states of siege in the north.",
    ],
)
def test_a_state_of_siege_decreed_is_no_siege(sentence: str) -> None:
    assert "siege" not in types(sentence)


def test_a_siege_laid_is_still_a_siege() -> None:
    assert "siege" in types("Troops have laid siege to the town for months.")


@pytest.mark.parametrize(
    "sentence",
    [
        "We urge the factions to bring peace to their tortured people.",
        "Peace must come at last to this tortured country.",
        "The region's tortured history weighs on the talks.",
    ],
)
def test_tortured_as_suffering_is_no_torture(sentence: str) -> None:
    assert "torture" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The tortured detainees were released on Monday.",
        "He was tortured in custody.",
    ],
)
def test_people_tortured_is_still_torture(sentence: str) -> None:
    assert "torture" in types(sentence)


@pytest.mark.parametrize(
    ("sentence", "unexpected"),
    [
        ("The operation is aimed at averting a famine of genocidal dimensions.", "genocide"),
        ("We worked to prevent an outbreak of ethnic cleansing in the valley.", "ethnic_cleansing"),
    ],
)
def test_an_act_averted_inside_a_noun_phrase_is_no_claim(sentence: str, unexpected: str) -> None:
    assert unexpected not in types(sentence)


def test_a_recurrence_prevented_still_names_what_happened() -> None:
    assert "genocide" in types("We must prevent a recurrence of the genocide in Rwanda.")


@pytest.mark.parametrize(
    ("sentence", "unexpected"),
    [
        ("New threats such as terrorism and weapons of mass destruction, combined with genocide and"
         " violations of human rights, pose a challenge to the United Nations.", "genocide"),
        ("Challenges like organized crime, pandemics, war crimes and poverty require cooperation.", "war_crimes"),
    ],
)
def test_an_atrocity_named_among_threats_is_no_claim(sentence: str, unexpected: str) -> None:
    assert unexpected not in types(sentence)


def test_a_genocide_named_among_threats_with_its_article_still_counts() -> None:
    assert "genocide" in types("Threats such as terrorism and the genocide in Darfur shook the region.")


@pytest.mark.parametrize(
    ("sentence", "unexpected"),
    [
        ("None of the migrants was injured, though some asked for medical assistance.", "killing"),
        ("Nobody was killed in the blast.", "killing"),
        ("None of the passengers were wounded.", "killing"),
        ("None of the migrants was injured, though some asked for medical assistance.", "humanitarian_access"),
        ("Two passengers requested medical assistance after the crash.", "humanitarian_access"),
    ],
)
def test_no_one_hurt_and_a_person_asking_for_care_are_no_claims(sentence: str, unexpected: str) -> None:
    assert unexpected not in types(sentence)


def test_medical_aid_delivered_is_still_humanitarian_access() -> None:
    assert "humanitarian_access" in types("Convoys brought medical assistance to the besieged town.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Refugees are held in overcrowded camps under conditions which rights groups have slammed as appalling.",
        "The opposition slammed the verdict as shameful.",
        "Activists lambasted the crackdown as inhumane.",
        "Critics branded the raids as cruel and senseless.",
    ],
)
def test_an_act_slammed_or_branded_as_a_word_of_condemnation(sentence: str) -> None:
    assert "condemnation" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Many others have fled abroad.",
        "The journalist fled the country after the verdict.",
        "Thousands were forced into exile.",
        "About 34,000 asylum seekers and refugees are being held in overcrowded camps on the islands.",
        "Refugees living in camps near the border lack water.",
        "Greece faces the biggest resurgence in arrivals of migrants and refugees since 2015.",
    ],
)
def test_people_gone_abroad_or_held_in_camps_are_displaced(sentence: str) -> None:
    assert "displacement" in types(sentence)


def test_a_suspect_fleeing_the_scene_is_no_displacement() -> None:
    assert "displacement" not in types("The robber took a hostage as he fled the scene.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Police detained him for five days and beat him.",
        "Protesters were severely beaten by police.",
        "Guards beat the prisoners with batons.",
        "Detainees described regular beatings in custody.",
        "I cannot chew because of the blows three thugs gave me yesterday.",
        "He suffered blows to the head during interrogation.",
    ],
)
def test_beatings_are_ill_treatment(sentence: str) -> None:
    assert "torture" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The incumbent was beaten in the election.",
        "The ruling was a blow to the opposition and dealt further blows to the economy.",
        "The team beat the champions on Sunday.",
    ],
)
def test_beaten_in_a_vote_and_figurative_blows_are_no_torture(sentence: str) -> None:
    assert "torture" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A 48-hour ceasefire announced on Thursday has had little impact on fighting.",
        "The truce collapsed within hours.",
        "A fragile ceasefire broke down earlier this year.",
        "Shelling has continued since the ceasefire took effect.",
        "Fighting resumed after the truce in the east.",
    ],
)
def test_fighting_going_on_after_a_ceasefire_is_a_violation(sentence: str) -> None:
    assert "ceasefire_violation" in types(sentence)


def test_a_ceasefire_that_holds_is_no_violation() -> None:
    assert "ceasefire_violation" not in types("The ceasefire has largely held since Thursday.")


def test_an_act_s_people_named_after_a_prevention_keep_it() -> None:
    assert "killing" in types("Forces encircling the district prevented the evacuation of the wounded.")


def test_people_beaten_keep_their_own_claim() -> None:
    assert types("Two inmates regularly beat other detainees.") == ["torture", "detention"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nobody ordered his arrest, yet he was held for a week.", "detention"),
        ("None of those who have been indicted for war crimes has the right to hold a nation hostage.", "war_crimes"),
    ],
)
def test_nobody_as_another_verb_s_subject_keeps_the_act(sentence: str, expected: str) -> None:
    assert expected in types(sentence)


def test_an_attack_beaten_back_is_no_torture() -> None:
    assert "torture" not in types("The protests have been beaten back.")


@pytest.mark.parametrize(
    ("sentence", "unexpected"),
    [
        ("We welcome the elimination of Syria's chemical weapons.", "chemical_attack"),
        ("Mongolia would like to see the early conclusion of the convention on banning chemical weapons.",
         "chemical_attack"),
        ("Myanmar has consistently sought a total ban on chemical weapons.", "chemical_attack"),
        ("We must reinforce the prohibition on the use of chemical weapons anywhere.", "chemical_attack"),
        ("The Philippines seeks the complete elimination of nuclear, biological and chemical weapons.",
         "chemical_attack"),
        ("Weapons of mass destruction such as nuclear, biological and chemical weapons threaten us all.",
         "chemical_attack"),
        ("The resolutions have remained dead letters.", "killing"),
        ("Isolationism is a dead end.", "killing"),
        ("Most of the deaths were from cardiac arrest, the ministry said.", "detention"),
        ("Lebanon itself became a hostage to that alien phenomenon.", "detention"),
        ("These relations remain hostage to mood swings after each difficulty.", "detention"),
        ("The trial had cost 126,000 pounds.", "bombardment"),
        ("Debts running into hundreds of millions of pounds remain unpaid.", "bombardment"),
    ],
)
def test_arms_control_figures_of_speech_and_money_are_no_claims(sentence: str, unexpected: str) -> None:
    assert unexpected not in types(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The regime used banned chemical weapons against Ghouta.", "chemical_attack"),
        ("Pirates held the seafarers hostage for months.", "detention"),
        ("Her father is being held hostage to intimidate her.", "detention"),
        ("Warplanes pounded the town overnight.", "bombardment"),
        ("Russian artillery pounds rebel positions daily.", "bombardment"),
    ],
)
def test_the_acts_themselves_still_count(sentence: str, expected: str) -> None:
    assert expected in types(sentence)


@pytest.mark.parametrize(
    ("sentence", "unexpected"),
    [
        ("They didn't kill anyone.", "killing"),
        ("Forces haven't shelled the town since May.", "bombardment"),
        ("They didn\u2019t starve.", "siege"),
    ],
)
def test_a_contracted_negation_denies_the_act(sentence: str, unexpected: str) -> None:
    assert unexpected not in types(sentence)


def test_a_contracted_negation_of_stopping_keeps_the_act() -> None:
    assert "bombardment" in types("They haven't stopped shelling the town.")


@pytest.mark.parametrize(
    "sentence",
    [
        "New measures are needed given the risk of the uncontrolled proliferation of ballistic missiles.",
        "Both states continue their efforts to acquire ballistic missiles with strategic reach.",
        "The deployment of S-300 missiles to the island is another gloomy prospect.",
        "Last year it was the first to receive anti-tank missiles from its Western backers.",
        "It was armed with more than 15,000 rockets.",
        "The Anti-Ballistic Missile Treaty is a basis of stability.",
        "Japan seeks the resolution of the nuclear issue and the missile issue.",
        "It took the Cuban missile crisis to change minds.",
        "Digital technologies have been compared to rocket fuel for economies.",
        "We urge it to refrain from further missile launches.",
    ],
)
def test_missiles_held_traded_or_controlled_are_no_bombardment(sentence: str) -> None:
    assert "bombardment" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian cruise missiles struck energy infrastructure overnight.",
        "Militants fired rockets at the town.",
        "Rockets rained on the city centre.",
    ],
)
def test_missiles_fired_are_still_bombardment(sentence: str) -> None:
    assert "bombardment" in types(sentence)


@pytest.mark.parametrize(
    ("sentence", "unexpected"),
    [
        ("The SDF have been advancing towards the city hoping to encircle it before a final assault.", "siege"),
        ("The militia vowed to kill anyone who resisted.", "killing"),
        ("They moved troops in order to besiege the capital.", "siege"),
        ("Hundreds of injured civilians are in desperate need of qualified medical assistance.",
         "humanitarian_access"),
    ],
)
def test_an_aim_or_a_person_s_need_of_care_is_no_claim(sentence: str, unexpected: str) -> None:
    assert unexpected not in types(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels launched an assault hoping to break the siege of the city.", "siege"),
        ("Millions of people need food aid.", "humanitarian_access"),
    ],
)
def test_an_aim_to_end_an_act_keeps_it(sentence: str, expected: str) -> None:
    assert expected in types(sentence)


@pytest.mark.parametrize(
    ("sentence", "unexpected"),
    [
        ("The officers said: if anyone gets close, we will kill you.", "killing"),
        ("Nyan Linn Htet said if arrested, he knows it will come with beatings.", "torture"),
        ("An irreversible climatic shift will displace tens of millions of our people.", "displacement"),
    ],
)
def test_an_act_foretold_or_threatened_with_will_is_no_claim(sentence: str, unexpected: str) -> None:
    assert unexpected not in types(sentence)


def test_an_act_named_before_its_will_still_counts() -> None:
    assert "killing" in types("The killings will be investigated by the commission.")
