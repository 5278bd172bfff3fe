"""A city named in apposition after a locative: ``in the capital Kinshasa``,
``in the Russian capital Moscow``, ``officials in Moscow said``.

A capital before a reporting verb stands for its state (``Moscow said``),
but where a locative opens its phrase the speaker stands before it and the
city is where it speaks. These helpers find that phrase's start. A leaf: it
reads :class:`indexer.extraction.words.Words` only.
"""

from __future__ import annotations

from indexer.extraction.words import Words

__all__ = ["CAPITAL_NOUNS", "SETTING_WORDS", "apposition_start", "placed_before_verb"]

#: Nouns of a city's apposition before its name (``in the capital Kinshasa``).
CAPITAL_NOUNS = frozenset("capital city port town".split())
#: Lower-case words of a country's part as a place (``on mainland China``, ``rural Syria``).
SETTING_WORDS = frozenset("mainland continental metropolitan coastal rural".split())


def apposition_start(words: Words, first: int) -> int:
    """The first word of the apposition before the name at ``first``
    (``the`` of ``the capital Kinshasa``, ``the Russian capital Moscow``, ``the
    city of Aden``), ``first`` when none opens it."""
    keys, seen = words.key, first
    while seen > 0 and first - seen < 4 and words.soft(seen) and (
            keys[seen - 1] in CAPITAL_NOUNS or keys[seen - 1] in ("the", "of") or words.cap(seen - 1)):
        seen -= 1
        if keys[seen] == "the":
            return seen
    return first


def placed_before_verb(keys: list[str], first: int, locatives: frozenset[str]) -> bool:
    """Whether a single name before ``said`` is where the speaker is, not the
    speaker: after one of ``locatives`` (``officials in Moscow said``), maybe
    through ``the capital`` (``the embassy in the (Russian) capital Kinshasa said``)."""
    at = first
    if at > 1 and keys[at - 1] == "capital":  # (maybe its country's adjective: "the Russian capital")
        at -= 1
        if at > 1 and keys[at - 1] != "the" and keys[at - 1] not in locatives:
            at -= 1
        if at > 1 and keys[at - 1] == "the":
            at -= 1
    return at > 0 and keys[at - 1] in locatives
