"""Tests for indexer.extraction.sentences.split_sentences."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.extraction.sentences import split_sentences

SEED = Path("/work/shared/seeds/000_fb413970f439558a.txt")


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("The U.N. Security Council met. It failed.", ["The U.N. Security Council met.", "It failed."]),
        ("U.S. forces left. The U.S. Army stayed.", ["U.S. forces left.", "The U.S. Army stayed."]),
        ("Troops of the U.S. The army left.", ["Troops of the U.S.", "The army left."]),
        ("Dr. Smith met Mr. Jones. Gen. Lee and Lt. Col. Reed came.",
         ["Dr. Smith met Mr. Jones.", "Gen. Lee and Lt. Col. Reed came."]),
        ("It happened on Feb. 8. Then Jan. 3 came.", ["It happened on Feb. 8.", "Then Jan. 3 came."]),
        ("He lives at St. Mary. Resolution No. 2254 passed.",
         ["He lives at St. Mary.", "Resolution No. 2254 passed."]),
        ("Weapons, e.g. Sarin and i.e. Chlorine, were used. Next.",
         ["Weapons, e.g. Sarin and i.e. Chlorine, were used.", "Next."]),
        ("Guns, tanks, etc. were seized. More.", ["Guns, tanks, etc. were seized.", "More."]),
        ("J. R. Smith spoke. Next.", ["J. R. Smith spoke.", "Next."]),
        ("Prices rose 3.5 percent. Deaths rose 1.2 times.", ["Prices rose 3.5 percent.", "Deaths rose 1.2 times."]),
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ('"Where are you?" she asked. Nobody knew.', ['"Where are you?" she asked.', "Nobody knew."]),
        ('"We condemn this," said Mr. Ali. "It must stop."', ['"We condemn this," said Mr. Ali.', '"It must stop."']),
        ("First paragraph without stop\n\nSecond paragraph.", ["First paragraph without stop", "Second paragraph."]),
        ("Press Statement\nSyrian Coalition\nThe Coalition warns.",
         ["Press Statement", "Syrian Coalition", "The Coalition warns."]),
        ("# Heading\nBody text here.", ["# Heading", "Body text here."]),
        ("Demands:\n- release detainees\n- lift sieges\nEnd.",
         ["Demands:", "- release detainees", "- lift sieges", "End."]),
        ("1. First item\n2. Second item", ["1. First item", "2. Second item"]),
        ("A line of running prose that has been hard wrapped at column sixty\n"
         "or so continues here. Next one.",
         ["A line of running prose that has been hard wrapped at column sixty\n"
          "or so continues here.", "Next one."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_map_back_to_stripped_sentences() -> None:
    text = "  One sentence.   Another one.\n\n  Third  \n"
    spans = split_sentences(text)
    assert spans == [(2, 15), (18, 30), (34, 39)]
    for s, e in spans:
        assert text[s:e] == text[s:e].strip()


def test_seed_sentences() -> None:
    raw = SEED.read_text(encoding="utf-8")
    body = raw[raw.index("The Syrian Coalition warns") :]
    got = sentences(body)
    assert got[0].startswith("The Syrian Coalition warns of an imminent massacre")
    assert got[0].endswith("in Rural Damascus.")
    assert got[1].startswith("The Coalition holds the UN Security Council responsible")
    assert "According to Article II of the Convention" in got[7] and got[7].endswith("population.")
    assert len(got) == 16  # the blank line inside the "Immediate measures" sentence splits it


def test_speed_1000_words() -> None:
    raw = SEED.read_text(encoding="utf-8")
    body = raw[raw.index("The Syrian Coalition warns") :]
    text = ((body + "\n\n") * 3)[:7000]  # ~1,000 words
    split_sentences(text)
    n = 50
    start = time.thread_time()
    for _ in range(n):
        split_sentences(text)
    per_call = (time.thread_time() - start) / n
    assert per_call < 0.005  # measured ~0.2 ms; CPU time, so a busy host cannot fail it


@given(st.text(alphabet=st.sampled_from(list("ab A.B?!\n\n \"'3.U.S.Dr.")), max_size=400))
def test_spans_ordered_disjoint_in_bounds_punctuation_heavy(text: str) -> None:
    check_spans(text)


@given(st.text(max_size=400))
def test_spans_ordered_disjoint_in_bounds(text: str) -> None:
    check_spans(text)


def check_spans(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for s, e in spans:
        assert 0 <= last <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        last = e
    # every non-space character is inside some sentence
    covered = sum(e - s for s, e in spans)
    assert covered >= len("".join(text.split()))


@given(st.lists(st.sampled_from(["ab", "x", " ", "\n", ".", "\t", "U.S", "Dr", "\r", "\u2003", "\x0c", "é"]),
                max_size=80).map("".join),
       st.integers(0, 80), st.integers(0, 80))
def test_word_before_matches_full_search(text: str, start: int, end: int) -> None:
    from indexer.extraction import sentences

    start, end = min(start, end, len(text)), min(max(start, end), len(text))
    fast = sentences._word_before(text, start, end)
    full = sentences._WORD_BEFORE.search(text, start, end)
    assert fast == (full and full.span())


# ``_BOUNDARY`` marks a dot after a long word (``plain``) so that
# ``_is_boundary`` is skipped there; splitting must not change.
@given(st.lists(st.sampled_from(["word", "longerword", "U.S", "Dr", "etc", "J", "12", "\"Quoted", "(x",
                                 ". ", ".", " ", "\n", "\n\n", "The", "Feb", "8", "é", "..", "?", "\t"]),
                max_size=60).map("".join))
def test_plain_dots_split_as_before(text: str) -> None:
    import re

    from indexer.extraction import sentences

    plain = sentences.split_sentences(text)
    old = sentences._BOUNDARY
    sentences._BOUNDARY = re.compile(  # as before the shortcut
        r"([.!?\u2026]+)[\"'\u201d\u2019\u00bb)\]]*(?=\s+[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9\u00c0-\u00de])"
        r"(?P<plain>(?!))?")
    try:
        assert sentences.split_sentences(text) == plain
    finally:
        sentences._BOUNDARY = old
