"""World places in context (issue 18): a date after a name is no part of it; a
place's officials and local bodies name the place."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import located


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The killing of a woman in Akron on Sept. 9, 1997 was never solved.", "Akron"),
        ("A re-enactment is planned in Dayton April 4.", "Dayton"),
        ("A plane crashed in Montana Sunday.", "Montana"),
    ],
)
def test_date_ends_a_name(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in located(gaz, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Albany Mayor Jane Doe said the roads were closed.", "Albany"),
        ("The Dayton Historical Society will publish the letters.", "Dayton"),
        ("Firefighters of the Akron Volunteer Fire Department came.", "Akron"),
        ("She began her career at the Toledo Herald in 1970.", "Toledo"),
    ],
)
def test_place_institutions_name_the_place(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in located(gaz, text)


def test_person_name_still_no_place(gaz: Gazetteer) -> None:
    assert "Sutton" not in located(gaz, "Ashley Sutton said the roads were closed.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The S.C. Highway Patrol is looking for the driver.", "South Carolina"),
        ("He rode his bike from Norman to D.C. last spring.", "District of Columbia"),
    ],
)
def test_dotted_state_abbreviation_alone(gaz: Gazetteer, text: str, expected: str) -> None:
    """Two dots make no English word: ``S.C.`` is the state wherever it stands."""
    assert expected in [m.name for m in gaz.find_locations(text)]


def test_one_dot_abbreviation_alone_is_a_word(gaz: Gazetteer) -> None:
    assert located(gaz, "He went to Mass. The Webster was sold.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Webster was sold to a Mass. concert promoter.", "Massachusetts"),
        ("Scandal-plagued Ga. pastor to be buried Saturday.", "Georgia (United States)"),
        ("Phila. officer charged with drug dealing.", "Philadelphia"),
        ("Tour traces L.A.'s spiritual diversity.", "Los Angeles"),
    ],
)
def test_abbreviation_before_a_lower_case_word(gaz: Gazetteer, text: str, expected: str) -> None:
    """A one-dot abbreviation before a lower-case word ends no sentence: a
    headline's state (``Ga. pastor``) or city (``Phila. officer``), as in US news."""
    assert expected in [m.name for m in gaz.find_locations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was stopped at Vancouver International Airport on Monday.", "Vancouver"),
        ("The film opens the Nashville Film Festival next month.", "Nashville"),
    ],
)
def test_prominent_place_opening_a_name_says_where(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in located(gaz, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Delegates met at the London Conference in 1992.", "London"),
        ("The Helsinki Final Act was signed by 35 states.", "Helsinki"),
        ("She is held at the Pudong New District detention center.", "New District"),
    ],
)
def test_events_and_longer_names_name_no_place(gaz: Gazetteer, text: str, absent: str) -> None:
    assert absent not in located(gaz, text)


def test_of_a_given_name_town_ending_a_clause_is_the_town(gaz: Gazetteer) -> None:
    """``of Paris,`` says where someone is from; ``of Paris Hilton`` names a person."""
    assert "Paris" in located(gaz, "Ashley Evans, 26, of Paris, was arrested on Monday.")
    assert "Paris" not in located(gaz, "It was one of Paris Hilton's parties.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("After marathon talks in Geneva US Secretary of State John Kerry said a ceasefire would begin.", "Geneva"),
        ("Since the fall of the Berlin Wall, US officials said, much has changed.", "Berlin"),
    ],
)
def test_famous_city_beats_small_namesake_of_the_context_country(gaz: Gazetteer, text: str, expected: str) -> None:
    """A text naming the US does not make Geneva a town of 20,000 in Illinois."""
    assert expected in [m.name for m in gaz.find_locations(text)]


def test_dateline_after_a_bylines_date(gaz: Gazetteer) -> None:
    """A byline's date whose line break was lost still opens a dateline."""
    from indexer.extraction.datelines import dateline_places

    text = "By JOHN DOE Advocate Reporter March 30, 2009 NEWARK -- The council met."
    assert [text[s:e] for s, e in dateline_places(text)] == ["NEWARK"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Coral Gables man was arrested on Friday.", "Coral Gables"),
        ("Police said a Lancaster mother was knocked unconscious.", "Lancaster"),
    ],
)
def test_where_a_person_is_from(gaz: Gazetteer, text: str, expected: str) -> None:
    """``a Coral Gables man``: the text says the name is a place."""
    assert expected in located(gaz, text)


def test_an_ordinary_word_before_man_is_no_place(gaz: Gazetteer) -> None:
    assert located(gaz, "One man sat atop a small mountain of cinderblocks.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man was killed in rocket fire in the nearby town of Kafr Awid.", ["Kafr Awid"]),
        ("Soldiers attacked between the villages of al-Qajar and al-Zara on Sunday.", ["al-Qajar", "al-Zara"]),
    ],
)
def test_places_introduced_by_a_kind_word_with_an_adjective_or_in_a_list(
        gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert located(gaz, text) == expected


def test_plural_kind_word_before_common_nouns_names_nothing(gaz: Gazetteer) -> None:
    assert located(gaz, "Aid reached the villages of the north on Monday.") == []


def test_the_area_of_a_name_is_a_place(gaz: Gazetteer) -> None:
    assert "Safsafeh" in located(gaz, "Last week SDF fighters captured the area of Safsafeh east of Tabqa.")
    assert located(gaz, "Officials discussed the area of operations on Monday.") == []


def test_a_crossing_names_a_place(gaz: Gazetteer) -> None:
    assert "Bab al Salama" in located(gaz, "A car bomb exploded close to the Bab al Salama crossing on the border.")
    assert located(gaz, "Trucks waited at the border crossing for days.") == []


def test_a_demonym_is_no_town(gaz: Gazetteer) -> None:
    """``Canadian`` is also a town in Texas: a demonym never reads as a world place."""
    assert located(gaz, "He holds a Canadian passport and a house in Toronto.") == ["Toronto"]


def test_english_word_connector_ends_the_name(gaz: Gazetteer) -> None:
    """``as``, ``at``, ``an`` join an Arabic name only with a hyphen
    (``as-Suwayda``): ``Jerusalem as Palestinian capital`` names Jerusalem (issue 18, LGL round 6)."""
    from tests.indexer.places import extracted_locations

    assert "Jerusalem" in extracted_locations(gaz, "No peace without Jerusalem as Palestinian capital.")
    assert "Suwayda" in extracted_locations(gaz, "Shelling hit as-Suwayda on Monday.")


def test_compass_of_says_place(gaz: Gazetteer) -> None:
    """``60 miles southwest of Raleigh``: a direction and ``of`` say place
    for a name that is also a person's (issue 18, LGL round 6)."""
    from tests.indexer.places import extracted_locations

    assert "Raleigh" in extracted_locations(gaz, "The small town is about 60 miles southwest of Raleigh in North "
                                                 "Carolina's Sandhills region.")


def test_a_place_on_a_road_is_the_place(gaz: Gazetteer) -> None:
    """``Kansas on Route 16``: ``on`` joins no name unless the whole is a world name (issue 18, LGL round 7)."""
    assert [p[0] for p in gaz.find_names("A crash occurred just west of Kansas on Route 16.")[1]] == ["Kansas"]
    assert [p[0] for p in gaz.find_names("Rostov on Don was hit.")[1]] == ["Rostov-on-Don"]
