"""Claim typing: which kinds of claim a sentence makes (killing, siege, condemnation, ...).

Statements by political actors are built from a small repertoire of claims;
typing sentences lets researchers search for "who accused whom of a siege".
The taxonomy and its trigger phrases are documented in
``indexer/data/CLAIMS.md``; keep the two in step.

All triggers form ONE regex with a named group per type, whose matches over
the lower-cased sentence (``finditer``) give its types. Phrases that contain a
trigger but make no claim (``the Genocide Convention``, ``condemned to
death``) are matched first by a ``skip`` group, which consumes them so the
triggers inside are not seen. For speed the regex is only tried where a
trigger's first letters stand at a word's start, and there only with the
triggers that can match (:func:`_candidates`); :func:`claim_types_of` types
all the sentences of a text in one pass over it.
"""

from __future__ import annotations

import re
from re import _parser as _sre_parser  # type: ignore[attr-defined]
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

__all__ = ["CLAIM_TYPES", "claim_triggers", "claim_types", "claim_types_and_triggers_of", "claim_types_of"]

#: Claim type id -> one-line description, in documentation order.
CLAIM_TYPES: dict[str, str] = {
    "killing": "people killed, dead or wounded; death tolls, casualties, martyrs, executions",
    "bombardment": "aerial, artillery or missile attack: barrel bombs, airstrikes, shelling, rockets",
    "chemical_attack": "use of chemical weapons: sarin, chlorine, nerve agents, toxic gas",
    "siege": "a place besieged, encircled, blockaded or starved",
    "displacement": "people displaced, forced to flee or out of their homes, refugees fleeing",
    "detention": "people detained, arrested, abducted, kidnapped or forcibly disappeared",
    "torture": "torture or ill-treatment of people",
    "massacre": "a massacre, slaughter or mass killing",
    "genocide": "genocide (not a mere reference to the Genocide Convention)",
    "ethnic_cleansing": "ethnic or sectarian cleansing, forced demographic change",
    "war_crimes": "war crimes or violations of international humanitarian law",
    "crimes_against_humanity": "crimes against humanity",
    "ceasefire_violation": "a truce, ceasefire or cessation of hostilities violated",
    "humanitarian_access": "aid and humanitarian access: convoys blocked, aid delivered or denied",
    "condemnation": "the speaker condemns, denounces, deplores or decries something",
    "call_to_action": "the speaker calls on, urges or appeals to someone to act; demands; must act",
    "responsibility_attribution": "someone is held responsible, blamed or accused",
}

#: Output order: the most specific, legally loaded qualification first, speech acts last.
PRIORITY: tuple[str, ...] = (
    "genocide",
    "crimes_against_humanity",
    "ethnic_cleansing",
    "war_crimes",
    "massacre",
    "chemical_attack",
    "ceasefire_violation",
    "torture",
    "siege",
    "bombardment",
    "displacement",
    "detention",
    "killing",
    "humanitarian_access",
    "responsibility_attribution",
    "condemnation",
    "call_to_action",
)

_GAP = r"[^.;!?]{0,80}?"  # a short stretch inside one clause
_CEASEFIRE = (
    r"(?:truce|cease[- ]?fires?|cessation of hostilities|armistice"
    r"|de-?escalation (?:zones?|areas?|agreement|deal)|(?:peace|ceasefire) (?:deal|agreement))"
)

