"""Places the text introduces by how it speaks of them, not by a known name.

Neighbourhoods and villages are mostly missing from the world data; the text
says what they are (as ``the village of Kafr Awid`` does for
:func:`indexer.extraction.kind_places.kind_named_places`):

- a list before a plural kind word: ``Ghweiran and al-Nashwa al-Sharqi
  neighborhoods``, ``the Suran, Arshak and Ihtimalat regions``: the name after
  ``and``, and those before it set off by commas (where a text lost its
  commas, ``al-Midan al-Hamadaniah New Aleppo and al-Muhafaza``, only the
  last name is clear);
- a distance from another place: ``Heneyda is around 25 kilometres west of
  the city of Raqqa``;
- a city's historic centre: ``the Old City``, ``the Ancient City of Aleppo``
  (not the small towns named Old City).

The name is kept as written and has no coordinates. A leaf: it reads
:class:`indexer.extraction.words.Words` only.
"""

from __future__ import annotations

import re
from itertools import compress

from indexer.analysis import STOPWORDS
from indexer.extraction.words import Words

__all__ = ["NAME_HEADS", "PLURAL_AFTER", "list_places"]

#: Plural kind words after a list of names, and the output kind.
PLURAL_AFTER = {"neighborhoods": "city", "neighbourhoods": "city", "villages": "city", "towns": "city",
                "districts": "subdivision", "suburbs": "city", "quarters": "city", "regions": "region",
                "areas": "region", "camps": "city", "counties": "subdivision", "parishes": "subdivision",
                "crossings": "city"}
_AL = frozenset("al el ad an ar as ash az".split())
#: Generic heads of Arabic-derived place names (village, hill, monastery,
#: spring, gate, house, well, bridge, inn, cape, valley, mountain, ruin,
#: quarter, shrine...): with the word after them one name, not two list members.
NAME_HEADS = frozenset("sheikh kafr kfar tal tall tel tell deir dayr ain ayn bab beit bayt bir jisr khan ras "
                       "wadi jabal jebel qasr khirbet khirbat hayy mazraat maarat maarrat umm abu".split())
_UNITS = frozenset("km kilometres kilometers kilometre kilometer miles mile".split())
_APPROX = frozenset("about around some roughly nearly approximately almost only just".split())
_VERBS = frozenset("is lies sits was".split())
_NUMBER = re.compile(r"\d[\d,.]*$")
_NOT_NAMES = frozenset("january february march april may june july august september october november "
                       "december monday tuesday wednesday thursday friday saturday sunday".split())
_MAX_WORDS = 3
#: ``the Old City``, ``the Ancient City of Aleppo``, ``the Old Town``.
_CENTRE_HEADS = frozenset("old ancient".split())


