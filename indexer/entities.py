"""Finding actors and places in text with a gazetteer.

One Aho-Corasick automaton holds every alias key (folded words joined by
single spaces). The text is turned into the same form: its words, folded, with
a soft join between words whose gap is only space or a hyphen (so ``Deir
ez-Zor``, ``Deir ez Zor`` and a name broken over a line all match) and a hard
one at a break (punctuation, a blank line), which no alias can cross. Each
match maps back through the word table to exact offsets in the original text,
so ``text[m.start:m.end] == m.surface`` however :func:`fold` changed lengths.

The automaton does not read the folded words themselves: every word of some
alias gets a code of :data:`_CODE_WIDTH` characters (any other word one
"unknown" code), and a join is one character, so word ``i`` ends at offset
``4 * i + 3`` of the haystack: no offset table, and a haystack shorter than the
text. (A text whose folded words hold spaces, or a gazetteer with too many
words to code, uses the folded words, ``" "`` and ``" | "`` instead.)

Candidates then pass the false-hit guards documented in
``indexer/data/GAZETTEER.md`` and overlaps are resolved longest-first. Names
that look like organisations (``Aleppo Provincial Council``) are added as
actors of kind ``organisation`` even when no gazetteer knows them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate, compress, repeat
from operator import is_, itemgetter
from typing import Any, cast

import ahocorasick

from indexer.analysis import STOPWORDS, fold, split_words
from indexer.gazetteer import (
    CAPITAL,
    COUNTRY,
    DEMONYM_PLACE,
    NEEDCAP,
    STRICT,
    WEAK,
    Alias,
    Gazetteer,
    Place,
)
from indexer.model import Mention

__all__ = ["Matcher", "NameSpan", "ORG_HEADS"]

#: A name found in a text: ``(name, kind, start, end, surface)``, the fields of
#: :class:`~indexer.model.Mention` (see :meth:`Matcher.find_spans`).
NameSpan = tuple[str, str, int, int, str]

_SOFT_GAP = re.compile(r"[ \t]*(?:\r?\n)?[ \t]*(?:[-‐‑‒–—][ \t]*)?|['’ʼ][sS][ \t]+")
_TLDS = "org|com|net|gov|int|info|io|uk|fr|de|ru|sy|tr"
_URL = re.compile(rf"(?:https?://|www\.)\S+|[\w.-]+\.(?:{_TLDS})/\S*")
#: What every match of ``_URL`` holds, found fast (``_URL`` tries every word).
_URL_SIGN = re.compile(rf"://|www\.|\.(?:{_TLDS})/")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]|\n")
#: Words before a place that make it a location, not an actor or a person.
LOCATIVE = frozenset(
    "in into to from across throughout inside within near towards toward outside "
    "around at via through of over entered entering fled visited visit left".split()
)
#: Verbs that make a capital stand for its state (``Moscow vetoed``).
SPEECH_VERBS = frozenset(
    "said says say announced announces vetoed vetoes denied denies warned warns "
    "accused accuses rejected rejects condemned condemns claimed claims stated "
    "insisted insists demanded demands urged urges confirmed confirms called calls "
    "threatened threatens responded blamed blames launched launches believes "
    "considers wants supports supported backed backs agreed agrees refused refuses "
    "hopes expects argued argues maintains maintained recognized recognised imposed "
    "sanctioned expelled summoned welcomed welcomes criticized criticised opposed "
    "opposes insisted pledged vowed declined admitted acknowledged dismissed "
    "responded retaliated".split()
)
_AUXILIARIES = frozenset(
    "has had have will would also repeatedly again previously strongly officially "
    "reportedly already has't never".split()
)
#: Words ending a name that looks like an organisation.
ORG_HEADS = frozenset(
    "council front brigade brigades ministry army movement party committee "
    "committees commission observatory network organization organisation agency "
    "union battalion battalions forces authority corps division regiment legion".split()
)
_NAME_PARTICLES = frozenset("al el ad ar as ash at az an bin ibn abu de du".split())
_ORG_LINKS = frozenset("of for on against".split())
_ORG_INNER = frozenset("of for and the on".split())
#: Capitalised words that start sentences but never organisation names.
_SENTENCE_STARTERS = frozenset(
    "yesterday today tonight meanwhile earlier later however also moreover "
    "furthermore recently previously now then but and so when while after before "
    "since during according last this that these those on in at by".split()
)
_ARTICLES = frozenset("the".split())


class _Words:
    """The words of one text: keys and offsets as lists (index = word number),
    the rest looked up per word on demand.

    A text of 330 words is split and keyed by a few C-level passes
    (``re.split``, one ``map`` over a per-word and per-gap cache,
    ``accumulate``) with no Python loop over the words; the matcher then asks
    about only the few words around each automaton hit.
    """

    __slots__ = ("text", "surface", "key", "start", "gap", "pieces", "norm", "_line_starts")

    def __init__(self, text: str) -> None:
        if len(_PIECES) > _CACHE_LIMIT:
            _clear_caches()  # only here: entries must outlive this text
        parts, starts = split_words(text)  # gap, word, gap, word, ..., gap (shared with indexing)
        self.text = text
        n = len(parts) >> 1
        self.surface: list[str] = parts[1::2]
        self.start: list[int] = starts  # gap i ends, word i starts (read-only: shared)
        #: text between word i - 1 (or the text's start) and word i
        self.gap: list[str] = parts[0:2 * n:2]
        self._line_starts: list[int] | None = None if "\n" in text else []
        if "/" in text and self._drop_urls(text):
            pieces = self._pieces()
        else:
            # The automaton's haystack, join code join code ... join: one lookup
            # per word (its code) and per gap (its join) in one cache.
            try:
                pieces = list(itemgetter(*parts)(_PIECES)) if n else [_SOFT]
            except KeyError:  # words (or gaps) not seen before: classify just those
                cached: list[str | None] = list(map(_PIECES.get, parts))
                for i in compress(range(len(parts)), map(is_, cached, repeat(None))):
                    cached[i] = _piece(parts[i], i & 1)
                pieces = cast(list[str], cached)
            pieces[0] = pieces[-1] = _SOFT
            if ("'" in text or "’" in text or "ʼ" in text) and not _CUT.isdisjoint(self.surface):
                # A cut-off possessive belongs to the next gap.
                for i in compress(range(n - 1), map(_CUT.__contains__, self.surface)):
                    gap = self.gap[i + 1] = text[self.end(i):self.start[i + 1]]
                    pieces[2 * i + 2] = _separator(gap)
        if _DOT_IN_WORD.search(text) and "." in self.gap:  # (a "." gap lies between word characters)
            for i in compress(range(n), map(".".__eq__, self.gap)):
                if i > 0 and self.end(i) - self.start[i] == 1 and self.end(i - 1) - self.start[i - 1] == 1:
                    pieces[2 * i] = _SOFT  # U.S.A.
        #: ``pieces[2 * i]`` joins word i - 1 to word i: :data:`_SOFT` or
        #: :data:`_HARD`; ``pieces[2 * i + 1]`` is word i's code.
        self.pieces: list[str] = pieces
        self.key: list[str] = list(itemgetter(*self.surface)(_KEYS)) if len(self.surface) > 1 \
            else [_KEYS[w] for w in self.surface]
        # The automaton's haystack (see the module docstring).
        self.norm = "".join(pieces)

    def folded(self) -> tuple[str, list[int]]:
        """The haystack made of the folded words: ``" key key | key "``, and
        where key ``i`` starts in it (see the module docstring)."""
        pieces = [" "] * (2 * len(self.key) + 1)
        pieces[1::2] = self.key
        pieces[2:-1:2] = [" " if join == _SOFT else " | " for join in self.pieces[2:-1:2]]
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
            if word not in _WORD_INFO:
                _piece(word, 1)
        ends = [self.start[i] + _WORD_INFO[self.surface[i]][1] for i in keep]
        self.surface = surface
        self.start = [start[i] for i in keep]
        self.gap = [text[a:b] for a, b in zip([0, *ends[:-1]], self.start)]
        return True

    def _pieces(self) -> list[str]:
        """:attr:`pieces` from :attr:`surface` and :attr:`gap` (after dropping URLs)."""
        n = len(self.surface)
        pieces = [_SOFT] * (2 * n + 1)
        pieces[1::2] = [_PIECES[w] for w in self.surface]
        pieces[2:-1:2] = [_separator(g) for g in self.gap[1:]]
        return pieces

    def end(self, i: int) -> int:
        """Where word ``i`` ends in the text (before a possessive ``'s``)."""
        return self.start[i] + _WORD_INFO[self.surface[i]][1]

    def cap(self, i: int) -> bool:
        """Whether word ``i`` starts with a capital."""
        return _WORD_INFO[self.surface[i]][2]

    def any_cap(self, first: int, last: int) -> bool:
        """Whether a word from ``first`` to ``last`` (inclusive) starts with a capital."""
        if first == last:
            return _WORD_INFO[self.surface[first]][2]
        return any(map(self.cap, range(first, last + 1)))

    def upper(self, i: int) -> bool:
        """Whether word ``i`` is all capitals."""
        return _WORD_INFO[self.surface[i]][3]

    def soft(self, i: int) -> bool:
        """Whether word ``i`` is joined to the previous one by space or hyphen only."""
        return i > 0 and self.pieces[2 * i] == _SOFT

    def sentence_start(self, i: int) -> bool:
        """Whether word ``i`` starts the text or follows sentence punctuation or a line break."""
        return i == 0 or (self.pieces[2 * i] != _SOFT and _GAP_INFO[self.gap[i]][1])

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


_POSSESSIVE = re.compile(r"['’ʼ][sS]$")
#: A dot between word characters (``U.S``, ``3.5``); starts with the dot, so
#: ``re`` jumps from dot to dot.
_DOT_IN_WORD = re.compile(r"\.(?<=\w\.)(?=\w)")
#: Per distinct word / gap string: most words and nearly all gaps recur, so
#: classifying each once makes splitting a text cheap (bounded like the fold cache).
_WORD_INFO: dict[str, tuple[str, int, bool, bool, bool]] = {}  # key, length, cap, upper, headline word
#: Word -> 0 (not a headline word), 1 (one in lower case), 2 (capitalised): see ``_on_title_line``.
_HEADLINE: dict[str, int] = {}
_CUT: set[str] = set()  # words ending in a possessive 's, which is cut off
_GAP_INFO: dict[str, tuple[str, bool]] = {}  # separator, ends a sentence
#: Word -> its code, gap -> its join (no word is a gap: words hold word characters).
_PIECES: dict[str, str] = {}
_KEYS: dict[str, str] = {}  # word -> its key
_SPACED_KEYS: set[str] = set()  # words whose key holds a space
_CACHE_LIMIT = 200_000
#: The joins of the haystack: soft (space or hyphen) and hard (a break).
_SOFT, _HARD = "\x01", "\x02"
#: Word codes: :data:`_CODE_WIDTH` digits in base :data:`_CODE_BASE` (few
#: digits per trie level keep the automaton's lookups short). No known word's
#: code starts with the last digit, so the unknown code matches nothing.
_CODE_BASE, _CODE_WIDTH = 32, 3
_CODE_DIGITS = [chr(0x40 + d) for d in range(_CODE_BASE)]
_UNKNOWN = _CODE_DIGITS[-1] * _CODE_WIDTH
_CODE_CAPACITY = (_CODE_BASE - 1) * _CODE_BASE ** (_CODE_WIDTH - 1)
#: Key of a word of some gazetteer's alias -> its code; only grows. Shared by
#: every matcher of the process (index workers are forked, not pickled).
_CODES: dict[str, str] = {}


def _register(words: set[str]) -> bool:
    """Give each of ``words`` a code; ``False`` (and none) if they do not all fit."""
    new = [w for w in sorted(words) if w not in _CODES]
    if len(_CODES) + len(new) > _CODE_CAPACITY:
        return False
    for word in new:
        number, code = len(_CODES), ""
        for _ in range(_CODE_WIDTH):
            number, digit = divmod(number, _CODE_BASE)
            code = _CODE_DIGITS[digit] + code
        _CODES[word] = code
    if new:
        _clear_caches()  # cached words may have had the unknown code
    return True


def _word_info(surface: str) -> tuple[str, int, bool, bool, bool]:
    """``(key, length, cap, upper, headline word)`` of one word; the possessive
    ``'s`` is cut off (so ``Assad's`` matches ``Assad``), the rest folded."""
    if surface.isascii() and "'" not in surface and "`" not in surface:
        cut = False
        word = surface
        key = word.lower()  # = fold(word): nothing to strip, and casefold is lower in ASCII
    else:
        cut = bool(_POSSESSIVE.search(surface)) and len(surface) > 2
        word = surface[:-2] if cut else surface
        key = fold(word)
    info = _WORD_INFO[surface] = (key, len(word), word[:1].isupper(), word.isupper(),
                                  len(key) > 3 and key.isalpha())
    _HEADLINE[surface] = (1 + info[2]) if info[4] else 0
    _PIECES[surface] = _CODES.get(key, _UNKNOWN)
    _KEYS[surface] = key
    if cut:
        _CUT.add(surface)
    if " " in key:
        _SPACED_KEYS.add(surface)
    return info


def _clear_caches() -> None:
    for cache in (_WORD_INFO, _HEADLINE, _CUT, _GAP_INFO, _PIECES, _KEYS, _SPACED_KEYS):
        cache.clear()


def _gap_info(gap: str) -> tuple[str, bool]:
    """``(join in the haystack, ends a sentence)`` for the text before a word."""
    soft = gap == " " or bool(_SOFT_GAP.fullmatch(gap))
    info = _GAP_INFO[gap] = (_SOFT if soft else _HARD, bool(_SENTENCE_END.search(gap)))
    _PIECES[gap] = info[0]
    return info


def _separator(gap: str) -> str:
    info = _GAP_INFO.get(gap)
    return (info or _gap_info(gap))[0]


def _piece(part: str, is_word: int) -> str:
    """A part of ``split_words``: a word's code or a gap's join."""
    found = _PIECES.get(part)
    if found is None:
        if is_word:
            _word_info(part)
        else:
            _gap_info(part)
        found = _PIECES[part]
    return found


#: A candidate name: ``(first word, last word (inclusive), name, kind, first -
#: last, -rank)``; the last two order candidates longest first (ties: higher
#: rank, then leftmost) by a C-level key (see :func:`_resolve`).
_Candidate = tuple[int, int, str, str, int, int]
#: Alias flags that make the case of the text matter.
_CASE_FLAGS = STRICT | NEEDCAP


class Matcher:
    """Finds a gazetteer's actors and places in text (built once per gazetteer)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._keys = set(gazetteer.aliases["place"]) | set(gazetteer.aliases["actor"]) | ORG_HEADS
        self._coded = _register({word for key in self._keys for word in key.split(" ")})
        self._folded_automaton: Any = None
        if self._coded:
            self.automaton = ahocorasick.Automaton()
            for key in self._keys:
                coded = _SOFT.join(_CODES[word] for word in key.split(" "))
                for join in (_SOFT, _HARD):  # what comes before the first word does not matter
                    # (key, spaces inside, an organisation word?)
                    self.automaton.add_word(join + coded, (key, key.count(" "), key in ORG_HEADS))
            self.automaton.make_automaton()
        else:
            self.automaton = self._folded()
        self._last: tuple[str, tuple[list[Mention], list[Mention]]] | None = None
        self._last_spans: tuple[str, tuple[list[NameSpan], list[NameSpan]]] | None = None
        #: alias spelling -> for each of its words, whether it must be all capitals
        self._wanted: dict[str, tuple[bool, ...]] = {}

    # ------------------------------------------------------------------ find
    def find(self, text: str) -> tuple[list[Mention], list[Mention]]:
        """``(actors, places)`` in ``text``; the last result is cached because
        callers ask for actors and places of the same text in turn."""
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        actors, places = self.find_spans(text)
        result = ([Mention(*m) for m in actors], [Mention(*m) for m in places])
        self._last = (text, result)
        return result

    def find_spans(self, text: str) -> tuple[list[NameSpan], list[NameSpan]]:
        """:meth:`find` as plain tuples ``(name, kind, start, end, surface)``,
        the fields of :class:`~indexer.model.Mention`: extraction reads
        thousands of them per second and keeps none; cached like :meth:`find`."""
        if self._last_spans is not None and self._last_spans[0] == text:
            return self._last_spans[1]
        words = _Words(text)
        keys = words.key
        has_upper = text != text.lower()
        gaz = self.gaz
        actor_alias, place_alias = gaz.aliases["actor"].get, gaz.aliases["place"].get
        actor_of, place_of = gaz.actors.get, gaz.places.get
        titles, common, person = gaz.guards.title, gaz.guards.common, gaz.guards.person
        info, surface = _WORD_INFO, words.surface
        actor_cands: list[_Candidate] = []
        place_cands: list[_Candidate] = []
        weak: list[_Candidate] = []
        country_spans: set[tuple[int, int]] = set()
        heads: list[int] = []  # the words that are organisation words, in order
        if self._coded and not (_SPACED_KEYS and not _SPACED_KEYS.isdisjoint(words.surface)):
            hits: Iterable[tuple[int, tuple[str, int, bool]]] = self.automaton.iter(words.norm)
        else:
            hits = self._folded_hits(words)
        for end_idx, (key, inner_spaces, head) in hits:
            last = end_idx >> 2  # the word whose code ends there (see the module docstring)
            first = last - inner_spaces
            if head and first < len(keys) and keys[first] == key:
                heads.append(first)
            capped = None  # whether a word of the match is capitalised, once asked
            alias = actor_alias(key)
            if alias is not None:
                flags = alias.flags
                ok, capped = self._case_allows(alias, words, first, last, has_upper, capped)
                if ok and (self._verb_follows(words, last) if flags & CAPITAL
                           # A country after a locative ("in Russia") is a place, not an actor.
                           else not (flags & COUNTRY and first > 0 and keys[first - 1] in LOCATIVE)):
                    actor = actor_of(alias.target)
                    cand = (first, last, alias.target, actor.type if actor else "other",
                            first - last, -10 - alias.rank)
                    if flags & COUNTRY:
                        country_spans.add((first, last))
                    (weak if flags & WEAK else actor_cands).append(cand)
            alias = place_alias(key)
            if alias is not None:
                flags = alias.flags
                ok, capped = self._case_allows(alias, words, first, last, has_upper, capped)
                if ok:
                    place = place_of(alias.target)
                    # "President X", "Mr. X": a person, whatever X is.
                    if place is not None \
                            and not (first > 0 and keys[first - 1] in titles and info[surface[first - 1]][2]) \
                            and not ((key in common or key in person)
                                     and self._guard_rejects(key, place, words, first)):
                        place_cands.append((first, last, place.name, place.kind, first - last, -alias.rank))
                        if flags & DEMONYM_PLACE:
                            self._demonym_places(alias, words, first, has_upper, place_cands)
        if weak:
            strong = {c[2] for c in actor_cands}
            actor_cands += [c for c in weak if c[2] in strong]
        if heads:
            actor_cands += self._organisations(text, words, heads)
        actors = _resolve(actor_cands)
        # Words of a known actor's name ("UK-based Syrian Observatory", "Washington
        # Post", "Moscow said") are not places; organisation-pattern names
        # ("Aleppo Provincial Council") keep theirs.
        demonyms = gaz.demonyms
        blocked = {i for first, last, _, kind, _, _ in actors if kind != "organisation"
                   and not demonyms.get(keys[first]) for i in range(first, last + 1)}
        # A country acting ("Russia vetoed") is an actor there, not a location.
        if country_spans:
            blocked |= {c[0] for c in actors if (c[0], c[1]) in country_spans}
        if blocked:
            place_cands = [c for c in place_cands if blocked.isdisjoint(range(c[0], c[1] + 1))]
        places = _resolve(place_cands)
        result = (self._spans(actors, words, text), self._spans(places, words, text))
        self._last_spans = (text, result)
        return result

    def _folded(self) -> Any:
        """The automaton over the folded words (see the module docstring)."""
        if self._folded_automaton is None:
            automaton = ahocorasick.Automaton()
            for key in self._keys:
                # (key, spaces inside, length, an organisation word?)
                automaton.add_word(f" {key} ", (key, key.count(" "), len(key), key in ORG_HEADS))
            automaton.make_automaton()
            self._folded_automaton = automaton
        return self._folded_automaton

    def _folded_hits(self, words: _Words) -> Iterator[tuple[int, tuple[str, int, bool]]]:
        """The hits of :meth:`_folded` in the folded words, as the coded
        automaton reports them (``end >> 2`` is the last word)."""
        norm, starts = words.folded()
        for end, (key, inner_spaces, length, head) in self._folded().iter(norm):
            first = bisect_left(starts, end - length)  # the word whose key starts there
            yield 4 * (first + inner_spaces), (key, inner_spaces, head)

    @staticmethod
    def _spans(cands: list[_Candidate], words: _Words, text: str) -> list[NameSpan]:
        start, surface, info = words.start, words.surface, _WORD_INFO
        out = []
        for first, last, name, kind, _, _ in cands:
            s, e = start[first], start[last] + info[surface[last]][1]
            out.append((name, kind, s, e, text[s:e]))
        return out

    def _case_allows(self, alias: Alias, words: _Words, first: int, last: int, has_upper: bool,
                     capped: bool | None) -> tuple[bool, bool | None]:
        """Whether the match's capitals allow ``alias`` there, and whether a
        word of the match is capitalised (``capped``, computed once per match)."""
        flags = alias.flags
        if not has_upper or not flags & _CASE_FLAGS:
            return True, capped
        if flags & STRICT:
            return self._case_ok(alias, words, first, last), capped
        if capped is None:
            capped = _WORD_INFO[words.surface[first]][2] if first == last else words.any_cap(first, last)
        return bool(capped), capped

    def _case_ok(self, alias: Alias, words: _Words, first: int, last: int) -> bool:
        """Whether the case of words ``first..last`` suits ``alias`` (the text has capitals)."""
        flags = alias.flags
        if flags & STRICT:
            wanted = self._wanted.get(alias.text)
            if wanted is None:
                wanted = self._wanted[alias.text] = tuple(
                    len(want) > 1 and want.isupper() for want in re.findall(r"\w+", alias.text))
            if len(wanted) == last + 1 - first:
                for i, upper in enumerate(wanted, first):
                    if upper and not words.upper(i):
                        return False
            elif not any(map(words.upper, range(first, last + 1))):
                return False
        return not flags & NEEDCAP or words.any_cap(first, last)

    @staticmethod
    def _verb_follows(words: _Words, last: int) -> bool:
        i = last + 1
        n = len(words.key)
        skipped = 0
        while i < n and words.soft(i) and words.key[i] in _AUXILIARIES and skipped < 2:
            i += 1
            skipped += 1
        return i < n and words.soft(i) and words.key[i] in SPEECH_VERBS

    def _guard_rejects(self, key: str, place: Place, words: _Words, first: int) -> bool:
        """Whether a place named by a common word or a person's name (``key``)
        at word ``first`` is not a place there (``Michael Jordan``)."""
        gaz = self.gaz
        guards = gaz.guards
        prev = first - 1 if first > 0 else None
        prev_key = words.key[prev] if prev is not None else ""
        if key in guards.common and (words.sentence_start(first) or not words.cap(first)):
            return True
        if key in guards.person:
            if prev is not None and words.soft(first) and words.cap(prev) \
                    and not words.sentence_start(prev) \
                    and prev_key not in STOPWORDS and prev_key not in gaz.aliases["place"]:
                return True  # Michael Jordan
            if prev is not None and words.soft(first) and words.cap(prev) and words.sentence_start(prev) \
                    and prev_key not in STOPWORDS and prev_key not in LOCATIVE \
                    and prev_key not in gaz.aliases["place"]:
                return True  # sentence-initial "Michael Jordan"
            if place.kind != "country" and (prev is None or prev_key not in LOCATIVE):
                return True
        return False

    def _demonym_places(self, alias: Alias, words: _Words, first: int, has_upper: bool,
                        out: list[_Candidate]) -> None:
        """"Syrian-Turkish border": each demonym before the matched one is a place too."""
        gaz = self.gaz
        i = first
        while i > 0 and words.soft(i) and words.key[i - 1] in gaz.demonyms:
            i -= 1
            country = gaz.demonyms[words.key[i]]
            target = gaz.places.get(gaz.canonical_location(country) or "")
            if target is not None and (words.cap(i) or not has_upper):
                out.append((i, i, target.name, target.kind, 0, -alias.rank))

    # -------------------------------------------------------- organisations
    def _organisations(self, text: str, words: _Words, heads: list[int]) -> list[_Candidate]:
        """Capitalised names ending in (or starting with) an organisation word
        (``heads``: the words in :data:`ORG_HEADS`, in order)."""
        # ``cap(i)``, ``soft(i)`` and ``newline(i)`` of :class:`_Words`, inlined: info[surface[i]][2],
        # pieces[2 * i] == _SOFT (i > 0) and "\n" in gap[i].
        keys, surface, pieces, gap, info = words.key, words.surface, words.pieces, words.gap, _WORD_INFO
        out: list[_Candidate] = []
        n = len(keys)
        title_lines: dict[int, bool] = {}
        for h in heads:
            if not info[surface[h]][2] or self._on_title_line(words, h, title_lines):
                continue
            first = h
            while first > 0 and pieces[2 * first] == _SOFT and "\n" not in gap[first]:
                if info[surface[first - 1]][2]:
                    first -= 1
                elif keys[first - 1] in _NAME_PARTICLES and first - 2 >= 0 and info[surface[first - 2]][2] \
                        and pieces[2 * first - 2] == _SOFT:
                    first -= 1
                else:
                    break
            last = h
            j = h + 1
            if j < n and keys[j] in _ORG_LINKS and pieces[2 * j] == _SOFT:
                k = j + 1
                end_at = h
                while k < n and pieces[2 * k] == _SOFT and "\n" not in gap[k] and \
                        (info[surface[k]][2] or keys[k] in _ORG_INNER or keys[k] in _NAME_PARTICLES):
                    if info[surface[k]][2]:
                        end_at = k
                    k += 1
                last = end_at
            while first < h and (keys[first] in _ARTICLES or (
                    words.sentence_start(first) and keys[first] in _SENTENCE_STARTERS)):
                first += 1
            if last - first < 1:
                continue
            start, end = words.start[first], words.end(last)
            name = " ".join(text[start:end].split())
            out.append((first, last, name, "organisation", first - last, 0))
        return out

    @staticmethod
    def _on_title_line(words: _Words, h: int, seen: dict[int, bool]) -> bool:
        """Is word ``h`` on a headline-style line (most words capitalised)?
        ``seen`` remembers the answer per line (keyed by its first word)."""
        first, end = words.line(h)
        if first not in seen:
            codes = list(map(_HEADLINE.__getitem__, words.surface[first:end])) if end - first < 2 \
                else itemgetter(*words.surface[first:end])(_HEADLINE)
            long_words = len(codes) - codes.count(0)
            seen[first] = long_words >= 6 and codes.count(2) >= 0.75 * long_words
        return seen[first]


def _resolve(cands: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first (ties: higher rank, then leftmost)."""
    cands.sort(key=_LONGEST_FIRST)  # stable: equal keys keep their order
    taken: set[int] = set()
    chosen: list[_Candidate] = []
    for c in cands:
        first, last = c[0], c[1]
        if first == last:
            if first in taken:
                continue
            taken.add(first)
        else:
            span = range(first, last + 1)
            if not taken.isdisjoint(span):
                continue
            taken.update(span)
        chosen.append(c)
    chosen.sort(key=itemgetter(0))
    return chosen


_LONGEST_FIRST = itemgetter(4, 5, 0)
