"""Finding actors and places in text with a gazetteer.

One Aho-Corasick automaton holds every alias key (folded words joined by
single spaces). The text is turned into the same form: its words, folded, with
``" "`` between words whose gap is only space or a hyphen (so ``Deir ez-Zor``,
``Deir ez Zor`` and a name broken over a line all match) and ``" | "`` at a
hard break (punctuation, a blank line), which no alias can cross. Each match
maps back through the word table to exact offsets in the original text, so
``text[m.start:m.end] == m.surface`` however :func:`fold` changed lengths.

Candidates then pass the false-hit guards documented in
``indexer/data/GAZETTEER.md`` and overlaps are resolved longest-first. Names
that look like organisations (``Aleppo Provincial Council``) are added as
actors of kind ``organisation`` even when no gazetteer knows them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import cast
from itertools import accumulate, compress, repeat
from operator import itemgetter

import ahocorasick

from indexer.analysis import STOPWORDS, fold
from indexer.gazetteer import (
    CAPITAL,
    COUNTRY,
    DEMONYM_PLACE,
    NEEDCAP,
    STRICT,
    WEAK,
    TOKEN_PATTERN,
    Alias,
    Gazetteer,
)
from indexer.model import Mention

__all__ = ["Matcher", "ORG_HEADS"]

_SOFT_GAP = re.compile(r"[ \t]*(?:\r?\n)?[ \t]*(?:[-‐‑‒–—][ \t]*)?|['’ʼ][sS][ \t]+")
_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.-]+\.(?:org|com|net|gov|int|info|io|uk|fr|de|ru|sy|tr)/\S*")
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
    (``re.split``, ``map`` over per-word and per-gap caches, ``accumulate``)
    with no Python loop over the words; the matcher then asks about only the
    few words around each automaton hit.
    """

    __slots__ = ("surface", "key", "start", "gap", "sep", "norm", "norm_starts", "_line_starts")

    def __init__(self, text: str) -> None:
        if len(_WORD_INFO) > _CACHE_LIMIT or len(_GAP_INFO) > _CACHE_LIMIT:
            _clear_caches()  # only here: entries must outlive this text
        parts = _TOKEN_SPLIT.split(text)  # gap, word, gap, word, ..., gap
        surface = parts[1::2]
        n = len(surface)
        maybe_key = list(map(_KEYS.get, surface))
        key = [_word_info(w)[0] if k is None else k for w, k in zip(surface, maybe_key)] \
            if None in maybe_key else cast(list[str], maybe_key)
        self.surface: list[str] = surface
        self.key: list[str] = key
        self.start: list[int] = list(accumulate(map(len, parts)))[0:2 * n:2]  # gap i ends, word i starts
        #: text between word i - 1 (or the text's start) and word i
        self.gap: list[str] = parts[0:2 * n:2]
        if not _CUT.isdisjoint(surface):  # a cut-off possessive belongs to the next gap
            for i in range(n - 1):
                if surface[i] in _CUT:
                    self.gap[i + 1] = text[self.end(i):self.start[i + 1]]
        if "/" in text:
            self._drop_urls(text)
            n = len(self.key)
        maybe_sep = list(map(_GAP_SEPS.get, self.gap))
        sep = [_gap_info(g)[0] if s is None else s for g, s in zip(self.gap, maybe_sep)] \
            if None in maybe_sep else cast(list[str], maybe_sep)
        if "." in self.gap:
            for i in compress(range(n), map(".".__eq__, self.gap)):
                if i > 0 and self.end(i) - self.start[i] == 1 and self.end(i - 1) - self.start[i - 1] == 1:
                    sep[i] = " "  # U.S.A.
        #: what joins word i - 1 to word i in :attr:`norm`: ``" "`` (soft) or ``" | "``
        self.sep: list[str] = sep
        # The automaton's haystack: " key key | key ... " (see the module docstring).
        pieces = [" "] * (2 * n + 1)
        pieces[1::2] = self.key
        pieces[2:-1:2] = sep[1:]
        self.norm = "".join(pieces)
        self.norm_starts = list(accumulate(map(len, pieces)))[0::2]  # where key i starts in norm
        self._line_starts: list[int] | None = None

    def _drop_urls(self, text: str) -> None:
        """Drop the words inside web addresses (they are not names); the gaps
        around them merge."""
        urls = [m.span() for m in _URL.finditer(text)]
        keep = [i for i, start in enumerate(self.start) if not any(a <= start < b for a, b in urls)]
        if len(keep) == len(self.start):
            return
        ends = [self.end(i) for i in keep]
        self.surface = [self.surface[i] for i in keep]
        self.key = [self.key[i] for i in keep]
        self.start = [self.start[i] for i in keep]
        self.gap = [text[a:b] for a, b in zip([0, *ends[:-1]], self.start)]

    def index_at(self, norm_offset: int) -> int:
        """The word whose key starts at ``norm_offset`` in :attr:`norm`."""
        return bisect_left(self.norm_starts, norm_offset)

    def end(self, i: int) -> int:
        """Where word ``i`` ends in the text (before a possessive ``'s``)."""
        return self.start[i] + _WORD_INFO[self.surface[i]][1]

    def cap(self, i: int) -> bool:
        """Whether word ``i`` starts with a capital."""
        return _WORD_INFO[self.surface[i]][2]

    def upper(self, i: int) -> bool:
        """Whether word ``i`` is all capitals."""
        return _WORD_INFO[self.surface[i]][3]

    def soft(self, i: int) -> bool:
        """Whether word ``i`` is joined to the previous one by space or hyphen only."""
        return i > 0 and self.sep[i] == " "

    def sentence_start(self, i: int) -> bool:
        """Whether word ``i`` starts the text or follows sentence punctuation or a line break."""
        return i == 0 or (self.sep[i] != " " and _GAP_INFO[self.gap[i]][1])

    def newline(self, i: int) -> bool:
        """Whether a line break comes before word ``i``."""
        return "\n" in self.gap[i]

    def line(self, i: int) -> tuple[int, int]:
        """``(first, end)``: the words on word ``i``'s line."""
        if self._line_starts is None:
            self._line_starts = list(compress(range(1, len(self.gap)),
                                              map(str.__contains__, self.gap[1:], repeat("\n"))))
        k = bisect_right(self._line_starts, i)
        first = self._line_starts[k - 1] if k > 0 else 0
        end = self._line_starts[k] if k < len(self._line_starts) else len(self.key)
        return first, end


