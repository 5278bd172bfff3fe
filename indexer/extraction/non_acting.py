"""Mentions of a body where the text says it does not act (issue 18 item 6,
actors):

- a news outlet named as a journalist's employer or a picture's credit
  (``Wall Street Journal reporter Daniel Pearl``, ``bureau chief for The Wall
  Street Journal``, ``a VOA Burmese contributor``, ``Associated Press writer
  Jill Lawless``, ``— Reuters pic``) or as the text's own originator or
  publisher (``This story originated in VOA's Burmese service``, ``part of
  The Epoch Times' coverage``): ``benchmarks/gold/CONVENTIONS.md`` lists it
  as no actor, as the byline and the wire credit that
  :mod:`indexer.extraction.boilerplate` blanks;
- a body named only inside an instrument's name or as a group's parent
  (``the Charter of the United Nations``, ``the UN Charter``, ``the Rome
  Statute of the International Criminal Court``, ``ISWAP, an offshoot of Boko
  Haram``), as ``X-linked`` and ``X affiliate`` are not
  (:mod:`indexer.extraction.entities`);
- a state's embassy after a locative, a building (``dragged out of the
  Ecuadorian embassy``, ``outside the Russian embassy``; ``the Russian embassy
  said`` acts), and a UN body as the venue where others speak (``at the Human
  Rights Council in Geneva``).

Such mentions are dropped; a body that acts elsewhere in the statement
(``The Wall Street Journal said``) keeps its other mentions.

Leaf module: it reads the text and the matcher's mentions only.
"""

from __future__ import annotations

import re

__all__ = ["drop_non_acting"]

#: Words for an outlet's staff (alternatives of a pattern).
_STAFF = (r"reporters?|journalists?|correspondents?|photographers?|photojournalists?|cameram[ae]n|editors?"
          r"|columnists?|contributors?|producers?|presenters?|anchors?|bureau\s+chiefs?|writers?")
#: Words for an instrument (alternatives of a pattern).
_INSTRUMENTS = r"charter|statute|convention|treaty|covenant|protocol"

