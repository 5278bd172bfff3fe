"""World places (issue 18): the cached world table and the decision in context."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from indexer.extraction import geonames
from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.geonames import WorldPlace, world_table
from indexer.model import Statement


def places(gaz: Gazetteer, text: str) -> list[str]:
    return [m.name for m in gaz.find_locations(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Floods hit Texas and Oklahoma.", ["Texas", "Oklahoma"]),
        ("Fighting spread in North Darfur.", ["North Darfur"]),
        ("Troops moved into Sagaing Region.", ["Sagaing Region"]),
        ("Houthi attacks on ships in the Red Sea near Bab al-Mandab.", ["Red Sea", "Bab al-Mandab"]),
        ("Drought across the Sahel and Europe.", ["Sahel", "Europe"]),
        ("Thousands fled to Bangladesh.", ["Bangladesh"]),
    ],
)
def test_world_places_found(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert places(gaz, text) == expected


@pytest.mark.parametrize(
    "text, absent",
    [
        # a name inside a longer capitalised name is not a place
        ("All parties must respect the Geneva Conventions.", "Geneva"),
        ("Ashley Sutton spoke to reporters.", "Sutton"),
        # an all-caps acronym is not a place (Wola, Poland)
        ("WOLA said the report was credible.", "Wola"),
        # a movement's name holding a city's name (La Paz)
        ("Activists of Defendemos la Paz marched on Monday.", "La Paz"),
        # -based, -backed... are modifiers
        ("The Britain-based monitor said 12 died.", "United Kingdom"),
        # a country keeps its name: Armenia is not the Colombian city
        ("Armenia and Azerbaijan signed a deal in Armenia.", "Armenia (city)"),
        # a surname used alone after the full name
        ("John Brown arrived. Brown said nothing.", "Brown"),
        # a small town far from the statement's places is left out (Bari, Italy: a people's name)
        ("The Barí people of Catatumbo in Colombia fled.", "Bari"),
    ],
)
def test_world_place_false_hits(gaz: Gazetteer, text: str, absent: str) -> None:
    assert absent not in places(gaz, text)


def test_part_of_a_place_stays_there(gaz: Gazetteer) -> None:
    found = places(gaz, "Shelling hit the al-Mashhad neighbourhood of Aleppo and Aleppo's Karaj al-Hajz crossing.")
    assert "Mashhad" not in found and "Karaj" not in found
    assert "Aleppo" in found


def test_armenia_is_the_country(gaz: Gazetteer) -> None:
    assert gaz.canonical_location("Armenia") == "Armenia"
    assert places(gaz, "Refugees fled to Armenia.") == ["Armenia"]


def test_context_country_decides(gaz: Gazetteer) -> None:
    # Springfield and Albany together point to the US; alone, small towns are left out.
    names = places(gaz, "Officials in Springfield and Albany met in Ohio.")
    assert "Ohio" in names and "Springfield" in names


def test_places_map_in_output(gaz: Gazetteer) -> None:
    st = Statement(id="1", title="", body="Ships were attacked in the Red Sea. Floods hit Texas.", source="x")
    st.extraction = extract(st, gaz)
    out = st.to_json()
    assert "Red Sea" in out["locations"]
    assert out["places"]["Red Sea"]["kind"] == "water"
    texas = out["places"]["Texas"]
    assert texas["kind"] == "subdivision" and texas["country"] == "United States"
    assert 25 < texas["lat"] < 37 and -107 < texas["lon"] < -93


# ------------------------------------------------------------------ the cache
def _tiny() -> object:
    def source():  # type: ignore[no-untyped-def]
        yield WorldPlace(1, "Aleppo", "city", 36.2, 37.15, "SY", "09", 2_000_000), ["Aleppo", "Halab"]
    return source


def test_cache_is_built_once_per_version(tmp_path: Path) -> None:
    table = world_table(tmp_path, version="v1", source=_tiny())  # type: ignore[arg-type]
    assert [p.name for p in table.lookup("halab")] == ["Aleppo"]
    assert table.lookup("nowhere") == ()
    assert (tmp_path / "world-v1.sqlite").exists()
    # a new data version builds a new file
    world_table(tmp_path, version="v2", source=_tiny())  # type: ignore[arg-type]
    assert (tmp_path / "world-v2.sqlite").exists()
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_cache_never_read_half_written(tmp_path: Path) -> None:
    def broken():  # type: ignore[no-untyped-def]
        yield WorldPlace(1, "Aleppo", "city", 36.2, 37.15, "SY", "09", 2_000_000), ["Aleppo"]
        raise RuntimeError("killed while building")

    with pytest.raises(RuntimeError):
        geonames.build(tmp_path / "world-x.sqlite", broken)
    # nothing half-written is left where readers look
    assert os.listdir(tmp_path) == []


def test_unreadable_cache_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "world-bad.sqlite"
    sqlite3.connect(path).close()
    with pytest.raises(geonames.WorldDataError):
        geonames.WorldTable(path)


# ------------------------------------------------------------ issue 18, places2
def extracted(gaz: Gazetteer, body: str) -> tuple[list[str], list[str]]:
    """``(locations, actors)`` of ``body`` extracted as ``sift extract`` does."""
    st = Statement(id="1", title="", body=body, source="x")
    ex = extract(st, gaz)
    return ex.locations, ex.actors


def mentioned(gaz: Gazetteer, body: str) -> tuple[list[str], list[str]]:
    """``(places mentioned, actors)`` of ``body``: a dateline's place is a
    mention (evidence), no place of the statement where named only there."""
    ex = extract(Statement(id="1", title="", body=body, source="x"), gaz)
    return list(ex.evidence["locations"]), ex.actors


@pytest.mark.parametrize(
    "body, place",
    [
        ("SARAJEVO (Reuters) - Bosnian police arrested two men.", "Sarajevo"),
        ("MEXICO CITY (Reuters) - The army said it would withdraw.", "Mexico City"),
        ("BEIRUT, Feb 8 - The talks resumed.", "Beirut"),
        # lines joined into one: the dateline follows the title's full stop
        ("Council votes on budget. CHARLESTON, W.Va. -- The council met on Monday.", "Charleston"),
        ("Lawmakers consider an apology. HARTFORD — Legislators met on Friday.", "Hartford"),
    ],
)
def test_dateline_place_is_a_place(gaz: Gazetteer, body: str, place: str) -> None:
    locations, actors = mentioned(gaz, body)
    assert place in locations
    assert not any(place in actor for actor in actors)


def test_dateline_never_an_actor(gaz: Gazetteer) -> None:
    locations, actors = extracted(gaz, "UNITED NATIONS (Reuters) - The council met on Friday.")
    assert "United Nations" not in actors


def test_world_place_outgrows_a_country_actor(gaz: Gazetteer) -> None:
    locations, actors = extracted(gaz, "Mexico City police said the march was peaceful.")
    assert "Mexico City" in locations and "Mexico" not in actors


@pytest.mark.parametrize(
    "text, absent",
    [
        # a person's surname alone (possessive without 's) is that person
        ("Police in Shreveport, Louisiana, broke up a fight between Jason Terrell Jones, 23, "
         "and Jones' girlfriend.", "Jones"),
        # GeoNames alternates that are ordinary words, names or abbreviations
        ("I'll go to the store on Passover with Kate.", "Willmar"),
        ("I'll go to the store on Passover with Kate.", "Mountain City"),
        ("I'll go to the store on Passover with Kate.", "Patterson"),
        ("The Den was full on Day one.", "Denver"),
        # an institution named after a person is no place
        ("Parents want to keep the Webb Center open.", "Webb"),
    ],
)
def test_more_false_hits(gaz: Gazetteer, text: str, absent: str) -> None:
    assert absent not in places(gaz, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He was arraigned in Clarke County Superior Court on Monday.", "Clarke County"),
        ("He was held at the Henderson County Jail on Tuesday.", "Henderson County"),
        # an alternate spelling of another script's name is still found
        ("Azerbaijan and Armenia sent envoys to Stepanakert.", "Khankendi"),
    ],
)
def test_more_world_places(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in places(gaz, text)


@pytest.mark.parametrize(
    "body, place",
    [
        ("Budget criticised. COLUMBUS, Ohio (AP) — The governor's proposal fell short.", "Columbus"),
        ("Graves desecrated. BEIRUT: Unknown assailants removed the doors.", "Beirut"),
    ],
)
def test_dateline_guarded_names(gaz: Gazetteer, body: str, place: str) -> None:
    assert place in mentioned(gaz, body)[0]


def test_ap_state_abbreviations(gaz: Gazetteer) -> None:
    found = places(gaz, "Finalists were Louisville, Ky., New Haven, Conn., and Charleston, W. Va., "
                        "said Rep. James Clyburn, D-S.C.")
    assert {"Kentucky", "Connecticut", "West Virginia", "South Carolina"} <= set(found)
    # alone, the abbreviations are words
    assert places(gaz, "Ill. and tired, he said Miss. Smith would come.") == []


def test_charleston_placed_by_its_state(gaz: Gazetteer) -> None:
    st = Statement(id="1", title="", body="The plant in Charleston, W.Va., closed.", source="x")
    ex = extract(st, gaz)
    charleston = ex.places["Charleston"]
    assert abs(charleston["lat"] - 38.35) < 0.5 and abs(charleston["lon"] + 81.63) < 0.5


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A blast in Male, Maldives, killed two.", "Male"),
        ("In the capital, Malé, police said.", "Male"),
    ],
)
def test_stopped_names_confirmed(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in places(gaz, text)
    assert places(gaz, "The male suspect fled.") == []


def test_places_introduced_by_their_kind(gaz: Gazetteer) -> None:
    found = places(gaz, "Shelling hit the village of Kafr Awid and the town of Talbisehx in Homs. "
                        "The al-Rashidin neighbourhood of Aleppo and the Qarqur camp were hit.")
    assert {"Kafr Awid", "Talbisehx", "al-Rashidin", "Qarqur"} <= set(found)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("The Dayton accords ended the war.", "Dayton"),
        ("Years after the Dayton peace\n\naccords ended the war.", "Dayton"),
        ("Voters in California, Missouri went to the polls.", "California (United States)"),
        ("City Council hired Stevens & Wilkinson for the hotel.", "Stevens"),
        ("We are strong.\n Over the past four years we have grown.", "Over"),
        ("A European neighbourhood of peace and a Syrian town of hope.", "European"),
        ("Waycross Circuit District Attorney George Barnhill spoke.", "Waycross Circuit District"),
        # a small town's name inside an institution's name after "of"; a direction alone
        ("Floods in Texas worried the West Metro Chamber of Commerce.", "Commerce"),
        ("In Florida, protesters marched near Northwest 34th Street.", "Northwest"),
    ],
)
def test_kind_and_word_false_hits(gaz: Gazetteer, text: str, absent: str) -> None:
    assert absent not in places(gaz, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a place that is also a person's name, before a word only a place takes
        ("The Paris Police Department said two suspects were held.", "Paris"),
        ("Detectives named two suspects of rural Paris, Tennessee.", "Paris"),
    ],
)
def test_person_named_places_in_place_context(gaz: Gazetteer, text: str, expected: str) -> None:
    assert any(name.startswith(expected) for name in places(gaz, text))
    assert not any(name.startswith("Paris") for name in places(gaz, "Paris Hilton arrived late."))


def test_dateline_region_is_a_place(gaz: Gazetteer) -> None:
    locations, _ = mentioned(gaz, "Budget cut. COLUMBUS, Ohio (AP) — The governor's budget fell short.")
    assert "Columbus" in locations and "Ohio" in locations


def test_setting_word_before_a_town_is_no_full_name(gaz: Gazetteer) -> None:
    # "Downtown Greer" does not make Greer a surname used alone
    found = places(gaz, "Greer, South Carolina. The city offers scenery. Downtown Greer has shops.")
    assert "Greer" in found


def test_famous_place_known_by_an_alternate(gaz: Gazetteer) -> None:
    # Mecca and Calcutta are Makkah and Kolkata, not the small US towns of that own name
    found = places(gaz, "Pilgrims travelled to Mecca and then to Calcutta.")
    assert "Makkah" in found and "Kolkata" in found


def test_focus_tie_is_the_same_in_every_process() -> None:
    """Two names each in Bolivia and Peru: the focus country does not follow
    the process's string hashing (it made ``Cochabamba`` Bolivian in one run
    and Peruvian in another)."""
    import subprocess
    import sys

    code = (
        "from indexer.extraction.geonames import WorldPlace\n"
        "from indexer.extraction.focus import guessed_country\n"
        "def place(name, country):\n"
        "    return WorldPlace(1, name, 'city', 0.0, 0.0, country, '', 100)\n"
        "pending = [(0, (place('A', 'BO'), place('A', 'PE'))), (2, (place('B', 'PE'), place('B', 'BO')))]\n"
        "print(sorted(guessed_country(pending)))\n"
    )
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(8)}
    assert seen == {"['BO']\n"}


def test_us_regions_researchers_name(gaz: Gazetteer) -> None:
    """The Midwest, New England, the Bay Area (issue 18, LGL round 6): regions of regions.tsv."""
    from tests.indexer.places import extracted_locations

    places = extracted_locations(gaz, "The company has 13 other mines across the Midwest. Prices in the Bay Area "
                                      "and New England rose.")
    assert {"Midwest", "San Francisco Bay Area", "New England"} <= set(places)


@pytest.mark.parametrize("text", [
    "LOUISVILLE, Ky. (AP) - a man", "Charleston, W. Va., on Monday", "Rep. Smith (D-S.C.) said",
    "a Ga. pastor", "in L.A. and Phila. today", "the U.S. said", "Fort Worth, Tex.", "no state here.",
    "Aleppo. Homs. Idlib was shelled", "in Ohio.", "ABC. DEF.",
])
def test_ap_sign_is_in_every_ap_state_match(text: str) -> None:
    """The quick test that spares the three AP patterns' scans finds a sign
    wherever one of them matches (so skipping them changes nothing)."""
    from indexer.extraction import resolve

    matched = any(p.search(text) for p in (resolve._AP_STATE, resolve._AP_DOTTED, resolve._AP_BEFORE_NOUN))
    assert not matched or resolve._AP_SIGN.search(text)


@pytest.mark.parametrize("text", [
    "Visitors can see what the Adena people buried in their mounds near the Ohio River.",
    "The river valley nourished the Caddo people, then Spanish and French settlers.",
])
def test_a_peoples_name_is_no_town(gaz: Gazetteer, text: str) -> None:
    """``the Adena people``: a people, not the town Adena (issue 18, LGL round 7)."""
    assert not {"Adena", "Caddo"} & set(places(gaz, text))


def test_a_subdivision_name_carries_no_dagger(gaz: Gazetteer) -> None:
    """ISO 3166-2 marks some municipalities (Skopje's) with a dagger; a place's
    name is the name the text and a researcher use (``Karpoš``, not ``Karpoš †``)."""
    found = places(gaz, "Stefan Bogoev from Karpos and a councillor from Gazi Baba were questioned.")
    assert found and not any("†" in name for name in found)
