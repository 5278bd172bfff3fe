"""Speakers across a relative clause, and speakers that report their own act.

``The coalition, which launched an air war against IS, said``: the relative
clause between a name and its speech verb does not break their link (the
clause's own names are no speaker: they are its objects). ``X said it had
carried out air strikes``: the speaker reports its own act, so it is the act's
agent too, with the act's verb right after ``it``/``they`` or a light verb
(``carried out``, ``conducted``) before the act noun. When the relative clause
names another actor as its object (``the coalition which fights IS said
it``), ``it`` may be that actor: no agent (precision first).

A leaf of :mod:`indexer.extraction.roles` (which holds the other role rules).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from indexer.extraction.role_words import FILLERS, PROGRESSIVE

__all__ = ["SPEECH_VERBS", "own_act", "relative_clause", "relative_speakers"]

#: Verbs of speech and attribution: a name right before one speaks (:mod:`indexer.extraction.roles`).
SPEECH_VERBS = (
    r"(?:said|says|say|stated|states|announced|announces|declared|declares|added|adds|noted|notes|told|tells"
    r"|reported|reports|confirmed|confirms|warned|warns|stressed|stresses|insisted|insists|affirmed|affirms"
    r"|asserted|asserts|alleged|alleges|charged|charges|accused|accuses|accusing|blamed|blames|blaming"
    r"|condemned|condemns|condemning|denounced|denounces|deplored|deplores|decried|decries|denied|denies"
    r"|rejected|rejects|dismissed|dismisses|refuted|refutes|called|calls|urged|urges|demanded|demands"
    r"|holds|held|hold|claimed|claims|wrote|writes|tweeted|expressed|expresses|welcomed|welcomes)"
)
_VERB_FORM = r"(?:is|are|was|were|has|have|had|will|would|can|could|may|does|did|do|[a-z]+ed|[a-z]+s|[a-z]+ly) "
_WORD = r"[^\s,;:.!?()\"\u201c\u201d]+"
#: Speech verbs that are no nouns (``on charges``, ``calls for``) nor participles (``condemning``).
_SAID = r"(?:said|says|stated|announced|added|told|reported|confirmed|warned|insisted|claimed|wrote|tweeted|stressed)"
#: A subject relative clause right after a name, then a speech verb (``, which launched an air war
#: against IS in Syria last September, said``): its first word a verb form, not a name (``which Russia
#: said``: Russia speaks); 2 to 16 words, no clause mark but its closing comma.
_RELATIVE_THEN_SPEECH = re.compile(
    rf",? (?:which|who) (?={_VERB_FORM})(?P<clause>{_WORD}(?: {_WORD}){{1,15}}?),?"
    rf"(?: (?:also|again|later|earlier|has|have|had))? (?={_SAID}\b)")
#: The end of a clause without its closing comma that may hold the speech verb's own subject
#: (``which controls the city the Syrian state broadcaster reported``: a determiner after a
#: word that is no preposition), or a passive (``which killed 20 was reported``): no clause end.
_PREPOSITIONS = (r"(?:against|in|on|at|near|over|from|with|by|of|to|for|into|across|around|through|under|within"
                 r"|throughout)")
_NEW_SUBJECT_END = re.compile(rf"(?:\b(?!{_PREPOSITIONS}\b)[a-z]+ (?:the|a|an|its|their)(?: \S+){{1,3}}"
                              r"|\b(?:is|are|was|were|be|been|being))$")
#: ``said (on Sunday) (that) it (had)``: the speaker's own report, up to the word after its pronoun.
_SELF_REPORT = re.compile(r"(?:'s?|\u2019s?)?(?: (?:has|had|also))? (?:said|says|announced|confirmed|admitted|stated"
                          r"|acknowledged)(?: on \w+| late \w+| \w+day)?,?(?: that)? (?:it|they)"
                          r"(?: (?:has|have|had|was|were|would|also|again|then|had been|\w+ly))* ")
_OWN_VERB = re.compile(r"[a-z]+ed\b")  # "said it targeted": the act's verb itself
#: A light verb then fillers before the act noun (``carried out "significant" air strikes``,
#: ``conducted 20 raids``); quotes around a word are no clause mark.
_LIGHT_GAP = re.compile(
    r"(?:carried out|conducted|launched|waged|committed|perpetrated|used|dropped|fired|unleashed|intensified"
    r"|stepped up|resumed|escalated|" + PROGRESSIVE + r")(?: \"?(?:" + FILLERS +
    r"|significant|major|massive|large-scale|intense|intensive|precision|targeted|\d+)\"?)* ")
#: A preposition before a name inside a relative clause: its object is no referent of ``it``.
_PREPOSITION_END = re.compile(rf"\b{_PREPOSITIONS} (?:the )?$")


def relative_clause(low: str, e: int) -> tuple[int, int] | None:
    """The span of a subject relative clause that follows a name ending at ``e``
    and precedes a speech verb: from its first word to where the speech verb
    phrase begins; or ``None``."""
    if "wh" not in low[e:e + 8]:
        return None
    m = _RELATIVE_THEN_SPEECH.match(low, e, e + 200)
    if m is None or not low.startswith(",", m.end("clause")) and _NEW_SUBJECT_END.search(m.group("clause")):
        return None
    return m.start("clause"), m.end() - 1


def relative_speakers(low: str, mentions: Sequence[tuple[str, int, int]], roles: list[str | None]) -> None:
    """``X, which ... Y, said``: X (no role yet) speaks, not the names of its relative clause."""
    for i, (_, _s, e) in enumerate(mentions):
        span = relative_clause(low, e)
        if span is None or any(s2 == span[0] for _, s2, _ in mentions):
            continue  # "which Russia said": the clause's subject speaks
        if roles[i] is None:
            roles[i] = "speaker"
        for j, (_, s2, _) in enumerate(mentions):
            if span[0] <= s2 < span[1] and roles[j] == "speaker":
                roles[j] = None  # "which fights IS said": IS is the clause's object


def own_act(low: str, mentions: Sequence[tuple[str, int, int]], e: int,
            acts: Sequence[tuple[str, int, int]]) -> bool:
    """Whether the speaker ending at ``e`` reports its own act: ``X said it
    targeted``, ``X said it had carried out air strikes`` (a trigger right after)."""
    span = relative_clause(low, e)
    end = None if span is None else span[1]
    if end is not None and any(e < s2 < end and not _PREPOSITION_END.search(low, max(0, s2 - 12), s2)
                               for _, s2, _ in mentions):
        return False  # "the coalition which fights IS said it": it may be IS
    said = _SELF_REPORT.match(low, e if end is None else end)
    if not said:
        return False
    at = said.end()
    starts = [ts for _, ts, _ in acts if 0 <= ts - at <= 60]
    return at in starts and _OWN_VERB.match(low, at) is not None \
        or any(_LIGHT_GAP.fullmatch(low, at, ts) for ts in starts if ts > at)
