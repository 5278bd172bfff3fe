"""Snippets: matched words highlighted, phrases as a unit, HTML escaped."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from query import Searcher, parse_query
from query.snippets import HTML, HighlightPlan, SnippetMaker


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
