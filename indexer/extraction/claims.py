"""Claim typing: which kinds of claim a sentence makes (killing, siege, condemnation, ...).

Statements by political actors are built from a small repertoire of claims;
typing sentences lets researchers search for "who accused whom of a siege".
The taxonomy and its trigger phrases (``indexer.extraction.claim_taxonomy``) are
documented in ``indexer/data/CLAIMS.md``; keep the two in step.

All triggers form ONE regex with a named group per type, whose matches over
the lower-cased sentence (``finditer``) give its types. Phrases that contain a
trigger but make no claim (``the Genocide Convention``, ``condemned to
death``) are matched first by a ``skip`` group, which consumes them so the
triggers inside are not seen. For speed the regex is only tried where a
trigger's first letters stand at a word's start, and there only with the
triggers that can match (:func:`_candidates`); :func:`claim_types_of` types
all the sentences of a text in one pass over it. Runs of whitespace read as
one space (:func:`squeeze`): records made from PDFs break lines and double
spaces inside sentences, and a trigger's words must match across them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from indexer.extraction.claim_taxonomy import CLAIM_TYPES, PRIORITY, TRIGGERS
from indexer.extraction.regex_prefixes import pattern_prefixes
from indexer.extraction.whitespace_runs import Runs, squeeze

__all__ = ["claim_triggers", "claim_types", "claim_types_and_triggers_of", "claim_types_of", "squeeze"]


@lru_cache(maxsize=1)
def _whole_pattern() -> re.Pattern[str]:
    """All triggers in one alternation with a named group per type.

    Compiled on first use (~0.04 s): with the prefix automaton (always, with
    the bundled taxonomy) only tests and a fallback need it.
    """
    return _compile_groups({name: list(TRIGGERS[name]) for name in ("skip", *CLAIM_TYPES)})


def __getattr__(name: str) -> Any:
    """``_PATTERN``, the whole alternation, compiled on first use (tests read it)."""
    if name == "_PATTERN":
        return _whole_pattern()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _compile_groups(groups: dict[str, list[str]]) -> re.Pattern[str]:
    """One alternation of ``groups`` (type -> triggers), a named group per type, in order."""
    alternatives = [rf"(?P<{name}>{'|'.join(bodies)})" for name, bodies in groups.items()]
    # One leading \b for all groups: positions inside words fail in one test.
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


#: How many leading characters of a trigger :func:`_entry_prefixes` works out
#: (to find where it may start; longer: fewer false starts).
_TRIGGER_PREFIX_DEPTH = 12


def _word_starts(entries: Iterable[tuple[str, str, frozenset[str] | None]]) -> bool:
    """Whether every trigger's prefixes are known and each begins with a word
    character: then every match begins a run of word characters, where the
    prefix automaton looks (the whole alternation's prefixes are the union of
    its triggers', so its own parse, ~0.03 s at import, is not needed)."""
    return all(prefixes and all(_WORD_CHAR.match(p[:1]) for p in prefixes) for _, _, prefixes in entries)


_WORD_CHAR = re.compile(r"\w")
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
        text = squeeze(text)
        return _types(m.lastgroup for m in _whole_pattern().finditer(text) if not _hedged(text, 0, len(text), m))
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
    runs = Runs.of(_dehyphen(low))
    low = runs.squeezed
    return [(m.lastgroup, *runs.back_span(m.start(), m.end())) for m in _matches(low)
            if m.lastgroup and m.lastgroup != "skip" and not _hedged(low, 0, len(low), m)]


def claim_types_of(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, ...]]:
    """``[claim_types(text[s:e]) for s, e in spans]``, lower-casing and reading
    the words of ``text`` once rather than once per span.

    >>> text = "Jets shelled Homs. The regime blocked aid."
    >>> claim_types_of(text, [(0, 18), (19, 42)])
    [('bombardment',), ('humanitarian_access',)]

    :param text: the text the spans point into (a body, a title).
    :param spans: ``(start, end)`` character offsets, e.g. from
        :func:`indexer.extraction.sentences.split_sentences`.
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
    (offsets in ``text``; what ``indexer.extraction.roles`` reads), in the same pass.

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
    spans = spans if isinstance(spans, (list, tuple)) else list(spans)  # (read twice)
    runs = Runs.of(low, spans)
    original, low = low, runs.squeezed
    starts, patterns = _candidates(low)
    size, n = len(original), len(starts)
    out: list[tuple[str, ...]] = []
    for start, end in spans:
        if not 0 <= start <= end <= size \
                or (0 < start < size and not original[start - 1].isspace() and _cuts_word(original, start)) \
                or (0 < end < size and not original[end].isspace() and _cuts_word(original, end)) \
                or (runs.ends and 0 < end - start < size
                    and (original[start].isspace() or original[end - 1].isspace())):
            out.append(claim_types(text[start:end]))  # a span cutting a word: its words differ
            if triggers is not None:
                triggers.append([(k, a + start, b + start) for k, a, b in claim_triggers(text[start:end])])
            continue
        if runs.ends and start < end:  # (the whole text, or both ends at non-space characters)
            start, end = (0, len(low)) if end - start == size else (runs.forth(start), runs.forth(end - 1) + 1)
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
        asks: bool | None = None  # whether a word of an embedded question is, once asked
        while i < n:
            p = starts[i]
            if p >= end:
                break
            if p >= pos:
                m = patterns[i].match(low, p, end)
                if m is not None:
                    kind = m.lastgroup
                    if kind in EVENT_TYPES:
                        if cued is None:
                            cued = _cued(low[start:end])
                        hedged = cued and _hedged(low, start, end, m)
                    elif kind == "call_to_action":  # (one search a sentence: most calls ask nothing)
                        if asks is None:
                            asks = _ASKING.search(low, start, end) is not None
                        hedged = asks and _hedged(low, start, end, m)
                    else:
                        hedged = False
                    if not hedged:
                        found.add(m.lastgroup)  # type: ignore[arg-type]
                        if triggers is not None and m.lastgroup != "skip":
                            where.append((m.lastgroup, *runs.back_span(m.start(), m.end())))  # type: ignore[arg-type]
                        if m.lastgroup in _IMPLIED:  # a massacre is a killing too
                            found.add(_IMPLIED[m.lastgroup])
                            if triggers is not None:
                                where.append((_IMPLIED[m.lastgroup], *runs.back_span(m.start(), m.end())))
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
#: A call's words inside an embedded question or reported reason are no call ("he didn't explain why it
#: is the duty of ...", "asked whether it is our task to", "wonder if we should"); "that is why we must"
#: gives the reason for a call and stays one, as does "it should be clear why we demand".
_EMBEDDED = re.compile(r"\bwhether\b|\b(?:ask|wonder|know|knew|explain|understand|question|tell|told|doubt|unsure|sure"
                       r"|debat|discuss|decid|consider|examin|see|saw|show|learn|find|found|why)\w*"
                       r"(?: (?:us|me|him|her|them|you|ourselves|themselves))? (?:why|if|how)\b")
#: The speakers' own call restated inside a question they report ("we are asked why we so stubbornly
#: call for"): a verb of calling right after "why/how we/I" holds; "wonder if we should" does not.
_OWN_CALL = re.compile(r"\b(?:why|how) (?:we|i)(?: [\w'’-]+){0,2} $")
_CALL_VERBS = ("call", "urg", "demand", "appeal", "insist")
#: A word :data:`_EMBEDDED` needs (a sentence without one has no embedded question).
_ASKING = re.compile(r"\b(?:whether|why|if|how)\b")
#: Types :func:`_hedged` may drop (a call only inside an embedded question).
_HEDGED_TYPES = EVENT_TYPES | {"call_to_action"}
_CLAUSE_MARKS = re.compile(r"[,;:()\u2014]| - ")
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether|lest|in case|in the event)\b")
#: After a negation: not a negated end of the act ("not stopped shelling" still counts).
_NOT_STOPPING = r"(?! (?:stop|ceas|end|halt|only|just|least|long|less|fewer|more|yet)\w*)"
_HEDGE_BEFORE = re.compile(
    r"(?:\b(?:(?:would|could|might|will|shall)(?: not)?|(?:no|not|never|without|nor|neither)" + _NOT_STOPPING + r"|prevent\w*|avert\w*"
    r"|avoid\w*|risks?(?: of)?|threats? of|threaten\w*(?: to| with)?|dangers? of|fears? of"
    r"|possib\w+ of|potential|looming|imminent"
    # a plan or an attempt is not the act ("a plot to kidnap", "planned the abduction")
    r"|plot(?:s|ted|ting)? to|plan(?:s|ned|ning)? (?:to|the|an?)|conspir\w*|attempt(?:s|ed|ing)? to|tr(?:y|ies|ied) to"
    # an aim or an option is not the act either ("researched options to abduct", "intend to arrest")
    r"|options? to|ways? to|intend(?:s|ed|ing)? to|intentions? to"
    # an act deterred or refrained from ("dissuade the regime from committing new massacres", "refrain from attacking")
    r"|(?:dissuad\w*|deter(?:s|red|ring)?|refrain\w*|desist\w*|restrain\w*)(?: [\w'’-]+){0,4}? from"
    r"(?: committing| carrying out| perpetrating)?)"
    # a contracted negation, inside its word ("didn't kill", "haven’t shelled")
    r"|(?<=\w)n['’]t" + _NOT_STOPPING + r")(?: [\w'-]+){0,2} $"
    # an act only tried, right before it ("an attempted kidnapping", "foiled a plot"; not "during the attempted
    # coup they kidnapped me")
    r"|\b(?:attempted|foiled|thwarted)(?: (?:an?|the))? $"
)
#: An aim is not the act, right after its "to" ("hoping to encircle it", "vowed to kill", "in order to
#: besiege"; not "hoping to break the siege": the act there is what the aim would end).
_HEDGE_AIM = re.compile(
    r"\b(?:hop(?:e|es|ed|ing)|aim(?:s|ed|ing)?|seek(?:s|ing)?|sought|vow(?:s|ed|ing)?|pledg(?:e|es|ed|ing)"
    r"|promis(?:e|es|ed|ing)|in order|so as|bid|want(?:s|ed|ing)?|wish(?:es|ed|ing)?) to(?: \w+ly)? $"
    r"|\baim(?:s|ed|ing)? at $"
)
#: No one was hurt: the act said of nobody, in the passive ("none of the migrants was injured", "nobody
#: was killed"; not "nobody ordered his arrest", "none of those who have been indicted for war crimes").
_HEDGE_NONE = re.compile(
    r"\b(?:nobody|no-one|none(?: of(?: (?!(?:who|which|that|whom)\b)[\w'-]+){1,3}?)?) (?:was|were|is|are|has|have"
    r"|had|got)(?: been)?(?: [\w'-]+)? $"
)
#: An act averted inside a noun phrase ("averting a famine of genocidal dimensions", "prevent an
#: outbreak of"), not the return of one that happened ("prevent a recurrence of the genocide") nor
#: people the act touched ("prevented the evacuation of the wounded").
_HEDGE_AVERTED = re.compile(
    r"\b(?:prevent|avert|avoid)\w*(?: (?:an?|the|any|further|another|new))? (?:outbreak|onset|spread|escalation"
    r"|eruption|waves?|cycles?|spiral|campaigns?|famine|catastrophe|disaster|crisis|tragedy|acts?|cases?|crimes?"
    r"|kinds?|sorts?|forms?) of(?: the| an?)? $"
)
#: A legal qualification named as a kind of threat ("new threats such as terrorism ... combined
#: with genocide"), bare (no article or owner before it): a category, not an act.
_THREAT_LIST = re.compile(r"\b(?:threats?|challenges?|scourges?|dangers?|menaces?|evils?|perils?) (?:such as|like"
                          r"|including)\b")
_CATEGORY_TYPES = frozenset({"genocide", "war_crimes", "crimes_against_humanity", "ethnic_cleansing"})
_DETERMINED = re.compile(r"\b(?:the|this|that|these|those|an?|its|their|his|her|our|my|your) $")
_HEDGE_AFTER = re.compile(r"(?: [\w'-]+){0,3}? (?:would|could|might)\b| (?:plots?|attempts?)\b")
_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|refut\w*|(?:reject|dismiss)\w* (?:the |all |any )?"
                     r"(?:claims?|allegations?|accusations?|reports?))\b")
#: A word one of which every match of the hedging patterns above holds (at the
#: same word start, in the sentence; a contracted negation, inside its word, is
#: looked for apart: :func:`_cued`): a sentence without one hedges nothing, and
#: one search spares them per trigger. Grouped by first letter (``re``
#: then tries one branch per word, not thirty).
_HEDGE_CUE = re.compile(
    r"\b(?:a(?:vert|void|ttempt|im)|bid|c(?:ould|onspir|halleng)|d(?:en(?:y|ies|ied|ying)|anger|ismiss|issuad|eter|esist)"
    r"|evil|f(?:ear|oil)|hop"
    r"|i(?:f|mminent|n case|n the event|n order|ntend|ntention)|l(?:est|ooming)|m(?:ight|enac)|shall|will"
    r"|n(?:o |ot |one|obody|o-one|ever |or |either )"
    r"|option|p(?:revent|ossib|otential|lot|lan|eril|ledg|romis)|r(?:isk|efut|eject|efrain|estrain)|s(?:courg|eek|ought|o as)"
    r"|t(?:hreat|hwart|r(?:y|ies|ied) to)|unless|vow|w(?:hether|ould|ithout |ays? to|ant|ish))")


def _cued(sentence: str) -> bool:
    """Whether ``sentence`` (lowered) holds a word a hedge needs (:data:`_HEDGE_CUE`)."""
    return "n't" in sentence or "n\u2019t" in sentence or _HEDGE_CUE.search(sentence) is not None


def _hedged(low: str, start: int, end: int, m: re.Match[str]) -> bool:
    """Whether the act ``m`` found in sentence ``low[start:end]`` is not asserted to have
    happened: in a conditional clause, under a modal (``would``, ``could``), negated,
    prevented or feared, or denied earlier in the sentence."""
    if m.lastgroup not in _HEDGED_TYPES:
        return False
    before_sentence = low[start:m.start()]
    marks = [c.end() for c in _CLAUSE_MARKS.finditer(before_sentence)]
    before = " " + before_sentence[marks[-1] if marks else 0:]
    if m.lastgroup == "call_to_action":  # (a predicate after "and"/"but" is the main clause's again)
        return (_EMBEDDED.search(before, max(before.rfind(" and "), before.rfind(" but ")) + 1) is not None
                and not (_OWN_CALL.search(before) and m.group().startswith(_CALL_VERBS)))
    close = _CLAUSE_MARKS.search(low, m.end(), end)
    after = low[m.end():close.start() if close else end]
    return bool(_CONDITIONAL.search(before) or _HEDGE_BEFORE.search(before) or _HEDGE_AFTER.match(after)
                or _DENIAL.search(before_sentence) or _HEDGE_AVERTED.search(before) or _HEDGE_NONE.search(before)
                or _HEDGE_AIM.search(before)
                or (m.lastgroup in _CATEGORY_TYPES and _THREAT_LIST.search(before_sentence) is not None
                    and _DETERMINED.search(before) is None))


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


#: Types another implies: a massacre is people killed (the gold lists both, issue 18).
_IMPLIED = {"massacre": "killing"}


def _types(kinds: Iterable[str | None]) -> tuple[str, ...]:
    found = {kind for kind in kinds if kind and kind != "skip"}
    found |= {_IMPLIED[kind] for kind in found if kind in _IMPLIED}
    return tuple(sorted(found, key=_RANK.__getitem__))


def _matches(text: str) -> Iterator[re.Match[str]]:
    """``_PATTERN.finditer(text)`` (``text`` lowered), but trying at each
    candidate word (:func:`_candidates`) only the triggers it can begin; the
    loop of :func:`_types_in`, as a generator (for tests)."""
    if _PREFIX_AUTOMATON is None:
        yield from _whole_pattern().finditer(text)
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
    prefixes (``indexer.extraction.regex_prefixes``). One automaton finds every place where a
    prefix starts a run, in a copy of ``text`` with each non-word character
    made a space (:func:`_spaced`; characters map one to one, so a prefix in
    ``text`` is the spaced prefix in the copy). Trying there an alternation of
    just the triggers whose prefix was found (in their order, in their named
    groups) leaves the matches of ``finditer`` (leftmost first, not
    overlapping) unchanged. Trying all ~150 triggers at every word is what
    made typing slow.
    """
    # Hits come in the order of their ends, so at one start the last is the
    # longest, and its entries hold those of every shorter prefix found there
    # (:func:`_prefix_automaton`). (``end - length``: the start in ``text``,
    # the haystack has one more leading space.)
    at = {end - length: entries for end, (length, entries) in _PREFIX_AUTOMATON.iter(" " + _spaced(text))}
    if not at:
        return [], []
    starts = sorted(at)
    return starts, [_SUBPATTERNS.get(e) or _subpattern(e) for e in map(at.__getitem__, starts)]


