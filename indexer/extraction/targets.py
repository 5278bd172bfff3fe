"""Who or what an act targets when the sentence names it by kind: ``killed three
journalists``, ``attacks on hospitals``, ``protesters were detained``.

Researchers ask for acts against kinds of people and places (``claim:killing AND
journalist``, ``claim:bombardment AND hospital``) far more often than for a named
victim, and the sentences name the victims that way. These words are no
gazetteer actors (no statement is *about* "civilians"): like
``indexer.extraction.generic_groups``, they are mentions only the roles see, and
only as the value of ``against`` (:func:`target_roles` decides, precision
first; :func:`with_targets` adds them to a claim's roles). The value is the kind in the plural
(``journalist`` and ``journalists`` give ``journalists``), as ROLES.md's gold
writes it.

A closed list of nouns (``indexer.model.TARGET_KINDS``, which the query side ranks with too), no other data; the clause marks and the passive's
verbs are ``indexer.extraction.roles``'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from indexer.extraction.claim_taxonomy import SPEECH_ACTS
from indexer.extraction.lazy_regex import LiteralHint
from indexer.extraction.roles import _BE, _CLAUSE_MARKS, _ROLE_ORDER, Mention, RoleItem
from indexer.model import TARGET_KINDS

__all__ = ["target_mentions", "target_roles", "with_targets"]

_VALUE_OF = {form: value for value, forms in TARGET_KINDS.items() for form in forms}
#: Longest forms first: ``aid workers`` before a shorter form inside it.
_PATTERN = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _VALUE_OF), key=len, reverse=True)) + r")\b")
#: A cheap test before :data:`_PATTERN` (every form holds one of these).
_HINT = LiteralHint(re.compile(r"civilian|journalist|reporter|photo|blogger|activist|dissident|defender|lawyer|protest"
                   r"|demonstrator|student|child|wom[ae]n|doctor|medic|nurse|worker|rescue|volunteer|refugee"
                   r"|worship|hospital|clinic|facilit|school|market|mosque|church|baker|convoy"))


def target_mentions(text: str, start: int, end: int, taken: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """``(value, start, end)`` of the kinds named in ``text[start:end]`` (offsets in
    ``text``), less those inside a span of ``taken`` (an actor's name: the
    ``Committee to Protect Journalists``) or followed by a hyphen (``school-age``)."""
    low = text[start:end].lower()
    return _mentions(low, start, taken) if len(low) == end - start else []


def _mentions(low: str, start: int, taken: Sequence[tuple[int, int]]) -> list[Mention]:
    if not _HINT.found(low):
        return []
    out = []
    for m in _PATTERN.finditer(low):
        s, e = m.start() + start, m.end() + start
        if low[m.end():m.end() + 1] == "-" or any(a < e and s < b for a, b in taken):
            continue
        out.append((_VALUE_OF[m.group()], s, e))
    return out


#: Between a verb trigger and its object kind: determiners, numbers, up to two
#: modifiers that are no function word (``killed three local journalists``).
_COUNT = (r"the|a|an|at least|some|more than|over|nearly|about|dozens of|hundreds of|thousands of|scores of"
          r"|several|many|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*")
_TARGET_OBJECT_GAP = re.compile(
    rf" (?:(?:{_COUNT}) )*"
    r"(?:(?!(?:of|and|or|by|in|on|at|to|with|for|from|after|before|during|who|which|that|was|were|is|are|had"
    r"|has|have|near|as|when|while|but|its|their|his|her|where|whom|whose|what|there|here|into|through|against"
    r"|among|than|then|because|since|until|if|whether|not|no|he|she|they|it|we|you|them|us|who|be|been)\b)"
    r"[a-z][\w-]* ){0,2}")
#: Between an act noun and its target kind: ``attacks on (the main) hospitals``,
#: ``the killing of (two) journalists``, ``casualties among civilians``.
_TARGET_PREPOSITION_GAP = re.compile(r"(?: (?!(?:by|and|or|in|after|before)\b)[a-z][\w-]*){0,2}"
                                     r" (?:against|on|targeting|of|among)" + _TARGET_OBJECT_GAP.pattern)
#: The forms of the verbs that strike a target.
_STRIKES = (r"(?:hit|hits|hitting|struck|strikes?|striking|targets?|targeted|targeting|destroy|destroys|destroyed"
            r"|destroying|damage|damages|damaged|damaging|razed|levell?ed|flattened|pounded)")
#: Between an act and the object of a strike verb after it: ``warplanes struck the main
#: hospital``, ``airstrikes destroy Idlib MSF hospital`` (the act is a noun, the verb no trigger).
_STRIKE_VERB_GAP = re.compile(
    r"(?: (?:have|has|had|reportedly|allegedly|also|again|repeatedly|deliberately))*"
    r" " + _STRIKES + _TARGET_OBJECT_GAP.pattern)
#: A trigger ending in a strike verb (``jets hit``): a verb, though ``hit`` has no verb ending.
_ENDS_IN_STRIKE_VERB = re.compile(r"\b" + _STRIKES + r"$")
#: Between an act and a kind among its victims: ``killed 20 people, including five children``.
_INCLUDING_GAP = re.compile(rf"(?: (?:{_COUNT}))*(?: (?!(?:by|in|on|at|near|after|before|and|or)\b)[a-z][\w-]*){{0,2}},?"
                            r" including" + _TARGET_OBJECT_GAP.pattern)
#: Between a target kind and a verb trigger after it: a passive (``were reportedly
#: killed``) or a headline's bare participle (``journalist killed in Idlib``).
_TARGET_PASSIVE_GAP = re.compile(
    rf" (?:(?:has|have|had|will|would) )?(?:(?:reportedly|allegedly|also|again|been) )*(?:{_BE} )?"
    r"(?:(?:reportedly|allegedly|also|again|repeatedly|deliberately|being) )*")
#: The verb forms of triggers whose object may be a target (``killed``, ``kills``, ``killing``).
_TARGET_VERB = re.compile(r"(?:ed|s|ing| dead| down)$")
_PAST_VERB = re.compile(r"(?:ed|ered|ged)$")


def target_roles(text: str, start: int, end: int, triggers: Sequence[tuple[str, int, int]],
                 taken: Sequence[tuple[int, int]] = ()) -> list[RoleItem]:
    """``against`` items (offsets in ``text``) for the kinds of :func:`target_mentions`
    (not inside a span of ``taken``) in the claim sentence ``text[start:end]``
    that an act (of ``triggers``, as ``roles.claim_roles`` takes them) targets:
    the object of a verb trigger (``killed three journalists``, ``jets hit the
    hospital``, also within the trigger's own words: ``the bombed hospital``), the
    object of ``on``/``against``/``targeting``/``of``/``among`` after an act
    (``attacks on hospitals``, ``the arrest of activists``), a kind among the
    victims (``killed 20 people, including five children``), the subject of a
    passive or of a headline's participle (``protesters were detained``,
    ``journalist killed``), the subject of a strike verb in the passive where
    the sentence reports an act that strikes (``a hospital in Idlib was hit by
    rockets``: ``hit`` is no trigger); a kind joined by ``and``/a comma to a target is one
    too. Anything else (``taken to hospital``, ``journalists said``) is no role.

    >>> s = "troops killed three journalists and two activists near a hospital"
    >>> target_roles(s, 0, len(s), [("killing", 7, 13)])
    [('against', 'journalists', 20, 31), ('against', 'activists', 40, 49)]
    """
    acts = [(kind, s - start, e - start) for kind, s, e in triggers if kind not in SPEECH_ACTS]
    if not acts:
        return []  # no act to target anything
    low = text[start:end].lower()
    targets = _mentions(low, start, taken) if len(low) == end - start else []  # else lower-casing moved offsets
    striking = any(kind in _STRIKING_ACTS for kind, _s, _e in acts)
    out: list[RoleItem] = []
    previous_end: int | None = None
    for name, s, e in targets:
        s, e = s - start, e - start
        hit = previous_end is not None and _JOINED_TARGET.fullmatch(low, previous_end, s) is not None
        for kind, ts, te in acts:
            if hit:
                break
            if ts < s < te:  # the act's own words name the kind: ``bombed hospital``
                te = len(low[:s].rstrip())  # the act is the words before it
            if te <= s and s - te <= 60 and not _CLAUSE_MARKS.search(low, te, s):
                verb = (_TARGET_VERB.search(low, ts, te) is not None or _ENDS_IN_STRIKE_VERB.search(low, ts, te)
                        is not None) and not low[ts:te].endswith(" by")
                hit = (verb and _TARGET_OBJECT_GAP.fullmatch(low, te, s) is not None
                       or _TARGET_PREPOSITION_GAP.fullmatch(low, te, s) is not None
                       or _STRIKE_VERB_GAP.fullmatch(low, te, s) is not None
                       or "including" in low[te:s] and _INCLUDING_GAP.fullmatch(low, te, s) is not None)
            elif ts >= e and ts - e <= 40 and not _CLAUSE_MARKS.search(low, e, ts):
                hit = _PAST_VERB.search(low, ts, te) is not None and _TARGET_PASSIVE_GAP.fullmatch(low, e, ts) is not None
        if not hit and striking and _STRUCK_PASSIVE.match(low, e) is not None:
            hit = True  # ``the hospital was hit``: a strike verb is no trigger, the sentence's act struck it
        previous_end = e if hit else None
        if hit:
            out.append(("against", name, s + start, e + start))
    return out


#: Acts that strike what a strike verb's passive subject names (not a siege's "hit by shortages").
_STRIKING_ACTS = frozenset({"bombardment", "chemical_attack", "killing", "massacre"})
#: After a target kind: a strike verb in the passive (``was hit``, ``were reportedly
#: damaged``), a short place or owner between (``a hospital in Idlib was hit``).
_STRUCK_PASSIVE = re.compile(
    r"(?: (?:in|at|of|near) [\w'-]+(?: [\w'-]+)?)?,?(?: (?:has|have|had))?(?: been)?"
    rf" {_BE}(?: (?:reportedly|allegedly|also|again|repeatedly|deliberately|partially|partly|completely"
    r"|badly|heavily|directly|being))*"
    r" (?:hit|struck|targeted|destroyed|damaged|razed|levell?ed|flattened|pounded)\b")
#: Between two targets of one act: ``journalists and (two) activists``.
_JOINED_TARGET = re.compile(r"(?:,| and|, and| or|, or)" + _TARGET_OBJECT_GAP.pattern)


def with_targets(roles: tuple[RoleItem, ...], targets: list[RoleItem]) -> tuple[RoleItem, ...]:
    """``roles`` (``roles.claim_roles``) with the ``against`` items of ``targets``
    added, in the same order (role, then position), each (role, name) once."""
    if not targets:
        return roles
    found = {item[:2]: item for item in roles}
    for item in targets:
        found.setdefault(item[:2], item)
    return tuple(sorted(found.values(), key=lambda item: (_ROLE_ORDER[item[0]], item[2])))