#: ``TOKEN_PATTERN`` as one capturing group, so ``split`` yields words and gaps.
_TOKEN_SPLIT = re.compile(f"({TOKEN_PATTERN.pattern})")
_POSSESSIVE = re.compile(r"['’ʼ][sS]$")
#: Per distinct word / gap string: most words and nearly all gaps recur, so
#: classifying each once makes splitting a text cheap (bounded like the fold cache).
_WORD_INFO: dict[str, tuple[str, int, bool, bool, bool]] = {}  # key, length, cap, upper, headline word
_KEYS: dict[str, str] = {}
_CUT: set[str] = set()  # words ending in a possessive 's, which is cut off
_GAP_INFO: dict[str, tuple[str, bool]] = {}  # separator, ends a sentence
_GAP_SEPS: dict[str, str] = {}
_CACHE_LIMIT = 200_000


def _word_info(surface: str) -> tuple[str, int, bool, bool, bool]:
    """``(key, length, cap, upper, headline word)`` of one word; the possessive
    ``'s`` is cut off (so ``Assad's`` matches ``Assad``), the rest folded."""
    cut = bool(_POSSESSIVE.search(surface)) and len(surface) > 2
    word = surface[:-2] if cut else surface
    key = fold(word)
    info = _WORD_INFO[surface] = (key, len(word), word[:1].isupper(), word.isupper(),
                                  len(key) > 3 and key.isalpha())
    _KEYS[surface] = key
    if cut:
        _CUT.add(surface)
    return info


def _clear_caches() -> None:
    for cache in (_WORD_INFO, _KEYS, _CUT, _GAP_INFO, _GAP_SEPS):
        cache.clear()


def _gap_info(gap: str) -> tuple[str, bool]:
    """``(separator in norm, ends a sentence)`` for the text before a word."""
    soft = gap == " " or bool(_SOFT_GAP.fullmatch(gap))
    info = _GAP_INFO[gap] = (" " if soft else " | ", bool(_SENTENCE_END.search(gap)))
    _GAP_SEPS[gap] = info[0]
    return info


@dataclass(slots=True)
class _Candidate:
    category: str
    first: int  # word index
    last: int  # word index, inclusive
    name: str
    kind: str
    rank: int  # tie-break: higher wins


