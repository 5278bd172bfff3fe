"""The analyzer: folding, stopwords, stemming, pickling, offsets."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.analysis import SiftTokenizer, analyze, analyze_with_starts, fold, sift_analyzer, term_for


@pytest.mark.parametrize(
    ("variants", "term"),
    [
        (["Dara'a", "Daraa", "Darâa", "DARA’A"], "daraa"),
        (["Idlib", "IDLIB", "Idlıb".replace("ı", "i")], "idlib"),
        (["Hasakah", "Ḥasakah"], "hasakah"),
        (["café", "cafe"], "cafe"),
    ],
)
def test_spelling_variants_fold_to_one_term(variants: list[str], term: str) -> None:
    assert {term_for(v) for v in variants} == {term}


@pytest.mark.parametrize("word", ["bombs", "bombing", "bombed", "bomb"])
def test_inflections_share_a_stem(word: str) -> None:
    assert term_for(word) == "bomb"


def test_exact_analyzer_keeps_the_word_form() -> None:
    assert analyze("Bombing bombed", stem=False) == ["bombing", "bombed"]


def test_hyphen_variants_split_words_alike() -> None:
    expected = ["deir", "ez", "zor"]
    for text in ["Deir ez-Zor", "Deir ez‐Zor", "Deir ez–Zor", "Deir ez Zor"]:
        assert analyze(text) == expected


def test_stopwords_dropped_but_political_words_kept() -> None:
    assert analyze("the crimes against humanity by the US") == ["crime", "against", "human", "us"]


def test_positions_skip_stopwords_consistently_for_phrases() -> None:
    tokens = [(t.text, t.pos) for t in sift_analyzer()("crimes against the humanity", positions=True)]
    assert tokens == [("crime", 0), ("against", 1), ("human", 2)]


def test_offsets_point_into_original_text() -> None:
    text = "Regime forces shelled Dara'a."
    for token in sift_analyzer()(text, chars=True, keeporiginal=True):
        assert text[token.startchar : token.endchar] == token.original


def test_stopped_tokens_kept_when_asked() -> None:
    tokens = [(t.text, t.stopped) for t in sift_analyzer()("the regime", removestops=False)]
    assert tokens == [("the", True), ("regim", False)]


def test_analyzer_pickles_and_still_works() -> None:
    analyzer = sift_analyzer()
    clone = pickle.loads(pickle.dumps(analyzer))
    assert clone == analyzer
    assert [t.text for t in clone("Bombing Dara'a")] == ["bomb", "daraa"]
    assert clone != SiftTokenizer(stem=False)


@given(st.text(max_size=300))
def test_fold_is_idempotent_and_offsets_in_bounds(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    for token in sift_analyzer()(text, chars=True):
        assert 0 <= token.startchar < token.endchar <= len(text)


_PIECES = st.sampled_from(list("aZé'’-. \n,İΣß0_") + ["the ", "Dara'a ", "of ", "bombed "])
_TEXT = st.lists(_PIECES, max_size=30).map("".join)


@given(_TEXT)
def test_terms_with_starts_are_the_tokenizers_terms_and_offsets(text: str) -> None:
    # analyze_with_starts splits and looks words up in bulk; it must give
    # what the tokenizer gives, word by word.
    tokens = [(t.text, t.startchar) for t in SiftTokenizer()(text, chars=True)]
    terms, starts = analyze_with_starts(text)
    assert list(zip(terms, starts)) == tokens


def test_term_cache_never_exceeds_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from indexer import analysis

    cache = analysis._TermCache(stem=True)
    monkeypatch.setattr(analysis, "WORD_CACHE_LIMIT", 50)
    for number in range(500):
        cache.term(f"word{number}x")
        assert len(cache.terms) <= 50
    assert cache.term("bombing") == "bomb"


def test_a_word_that_is_its_own_term_is_cached_as_one_string() -> None:
    from indexer import analysis

    cache = analysis._TermCache(stem=False)
    word = "".join(["dam", "ascus"])  # a fresh string, not an interned literal
    assert cache.term(word) is word


def test_a_word_is_stemmed_once_per_folded_form(monkeypatch: pytest.MonkeyPatch) -> None:
    from indexer import analysis

    stemmer = analysis._snowball()
    stemmed: list[str] = []

    class Counting:
        def stem(self, word: str) -> str:
            stemmed.append(word)
            return str(stemmer.stem(word))

    monkeypatch.setattr(analysis, "_snowball", lambda: Counting())
    cache = analysis._TermCache(stem=True)
    assert [cache.term(w) for w in ["bombing", "Bombing", "BOMBING", "Shelling", "shelling"]] == \
        ["bomb", "bomb", "bomb", "shell", "shell"]
    assert stemmed == ["bombing", "shelling"]
    assert cache.term("The") is None and cache.term("the") is None


@given(_TEXT)
def test_text_split_into_words_is_word_patterns_words(text: str) -> None:
    # The split patterns' loops are possessive (faster); the words and gaps
    # must be those of WORD_PATTERN.
    from indexer.analysis import WORD_PATTERN, split_words

    parts, starts = split_words(text)
    assert parts[1::2] == WORD_PATTERN.findall(text)
    assert starts == [m.start() for m in WORD_PATTERN.finditer(text)]
    assert "".join(parts) == text


def test_a_folded_form_that_folds_again_differently_keeps_its_own_term() -> None:
    # Hangul jamo joined by an apostrophe compose once it is gone: folding
    # is not idempotent there, so the word must not lend its term to the
    # folded form (which, written so, folds to the composed syllable).
    from indexer import analysis

    cache = analysis._TermCache(stem=False)
    split_jamo = "\u1100'\u1161"
    assert analysis.fold(analysis.fold(split_jamo)) != analysis.fold(split_jamo)
    cache.term(split_jamo)
    assert cache.term("\u1100\u1161") == analysis.fold("\u1100\u1161") == "\uac00"
