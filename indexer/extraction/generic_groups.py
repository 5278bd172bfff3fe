"""Generic armed groups as role values: ``rebels``, ``Syrian rebels``, ``armed terrorist groups``.

A claim sentence often names its agent only by kind: ``Damascus accused
rebels of shelling``, ``Syrian rebels fired mortars``, ``armed terrorist groups
used chemical weapons``. These are no gazetteer actors (no statement is *about*
"rebels", and ``actor:Syria`` must not find them), but a researcher asking who
did an act wants them: they are mentions that only
:func:`indexer.extraction.roles.claim_roles` sees, as the value of a role.

The value is the group as a reader names it: the rebel words (``rebels``,
``insurgents``, ``opposition fighters``, ``armed opposition``) read as ``rebels``
and keep a state's demonym before them (``Syrian rebels``, never the state:
``by:Syria`` does not match them); the group words (``armed groups``,
``armed terrorist groups``, ``terrorist groups``, ``armed gangs``) are kept as
written. ``police`` and ``authorities`` with no state named stand for the
state's institution (ROLES.md: ``police``, ``the authorities`` are named
actors) and read as ``police`` / ``authorities``. Bare descriptions that name no one (``gunmen``, ``militants``, ``the
militias``, ``attackers``) stay unnamed: precision first (ROLES.md, ``No named
agent gives an empty by``); a demonym makes them a group (``Iraqi militants``).

Leaf module: it reads the gazetteer's demonym table only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

__all__ = ["group_mentions"]

#: Words for the armed opposition to a state, read as one value (``rebels``).
_REBEL_WORDS = r"rebels|insurgents|opposition fighters|armed opposition|opposition forces|opposition militants"
#: Words that name a group only with a demonym before them (``Iraqi militants``).
_DEMONYM_ONLY = r"militants|militias|gunmen|jihadists|guerrillas|guerillas|separatists|terrorists"
#: A state's institutions, named actors even without the state (ROLES.md): ``police`` detained.
_INSTITUTIONS = r"security police|riot police|police officers|policemen|police|authorities"
#: Group words kept as written (``armed terrorist groups``).
_GROUP_WORDS = r"armed terrorist groups|armed groups|terrorist groups|armed gangs"


def _either_case(words: str) -> str:
    """``rebels|armed groups`` -> ``[Rr]ebels|[Aa]rmed groups``: a capital only where a sentence starts."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split("|"))


#: The group's words (searched first: a case-sensitive alternation is the fast one), then
#: the demonym right before them (:data:`_DEMONYM_BEFORE`).
_PATTERN = re.compile(
    rf"(?<![\w-])(?:(?P<rebel>{_either_case(_REBEL_WORDS)})|(?P<only>{_either_case(_DEMONYM_ONLY)})"
    rf"|(?P<group>{_either_case(_GROUP_WORDS)})|(?P<institution>{_either_case(_INSTITUTIONS)}))\b(?!-)")
_DEMONYM_BEFORE = re.compile(r"(?<![\w-])[A-Z][a-z]+ $")
#: Before an institution: a name or a possessive owns it (``Punjab police``, ``Yemen's intelligence authorities``).
_OWNED = re.compile(r"(?:(?<!^)(?<![.!?\"\u201c] )(?!The\b|A\b|An\b)[A-Z][\w-]*|[\w-]+['\u2019]s?)(?: [a-z]+)? $")
#: Cheap test (substrings): no group word in the sentence, no regex search.
_HINTS = ("ebels", "nsurgents", "pposition", "groups", "gangs", "ilitants", "ilitias", "unmen", "ihadists",
          "uerrillas", "uerillas", "eparatists", "errorists", "olice", "uthorities")


def group_mentions(text: str, start: int, end: int, demonyms: Mapping[str, str],
                   taken: Sequence[tuple[int, int]] = ()) -> list[tuple[str, int, int]]:
    """``(value, start, end)`` of each generic armed group in ``text[start:end]``
    that overlaps no span of ``taken`` (the gazetteer's mentions: ``Houthi
    rebels`` is an actor of its own).

    :param demonyms: folded demonym -> country (``Gazetteer.demonyms``).

    >>> s = "Damascus accused Syrian rebels and armed terrorist groups of shelling, gunmen said."
    >>> group_mentions(s, 0, len(s), {"syrian": "Syria"})
    [('Syrian rebels', 17, 30), ('armed terrorist groups', 35, 57)]
    """
    sentence = text[start:end]
    if not any(hint in sentence for hint in _HINTS):
        return []
    out: list[tuple[str, int, int]] = []
    for m in _PATTERN.finditer(text, start, end):
        s, e = m.span()
        before = _DEMONYM_BEFORE.search(text, max(start, s - 30), s)
        demonym = None  # "The rebels", "Heavy militias": no state named
        if before is not None and before.group()[:-1].lower() in demonyms:
            demonym, s = before.group()[:-1], before.start()
        if demonym is None and m.group("only"):
            continue  # "gunmen", "militants": no one named
        if any(s < te and ts < e for ts, te in taken):
            continue
        if m.group("institution"):
            if demonym is not None or _OWNED.search(text[start:s]):
                continue  # "Belarusian police", "Yemen's authorities", "Punjab police": a named owner
            word = m.group("institution").lower()
            value = word if word in ("authorities", "policemen") else "police"
        elif m.group("group"):
            value = m.group("group").lower()
        else:
            noun = "rebels" if m.group("rebel") else m.group("only").lower()
            value = f"{demonym} {noun}" if demonym else noun
        out.append((value, s, e))
    return out
