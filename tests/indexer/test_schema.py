"""Claim sentences as term-position ranges (the ``claim_spans`` column)."""

from __future__ import annotations

from indexer.analysis import analyze_with_starts
from indexer.schema import claim_char_ranges, decode_claim_spans, encode_claim_spans, to_document


def _claim(sentence: str) -> dict[str, object]:
    return {"type": "killing", "types": ["killing"], "sentence": sentence}


def test_analyze_with_starts_matches_analyze_positions() -> None:
    terms, starts = analyze_with_starts("The regime's jets bombed Dara'a, again.")
    assert terms == ["regim", "jet", "bomb", "daraa", "again"]
    assert starts == [4, 13, 18, 25, 33]


def test_claim_ranges_find_title_and_repeated_sentences_in_order() -> None:
    title = "Jets bombed Aleppo"
    body = "Jets bombed Aleppo. Nothing else. Jets bombed Aleppo."
    claims = [_claim(title), _claim("Jets bombed Aleppo."), _claim("Jets bombed Aleppo.")]
    assert claim_char_ranges(claims, title, body) == [(0, 0, 18), (1, 0, 19), (1, 34, 53)]


def test_claim_ranges_skip_sentences_not_in_the_text() -> None:
    assert claim_char_ranges([_claim("Not there.")], "t", "Some body.") == []


def test_spans_are_term_positions_end_exclusive() -> None:
    body = "The town fled. Regime forces shelled the town."
    _, starts = analyze_with_starts(body)
    value = encode_claim_spans([(1, 15, len(body))], {0: [], 1: starts})
    # terms: town(0) fled(1) regim(2) forc(3) shell(4) town(5)
    assert decode_claim_spans(value) == [(1, 2, 6)]


def test_document_carries_spans_only_with_claims() -> None:
    statement = {"id": "x", "title": "T", "claims": [_claim("Regime forces shelled the town.")]}
    body = "The town fled. Regime forces shelled the town."
    doc = to_document(statement, body=body, source="s", content_hash="h")
    assert decode_claim_spans(doc["claim_spans"]) == [(1, 2, 6)]
    assert "claim_spans" not in to_document({"id": "y"}, body=body, source="s", content_hash="h")
