"""A state's government and police named without the state in a text about
one state (issue 18 items 2 and 5; stop 35 ``govbodies8``): ``a government
spokesman said`` (the state, as ``the Government of X``), ``the national
police service`` (its police); ``riot police`` without a nationality is none."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def actors(gaz: Gazetteer, body: str) -> list[str]:
    return extract(Statement("x", "", body, "p"), gaz).actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The activists were detained in Addis Ababa, Ethiopia. A government spokesman said they were "
         "criminals.", "Ethiopia"),
        ("The activists were detained in Addis Ababa. Legesse Tulu, the government's spokesman, said the "
         "protests were illegal in Ethiopia.", "Ethiopia"),
        ("The national police service said officers had arrested the activist in Nairobi, Kenya.",
         "Kenya Police Service"),
        ("The national police said the activist had been arrested in Bogota, Colombia.", "Colombian police"),
    ],
)
def test_body_of_the_texts_state(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in actors(gaz, text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("Riot police in Kenya dispersed the protesters with tear gas.", "Riot police"),
        # no state, or two states alike
        ("A government spokesman said the protesters were criminals.", "Ethiopia"),
        ("The national police clashed with protesters in Kenya and Uganda.", "Kenya Police Service"),
        # riot police without a nationality: no actor (CONVENTIONS.md, as "security forces")
        ("The activist was arrested in Harare, Zimbabwe, by riot police.", "Zimbabwean police"),
        # a named spokesman may be another state's (a minister in Paris on a strike in Syria)
        ("The army shelled Aleppo and Homs in Syria. Government spokeswoman Anne Martin told reporters in "
         "Paris the attack was a crime.", "Syria"),
        # the spokesman of another body
        ("A spokesman for the Kenyan Red Cross said the clinic in Nairobi, Kenya, was closed.", "Kenya"),
    ],
)
def test_no_body_without_one_state(gaz: Gazetteer, text: str, unexpected: str) -> None:
    assert unexpected not in actors(gaz, text)


def test_a_city_opening_a_documents_name_gives_no_state(gaz: Gazetteer) -> None:
    """``the Beijing Platform for Action`` names a document, not a place in China:
    no focus state, so the bare ``Parliament`` after it is no Chinese legislature."""
    text = ("We honour our commitments under the Beijing Platform for Action. "
            "The committee's report was debated and Parliament adopted it.")
    found = extract(Statement("x", "", text, "p"), gaz)
    assert "China" not in found.locations
    assert not any(a.endswith("Parliament") for a in found.actors)
