"""Tests for indexer.extraction.claims: one positive and one negative case per type, the seed pins."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.extraction.claim_taxonomy import CLAIM_TYPES, PRIORITY
from indexer.extraction.claims import claim_types
from indexer.extraction.sentences import split_sentences

SEED = Path("/work/shared/seeds/000_fb413970f439558a.txt")

POSITIVE = [
    ("killing", "At least 29 Syrian rebels were killed in clashes overnight."),
    ("killing", "The death toll rose to 76, including 28 children."),
    ("killing", "Civilian casualties and fatalities mount; 12 martyrs were buried."),
    ("killing", "ISIL executed 19 men in Deir Ezzor."),
    ("bombardment", "Regime forces continue to rain barrel bombs on rebel-held areas."),
    ("bombardment", "Russian air-strikes and air raids hit the town."),
    ("bombardment", "An Israeli strike hit a camp in the Golan."),
    ("bombardment", "The army shelled the district with cluster munitions and rockets."),
    ("bombardment", "Bombarding civilians with cluster bombs must stop."),
    ("chemical_attack", "The regime used chemical weapons in Ghouta."),
    ("chemical_attack", "Victims showed symptoms of sarin, a nerve agent."),
    ("chemical_attack", "Helicopters dropped chlorine barrels releasing toxic gas."),
    ("siege", "Nearly 12,000 civilians are besieged in Darayya."),
    ("siege", "The regime encircled the town and imposed a starvation siege."),
    ("displacement", "The attacks forced tens of thousands of civilians to flee."),
    ("displacement", "The aim is forcing civilians out of their homes."),
    ("displacement", "It caused mass displacement; thousands were forcibly displaced."),
    ("displacement", "Refugees fleeing the bombing reached the border."),
    ("detention", "Security forces arrested dozens and detained activists."),
    ("detention", "Thousands of detainees have been forcibly disappeared."),
    ("detention", "Gunmen kidnapped two journalists and abducted a priest."),
    ("torture", "Detainees were tortured to death in regime prisons."),
    ("massacre", "The regime committed a horrific massacre in Houla."),
    ("genocide", "Such acts constitute genocide."),
    ("ethnic_cleansing", "These crimes amount to outright ethnic cleansing."),
    ("war_crimes", "Targeting hospitals is a war crime."),
    ("war_crimes", "This violates international humanitarian law."),
    ("crimes_against_humanity", "These are crimes against humanity."),
    ("ceasefire_violation", "Regime forces violated the truce in Aleppo."),
    ("ceasefire_violation", "Militias breached the cease-fire again."),
    ("ceasefire_violation", "It was a flagrant violation of the cessation of hostilities."),
    ("ceasefire_violation", "There were 12 ceasefire violations on Monday."),
    ("humanitarian_access", "The regime blocked aid convoys from entering Madaya."),
    ("humanitarian_access", "The UN demands humanitarian access to besieged areas."),
    ("humanitarian_access", "Agencies were unable to deliver aid to the town."),
    ("condemnation", "The Syrian Coalition strongly condemns the attack."),
    ("condemnation", "France denounced the bombing and deplored the loss of life."),
    ("call_to_action", "The Coalition calls on the Security Council to act."),
    ("call_to_action", "We urge the international community to intervene."),
    ("call_to_action", "The Coalition appeals to the free world to act."),
    ("call_to_action", "Immediate measures need to be taken to lift the sieges."),
    ("call_to_action", "The international community must act now."),
    ("call_to_action", "We demand that the regime release all prisoners."),
    ("responsibility_attribution", "The Coalition holds the UN Security Council responsible."),
    ("responsibility_attribution", "Russia bears full responsibility for the massacre."),
    ("responsibility_attribution", "The regime is responsible for the attack."),
    ("responsibility_attribution", "Washington blamed Damascus for the attack."),
    ("responsibility_attribution", "MSF accused the Syrian regime of using chemical weapons."),
]

NEGATIVE = [
    ("killing", "The delegation met in Geneva on Tuesday."),
    ("bombardment", "Talks in Astana resumed on Monday."),
    ("chemical_attack", "The Organisation for the Prohibition of Chemical Weapons met in The Hague."),
    ("siege", "The opposition delegation arrived."),
    ("displacement", "The minister was forced to resign."),
    ("detention", "The council held a meeting."),
    ("torture", "The report was published."),
    ("massacre", "The town was calm on Friday."),
    ("genocide", "The Convention on the Prevention and Punishment of the Crime of Genocide was adopted in 1948."),
    ("ethnic_cleansing", "The streets were cleaned after the festival."),
    ("war_crimes", "The war entered its sixth year."),
    ("crimes_against_humanity", "Crime rates rose in the capital."),
    ("ceasefire_violation", "The ceasefire came into effect at midnight."),
    ("humanitarian_access", "The convoy of ministers arrived in Damascus."),
    ("condemnation", "The court condemned him to death in absentia."),
    ("killing", "If found guilty, these journalists could be sentenced to death."),
    ("killing", "Tamil journalists were sent death threats."),
    ("killing", "Death-threat leaflet targeting Batticaloa journalists"),
    ("killing", "He has been on death-row since 2009."),
    ("killing", "The death penalty was abolished in 2016."),
    ("killing", "The leaflet threatened to kill the reporters."),
    ("call_to_action", "He received a phone call on Monday."),
    ("call_to_action", "The urgent meeting took place yesterday."),
    ("responsibility_attribution", "The UN has claimed responsibility for maintaining international peace and security."),
    ("responsibility_attribution", "A responsible government serves its people."),
    ("responsibility_attribution", "The ministry took over its responsibilities."),
]


def test_taxonomy_covers_required_types() -> None:
    required = {
        "killing", "bombardment", "chemical_attack", "siege", "displacement", "detention",
        "torture", "massacre", "genocide", "ethnic_cleansing", "war_crimes",
        "crimes_against_humanity", "ceasefire_violation", "humanitarian_access",
        "condemnation", "call_to_action", "responsibility_attribution",
    }
    assert required <= set(CLAIM_TYPES)
    assert set(PRIORITY) == set(CLAIM_TYPES)
    assert all(CLAIM_TYPES.values())


def test_every_type_has_positive_and_negative_examples() -> None:
    assert {t for t, _ in POSITIVE} == set(CLAIM_TYPES)
    assert {t for t, _ in NEGATIVE} == set(CLAIM_TYPES)


def test_taxonomy_is_documented() -> None:
    doc = (Path(__file__).parents[3] / "indexer" / "data" / "CLAIMS.md").read_text(encoding="utf-8")
    for kind in CLAIM_TYPES:
        assert f"`{kind}`" in doc


@pytest.mark.parametrize(("kind", "sentence"), POSITIVE)
def test_positive(kind: str, sentence: str) -> None:
    assert kind in claim_types(sentence)


@pytest.mark.parametrize(("kind", "sentence"), NEGATIVE)
def test_negative(kind: str, sentence: str) -> None:
    assert kind not in claim_types(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("", ()),
        ("The delegation arrived in Geneva.", ()),
        ("THE REGIME KILLED 20 CIVILIANS.", ("killing",)),
        ("The Coalition condemns the massacre and calls on the UN to act.",  # a massacre is a killing too
         ("massacre", "killing", "condemnation", "call_to_action")),
        ("Such acts constitute genocide and crimes against humanity.",
         ("genocide", "crimes_against_humanity")),
        ("Detainees were tortured to death.", ("torture", "detention", "killing")),
        ("Regime forces violated the cease\u2011fire by shelling Daraa.",
         ("ceasefire_violation", "bombardment")),
    ],
)
def test_types_and_order(sentence: str, expected: tuple[str, ...]) -> None:
    assert claim_types(sentence) == expected


def test_seed_claims() -> None:
    raw = SEED.read_text(encoding="utf-8")
    body = raw[raw.index("The Syrian Coalition warns") :]
    by_sentence = {body[s:e]: claim_types(body[s:e]) for s, e in split_sentences(body)}
    found = {kind for kinds in by_sentence.values() for kind in kinds}
    # The seed's "warns of an imminent massacre" is a warning, not a massacre that happened.
    assert {
        "genocide", "ethnic_cleansing", "bombardment", "displacement", "siege",
        "detention", "torture", "call_to_action", "responsibility_attribution",
    } <= found
    genocide = [s for s in by_sentence if "constitute genocide" in s]
    assert genocide and "genocide" in by_sentence[genocide[0]]
    peace = [s for s in by_sentence if "maintaining international peace" in s]
    assert peace and "responsibility_attribution" not in by_sentence[peace[0]]


@given(st.text(max_size=500))
def test_claim_types_never_raises(sentence: str) -> None:
    kinds = claim_types(sentence)
    assert len(set(kinds)) == len(kinds)
    assert set(kinds) <= set(CLAIM_TYPES)


# The shortcut in ``claims._matches`` (try the pattern only at words that can
# begin a trigger) must find exactly what a plain ``finditer`` finds.
def test_trigger_starts_are_known() -> None:
    from indexer.extraction import claims

    assert claims._PREFIX_AUTOMATON is not None, "the prefix reader gave up: claim typing runs unguarded (slow)"
    assert "kill" in {p[:4] for _, _, prefixes in claims._ENTRIES for p in prefixes or ()}


def _assert_same_matches(sentence: str) -> None:
    from indexer.extraction import claims

    text = claims.squeeze(sentence.lower().translate(claims._HYPHENS))
    expected = [(m.span(), m.lastgroup) for m in claims._PATTERN.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in claims._matches(text)] == expected


@pytest.mark.parametrize("sentence", [s for _, s in POSITIVE] + [
    "He was condemned to death; the regime killed 3 and is to blame for it.",
    "is is a an in violation of the truce, a are responsible for",
    "Dara'a's ill-treatment u.s. air strikes vx-gas 'killed'",
])
def test_shortcut_matches_finditer(sentence: str) -> None:
    _assert_same_matches(sentence)


@given(st.lists(st.sampled_from(["kill", "ed", "is", " ", "a", "-", "'", ".", "to blame",
                                         "for", "be", "responsible", "condemned", "truce", "é", "K"]),
               max_size=40).map("".join))
def test_shortcut_matches_finditer_fuzz(sentence: str) -> None:
    _assert_same_matches(sentence)


# ``claim_types_of`` types every sentence of a text in one pass; it must give
# what typing each sentence alone with a plain ``finditer`` gives.
def _reference_types(sentence: str) -> tuple[str, ...]:
    from indexer.extraction import claims

    text = claims.squeeze(sentence.lower().translate(claims._HYPHENS))
    found = {m.lastgroup for m in claims._PATTERN.finditer(text)
             if not claims._hedged(text, 0, len(text), m)} - {"skip", None}
    return claims._types(found)  # (ranked, with the types they imply: a massacre is a killing)


_PIECES = ["killed", "were", "is", "responsible for", "forced", "to flee", "truce", "violated", " ",
           ". ", ", ", "\n", "Σ", "İ", "\u00ad", "\u2011", "é", "_", "x", "Shelling", "U.S.", "aid",
           "blocked", "condemned to death", "call on", "Monday", "must"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join),
       st.lists(st.tuples(st.integers(-2, 80), st.integers(-2, 80)), max_size=6))
def test_claim_types_of_matches_each_span_alone(text: str, spans: list[tuple[int, int]]) -> None:
    from indexer.extraction.claims import claim_types_of

    assert claim_types_of(text, spans) == [_reference_types(text[s:e]) for s, e in spans]


def test_claim_types_of_sentences() -> None:
    from indexer.extraction.claims import claim_types_of

    text = SEED.read_text(encoding="utf-8") if SEED.exists() else " ".join(s for _, s in POSITIVE)
    spans = split_sentences(text)
    assert claim_types_of(text, spans) == [_reference_types(text[s:e]) for s, e in spans]


@given(st.text(alphabet=st.sampled_from(list("a-\u2010\u2011\u2012\u2013\u00adé ")), max_size=20))
def test_dehyphen_is_translate(text: str) -> None:
    from indexer.extraction import claims

    assert claims._dehyphen(text) == text.translate(claims._HYPHENS)


# Claims made without the taxonomy's keywords (issue 18, item 7).
@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("bombardment", "The aircraft struck a building in the town centre."),
        ("bombardment", "Drones hit a market, the third time this month."),
        ("bombardment", "Government forces fired rockets at residential areas of Idlib."),
        ("bombardment", "Strikes on hospitals have become routine."),
        ("killing", "The shooting of prisoners was documented by the mission."),
        ("killing", "Soldiers opened fire on protesters outside the ministry."),
        ("killing", "The journalist was shot dead outside his home."),
        ("displacement", "The army drove 730,000 across the border into Bangladesh."),
        ("displacement", "Tens of thousands fled to Chad after the attacks."),
        ("displacement", "Families sought refuge in neighbouring villages."),
        ("call_to_action", "The Security Council should urgently impose an arms embargo."),
        ("call_to_action", "We request that the parties return to the table."),
        ("humanitarian_access", "Agencies are mobilizing aid for the victims of the floods."),
        ("ceasefire_violation", "The militia broke the truce within hours."),
        ("ceasefire_violation", "The shelling came despite an extension of a nationwide truce."),
        ("war_crimes", "They breached international humanitarian law, he wrote."),
        ("responsibility_attribution", "The Islamic State claimed responsibility for the bombing."),
        ("responsibility_attribution", "The acts of displacement probably perpetrated by the Serbian forces."),
        ("responsibility_attribution", "Groups linked to the former government have been implicated."),
        ("responsibility_attribution", "ISIS fighters also claimed a suicide attack on a rival group."),
    ],
)
def test_claims_without_keywords(kind: str, sentence: str) -> None:
    assert kind in claim_types(sentence)


# Hypotheticals, denials, negations and weapons that were not used are no claim
# that the act happened (issue 18, item 6 and 7).
@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("chemical_attack", "A chemical attack would be a game changer."),
        ("chemical_attack", "If chemical weapons were used, the response will be firm."),
        ("bombardment", "The ministry denied that its aircraft had struck the hospital."),
        ("killing", "No one was killed in the incident."),
        ("chemical_attack", "The government did not use chemical weapons, the envoy said."),
        ("massacre", "The Coalition warns of an imminent massacre in the town."),
        ("genocide", "The world must act to prevent genocide."),
        ("bombardment", "Police found rockets and mortars stored in the house."),
        ("bombardment", "Iran continues its ballistic missile programme."),
        ("ceasefire_violation", "Russia and Turkey brokered a truce in the north."),
        ("ceasefire_violation", "The parties agreed to adopt a truce."),
    ],
)
def test_no_claim_that_it_happened(kind: str, sentence: str) -> None:
    assert kind not in claim_types(sentence)


def test_double_negatives_and_plain_acts_still_count() -> None:
    assert "bombardment" in claim_types("Troops have not stopped shelling the town.")
    assert "killing" in claim_types("Regime forces killed 20 civilians, the monitor said.")
    assert claim_types("Jets bombed the market, killing 12.") == ("bombardment", "killing")


# Typing checks the hedging patterns only in sentences holding one of their
# cue words (``claims._HEDGE_CUE``): the shortcut must type as they do.
_HEDGED_PIECES = ["killed", "shelled", "were", "chemical weapons", "massacre", " ", ", ", ". ", " - ", "(",
                  "would", "could", "might", "not", "no", "nor", "never", "neither", "n't", "don't", "if",
                  "unless", "in case", "lest", "without", "prevent", "avoided", "risk of", "threatened to",
                  "fears of", "possibility of", "imminent", "looming", "denied", "refuted", "rejected the claims",
                  "options to", "ways to", "way to", "intended to", "intention to",
                  "X", "é", "-"]


@given(st.lists(st.sampled_from(_HEDGED_PIECES), max_size=24).map("".join))
def test_hedging_shortcut_types_as_the_patterns(sentence: str) -> None:
    from indexer.extraction.claims import claim_types_of

    assert claim_types_of(sentence, [(0, len(sentence))]) == [_reference_types(sentence)]


@pytest.mark.parametrize("sentence", [
    "A chemical attack would be a game changer.", "If chemical weapons were used, they will pay.",
    "No one was killed.", "They did not shell the town.", "It was shelled, they didn't deny it.",
    "Nor was anyone killed.", "Jets could have shelled it.", "The risk of a massacre is imminent.",
    "They denied the reports that jets shelled the town.", "Troops have not stopped shelling the town.",
])
def test_hedging_shortcut_on_sentences(sentence: str) -> None:
    from indexer.extraction.claims import claim_types_of

    assert claim_types_of(sentence, [(0, len(sentence))]) == [_reference_types(sentence)]


# Held-out gold (stop 31): causes of misses and false claims that recur in any text.
@pytest.mark.parametrize(("sentence", "kind"), [
    ("It comes with lower respect for human rights, loss of life and social unrest.", "killing"),
    ("UNHCR provides food to some 100,000 refugees in the camps in eastern Nepal.", "displacement"),
    ("Conflicts have resulted in an influx of a large number of refugees.", "displacement"),
    ("The Government will solve the problem of refugees from Bhutan.", "displacement"),
    ("Rights groups have repeatedly criticised the use of barrel bombs.", "condemnation"),
])
def test_heldout_claims_are_found(sentence: str, kind: str) -> None:
    assert kind in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "US sanctions four Iranians over alleged plot to kidnap journalist",
    "The team allegedly planned the abduction of the journalist.",
    "The Iranian government's kidnapping plot is another example of its repression.",
    "Gunmen tried to kill him but he escaped.",
    "The rebels made attempts to besiege the town.",
])
def test_a_planned_or_attempted_act_is_no_claim(sentence: str) -> None:
    assert not set(claim_types(sentence)) & {"detention", "killing", "siege"}


def test_the_refugee_agencys_name_is_no_displacement() -> None:
    assert "displacement" not in claim_types("The Office of the High Commissioner for Refugees deserves praise.")


@pytest.mark.parametrize("sentence", [
    "People are living in fear of criticising the government.",
    "He was jailed for his articles criticising the president.",
])
def test_a_critics_trade_is_no_condemnation(sentence: str) -> None:
    assert "condemnation" not in claim_types(sentence)


def test_critics_described_make_no_condemnation() -> None:
    sentence = "Several other people who criticized these groups have been threatened on social media."
    assert "condemnation" not in claim_types(sentence)


def test_a_massacre_is_a_killing() -> None:
    assert claim_types("The civil war degenerated into the massacre of thousands of civilians.") == ("massacre", "killing")


def test_raids_claimed_by_a_group_are_attributed() -> None:
    sentence = "Kenya sent troops after a series of kidnappings and raids on Kenyan soil claimed by al Shabaab."
    assert "responsibility_attribution" in claim_types(sentence)
