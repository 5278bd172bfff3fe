"""A name that is also a given name or a word (``Paris``) is a place when the
text places it (issue 18, round 3): in a list with other places, or after a
setting word (``rural``, ``unincorporated``), not only after ``in``."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import located


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("All residents of Paris and Henry County will receive a letter.", "Paris"),
        ("Paris and Roxton continue to reap sales tax benefits.", "Paris"),
        ("Evans and Harminson share a rural Paris address.", "Paris"),
    ],
)
def test_placed_given_name_is_a_place(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in located(gaz, text)


def test_given_name_alone_still_no_place(gaz: Gazetteer) -> None:
    assert "Paris" not in located(gaz, "Paris Hilton and her sister arrived late.")


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces cut the Castello Road, the last route into Aleppo.",
        "A car bomb exploded on al-Haj Road in Aleppo.",
    ],
)
def test_road_is_no_place(gaz: Gazetteer, text: str) -> None:
    """Roads and streets are no places (benchmarks/gold/CONVENTIONS.md): only the town."""
    assert located(gaz, text) == ["Aleppo"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Man found fatally shot in Ozark car dealership. Ozark police cordoned off the lot.", "Ozark"),
        ("Decatur city officials have scheduled two community meetings.", "Decatur"),
    ],
)
def test_small_town_the_text_calls_a_place(gaz: Gazetteer, text: str, expected: str) -> None:
    """A small town in a text naming no country is kept when the words around
    it say place (``in X``, ``X police``, ``X city officials``)."""
    assert expected in located(gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        "The ad is airing in English and Spanish.",
        "What happened in West Darfur and in Tawila shocked the world.",
    ],
)
def test_said_place_needs_a_fitting_reading(gaz: Gazetteer, text: str) -> None:
    """A language is no town; a reading in another country, by an alternate name, is none."""
    assert not {"English", "At Tawilah", "Tawila"} & set(located(gaz, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He lives in St. Louis with his family.", "St. Louis"),
        ("The county fair in St. Marys, Ohio, opened on Friday.", "St. Marys"),
    ],
)
def test_abbreviated_saint_keeps_the_name_whole(gaz: Gazetteer, text: str, expected: str) -> None:
    """The dot of ``St.`` does not cut a place's name in two."""
    assert expected in located(gaz, text)


def test_saint_after_at_is_no_town_by_itself(gaz: Gazetteer) -> None:
    assert located(gaz, "He prayed at St. James on Sunday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The campaign ad is airing in Ohio in English and Spanish.",
        "Survivors of the Nazi camps met in Berlin.",
        "ISIL spread evil to many Arab and Islamic States, the minister said in Baghdad.",
    ],
)
def test_language_and_people_words_are_no_towns(gaz: Gazetteer, text: str) -> None:
    """``English`` (a language), ``Nazi``, ``Arab``: never a town by themselves."""
    assert not {"English", "Al Annazah", "Arab"} & {m.name for m in gaz.find_locations(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Fire damaged a home in Paris on Monday. Paris firefighters put it out.",
        "The storm hit homes in Dallas on Monday. Dallas officials counted the damage.",
    ],
)
def test_given_name_placed_once_is_the_place_throughout(gaz: Gazetteer, text: str) -> None:
    """One sense per text: a given name the text places once (``in Paris``)
    is the place in its other mentions too (``Paris firefighters``)."""
    assert len(located(gaz, text)) == 2


def test_given_name_placed_once_still_no_place_before_a_surname(gaz: Gazetteer) -> None:
    found = located(gaz, "Fire damaged a home in Paris on Monday. Paris Hilton gave money.")
    assert len(found) == 1


def test_country_named_like_a_state_does_not_settle_the_country(gaz: Gazetteer) -> None:
    """``Georgia`` is a US state too: it does not make the text Georgian, so
    a US town of the text is still found (issue 18, round 4)."""
    text = "An Albany police SWAT team and Georgia Bureau of Investigation agents raided the home."
    assert "Albany" in located(gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        "The driver fled at unsafe speeds, according to Taylor.",
        "There are 29 states with full coverage, according to Linda Daily, a director.",
    ],
)
def test_according_to_names_a_source_not_a_place(gaz: Gazetteer, text: str) -> None:
    """``according to X``: ``to`` is no locative there (issue 18, round 4)."""
    assert located(gaz, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("State Sen. Ray Miller, D-Columbus, said the numbers were staggering.", "Columbus"),
        ("Delegates Ricky Moye, D-Raleigh, and Linda Sumner spoke.", "Raleigh"),
    ],
)
def test_lawmakers_home_after_party_initial_is_a_place(gaz: Gazetteer, text: str, expected: str) -> None:
    """``D-Columbus``: a party's initial and a dash say place, even for a
    name that is a given name or a surname (issue 18, round 4)."""
    assert expected in located(gaz, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two Northeast Georgia counties remain among the fastest-growing.", ["Georgia"]),
        ("Storms hit North Georgia on Monday.", ["Georgia"]),
        ("Residents of West Jordan voted.", ["West Jordan"]),  # a town of its own
    ],
)
def test_compass_word_before_a_given_name_place(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    """``Northeast Georgia``: a capitalised compass word is no person's first
    name, so the place a given name also names stays (issue 18, round 4)."""
    assert located(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("That is too low, say Metro Vancouver officials, who want more.", "Vancouver"),
        ("Metro Nashville police records state the facts.", "Nashville"),
    ],
)
def test_metro_before_a_city_is_its_area(gaz: Gazetteer, text: str, expected: str) -> None:
    """``Metro Vancouver``: ``Metro`` is a modifier like ``Greater``, not a
    longer name that hides the city (issue 18, round 4)."""
    assert expected in located(gaz, text)


def test_sentence_initial_number_word_opens_no_name(gaz: Gazetteer) -> None:
    """``Three Philadelphia police officers``: the number is no part of a
    longer name that would hide the city (issue 18, round 4)."""
    assert "Philadelphia" in located(gaz, "Three Philadelphia police officers were in stable condition.")


@pytest.mark.parametrize(("text", "town"), [
    ("Police responded along with four EMS personnel and four Paris policemen.", "Paris"),
    ("He worked months before transferring to the company's Dallas office.", "Dallas"),
    ("It was not known whether Dallas media stations reported the story.", "Dallas"),
])
def test_a_towns_police_media_and_offices(gaz: Gazetteer, text: str, town: str) -> None:
    """Issue 18, LGL round 7: a lower-case noun only a place takes after the name."""
    assert town in located(gaz, text)
