"""Organisation-pattern names of any country (issue 18): police forces, offices,
directorates, associations, centres; and the seat a name opens with."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer


def organisations(gaz: Gazetteer, text: str) -> list[str]:
    return [m.name for m in gaz.find_actors(text) if m.kind == "organisation"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers of the Kandahar Police arrested him.", "Kandahar Police"),
        ("The Idlib Health Directorate said three died.", "Idlib Health Directorate"),
        ("A statement by the Jaffna Press Association condemned it.", "Jaffna Press Association"),
        ("Researchers at the Centre for Constitutional Governance warned.", "Centre for Constitutional Governance"),
        ("The Office of Citizen Protection opened an inquiry.", "Office of Citizen Protection"),
        ("The Syrian Center for Policy Research estimated the losses.", "Syrian Center for Policy Research"),
        # two organisation words in a row are one name, not "Homs Police"
        ("The Homs Police Command reported the arrests.", "Homs Police Command"),
    ],
)
def test_institution_heads(gaz: Gazetteer, text: str, expected: str) -> None:
    assert organisations(gaz, text) == [expected]


def test_world_place_opening_an_organisation_name_is_its_seat(gaz: Gazetteer) -> None:
    """``Dublin Police`` names a place (its seat) as well as the organisation;
    a place after the organisation word (``Office of the White House``) is not
    freed by the organisation's name."""
    assert "Dublin" in [m.name for m in gaz.find_locations("Officers of the Dublin Police said no.")]
    locations = [m.name for m in gaz.find_locations(
        "Trump met the king in the Oval Office of the White House in Washington.")]
    assert not any("Casablanca" in name for name in locations)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was unclear whether Syrian or Russian war planes carried out the raids.",
         ["Syrian Armed Forces", "Russian Armed Forces"]),
        ("Turkish and Iraqi troops held a drill.", ["Turkish Armed Forces", "Iraqi Security Forces"]),
        ("The town was hit by Syrian regime war planes.", ["Syrian Armed Forces"]),
        # a demonym sharing the head noun of other forces (issue 21: both are `by`)
        ("In Syria, Aleppo was shelled by Russian and regime forces.", ["Russian Armed Forces", "Syrian Armed Forces"]),
        ("Turkish and allied troops entered the town.", []),
        # a demonym sharing a state's act noun: the strikes are both states' (issue 21: both `by`)
        ("Syrian and Russian air strikes killed 20 civilians.", ["Syria", "Russia"]),
        ("Russian and Turkish airstrikes hit the town.", ["Russia", "Turkey"]),
        ("Russian and Syrian jets bombed the town.", ["Russian Armed Forces", "Syrian Armed Forces"]),
        ("Ten died in Russian and Assad regime airstrikes.", ["Russia", "Assad regime"]),
        ("Russian and Syrian regime air raids hit the town.", ["Russia", "Syrian Armed Forces"]),
    ],
)
def test_national_forces_in_two_words_and_coordinated(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert [m.name for m in gaz.find_actors(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kerala High Court granted bail.", "Kerala High Court"),
        ("The Dravidian Federation protested.", "Dravidian Federation"),
        # a possessive owner and a weekday are no part of the name
        ("Russia’s Supreme Court banned the group.", "Supreme Court"),
        ("The Bombay High Court on Friday adjourned the case.", "Bombay High Court"),
    ],
)
def test_courts_groups_federations(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in organisations(gaz, text)


def actor_names(gaz: Gazetteer, text: str) -> list[str]:
    return [m.name for m in gaz.find_actors(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kurdish news agency ANF News reported the attack.", "ANF News"),
        ("A correspondent for Universal TV was detained.", "Universal TV"),
        ("It was first reported by Bloomberg News on Monday.", "Bloomberg News"),
        ("Head of the Hama Media center said the battle continues.", "Hama Media center"),
    ],
)
def test_news_outlets_of_any_country(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in actor_names(gaz, text)


def test_a_known_outlet_keeps_its_name_and_generic_words_name_none(gaz: Gazetteer) -> None:
    names = actor_names(gaz, "Lebanon's Al-Manar TV said so, and State TV showed the funeral.")
    assert "Al-Manar" in names
    assert not any(name.endswith("TV") for name in names)


@pytest.mark.parametrize("text, state", [
    ("An agreement between the Government of the Republic of South Sudan and the rebels was signed.",
     "South Sudan"),
    ("The delegation of the Federal Democratic Republic of Ethiopia left the talks.", "Ethiopia"),
])
def test_a_government_of_a_states_formal_name_is_the_state(gaz: Gazetteer, text: str, state: str) -> None:
    actors, places = gaz.find_names(text)
    assert state in [a[0] for a in actors] and state not in [p[0] for p in places]


def test_the_formal_name_alone_after_a_locative_stays_a_place(gaz: Gazetteer) -> None:
    actors, places = gaz.find_names("Refugees fled to the Republic of Kenya.")
    assert "Kenya" in [p[0] for p in places]


def test_brothers_in_a_country_are_its_people_an_actor(gaz: Gazetteer) -> None:
    actors, places = gaz.find_names("We accepted the initiative of our brothers in Türkiye and South Sudan, "
                                    "as well as Uganda, aimed at peace.")
    assert {"Turkey", "South Sudan"} <= {a[0] for a in actors}
    assert not {"Turkey", "South Sudan"} & {p[0] for p in places}


@pytest.mark.parametrize(("text", "country"), [
    ("My negotiating team has been in Addis Ababa, Ethiopia, since January, talking with the rebels.", "Ethiopia"),
    ("Police secure the area following a blast in Male, Maldives, Thursday, May 6, 2021.", "Maldives"),
])
def test_a_country_placing_a_world_city_before_it_is_a_place(gaz: Gazetteer, text: str, country: str) -> None:
    actors, places = gaz.find_names(text)
    assert country in [p[0] for p in places] and country not in [a[0] for a in actors]


def test_a_country_acting_after_a_city_stays_an_actor(gaz: Gazetteer) -> None:
    actors, _ = gaz.find_names("In Kabul, Afghanistan said it would act.")
    assert "Afghanistan" in [a[0] for a in actors]
