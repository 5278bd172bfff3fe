"""A town no data knows, placed by a locative and a cue: ``who lives in
Cockerham,``, ``the fire station in Cookville,``, ``operating a bunkhouse
in Atalissa.``

A capitalised name after ``in`` that closes a clause may be anything
(``in Medicaid,``, ``in Bitcoin.``, ``in Congress``); only a cue before
``in`` makes it a place: a verb of living, being based or of what befell
someone there (``lives``, ``based``, ``arrested``, ``killed``), or a noun of
a building or a place's people (``home``, ``store``, ``residents``,
``police``). Even then a name the text also writes in lower case, an
ordinary word, a person's name of the text, a demonym or an institution's
word (``Congress``, ``Parliament``) is no town. Named as written, without
coordinates. A leaf: it reads :class:`indexer.extraction.words.Words` only.
"""

from __future__ import annotations

from collections.abc import Callable

from indexer.analysis import STOPWORDS
from indexer.extraction.place_words import DATE_NAMES, INSTITUTION_WORDS, LEGISLATURES
from indexer.extraction.words import Words, indices

__all__ = ["LOCATIVE_CUES", "NEVER_TOWNS", "unknown_towns"]

#: Words right before ``in`` that say what follows is a place.
LOCATIVE_CUES = frozenset(
    "live lives lived living reside resides resided residing born raised based headquartered located "
    "situated held jailed arrested killed died shot stabbed murdered buried found stationed settled "
    "resident residents police home homes house houses farm store shop bakery restaurant facility "
    "office station plant campus church mosque synagogue school hospital".split())
#: Legislatures and institutions a text places things ``in``, never a town (``in Congress``).
NEVER_TOWNS = frozenset("house council court government administration office".split()) \
    | INSTITUTION_WORDS | LEGISLATURES
_MAX_WORDS = 3
#: What closes the clause after the name.
_CLOSERS = (",", ".", ";", ":", "!", "?")


def unknown_towns(words: Words, taken: set[int], ordinary: Callable[[str], bool]) -> list[tuple]:
    """Candidates ``(first, last, name, "city", first - last, 0)`` of the
    towns after ``<cue> in`` that close a clause, touching no ``taken`` word;
    ``ordinary`` (a folded word) says a word is no town's name (common in
    English, a demonym, a person's name of the text)."""
    keys, n = words.key, len(words.key)
    lower: set[str] | None = None  # (the text's lower-case words, read for a candidate only)
    out: list[tuple] = []
    # Only the words after an "in" (found by a C-level scan: a text holds a few).
    for before in indices(keys, "in", 1, n - 1):
        at = before + 1
        # the cue: a word of living or of a building, or a road's number ("along Route 30 in Hempfield.")
        # (tested first: most "in"s follow none)
        if keys[at - 2] not in LOCATIVE_CUES and not (keys[at - 2].isdigit() and at > 2 and words.cap(at - 3)):
            continue
        if words.cap(at - 1) or not words.soft(at - 1) or not words.soft(at) \
                or not words.cap(at) or at in taken:
            continue
        last = at
        while last + 1 < n and last - at < _MAX_WORDS - 1 and words.soft(last + 1) and words.cap(last + 1) \
                and last + 1 not in taken:
            last += 1
        closer = words.gap[last + 1].strip() if last + 1 < n else "."
        if not closer or closer[0] not in _CLOSERS or any(i in taken for i in range(at, last + 1)):
            continue
        run = keys[at:last + 1]
        if lower is None:
            lower = words.lower_keys()
        if any(k in STOPWORDS or k in lower or k in NEVER_TOWNS or k in DATE_NAMES or ordinary(k) for k in run) \
                or any(words.upper(i) and len(words.surface[i]) > 1 or len(keys[i]) < 3 for i in range(at, last + 1)) \
                or closer == "." and len(keys[last]) < 4 and words.cap(last):
            # an acronym, an initial ("held in H. L. Snyder Funeral Home"), an abbreviation ("St.")
            continue
        name = words.written(at, last)
        out.append((at, last, name, "city", at - last, 0))
    return out
