"""A city named only in a news dateline (``MOSCOW (Sputnik) -``) is where the
reporter filed, not a place of the statement (benchmarks/gold/CONVENTIONS.md,
``places``; issue 18 items 4, 6): left out of ``locations`` and of the parents
inferred from it, its mention kept in the evidence (a toponym all the same,
as LGL counts it)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


@pytest.mark.parametrize(("body", "city", "parent"), [
    ("MOSCOW (Sputnik) - Kyiv said drones struck an oil depot in Odesa.", "Moscow", "Russia"),
    ("HAVANA, Cuba -- The ministry said flights to Caracas would resume.", "Havana", None),
    ("BEIRUT, Oct 3 (Reuters) - Gunmen killed two soldiers in Aleppo.", "Beirut", "Lebanon"),
    ("(Beirut) – Iranian authorities executed a man in Tehran, Human Rights Watch said.", "Beirut", "Lebanon"),
])
def test_a_dateline_only_city_is_no_place_of_the_statement(gaz: Gazetteer, body: str, city: str,
                                                            parent: str | None) -> None:
    out = extract(Statement("d", "", body, "p"), gaz)
    assert city not in out.locations
    if parent is not None:
        assert parent not in out.locations
    # the mention stays, resolved (benchmarks.geo_recognition reads it)
    assert city in out.evidence["locations"] and "lat" in out.places[city]
    assert not any(city in claim.locations for claim in out.claims)


@pytest.mark.parametrize(("body", "city"), [
    ("SARAJEVO (Reuters) - Police in Sarajevo arrested two men.", "Sarajevo"),
    ("BEIRUT, Oct 3 (Reuters) - Gunmen killed two soldiers in a suburb of Beirut.", "Beirut"),
])
def test_a_dateline_city_named_again_is_a_place(gaz: Gazetteer, body: str, city: str) -> None:
    assert city in extract(Statement("d", "", body, "p"), gaz).locations


def test_a_dateline_city_named_in_the_title_is_a_place(gaz: Gazetteer) -> None:
    out = extract(Statement("d", "Clashes near Beirut", "BEIRUT (Reuters) - Gunmen killed two soldiers.", "p"), gaz)
    assert "Beirut" in out.locations
