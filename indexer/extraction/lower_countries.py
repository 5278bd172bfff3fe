"""Country names written in lower case, read as the country where a cue says so.

Mixed-case text sometimes writes a country in lower case (``air strikes by
russia``, ``shelling in syria``: chat logs, hurried posts, lower-cased
headlines). The gazetteer matches names by their capitals there, so these go
unread, and the claim they belong to loses its agent or its place. A lower-case
word is often a common word, so only a cue makes it the country: ``by`` right
before it names an agent (the state), a locative (``in``, ``across``,
``inside``...) a place. Country names that are common words or given names
(``turkey``, ``chad``, ``jordan``) need a stronger cue: ``by`` right after an
act noun (``strikes by turkey``), or a locative with the name ending its
clause (``in turkey.``). A lower-case country the gazetteer read as a place
is also its state where an act verb follows it (``turkey started shelling``):
the subject of an act is an agent, not a scene.

Leaf module: it reads the gazetteer's tables (countries and their states).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import ahocorasick

from indexer.extraction.gazetteer_types import NameSpan

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["lower_country_mentions"]

#: Country names that are also common words or given names: a stronger cue only.
COMMON_WORD_COUNTRIES = frozenset("turkey chad jordan georgia guinea china japan niger panama malta".split())
_ACT_BEFORE = re.compile(r"\b(?:strikes?|airstrikes?|raids?|attacks?|shelling|bombings?|bombardment|killed|killings?"
                         r"|detained|arrested|abducted|kidnapped|invasion|offensive|occupation|shelled|bombed"
                         r"|massacred|committed|carried out|launched|backed|led) $", re.IGNORECASE)
_CLAUSE_END = re.compile(r"^(?:[.,;:!?)]|$| and | or | since | during | on | last | this )")
#: Light words between a country as the subject of an act and the act verb.
_LIGHT = r"(?: (?:has|have|had|also|again|reportedly|allegedly|repeatedly|then|started|began|continued" \
         r"|continues|keeps|kept|to|[a-z]+ly))*"
_LIGHT_WORDS = frozenset("has have had also again reportedly allegedly repeatedly then started began continued"
                         " continues keeps kept to".split())
#: Before a name that is no subject: an article or a preposition (``the turkey``, ``in syria killed``).
_NOT_SUBJECT = re.compile(r"\b(?:the|a|an|in|at|on|of|to|from|by|near|into|with|for|across|inside|over|against) $",
                          re.IGNORECASE)
#: An act verb (its subject is the act's agent).
_ACT_VERB = (r"(?:shell(?:ed|ing|s)|bomb(?:ed|ing|s)|struck|strikes|attack(?:ed|ing|s)|kill(?:ed|ing|s)"
             r"|invad(?:ed|ing|es)|detain(?:ed|ing|s)|arrest(?:ed|ing|s)|launch(?:ed|ing|es)|pound(?:ed|ing|s)"
             r"|target(?:ed|ing|s)|raid(?:ed|ing|s))\b")
_ACT_AFTER = re.compile(_LIGHT + " " + _ACT_VERB)
_ACT_VERB_AT = re.compile(_ACT_VERB)
_SUBJECT_HINT = re.compile(r"\b(?:shell|bomb|struck|strikes|attack|kill|invad|detain|arrest|launch|pound|target|raid)")
_tables_of: dict[str, tuple[dict[str, str], re.Pattern[str], Any, frozenset[str]]] = {}


def _tables(gaz: Gazetteer) -> tuple[dict[str, str], re.Pattern[str], Any, frozenset[str]]:
    """Lower-case country name -> country, for every country the gazetteer
    knows by its own name (aliases such as ``us`` are common words), the
    regex of a cue before one of them (one search finds only real hits), an
    automaton of the names after a space and the names' last words."""
    key = gaz.fingerprint()
    tables = _tables_of.get(key)
    if tables is None:
        names = {place.name.lower(): place.name for place in gaz.places.values()
                 if place.kind == "country" and place.name.replace(" ", "").isalpha() and len(place.name) > 3}
        # "south sudan" first; a gazetteer without countries matches nothing (an
        # empty alternation would match the empty name after every cue)
        alternation = "|".join(sorted(map(re.escape, names), key=len, reverse=True)) or "(?!)"
        cued = re.compile(rf"\b(?P<cue>by|in|across|inside|into|throughout|within) (?:the )?(?P<name>{alternation})"
                          r"(?![\w'\u2019-])")
        # Each name after a space (as ``cued`` has it): a sentence with none is not searched.
        spaced: Any = None
        if names:
            spaced = ahocorasick.Automaton()
            for name in names:
                spaced.add_word(f" {name}", name)
            spaced.make_automaton()
        last_words = frozenset(name.rsplit(" ", 1)[-1] for name in names)
        tables = _tables_of[key] = (names, cued, spaced, last_words)
    return tables


