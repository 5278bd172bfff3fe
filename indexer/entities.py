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
from dataclasses import dataclass

import ahocorasick

from indexer.analysis import STOPWORDS
from indexer.gazetteer import (
    CAPITAL,
    COUNTRY,
    DEMONYM_PLACE,
    NEEDCAP,
    STRICT,
    WEAK,
    Alias,
    Gazetteer,
    tokens,
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


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    key: str
    cap: bool  # first letter upper case
    upper: bool  # all letters upper case
    sentence_start: bool
    soft_before: bool  # joined to the previous word by space/hyphen only
    newline_before: bool


@dataclass
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
            self.automaton.add_word(f" {key} ", key)
        self.automaton.make_automaton()
        self._last: tuple[str, tuple[list[Mention], list[Mention]]] | None = None

    # ------------------------------------------------------------------ words
    def _words(self, text: str) -> tuple[list[_Word], str, dict[int, int]]:
        words: list[_Word] = []
        parts = [" "]
        at = 1
        starts: dict[int, int] = {}
        prev_end = 0
        urls = [m.span() for m in _URL.finditer(text)] if "/" in text else []
        found = tokens(text)
        if urls:  # words inside web addresses are not names
            found = [t for t in found if not any(a <= t[0] < b for a, b in urls)]
        for i, (start, end, key) in enumerate(found):
            gap = text[prev_end:start]
            soft = i > 0 and (gap == " " or bool(_SOFT_GAP.fullmatch(gap)))
            if i > 0 and not soft and gap == "." and end - start == 1 and words[-1].end - words[-1].start == 1:
                soft = True  # U.S.A.
            if i > 0 and not soft:
                parts.append("| ")
                at += 2
            sentence_start = i == 0 or (not soft and bool(_SENTENCE_END.search(gap)))
            surface = text[start:end]
            words.append(_Word(start, end, key, surface[:1].isupper(),
                               surface.isupper(), sentence_start, soft, "\n" in gap))
            starts[at] = i
            parts.append(key)
            parts.append(" ")
            at += len(key) + 1
            prev_end = end
        return words, "".join(parts), starts

    # ------------------------------------------------------------------ find
    def find(self, text: str) -> tuple[list[Mention], list[Mention]]:
        """``(actors, places)`` in ``text``; the last result is cached because
        callers ask for actors and places of the same text in turn."""
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        words, norm, starts = self._words(text)
        has_upper = text != text.lower()
        gaz = self.gaz
        actor_cands: list[_Candidate] = []
        place_cands: list[_Candidate] = []
        weak: list[_Candidate] = []
        capital_spans: set[tuple[int, int]] = set()
        country_spans: set[tuple[int, int]] = set()
        for end_idx, key in self.automaton.iter(norm):
            first = starts[end_idx - len(key) - 1 + 1]
            last = first + key.count(" ")
            for category, cands in (("actor", actor_cands), ("place", place_cands)):
                alias = gaz.aliases[category].get(key)
                if alias is None or not self._case_ok(alias, words, first, last, has_upper):
                    continue
                if category == "actor":
                    cand = self._actor(alias, words, first, last)
                    if cand is None:
                        continue
                    if alias.flags & CAPITAL:
                        capital_spans.add((first, last))
                    if alias.flags & COUNTRY:
                        country_spans.add((first, last))
                    (weak if alias.flags & WEAK else cands).append(cand)
                else:
                    cands.extend(self._places(alias, words, first, last, has_upper))
        strong = {c.name for c in actor_cands}
        actor_cands += [c for c in weak if c.name in strong]
        actor_cands += self._organisations(text, words)
        actors = _resolve(actor_cands)
        # Words of a known actor's name ("UK-based Syrian Observatory", "Washington
        # Post", "Moscow said") are not places; organisation-pattern names
        # ("Aleppo Provincial Council") keep theirs.
        blocked = {i for c in actors if c.kind != "organisation"
                   and not gaz.demonyms.get(words[c.first].key)
                   for i in range(c.first, c.last + 1)}
        # A country acting ("Russia vetoed") is an actor there, not a location.
        blocked |= {c.first for c in actors if (c.first, c.last) in country_spans}
        place_cands = [c for c in place_cands
                       if not any(i in blocked for i in range(c.first, c.last + 1))]
        places = _resolve(place_cands)
        result = ([self._mention(c, words, text) for c in actors],
                  [self._mention(c, words, text) for c in places])
        self._last = (text, result)
        return result

    @staticmethod
    def _mention(c: _Candidate, words: list[_Word], text: str) -> Mention:
        start, end = words[c.first].start, words[c.last].end
        return Mention(c.name, c.kind, start, end, text[start:end])

    @staticmethod
    def _case_ok(alias: Alias, words: list[_Word], first: int, last: int, has_upper: bool) -> bool:
        span = words[first:last + 1]
        if alias.flags & STRICT and has_upper:
            wanted = [w for w in re.findall(r"\w+", alias.text)]
            if len(wanted) == len(span):
                for want, word in zip(wanted, span):
                    if len(want) > 1 and want.isupper() and not word.upper:
                        return False
            elif not any(w.upper for w in span):
                return False
        if alias.flags & NEEDCAP and has_upper and not any(w.cap for w in span):
            return False
        return True

    def _actor(self, alias: Alias, words: list[_Word], first: int, last: int) -> _Candidate | None:
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
    def _verb_follows(words: list[_Word], last: int) -> bool:
        i = last + 1
        skipped = 0
        while i < len(words) and words[i].soft_before and words[i].key in _AUXILIARIES and skipped < 2:
            i += 1
            skipped += 1
        return i < len(words) and words[i].soft_before and words[i].key in SPEECH_VERBS

    @staticmethod
    def _after_locative(words: list[_Word], first: int) -> bool:
        return first > 0 and words[first - 1].key in LOCATIVE

    def _places(self, alias: Alias, words: list[_Word], first: int, last: int,
                has_upper: bool) -> list[_Candidate]:
        gaz = self.gaz
        guards = gaz.guards
        place = gaz.places.get(alias.target)
        if place is None:
            return []
        key = " ".join(w.key for w in words[first:last + 1])
        prev = words[first - 1] if first > 0 else None
        # "President X", "Mr. X": a person, whatever X is.
        if prev is not None and prev.key in guards.title and prev.cap:
            return []
        if alias.rank < 3 or key in guards.common or key in guards.person:
            if key in guards.common and (words[first].sentence_start or not words[first].cap):
                return []
            if key in guards.person:
                if prev is not None and prev.soft_before is not None and words[first].soft_before \
                        and prev.cap and not prev.sentence_start \
                        and prev.key not in STOPWORDS and prev.key not in gaz.aliases["place"]:
                    return []  # Michael Jordan
                if prev is not None and words[first].soft_before and prev.cap and prev.sentence_start \
                        and prev.key not in STOPWORDS and prev.key not in LOCATIVE \
                        and prev.key not in gaz.aliases["place"]:
                    return []  # sentence-initial "Michael Jordan"
                if place.kind != "country" and (prev is None or prev.key not in LOCATIVE):
                    return []
        out = [_Candidate("place", first, last, place.name, place.kind, alias.rank)]
        if alias.flags & DEMONYM_PLACE:
            # "Syrian-Turkish border": each demonym before the matched one.
            i = first
            while i > 0 and words[i].soft_before and words[i - 1].key in gaz.demonyms:
                i -= 1
                country = gaz.demonyms[words[i].key]
                target = gaz.places.get(gaz.canonical_location(country) or "")
                if target is not None and (words[i].cap or not has_upper):
                    out.append(_Candidate("place", i, i, target.name, target.kind, alias.rank))
        return out

    # -------------------------------------------------------- organisations
    def _organisations(self, text: str, words: list[_Word]) -> list[_Candidate]:
        """Capitalised names ending in (or starting with) an organisation word."""
        out: list[_Candidate] = []
        n = len(words)
        title_lines = self._title_case_lines(text, words)
        for h, word in enumerate(words):
            if word.key not in ORG_HEADS or not word.cap or title_lines[h]:
                continue
            first = h
            while first > 0 and words[first].soft_before and not words[first].newline_before:
                prev = words[first - 1]
                if prev.cap:
                    first -= 1
                elif prev.key in _NAME_PARTICLES and first - 2 >= 0 and words[first - 2].cap \
                        and words[first - 1].soft_before:
                    first -= 1
                else:
                    break
            last = h
            j = h + 1
            if j < n and words[j].key in _ORG_LINKS and words[j].soft_before:
                k = j + 1
                end_at = h
                while k < n and words[k].soft_before and not words[k].newline_before and \
                        (words[k].cap or words[k].key in _ORG_INNER or words[k].key in _NAME_PARTICLES):
                    if words[k].cap:
                        end_at = k
                    k += 1
                last = end_at
            while first < h and (words[first].key in _ARTICLES or (
                    words[first].sentence_start and words[first].key in _SENTENCE_STARTERS)):
                first += 1
            if last - first < 1:
                continue
            start, end = words[first].start, words[last].end
            name = " ".join(text[start:end].split())
            out.append(_Candidate("actor", first, last, name, "organisation", 0))
        return out

    @staticmethod
    def _title_case_lines(text: str, words: list[_Word]) -> list[bool]:
        """Per word: is it on a headline-style line (most words capitalised)?"""
        flags = [False] * len(words)
        line_start = 0
        for i in range(len(words) + 1):
            if i == len(words) or (i > line_start and words[i].newline_before):
                line = [w for w in words[line_start:i] if len(w.key) > 3 and w.key.isalpha()]
                if len(line) >= 6 and sum(w.cap for w in line) >= 0.75 * len(line):
                    for k in range(line_start, i):
                        flags[k] = True
                line_start = i
        return flags


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
