"""Snippets: matched words highlighted, phrases as a unit, HTML escaped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from query import Searcher, parse_query
from query.results import Hit
from query.passages import ANSI, HTML
from query.snippets import HighlightPlan, SnippetMaker
from tests.query.claim_corpus import CLAIM_CORPUS
from tests.query.conftest import build_index


def test_snippet_contains_matched_words(searcher: Searcher) -> None:
    hit = searcher.search("aleppo").hits[0]
    assert hit.id == "s03"
    assert "[[Aleppo]]" in hit.snippet()


def test_phrase_highlighted_as_one_unit(searcher: Searcher) -> None:
    snippet = searcher.search('"barrel bombs"').hits[0].snippet()
    assert "[[barrel bombs]]" in snippet
    assert "[[barrel]]" not in snippet


def test_negated_words_not_highlighted(searcher: Searcher) -> None:
    snippet = searcher.search("bombing NOT genocide").hits[0].snippet()
    assert "[[" in snippet and "[[genocide" not in snippet.lower()


def test_html_escapes_everything_but_marks(searcher: Searcher) -> None:
    hit = searcher.search("aleppo").hits[0]
    html = hit.snippet(HTML)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>Aleppo</mark>" in html and "&amp;" in html


def test_location_filter_highlights_evidence(searcher: Searcher) -> None:
    hit = searcher.search("location:Deraa").hits[0]
    assert "[[Dara'a]]" in hit.snippet()


def test_no_match_in_body_gives_opening_sentence(searcher: Searcher) -> None:
    hit = searcher.search("date:2016-05-05").hits[0]
    assert hit.snippet() == "Identical twin statement about chlorine."


def test_several_passages_best_first(searcher: Searcher) -> None:
    hit = searcher.search("barrel OR bombs OR field", default_operator="OR", snippets=2).hits
    s02 = next(h for h in hit if h.id == "s02")
    assert len(s02.passages) == 2
    assert s02.passages[0].score >= s02.passages[1].score
    assert s02.passages[0].text.startswith("…")  # cut text is marked


def test_repeats_and_rarity_rank_passages() -> None:
    body = "Common words here. Rare siege and starvation here. Common siege."
    plan = HighlightPlan.from_tree(parse_query("siege starvation", default_operator="OR").tree)
    passages = SnippetMaker(plan, count=3).passages(body)
    assert passages[0].render() == "… Rare [[siege]] and [[starvation]] here. …"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab c.\n!?'<>&") + ["siege", "Siege", "barrel bombs", "bomb"]), max_size=80).map("".join),
       st.sampled_from(["siege", '"barrel bombs"', "bomb*", "siege~1", "=bomb", "barrel bombs"]))
def test_highlight_offsets_stay_inside_text(body: str, text: str) -> None:
    plan = HighlightPlan.from_tree(parse_query(text, default_operator="OR").tree)
    for passage in SnippetMaker(plan, count=3).passages(body):
        last = 0
        for start, end in passage.highlights:
            assert last <= start < end <= len(passage.text)
            last = end
            assert passage.text[start:end].strip() == passage.text[start:end]


def test_title_evidence_never_highlights_body_offsets() -> None:
    """Regression: an actor named in the title marked unrelated body text."""
    body = "The Syrian Coalition warns of an imminent massacre by regime forces."
    evidence = {
        "actors": {
            "Assad regime": [
                {"field": "title", "start": 0, "end": 12, "text": "Assad Regime", "sentence": "Assad Regime ..."},
                {"field": "body", "start": 54, "end": 67, "text": "regime forces", "sentence": body},
            ]
        }
    }
    plan = HighlightPlan(keywords={"actors": {"assad regime"}})
    spans = [span for span, _, _ in SnippetMaker(plan).matches(body, evidence)]
    assert spans == [(54, 67)]


# -- claim-centred passages (issue 20) ------------------------------------------
@pytest.fixture(scope="module")
def claims_searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with Searcher(build_index(tmp_path_factory.mktemp("claims"), CLAIM_CORPUS)) as s:
        yield s


def _hit(searcher: Searcher, query: str, statement_id: str, snippets: int = 1) -> Hit:
    return next(h for h in searcher.search(query, snippets=snippets, limit=20).hits if h.id == statement_id)


def test_claim_filter_shows_the_claim_sentence_with_its_trigger(claims_searcher: Searcher) -> None:
    hit = _hit(claims_searcher, "claim:chemical_attack date:2017", "c01")
    assert hit.snippet() == "… Regime forces dropped [[chlorine]] barrel bombs on Saraqib, witnesses said. …"
    assert hit.passages[0].filters == ("claim_types:chemical_attack",)
    assert hit.passages[0].score > 0


def test_claim_passages_rank_above_other_sentences_and_differ(claims_searcher: Searcher) -> None:
    passages = _hit(claims_searcher, "claim:chemical_attack", "c02", snippets=3).passages
    assert [p.render() for p in passages[:2]] == [
        "… The hospital reported [[sarin]] and [[chlorine]] symptoms among children. …",
        "… [[Sarin]] was used on the town, doctors said. …",
    ]
    assert passages[0].score > passages[1].score > 0  # a second trigger counts


def test_claim_with_free_words_prefers_the_claim_sentence_holding_them(claims_searcher: Searcher) -> None:
    # "hospital" is three times in the opening sentence, which makes no claim
    hit = _hit(claims_searcher, "claim:chemical_attack hospital", "c02")
    assert hit.snippet() == "… The [[hospital]] reported [[sarin]] and [[chlorine]] symptoms among children. …"


def test_several_filters_prefer_the_sentence_satisfying_more(claims_searcher: Searcher) -> None:
    # the opening sentence names the town twice but makes no claim
    hit = _hit(claims_searcher, 'claim:chemical_attack location:"Khan Sheikhoun"', "c03", snippets=2)
    assert hit.passages[0].render() == "… [[Sarin]] was dropped on [[Khan Sheikhoun]] by jets at dawn."
    assert len(hit.passages[0].filters) == 2


def test_second_passage_shows_a_filter_the_first_does_not(claims_searcher: Searcher) -> None:
    # Douma (one statement) is rarer than the claim type (all four), so its
    # two sentences outscore the claims; the second passage is a claim's
    hit = _hit(claims_searcher, "claim:chemical_attack location:douma", "c02", snippets=2)
    assert [p.filters for p in hit.passages] == [("locations:douma",), ("claim_types:chemical_attack",)]
    assert hit.passages[0].render().startswith("[[Douma]] hospital staff")
    assert hit.passages[1].render() == "… The hospital reported [[sarin]] and [[chlorine]] symptoms among children. …"


def test_rarer_filter_first(claims_searcher: Searcher) -> None:
    hit = _hit(claims_searcher, 'claim:chemical_attack actor:"Bashar al-Assad"', "c01", snippets=2)
    assert [p.filters for p in hit.passages] == [("actors:bashar al-assad",), ("claim_types:chemical_attack",)]
    assert hit.passages[0].score > hit.passages[1].score


def test_actor_prefix_highlights_the_evidence(claims_searcher: Searcher) -> None:
    hit = _hit(claims_searcher, "actor:assad*", "c01")
    assert "[[Regime forces]]" in hit.snippet()


def test_prefix_matches_any_word_of_a_name() -> None:
    body = "Talks went on. Bashar al-Assad spoke in Damascus."
    evidence = {"actors": {"Bashar al-Assad": [
        {"field": "body", "start": 15, "end": 30, "text": "Bashar al-Assad", "sentence": "Bashar al-Assad spoke in Damascus."}]}}
    plan = HighlightPlan.from_tree(parse_query("actor:assad*").tree)
    assert SnippetMaker(plan).passages(body, evidence)[0].render() == "… [[Bashar al-Assad]] spoke in Damascus."


def test_inferred_place_anchors_on_the_place_it_comes_from(claims_searcher: Searcher) -> None:
    hit = _hit(claims_searcher, "location:idlib", "c01")
    assert "[[Saraqib]]" in hit.snippet()


def test_title_claim_is_not_looked_for_in_the_body(claims_searcher: Searcher) -> None:
    hit = _hit(claims_searcher, "claim:chemical_attack", "c04")
    assert hit.snippet() == "… Residents said the regime dropped [[chlorine]] on Saraqib overnight."


def test_claim_passage_formatters(claims_searcher: Searcher) -> None:
    hit = _hit(claims_searcher, "claim:chemical_attack", "c01")
    assert "dropped <mark>chlorine</mark> barrel" in hit.snippet(HTML)
    assert "dropped \x1b[1;33mchlorine\x1b[0m barrel" in hit.snippet(ANSI)


def test_claim_without_a_trigger_marks_the_whole_sentence() -> None:
    body = "Opening words. Something terrible happened there. Closing words."
    claims = [{"type": "massacre", "types": ["massacre"], "sentence": "Something terrible happened there."}]
    plan = HighlightPlan.from_tree(parse_query("claim:massacre").tree)
    assert SnippetMaker(plan).passages(body, None, claims)[0].render() == "… [[Something terrible happened there.]] …"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab c.\n!?") + ["Sarin", "Homs", "siege", "Bashar al-Assad"]), max_size=60).map("".join),
       st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=4),
       st.sampled_from(["claim:chemical_attack", "location:homs siege", "actor:assad* OR claim:siege", "homs"]))
def test_anchored_passages_stay_inside_text_and_apart(body: str, cuts: list[tuple[int, int]], text: str) -> None:
    spans = [(min(a, b), max(a, b)) for a, b in cuts if min(a, b) < max(a, b) <= len(body)]
    claims = [{"types": ["chemical_attack", "siege"], "sentence": body[s:e]} for s, e in spans]
    evidence = {"locations": {"Homs": [{"field": "body", "start": s, "end": e, "sentence": body[max(0, s - 3):e]}
                                       for s, e in spans]},
                "actors": {"Bashar al-Assad": [{"field": "body", "start": s, "end": e, "sentence": [s, e]}
                                               for s, e in spans]}}
    plan = HighlightPlan.from_tree(parse_query(text, default_operator="OR").tree)
    passages = SnippetMaker(plan, count=3).passages(body, evidence, claims)
    for i, passage in enumerate(passages):
        last = 0
        for start, end in passage.highlights:
            assert last <= start < end <= len(passage.text)
            last = end
        assert all(passage.end <= p.start or p.end <= passage.start for p in passages[i + 1:])