def list_places(words: Words, taken: set[int]) -> list[tuple]:
    """Candidates ``(first, last, name, kind, first - last, 0)`` of the places
    ``words`` introduce by a plural kind word after them or by a distance;
    names touching ``taken`` words are left alone."""
    keys, n = words.key, len(words.key)
    out: list[tuple] = []
    used: set[int] = set(taken)

    def add(span: tuple[int, int] | None, kind: str) -> None:
        if span is None:
            return
        lo, hi = span
        used.update(range(lo, hi + 1))
        name = words.written(lo, hi)
        out.append((lo, hi, name, kind, lo - hi, 0))

    present = words.key_set()  # (a pass over the keys only for a trigger word the text has)
    plurals = compress(range(n), map(PLURAL_AFTER.__contains__, keys)) if not present.isdisjoint(PLURAL_AFTER) else ()
    for k in plurals:
        if k == 0 or words.cap(k) or not words.soft(k):
            continue
        last = _run_back(words, k - 1, used) or _found_back(words, k - 1, taken)
        if last is None:
            continue
        kind = PLURAL_AFTER[keys[k]]
        at = last[0] - 1
        if at < 1 or keys[at] not in ("and", "or") or not words.soft(at):
            continue  # one name only: no list, no plural ("the Aleppo neighborhoods"); "and" or "or"
        if last[1] not in taken:  # (a place found already, "Lancaster", still ends the list)
            add(last, kind)
        before, known = _run_back(words, at - 1, used), False
        if before is None:  # "Barrow, Jackson and Madison counties": Jackson found already
            before, known = _found_back(words, at - 1, taken), True
        # the names before "and", each set off by a comma or standing alone
        # (a run of capitals without commas is no clear name: "al-Midan al-Hamadaniah New Aleppo")
        while before is not None:
            lo, hi = before
            comma = lo > 0 and words.gap[lo].strip() == ","
            named = [w for w in range(lo, hi + 1) if words.key[w] not in _AL]
            # one word, or a generic head and its word ("Sheikh Ali", "Kafr Nubl", "Tal Rifaat")
            single = len(named) == 1 or len(named) == 2 and words.key[named[0]] in NAME_HEADS
            if not (comma or single and (lo == 0 or not words.cap(lo - 1))):
                break
            if not known:
                add(before, kind)
            if not comma:
                break
            # a name found already (another list member) goes on to the names before it
            before, known = _run_back(words, lo - 1, used), False
            if before is None:
                before, known = _found_back(words, lo - 1, taken), True
    for k in compress(range(n), map(_CENTRE_HEADS.__contains__, keys)) if not _CENTRE_HEADS.isdisjoint(present) else ():
        # "the Old City (of Aleppo)": a city's historic centre, no town named so
        if k + 1 < n and keys[k + 1] in ("city", "town") and words.cap(k) and words.cap(k + 1) \
                and words.soft(k + 1) and not used.intersection((k, k + 1)):
            hi = k + 1
            if hi + 2 < n and keys[hi + 1] == "of" and words.soft(hi + 1) and words.soft(hi + 2):
                host = _run_forward(words, hi + 2)
                if host is not None:
                    hi = host
            if hi > k + 1 or k > 0 and keys[k - 1] == "the":
                add((k, hi), "city")
    for k in compress(range(n), map(_UNITS.__contains__, keys)) if not _UNITS.isdisjoint(present) else ():
        i = k - 1
        if i < 2 or not _NUMBER.match(keys[i]):
            continue
        i -= 1
        if keys[i] in _APPROX:
            i -= 1
        if i < 1 or keys[i] not in _VERBS or not _of_after(keys, k):
            continue
        add(_run_back(words, i - 1, used), "city")
    return out


def _run_forward(words: Words, first: int) -> int | None:
    """The last word of the capitalised name starting at word ``first``."""
    keys, n = words.key, len(words.key)
    if not words.cap(first) or keys[first] in STOPWORDS:
        return None
    last = first
    while last + 1 < n and last - first < _MAX_WORDS - 1 and words.soft(last + 1) and words.cap(last + 1) \
            and keys[last + 1] not in _NOT_NAMES:
        last += 1
    return last


def _of_after(keys: list[str], unit: int) -> bool:
    """``25 kilometres (west) of`` / ``from``: a distance from a place."""
    for j in range(unit + 1, min(unit + 3, len(keys))):
        if keys[j] in ("of", "from"):
            return True
    return False


def _found_back(words: Words, last: int, taken: set[int]) -> tuple[int, int] | None:
    """``(first, last)`` of the capitalised name found already (``taken``)
    that ends at word ``last``: the end of a list of places
    (``Douglas, Sarpy and Lancaster counties``); ``None`` otherwise."""
    if last < 0 or last not in taken or not words.cap(last):
        return None
    first = last
    while first > 0 and first - 1 in taken and words.soft(first) and words.cap(first - 1) \
            and words.gap[first].strip() != "," and last - first < _MAX_WORDS:
        first -= 1
    return first, last


def _run_back(words: Words, last: int, blocked: set[int]) -> tuple[int, int] | None:
    """``(first, last)`` of the capitalised name ending at word ``last``
    (``al-`` particles inside), at most :data:`_MAX_WORDS` name words."""
    keys = words.key
    if last < 0 or last in blocked or not words.cap(last) or keys[last] in STOPWORDS \
            or keys[last] in _NOT_NAMES or words.upper(last) and len(words.surface[last]) > 1:
        return None
    first, count, i = last, 1, last
    while i > 0 and words.soft(i) and "\n" not in words.gap[i] and words.gap[i].strip() != ",":
        j = i - 1
        if j in blocked:
            break
        if keys[j] in _AL and "-" in words.gap[i]:
            first = i = j  # "al-Nashwa": the particle opens the name
            continue
        if not words.cap(j) or keys[j] in STOPWORDS or keys[j] in _NOT_NAMES or count >= _MAX_WORDS:
            break
        first = i = j
        count += 1
    if keys[first] in STOPWORDS and words.cap(first):
        return None
    return first, last