class Matcher:
    """Finds a gazetteer's actors and places in text (built once per gazetteer)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.automaton = ahocorasick.Automaton()
        keys = set(gazetteer.aliases["place"]) | set(gazetteer.aliases["actor"])
        for key in keys:
            self.automaton.add_word(f" {key} ", (key, key.count(" ")))
        self.automaton.make_automaton()
        self._last: tuple[str, tuple[list[Mention], list[Mention]]] | None = None
        self._wanted: dict[str, list[str]] = {}

    # ------------------------------------------------------------------ find
    def find(self, text: str) -> tuple[list[Mention], list[Mention]]:
        """``(actors, places)`` in ``text``; the last result is cached because
        callers ask for actors and places of the same text in turn."""
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        words = _Words(text)
        has_upper = text != text.lower()
        gaz = self.gaz
        actor_aliases, place_aliases = gaz.aliases["actor"], gaz.aliases["place"]
        actor_cands: list[_Candidate] = []
        place_cands: list[_Candidate] = []
        weak: list[_Candidate] = []
        country_spans: set[tuple[int, int]] = set()
        for end_idx, (key, inner_spaces) in self.automaton.iter(words.norm):
            first = words.index_at(end_idx - len(key))
            last = first + inner_spaces
            alias = actor_aliases.get(key)
            if alias is not None and self._case_ok(alias, words, first, last, has_upper):
                cand = self._actor(alias, words, first, last)
                if cand is not None:
                    if alias.flags & COUNTRY:
                        country_spans.add((first, last))
                    (weak if alias.flags & WEAK else actor_cands).append(cand)
            alias = place_aliases.get(key)
            if alias is not None and self._case_ok(alias, words, first, last, has_upper):
                place_cands.extend(self._places(alias, key, words, first, last, has_upper))
        if weak:
            strong = {c.name for c in actor_cands}
            actor_cands += [c for c in weak if c.name in strong]
        actor_cands += self._organisations(text, words)
        actors = _resolve(actor_cands)
        # Words of a known actor's name ("UK-based Syrian Observatory", "Washington
        # Post", "Moscow said") are not places; organisation-pattern names
        # ("Aleppo Provincial Council") keep theirs.
        blocked = {i for c in actors if c.kind != "organisation"
                   and not gaz.demonyms.get(words.key[c.first])
                   for i in range(c.first, c.last + 1)}
        # A country acting ("Russia vetoed") is an actor there, not a location.
        blocked |= {c.first for c in actors if (c.first, c.last) in country_spans}
        if blocked:
            place_cands = [c for c in place_cands
                           if not any(i in blocked for i in range(c.first, c.last + 1))]
        places = _resolve(place_cands)
        result = ([self._mention(c, words, text) for c in actors],
                  [self._mention(c, words, text) for c in places])
        self._last = (text, result)
        return result

    @staticmethod
    def _mention(c: _Candidate, words: _Words, text: str) -> Mention:
        start, end = words.start[c.first], words.end(c.last)
        return Mention(c.name, c.kind, start, end, text[start:end])

    def _case_ok(self, alias: Alias, words: _Words, first: int, last: int, has_upper: bool) -> bool:
        flags = alias.flags
        if not has_upper or not flags & (STRICT | NEEDCAP):
            return True
        if flags & STRICT:
            wanted = self._wanted.get(alias.text)
            if wanted is None:
                wanted = self._wanted[alias.text] = re.findall(r"\w+", alias.text)
            if len(wanted) == last + 1 - first:
                for want, upper in zip(wanted, map(words.upper, range(first, last + 1))):
                    if len(want) > 1 and want.isupper() and not upper:
                        return False
            elif not any(map(words.upper, range(first, last + 1))):
                return False
        if flags & NEEDCAP and not any(map(words.cap, range(first, last + 1))):
            return False
        return True

    def _actor(self, alias: Alias, words: _Words, first: int, last: int) -> _Candidate | None:
        gaz = self.gaz
        if alias.flags & CAPITAL:
            if not self._verb_follows(words, last):
                return None
        elif alias.flags & COUNTRY and self._after_locative(words, first):
            return None
        actor = gaz.actors.get(alias.target)
        kind = actor.type if actor else "other"
        return _Candidate("actor", first, last, alias.target, kind, alias.rank + 10)

    @staticmethod
    def _verb_follows(words: _Words, last: int) -> bool:
        i = last + 1
        n = len(words.key)
        skipped = 0
        while i < n and words.soft(i) and words.key[i] in _AUXILIARIES and skipped < 2:
            i += 1
            skipped += 1
        return i < n and words.soft(i) and words.key[i] in SPEECH_VERBS

    @staticmethod
    def _after_locative(words: _Words, first: int) -> bool:
        return first > 0 and words.key[first - 1] in LOCATIVE

    def _places(self, alias: Alias, key: str, words: _Words, first: int, last: int,
                has_upper: bool) -> list[_Candidate]:
        gaz = self.gaz
        guards = gaz.guards
        place = gaz.places.get(alias.target)
        if place is None:
            return []
        prev = first - 1 if first > 0 else None
        prev_key = words.key[prev] if prev is not None else ""
        # "President X", "Mr. X": a person, whatever X is.
        if prev is not None and prev_key in guards.title and words.cap(prev):
            return []
        if alias.rank < 3 or key in guards.common or key in guards.person:
            if key in guards.common and (words.sentence_start(first) or not words.cap(first)):
                return []
            if key in guards.person:
                if prev is not None and words.soft(first) and words.cap(prev) \
                        and not words.sentence_start(prev) \
                        and prev_key not in STOPWORDS and prev_key not in gaz.aliases["place"]:
                    return []  # Michael Jordan
                if prev is not None and words.soft(first) and words.cap(prev) and words.sentence_start(prev) \
                        and prev_key not in STOPWORDS and prev_key not in LOCATIVE \
                        and prev_key not in gaz.aliases["place"]:
                    return []  # sentence-initial "Michael Jordan"
                if place.kind != "country" and (prev is None or prev_key not in LOCATIVE):
                    return []
        out = [_Candidate("place", first, last, place.name, place.kind, alias.rank)]
        if alias.flags & DEMONYM_PLACE:
            # "Syrian-Turkish border": each demonym before the matched one.
            i = first
            while i > 0 and words.soft(i) and words.key[i - 1] in gaz.demonyms:
                i -= 1
                country = gaz.demonyms[words.key[i]]
                target = gaz.places.get(gaz.canonical_location(country) or "")
                if target is not None and (words.cap(i) or not has_upper):
                    out.append(_Candidate("place", i, i, target.name, target.kind, alias.rank))
        return out

    # -------------------------------------------------------- organisations
    def _organisations(self, text: str, words: _Words) -> list[_Candidate]:
        """Capitalised names ending in (or starting with) an organisation word."""
        keys, cap, soft, newline = words.key, words.cap, words.soft, words.newline
        if ORG_HEADS.isdisjoint(keys):
            return []
        out: list[_Candidate] = []
        n = len(keys)
        title_lines: dict[int, bool] = {}
        for h in compress(range(n), map(ORG_HEADS.__contains__, keys)):
            if not cap(h) or self._on_title_line(words, h, title_lines):
                continue
            first = h
            while first > 0 and soft(first) and not newline(first):
                if cap(first - 1):
                    first -= 1
                elif keys[first - 1] in _NAME_PARTICLES and first - 2 >= 0 and cap(first - 2) \
                        and soft(first - 1):
                    first -= 1
                else:
                    break
            last = h
            j = h + 1
            if j < n and keys[j] in _ORG_LINKS and soft(j):
                k = j + 1
                end_at = h
                while k < n and soft(k) and not newline(k) and \
                        (cap(k) or keys[k] in _ORG_INNER or keys[k] in _NAME_PARTICLES):
                    if cap(k):
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
            out.append(_Candidate("actor", first, last, name, "organisation", 0))
        return out

    @staticmethod
    def _on_title_line(words: _Words, h: int, seen: dict[int, bool]) -> bool:
        """Is word ``h`` on a headline-style line (most words capitalised)?
        ``seen`` remembers the answer per line (keyed by its first word)."""
        first, end = words.line(h)
        if first not in seen:
            infos = list(map(_WORD_INFO.__getitem__, words.surface[first:end]))
            line = list(compress(map(itemgetter(2), infos), map(itemgetter(4), infos)))  # caps of long words
            seen[first] = len(line) >= 6 and sum(line) >= 0.75 * len(line)
        return seen[first]


def _resolve(cands: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first (ties: higher rank, then leftmost)."""
    cands.sort(key=lambda c: (-(c.last - c.first), -c.rank, c.first))
    taken: set[int] = set()
    chosen: list[_Candidate] = []
    seen: set[tuple[int, int]] = set()
    for c in cands:
        span = range(c.first, c.last + 1)
        if (c.first, c.last) in seen or any(i in taken for i in span):
            continue
        taken.update(span)
        seen.add((c.first, c.last))
        chosen.append(c)
    chosen.sort(key=lambda c: c.first)
    return chosen
