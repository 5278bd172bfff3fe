"""A town's police named like a country's (issue 18, LGL round 6): in a
statement whose places lie in another country that has a town of that name,
``Lebanon Police`` is the town's police and the town a place, not the
Lebanese police; elsewhere it stays the national police."""

from __future__ import annotations

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def _extract(gaz: Gazetteer, text: str):
    return extract(Statement("x", "", text, "p"), gaz)


def test_town_police_in_a_us_county_is_the_town(gaz: Gazetteer) -> None:
    out = _extract(gaz, "He was taken into custody by Lebanon Police after a traffic stop in Boone County. "
                        "Lebanon Police and the Boone County Sheriff began an investigation.")
    assert "Lebanese police" not in out.actors
    assert any(p.startswith("Lebanon") for p in out.locations) and "United States" in out.locations


def test_lower_case_town_police_is_the_town(gaz: Gazetteer) -> None:
    out = _extract(gaz, "The driver was fleeing from Palestine police, according to the Anderson County "
                        "district attorney.")
    assert "Palestinian police" not in out.actors
    assert any(p.startswith("Palestine") for p in out.locations)


def test_national_police_stays_where_the_country_is_meant(gaz: Gazetteer) -> None:
    assert "Lebanese police" in _extract(gaz, "Lebanon police fired tear gas at protesters in Beirut.").actors
    assert "Palestinian police" in _extract(gaz, "Israeli troops and Palestine police clashed in Hebron.").actors
