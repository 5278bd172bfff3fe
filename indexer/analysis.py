"""Text analysis shared by indexing and querying.

One tokenizer does the whole chain in a single pass, because the chain runs
over every word of every statement and Whoosh's composable filters cost a
generator hop per filter per word:

    words (letters/digits, inner apostrophes kept) -> fold (case, accents,
    apostrophes) -> drop English stopwords -> Snowball English stem (cached)

Folding makes ``Dara'a``, ``Daraa`` and ``Darâa`` one term; hyphens and dash
variants split words, so ``Deir ez-Zor`` and ``Deir ez Zor`` match.

This module is a leaf (it imports nothing else of Sift's) and its import path
and class names are part of the index format: Whoosh pickles the analyzer
into the index, so renaming them makes existing indexes unreadable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from itertools import accumulate, compress, repeat
from operator import is_not
from typing import Any

from whoosh.analysis import Token, Tokenizer

#: Words kept inside one token: letters and digits, joined by apostrophes.
WORD_PATTERN = re.compile(r"\w+(?:['’‘ʼʿʾ`´]\w+)*", re.UNICODE)
_APOSTROPHES = re.compile(r"['’‘ʼʿʾ`´]")
#: Distinct words each per-word cache holds before it is cleared: the term
#: caches here and ``indexer.extraction.words``' caches, five dicts with one entry per
#: word. Below 87,381 entries (2/3 of 2**17 slots) CPython keeps each dict's
#: table at 2**17 slots (1.8 MB); one more entry doubles all five at once.
#: So 85,000 (a text adds at most a few thousand words before the next
#: check), about 25 MB in all: measured while indexing generated
#: statements, the caches took 37 MB at 97k words (50k statements), 9 MB of
#: it from that doubling, and a 200k bound would have let them reach about
#: 75 MB. Refilling after a clear costs a few thousand stems.
WORD_CACHE_LIMIT = 85_000


def _load_stopwords() -> frozenset[str]:
    text = resources.files("indexer.data").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


STOPWORDS: frozenset[str] = _load_stopwords()


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents and apostrophes.

    >>> fold("Dara'a Darâa DARAA")
    'daraa daraa daraa'
    """
    text = text.casefold()
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
        text = unicodedata.normalize("NFC", text)
    return _APOSTROPHES.sub("", text)


@lru_cache(maxsize=1)
def _snowball() -> Any:
    # Imported lazily: nltk is slow to import and the stemmer needs no data.
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english", ignore_stopwords=False)


class _Terms(dict):  # type: ignore[type-arg]
    """Raw word -> index term: a miss asks the owning cache (``__missing__``),
    so bulk lookups are one C-level ``map`` with no second pass for misses."""

    __slots__ = ("owner",)

    def __missing__(self, word: str) -> str | None:
        return self.owner.add(word)


class _TermCache:
    """Raw word -> index term (``None`` for a stopword), at most
    :data:`WORD_CACHE_LIMIT` entries (cleared when full).

    A word in capitals or with an accent is stemmed once per folded form:
    ``Bombing`` takes the term of ``bombing`` when that is cached (about a
    quarter of the distinct words of a collection differ from their folded
    form only so), and caches it for ``bombing`` too.
    """

    def __init__(self, stem: bool) -> None:
        self.stem = stem
        self.terms = _Terms()
        self.terms.owner = self

    def term(self, word: str) -> str | None:
        return self.terms[word]

    def add(self, word: str) -> str | None:
        """The term of a word not in the cache, now cached."""
        terms = self.terms
        folded = fold(word)
        # The folded form's own term is this word's when folding it again
        # changes nothing (always in ASCII; not for a few Hangul jamo joined
        # by an apostrophe, which compose once it is gone).
        shared = folded != word and (folded.isascii() or fold(folded) == folded)
        term: str | None
        if shared and folded in terms:
            term = terms[folded]
        else:
            if folded in STOPWORDS:
                term = None
            elif self.stem:
                term = _snowball().stem(folded)
            else:
                term = folded
            if shared:
                if term == folded:
                    term = folded  # one string for both
                if len(terms) >= WORD_CACHE_LIMIT:
                    terms.clear()
                terms[folded] = term
        if term == word:
            term = word  # one string for both (most words are lower case already)
        if len(terms) >= WORD_CACHE_LIMIT:
            terms.clear()
        terms[word] = term
        return term


_CACHES = {True: _TermCache(stem=True), False: _TermCache(stem=False)}


