"""Place and actor misreadings found on the held-out gold (stop 31, benchmarks/gold/fresh.jsonl)."""

from __future__ import annotations

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement
from tests.indexer.places import extracted_locations


def _extract(gaz: Gazetteer, body: str):  # type: ignore[no-untyped-def]
    return extract(Statement("x", "", body, "p"), gaz)


def test_a_country_that_suffers_is_a_place(gaz: Gazetteer) -> None:
    e = _extract(gaz, "Libya suffers upticks in violence. Afghanistan has suffered decades of war.")
    assert "Libya" in e.locations and "Afghanistan" in e.locations
    assert "Libya" not in e.actors and "Afghanistan" not in e.actors


def test_a_country_that_acts_stays_an_actor(gaz: Gazetteer) -> None:
    assert "Russia" in _extract(gaz, "Russia said it suffered no losses.").actors


def test_a_job_titles_region_after_in_is_no_place(gaz: Gazetteer) -> None:
    body = "Nataliya Prilutskaya, AI coordinator in Eastern Europe and Central Asia, said the men were held."
    locations = extracted_locations(gaz, body)
    assert "Eastern Europe" not in locations and "Central Asia" not in locations


def test_a_gulf_state_is_no_place(gaz: Gazetteer) -> None:
    assert "Persian Gulf" not in extracted_locations(gaz, "He wrote about the lives of some Gulf state migrants.")
    assert "Persian Gulf" in extracted_locations(gaz, "Two tankers were hit in the Gulf on Monday.")


def test_a_news_agencys_name_is_no_place(gaz: Gazetteer) -> None:
    assert "Sanaa" not in extracted_locations(gaz, "He died of his wounds, the state-run Sana agency said.")
    assert "Sanaa" in extracted_locations(gaz, "Air strikes hit Sanaa on Monday.")


def test_an_indefinite_article_opens_no_organisations_name(gaz: Gazetteer) -> None:
    actors = _extract(gaz, "A Russian Defence Ministry spokesman said. A Police Scotland spokesman said.").actors
    assert "A Russian Defence Ministry" not in actors and "A Police" not in actors


def test_an_illustration_credit_names_no_one(gaz: Gazetteer) -> None:
    assert _extract(gaz, "Illustration: Dionne Gain Credit:\n\nWages grew slowly.").actors == []


def test_the_last_name_of_a_list_of_people_is_a_person(gaz: Gazetteer) -> None:
    body = "Farahani is accused of leading Mahmoud Khazein, Kiya Sadeghi and Omid Noori in a plot."
    assert "Omid Noori" in _extract(gaz, body).actors


def test_a_list_closed_by_an_organisation_gives_no_person(gaz: Gazetteer) -> None:
    actors = _extract(gaz, "He met John Smith, Mary Jones and Human Rights Watch.").actors
    assert "Human Rights" not in actors and "Human Rights Watch" in actors