def _spaced(text: str) -> str:
    """``text`` with each character that is not an ASCII word character made a
    space (so a non-ASCII letter too: that only admits more candidates)."""
    return text.encode("ascii", "replace").translate(_SPACED).decode("ascii")


def _prefix_automaton(entries: Sequence[tuple[str, str, frozenset[str] | None]]) -> Any:
    """Spaced trigger prefixes (`` " " + _spaced(prefix)``) -> ``(length, trigger numbers)``.

    A prefix that extends another with no trigger the shorter one lacks is
    left out: wherever it is found, the shorter one is found at the same start.
    A prefix's trigger numbers include those of the shorter prefixes it begins
    with: every prefix found at one start begins the longest one found there,
    so that one hit holds all the triggers that can begin there (one dict
    store per hit in :func:`_candidates`, no union of the hits at a start).
    """
    import ahocorasick

    entries_of: dict[str, set[int]] = {}
    for i, (_, _, prefixes) in enumerate(entries):
        for prefix in prefixes or ():
            entries_of.setdefault(" " + _spaced(prefix), set()).add(i)
    automaton = ahocorasick.Automaton()
    for key, entries in entries_of.items():
        if any(key[:k] in entries_of and entries <= entries_of[key[:k]] for k in range(2, len(key))):
            continue
        merged = entries.union(*(entries_of[key[:k]] for k in range(2, len(key)) if key[:k] in entries_of))
        automaton.add_word(key, (len(key) - 1, tuple(sorted(merged))))
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
        found = pattern_prefixes(body, _TRIGGER_PREFIX_DEPTH)
    except Exception:  # noqa: BLE001 - an internal of ``re`` changed: no shortcut
        return None
    return None if "" in found else frozenset(found)


