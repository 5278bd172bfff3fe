"""Cues of a person's name that neither a title nor the first-name list gives.

``indexer.extraction.people`` finds a name by a title before it, a listed
first name or a reporting verb. Many names in news from other conflicts have
none of these: a first name faker's lists lack (``Velimir``, ``Adamu``,
``Shyrl``) in front of a cue the text does give. These cues hold in any text:

- an age before the name (``68-year-old Shyrl Lamar``);
- a plural role before a list of names (``attorneys Norm Pattis and Kevin Smith``);
- an apposition closed by ``who`` or a reporting verb (``the officer, Ubah Ogaba who confirmed``);
- a surname of a shape only surnames have (``-ovski``, ``-ović``, ``-enko``,
  ``-escu``, ``-opoulos``, ``-shvili``, ``-oglu``...) after a first word;
- an Arabic compound first name (``Abdel-Fattah``, ``Abdul-Karim``: ``Abd``, servant of).

Each is a shape test on a few characters; the finder applies its usual guards
(a known name, a place, an ordinary word) to what they propose.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from indexer.extraction.people import PeopleFinder

__all__ = ["apposition_after", "arabic_compound_first", "cue_before", "surname_shaped", "surname_start"]

#: Endings that mark a surname (Slavic, Romanian, Greek, Georgian, Turkish, Armenian), with the
#: shortest word each may end. Place names with these endings are caught by the finder's place guards.
_SURNAME_ENDINGS = re.compile(
    r"(?:[oe]wski|[oe]vski|[iy]nski|[oe]wska|[oe]vska|[iy]nska|ovi[cć]|evi[cć]|ovich|evich|enko|escu|"
    r"opoulos|akis|idis|iadis|shvili|adze|o[gğ]lu|[oe]v|[oe]va)$")
_MIN_LENGTH = 6  # "Kiev", "Lvov": short words with these endings are places or words
_ARABIC_COMPOUND = re.compile(r"(?:abd|abdel|abdul|abdal|abdol|abdur|abdel)-\w{3,}")
_CLAUSE_END = re.compile(r"[,.;:!?()\n]")
_AGE_BEFORE = re.compile(r"\b\d{1,3}[-‐]year[-‐]old[ \t]+$")
_APPOSITION_END = re.compile(
    r",?[ \t]+who\b|,[ \t]+(?:said|told|disclosed|confirmed|added|stated|explained|noted|revealed)\b")


def surname_shaped(word: str) -> bool:
    """Whether ``word`` (a capitalised word) ends as only surnames do
    (``Stojanovski``, ``Ibrahimovic``, ``Shevchenko``, ``Saakashvili``)."""
    return len(word) >= _MIN_LENGTH and word[:1].isupper() and word[1:].islower() \
        and _SURNAME_ENDINGS.search(word) is not None


def arabic_compound_first(key: str) -> bool:
    """Whether a folded word is an Arabic compound given name (``abdel-fattah``)."""
    return _ARABIC_COMPOUND.fullmatch(key) is not None


def cue_before(text: str, offset: int, titles: frozenset[str]) -> bool:
    """Whether the words right before ``offset`` make the run there a person's
    name: an age (``68-year-old``) or a lower-case plural role
    (``attorneys``, ``journalists``: one of ``titles`` with an ``s``)."""
    before = text[max(0, offset - 24):offset]
    if _AGE_BEFORE.search(before):
        return True
    words = before.rsplit(None, 1)
    if not words or before[-1:] not in " \t":
        return False
    last = words[-1]
    return len(last) > 3 and last.islower() and last[-1] == "s" and last[:-1] in titles


def apposition_after(text: str, offset: int, end: int, titles: frozenset[str]) -> bool:
    """Whether the run ``text[offset:end]`` is an apposition closed by
    ``who`` or by a comma and a reporting verb (``in the State, Ubah Ogaba who
    confirmed``, ``the officer, ASP Ramhan Nansel, disclosed``), or by a comma
    after a capitalised title's phrase (``our Minister for Minority Affairs,
    Shahbaz Bhatti, and``): a comma before it."""
    if text[max(0, offset - 2):offset] != ", ":
        return False
    if _APPOSITION_END.match(text, end) is not None:
        return True
    if text[end:end + 1] != ",":
        return False
    phrase = _CLAUSE_END.split(text[max(0, offset - 60):offset - 2])[-1].split()[-6:]
    return any(w[:1].isupper() and w.lower() in titles for w in phrase)


def surname_start(keys: list[str], words: list[str], text: str, finder: PeopleFinder) -> int:
    """Where a name that ends in a surname-shaped word (``Velimir Smilevski``) starts
    in a run of ``words`` (folded: ``keys``): the word before it, a capitalised
    word that is no known name nor an ordinary word; -1 if none. A known
    non-place name before the two (``Sputnik Ilya Pitalev``) makes them a credit line."""
    known = finder.known_name
    for j in range(1, len(keys)):
        if surname_shaped(words[j]) and words[j - 1][1:].islower() and finder.name_word(keys[j - 1], text) \
                and known(words[j - 1]) is None and known(words[j]) is None \
                and (j < 2 or (known(words[j - 2]) or ("", "place"))[1] == "place"):
            return j - 1
    return -1
