"""A country's role from the frame of its mention (issue 18 item 5): a place
after a border word and ``with``/``between``, after a locative and an
adjective, before a possessive's place noun, as a headline's topic label;
an actor as the object of ``ally of``/``admission of``, or as the owner of an
act noun after a locative (``killed in U.S. air strikes``); both when a place
acts in a relative clause."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def _role(gaz: Gazetteer, body: str, country: str) -> str | None:
    """``"actor"``, ``"place"``, ``"both"`` or ``None``: what ``country`` is in ``body``."""
    e = extract(Statement("x", "", body, "p"), gaz)
    actor, place = country in e.actors, country in e.locations
    return "both" if actor and place else "actor" if actor else "place" if place else None


@pytest.mark.parametrize(("body", "country", "role"), [
    # a border word and "with"/"between"
    ("The rebels are now in the village of Suleima on the border with Iraq.", "Iraq", "place"),
    ("The YPG controls nearly all of the northern frontier with Turkey.", "Turkey", "place"),
    ("Migrants come overland, using a river border crossing with Turkey.", "Turkey", "place"),
    ("The border between Syria and Turkey was closed on Monday.", "Syria", "place"),
    ("The border between Syria and Turkey was closed on Monday.", "Turkey", "place"),
    # a locative and an adjective of the place
    ("State terrorism in occupied Palestine has shocked the world.", "Palestine", "place"),
    ("Thousands fled to neighbouring Turkey last week.", "Turkey", "place"),
    ("Many civilians were killed in war-torn Syria on Monday.", "Syria", "place"),
    ("We want to help Syria recover from the war.", "Syria", "actor"),
    # "ally of", "admission of", "invitation of": the state
    ("The YPG has been a close ally of the United States in the campaign.", "United States", "actor"),
    ("The Kurds have been allies of Russia for years.", "Russia", "actor"),
    ("We also favour the admission of Palestine to full membership of the United Nations.", "Palestine", "actor"),
    ("The talks met at the invitation of Saudi Arabia last year.", "Saudi Arabia", "actor"),
    # an act noun after a locative: whose act, not where
    ("Six civilians were among 22 people killed in U.S. air strikes on Raqqa.", "United States", "actor"),
    ("Six civilians were killed in the U.S. on Monday.", "United States", "place"),
    # a possessive, an adjective and a place noun
    ("I strongly believe that Afghanistan's immediate neighbours must help.", "Afghanistan", "place"),
    ("Israel's new government said it would respond.", "Israel", "actor"),
    # a headline's topic label
    ("Ethiopia: UN workers detained as police arrest Tigrayans\nThe workers were held.", "Ethiopia", "place"),
    # a place that acts in a relative clause after "which" (not "who": the person)
    ("Many residents sought to cross into Turkey, which opened its border on Friday.", "Turkey", "both"),
    ("Many residents sought to cross into Turkey, which is far away.", "Turkey", "place"),
    ("The mines are dangerous, said a guard from Kenya who said he was afraid.", "Kenya", "place"),
])
def test_the_frame_of_a_country_decides_its_role(gaz: Gazetteer, body: str, country: str, role: str) -> None:
    assert _role(gaz, body, country) == role


@pytest.mark.parametrize(("body", "country", "role"), [
    # a state's formal name: what comes before the whole name decides, not its own "of"
    ("The Kingdom of the Netherlands condemns the attacks on civilians.", "Netherlands", "actor"),
    ("The Independent State of Papua New Guinea remains committed to peace.", "Papua New Guinea", "actor"),
    ("The Republic of Guinea has received 500,000 refugees.", "Guinea", "actor"),
    ("Since then, the Federal Republic of Germany has welcomed a million refugees.", "Germany", "actor"),
    ("The aid was provided by the Kingdom of Saudi Arabia on Monday.", "Saudi Arabia", "actor"),
    ("The Plurinational State of Bolivia supports the initiative.", "Bolivia", "actor"),
    ("Elections were held in the Republic of Korea last year.", "South Korea", "place"),
    ("Its fourth session is to be held in the brotherly State of Qatar next year.", "Qatar", "place"),
    ("The expertise of the sister Republic of Cuba played a significant role.", "Cuba", "actor"),
    ("Many fled to the Republic of Guinea last year.", "Guinea", "place"),
    ("The Government of the Republic of South Sudan signed the agreement.", "South Sudan", "actor"),
])
def test_a_formal_state_name_takes_the_frame_before_it(gaz: Gazetteer, body: str, country: str, role: str) -> None:
    assert _role(gaz, body, country) == role


@pytest.mark.parametrize(("body", "country", "role"), [
    # "such as"/"like"/"including" after a plural country noun that a locative governs: places
    ("Refugees have poured into nations such as Turkey, Lebanon and Jordan.", "Turkey", "place"),
    ("Refugees have poured into nations such as Turkey, Lebanon and Jordan.", "Jordan", "place"),
    ("Refugees fled to neighbouring countries like Chad and Cameroon.", "Chad", "place"),
    ("Migrants travel to several countries, including Italy and Spain.", "Italy", "place"),
    # no movement towards them: the members act
    ("Countries such as France and Germany have called for a ceasefire.", "France", "actor"),
    ("Officials in other countries including Britain and Israel joined the US.", "Israel", "actor"),
])
def test_members_of_a_list_of_destinations_are_places(gaz: Gazetteer, body: str, country: str, role: str) -> None:
    assert _role(gaz, body, country) == role


@pytest.mark.parametrize(("body", "country", "role"), [
    # a state's stance, act or voice before "of": the state, not a place
    ("From the viewpoint of the Russian Federation, the reform is urgent.", "Russia", "actor"),
    ("On behalf of Bulgaria, I thank the Assembly for its support.", "Bulgaria", "actor"),
    ("The position of the Netherlands is clear: the settlements must stop.", "Netherlands", "actor"),
    ("The proposal of Egypt was rejected by the other parties.", "Egypt", "actor"),
    ("We welcome the efforts of Qatar to mediate a ceasefire.", "Qatar", "actor"),
    # a place's features before "of" stay places
    ("The mountains of Afghanistan hide many camps.", "Afghanistan", "place"),
])
def test_a_stance_noun_before_of_makes_the_state(gaz: Gazetteer, body: str, country: str, role: str) -> None:
    assert _role(gaz, body, country) == role


@pytest.mark.parametrize(("body", "country"), [
    # a country opening the name of an agreement, a document, a campaign or an institute: neither role
    ("Donors met in London to review the Afghanistan Compact last year.", "Afghanistan"),
    ("The Liberia Peace Agreement was signed in Accra.", "Liberia"),
    ("The Syria Campaign called for sanctions on Monday.", "Syria"),
    ("The Thailand Development Research Institute published the study.", "Thailand"),
    ("The Sweden Democrats won 20 percent of the vote.", "Sweden"),
    ("The Solomon Islands Family Protection Act of 2014 was a national response.", "Solomon Islands"),
    # an organisation's name: a commission, a committee, a university, a hospital, a party, a festival
    ("On Friday, the Kenya Human Rights Commission joined other groups in calling for his release.", "Kenya"),
    ("The Syria Solidarity Committee organised the protest.", "Syria"),
    ("Students of the Rwanda Polytechnic University marched on Monday.", "Rwanda"),
])
def test_a_country_opening_a_name_is_neither_actor_nor_place(gaz: Gazetteer, body: str, country: str) -> None:
    assert _role(gaz, body, country) is None


@pytest.mark.parametrize(("body", "country", "role"), [
    ("Syria Rebels Dead in Fighting for Key Aleppo Road", "Syria", "place"),
    ("The peace agreement signed by Liberia ended the war.", "Liberia", "actor"),
])
def test_a_country_before_other_words_keeps_its_role(gaz: Gazetteer, body: str, country: str, role: str) -> None:
    assert _role(gaz, body, country) == role



@pytest.mark.parametrize(("body", "country", "role"), [
    ("23 ISIS Terrorists Killed in Turkey US-Led Coalition in Syria Report", "Syria", "place"),
    ("A spokesman for Mexico's National Institute for Migration said it had no data.", "Mexico", "actor"),
    ("Pledges were made to assist vulnerable countries like Kiribati to adapt.", "Kiribati", "actor"),
])
def test_a_name_or_a_list_needs_its_whole_frame(gaz: Gazetteer, body: str, country: str, role: str) -> None:
    assert _role(gaz, body, country) == role


@pytest.mark.parametrize(("body", "country", "role"), [
    # a sentence-opening locative phrase, its comma, then the clause's subject: no list of places
    ("In Afghanistan, Pakistan has played a destabilizing role.", "Pakistan", "actor"),
    ("Across Europe, Sweden has taken in the most refugees per head.", "Sweden", "actor"),
    ("In Lebanon, Jordan and Turkey, refugees wait for aid.", "Jordan", "place"),
    ("Attacks in France, Belgium and Germany have killed hundreds.", "Germany", "place"),
    # coordinated with the region or the world: a place
    ("We look forward to the day when Iraq and the whole region are free of terrorism.", "Iraq", "place"),
    ("Iraq and the wider region have suffered enough.", "Iraq", "place"),
    ("Iraq and the United States signed the agreement.", "Iraq", "actor"),
    ("The United States and the world community condemned the attack.", "United States", "actor"),
])
def test_a_clause_subject_and_a_regions_partner(gaz: Gazetteer, body: str, country: str, role: str) -> None:
    assert _role(gaz, body, country) == role


@pytest.mark.parametrize(("body", "country", "role"), [
    # thanks, tribute or congratulations "to" a state: the state, for what it did
    ("We are grateful to Jordan for hosting so many refugees.", "Jordan", "actor"),
    ("I pay tribute to Nigeria for its leadership in the region.", "Nigeria", "actor"),
    ("Our thanks go to Turkey and Lebanon for their generosity.", "Lebanon", "actor"),
    ("We express our deep gratitude to Japan, which has supported our reconstruction.", "Japan", "actor"),
    # no such word: where
    ("Thousands of refugees went to Jordan last year.", "Jordan", "place"),
])
def test_thanks_to_a_state_make_it_an_actor(gaz: Gazetteer, body: str, country: str, role: str) -> None:
    assert _role(gaz, body, country) == role


@pytest.mark.parametrize(("body", "country", "role"), [
    # "the people of X" opening a clause and acting: the state's people, no place
    ("The people of Liberia, guardians of an old tradition of peace, have opened their doors.",
     "Liberia", "actor"),
    ("The people of Guinea have welcomed more than 400,000 refugees.", "Guinea", "actor"),
    # suffering, or no clause of their own: where
    ("The people of Afghanistan have suffered for decades.", "Afghanistan", "place"),
    ("The people of Afghanistan have known too much violence and too much despair.", "Afghanistan", "place"),
    ("We extend our sympathy to the people of Pakistan.", "Pakistan", "place"),
])
def test_the_people_of_a_state_acting(gaz: Gazetteer, body: str, country: str, role: str) -> None:
    assert _role(gaz, body, country) == role
