"""Claim roles (issue 21): who the act is attributed to, whom it targets, where, who says so."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.extraction.claims import claim_types_and_triggers_of, claim_types_of
from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Claim, Statement, claim_to_json
from indexer.extraction.roles import claim_roles


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _claim(gazetteer: Gazetteer, sentence: str) -> Claim:
    extraction = extract(Statement(id="t", title="", body=sentence, source="t"), gazetteer)
    (claim,) = extraction.claims
    return claim


def _roles(claim: Claim) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for role, name, _s, _e in claim.roles:
        out.setdefault(role, []).append(name)
    return out


@pytest.mark.parametrize("sentence, expected", [
    # the grammatical agent, with agent nouns and light verbs between
    ("Regime forces shelled Homs on Tuesday.", {"by": ["Syrian Armed Forces"], "in": ["Homs"]}),
    ("Russia and the Assad regime bombed Aleppo.", {"by": ["Russia", "Assad regime"], "in": ["Aleppo"]}),
    ("The Rapid Support Forces killed dozens of civilians in El Fasher.",
     {"by": ["Rapid Support Forces"], "against": ["civilians"], "in": ["El Fasher"]}),
    # by X in a passive; perpetrated by
    ("The massacre was perpetrated by ISIS in Sinjar.", {"by": ["Islamic State"], "in": ["Sinjar"]}),
    ("Twelve civilians were killed by the Rapid Support Forces in El Fasher.",
     {"by": ["Rapid Support Forces"], "against": ["civilians"], "in": ["El Fasher"]}),
    # X's strikes, X-led; the condemner is the speaker, not the agent
    ("The UK condemned Russia's air strikes on Idlib.",
     {"by": ["Russia"], "in": ["Idlib"], "speaker": ["United Kingdom"]}),
    ("The Saudi-led coalition's air strikes on Sanaa killed 20 Houthi fighters.",
     {"by": ["Saudi-led coalition"], "against": ["Houthis"], "in": ["Sanaa"]}),
    # reported accusations: the accused is by, the accuser speaks
    ("Russia accused Ukraine of shelling the Zaporizhzhia nuclear plant.", {"by": ["Ukraine"], "speaker": ["Russia"]}),
    ("The Syrian Coalition holds the Assad regime and Iran responsible for the massacre in Darayya.",
     {"by": ["Assad regime", "Iran"], "in": ["Darayya"], "speaker": ["Syrian Coalition"]}),
    ("Russia was on Monday accused of dropping phosphorus bombs on Idlib.", {"by": ["Russia"], "in": ["Idlib"]}),
    # X said: a speaker, never by
    ("Russian warplanes struck a hospital in Idlib, killing 12 civilians, the Syrian Observatory said.",
     {"by": ["Russian Armed Forces"], "against": ["hospitals", "civilians"], "in": ["Idlib"],
      "speaker": ["Syrian Observatory for Human Rights"]}),
    ("Dozens were killed in Aleppo, according to the Syrian Observatory.",
     {"in": ["Aleppo"], "speaker": ["Syrian Observatory for Human Rights"]}),
    # the subject of a passive is the target
    ("Hezbollah fighters were killed in Qusayr.", {"against": ["Hezbollah"], "in": ["Qusayr"]}),
    # a place the act is not in: a speaker's seat, a call's addressee, a name after a preposition
    ("The UN envoy based in Geneva said jets bombed Aleppo.", {"in": ["Aleppo"]}),
    ("Britain called on Damascus to stop the shelling.", {"speaker": ["United Kingdom"]}),
    ("Coalition raids near Kobani Syria reportedly killed 35 fighters.", {"in": ["Kobani"]}),
    # one strike named by its state's adjective, as several are (``Russian airstrikes``)
    ("Eleven people were killed in a Russian air strike on Idlib.", {"by": ["Russia"], "in": ["Idlib"]}),
    # a country after "in" whose strikes or forces follow is their agent, not the place
    ("Ten people were killed in Russia's air strikes on Idlib.", {"by": ["Russia"], "in": ["Idlib"]}),
    ("Ten people were killed in U.S. air strikes on Raqqa.", {"by": ["United States"], "in": ["Raqqa"]}),
    ("Ten people were killed in the US latest airstrike on Raqqa.", {"by": ["United States"], "in": ["Raqqa"]}),
    ("Eighteen jihadists were killed in Syria raid on Monday.", {"in": ["Syria"]}),  # a full name: where
    # a progressive between agent and act; not in a relative clause (the one killed is no agent)
    ("The regime is using barrel bombs against civilians in Daraa.",
     {"by": ["Assad regime"], "against": ["civilians"], "in": ["Daraa"]}),
    ("Russia has been using cluster munitions in Idlib.", {"by": ["Russia"], "in": ["Idlib"]}),
    # a progressive of a light verb (``conducted``, ``carried out`` are light verbs already)
    ("The US-led coalition has been conducting airstrikes against Isis in Syria.",
     {"by": ["US-led coalition"], "in": ["Syria"]}),
    ("Russia has been carrying out air strikes in Idlib for weeks.", {"by": ["Russia"], "in": ["Idlib"]}),
    ("Journalists were conducting interviews when the shelling began in Homs.", {"in": ["Homs"]}),
    ("Boris Nemtsov, who was killed in Moscow in 2015, was a critic.", {"in": ["Moscow"]}),
    # a progressive of the act itself (an -ing trigger after a form of "be")
    ("Turkey was shelling Kurdish positions near Afrin.", {"by": ["Turkey"], "in": ["Afrin"]}),
    ("The Nusra Front have been shelling the city.", {"by": ["Hayat Tahrir al-Sham"]}),
    # a demonym sharing the head noun of the forces after it: both are agents
    ("In Syria, 85 civilians were killed in bombardments by Russian and regime forces on Aleppo.",
     {"by": ["Russian Armed Forces", "Syrian Armed Forces"], "against": ["civilians"], "in": ["Aleppo"]}),
    ("An Israeli drone strike killed three fighters in Quneitra.", {"by": ["Israel"], "in": ["Quneitra"]}),
    # a headline's passive accusation, a group claiming an attack, an abbreviation in brackets
    ("Syrian regime accused of dropping barrel bombs on Daraya.", {"by": ["Assad regime"], "in": ["Darayya"]}),
    ("The Islamic State group claimed the attack that killed 20 people in Damascus.",
     {"by": ["Islamic State"], "in": ["Damascus"]}),
    ("An Islamic State (IS) car bomb killed 20 people in Deir ez-Zor.", {"by": ["Islamic State"], "in": ["Deir ez-Zor"]}),
    # a name that is the act itself; a light verb between agent and act
    ("An Israeli attack on a camp near Quneitra killed three fighters.", {"by": ["Israel"], "in": ["Quneitra"]}),
    ("Turkey started shelling positions near Azaz.", {"by": ["Turkey"], "in": ["Azaz"]}),
    # the agent of a relative clause after the act; verbs joined by "and"; "a number of"
    ("The Syrian Coalition condemned the war crimes the Iranian militias are committing in Aleppo.",
     {"by": ["Iran"], "in": ["Aleppo"], "speaker": ["Syrian Coalition"]}),
    ("Hamas maimed and killed some 1,200 people.", {"by": ["Hamas"]}),
    ("Armenia committed a number of war crimes against civilians.", {"by": ["Armenia"], "against": ["civilians"]}),
    # in a text about Syria, a regime's act names its forces as the agent
    ("The renewed regime bombardment of rebel-held parts of Aleppo killed 12.",
     {"by": ["Syrian Armed Forces"], "in": ["Aleppo"]}),
    # after "said", a name with a verb of its own is the reported clause's subject, not the speaker
    ("The Observatory said Israeli jets were flying over Gaza after the bombardment.",
     {"speaker": ["Syrian Observatory for Human Rights"], "in": ["Gaza Strip"]}),
    # a capital accused of an act is its state, not a place
    ("Washington has accused Moscow of war crimes in Aleppo.",
     {"by": ["Russia"], "in": ["Aleppo"], "speaker": ["United States"]}),
    # the acts of an X-led coalition that has a name: the coalition's
    ("Activists said that US-led airstrikes killed 20 civilians in Raqqa.",
     {"by": ["US-led coalition"], "against": ["civilians"], "in": ["Raqqa"]}),
    # ... also after a demonym (no actor's name of its own), when the coalition is known
    ("Activists said that Saudi-led airstrikes killed 20 civilians in Sanaa.",
     {"by": ["Saudi-led coalition"], "against": ["civilians"], "in": ["Sanaa"]}),
    ("American-led air raids hit a bridge in Raqqa.", {"by": ["US-led coalition"], "in": ["Raqqa"]}),
    ("Russian-led airstrikes hit a bridge in Idlib.", {"in": ["Idlib"]}),  # no Russian-led coalition known
    # the accuser in a relative clause is no accused
    ("Ukraine, which Russia accused of shelling the plant, denied it.", {"speaker": ["Russia"]}),
    # a place an attack is "against" is where it happened (not a protest's: no act)
    ("The regime intensified air strikes against Douma on Sunday.", {"by": ["Assad regime"], "in": ["Douma"]}),
    ("Thousands protested against Israel after the massacre.", {}),
    ("ISIL used chemical weapons against Syria Kurds in Hasakeh.", {"by": ["Islamic State"], "in": ["Hasakah"]}),
    # a self-report with a light verb: the speaker is the agent, across a relative clause too
    ("Russia said it carried out air strikes in Idlib.", {"by": ["Russia"], "in": ["Idlib"], "speaker": ["Russia"]}),
    ("The Saudi-led coalition said on Sunday that it had launched new air strikes on Sanaa.",
     {"by": ["Saudi-led coalition"], "in": ["Sanaa"], "speaker": ["Saudi-led coalition"]}),
    ('The US-led coalition, which launched an air war against IS last September, said it had carried out '
     '"significant" air strikes on Raqqa.',
     {"by": ["US-led coalition"], "in": ["Raqqa"], "speaker": ["US-led coalition"]}),
    # ... not when the clause has an object that "it"/"they" may be; its names do not speak
    ("The US-led coalition which fights Islamic State said it carried out air strikes near Raqqa.",
     {"in": ["Raqqa"], "speaker": ["US-led coalition"]}),
    # ... nor a clause whose end is unsure (no comma: a new subject, a noun "charges"), or a passive
    # (the state's broadcaster that reports is its speaker: stop 35, outlets8)
    ("Air strikes hit the Islamic State group which controls the city the Syrian state broadcaster reported.",
     {"speaker": ["Syrian state broadcaster"]}),
    ("Nodeep Kaur, who was arrested in Haryana on criminal charges during the protests, was released.",
     {"in": ["Haryana"]}),
    ("The Islamic State group which killed 20 people in Raqqa was reported to be retreating.", {"by": ["Islamic State"]}),
    # ... nor when "it" does something else, or another name precedes the act
    ("Amnesty said it carried out an investigation into the air strikes in Idlib.",
     {"in": ["Idlib"], "speaker": ["Amnesty International"]}),
    ("Russia said the regime had carried out air strikes in Idlib.",
     {"by": ["Assad regime"], "in": ["Idlib"], "speaker": ["Russia"]}),
    ("The strikes that Russia said it carried out killed 20 in Idlib.",
     {"by": ["Russia"], "in": ["Idlib"], "speaker": ["Russia"]}),
])
def test_roles(gazetteer: Gazetteer, sentence: str, expected: dict[str, list[str]]) -> None:
    assert _roles(_claim(gazetteer, sentence)) == expected


def test_unsure_roles_stay_empty(gazetteer: Gazetteer) -> None:
    """Names merely in the sentence (no cue ties them to the act) get no role."""
    claim = _claim(gazetteer, "Turkey and Russia met in Sochi to discuss the killing of civilians.")
    assert [role[:2] for role in claim.roles] == [("against", "civilians")]  # the act's target is sure
    assert {"Turkey", "Russia"} <= set(claim.actors)


def test_denial_is_negated_and_its_act_no_claim(gazetteer: Gazetteer) -> None:
    denied = _claim(gazetteer, "Moscow rejected accusations that its jets bombed the market.")
    assert denied.types == ("responsibility_attribution",) and denied.negated
    assert _roles(denied) == {"speaker": ["Russia"]}
    extraction = extract(Statement(id="t", title="", body="Israel denied that its aircraft had struck the hospital in Gaza.",
                                   source="t"), gazetteer)
    assert extraction.claims == []  # a denied act is no claim that it happened (CLAIMS.md)
    assert not _claim(gazetteer, "Regime forces shelled Homs on Tuesday.").negated


def test_evidence_spans_point_at_the_mention(gazetteer: Gazetteer) -> None:
    body = "Intro sentence here. The UK condemned Russia's air strikes on Idlib."
    claim = next(c for c in extract(Statement(id="t", title="", body=body, source="t"), gazetteer).claims)
    public = claim_to_json(claim)
    assert public["by"] == [{"name": "Russia", "field": "body", "start": 38, "end": 44, "text": "Russia"}]
    assert body[38:44] == "Russia"
    assert [r["name"] for r in public["in"]] == ["Idlib"] and public["against"] == []
    assert public["speaker"][0]["text"] == "UK" and public["negated"] is False


def test_roles_need_triggers() -> None:
    assert claim_roles("Russia bombed Aleppo.", 0, 21, [], [("Russia", 0, 6)], []) == ((), False)


def test_triggers_come_with_the_types() -> None:
    text = "Jets shelled Homs. The regime blocked aid. Nothing here. They would have shelled Hama."
    spans = [(0, 18), (19, 42), (43, 56), (57, 86)]
    types, triggers = claim_types_and_triggers_of(text, spans)
    assert types == claim_types_of(text, spans)
    assert triggers[0] == [("bombardment", 5, 12)] and text[5:12] == "shelled"
    assert triggers[2] == [] and triggers[3] == []  # hedged: no type, no trigger
    assert [t[0] for t in triggers[1]] == ["humanitarian_access"]


@given(st.lists(st.sampled_from(["which", "whom", "who", "that", " the", " ", "\n", "said", "according to",
                                 "in a statement by", "a ", "an ", "x", "the ", "swhich"]), max_size=12).map("".join))
def test_patterns_ending_a_window_are_searched_from_their_longest_match(window: str) -> None:
    # Searched only where a match can start (issue 18 item 10): the same match as a search of the whole window.
    from indexer.extraction import roles

    for pattern, longest in ((roles._RELATIVE_BEFORE, roles._RELATIVE_LONGEST),
                             (roles._SPEAKER_BEFORE, roles._SPEAKER_LONGEST)):
        got, want = roles._ending(pattern, window, longest), pattern.search(window)
        assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize("window", [
    "the town, which the ", "rebels, which the \n", "x whom ", "forces that ", "swhich the ",
    "the minister said ", "according to the ", "in a statement by the ", "in a statement by the \n",
])
def test_cues_of_the_longest_length_end_the_window(window: str) -> None:
    # The longest matches, and one before a final line break, are found from where they start.
    from indexer.extraction import roles

    for pattern, longest in ((roles._RELATIVE_BEFORE, roles._RELATIVE_LONGEST),
                             (roles._SPEAKER_BEFORE, roles._SPEAKER_LONGEST)):
        got, want = roles._ending(pattern, window, longest), pattern.search(window)
        assert (got and got.span()) == (want and want.span())