#: Trigger patterns per type (lower-case; word forms, hyphen/space variants).
TRIGGERS: dict[str, tuple[str, ...]] = {
    # Phrases that name a trigger without making the claim; consumed first.
    "skip": (
        r"convention on the prevention and punishment of the crime of genocide",
        r"genocide convention",
        r"organi[sz]ation for the prohibition of chemical weapons",
        r"chemical weapons convention",
        r"condemned (?:\w+ ){0,3}to (?:death|die|\d+|life|\w+ years)",
        r"(?:phone|telephone|conference|video) calls?(?: \w+)? (?:on|with|for)",
        r"(?:has|have|had) claimed responsibility for maintaining",
        # Weapons held, traded or tested are not an attack with them.
        r"(?:found|seized|stor(?:e|ed|ing)|discovered|confiscated|smuggl\w*|stockpil\w*|caches? of"
        r"|depots? of|shipments? of|suppl(?:y|ied|ies|ying)|sale of|sold|sell\w*|purchas\w*|acquir\w*"
        r"|develop\w*|possess\w*|arsenals? of|dismantl\w*|destr(?:oy|oyed|uction of))"
        r" (?:\w+ ){0,4}(?:weapons|arms|missiles?|rockets?|mortars?|artillery|ammunition|munitions)",
        r"(?:ballistic |nuclear |anti-?(?:tank|aircraft) )?missile (?:tests?|programmes?|programs?"
        r"|technology|defen[cs]es?|shields?|launchers?|systems?|capabilit\w*|proliferation|treaty)",
        # Brokering or adopting a truce is not breaking one.
        r"brokered (?:\w+ ){0,3}?" + _CEASEFIRE,
    ),
    "killing": (
        r"kill(?:s|ed|ing|ings)?",
        r"dead|deaths?|died|dies|dying",
        r"death tolls?|casualt(?:y|ies)|fatalit(?:y|ies)",
        r"martyr(?:s|ed|dom)?",
        r"slain|lost (?:their|his|her) li(?:fe|ves)",
        r"execut(?:ed|es|ing|ion|ions)",
        r"wounded|injured|injuries",
        r"murder(?:s|ed|ing)?|assassinat(?:e|ed|es|ing|ion|ions)|beheade?d?|beheading|lynch(?:ed|ing)",
        r"shot dead|gunned down|shot and killed|fatally (?:shot|wounded|injured|stabbed)|perished",
        r"shootings? of (?:\w+ ){0,2}(?:prisoners|civilians|protesters|demonstrators|detainees|people"
        r"|children|journalists|activists|men|women|villagers|students|worshippers)",
        r"open(?:ed|s)? fire (?:on|at)|(?:claimed|took|cost) (?:the )?li(?:fe|ves)",
        # lives lost without a verb of killing ("the loss of 1 million lives", "the deadliest year")
        r"loss(?:es)? of (?:[\w,.]+ ){0,3}?(?:innocent |civilian |human )?lives|lives (?:were )?lost|deadliest",
    ),
    "bombardment": (
        r"barrel[- ]bomb(?:s|ed|ing|ings)?",
        r"cluster (?:bombs?|munitions?)",
        r"vacuum bombs?|phosphorus (?:bombs?|munitions?)",
        r"air[- ]?strikes?|air[- ]raids?|aerial (?:attacks?|bombing|bombardment|strikes?)",
        r"(?:missile|drone|artillery|rocket) (?:strikes?|attacks?|fire)",
        r"(?:us-led|coalition|israeli|turkish|russian|regime|government|syrian|american|u\.s\.|us)"
        r" (?:air )?(?:strikes|raids)",
        r"targeted (?:by|with) (?:\w+ )?(?:jets|warplanes|aircraft|helicopters|drones)",
        r"shell(?:s|ed|ing)",
        r"missiles?|rockets?|mortars?|artillery",
        r"bombard(?:s|ed|ing|ment|ments)?",
        r"bomb(?:s|ed)? (?:on|the|civilians|hospitals?|schools?|markets?|residential)",
        r"bombing (?:raids?|campaign)",
        r"rain(?:s|ed|ing)? (?:down )?(?:barrel )?bombs",
        r"warplanes?|war planes?|jets? (?:struck|bombed|pounded)",
        r"pound(?:s|ed|ing)",
        r"(?:aircraft|warplanes?|jets?|planes?|helicopters?|drones?|gunships?|bombers?|tanks?|warships?)"
        r" (?:\w+ ){0,2}?(?:struck|hit|targeted|bombed|attacked|raided|fired (?:on|at)|strafed)",
        r"(?:struck|hit|targeted) by (?:an? |the )?(?:\w+ ){0,2}?(?:shells?|bombs?|drones?|aircraft|jets"
        r"|warplanes|air ?strikes?)",
        r"strikes? (?:on|against|targeting) (?:the |a |an )?(?:\w+ ){0,2}?(?:hospitals?|schools?|markets?"
        r"|homes?|houses?|civilians?|villages?|towns?|neighbou?rhoods?|positions?|targets?|convoys?"
        r"|bases?|camps?|shelters?|mosques?|churches?|bakery|bakeries)",
        r"explosive weapons|bombs? (?:were |was )?dropped|dropp(?:ed|ing) (?:\w+ )?bombs"
        r"|bombing of|bombings of|bombed|air (?:attacks?|campaign|assaults?)",
        r"fir(?:e|es|ed|ing) (?:\w+ ){0,3}?(?:missiles?|rockets?|shells?|mortars?) (?:at|on|into|toward)",
    ),
    "chemical_attack": (
        r"chemical (?:weapons?|attacks?|agents?|arms|munitions?|strikes?|massacre|bombs?|substances?)",
        r"sarin|chlorine|mustard gas|vx|nerve (?:agents?|gas)",
        r"toxic (?:gas(?:es)?|chemicals?|substances?|agents?)",
        r"poison(?:ous)? gas|gas attacks?",
    ),
    "siege": (
        r"besieg(?:e|es|ed|ing)",
        r"sieges?",
        r"encircl(?:e|es|ed|ing|ement)",
        r"blockade[sd]?",
        r"starv(?:e|es|ed|ing|ation)",
    ),
    "displacement": (
        r"displac(?:e|es|ed|ing|ement)",
        r"forc(?:e|es|ed|ing)" + _GAP + r"\bto (?:flee|leave|evacuate)",
        r"forc(?:e|es|ed|ing)" + _GAP + r"\bout of (?:their|his|her|the) (?:homes?|houses?|villages?|towns?|cit(?:y|ies)|lands?)",
        r"(?:driven|expelled|evicted) (?:out )?(?:from|of) (?:their|his|her)",
        r"fled (?:their|his|her) (?:homes?|houses?|villages?|towns?)",
        r"(?:refugees|civilians|residents|families|people|thousands) (?:fleeing|fled|flee)",
        r"fleeing (?:the )?(?:fighting|violence|bombing|bombardment|shelling|war)",
        r"idps|exodus|uproot(?:ed|ing)",
        r"forced (?:evacuation|transfer|deportation)s?|forcibly (?:evacuated|transferred|expelled)",
        r"deport(?:ed|ation|ations)",
        r"(?:fled|flee(?:s|ing)?) (?:to|into|across|over|from) ",
        r"(?:drove|driven|drive|pushed|chased) (?:[\w,.]+ ){0,3}?(?:across|over|out of|from) (?:the )?"
        r"(?:border|country|homes?|region|area|villages?|towns?|lands?)",
        r"(?:sought|seek(?:ing)?|took|taken) (?:refuge|shelter) (?:in|from|across)",
        r"(?:millions?|thousands|hundreds) (?:of )?(?:\w+ )?(?:refugees|displaced)"
        r"|refugee (?:crisis|flows?|exodus)|(?:influx|flows?|waves?) of refugees",
    ),
    "detention": (
        r"detain(?:s|ed|ing|ee|ees)?|detention",
        r"arrest(?:s|ed|ing)?",
        r"abduct(?:s|ed|ing|ion|ions)?|kidnap(?:s|ped|ping|pings)?",
        r"(?:forcibly|forcefully) disappeared|enforced disappearances?",
        r"imprison(?:s|ed|ing|ment)|political prisoners|hostages?|held captive",
    ),
    "torture": (
        r"tortur(?:e|es|ed|ing)",
        r"ill-treat(?:ed|ment)|mistreat(?:ed|ment)",
    ),
    "massacre": (
        r"massacr(?:e|es|ed|ing)",
        r"mass (?:killings?|executions?|graves?|murder)",
        r"slaughter(?:s|ed|ing)?|bloodbath|carnage",
    ),
    "genocide": (r"genocid(?:e|es|al)",),
    "ethnic_cleansing": (
        r"(?:ethnic|sectarian)(?:ally)? cleans(?:e|es|ed|ing)",
        r"demographic (?:change|engineering)",
    ),
    "war_crimes": (
        r"war crim(?:e|es|inals?)",
        r"(?:violat(?:e|es|ed|ing|ions?)|breach(?:es|ed|ing)?|flout(?:s|ed|ing)?)(?: of)? (?:the )?"
        r"(?:international humanitarian law|geneva conventions?|laws of war|rules of war)",
    ),
    "crimes_against_humanity": (r"crimes? against humanity",),
    "ceasefire_violation": (
        r"(?:violat\w*|breach(?:es|ed|ing)?|broke|broken|break(?:s|ing)?)" + _GAP + _CEASEFIRE,
        _CEASEFIRE + r"(?: \w+){0,2} (?:violations?|breach(?:es)?)",
        r"(?:despite|in violation of) (?:the |a )?(?:[\w-]+ ){0,6}?" + _CEASEFIRE,
    ),
    "humanitarian_access": (
        r"humanitarian (?:access|aid|assistance|corridors?|convoys?|relief|supplies|deliveries|pause)",
        r"aid (?:convoys?|deliver(?:y|ies)|trucks|workers|agencies)",
        r"deliver(?:s|ed|ing|y)?(?: of)? (?:humanitarian |food |medical )?(?:aid|assistance|relief)",
        r"(?:block|prevent|obstruct|den(?:y|ies|ied)|bar|barred|hinder)\w*" + _GAP + r"\b(?:aid|access|convoys?|relief|assistance)",
        r"denial of (?:aid|access|assistance)|access to (?:food|medicine|medical care)",
        r"mobili[sz](?:e|es|ed|ing|ation of) (?:\w+ ){0,2}?(?:aid|assistance|resources|relief|funds|support)",
        r"(?:food|medical|emergency|relief) (?:aid|assistance|supplies)|relief (?:supplies|efforts"
        r"|operations|agencies|workers|items)",
    ),
    "condemnation": (
        r"condemn(?:s|ed|ing|ation|ations)?",
        r"denounc(?:e|es|ed|ing)",
        r"deplor(?:e|es|ed|ing)",
        r"decr(?:y|ies|ied|ying)",
    ),
    "call_to_action": (
        r"call(?:s|ed|ing)? (?:up)?on(?! (?:mon|tues|wednes|thurs|fri|satur|sun)day)",
        r"call(?:s|ed|ing)? for",
        r"urg(?:e|es|ed|ing)",
        r"appeal(?:s|ed|ing)? (?:to|for)",
        r"demand(?:s|ed|ing)? (?:that|the|an|immediate|urgent)",
        r"must(?! have been)",
        r"needs? to (?:be taken|act|stop|end|take|intervene)",
        r"(?:obligation|duty|responsibility) to (?:act|protect|stop|intervene|end)",
        r"it is (?:imperative|necessary|essential|urgent) (?:to|that)",
        r"(?:should|ought to) (?:\w+ )?(?:impose|take|act|stop|end|ensure|hold|release|allow|lift|halt|cease"
        r"|respect|comply|investigate|refrain|withdraw|protect|prosecute|bring|support|provide|step up|do more"
        r"|intervene|condemn|pressure|sanction|facilitate|guarantee|abide|implement|resume|engage|uphold)",
        r"we (?:ask|request|invite|encourage|implore|exhort)|let us (?!know)|requests? that",
        # calls without a verb of calling ("should be disarmed", "action is required",
        # "wants the government to release them", "we have to offer aid")
        r"(?:should|must) be (?:\w+ )?(?:neutrali[sz]ed|disarmed|released|freed|protected|prosecuted|punished"
        r"|investigated|stopped|lifted|ended|halted|withdrawn|allowed|held (?:to account|accountable|responsible)"
        r"|brought to justice|implemented|ensured|guaranteed)",
        r"(?:action|measures|steps) (?:is |are )?(?:urgently |now )?(?:required|needed)",
        r"wants? (?:[\w-]+ ){1,4}?to (?:release|free|stop|end|halt|withdraw|lift|allow)",
        r"should (?:\w+ )?move to|we (?:have|need) to (?!be\b)",
    ),
    "responsibility_attribution": (
        r"h[oe]ld(?:s|ing)?" + _GAP + r"\b(?:responsible|accountable)",
        r"bear(?:s|ing)? (?:the )?(?:full |primary |direct |entire |legal )?responsibility",
        r"(?:is|are|was|were|be|been|being) (?:\w+ )?(?:responsible|to blame) for",
        r"responsibility (?:lies|rests|falls) (?:with|on)",
        r"blam(?:e|es|ed|ing)",
        r"accus(?:e|es|ed|ing)" + _GAP + r"\bof",
        r"accusations? (?:against|that)",
        r"(?:claim(?:s|ed|ing)?|accept(?:s|ed|ing)?|admit(?:s|ted|ting)?) (?:the )?responsibility (?:for|of)",
        r"claim(?:s|ed|ing)? (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:attacks?|bombings?|assaults?|killings?)",
        r"(?:perpetrated|committed|carried out|orchestrated|masterminded) by|at the hands of"
        r"|(?:principal |main )?(?:culprits?|perpetrators? of)|implicated in|(?:have|has|had|were|was) been implicated"
        r"|those responsible for",
    ),
}


