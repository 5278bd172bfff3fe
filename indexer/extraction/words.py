"""A text's words as the name matcher reads them, and the automaton's haystack.

:class:`Words` holds a text's words (surface, folded key, offsets, the gap
before each) and the haystack the matcher's Aho-Corasick automaton
(``indexer.extraction.entities``) runs over. The automaton does not read the folded
words themselves: every word of some alias gets a code of
:data:`_CODE_WIDTH` characters (any other word one "unknown" code), and a
join between words is one character, :data:`SOFT` (only space or a hyphen
between them, so ``Deir ez-Zor``, ``Deir ez Zor`` and a name broken over a
line all match) or :data:`HARD` (a break, which no alias can cross), so word
``i`` ends at offset ``4 * i + 3`` of the haystack: no offset table, and a
haystack shorter than the text.

Most words and nearly all gaps recur, so each distinct word and gap is
classified once into process-wide caches (bounded), and a text is keyed by
a few C-level passes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate, compress
from operator import itemgetter

from indexer.analysis import WORD_CACHE_LIMIT, fold, split_words

_SOFT_GAP = re.compile(r"[ \t]*(?:\r?\n)?[ \t]*(?:[-‐‑‒–—][ \t]*)?|['’ʼ][sS][ \t]+")
_TLDS = "org|com|net|gov|int|info|io|uk|fr|de|ru|sy|tr"
_URL = re.compile(rf"(?:https?://|www\.)\S+|[\w.-]+\.(?:{_TLDS})/\S*")
#: What every match of ``_URL`` holds, found fast (``_URL`` tries every word).
_URL_SIGN = re.compile(rf"://|www\.|\.(?:{_TLDS})/")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]|\n")


class Words:
    """The words of one text: keys and offsets as lists (index = word number),
    the rest looked up per word on demand.

    A text of 330 words is split and keyed by a few C-level passes
    (``re.split``, one ``map`` over a per-word and per-gap cache,
    ``accumulate``) with no Python loop over the words; the matcher then asks
    about only the few words around each automaton hit.
    """

    __slots__ = ("text", "surface", "key", "start", "gap", "pieces", "norm", "_line_starts", "_key_set", "_lower_keys", "_caps")

    def __init__(self, text: str) -> None:
        if len(_PIECES) > WORD_CACHE_LIMIT:  # words and gaps; see indexer.analysis
            _clear_caches()  # only here: entries must outlive this text
        parts, starts = split_words(text)  # gap, word, gap, word, ..., gap (shared with indexing)
        self.text = text
        n = len(parts) >> 1
        self.surface: list[str] = parts[1::2]
        self.start: list[int] = starts  # gap i ends, word i starts (read-only: shared)
        #: text between word i - 1 (or the text's start) and word i
        self.gap: list[str] = parts[0:2 * n:2]
        self._line_starts: list[int] | None = None if "\n" in text else []
        self._key_set: set[str] | None = None
        self._lower_keys: set[str] | None = None
        self._caps: list[bool] | None = None
        if "/" in text and self._drop_urls(text):
            pieces = self._pieces()
        else:
            # The automaton's haystack, join code join code ... join: one lookup
            # per word (its code) and per gap (its join) in one cache.
            # (Words and gaps not seen before are classified by ``_Pieces.__missing__``.)
            pieces = list(map(_PIECES.__getitem__, parts))
            pieces[0] = pieces[-1] = SOFT
            if ("'" in text or "’" in text or "ʼ" in text) and not _CUT.isdisjoint(self.surface):
                # A cut-off possessive belongs to the next gap.
                for i in compress(range(n - 1), map(_CUT.__contains__, self.surface)):
                    gap = self.gap[i + 1] = text[self.end(i):self.start[i + 1]]
                    pieces[2 * i + 2] = _separator(gap)
        if _DOT_IN_WORD.search(text):  # (a "." gap lies between word characters; one pass finds them)
            for i in compress(range(n), map(".".__eq__, self.gap)):
                if i > 0 and self.end(i) - self.start[i] == 1 and self.end(i - 1) - self.start[i - 1] == 1:
                    pieces[2 * i] = SOFT  # U.S.A.
        #: ``pieces[2 * i]`` joins word i - 1 to word i: :data:`SOFT` or
        #: :data:`HARD`; ``pieces[2 * i + 1]`` is word i's code.
        self.pieces: list[str] = pieces
        if text.isascii() and "'" not in text and "`" not in text:
            # Each word's key is its lower case (``_word_info``): made in one C-level
            # pass, not looked up per word in a cache of tens of thousands of words,
            # whose entries are out of the CPU's caches while indexing (Words took
            # 1.23-1.25 s of 2,000 generated statements so, 1.04-1.10 s now).
            self.key: list[str] = list(map(str.lower, self.surface))
        else:
            self.key = list(map(_KEYS.__getitem__, self.surface))
        # The automaton's haystack (see the module docstring).
        self.norm = "".join(pieces)

    def key_set(self) -> set[str]:
        """The distinct keys (read-only). Several finders first ask whether
        any of their few trigger words occurs at all; against this set each
        asks in a few lookups, where each pass over the keys cost as much as
        building the set once (issue 18 item 10)."""
        found = self._key_set
        if found is None:
            found = self._key_set = set(self.key)
        return found

    def folded(self) -> tuple[str, list[int]]:
        """The haystack made of the folded words: ``" key key | key "``, and
        where key ``i`` starts in it (see the module docstring)."""
        pieces = [" "] * (2 * len(self.key) + 1)
        pieces[1::2] = self.key
        pieces[2:-1:2] = [" " if join == SOFT else " | " for join in self.pieces[2:-1:2]]
        return "".join(pieces), list(accumulate(map(len, pieces)))[0::2]

    def _drop_urls(self, text: str) -> bool:
        """Drop the words inside web addresses (they are not names); the gaps
        around them merge. Whether any word was dropped."""
        if not _URL_SIGN.search(text):
            return False
        start = self.start
        drop = [(lo, hi) for lo, hi in (
            (bisect_left(start, a), bisect_left(start, b)) for a, b in (m.span() for m in _URL.finditer(text))
        ) if lo < hi]  # the words starting inside the address
        if not drop:
            return False
        keep_mask = [True] * len(start)
        for lo, hi in drop:
            keep_mask[lo:hi] = [False] * (hi - lo)
        keep = list(compress(range(len(start)), keep_mask))
        surface = [self.surface[i] for i in keep]
        for word in surface:
            if word not in WORD_INFO:
                _word_info(word)
        ends = [self.start[i] + WORD_INFO[self.surface[i]][1] for i in keep]
        self.surface = surface
        self._caps = None
        self.start = [start[i] for i in keep]
        self.gap = [text[a:b] for a, b in zip([0, *ends[:-1]], self.start)]
        return True

    def _pieces(self) -> list[str]:
        """:attr:`pieces` from :attr:`surface` and :attr:`gap` (after dropping URLs)."""
        n = len(self.surface)
        pieces = [SOFT] * (2 * n + 1)
        pieces[1::2] = [_PIECES[w] for w in self.surface]
        pieces[2:-1:2] = [_separator(g) for g in self.gap[1:]]
        return pieces

    def end(self, i: int) -> int:
        """Where word ``i`` ends in the text (before a possessive ``'s``)."""
        return self.start[i] + WORD_INFO[self.surface[i]][1]

    def written(self, first: int, last: int) -> str:
        """Words ``first..last`` as the text writes them, each gap one space (a name's surface form)."""
        return " ".join(self.text[self.start[first]:self.end(last)].split())

    def caps(self) -> list[bool]:
        """For each word, whether it starts with a capital (:meth:`cap`; read-only:
        built once, several finders ask)."""
        # The first characters' own test, not a lookup per word in a cache of
        # tens of thousands of words (a cache miss each): the same answer,
        # as a cut possessive never changes a word's first character.
        found = self._caps
        if found is None:
            found = self._caps = list(map(str.isupper, map(_FIRST, self.surface)))
        return found

    def lower_keys(self) -> set[str]:
        """The keys of the words whose first character is lower case
        (read-only: built once, several finders ask)."""
        found = self._lower_keys
        if found is None:
            found = self._lower_keys = set(compress(self.key, map(str.islower, map(_FIRST, self.surface))))
        return found

    def cap(self, i: int) -> bool:
        """Whether word ``i`` starts with a capital."""
        return WORD_INFO[self.surface[i]][2]

    def any_cap(self, first: int, last: int) -> bool:
        """Whether a word from ``first`` to ``last`` (inclusive) starts with a capital."""
        if first == last:
            return WORD_INFO[self.surface[first]][2]
        return any(map(self.cap, range(first, last + 1)))

    def upper(self, i: int) -> bool:
        """Whether word ``i`` is all capitals."""
        return WORD_INFO[self.surface[i]][3]

    def soft(self, i: int) -> bool:
        """Whether word ``i`` is joined to the previous one by space or hyphen only."""
        return i > 0 and self.pieces[2 * i] == SOFT

    def sentence_start(self, i: int) -> bool:
        """Whether word ``i`` starts the text or follows sentence punctuation or a line break."""
        return i == 0 or (self.pieces[2 * i] != SOFT and _GAP_INFO[self.gap[i]][1])

    def newline(self, i: int) -> bool:
        """Whether a line break comes before word ``i``."""
        return "\n" in self.gap[i]

    def line(self, i: int) -> tuple[int, int]:
        """``(first, end)``: the words on word ``i``'s line."""
        if self._line_starts is None:
            # The words after a line break: a break lies in the gap before the
            # first word after it (never in a word, nor in a dropped address).
            text, start, n = self.text, self.start, len(self.start)
            self._line_starts = []
            at = text.find("\n")
            while at >= 0:
                k = bisect_right(start, at)
                if k >= n:
                    break
                if k > 0 and (not self._line_starts or self._line_starts[-1] != k):
                    self._line_starts.append(k)
                at = text.find("\n", start[k])
        k = bisect_right(self._line_starts, i)
        first = self._line_starts[k - 1] if k > 0 else 0
        end = self._line_starts[k] if k < len(self._line_starts) else len(self.key)
        return first, end


def indices(items: list[str], value: str, start: int, stop: int) -> Iterator[int]:
    """The indices ``i`` in ``start <= i < stop`` where ``items[i] == value``,
    found by ``list.index`` (a C-level scan): a finder that needs one word
    (``in``) or gap (``-``) visits only those, not every word in a Python loop."""
    index = items.index
    try:
        while True:
            start = index(value, start, stop)
            yield start
            start += 1
    except ValueError:
        return


#: A word's first character (words are never empty).
_FIRST = itemgetter(0)
_POSSESSIVE = re.compile(r"['’ʼ][sS]$")
#: A dot between word characters (``U.S``, ``3.5``); starts with the dot, so
#: ``re`` jumps from dot to dot.
_DOT_IN_WORD = re.compile(r"\.(?<=\w\.)(?=\w)")
#: Per distinct word / gap string: most words and nearly all gaps recur, so
#: classifying each once makes splitting a text cheap (bounded like the fold cache).
WORD_INFO: dict[str, tuple[str, int, bool, bool, bool]] = {}  # key, length, cap, upper, headline word
#: Word -> 0 (not a headline word), 1 (one in lower case), 2 (capitalised): see ``_on_title_line``.
HEADLINE: dict[str, int] = {}
_CUT: set[str] = set()  # words ending in a possessive 's, which is cut off
_GAP_INFO: dict[str, tuple[str, bool]] = {}  # separator, ends a sentence


class _Pieces(dict):  # type: ignore[type-arg]
    """Word -> its code, gap -> its join; a part not seen before is
    classified on the lookup that misses (``__missing__``), so a text's parts
    are looked up in one C-level ``map`` with no second pass for misses."""

    def __missing__(self, part: str) -> str:
        # A word starts with a word character; a gap holds none (and may be empty).
        if _WORD_START.match(part):
            _word_info(part)
        else:
            _gap_info(part)
        return self[part]


#: Word -> its code, gap -> its join (no word is a gap: words hold word characters).
_PIECES: dict[str, str] = _Pieces()
_WORD_START = re.compile(r"\w")
_KEYS: dict[str, str] = {}  # word -> its key
SPACED_KEYS: set[str] = set()  # words whose key holds a space
#: The joins of the haystack: soft (space or hyphen) and hard (a break).
SOFT, HARD = "\x01", "\x02"
#: Word codes: :data:`_CODE_WIDTH` digits in base :data:`_CODE_BASE` (few
#: digits per trie level keep the automaton's lookups short). No known word's
#: code starts with the last digit, so the unknown code matches nothing.
_CODE_BASE, _CODE_WIDTH = 32, 3
_CODE_DIGITS = [chr(0x40 + d) for d in range(_CODE_BASE)]
_UNKNOWN = _CODE_DIGITS[-1] * _CODE_WIDTH
_CODE_CAPACITY = (_CODE_BASE - 1) * _CODE_BASE ** (_CODE_WIDTH - 1)
#: Key of a word of some gazetteer's alias -> its code; only grows. Shared by
#: every matcher of the process (index workers are forked, not pickled).
CODES: dict[str, str] = {}


def register(words: set[str]) -> bool:
    """Give each of ``words`` a code; ``False`` (and none) if they do not all fit."""
    new = [w for w in sorted(words) if w not in CODES]
    if len(CODES) + len(new) > _CODE_CAPACITY:
        return False
    for word in new:
        number, code = len(CODES), ""
        for _ in range(_CODE_WIDTH):
            number, digit = divmod(number, _CODE_BASE)
            code = _CODE_DIGITS[digit] + code
        CODES[word] = code
    if new:
        _clear_caches()  # cached words may have had the unknown code
    return True


def adopt_codes(codes: dict[str, str]) -> bool:
    """Take ``codes`` (word -> code: those a matcher's automaton was built
    with in another process, ``indexer.extraction.gazetteer_cache``) as this
    process's codes: ``True`` when they are now, ``False`` when the process
    has given other codes already."""
    if not CODES:
        CODES.update(codes)
        _clear_caches()  # words classified before had the unknown code
        return True
    return CODES == codes


def _word_info(surface: str) -> tuple[str, int, bool, bool, bool]:
    """``(key, length, cap, upper, headline word)`` of one word; the possessive
    ``'s`` is cut off (so ``Assad's`` matches ``Assad``), the rest folded."""
    if surface.isascii() and "'" not in surface and "`" not in surface:
        cut = False
        word = surface
        # = fold(word): nothing to strip, and casefold is lower in ASCII; a word
        # already in lower case is its own key (one string, not two, per word).
        key = word if word.islower() else word.lower()
    else:
        cut = bool(_POSSESSIVE.search(surface)) and len(surface) > 2
        word = surface[:-2] if cut else surface
        key = fold(word)
    info = WORD_INFO[surface] = (key, len(word), word[:1].isupper(), word.isupper(),
                                  len(key) > 3 and key.isalpha())
    HEADLINE[surface] = (1 + info[2]) if info[4] else 0
    _PIECES[surface] = CODES.get(key, _UNKNOWN)
    _KEYS[surface] = key
    if cut:
        _CUT.add(surface)
    if " " in key:
        SPACED_KEYS.add(surface)
    return info


def _clear_caches() -> None:
    for cache in (WORD_INFO, HEADLINE, _CUT, _GAP_INFO, _PIECES, _KEYS, SPACED_KEYS):
        cache.clear()


def _gap_info(gap: str) -> tuple[str, bool]:
    """``(join in the haystack, ends a sentence)`` for the text before a word."""
    soft = gap == " " or bool(_SOFT_GAP.fullmatch(gap))
    info = _GAP_INFO[gap] = (SOFT if soft else HARD, bool(_SENTENCE_END.search(gap)))
    _PIECES[gap] = info[0]
    return info


def _separator(gap: str) -> str:
    info = _GAP_INFO.get(gap)
    return (info or _gap_info(gap))[0]
