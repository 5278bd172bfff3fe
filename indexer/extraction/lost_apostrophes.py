"""Possessives that lost their apostrophe: a country's before a place (``Syrias Aleppo``),
an actor's before its strikes or arms (``Russias airstrikes``).

Scraped news often drops apostrophes (the FA-KES articles have none), so
``Syrias`` matches no name and the country goes unseen: ``in Syrias Aleppo``
gives Aleppo but not Syria. :func:`restore_possessives` writes such a word as
the possessive it was (``Syria'``), same length, so the offsets of every
mention stay those of the text and the possessive rule applies as to
``Syria's Homs``: the country is a place there. Only before a place's name
or a word of a part of a country (``Syrias Idlib``, ``Syrias northern
border``): ``Syrias war`` names the country no more than ``Syrian war``
does, and ``Russias Aerospace Forces`` is read by the organisation rules.
Only a capitalised word that is a country's name plus ``s`` and no name of
its own (``Americas``, ``Philippines``) is rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from indexer.extraction.role_words import ARMED_ACTS

__all__ = ["restore_possessives"]

#: A capitalised word ending in a lower-case ``s``, and the word or two after it.
#: The capital comes first and the look-behind after it (``(?<![\w'’-].)``: nothing
#: word-like before the capital): ``re`` then jumps from capital to capital instead
#: of trying the look-behind at every character of the text (a third of the time).
_POSSESSIVE = re.compile(r"([A-Z](?<![\w'’-].)[a-z]+)s(?= ([\w-]+)(?: ([\w-]+))?)")
#: The capitalised word right before (``Saudi`` of ``Saudi Arabias``).
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+) $")
#: Lower-case words after a country's possessive that name a part of it.
_PART_WORDS = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast southwest "
    "northeastern northwestern southeastern southwestern central capital border borders province "
    "provinces region regions city cities town towns countryside coast territory territories".split())


def restore_possessives(text: str, is_country: Callable[[str], bool], is_name: Callable[[str], bool],
                        is_place: Callable[[str], bool], is_actor: Callable[[str], bool] | None = None) -> str:
    """``text`` with each ``<Country>s`` before a place written ``<Country>'``, and
    each ``<Actor>s`` before its strikes or arms (``Russias airstrikes``, ``Assads
    air force``, ``US-Led Coalitions Airstrike``: ``role_words.ARMED_ACTS``) written
    ``<Actor>'``, whose possessive names the agent (``indexer.extraction.roles``).

    :param is_country: whether a name is a country's.
    :param is_name: whether a word is a known name itself (``Americas``).
    :param is_place: whether a name is a place's.
    :param is_actor: whether a word is a known actor's name (``Assad``, ``Coalition``).

    >>> countries = {"Syria", "Saudi Arabia"}.__contains__
    >>> restore_possessives("in Syrias Aleppo, Saudi Arabias capital, Syrias war, the Americas now",
    ...                     countries, {"Americas"}.__contains__, {"Aleppo"}.__contains__)
    "in Syria' Aleppo, Saudi Arabia' capital, Syrias war, the Americas now"
    """
    if "s " not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        stem, nxt, after = m.group(1, 2, 3)
        # A word that is a name itself ("Americas") is never rewritten; asked
        # last, as the rest rejects most words in fewer lookups (each predicate
        # folds its name into a key).
        if is_actor is not None and _armed(nxt, after) and (is_country(stem) or is_actor(stem)):
            pass
        elif not (nxt in _PART_WORDS or nxt[:1].isupper() and (is_place(nxt) or after and is_place(f"{nxt} {after}"))):
            return m.group()
        elif not is_country(stem):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if not (before and is_country(f"{before.group(1)} {stem}")):  # "Saudi Arabias"
                return m.group()
        return m.group() if is_name(stem + "s") else stem + "'"

    return _POSSESSIVE.sub(repl, text)


def _armed(word: str, after: str | None) -> bool:
    """Whether ``word`` (and ``after``) name strikes or arms (``airstrikes``, ``air force``)."""
    low = word.lower()
    if low == "air":
        return after is not None and after.lower() in ("force", "strike", "strikes", "raid", "raids")
    return low in ARMED_ACTS
