"""One sense per text, over every mention: a place name the text reads as a
place once is that place wherever else the text writes it alone.

The resolver (:mod:`indexer.extraction.resolve`) already gives an undecided
mention the sense of a resolved one; mentions that its checks of a mention
set aside (``Gainesville says``: a speaker; ``Gainesville's``; a headline's
word) are not even candidates there, and local news names its town most
often in just those forms. A writer does not use one name for a town and
for something else in one story (Gale et al. 1992, "One sense per
discourse"). A name inside a longer capitalised name (``Gainesville Riding
Club``, ``Rodeo Gainesville``) or inside a name found already (an
organisation, a person) stays out. A leaf: it reads the text and name spans.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate

from indexer.analysis import STOPWORDS
from indexer.extraction.place_words import SETTINGS

__all__ = ["repeated_places"]

#: What may follow a repeated mention: not a capitalised word (a longer name)
#: nor a letter; ``'s``, ``-area`` and punctuation may (``Iran-based``: no place, CONVENTIONS.md).
_AFTER = re.compile(r"(?:['’]s\b|-(?:area|region)\b)?(?![\w'’-]|\s+[A-Z0-9])")
#: A word that starts a word (not after a letter, an apostrophe, a dot or a hyphen; any script's capitals).
_CAPITALISED = re.compile(r"(?<![\w'’.-])[^\W\d_][^\W_]*")
#: The first word of a surface as :data:`_CAPITALISED` reads it.
_FIRST_WORD = re.compile(r"[^\W\d_][^\W_]*")
#: Characters that join a word to the one before (no mention starts after them).
_JOINERS = frozenset("'’.-")
#: Two capitals in a row: an acronym (``TxDOT``, ``NASA``), no town's name as written.
_CAPITALS = re.compile(r"[A-Z][A-Z]")
#: Kind words after a county's name (``Madison County``: ``Madison`` alone names it too).
_COUNTY_WORDS = (" County", " Parish")
#: Determiners that open a sentence before a name (``Another Gainesville business``).
_DETERMINERS = frozenset("another each every both all either neither".split())
#: Words that set a town in a headline's or a sentence's first word (``Downtown Greer``, ``Historic Dublin``).
_SETTINGS = SETTINGS | {"historic", "greater", "metropolitan"}
#: The word before a mention, when a capitalised one joins it (``Rodeo Gainesville``).
_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")  # (a sentence's end before it is none: "Texas. Gainesville")


def repeated_places(text: str, actors: Sequence[tuple], places: Sequence[tuple],
                    ordinary: Callable[[str], bool], personal: Callable[[str], bool]) -> list[tuple]:
    """Name spans ``(name, kind, start, end, surface)`` of the other mentions
    of the places in ``places`` (as written: ``surface``) that no span of
    ``actors`` or ``places`` covers, standing alone (after a capitalised word
    only when a stop word: ``The Gainesville store``, not ``Rodeo
    Gainesville``). A one-word name that is an ``ordinary`` word (folded:
    ``School`` read as a town in a headline) or that ``personal``
    (folded) says people bear as a given name or surname (Welch, Hailey) is
    left to the resolver's checks at each mention: a text may name the town
    and the person."""
    if not places or not _may_repeat(text, places):
        return []
    spans = _Spans((s[2], s[3]) for s in (*actors, *places))
    # A name some person of the text bears (Welch, Flores) is that person as often.
    person_words = {w for a in actors if a[1] == "person" for w in str(a[0]).split()}
    sense: dict[str, tuple[str, str]] = {}
    lower = _LowerWords(text)
    for name, kind, start, end, surface in places:
        if surface.isupper() and len(surface) > 3:
            surface = _ordinary_case(surface)  # a dateline's "MANSFIELD": "Mansfield" elsewhere
        heads = [surface]
        for kind_word in _COUNTY_WORDS:  # "Madison County": its headline's "Madison will dump assessors"
            if surface.endswith(kind_word) and surface == name and len(surface) > len(kind_word) + 2:
                heads.append(surface[:-len(kind_word)])
        for head in heads:
            _add_sense(sense, name, kind, head, lower, person_words, ordinary, personal)
    if not sense:
        return []
    out: list[tuple] = []
    last_end = -1
    for start, surface in _occurrences(text, sense):
        end = start + len(surface)
        if start < last_end:
            continue  # inside a longer name's mention found at the same place
        last_end = end
        if not _AFTER.match(text, end) or spans.overlap(start, end):
            continue
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is not None and before.group(1).lower() not in STOPWORDS \
                and before.group(1).lower() not in _DETERMINERS and before.group(1).lower() not in _SETTINGS:
            continue  # "Rodeo Gainesville", "Historic Dublin": a longer name
        name, kind = sense[surface]
        out.append((name, kind, start, end, surface))
    return out


def _may_repeat(text: str, places: Sequence[tuple]) -> bool:
    """Whether a place of ``places`` may be written somewhere its span does
    not cover (most texts name each place once): its surface, or a county's
    name without the kind word, occurs twice; or the surface is not written
    as such at its span (``MANSFIELD``, a spelled-out ``Mount``). One cheap
    count per place, before the per-text work; otherwise nothing is found."""
    for _name, _kind, start, end, surface in places:
        if text[start:end] != surface or (surface.isupper() and len(surface) > 3) or text.count(surface) > 1:
            return True
        if any(surface.endswith(kind_word) and text.count(surface[:-len(kind_word)]) > 1 for kind_word in _COUNTY_WORDS):
            return True
    return False


def _occurrences(text: str, surfaces: dict[str, tuple[str, str]]) -> list[tuple[int, str]]:
    """``(start, surface)`` of every mention of the ``surfaces`` that starts a
    word, in text order, the longest first at one position: each capitalised
    word of the text is looked up by its first word (one pass, however many
    names: no regular expression of the names compiled per text, no search
    per name)."""
    if len(surfaces) <= _FEW:  # (most texts: a search per name is faster than a pass over every word)
        return _found_each(text, surfaces)
    by_first: dict[str, list[str]] = {}
    for surface in sorted(surfaces, key=len, reverse=True):
        by_first.setdefault(_FIRST_WORD.match(surface).group(), []).append(surface)  # type: ignore[union-attr]
    found = []
    for m in _CAPITALISED.finditer(text):
        for surface in by_first.get(m.group(), ()):
            if text.startswith(surface, m.start()):
                found.append((m.start(), surface))
    return found


def _add_sense(sense: dict[str, tuple[str, str]], name: str, kind: str, surface: str, lower: _LowerWords,
               person_words: set[str], ordinary: Callable[[str], bool], personal: Callable[[str], bool]) -> None:
    """Record that ``surface`` reads as the place ``name`` unless the name's
    form makes it unsafe to read so at its other mentions."""
    if " " not in surface and surface.lower() in lower:
        return  # "Republic", "Accord": the text writes the word in lower case too
    if kind not in ("country", "state") and name.split(" (")[0] != surface \
            and not (name.endswith(_COUNTY_WORDS) and name.startswith(surface + " ")):
        return  # "Caribbean" read as the Caribbean Sea: an adjective as often
    if surface and surface[0].isupper() and len(surface) > 2 and not _CAPITALS.search(surface) \
            and not person_words.intersection(surface.split()) \
            and not (" " not in surface and (personal(surface.lower()) or ordinary(surface.lower()))):
        sense.setdefault(surface, (name, kind))


def _ordinary_case(name: str) -> str:
    """``MANSFIELD`` -> ``Mansfield``, ``GOOSE CREEK`` -> ``Goose Creek``."""
    return re.sub(r"[A-Z]+", lambda m: m.group()[0] + m.group()[1:].lower(), name)


#: Names at most searched one by one.
_FEW = 40


def _found_each(text: str, surfaces: dict[str, tuple[str, str]]) -> list[tuple[int, str]]:
    """:func:`_occurrences` by a search per name."""
    found = []
    for surface in surfaces:
        at = text.find(surface)
        while at >= 0:
            if at == 0 or not text[at - 1].isalnum() and text[at - 1] not in _JOINERS and text[at - 1] != "_":
                found.append((at, surface))
            at = text.find(surface, at + 1)
    found.sort(key=lambda f: (f[0], -len(f[1])))
    return found


class _LowerWords:
    """Whether the text writes a word in lower case, asked per word (a few per
    text): found with ``str.find``, not a scan of every word."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = _written(self.text, word)
        return found


def _written(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a whole word, exactly so written."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum() and text[at - 1] not in _JOINERS) \
                and (end == len(text) or not text[end].isalnum() and text[end] not in _JOINERS):
            return True
        at = text.find(word, at + 1)
    return False


class _Spans:
    """Name spans, asked whether any overlaps a range in logarithmic time (a
    text may name one place thousands of times: a scan per mention was quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_ends = list(accumulate((e for _, e in ordered), max))

    def overlap(self, start: int, end: int) -> bool:
        """Whether a span ``(s, e)`` has ``s < end`` and ``start < e``."""
        i = bisect_left(self.starts, end)  # spans [0, i) start before ``end``
        return i > 0 and self.max_ends[i - 1] > start
