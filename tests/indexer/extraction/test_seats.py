"""A subdivision and its capital of the same name told apart when the text
names both explicitly (issue 18: governorate vs capital)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def _places(gaz: Gazetteer, body: str) -> tuple[list[str], dict]:
    extraction = extract(Statement(id="s", title="", body=body, source="test"), gaz)
    return extraction.locations, extraction.places


@pytest.mark.parametrize("body, subdivision, city", [
    ("Schools in Idlib province closed. Airstrikes hit the town of Idlib on Sunday.",
     "Idlib Province", "Idlib"),
    ("Mortars hit Hasaka city. Field sources in the northeastern Hasaka province said so.",
     "Hasakah Province", "Hasakah"),
    ("Shelling hit Kharkiv Oblast on Monday. In the city of Kharkiv, three people died.",
     "Kharkiv Oblast", "Kharkiv"),
    ("Fighting spread across Kandahar province, but Kandahar city was calm.",
     "Kandahar Province", "Kandahar"),
])
def test_both_named_explicitly_are_two_places(gaz: Gazetteer, body: str, subdivision: str, city: str) -> None:
    locations, places = _places(gaz, body)
    assert subdivision in locations and city in locations
    assert places[subdivision]["kind"] == "subdivision"
    assert places[city]["kind"] == "city"


@pytest.mark.parametrize("body", [
    "Airstrikes hit Idlib. Schools in Idlib province closed.",
    "Airstrikes hit the town of Idlib. Idlib was quiet later.",
])
def test_one_place_unless_the_text_tells_them_apart(gaz: Gazetteer, body: str) -> None:
    locations, _ = _places(gaz, body)
    assert "Idlib" in locations
    assert not any(name.startswith("Idlib ") for name in locations)


def test_a_query_for_either_name_finds_the_place(gaz: Gazetteer) -> None:
    assert gaz.canonical_location("Idlib Province") == "Idlib"
    assert gaz.canonical_location("Idlib Governorate") == "Idlib"
    assert gaz.canonical_location("Kharkiv Oblast") == "Kharkiv"


def test_a_towns_countryside_is_no_province(gaz: Gazetteer) -> None:
    locations, _ = _places(gaz, "Shelling hit Zabadani city. Fighting went on in the Zabadani countryside.")
    assert not any(name.endswith("Province") for name in locations)


def test_a_citys_countryside_is_the_city_not_a_second_place(gaz: Gazetteer) -> None:
    # "the north Aleppo countryside" beside "the city of Aleppo": one facet value, as
    # ``rural Idlib``; only a subdivision's own word (province, governorate) names it apart
    for text in ("Rebels shelled the city of Aleppo. A building in the north Aleppo countryside was hit.",
                 "Rebels shelled the city of Idlib. Airstrikes hit villages in rural Idlib."):
        locations, _ = _places(gaz, text)
        assert not any(name.endswith(("Province", "Governorate")) for name in locations)
