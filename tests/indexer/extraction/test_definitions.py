"""Names a statement defines itself (``Long Name (ACR)``, ``ACR, or Long Name``)."""

from __future__ import annotations

import pytest

from indexer.extraction.definitions import find_definitions
from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def unknown(name: str) -> None:
    return None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United Nations Assistance Mission in Afghanistan (UNAMA) said.",
         [("UNAMA", "United Nations Assistance Mission in Afghanistan")]),
        ("The Sudan Revolutionary Front (SRF) said.", [("SRF", "Sudan Revolutionary Front")]),
        ("Fighters of the 23 March Movement, or M23, seized Goma.", [("M23", "23 March Movement")]),
        ("M23, or 23 March Movement, took Goma.", [("M23", "23 March Movement")]),
        ("RSF (Reporters Without Borders) said.", [("RSF", "Reporters Without Borders")]),
        ("Liz Throssell and the Syrian Observatory for Human Rights (SOHR) said.",
         [("SOHR", "Syrian Observatory for Human Rights")]),
        ("The Kachin Independence Army, known as KIA, fought.", [("KIA", "Kachin Independence Army")]),
        # not definitions
        ("DAMASCUS, Syria (AFP) - Jets struck.", []),
        ("In Damascus (SANA) said.", []),
        ("Russia, or Iran, will decide.", []),
    ],
)
def test_definitions_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(alias, long_name) for alias, long_name, _, _ in find_definitions(text, unknown)] == expected


def test_a_defined_name_is_an_actor_and_its_short_form_resolves(gaz: Gazetteer) -> None:
    text = ("The Northern Salvation Front (NSF) said 20 were killed. "
            "NSF added that Kabul was calm.")
    found = [(m.name, m.surface) for m in gaz.find_actors(text)]
    assert found == [("Northern Salvation Front", s) for s in ("Northern Salvation Front", "NSF", "NSF")]


def test_a_definition_wins_over_the_gazetteers_reading_of_the_short_form(gaz: Gazetteer) -> None:
    defined = "Reporters Without Borders (RSF) condemned the arrest. RSF said the journalist was held."
    assert {m.name for m in gaz.find_actors(defined)} == {"Reporters Without Borders"}
    assert [m.name for m in gaz.find_actors("The RSF attacked El Fasher.")] == ["Rapid Support Forces"]


def test_a_known_long_name_keeps_its_canonical_name(gaz: Gazetteer) -> None:
    text = "The Syrian Observatory for Human Rights (SOHR) said. SOHR added."
    assert {m.name for m in gaz.find_actors(text)} == {"Syrian Observatory for Human Rights"}


def test_context_decides_an_ambiguous_acronym(gaz: Gazetteer) -> None:
    press = "RSF condemned the arrest of two journalists in Minsk."
    war = "RSF fighters attacked El Fasher, the Sudanese army said."
    assert "Reporters Without Borders" in {m.name for m in gaz.find_actors(press)}
    assert "Rapid Support Forces" in {m.name for m in gaz.find_actors(war)}


# The acronym-first pattern checks "not after a word character or hyphen"
# after its first letter (so that ``re`` skips to capitals): it must match
# where the pattern with the check in front does.
@pytest.mark.parametrize("text", [
    "RSF (Reporters Without Borders)", "xRSF (Reporters Without Borders)", "-RSF (Reporters Without Borders)",
    "éRSF (x", "_RSF (x", "9RSF (x", "(RSF (x", "M23, or the 23 March Movement", "aM23, or 23 March Movement",
    "The UN (United Nations) and WHO (World Health Organization) said", "A-B (x", "AB-CD (x",
])
def test_acronym_first_matches_as_with_the_check_in_front(text: str) -> None:
    import re

    from indexer.extraction import definitions

    reference = re.compile(rf"(?<![\w-])({definitions._ACRONYM})"
                           rf"(?:[ \t]+\((?:the[ \t]+)?|,[ \t]+or[ \t]+(?:the[ \t]+)?)")
    assert [(m.span(), m.groups()) for m in definitions._ACRONYM_FIRST.finditer(text)] \
        == [(m.span(), m.groups()) for m in reference.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Iran and the powers signed the Joint Comprehensive Plan of Action (JCPOA) in 2015.",
        "He was held under the Prevention of Terrorism Act (PTA) for a year.",
        "Sri Lanka ratified the International Covenant on Civil and Political Rights (ICCPR).",
    ],
)
def test_a_defined_law_or_agreement_is_no_actor(gaz: Gazetteer, text: str) -> None:
    actors = extract(Statement("x", "", text, "p"), gaz).actors
    assert not any(word in a for a in actors for word in ("Plan of Action", "Act", "Covenant", "JCPOA", "PTA"))


def test_a_defined_body_is_still_an_actor(gaz: Gazetteer) -> None:
    text = "The Committee to Protect Journalists (CPJ) said two reporters were held."
    assert "Committee to Protect Journalists" in extract(Statement("x", "", text, "p"), gaz).actors
