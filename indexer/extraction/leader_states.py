"""A state acting through its head's name (issue 18 items 1, 5): ``the
Trump administration``, ``Maduro's government``, ``Gaddafi's troops``,
``forces loyal to President Salva Kiir``.

Which state a head leads is learned from the same statement, never from a
table of world leaders (who holds an office changes; a list of people is no
data of ours): a title of head of state or government with a state before or
around one of the person's mentions (``US President Donald Trump``,
``Russia's President Vladimir Putin``, ``Prime Minister of Ethiopia, Abiy
Ahmed``, ``Salva Kiir, the president of South Sudan``, ``the Ethiopian prime
minister, Abiy Ahmed``). Then the person's name before a government noun
(:data:`GOVERNMENT_NOUNS`) is that state's government, and before a force
noun or after ``forces loyal to`` it is that state's armed forces (national
forces are part of their state). Only a head's office counts: a minister, a
governor, a rebel or an opposition leader (``fighters loyal to Hemedti``) and
a state the text does not give leave the person's mention as it is
(:mod:`indexer.extraction.leader_groups`). A former head's government is still
his state's (``the Saddam regime``), his forces no longer are.

Leaf module: it reads the gazetteer's public tables.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING

from indexer.analysis import fold
from indexer.extraction.gazetteer_types import NameSpan, name_key
from indexer.extraction.national_forces import forces_name

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["FORCE_NOUNS", "GOVERNMENT_NOUNS", "leader_state_mentions"]

#: Nouns after a head's name that name his state's government.
GOVERNMENT_NOUNS = frozenset("administration government regime cabinet".split())
#: Nouns after a head's name that name his state's forces (not ``loyalists``, ``fighters``,
#: ``militias``: ``Trump loyalists`` are supporters, ``Erdogan's fighters`` proxies).
FORCE_NOUNS = frozenset("forces troops army military soldiers".split())
_GROUP_AFTER = re.compile(r"(?:['’]s?)?[ \t]+([a-z]+)\b")
#: Offices of a head of state or of government (no minister, governor or commander).
_TITLE = (r"(?:[Pp]resident|[Pp]rime[ \t]+[Mm]inister|[Pp]remier|[Kk]ing|[Qq]ueen|[Ee]mir|[Aa]mir|[Ss]ultan"
          r"|[Cc]hancellor|[Ss]upreme[ \t]+[Ll]eader|[Ll]eader|[Hh]ead[ \t]+of[ \t]+(?:[Ss]tate|[Gg]overnment)"
          r"|[Rr]uler|[Mm]onarch|[Dd]ictator|[Ss]trongman)")
#: The last words of those titles.
_TITLE_ENDS = frozenset("president minister premier king queen emir amir sultan chancellor leader state government "
                        "ruler monarch dictator strongman".split())
#: Words between a state and its head's title (``the former Iraqi President``, ``Iraq's then President``).
_MODIFIER = (r"(?:(?:[Aa]cting|[Ii]nterim|[Ii]ncumbent|[Cc]aretaker|[Tt]ransitional|[Cc]urrent|[Nn]ew"
             r"|[Nn]ewly[ \t]+elected|[Tt]hen|[Ll]ong-?time|[Aa]uthoritarian|[Ee]mbattled|[Ff]ormer|[Ee]x|[Ll]ate"
             r"|[Oo]usted|[Dd]eposed|[Ee]xiled|[Tt]oppled|[Ss]elf-declared)[ \t-]+){0,2}")
#: A run of capitalised words (a state's name or demonym), from a word's start.
_STATE = r"(?<![\w.’'-])([A-Z][\w.-]*+(?:[ \t]+[A-Z][\w.-]*+){0,3})"
#: ``US President ``, ``the Ethiopian prime minister, `` before a name (it opens with a capital:
#: no lookbehind first, so the search skips to capitals; a run opening inside a word is left out).
_STATE_TITLE = re.compile(rf"([A-Z][\w.-]*+(?:[ \t]+[A-Z][\w.-]*+){{0,3}})(?:['’]s)?[ \t]+{_MODIFIER}{_TITLE}"
                          r",?[ \t]+$")
#: ``Prime Minister of Ethiopia, `` before a name.
_TITLE_OF = re.compile(rf"{_TITLE}[ \t]+of[ \t]+(?:the[ \t]+)?{_STATE},?[ \t]+$")
#: ``, the president of South Sudan``, ``, Russia's president``, ``, the Ethiopian prime minister`` after a name.
_AFTER = re.compile(rf",[ \t]+(?:(?:the|a)[ \t]+)?(?:{_STATE}(?:['’]s)?[ \t]+)?{_MODIFIER}{_TITLE}\b"
                    rf"(?:[ \t]+of[ \t]+(?:the[ \t]+)?{_STATE})?")
#: ``forces loyal to (President) `` before a name.
_LOYAL_BEFORE = re.compile(r"\b([Ff]orces|[Tt]roops|[Ss]oldiers|[Ff]ighters|[Uu]nits)"
                           rf"[ \t]+(?:still[ \t]+|remaining[ \t]+)?loyal[ \t]+to[ \t]+"
                           rf"(?:(?:the|[A-Z][\w.’'-]*|{_MODIFIER}{_TITLE})[ \t]+){{0,4}}$")
_FORMER = re.compile(r"\b(?:[Ff]ormer|[Ee]x|[Ll]ate|[Oo]usted|[Dd]eposed|[Ee]xiled|[Tt]oppled)\b")
#: Capitalised words that may open the run before a state (a sentence's ``The``, ``Former``).
_LEADING_WORDS = re.compile(r"^(?:(?:The|A|An|Former|Late|Then|Ex|Acting|Interim|Outgoing|Incumbent|Current|New)"
                            r"[ \t-]+)+")
_IN_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.’'-_")
#: How far before a name its title may start.
_WINDOW = 70


def leader_state_mentions(text: str, actors: list[NameSpan], gaz: Gazetteer) -> list[NameSpan]:
    """``actors`` with each mention of a head of state or government before a
    government or force noun (or after ``forces loyal to``) read as his
    state's government or forces, where a title in ``text`` gives his state:
    the whole phrase (``the Duterte administration``) is the state's mention.
    A head named only in such phrases keeps his mentions (the state's are then the nouns')."""
    # (actor index, kind, the phrase's start and end, the noun's start and end)
    groups: list[tuple[int, str, int, int, int, int]] = []
    people = [i for i, a in enumerate(actors) if a[1] == "person"]
    for i in people:
        start, end = actors[i][2], actors[i][3]
        after = _GROUP_AFTER.match(text, end)
        noun = after.group(1) if after is not None else ""
        if noun in GOVERNMENT_NOUNS or noun in FORCE_NOUNS:
            groups.append((i, "government" if noun in GOVERNMENT_NOUNS else "forces", start, after.end(),
                           after.start(1), after.end()))
        elif text.find("loyal", max(0, start - 30), start) >= 0:
            loyal = _LOYAL_BEFORE.search(text, max(0, start - 60), start)
            if loyal is not None:
                groups.append((i, "forces", loyal.start(), end, loyal.start(), loyal.end(1)))
    if not groups:
        return actors
    states = _states_of_heads(text, actors, {actors[i][0] for i, *_ in groups}, gaz)
    in_group = {i for i, *_ in groups}
    named_apart = {actors[i][0] for i in people if i not in in_group}  # (heads named outside such phrases)
    replaced: dict[int, NameSpan] = {}
    added: list[NameSpan] = []
    for i, kind, start, end, noun_start, noun_end in groups:
        name = actors[i][0]
        state, former = states.get(name, (None, False))
        if state is None or kind == "forces" and former:
            continue
        target = _government(state, gaz) if kind == "government" else _forces(state, gaz)
        if target is None:
            continue
        if name in named_apart:
            replaced[i] = (target, gaz.actors[target].type, start, end, text[start:end])
        else:  # "forces loyal to Syrian President Bashar al-Assad": the head is named there only
            added.append((target, gaz.actors[target].type, noun_start, noun_end, text[noun_start:noun_end]))
    if not replaced and not added:
        return actors
    out = [replaced.get(i, a) for i, a in enumerate(actors)] + added
    return sorted(out, key=itemgetter(2))


def _states_of_heads(text: str, actors: list[NameSpan], names: set[str],
                     gaz: Gazetteer) -> dict[str, tuple[str, bool]]:
    """``{person: (state, former)}`` for the people ``names`` one of whose
    mentions a head's title with a state frames (the first such title)."""
    found: dict[str, tuple[str, bool]] = {}
    for name, kind, start, end, written in actors:
        if kind != "person" or name not in names or name in found:
            continue
        begin = start + _name_start(name, written)
        lo = max(0, begin - _WINDOW)
        # (the patterns only where a title's last word or "of" is right before, a comma right after)
        last = text[max(0, begin - 24):begin].rstrip(" \t,").rpartition(" ")[2]
        before = None
        if last.lower() in _TITLE_ENDS:
            before = _STATE_TITLE.search(text, lo, begin)
            if before is not None and before.start() > 0 and text[before.start() - 1] in _IN_WORD:
                before = None
        elif last[:1].isupper() and " of " in text[max(0, begin - 40):begin]:
            before = _TITLE_OF.search(text, lo, begin)
        after = _AFTER.match(text, end) if text[end:end + 1] == "," else None
        for frame in (before, after):
            runs = [run for run in frame.groups() if run] if frame is not None else []
            state = _state(runs[0], gaz) if len(runs) == 1 else None
            if state is not None:
                # (``former President Saleh, Yemen's president until 2012``: before the name too)
                former = _FORMER.search(text, max(lo, min(frame.start() - 12, begin - 30)), max(frame.end(), begin))
                found[name] = (state, former is not None)
                break
    return found