#: ``(kinds of actor, words right before the name, words right after it)``.
_RULES: tuple[tuple[frozenset[str], re.Pattern[str], re.Pattern[str]], ...] = (
    (frozenset(("media",)),
     # "a reporter for The Wall Street Journal" (not "journalists for the opposition channel Belsat
     # were detained": the gold lists an outlet described so, its staff the story's targets)
     re.compile(rf"\b(?:{_STAFF})\s+(?:for|with|at)\s+(?:the\s+)?$", re.IGNORECASE),
     # "Reuters journalists", "the Journal's correspondent", "a VOA Burmese contributor", "the BBC's
     # Middle East editor", "Reuters pic"
     re.compile(rf"(?:['’]s?)?\s+(?:(?:senior|chief|former|veteran|freelance|staff|investigative|foreign)\s+)?"
                rf"(?:(?-i:[A-Z][a-z]+)\s+){{0,2}}(?:{_STAFF}|pic|photos?|file\s+photo)\b"
                # "Al Jazeera's Zeina Khodr, reporting from Beirut": a quoted journalist's employer
                r"|['’]s\s+(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){1,2},?\s+reporting\s+from\b"
                # "the PTI government", "under PTI rule": a party's acronym, no outlet
                r"|(?:\s+|-)(?:government|rule|regime|lawmakers?|supporters|led)\b", re.IGNORECASE)),
    (frozenset("un_body intergovernmental_org organisation ngo armed_group militia party".split()),
     # "the Charter of the United Nations", "an offshoot of Boko Haram"
     re.compile(rf"\b(?:(?:{_INSTRUMENTS}|constitution)\s+of"
                r"|(?:offshoots?|splinter(?:\s+(?:group|faction))?|breakaway\s+(?:group|faction))\s+(?:of|from))"
                r"\s+(?:the\s+)?$", re.IGNORECASE),
     # "the UN Charter"; "the UN Declaration on Human Rights Defenders", "the UN Guiding Principles"
     re.compile(rf"\s+(?:{_INSTRUMENTS}|(?-i:Declaration|Guiding\s+Principles|Principles|Guidelines)\b)\b",
                re.IGNORECASE)),
)
#: Both required: ``(kinds, words right before the name, words right after it, the name's own words)``.
_PLACE_RULES: tuple[tuple[frozenset[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]], ...] = (
    # "out of the Ecuadorian embassy", "outside the Russian embassy": a building, no act
    (frozenset(("state",)),
     re.compile(r"\b(?:outside|inside|out\s+of|into|in\s+front\s+of|near|around|opposite|behind|(?<!according\s)to)"
                r"\s+(?:the\s+|an?\s+)?$", re.IGNORECASE),
     re.compile(""), re.compile(r"\bembass(?:y|ies)$", re.IGNORECASE)),
    # "at the Human Rights Council in Geneva": where others speak
    (frozenset(("un_body",)), re.compile(r"\bat\s+the\s+$", re.IGNORECASE),
     re.compile(r"\s+in\s+(?-i:[A-Z])|\s*['’]s\s+\w+(?:\s+\w+)?\s+session\b|\s+session\b"), re.compile("")),
)
#: The text's own originator or publisher, never an actor at any mention: ``(kinds, words right
#: before the name, words right after it or ``None``)``, both required.
_OWN_RULES: tuple[tuple[frozenset[str], re.Pattern[str], re.Pattern[str] | None], ...] = (
    # "This story originated in VOA's Burmese service", "authorized to publish this article from VOA"
    (frozenset(("media",)),
     re.compile(r"\b(?:(?:originated|(?:originally|first)\s+(?:appeared|published|ran))\s+(?:in|on|at|by|with)"
                r"|publish(?:ed)?\s+(?:this|the)\s+(?:article|story|report)\s+from)\s+(?:the\s+)?$", re.IGNORECASE),
     None),
    # "(the article is) part of The Epoch Times' coverage"
    (frozenset(("media", "organisation")), re.compile(r"\bpart\s+of\s+(?:the\s+)?$", re.IGNORECASE),
     re.compile(r"['’]s?\s+coverage\b", re.IGNORECASE)),
)
#: The kinds of actor any rule looks at.
_KINDS = frozenset().union(*(kinds for kinds, _, _ in (*_RULES, *_OWN_RULES)))
#: How far before a mention its words are looked for, in characters.
_LOOK_BEHIND = 40


def drop_non_acting(text: str, mentions: list[tuple]) -> list[tuple]:
    """``mentions`` (``(name, kind, start, end, surface)``) without those whose
    words around say the body does not act there, and without every mention
    of a body named as the text's own originator or publisher."""
    out = []
    own: set[str] = set()
    for m in mentions:
        if m[1] not in _KINDS:
            # (a state, the commonest mention, is looked at only as an embassy: a literal first)
            if not (m[1] == "state" and "mbass" in m[4] and _is_place(text, m)):
                out.append(m)
            continue
        behind = text[max(0, m[2] - _LOOK_BEHIND):m[2]]
        if any(m[1] in kinds and before.search(behind) and (after is None or after.match(text, m[3]))
               for kinds, before, after in _OWN_RULES):
            own.add(m[0])
        elif not any(m[1] in kinds and (after.match(text, m[3]) or before.search(behind))
                     for kinds, before, after in _RULES) and not (m[1] == "un_body" and _is_place(text, m)):
            out.append(m)
    return [m for m in out if m[0] not in own] if own else out


def _is_place(text: str, m: tuple) -> bool:
    """Whether the words around mention ``m`` make it a building or a venue (``_PLACE_RULES``)."""
    behind = text[max(0, m[2] - _LOOK_BEHIND):m[2]]
    return any(m[1] in kinds and own_words.search(m[4]) and before.search(behind) and after.match(text, m[3])
               for kinds, before, after, own_words in _PLACE_RULES)
