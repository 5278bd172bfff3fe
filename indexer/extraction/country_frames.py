"""A country's role from the frame of its mention (issue 18 item 5): whether
the words around a country make it a place or an actor there, before the
general guards of :mod:`indexer.extraction.candidate_guards` (a locative
before it, a verb after it) decide.

Places: after a border word and ``with``/``between`` (``the border with
Iraq``, ``a river border crossing with Turkey``, ``the border between Syria
and Turkey``); after a locative and an adjective of the place (``in occupied
Palestine``, ``to neighbouring Turkey``, ``in war-torn Syria``); before its
possessive, an adjective and a place noun (``Afghanistan's immediate
neighbours``); as a text's or a line's topic label (``Ethiopia: UN workers
detained``). Actors: after ``ally of`` (``a close ally of the United
States``, ``the admission of Palestine``; the strikes a country owns are
:func:`indexer.extraction.role_words.strikes_agent`'s). Both: a place that acts in a relative
clause (``into Turkey, which opened its border``). Such frames say the role whatever the
country and the text, so they are checked first.

Leaf module: it reads the words and the place words only.
"""

from __future__ import annotations

from indexer.extraction.place_words import BORDER_NOUNS, DASHES
from indexer.extraction.words import Words

__all__ = ["before_border", "frame_role"]

#: Nouns after a country (or a dash-joined pair of them) that make it a place (``the Sudan–Chad border``).
_BORDER_NOUNS = BORDER_NOUNS | {"borderlands"}
#: Words between a border noun and ``with`` (``border crossing with``).
_BORDER_KINDS = frozenset("crossing crossings line lines area areas region regions".split())
#: Words before a country (after a locative) that describe it as a place.
_PLACE_ADJECTIVES = frozenset("occupied neighbouring neighboring nearby mainland landlocked".split())
#: Second halves of hyphenated adjectives of a place's plight (``war-torn``).
_PLIGHT_WORDS = frozenset("torn hit ravaged stricken wracked racked ridden battered scarred affected".split())
#: Locatives that the adjective frame follows (no ``of``: ``the help of neighbouring Jordan``).
_LOCATIVES = frozenset("in into to from across throughout inside within near towards toward through "
                       "fled entered reached crossed".split())
#: Nouns before ``of`` that make the country after it an actor (``a close ally of the United States``,
#: ``the admission of Palestine``, ``at the invitation of Saudi Arabia``).
_ACTOR_OF = frozenset("ally allies partner partners adversary adversaries backer backers admission accession "
                       "invitation".split())
#: Place nouns after a possessive and one adjective (``Afghanistan's immediate neighbours``).
_POSSESSED_PLACES = frozenset("neighbours neighbors border borders frontier province provinces region "
                              "regions city cities town towns countryside coast territory territories".split())
#: Verbs of a state's act in a relative clause after it (``into Turkey, which opened its border``).
_RELATIVE_ACTS = frozenset("said announced denied refused rejected agreed opened closed hosted hosts sent deployed "
                           "accused condemned imposed launched backed supported".split())


def before_border(words: Words, last: int) -> bool:
    """Whether a border noun follows word ``last``, maybe after one or two
    capitalised words each joined by a dash (``Sudan–Chad border``)."""
    keys, n = words.key, len(words.key)
    i = last + 1
    for _ in range(3):
        if i >= n or not words.soft(i):
            return False
        if keys[i] in _BORDER_NOUNS:
            return True
        if not (words.cap(i) and words.gap[i].strip(" \t") in DASHES):
            return False
        i += 1
    return False


def frame_role(words: Words, first: int, last: int) -> str | None:
    """``"place"``, ``"actor"`` or ``"both"`` (a place that acts in a relative
    clause) when the frame of the country at words ``first..last`` says its
    role, else ``None``."""
    keys = words.key
    at = first - 1
    if at >= 0 and keys[at] == "the" and words.soft(first):
        at -= 1
    if at < 1 or not words.soft(at + 1):
        return _label(words, first, last)
    prev = keys[at]
    if prev in ("with", "between") and _border_before(words, at):
        return "place"
    if prev == "of" and keys[at - 1] in _ACTOR_OF and words.soft(at):
        return "actor"
    if at == first - 1 and (start := _place_adjective(words, at)) and keys[start - 1] in _LOCATIVES:
        return "place"
    if prev in _LOCATIVES and _relative_act(words, last):
        return "both"
    return _label(words, first, last)


def _border_before(words: Words, at: int) -> bool:
    """Whether a border noun (maybe with a kind word after it) ends right before word ``at``."""
    keys = words.key
    i = at - 1
    if i > 0 and keys[i] in _BORDER_KINDS and words.soft(i):
        i -= 1
    return keys[i] in _BORDER_NOUNS and words.soft(i + 1)


def _place_adjective(words: Words, at: int) -> int:
    """The first word of the lower-case adjective of a place (``occupied``,
    ``war-torn``) ending at word ``at``, or 0 if there is none."""
    key = words.key[at]
    if words.cap(at):
        return 0
    if key in _PLACE_ADJECTIVES:
        return at
    return at - 1 if key in _PLIGHT_WORDS and words.gap[at] in DASHES and at > 1 else 0


def _relative_act(words: Words, last: int) -> bool:
    """Whether ``which`` (not ``who``: ``a guard from Kenya who said``) and a verb of a state's act follow word
    ``last`` (``cross into Turkey, which opened its border``)."""
    keys, nxt = words.key, last + 1
    if nxt + 1 >= len(keys) or keys[nxt] != "which" or words.newline(nxt) \
            or words.gap[nxt].strip() not in ("", ","):
        return False
    return keys[nxt + 1] in _RELATIVE_ACTS and words.soft(nxt + 1)


def _label(words: Words, first: int, last: int) -> str | None:
    """``"place"`` for a country opening the text or a line before a colon
    (``Ethiopia: UN workers detained``), or before a possessive, an adjective
    and a place noun; else ``None``."""
    keys, n, nxt = words.key, len(words.key), last + 1
    if nxt >= n:
        return None
    gap = words.gap[nxt]
    if (first == 0 or words.newline(first)) and gap.startswith(":") and "\n" not in gap:
        return "place"
    if gap in ("’s ", "'s ", "’ ", "' ") and nxt + 1 < n and words.soft(nxt + 1) and not words.cap(nxt) \
            and keys[nxt + 1] in _POSSESSED_PLACES:
        return "place"
    return None