def lower_country_mentions(text: str, gaz: Gazetteer, taken: list[tuple[int, int]],
                           found_places: Sequence[NameSpan] = (), spans: Sequence[tuple[int, int]] | None = None,
                           acts: Sequence[int] | None = None) -> tuple[list[NameSpan], list[NameSpan]]:
    """``(actors, places)``: the lower-case country names of ``text`` after a
    cue, as the gazetteer's spans ``(name, kind, start, end, surface)``; none
    that overlaps a span of ``taken`` (names the gazetteer already read),
    except the state of a lower-case country of ``found_places`` that an act
    verb follows.

    :param spans: the sentences searched (claim sentences: where a role can
        use the name; ``None``: the whole text).
    :param acts: where the act words of those sentences start (claim
        triggers; ``None``: every act verb of the text): the subjects looked for.

    An actor only where the country is also a state the gazetteer knows.
    """
    if text.islower():  # all lower case: the gazetteer reads it as such itself
        return [], []
    names, cued, spaced, last_words = _tables(gaz)
    actors: list[NameSpan] = []
    places: list[NameSpan] = []
    for name, kind, start, end, surface in found_places:
        if kind == "country" and surface.islower() and name in gaz.actors and _ACT_AFTER.match(text, end, end + 60) \
                and not _NOT_SUBJECT.search(text, max(0, start - 12), start):
            actors.append((name, gaz.actors[name].type, start, end, surface))
    if spans is None:
        hits: Any = cued.finditer(text)
    elif spaced is None:  # no country names: nothing to find
        hits = ()
    else:
        # Every hit holds " <name>": only a sentence in which the automaton finds
        # one is searched (the cue's \b makes ``re`` try every character of it).
        hits = (m for s, e in spans if next(spaced.iter(text, s, e), None) is not None
                for m in cued.finditer(text, s, e))
    for m in hits:
        name = m.group("name")
        country = names[name]
        start, end = m.span("name")
        if any(start < e and s < end for s, e in taken):
            continue
        common = name in COMMON_WORD_COUNTRIES
        if m.group("cue") == "by":
            if (not common or _ACT_BEFORE.search(text, max(0, m.start() - 30), m.start())) and country in gaz.actors:
                actors.append((country, gaz.actors[country].type, start, end, name))
        elif not common or _CLAUSE_END.match(text, end, end + 8):
            places.append((country, "country", start, end, name))
    verbs = (m.start() for m in _SUBJECT_HINT.finditer(text)) if acts is None else acts
    for verb in verbs:  # "turkey started shelling": the subject of an act
        if not _ACT_VERB_AT.match(text, verb):
            continue
        end = verb - 1
        words = text[max(0, end - 60):end].split(" ")[1 if end > 60 else 0:]  # (a cut first word left out)
        while words and (words[-1] in _LIGHT_WORDS or words[-1].endswith("ly")):
            end -= len(words.pop()) + 1  # the name ends where the light words begin
        if not words or words[-1] not in last_words:
            continue  # no country's name ends with the word before the verb
        for n in range(1, min(3, len(words)) + 1):
            name = " ".join(words[-n:])
            state = names.get(name)
            if state is None or state not in gaz.actors:
                continue
            start = end - len(name)
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-'\u2019") \
                    or any(start < e and s < end for s, e in taken) or any(p[2] == start for p in places) \
                    or any(a[2] == start for a in actors) or _NOT_SUBJECT.search(text, max(0, start - 12), start):
                break
            actors.append((state, gaz.actors[state].type, start, end, name))
            break
    return actors, places
