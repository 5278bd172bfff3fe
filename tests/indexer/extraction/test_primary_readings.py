"""The primary reading of a name owns the bare name (issue 18, round 3): a
first-level subdivision is not renamed ``X (Country)`` because a smaller
city elsewhere is known by its name; one city held by two countries' data
has one name; a large known city keeps its name."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import extracted_locations



@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Two missionaries from Ontario were kidnapped.", "Ontario", "Canada"),
        ("He moved to Vancouver last year.", "Vancouver", "Canada"),
    ],
)
def test_subdivision_or_big_city_owns_its_name(gaz: Gazetteer, text: str, name: str, country: str) -> None:
    found = extracted_locations(gaz, text)
    assert name in found and country in found
    assert gaz.place_info(name)["country"] == country
    assert gaz.parents(name) == [country]


def test_smaller_homonym_is_qualified(gaz: Gazetteer) -> None:
    assert "Ontario (United States)" in extracted_locations(gaz, "A fire broke out in Ontario, California.")


def test_one_city_in_two_countries_data_has_one_name(gaz: Gazetteer) -> None:
    found = extracted_locations(gaz, "Settlers marched in Jerusalem, the Palestinian ministry said in Ramallah.")
    assert "Jerusalem" in found and not any(name.startswith("Jerusalem (") for name in found)


def test_large_known_city_keeps_its_name(gaz: Gazetteer) -> None:
    assert "Bari" not in extracted_locations(gaz, "The Barí people of Catatumbo in Colombia fled.")


def test_names_do_not_depend_on_what_was_read_before(gaz: Gazetteer) -> None:
    texts = ("A fire broke out in Ontario, California.", "Two missionaries from Ontario were kidnapped.")
    first = [extracted_locations(gaz, t) for t in texts]
    second = [extracted_locations(gaz, t) for t in reversed(texts)][::-1]
    assert first == second
    assert "Ontario (United States)" in first[0] and "Ontario" in first[1]