Entries = tuple[tuple[str, str, frozenset[str] | None], ...]


def _entries_and_automaton() -> tuple[Entries, Any]:
    """:data:`_ENTRIES` and :data:`_PREFIX_AUTOMATON`, read back from the cache
    directory when this code and data made them before (reading the triggers'
    prefixes from ``re``'s parse trees costs ~0.1 G instructions a process,
    issue 18 item 10), else made and kept (``gazetteer_cache``)."""
    from indexer.extraction import gazetteer_cache

    triggers = [(name, body) for name in ("skip", *CLAIM_TYPES) for body in TRIGGERS[name]]
    kept = gazetteer_cache.read_kept("claims")
    if isinstance(kept, tuple) and len(kept) == 2 and [entry[:2] for entry in kept[0]] == triggers:
        return kept  # type: ignore[return-value]
    entries: Entries = tuple((name, body, _entry_prefixes(body)) for name, body in triggers)
    made = entries, (_prefix_automaton(entries) if _word_starts(entries) else None)
    gazetteer_cache.write_kept("claims", made)
    return made


_SUBPATTERNS: dict[tuple[int, ...], re.Pattern[str]] = {}
#: Bytes: ASCII word characters kept, every other byte a space.
_SPACED = bytes(c if re.fullmatch(r"\w", chr(c), re.ASCII) else 32 for c in range(256))
#: Every trigger in pattern order: ``(type, pattern text, prefixes)``; and the
#: automaton of their prefixes (``None``: a trigger may start anywhere).
_ENTRIES, _PREFIX_AUTOMATON = _entries_and_automaton()
