"""One declaration of an agency's word for every credit pattern (issue 18 item 6)."""

from __future__ import annotations

import re

import pytest

from indexer.extraction.agency_words import AGENCY_WORD, agency_word
from indexer.extraction.boilerplate import mask
from indexer.extraction.credit_lines import credit_spans

MEDIA = {"afp": "Agence France-Presse", "epa-efe": "EPA-EFE", "at&t news": None}


def media(name: str) -> str | None:
    return MEDIA.get(name.lower())


@pytest.mark.parametrize(("word", "pattern", "matches"), [
    ("AFP", AGENCY_WORD, True),
    ("U.S.", AGENCY_WORD, True),
    ("AT&T", AGENCY_WORD, True),
    ("A", AGENCY_WORD, False),  # one letter: an initial
    ("afp", AGENCY_WORD, False),  # no capital
    ("EPA-EFE", AGENCY_WORD, False),
    ("EPA-EFE", agency_word(hyphen=True), True),
    ("A" * 21, AGENCY_WORD, True),
    ("A" * 22, AGENCY_WORD, False),
    ("A" * 16, agency_word(15), True),
    ("A" * 17, agency_word(15), False),
])
def test_agency_word_bounds(word: str, pattern: str, matches: bool) -> None:
    assert (re.fullmatch(pattern, word) is not None) is matches


def test_lookbehind_after_the_capital() -> None:
    word = agency_word(behind=r"(?<![\w.&][A-Z])")
    assert re.search(word, "xAFP") is None  # (no word starts inside another)
    assert re.search(word, "the AFP").group() == "AFP"


def test_both_modules_credit_the_same_words() -> None:
    """A caption's and a line's credit read the agency word alike."""
    assert credit_spans("A view of the town. EPA-EFE/Jane Doe\nJets struck.", media)[0]
    assert mask("Jets struck. (AFP)", media=media)[1] == "Agence France-Presse"
    assert mask("Jets struck, an EPA-EFE correspondent said.", media=media)[1] == "EPA-EFE"


def test_a_video_captions_dated_credit_is_blanked() -> None:
    """``(Oct. 18) AP`` ending a video caption's line: the agency made the
    video, it does not act in the story (stop 35, outlets8)."""
    text = "A missionary says they pray for the captives. (Oct. 18) AFP\n\nPolice said the gang struck."
    spans, sources = credit_spans(text, media)
    assert [text[s:e] for s, e in spans] == ["(Oct. 18) AFP"] and sources == []
    assert credit_spans("Talks resumed (Oct. 18) AFP reported later.", media)[0] == []  # in running text