def _compile() -> re.Pattern[str]:
    """Combine all triggers into one alternation with a named group per type."""
    return _compile_groups({name: list(TRIGGERS[name]) for name in ("skip", *CLAIM_TYPES)})


def _compile_groups(groups: dict[str, list[str]]) -> re.Pattern[str]:
    """One alternation of ``groups`` (type -> triggers), a named group per type, in order."""
    alternatives = [rf"(?P<{name}>{'|'.join(bodies)})" for name, bodies in groups.items()]
    # One leading \b for all groups: positions inside words fail in one test.
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


#: How many leading characters of a match :func:`_prefixes` works out.
_PREFIX_DEPTH = 5
#: The same for one trigger, to find where it may start (longer: fewer false starts).
_TRIGGER_PREFIX_DEPTH = 12
#: Character classes wider than this end a prefix early.
_MAX_CLASS = 4
#: A parsed item :func:`_prefixes` treats as unknown: it ends the prefix.
_STOP: tuple[Any, Any] = ("STOP", None)


def _prefixes(items: list[tuple[Any, Any]], depth: int) -> set[str]:
    """The first ``depth`` characters of the strings parsed ``items`` can match.

    A shorter string stands for every string it starts: anything not
    understood here ends a prefix early, so the set only ever admits more.
    """
    if depth == 0 or not items:
        return {""}
    (op, arg), rest = items[0], items[1:]
    name = str(op)
    if name == "LITERAL":
        return {chr(arg) + p for p in _prefixes(rest, depth - 1)}
    if name == "IN":
        chars = _class_chars(arg)
        if chars is None:
            return {""}
        tails = _prefixes(rest, depth - 1)
        return {c + p for c in chars for p in tails}
    if name == "SUBPATTERN":
        return _prefixes(list(arg[-1]) + rest, depth)
    if name == "BRANCH":
        return set().union(*(_prefixes(list(alt) + rest, depth) for alt in arg[1]))
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = arg
        # One pass through the body, then stop (a second pass could follow).
        once = _prefixes(list(body) + ([*rest] if (low, high) == (1, 1) else [_STOP]), depth)
        return once | _prefixes(rest, depth) if low == 0 else once
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return _prefixes(rest, depth)  # zero width: skipping it admits more
    return {""}


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The characters of a small positive character class, else ``None``."""
    chars: list[str] = []
    for op, arg in items:
        if str(op) == "LITERAL":
            chars.append(chr(arg))
        elif str(op) == "RANGE" and arg[1] - arg[0] < _MAX_CLASS:
            chars.extend(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return chars if len(chars) <= _MAX_CLASS else None


def _match_prefixes(pattern: re.Pattern[str]) -> set[str] | None:
    """How matches of ``pattern`` can begin, or ``None`` if one might begin
    with a non-word character (or ``re``'s parser is not what we expect)."""
    try:
        found = _prefixes(list(_sre_parser.parse(pattern.pattern)), _PREFIX_DEPTH)
    except Exception:  # noqa: BLE001 - an internal of ``re`` changed: no shortcut
        return None
    if any(not _WORD_CHAR.match(p[:1]) for p in found):
        return None
    return found


_WORD_CHAR = re.compile(r"\w")
_PATTERN = _compile()
_RANK = {name: i for i, name in enumerate(PRIORITY)}
_HYPHENS_LIST = (("\u2010", "-"), ("\u2011", "-"), ("\u2012", "-"), ("\u2013", "-"), ("\u00ad", ""))
_HYPHENS = str.maketrans(dict(_HYPHENS_LIST))


def claim_types(sentence: str) -> tuple[str, ...]:
    """The claim types ``sentence`` makes, most specific first; ``()`` when none.

    >>> claim_types("Regime forces continue to rain barrel bombs on Aleppo.")
    ('bombardment',)
    >>> claim_types("The Coalition holds the UN Security Council responsible.")
    ('responsibility_attribution',)

    :param sentence: one sentence (any string is accepted).
    """
    text = _dehyphen(sentence.lower())
    if _PREFIX_AUTOMATON is None:
        return _types(m.lastgroup for m in _PATTERN.finditer(text) if not _hedged(text, 0, len(text), m))
    return _types_in(text, text, ((0, len(text)),))[0]


def claim_triggers(sentence: str) -> list[tuple[str, int, int]]:
    """``(type, start, end)`` of each trigger that gives ``sentence`` a type,
    in order: what a snippet highlights in a claim sentence. ``[]`` when
    lower-casing would move offsets (the caller then marks the sentence).

    >>> claim_triggers("Jets shelled Homs.")
    [('bombardment', 5, 12)]
    """
    low = sentence.lower()
    if len(low) != len(sentence) or "\u00ad" in sentence or "\u03a3" in sentence:
        return []
    low = _dehyphen(low)
    return [(m.lastgroup, m.start(), m.end()) for m in _matches(low)
            if m.lastgroup and m.lastgroup != "skip" and not _hedged(low, 0, len(low), m)]


def claim_types_of(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, ...]]:
    """``[claim_types(text[s:e]) for s, e in spans]``, lower-casing and reading
    the words of ``text`` once rather than once per span.

    >>> text = "Jets shelled Homs. The regime blocked aid."
    >>> claim_types_of(text, [(0, 18), (19, 42)])
    [('bombardment',), ('humanitarian_access',)]

    :param text: the text the spans point into (a body, a title).
    :param spans: ``(start, end)`` character offsets, e.g. from
        :func:`indexer.sentences.split_sentences`.
    """
    low = text.lower()
    # Slicing the lowered text must give each span's own lowered text: every
    # character maps to one (no ``İ`` -> ``i̇``, no deleted soft hyphen) and
    # no capital sigma, whose lower case depends on what surrounds it.
    if _PREFIX_AUTOMATON is None or len(low) != len(text) or "\u00ad" in text or "\u03a3" in text:
        return [claim_types(text[s:e]) for s, e in spans]
    return _types_in(_dehyphen(low), text, spans)