def term_for(word: str, stem: bool = True) -> str | None:
    """The index term for one word, or ``None`` when it is a stopword.

    >>> [term_for(w) for w in ["Bombing", "bombed", "the"]]
    ['bomb', 'bomb', None]
    """
    return _CACHES[stem].term(word)


def stem_word(folded: str) -> str:
    """Snowball-stem an already folded word (used for prefix queries)."""
    return str(_snowball().stem(folded))


class SiftTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh tokenizer running Sift's whole analysis chain in one pass.

    :param stem: emit Snowball stems (the ``body`` field) or folded exact
        words (the ``exact`` field used by ``=word`` queries).
    """

    def __init__(self, stem: bool = True) -> None:
        self.stem = stem

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.stem == self.stem

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.stem))

    def __call__(  # noqa: PLR0913 - Whoosh's tokenizer protocol
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        cache = _CACHES[self.stem]
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            # Whole-value terms (prefix/wildcard text): fold only.
            token.original = token.text = fold(value)
            token.stopped = False
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        pos = start_pos
        for match in WORD_PATTERN.finditer(value):
            word = match.group()
            term = cache.term(word)
            if term is None:
                if removestops:
                    continue
                token.stopped = True
                token.text = fold(word)
            else:
                token.stopped = False
                token.text = term
            token.boost = 1.0
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            pos += 1
            yield token


def sift_analyzer(stem: bool = True) -> SiftTokenizer:
    """The analyzer for Sift's text fields (a tokenizer is a full analyzer)."""
    return SiftTokenizer(stem=stem)


def analyze(text: str, stem: bool = True) -> list[str]:
    """Index terms of ``text``, in order, stopwords removed.

    >>> analyze("Regime forces bombed Dara'a")
    ['regim', 'forc', 'bomb', 'daraa']
    """
    return [t.text for t in SiftTokenizer(stem)(text)]


def analyze_with_starts(text: str) -> tuple[list[str], list[int]]:
    """Stemmed index terms of ``text`` and the character offset each starts at.

    The offsets map character ranges (a claim sentence) to term positions.
    Every statement's title and body pass through here, so the words are
    split, looked up and filtered with C-level passes (``re.split``,
    ``map``, ``compress``); only words not seen before call the stemmer.

    >>> analyze_with_starts("The regime bombed Daraa")
    (['regim', 'bomb', 'daraa'], [4, 11, 18])
    """
    parts, starts = split_words(text)
    words = parts[1::2]
    if not words:
        return [], []
    terms: list[Any] = list(map(_CACHES[True].terms.__getitem__, words))  # (misses: ``_Terms.__missing__``)
    if None in terms:  # stopwords
        keep = list(map(is_not, terms, repeat(None)))
        terms, starts = list(compress(terms, keep)), list(compress(starts, keep))
    return terms, starts


def split_words(text: str) -> tuple[list[str], list[int]]:
    """``text`` as ``[gap, word, gap, word, ..., gap]`` (the words of
    ``WORD_PATTERN``) and where each word starts; treat both as read-only.

    Extraction (``indexer.extraction.entities``) and indexing split the same title and
    body one after the other: the last few splits are kept for the second.
    """
    found = _SPLITS.get(text)
    if found is None:
        parts = (_ASCII_SPLIT if text.isascii() else _WORD_SPLIT).split(text)
        found = (parts, list(accumulate(map(len, parts)))[0:len(parts) - 1:2])
        if len(_SPLITS) >= _SPLITS_KEPT:
            try:
                del _SPLITS[next(iter(_SPLITS))]
            except (KeyError, RuntimeError, StopIteration):  # another thread got there first
                pass
        _SPLITS[text] = found
    return found


#: ``WORD_PATTERN`` as one capturing group: ``split`` yields gaps and words.
#: Its loops possessive (``++``, ``*+``): nothing follows them in the
#: pattern, so a match never gives back a character and the words are the
#: same, while ``re`` keeps no backtracking state per character (a quarter
#: less time to split a text).
_WORD_SPLIT = re.compile(r"(\w++(?:['’‘ʼʿʾ`´]\w++)*+)", re.UNICODE)
#: The same on an ASCII text (where only ``'`` and the backtick are apostrophes): faster.
_ASCII_SPLIT = re.compile(r"(\w++(?:['`]\w++)*+)", re.ASCII)
_SPLITS: dict[str, tuple[list[str], list[int]]] = {}
_SPLITS_KEPT = 4
