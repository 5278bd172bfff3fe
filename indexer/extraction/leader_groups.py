"""Leaders named through the group or government they lead.

A researcher looking for what Milosevic did needs the statement that says
``Milosevic's regime`` or ``forces loyal to Milosevic``: the leader acts
through them, and the gold names the leader as the actor (``the Abiy Ahmed
administration`` names Abiy Ahmed). So a name written as

- a possessive before a group or government noun (``Milosevic's regime``,
  ``Gaddafi's troops``, ``Machar's faction``),
- after ``loyal to`` (``fighters loyal to Hemedti``),

is a person's mention when nothing else claims it: the finder's guards reject
known names of other things, places, countries, ordinary words, and words
shaped as adjectives. A phrase the gazetteer knows as a whole (``Assad's forces``)
is left to it, and ``the Abiy Ahmed administration`` to ``org_names`` (a government).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from indexer.analysis import fold

if TYPE_CHECKING:
    from indexer.extraction.people import PeopleFinder

__all__ = ["leader_mentions", "leader_spans"]

_NAME = r"((?:[A-Z][a-z][\w'’-]*[ \t]+){0,2}[A-Z][a-z][\w-]*)"
#: Where a possessive before a group noun ends: the name is read backwards from there
#: (a pattern that opened with the name would try every capital of the text).
_GROUP_AFTER = re.compile(r"[ \t]*(?:regime|forces|troops|army|militias?|men|faction|loyalists|fighters|supporters"
                          r"|government|administration)\b")
_NAME_BEFORE = re.compile(rf"(?<![\w'’-]){_NAME}$")
_LOYAL = re.compile(rf"\bloyal(?:ty)?[ \t]+to[ \t]+{_NAME}")
#: Endings of adjectives (``Transitional``, ``Communist``): no leader's name.
#: Not ``-vic``, ``-med``, ``-sal`` (Milosevic, Ahmed, Faisal): surnames end so too.
_ADJECTIVE = re.compile(r"(?:[nryic]al|(?<!v)ic|ist|ive|ary|ian|ean|ese|ish|ern|ous|ted|ied)$")


def leader_mentions(text: str, finder: PeopleFinder,
                    taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The leaders named through their group in ``text``, ``(start, end,
    name)``, outside the spans ``taken``: a title or a sentence's first word
    before the name is left out (``President Milosevic's forces``, ``In
    Machar's faction``); the gazetteer's name for a known person."""
    out = []
    for start, end, name, phrase in leader_spans(text):
        words = name.split()
        if any(w[-1] == "s" and finder.known_name(w[:-1]) is not None for w in words):
            continue  # "the Assads regime": a possessive that lost its apostrophe (lost_apostrophes)
        while len(words) > 1 and not finder.name_word(fold(words[0]), text):  # "In", "President"
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if any(s < end and start < e for s, e, _ in taken) or _claimed(finder, phrase) \
                or not all(finder.name_word(fold(w), text) for w in words) or _claimed(finder, *words) \
                or finder.place_name(" ".join(words)):
            continue
        known = finder.known_name(" ".join(words))
        if known is None or known[1] == "person":
            out.append((start, end, known[0] if known else " ".join(words)))
    return out


def _claimed(finder: PeopleFinder, *names: str) -> bool:
    """Whether the gazetteer knows one of ``names`` as something other than a person."""
    return any((known := finder.known_name(n)) is not None and known[1] != "person" for n in names)


def leader_spans(text: str) -> list[tuple[int, int, str, str]]:
    """Candidate leaders' names in ``text``: ``(start, end, name as written,
    the whole phrase)``, to be checked by the people finder's guards."""
    found = []
    for mark in ("'s ", "’s "):  # str.find: a scan in C, many times faster than a pattern's
        at = text.find(mark)
        while at >= 0:
            group = _GROUP_AFTER.match(text, at + 3)
            name = _NAME_BEFORE.search(text, max(0, at - 60), at) if group is not None else None
            if name is not None:
                found.append((name.start(1), name.end(1), name.group(1), text[name.start(1):group.end()]))
            at = text.find(mark, at + 3)
    if "loyal" in text:
        found += [(m.start(1), m.end(1), m.group(1), m.group()) for m in _LOYAL.finditer(text)]
    return [f for f in found if not any(_ADJECTIVE.search(w) for w in f[2].split())]