#: ``(type, start, end)`` of one trigger, offsets in the text typed.
Trigger = tuple[str, int, int]


def claim_types_and_triggers_of(text: str, spans: Sequence[tuple[int, int]]
                                ) -> tuple[list[tuple[str, ...]], list[list[Trigger]]]:
    """:func:`claim_types_of`, and the triggers that gave each span its types
    (offsets in ``text``; what ``indexer.roles`` reads), in the same pass.

    >>> claim_types_and_triggers_of("Jets shelled Homs.", [(0, 18)])
    ([('bombardment',)], [[('bombardment', 5, 12)]])
    """
    low = text.lower()
    if _PREFIX_AUTOMATON is None or len(low) != len(text) or "\u00ad" in text or "\u03a3" in text:
        triggers = [[(kind, a + s, b + s) for kind, a, b in claim_triggers(text[s:e])] for s, e in spans]
        return [claim_types(text[s:e]) for s, e in spans], triggers
    found: list[list[Trigger]] = []
    return _types_in(_dehyphen(low), text, spans, found), found


def _types_in(low: str, text: str, spans: Iterable[tuple[int, int]],
              triggers: list[list[Trigger]] | None = None) -> list[tuple[str, ...]]:
    """The claim types of each span of ``text``, whose lowered form is ``low``
    (same length, same offsets).

    At each candidate word of a span (:func:`_candidates`) the pattern tried
    there matches as ``finditer`` over the span would: ``match(low, p, end)``
    reads nothing before ``p`` but the character ``\\b`` looks at, which is
    not a word character at a word's start, as before a slice's start; and
    nothing from ``end`` on, as at a slice's end.
    """
    starts, patterns = _candidates(low)
    size, n = len(low), len(starts)
    out: list[tuple[str, ...]] = []
    for start, end in spans:
        if not 0 <= start <= end <= size \
                or (0 < start < size and not low[start - 1].isspace() and _cuts_word(low, start)) \
                or (0 < end < size and not low[end].isspace() and _cuts_word(low, end)):
            out.append(claim_types(text[start:end]))  # a span cutting a word: its words differ
            if triggers is not None:
                triggers.append([(k, a + start, b + start) for k, a, b in claim_triggers(text[start:end])])
            continue
        i = bisect_left(starts, start)
        if i == n or starts[i] >= end:
            out.append(())
            if triggers is not None:
                triggers.append([])
            continue
        found: set[str] = set()
        where: list[Trigger] = []
        pos = start
        cued: bool | None = None  # whether a hedging cue is in the sentence, once asked
        while i < n:
            p = starts[i]
            if p >= end:
                break
            if p >= pos:
                m = patterns[i].match(low, p, end)
                if m is not None:
                    if m.lastgroup in EVENT_TYPES and cued is None:
                        cued = _HEDGE_CUE.search(low[start:end]) is not None
                    if not (cued and _hedged(low, start, end, m)):
                        found.add(m.lastgroup)  # type: ignore[arg-type]
                        if triggers is not None and m.lastgroup != "skip":
                            where.append((m.lastgroup, m.start(), m.end()))  # type: ignore[arg-type]
                    pos = m.end()
            i += 1
        if triggers is not None:
            triggers.append(where)
        found.discard("skip")
        out.append(tuple(sorted(found, key=_RANK.__getitem__)) if found else ())
    return out


