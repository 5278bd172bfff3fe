"""A state's legislature named in ordinary forms (issue 18 item 1; stop 35
``govbodies8``; CONVENTIONS.md: one actor per state, its chambers
included): a country or demonym before a chamber's name or its members
(``Pakistan's National Assembly``, ``Kenyan lawmakers``), the United States'
chambers as the ``United States Congress``, and a bare chamber or ``the
country's parliament`` as the legislature of the one state the text is about."""

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
        ("Pakistan's National Assembly adopted a resolution condemning the attack.", "Pakistani Parliament"),
        ("Kenyan lawmakers voted to expel the activists.", "Kenyan Parliament"),
        ("Ugandan MPs passed the anti-gay bill on Tuesday.", "Ugandan Parliament"),
        ("The Nigerian Senate summoned the police chief.", "Nigerian Parliament"),
        ("Mexico's Congress approved the reform.", "Mexican Parliament"),
        ("The Colombian Congress approved the peace deal.", "Colombian Parliament"),
        ("The US Senate voted to condemn the killings in Yemen.", "United States Congress"),
        ("The US House of Representatives approved the measure.", "United States Congress"),
        ("The bill now goes to the US Congress.", "United States Congress"),
        ("American lawmakers demanded an inquiry.", "United States Congress"),
        ("The Knesset approved the bill in a first reading.", "Knesset"),
        # a bare chamber or "the country's parliament" in a text about one state
        ("The Ugandan government arrested the activists in Kampala, Uganda. The country's parliament "
         "passed the law.", "Ugandan Parliament"),
        ("The activists were arrested in Nairobi, Kenya, after the National Assembly passed the law.",
         "Kenyan Parliament"),
        ("The US government imposed sanctions on Iran, the White House said. Congress passed the bill on Monday.",
         "United States Congress"),
    ],
)
def test_legislature_is_an_actor(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in actors(gaz, text)


def test_chambers_are_one_actor(gaz: Gazetteer) -> None:
    found = actors(gaz, "The US Senate passed the bill and the US House of Representatives approved it.")
    assert found.count("United States Congress") == 1
    assert not any(a.endswith("Parliament") for a in found)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # bare members are a generic group; a bare chamber with no state or two states stays unread
        ("Lawmakers said the law would be repealed.", "Parliament"),
        ("The Senate voted on Tuesday.", "Parliament"),
        ("Kenya and Uganda signed the deal. The National Assembly will vote on it.", "Parliament"),
        # a chamber of another body, a building
        ("The activists met in Nairobi, Kenya, at the Congress of Trade Unions.", "Parliament"),
        ("South Africans protested outside their Parliament in Cape Town, South Africa.", "Parliament"),
        ("Students were flogged near the Senate building in Kampala, Uganda.", "Parliament"),
        # a chamber as the venue of an act (``in Parliament``) is no actor of its own
        ("Kenya's women need help. A report on the violence has been put forward in Parliament.", "Parliament"),
    ],
)
def test_no_legislature_without_a_state(gaz: Gazetteer, text: str, unexpected: str) -> None:
    assert not any(unexpected in a or a == "United States Congress" for a in actors(gaz, text))


def test_chamber_of_the_state_its_sentence_names(gaz: Gazetteer) -> None:
    # a roundup about Britain: a sentence naming Liberia gives Liberia's chamber, not Britain's
    text = ("Workers struck across the United Kingdom. British unions met in London and Manchester, England. "
            "Workers from the House of Representatives in Liberia besieged the Speaker's vehicle.")
    found = actors(gaz, text)
    assert "British Parliament" not in found
    assert "Liberian Parliament" in found or "Parliament of Liberia" in found


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # India's Congress is a party; a text naming two states with a Congress leaves it
        ("Congress leaders were arrested in Lucknow, India, and Congress workers protested in Delhi, India.",
         "Indian Parliament"),
        ("We must urge Congress to stop the US arms sales to the Philippines.", "United States Congress"),
    ],
)
def test_bare_congress_only_of_one_state_with_a_congress(gaz: Gazetteer, text: str, unexpected: str) -> None:
    assert unexpected not in actors(gaz, text)


def test_bare_congress_not_of_a_state_named_in_passing(gaz: Gazetteer) -> None:
    text = ("Police arrested the editor in Chennai, India. India's government denied it. Indian activists "
            "protested in Delhi, India. He left the Congress in 1925 after a visit to the Philippines.")
    assert not any(a.endswith("Parliament") for a in actors(gaz, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dotted abbreviation names the chamber's state, whatever else the sentence names
        ("The U.S. House of Representatives passed bills in support of Hong Kong protesters.",
         "United States Congress"),
        # "the parliament" in lower case, in a text about one state
        ("Russia blocked Facebook. News website Znak said it was closing shortly after the parliament "
         "approved the bill.", "State Duma"),
    ],
)
def test_chamber_named_in_news_forms(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in actors(gaz, text)


def test_chamber_as_a_modifier_is_no_actor(gaz: Gazetteer) -> None:
    text = ("Pompeo said China commits genocide in Xinjiang, China. In his Senate confirmation hearings, "
            "Antony Blinken seconded Pompeo.")
    assert not any(a.endswith("Parliament") for a in actors(gaz, text))