def _name_start(name: str, written: str) -> int:
    """Where the name proper starts in a mention ``written`` that holds a
    title too (``Syrian President Bashar al-Assad``): its first word that is
    one of ``name``'s words."""
    if written in name:  # (most mentions: the name or a part of it)
        return 0
    keys = {_word_key(w) for w in name.split()}
    at = 0
    for word in written.split():
        if _word_key(word) in keys:
            return written.find(word, at)
        at = written.find(word, at) + len(word)
    return 0


def _word_key(word: str) -> str:
    """A name word's key without an Arabic article (``al-Assad``: ``assad``)."""
    key = fold(word)
    return key[3:] if key[:3] in ("al-", "el-") else key


def _state(run: str, gaz: Gazetteer) -> str | None:
    """The state a capitalised run names as a whole (``US``, ``Syrian``,
    ``South Sudan``; not ``Bosnian Serb``), or None."""
    run = _LEADING_WORDS.sub("", run)
    if run.endswith(("'s", "’s")):
        run = run[:-2]
    key = name_key(run)
    country = gaz.demonyms.get(key)
    if country is not None:
        return country
    alias = gaz.aliases["actor"].get(key)
    actor = gaz.actors.get(alias.target) if alias is not None else None
    return actor.name if actor is not None and actor.type == "state" else None


@lru_cache(maxsize=256)
def _government(state: str, gaz: Gazetteer) -> str | None:
    """The actor a state's government is (``Syrian government``: the curated
    government; else the state itself, as ``the Ethiopian government``)."""
    aliases = gaz.aliases["actor"]
    for demonym, country in gaz.demonyms.items():
        if country == state and (alias := aliases.get(f"{demonym} government")) is not None:
            return alias.target
    return state if state in gaz.actors else None


def _forces(state: str, gaz: Gazetteer) -> str | None:
    """The actor of a state's armed forces (every state has one: :mod:`national_forces`)."""
    alias = gaz.aliases["actor"].get(name_key(forces_name(state)))
    return alias.target if alias is not None else None