#: Types that report an act; a hedged or denied mention of one is no claim that it happened.
EVENT_TYPES = frozenset(CLAIM_TYPES) - {
    "condemnation", "call_to_action", "responsibility_attribution", "humanitarian_access",
}
_CLAUSE_MARKS = re.compile(r"[,;:()\u2014]| - ")
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether|lest|in case|in the event)\b")
_HEDGE_BEFORE = re.compile(
    r"\b(?:(?:would|could|might)(?: not)?|(?:no|not|never|without|nor|neither|n't)"
    r"(?! (?:stop|ceas|end|halt|only|just|least|long|less|fewer|more|yet)\w*)|prevent\w*|avert\w*"
    r"|avoid\w*|risks?(?: of)?|threats? of|threaten\w*(?: to| with)?|dangers? of|fears? of"
    r"|possib\w+ of|potential|looming|imminent)(?: [\w'-]+){0,2} $"
)
_HEDGE_AFTER = re.compile(r"(?: [\w'-]+){0,3}? (?:would|could|might)\b")
_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|refut\w*|(?:reject|dismiss)\w* (?:the |all |any )?"
                     r"(?:claims?|allegations?|accusations?|reports?))\b")
#: A word one of which every match of the four patterns above holds (at the
#: same word start, in the sentence): a sentence without one hedges nothing,
#: and one search spares the four per trigger. Grouped by first letter (``re``
#: then tries one branch per word, not thirty).
_HEDGE_CUE = re.compile(
    r"\b(?:a(?:vert|void)|could|d(?:en(?:y|ies|ied|ying)|anger|ismiss)|fear|i(?:f|mminent|n case|n the event)"
    r"|l(?:est|ooming)|might|n(?:o |ot |ever |or |either |'t )|p(?:revent|ossib|otential)|r(?:isk|efut|eject)"
    r"|threat|unless|w(?:hether|ould|ithout ))")


