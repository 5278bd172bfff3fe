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
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from indexer.extraction.people import PeopleFinder

__all__ = ["AGE_AFTER", "SURNAME_ENDINGS", "SURNAME_TAILS", "VERB_AFTER", "apposition_after", "arabic_compound_first",
           "cue_before", "surname_shaped", "surname_start"]

#: A reporting verb right after a name (``Keita said``), optionally after an auxiliary.
VERB_AFTER = re.compile(
    r"[ \t]+(?:(?:has|had|have|also|later|then|further)[ \t]+)?"
    r"(?:said|says|told|added|stated|explained|noted|warned|stressed|urged|wrote|tweeted|"
    r"insisted|argued|asked|confirmed|denied|announced|declared|emphasised|emphasized|"
    r"spoke|replied|responded|disclosed|revealed|recalled|acknowledged|admitted|testified|reiterated)\b")
#: An age right after a name: ``Pradeep Pradhan (31)``, ``Amirhossein Moradi, also 20,``.
AGE_AFTER = re.compile(r"[ \t]*\((?:aged[ \t]+)?\d{1,2}\)|,[ \t]+(?:also[ \t]+|aged[ \t]+)?\d{1,2}(?:,|[ \t]+years|[ \t]+and\b)")
#: Endings that mark a surname (Slavic, Romanian, Greek, Georgian, Turkish, Armenian), with the
#: shortest word each may end. Place names with these endings are caught by the finder's place guards.
SURNAME_ENDINGS = tuple(
    "owski ewski ovski evski inski ynski owska ewska ovska evska inska ynska ovic ović evic ević ovich evich "
    "enko escu opoulos akis idis iadis shvili adze oglu oğlu ov ev ova eva".split())
#: The endings' last two letters: a set lookup rules most words out before ``endswith``.
SURNAME_TAILS = frozenset(ending[-2:] for ending in SURNAME_ENDINGS)
_MIN_LENGTH = 6  # "Kiev", "Lvov": short words with these endings are places or words
_ARABIC_COMPOUND = re.compile(r"(?:abd|abdel|abdul|abdal|abdol|abdur|abdel)-\w{3,}")
_CLAUSE_END = re.compile(r"[,.;:!?()\n]")
_AGE_BEFORE = re.compile(r"\b\d{1,2}[-‐]year[-‐]old[ \t]+$")  # not "the 200-year-old Lune Aqueduct"
_WHO_AFTER = re.compile(r",?[ \t]+who\b")


def surname_shaped(word: str) -> bool:
    """Whether ``word`` (a capitalised word) ends as only surnames do
    (``Stojanovski``, ``Ibrahimovic``, ``Shevchenko``, ``Saakashvili``)."""
    return word.endswith(SURNAME_ENDINGS) and len(word) >= _MIN_LENGTH and word[:1].isupper() \
        and word[1:].islower()


def arabic_compound_first(key: str) -> bool:
    """Whether a folded word is an Arabic compound given name (``abdel-fattah``)."""
    return _ARABIC_COMPOUND.fullmatch(key) is not None


def cue_before(text: str, offset: int, titles: frozenset[str]) -> bool:
    """Whether the words right before ``offset`` make the run there a person's
    name: an age (``68-year-old``) or a lower-case plural role
    (``attorneys``, ``journalists``: one of ``titles`` with an ``s``)."""
    if offset < 5 or text[offset - 1] not in " \t":
        return False
    if text[offset - 4:offset - 1] == "old":
        return _AGE_BEFORE.search(text[max(0, offset - 24):offset]) is not None
    if text[offset - 2] != "s":  # (most runs: asked per run, so the cheap tests first)
        return False
    last = text[max(0, offset - 24):offset].rsplit(None, 1)[-1]
    return len(last) > 3 and last[:-1] in titles and last.islower()


def apposition_after(text: str, offset: int, end: int, titles: frozenset[str],
                     first_name: Callable[[str], bool]) -> bool:
    """Whether the run ``text[offset:end]`` (a comma before it) is an
    apposition closed by ``who`` (``in the State, Ubah Ogaba who confirmed``)
    or by a comma after a title's phrase (``the officer, ASP Ramhan Nansel,
    disclosed``, ``our Minister for Minority Affairs, Shahbaz Bhatti, and``):
    a title, then a portfolio but no first name (``Rabbi Daniel Wasserman
    of Shaare Torah, Squirrel Hill, said``: his place, not another name)."""
    if text[max(0, offset - 2):offset] != ", ":
        return False
    if _WHO_AFTER.match(text, end) is not None:
        return True
    if text[end:end + 1] != ",":
        return False
    phrase = _CLAUSE_END.split(text[max(0, offset - 80):offset - 2])[-1].split()
    for i in range(len(phrase) - 1, -1, -1):
        word = phrase[i].lower()
        if word in titles:
            return True
        if phrase[i][:1].isupper() and first_name(word):
            return False
    return False


def surname_start(keys: list[str], words: list[str], text: str, finder: PeopleFinder) -> int:
    """Where a name that ends in a surname-shaped word (``Velimir Smilevski``) starts
    in a run of ``words`` (folded: ``keys``): the word before it, a capitalised
    word that is no known name nor an ordinary word; -1 if none. A known
    non-place name before the two (``Sputnik Ilya Pitalev``) makes them a credit line."""
    known = finder.known_name
    for j in range(max(1, len(keys) - 2), len(keys)):  # the name's end is the run's, or just before it
        if surname_shaped(words[j]) and words[j - 1][1:].islower() and finder.name_word(keys[j - 1], text) \
                and known(words[j - 1]) is None and known(words[j]) is None \
                and (j < 2 or (known(words[j - 2]) or ("", "place"))[1] == "place"):
            return j - 1
    return -1
