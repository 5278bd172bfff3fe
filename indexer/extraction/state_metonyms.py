"""A place name standing for its state (issue 18 items 3-4): a capital or a
country that the words around it make the state's actor, no place: after ``the`` and before
``regime`` (``the support of the Belgrade regime``), after a state's support
and ``from`` (``support from Tehran``, ``backing from Moscow``), after
``independently``/``independent`` and ``of`` (``independently of
Damascus``), before its possessive and a state's stance (``Tehran's backing``,
``Moscow's support``). Where the same name says where (``fled from Tehran``, ``the road
to Damascus``, ``the Damascus countryside``) these frames are absent.

Leaf module: it reads the words only.
"""

from __future__ import annotations

from indexer.extraction.words import Words

__all__ = ["stands_for_state"]

#: Lower-case words right after a name that make it its state (``the Belgrade regime``).
_STATE_NOUNS = frozenset("regime regimes".split())
#: A state's support before ``from`` (``support from Tehran``, ``orders from Damascus``).
_SUPPORT_FROM = frozenset("support backing aid assistance orders instructions pressure approval "
                          "permission funding funds arms weapons".split())
#: A state's stance after its possessive (``Moscow's support``).
_STANCES = frozenset("support backing position stance policy policies decision veto intervention involvement "
                     "refusal response ally allies".split())
#: Words before ``of`` that make the name after it the state acting (``independently of Damascus``).
_APART_OF = frozenset("independently independent".split())


def stands_for_state(words: Words, first: int, last: int) -> bool:
    """Whether the name at words ``first..last`` stands for its state there
    (see the module's frames), so it is no place."""
    keys, n = words.key, len(words.key)
    nxt = last + 1
    if nxt < n and not words.cap(nxt):
        if keys[nxt] in _STATE_NOUNS and words.soft(nxt) and first > 0 and keys[first - 1] == "the" \
                and words.cap(last):
            # (not a headline's "Syria regime raids kill 10", nor "the Damascus suburbs regime artillery")
            return True
        if keys[nxt] in _STANCES and words.gap[nxt][:2] in ("'s", "\u2019s"):
            return True
    at = first - 1
    if at > 0 and words.soft(first) and words.soft(at):
        if keys[at] == "from":
            return keys[at - 1] in _SUPPORT_FROM
        if keys[at] == "of":
            return keys[at - 1] in _APART_OF
    return False