def _hedged(low: str, start: int, end: int, m: re.Match[str]) -> bool:
    """Whether the act ``m`` found in sentence ``low[start:end]`` is not asserted to have
    happened: in a conditional clause, under a modal (``would``, ``could``), negated,
    prevented or feared, or denied earlier in the sentence."""
    if m.lastgroup not in EVENT_TYPES:
        return False
    before_sentence = low[start:m.start()]
    marks = [c.end() for c in _CLAUSE_MARKS.finditer(before_sentence)]
    before = " " + before_sentence[marks[-1] if marks else 0:]
    close = _CLAUSE_MARKS.search(low, m.end(), end)
    after = low[m.end():close.start() if close else end]
    return bool(_CONDITIONAL.search(before) or _HEDGE_BEFORE.search(before) or _HEDGE_AFTER.match(after)
                or _DENIAL.search(before_sentence))


def _cuts_word(text: str, i: int) -> bool:
    """Whether ``text[i - 1]`` and ``text[i]`` are both word characters
    (``\\w``: alphanumeric or ``_``)."""
    pair = text[i - 1:i + 1]
    return pair.isalnum() or ("_" in pair and pair.replace("_", "a").isalnum())


def _dehyphen(text: str) -> str:
    """``text.translate(_HYPHENS)``; ``replace`` per character present is much
    faster than ``translate`` with a dict on a non-ASCII text."""
    if text.isascii():
        return text  # no character of ``_HYPHENS`` is ASCII
    for char, to in _HYPHENS_LIST:
        if char in text:
            text = text.replace(char, to)
    return text


