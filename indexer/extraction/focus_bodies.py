"""A state's bodies named without the state, in a text about one state: ``the
country's parliament``, ``the National Assembly``, ``Congress``, ``a
government spokesman``, ``the national police``.

News and speeches name their own state's bodies so once the state is clear:
``the Senate voted`` in a story about Nigeria is Nigeria's legislature,
``a government spokesman said`` its government (the state, as ``the
Government of X``: CONVENTIONS.md), ``the national police`` its police
(``riot police`` names no state: no actor, as ``security forces``). The state is
the one the phrase's sentence names, else the one the text names far more
than any other (:func:`focus_state`: at least twice the next); where no state
or two states stand out the phrase is left alone, as is a phrase over a known
name (``the Parliament of Uganda``), before a name of its own (``Congress of
Trade Unions``, ``Parliament Street``) or a modifier's noun (``the Senate
building``). A bare ``Congress`` is only a Congress state's (:data:`CONGRESS_STATES`).
Leaf module: reads the gazetteer's actor and demonym tables only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from indexer.extraction.gazetteer_types import NameSpan, name_key
from indexer.extraction.national_forces import body_name, named_countries, police_name

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["LITERALS", "focus_body_mentions", "focus_state"]

#: Nouns after a chamber that make it a modifier: a building, a seat, a hearing, a party's members
#: (``the Senate building``, ``his Senate confirmation hearings``, ``Congress workers``): no act of it.
_ATTRIBUTIVE = ("building|buildings|hall|grounds|premises|gate|party|seat|seats|election|elections|race|candidate|"
                "candidates|members|leaders|workers|hearing|hearings|confirmation|committee|committees|floor|"
                "speaker|term|session|sessions|district|constituency")
_LEGISLATURE = ("parliament|legislature|lawmakers|legislators|MPs|parliamentarians|national assembly|"
                "congress|senate")
#: The phrases, each with the body it names (``Parliament``: the legislature; ``police``;
#: ``state``: the government; ``""``: none) and the lower-case literals one of which it
#: holds (a phrase is tried only around them: the patterns have no literal prefix for the
#: regex engine to skip by). A bare chamber must be capitalised or after ``the``, and not be
#: followed by ``of``, another capitalised word (a name of its own) or a modifier's noun.
_PHRASES = (
    ("Parliament", re.compile(rf"\b(?:[Tt]he|[Ii]ts|[Tt]his)[ \t]+(?:country|nation)(?:'s|’s)[ \t]+(?:{_LEGISLATURE})\b"),
     ("country's", "country’s", "nation's", "nation’s")),
    ("Parliament", re.compile(r"\b(?:(?:[Tt]he[ \t]+)?(?:Parliament|(?P<congress>Congress)|Senate|"
                              r"National[ \t]+Assembly|House[ \t]+of[ \t]+Representatives|Chamber[ \t]+of[ \t]+Deputies|"
                              r"Legislature)|[Tt]he[ \t]+(?:parliament|legislature))\b"
                              rf"(?![ \t]+(?:of\b|[A-Z]|(?:{_ATTRIBUTIVE})\b))"),
     ("parliament", "congress", "senate", "assembly", "representatives", "deputies", "legislature")),
    ("state", re.compile(r"\b(?:[Aa]|[Tt]he)[ \t]+[Gg]overnment(?:'s|’s)?[ \t]+spokes(?:man|woman|person)\b"
                         r"|\bspokes(?:man|woman|person)[ \t]+(?:for|of)[ \t]+the[ \t]+government\b"),
     ("spokes",)),
    ("police", re.compile(r"\b(?:[Tt]he[ \t]+)?[Nn]ational[ \t]+[Pp]olice(?:[ \t]+(?:[Ss]ervice|[Ff]orce))?\b"
                          r"(?![ \t]+(?:of\b|[A-Z]))"),
     ("national police",)),
    # no nationality, no actor (CONVENTIONS.md, as "security forces"), nor a body's name when it opens a sentence
    ("", re.compile(r"\b[Rr]iot[ \t]+[Pp]olice\b"), ("riot police",)),
)
#: Characters around a literal a phrase may reach (``a government's spokes``...).
_REACH = 45
#: The states whose legislature is called ``Congress`` (elsewhere a bare ``Congress`` is mostly a
#: party: India's, South Africa's ANC): project knowledge, as the Americas' and Spain's constitutions name them.
CONGRESS_STATES = frozenset(("United States", "Philippines", "Mexico", "Guatemala", "Honduras", "Colombia", "Peru",
                             "Chile", "Argentina", "Brazil", "Paraguay", "Dominican Republic", "Spain",
                             "Micronesia"))
#: A capitalised word right before a phrase, not ending a sentence: the phrase ends a name of its own.
_NAMED_BEFORE = re.compile(r"\b[A-Z][\w.'’-]*(?<![.!?:;,])[ \t]+$")
#: A locative before a chamber: its building, a place, the venue of an act ("protested outside their
#: Parliament", "a report put forward in Parliament"); or a
#: person's possessive ("his Senate confirmation").
_PLACE_BEFORE = re.compile(r"\b(?:(?:outside|inside|near|at|in|into|opposite|around|front[ \t]+of)[ \t]+"
                           r"(?:(?:the|their|its|our)[ \t]+)?|(?:his|her|their)[ \t]+)$", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
#: Cheap literals (in the text's case, few: each is a pass over every text) one of which a text
#: holds before any phrase is tried.
LITERALS = ("arliament", "ongress", "enate", "ssembly", "epresentatives", "eputies", "egislat", "awmakers", "MPs",
            "pokes", "olice")


def _counts(text: str, actors: list[NameSpan], places: list[NameSpan], gaz: Gazetteer) -> Counter[str]:
    counts = named_countries(actors, places, gaz)
    counts.update(country for word in _CAPITALISED.findall(text)
                  if (country := gaz.demonyms.get(word.lower())) is not None and gaz.place_kind(country) == "country")
    return counts


def focus_state(counts: Counter[str]) -> str | None:
    """The one state the text is about: named at least twice as often as any
    other in ``counts`` (:func:`_counts`: its towns, bodies and demonyms count for it:
    ``Kenyan workers``), or None."""
    ranked = counts.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def _phrase_state(text: str, sentence: tuple[int, int], actors: list[NameSpan], places: list[NameSpan],
                  gaz: Gazetteer, focus: str | None) -> str | None:
    """The state of a phrase in ``sentence``: the one state the sentence names
    (``the House of Representatives in Liberia`` in a roundup), else the
    text's focus state if the sentence names no other."""
    begin, end = sentence
    named = set(_counts(text[begin:end], [a for a in actors if begin <= a[2] < end],
                        [p for p in places if begin <= p[2] < end], gaz))
    if len(named) == 1:
        return named.pop()
    return focus if focus is not None and (not named or focus in named) else None


