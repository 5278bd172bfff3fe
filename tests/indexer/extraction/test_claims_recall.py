"""Claims without the taxonomy's usual verbs (issue 18, item 7): lives lost,
calls in the passive or through what someone wants."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.extraction.claims import claim_types_and_triggers_of


def types(sentence: str) -> list[str]:
    found, _ = claim_types_and_triggers_of(sentence, [(0, len(sentence))])
    return list(found[0])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The vacuum resulted in the estimated loss of 1 million lives.", "killing"),
        ("2023 has been the deadliest year for civilians in a decade.", "killing"),
        ("Those armed groups should be neutralized and disarmed.", "call_to_action"),
        ("Bolder action is required to uproot them.", "call_to_action"),
        ("The UN wants the administration to release them immediately.", "call_to_action"),
        ("We have to offer urgently needed humanitarian aid.", "call_to_action"),
    ],
)
def test_claims_without_usual_triggers(sentence: str, expected: str) -> None:
    assert expected in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It should be noted that the meeting ended early.",
        "We have to be honest about the figures.",
    ],
)
def test_no_call_without_one(sentence: str) -> None:
    assert "call_to_action" not in types(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # UN records made from PDFs: lines broken and words double-spaced inside sentences
        ("The rebellion resulted in the loss of  many innocent lives.", "killing"),
        ("The rebellion resulted in the loss of\nmany innocent lives.", "killing"),
        ("Thousands of families fled  their homes.", "displacement"),
    ],
)
def test_triggers_match_across_line_breaks_and_double_spaces(sentence: str, expected: str) -> None:
    assert expected in types(sentence)


def test_triggers_across_runs_of_spaces_point_into_the_text() -> None:
    text = "Calm.  Jets  carried out air\n\n strikes  on Homs."
    spans = [(0, 5), (7, len(text))]
    found, triggers = claim_types_and_triggers_of(text, spans)
    assert found == [(), ("bombardment",)]
    assert [text[a:b] for _, a, b in triggers[1]] == ["air\n\n strikes"]


# Condemnations, calls, attributions and aid said without the usual verbs (issue 18, item 7).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The images have elicited widespread denunciation on social media.", "condemnation"),
        ("The U.N. insisted it was \u201coutrageous\u201d for protesters to be imprisoned.", "condemnation"),
        ("What we find inexcusable is the position of certain countries.", "condemnation"),
        ("Amnesty referred to it as a \"horrifying execution spree\".", "condemnation"),
        ("Calling the attack reprehensible, the president spoke for an hour.", "condemnation"),
        ("These heinous actions cannot be tolerated, he said.", "condemnation"),
        ("The Secretary-General is appalled by the escalation.", "condemnation"),
        ("The family has demanded to know where he is being held.", "call_to_action"),
        ("They demand accountability for the killings.", "call_to_action"),
        ("The commission is requesting to be informed of his whereabouts.", "call_to_action"),
        ("Amnesty International asks Russia to free jailed activists.", "call_to_action"),
        ("The violent conflict was plotted by the former vice-president.", "responsibility_attribution"),
        ("Decades of conflict were inflicted on us by the rebel movement.", "responsibility_attribution"),
        ("Two died from injuries inflicted by the security services.", "responsibility_attribution"),
        ("Gang members suspected of involvement in the abduction were questioned.", "responsibility_attribution"),
        ("Lai was arrested on suspicion of sedition.", "responsibility_attribution"),
        ("The attacks massively violate human rights and humanitarian law.", "war_crimes"),
        ("Those responsible for grave violations of the Fourth Geneva Convention must be tried.", "war_crimes"),
        ("Their arrest, ill treatment and confinement are a breach of human rights.", "torture"),
        ("UNHCR deserves praise for providing necessary food and other services to 100,000 refugees.",
         "humanitarian_access"),
        ("The agency provides vital relief, education and health services to millions of refugees.",
         "humanitarian_access"),
        ("Our priority has been to meet the immediate humanitarian needs of displaced civilians.",
         "humanitarian_access"),
    ],
)
def test_claims_said_another_way(sentence: str, expected: str) -> None:
    assert expected in types(sentence)


# General diplomatic language and generic phrases that make no claim of that type.
@pytest.mark.parametrize(
    ("sentence", "unexpected"),
    [
        ("It must be recalled that the group occupied the territory for two decades.", "call_to_action"),
        ("Today I must present yet another recent act of aggression.", "call_to_action"),
        ("I did the same as President, to little effect, I must confess.", "call_to_action"),
        ("Let us begin with the United States.", "call_to_action"),
        ("Natural disasters have become a phenomenon that we have to live with.", "call_to_action"),
        ("There is solid demand to support it.", "call_to_action"),
        ("Police fatally shot a man after he fled when they asked him to stop.", "call_to_action"),
        ("Ghana supports the principle of the responsibility to protect.", "call_to_action"),
        ("Survivors are inhibited in holding perpetrators accountable.", "responsibility_attribution"),
        ("Police will investigate, identify and prosecute the perpetrators of this crime.",
         "responsibility_attribution"),
        ("We all bear responsibility.", "responsibility_attribution"),
        ("It was unclear whether the damage was inflicted by an air strike or shelling.",
         "responsibility_attribution"),
        ("Remains suspected of belonging to migrants were found in the desert.", "responsibility_attribution"),
        ("States must protect populations from genocide, war crimes, ethnic cleansing and crimes against "
         "humanity.", "crimes_against_humanity"),
        ("Ireland is satisfied with progress on the issue of cluster munitions.", "bombardment"),
        ("The hospital provides medical care for around 8000 people.", "humanitarian_access"),
        ("Jails don't provide food and water for the prisoners.", "humanitarian_access"),
        ("We must mobilize all available resources to reach our goals.", "humanitarian_access"),
        ("The officer researched options to abduct the victim.", "detention"),
        ("The military publishes the names of those they intend to arrest.", "detention"),
    ],
)
def test_no_claim_of_that_type(sentence: str, unexpected: str) -> None:
    assert unexpected not in types(sentence)


def test_calls_to_act_still_count_after_the_rhetoric_rules() -> None:
    assert "call_to_action" in types("We have a responsibility to protect civilians.")
    assert "call_to_action" in types("We need to act.")
    assert "responsibility_attribution" in types("We hold the regime responsible for the attack.")
    assert "crimes_against_humanity" in types("The militia committed war crimes and crimes against humanity.")


def test_a_sentence_s_triggers_across_runs_of_spaces_point_into_it() -> None:
    from indexer.extraction.claims import claim_triggers

    sentence = "Jets  carried out air\n\n strikes."
    assert [(kind, sentence[a:b]) for kind, a, b in claim_triggers(sentence)] == [("bombardment", "air\n\n strikes")]


def test_an_attribution_s_trigger_ends_at_its_by() -> None:
    # (what ``roles`` reads to take the name right after it as ``by``)
    from indexer.extraction.claims import claim_triggers

    sentence = "Atrocities were repeatedly inflicted by the Burmese military."
    assert [sentence[a:b] for _, a, b in claim_triggers(sentence)] == ["inflicted by"]


def test_justice_for_unnamed_perpetrators_keeps_the_crimes_named() -> None:
    assert "war_crimes" in types("We must hold those responsible for war crimes accountable.")


def test_the_ascii_shortcut_finds_every_run() -> None:
    from indexer.extraction import whitespace_runs

    for c in range(128):
        text = f"a{chr(c)}b"
        squeezed = whitespace_runs.Runs.of(text).squeezed
        assert (squeezed != text) == (whitespace_runs.RUN.search(text) is not None), repr(chr(c))
    assert whitespace_runs.Runs.of("a  b").squeezed == "a b"


def test_weapons_placed_or_withdrawn_are_no_bombardment() -> None:
    assert "bombardment" not in types("They call for the placement of heavy weapons and artillery under supervision.")
    assert "bombardment" not in types("The withdrawal of heavy artillery from the line was verified.")
    assert "responsibility_attribution" not in types(
        "We will prosecute both the intellectual and material perpetrators of this crime.")


@given(st.text(alphabet=st.sampled_from(list("ab .\t\n\r\x0b\x0c\x1c\x1f\u00a0\u2003é")), max_size=40))
def test_runs_are_the_whitespace_runs(text: str) -> None:
    from indexer.extraction import whitespace_runs

    expected = [m.span() for m in re.finditer(r"\s{2,}|[^\S ]", text)]
    assert [m.span() for m in whitespace_runs.RUN.finditer(text)] == expected
    assert whitespace_runs.run_spans(text) == expected
    ascii_text = text.encode("ascii", "ignore").decode("ascii")
    assert whitespace_runs.run_spans(ascii_text) == [m.span() for m in re.finditer(r"\s{2,}|[^\S ]", ascii_text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "A court sentenced the pastor to 14 years in prison on Tuesday.",
        "The blogger was jailed for three years for insulting the president.",
        "Two reporters remain behind bars after their trial.",
        "The journalist received a five-year prison sentence.",
        "The activists were sent to prison without a trial.",
    ],
)
def test_prison_terms_are_detention(sentence: str) -> None:
    """A person sentenced to prison, jailed or behind bars is deprived of liberty."""
    assert "detention" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister visited the prison to inspect its kitchens.",
        "The court sentenced him to a fine of 500 dollars.",
        "Prison reform was debated in parliament.",
    ],
)
def test_no_detention_without_a_person_held(sentence: str) -> None:
    assert "detention" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Three people were later handed suspended prison sentences over the attack.",
        "The charge carries a maximum sentence of 15 years in prison.",
        "Offenders can be sentenced to a maximum of 3 years in prison.",
    ],
)
def test_no_detention_in_a_suspended_or_maximum_sentence(sentence: str) -> None:
    assert "detention" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Assad regime surrounds Aleppo as rebels retreat",
        "Government troops have surrounded the town for three months.",
        "Fighters surrounded the city and cut off the last road.",
    ],
)
def test_forces_surrounding_a_place_is_a_siege(sentence: str) -> None:
    assert "siege" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters surrounded the parliament building on Monday.",
        "The village is surrounded by mountains.",
        "Controversy surrounds the election results.",
    ],
)
def test_no_siege_in_other_surroundings(sentence: str) -> None:
    assert "siege" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Strikes hit the city and its surrounding towns and villages.",
        "The army surrounded the terrorists and attacked them in an ambush.",
    ],
)
def test_no_siege_in_surrounding_towns_or_fighters_surrounded(sentence: str) -> None:
    assert "siege" not in types(sentence)