def _types(kinds: Iterable[str | None]) -> tuple[str, ...]:
    found = {kind for kind in kinds if kind and kind != "skip"}
    return tuple(sorted(found, key=_RANK.__getitem__))


def _matches(text: str) -> Iterator[re.Match[str]]:
    """``_PATTERN.finditer(text)`` (``text`` lowered), but trying at each
    candidate word (:func:`_candidates`) only the triggers it can begin; the
    loop of :func:`_types_in`, as a generator (for tests)."""
    if _PREFIX_AUTOMATON is None:
        yield from _PATTERN.finditer(text)
        return
    starts, patterns = _candidates(text)
    pos = 0
    for p, pattern in zip(starts, patterns):
        if p >= pos:
            m = pattern.match(text, p)
            if m is not None:
                yield m
                pos = m.end()


def _candidates(text: str) -> tuple[list[int], list[re.Pattern[str]]]:
    """Where in ``text`` (lowered) a match can begin, and the pattern to try there.

    Every match starts a run of word characters (it begins with ``\\b`` and
    with a word character), and its first letters are one of its trigger's
    prefixes (:func:`_prefixes`). One automaton finds every place where a
    prefix starts a run, in a copy of ``text`` with each non-word character
    made a space (:func:`_spaced`; characters map one to one, so a prefix in
    ``text`` is the spaced prefix in the copy). Trying there an alternation of
    just the triggers whose prefix was found (in their order, in their named
    groups) leaves the matches of ``finditer`` (leftmost first, not
    overlapping) unchanged. Trying all ~150 triggers at every word is what
    made typing slow.
    """
    at: dict[int, tuple[int, ...]] = {}
    for end, (length, entries) in _PREFIX_AUTOMATON.iter(" " + _spaced(text)):
        start = end - length  # in ``text``: the haystack has one more leading space
        seen = at.get(start)
        at[start] = entries if seen is None else _union(seen, entries)
    if not at:
        return [], []
    starts = sorted(at)
    return starts, [_SUBPATTERNS.get(e) or _subpattern(e) for e in map(at.__getitem__, starts)]


