"""A region in a job or unit title is no place of the statement (issue 18)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement
from tests.indexer.places import extracted_locations



@pytest.mark.parametrize("body", [
    "Hospitals are targeted, said Robert Mardini, ICRC regional director for the Middle East, in Geneva.",
    "“They failed to provide evidence,” said Michael Page, deputy Middle East director at Human Rights Watch.",
    "Nadim Houry, deputy director of the Middle East and North Africa division at Human Rights Watch, said so.",
])
def test_a_titles_region_is_no_place(gaz: Gazetteer, body: str) -> None:
    locations = extracted_locations(gaz, body)
    assert "Middle East" not in locations and "North Africa" not in locations


def test_a_region_where_things_happen_stays(gaz: Gazetteer) -> None:
    assert "Middle East" in extracted_locations(gaz, "Fighting spread across the Middle East last year.")


def test_unrwas_full_name_names_no_place(gaz: Gazetteer) -> None:
    body = ("Funding is needed by the United Nations Relief and Works Agency for Palestine Refugees "
            "in the Near East, which provides relief.")
    extraction = extract(Statement(id="s", title="", body=body, source="test"), gaz)
    assert "UNRWA" in extraction.actors and "Near East" not in extraction.locations


def test_a_region_naming_a_group_of_states_is_no_place(gaz: Gazetteer) -> None:
    body = "Rebel groups are backed by Turkey, Gulf monarchies and the US."
    assert "Gulf" not in extracted_locations(gaz, body)


def test_subdivisions_before_states_stay_places(gaz: Gazetteer) -> None:
    body = "Gunmen attacked villages in Borno, Yobe and Adamawa states in Nigeria."
    assert "Adamawa" in extracted_locations(gaz, body)