def _abbreviated_state(text: str, start: int, actors: list[NameSpan]) -> str | None:
    """The state whose dotted abbreviation stands right before ``start``
    (``the U.S. House of Representatives``: the state is found as ``U.S``)."""
    for name, kind, _, end, _ in actors:
        if kind == "state" and 0 < start - end <= 2 and text[end:start].strip() == ".":
            return name
    return None


def _target(gaz: Gazetteer, state: str, body: str) -> str | None:
    """The actor of ``state``'s ``body`` (its legislature, its police, itself)."""
    if body == "state":
        return state if state in gaz.actors else None
    alias = gaz.aliases["actor"].get(name_key(body_name(state, body) if body == "Parliament" else police_name(state)))
    return alias.target if alias is not None else None


def _phrases(text: str) -> list[tuple[str, int, int, str, bool]]:
    """``(body, start, end, written, bare Congress)`` of each phrase, tried
    only around its literals; of overlapping matches of one phrase the first."""
    lowered = text.lower()
    found: dict[tuple[str, int], tuple[str, int, int, str, bool]] = {}
    for body, pattern, literals in _PHRASES:
        for literal in literals:
            at = lowered.find(literal)
            while at >= 0:
                for m in pattern.finditer(text, max(0, at - _REACH), at + len(literal) + _REACH):
                    found.setdefault((body, m.end()), (body, m.start(), m.end(), m.group(),
                                                      m.groupdict().get("congress") is not None))
                at = lowered.find(literal, at + len(literal))
    return sorted(found.values(), key=lambda f: f[1])


def focus_body_mentions(text: str, spans: list[tuple[int, int]], actors: list[NameSpan], places: list[NameSpan],
                        gaz: Gazetteer) -> list[NameSpan]:
    """``actors`` with each phrase of :data:`_PHRASES` in the sentences
    ``spans`` read as the body of its state (:func:`_phrase_state`), replacing
    an unknown organisation found over exactly it; ``riot police`` read as no
    body (``Riot police`` opening a sentence is no name); a phrase over another
    name, before a name of its own, or of no clear state is left."""
    found = _phrases(text)
    if not found:
        return actors
    # the text's count of each state, once (a bare "Congress" is a phrase with a body too)
    counts = _counts(text, actors, places, gaz) if any(f[0] for f in found) else Counter()
    focus = focus_state(counts)
    # a bare "Congress": the one state with a Congress the text names (India's is a party), not dwarfed by
    # another (an Indian story naming the Philippines once)
    congress_states = {s for s in counts if s in CONGRESS_STATES} if any(f[4] for f in found) else set()
    if len(congress_states) == 1 and 2 * counts[next(iter(congress_states))] < counts.most_common(1)[0][1]:
        congress_states = set()
    starts = [b for b, _ in spans]
    out = list(actors)
    for body, start, end, written, congress in found:
        target = None
        if body:
            at = bisect_right(starts, start) - 1
            state = _abbreviated_state(text, start, actors) or \
                ((next(iter(congress_states)) if len(congress_states) == 1 else None) if congress
                 else _phrase_state(text, spans[at] if at >= 0 else (0, len(text)), actors, places, gaz, focus))
            target = _target(gaz, state, body) if state is not None else None
            if target is None:
                continue
        if _NAMED_BEFORE.search(text, max(0, start - 40), start):  # "Kurdistan Parliament", "Provincial Senate"
            continue
        if body == "Parliament" and _PLACE_BEFORE.search(text, max(0, start - 40), start):  # "outside Parliament"
            continue
        over = [a for a in out if a[2] < end and start < a[3]]
        if any(a[1] != "organisation" or a[2] < start or a[3] > end for a in over):
            continue
        out = [a for a in out if a not in over]
        if target is not None:
            out.append((target, gaz.actors[target].type, start, end, written))
    return sorted(out, key=lambda a: a[2])