def _spaced(text: str) -> str:
    """``text`` with each character that is not an ASCII word character made a
    space (so a non-ASCII letter too: that only admits more candidates)."""
    return text.encode("ascii", "replace").translate(_SPACED).decode("ascii")


def _union(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    key = (a, b)
    found = _UNIONS.get(key)
    if found is None:
        found = _UNIONS[key] = tuple(sorted(set(a) | set(b)))
    return found


def _prefix_automaton() -> Any:
    """Spaced trigger prefixes (`` " " + _spaced(prefix)``) -> ``(length, trigger numbers)``.

    A prefix that extends another with no trigger the shorter one lacks is
    left out: wherever it is found, the shorter one is found at the same start.
    """
    import ahocorasick

    entries_of: dict[str, set[int]] = {}
    for i, (_, _, prefixes) in enumerate(_ENTRIES):
        for prefix in prefixes or ():
            entries_of.setdefault(" " + _spaced(prefix), set()).add(i)
    automaton = ahocorasick.Automaton()
    for key, entries in entries_of.items():
        if any(key[:k] in entries_of and entries <= entries_of[key[:k]] for k in range(2, len(key))):
            continue
        automaton.add_word(key, (len(key) - 1, tuple(sorted(entries))))
    automaton.make_automaton()
    return automaton


def _subpattern(chosen: tuple[int, ...]) -> re.Pattern[str]:
    """:data:`_PATTERN` with only the triggers numbered ``chosen`` (same order, same groups)."""
    groups: dict[str, list[str]] = {}
    for i in chosen:
        name, body, _ = _ENTRIES[i]
        groups.setdefault(name, []).append(body)
    pattern = _SUBPATTERNS[chosen] = _compile_groups(groups)
    return pattern


def _entry_prefixes(body: str) -> frozenset[str] | None:
    """The prefixes of one trigger, or ``None`` (try it everywhere) if unknown."""
    try:
        found = _prefixes(list(_sre_parser.parse(body)), _TRIGGER_PREFIX_DEPTH)
    except Exception:  # noqa: BLE001 - an internal of ``re`` changed: no shortcut
        return None
    return None if "" in found else frozenset(found)


_STARTS = _match_prefixes(_PATTERN)
#: Every trigger in pattern order: ``(type, pattern text, prefixes)``.
_ENTRIES: tuple[tuple[str, str, frozenset[str] | None], ...] = tuple(
    (name, body, _entry_prefixes(body)) for name in ("skip", *CLAIM_TYPES) for body in TRIGGERS[name]
)
_SUBPATTERNS: dict[tuple[int, ...], re.Pattern[str]] = {}
_UNIONS: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[int, ...]] = {}
#: Bytes: ASCII word characters kept, every other byte a space.
_SPACED = bytes(c if re.fullmatch(r"\w", chr(c), re.ASCII) else 32 for c in range(256))
_PREFIX_AUTOMATON: Any = _prefix_automaton() if _STARTS is not None and all(e[2] for e in _ENTRIES) else None
