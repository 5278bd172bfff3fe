"""Bodies named by a lower-case kind word after a proper name (issue 18,
actors): a town's police (``Dongxiaokou police declined to comment``, ``the
Aurangabad city police``) and a faction named for its leader (``the Hekmatyar
faction``).

The capitalised organisation pattern of :mod:`indexer.extraction.org_names`
reads ``Kandahar Police``; news text writes the same bodies with the kind
word in lower case. A nation's police (``Kenyan police``, ``Lebanon police``)
is the national force (:mod:`indexer.extraction.national_forces`), and a
known body's faction or a demonym's (``the Syrian faction``) names no new
body: both are left alone here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from indexer.extraction.name_lists import common_words
from indexer.extraction.words import WORD_INFO, Words

if TYPE_CHECKING:
    from indexer.extraction.candidate_guards import Candidate
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["FACTION_NOUNS", "LOCAL_FORCES", "NAMED_KINDS", "named_before_kind"]

#: Lower-case words that after a town's name name its force.
LOCAL_FORCES = frozenset(("police",))
#: Lower-case words that after a leader's or a group's own name name that group
#: (``the Hekmatyar faction``, ``the MeToo movement``, ``the Ennahda party``; not ``group``
#: or ``militia``: mostly after an adjective, ``the Takfiri group``, ``the Shiite militia``).
FACTION_NOUNS = frozenset("faction movement party foundation".split())
#: Every kind word read here.
NAMED_KINDS = LOCAL_FORCES | FACTION_NOUNS
#: Lower-case words between a town and its force (``the Aurangabad city police``).
_LEVELS = frozenset("city municipal district county provincial".split())
#: Words after a force that make it a building (``the Paharganj police station``).
_BUILDINGS = frozenset("station stations post posts headquarters chowki outpost".split())
#: Endings of adjectives and kinds written with a capital (``Kurdish``, ``Islamist``), no town or leader.
_ADJECTIVE_ENDS = ("ish", "ist", "ists")
#: The most capitalised words of the name before the kind word.
_MAX_WORDS = 3
#: Capitalised words that open sentences or dates, never such a name.
_NOT_NAMES = frozenset(
    "the a an and but so then now meanwhile however also yesterday today tonight earlier later "
    "monday tuesday wednesday thursday friday saturday sunday in on at by of for".split())


def named_before_kind(gaz: Gazetteer, words: Words, kind: int, heads: frozenset[str]) -> Candidate | None:
    """The body named by one to three capitalised words before the
    lower-case kind word ``kind`` (a word of :data:`LOCAL_FORCES` or
    :data:`FACTION_NOUNS`), or ``None``: no name, a demonym, a country or a
    known body that is no person (a faction may bear a known leader's name),
    a body's own name (``the Frontier Constabulary police``: ``heads`` are
    the organisation words) or a building (``Paharganj police station``)."""
    keys, surface, gap = words.key, words.surface, words.gap
    if kind + 1 < len(keys) and keys[kind + 1] in _BUILDINGS or kind > 0 and keys[kind - 1] in heads:
        return None
    end = kind - 1
    if keys[kind] in LOCAL_FORCES and end > 0 and keys[end] in _LEVELS and gap[kind] == " ":
        end -= 1
    if end < 0 or gap[end + 1] != " " or not WORD_INFO[surface[end]][2]:
        return None
    first = end
    while first > 0 and end - first + 1 < _MAX_WORDS and gap[first] == " " and WORD_INFO[surface[first - 1]][2] \
            and keys[first - 1] not in _NOT_NAMES:
        first -= 1
    if "-" in gap[first]:
        return None  # "Miami-Dade police": a longer name than the words read
    common = common_words()
    for i in range(first, end + 1):
        key = keys[i]
        if key in _NOT_NAMES or key in gaz.demonyms or key in common or key.endswith(_ADJECTIVE_ENDS):
            return None  # "Kenyan police", "the National police", "Kurdish police", "the Islamist faction"
    name = " ".join(keys[first:end + 1])
    actor = gaz.aliases["actor"].get(name)
    if actor is not None and (keys[kind] in LOCAL_FORCES or getattr(gaz.actors.get(actor.target), "type", "")
                              != "person"):
        return None  # "Hamas police", "the Fatah faction": the known body's own
    place = gaz.aliases["place"].get(name)
    if place is not None and (gaz.place_kind(place.target) == "country" or keys[kind] not in LOCAL_FORCES):
        return None  # "Lebanon police": the national force's; "the Aleppo group": no name
    return first, kind, words.written(first, kind), "organisation", first - kind, 0
