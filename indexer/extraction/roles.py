"""Claim roles: which of a claim sentence's actors and places plays which part.

Extraction already finds the actors and places of a claim sentence
(``indexer.extraction.extract``) and where its claim triggers are (``indexer.extraction.claims``);
this module decides, from their positions relative to the triggers and from
cue words, who the act is attributed to (``by``), who it targets
(``against``), where it happened (``in``) and who says so (``speaker``: the
quoted actor of ``X said``, ``according to X``, the accuser of ``X accused Y
of``; the publisher is metadata, not a speaker). Precision first: a name
matched by no rule gets no role (it stays among the claim's actors).

Rules (``indexer/data/CLAIMS.md`` lists them with examples; keep in step):

- speaker: ``X said``/``X's spokesman said``, ``said X`` (no verb after X), ``according to X``,
  ``X accused/blamed/holds/condemned/denied ...`` (the mention before a
  speech or attribution verb), not in a relative clause after every act
  (``..., which rebels denied``); across a subject relative clause (``X, which launched ..., said``:
  :mod:`indexer.extraction.self_reports`).
- by: ``by X`` shortly after a trigger (``killed by X``, ``shelling of Aleppo
  by X``, ``perpetrated by X``, ``at the hands of X``); ``X's <trigger>``;
  ``X-led <trigger>``; ``X <trigger>`` with only agent nouns, auxiliaries,
  adverbs and light verbs between (``Russian jets have repeatedly bombed``,
  ``X carried out air strikes``), not in the passive; ``accused X of``,
  ``holds X responsible``, ``blamed X for``, ``X is responsible for``,
  ``X claimed responsibility``, ``X claimed the attack``, ``X was behind the
  attack``, a headline's ``X accused of`` (not after ``which``/``who``),
  ``the war crimes X is committing``, ``accusations against X``. A state's adjective before a strike word names
  the state (``a Russian air strike``: ``gazetteer.DEMONYM_ACTOR_NOUNS``). ``the attacks by X killed``,
  ``killed in a Daesh attack``, ``X jihadists attacked a town, killing``, ``X suicide bombers ... killed``,
  ``warplanes from X attacked``, ``blamed on X``, ``an attack (was) claimed by X``, ``by X, which killed``,
  ``held by X`` (a detention), ``the shelling of Syrian tanks`` (an instrument), a self-report (``X said it
  executed``, ``X said it had carried out air strikes``: speaker and by).
- against: ``<trigger> against X``, ``<bombardment> on/targeting X``, the
  object of a verb trigger (``besieged the Kurds``), the subject of a passive
  (``X were killed``). Kinds (journalists, hospitals) are ``against`` only: ``targets``.
- in: a place after a locative cue (``in``, ``at``, ``near``, ``on``, ``across``, ``targeting``... with ``the city
  of``-like words, a place's possessive or ``-held`` words between) in a clause holding a trigger (or in a locative
  clause right after one), the object of a verb trigger (``shelled Homs``), ``<trigger> of (rebel-held parts of) X``,
  ``<trigger> against X`` (a town, not a modifier: ``against Syria Kurds``), a place just before a trigger
  (``the Aleppo siege``; not a state's possessive, its agent: ``Israel's massacres``),
  the subject of a passive; places joined to a scene (``in Mariupol, Bucha and Irpin``).
- Names joined by ``and`` or commas share the role of the last one (``Russia and the regime bombed``).
- A speaker is no ``by``, unless it reports its own act or denies the act the sentence attributes to it
  (``Russian strikes killed 23, but Russia denied it``: by and speaker).
- negated: every trigger of the sentence stands after a denial (``rejected
  accusations that``); denied acts themselves give no claim type
  (``indexer.extraction.claims._hedged``), so no claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from indexer.extraction.lazy_regex import LazyPattern, LiteralHint
from indexer.extraction.role_words import ACT_ADJECTIVES, AGENT_NOUNS as _AGENT_NOUNS, FILLERS as _FILLERS, PROGRESSIVE
from indexer.extraction.self_reports import SPEECH_VERBS as _SPEECH_VERBS, own_act, relative_speakers
from indexer.model import ROLE_NAMES

__all__ = ["ROLE_NAMES", "Mention", "claim_roles"]

#: ``(canonical name, start, end)`` of a name in the field (the sentence's text).
Mention = tuple[str, int, int]
#: ``(role, canonical name, start, end)``.
RoleItem = tuple[str, str, int, int]

#: Types that are speech acts: they take a speaker, never an agent of their own.
_SPEECH_TYPES = frozenset({"condemnation", "call_to_action"})
_ATTRIBUTION = "responsibility_attribution"

#: After a speaker: ``'s spokesman``, an adverb, an auxiliary, then a speech verb.
_SPEAKER_AFTER = re.compile(
    r"(?:(?:'s?|\u2019s?) (?:[\w-]+ ){0,3}?)?(?: ?\(\w+\))?,?(?: (?:also|again|strongly|firmly|repeatedly"
    r"|categorically|previously|earlier|later|on \w+day))?(?: (?:has|have|had|did|does|was|were))?"
    r"(?: (?:also|again|strongly|firmly|repeatedly|categorically))? " + _SPEECH_VERBS + r"\b"
)
#: After a name that follows ``said``: a verb of its own makes it the subject
#: of the reported clause (``said regime planes were flying``), not the speaker.
_CLAUSE_VERB_AFTER = re.compile(r"(?: \w+ly)? (?:was|were|is|are|had|has|have|will|would|could|did|does|do"
                                r"|(?!(?:based|backed|led|linked|affiliated|allied|aligned|funded)\b)[a-z]+ed)\b")
_SPEAKER_BEFORE = re.compile(
    r"(?:\b(?:said|says|told|stated|added|according to|reported by|quoted by|cited by)"
    r"|\bin a statement by) (?:the |a |an )?$"
)

#: Between an agent and its trigger: agent nouns, auxiliaries, adverbs, light
#: verbs, and an abbreviation in brackets (``Islamic State (IS) car bomb killed``).
_AGENT_GAP = re.compile(rf"(?:'s?|\u2019s?)?(?: \([a-z]{{2,6}}\))?(?: (?:{_AGENT_NOUNS}|{_FILLERS}|{PROGRESSIVE}))* $")
_BEING_GAP = re.compile(rf"(?: (?:{_AGENT_NOUNS}|{_FILLERS}))* (?:is|are|was|were|been)(?: (?:{_FILLERS}))* $")  # was shelling
_BE = r"(?:was|were|is|are|been|being|be|got|get|gets)"
#: Between a patient and its trigger: a passive (``were reportedly killed``).
_PASSIVE_GAP = re.compile(
    rf"(?: (?:[\w-]+))?(?: (?:has|have|had|will|would))?(?: (?:reportedly|allegedly|also|again|been))* {_BE}"
    r"(?: (?:reportedly|allegedly|also|again|repeatedly|deliberately|being))* $"
)
#: A name that is itself an act (``an Israeli attack on the camp killed three``,
#: ``Gazetteer.DEMONYM_ACTOR_NOUNS``): its state did the act of the clause.
_NAMES_AN_ACT = re.compile(r" (?:air ?strikes?|strikes?|raids?|attacks?|bombings?|bombardments?|shelling)$")
_POSSESSIVE_GAP = re.compile(r"(?:'s?|\u2019s?)(?: [\w-]+){0,3}? $")
_LED_GAP = re.compile(r"-led(?: [\w-]+){0,3}? $")
#: Between a trigger and ``by X``: at most six words (ten before ``carried out by``), no clause mark.
_BY_AFTER_TRIGGER = re.compile(r"^(?:(?: [\w'\u2019-]+){0,6}?|(?: [\w'\u2019-]+){0,10}? (?:carried out|committed|perpetrated)) (?:by|at the hands of) (?:the |a |an )?(?:[\w-]+ ){0,2}$")
_BY_DIRECT = re.compile(r"^ ?(?:the |a |an )?(?:[\w-]+ )?$")
_NOT_AGENT_BY = LazyPattern(
    r"\b(?:backed|supported|brokered|sponsored|mediated|hosted|organi[sz]ed|issued|signed|condemned|escorted"
    r"|delivered|sent|provided|operated|managed|monitored|recorded|investigated|observed|seen|filmed|photographed"
    r"|denounced|documented|reported|verified|confirmed|cited|quoted|published|released|announced|owned"
    r"|controlled|held|run|funded|armed|trained|ordered|approved|adopted|drafted|followed|accompanied"
    r"|surrounded|encircled|besieged|blockaded|protected|guarded|rejected|denied|criticised|criticized) by\b"
)
#: Between an agent and the act of its relative clause: ``Hamas, which killed``.
_RELATIVE_AGENT_GAP = re.compile(rf",? (?:which|who|that)(?: (?:{_FILLERS}))* ")
#: A trigger used as a verb with its object (``killing 22 volunteers``): no act noun a name modifies.
_PARTICIPLE_OBJECT = re.compile(r"[a-z]+ing (?:at least |more than |some |about |nearly |dozens |hundreds |scores "
                                r"|the |a |an |\d)")
_ACT_ADJECTIVE_GAP = re.compile(r" (?:" + "|".join(sorted(ACT_ADJECTIVES)) + ") ")  # "the US latest airstrike"
_BY_BEFORE = re.compile(r"\bby (?:the |a |an )?(?:[\w-]+ ){0,2}$")
#: Before an agent named after its act noun, the act's verb following: ``the attacks by Russia killed``.
_ACT_BY_BEFORE = re.compile(r"\b(?:attacks?|assaults?|offensives?|strikes?|raids?|airstrikes?|air strikes?"
                            r"|shelling|bombings?|bombardments?|operations?) by (?:the |a |an )?$")


def _not_agent_by(before: str, kind: str) -> bool:
    """Whether ``before`` ends with a ``by`` that does not name the act's agent
    (``backed by``, ``escorted by``); ``held by`` names a detention's captor."""
    m = _NOT_AGENT_BY.search(before)
    return m is not None and not (kind == "detention" and m.group().startswith("held"))


#: A name ending in an instrument of attack (``Russian tanks``): after ``<act> of``, the act's agent
#: (``the bombing of Kurdish forces`` names a target: forces are no instrument).
_INSTRUMENT_END = re.compile(r" (?:warplanes|war planes|jets|planes|aircraft|helicopters|gunships|tanks|artillery"
                             r"|rockets|missiles|drones|bombers|shells)$")
#: Before the agent of ``a car bombing blamed on X``.
_BLAMED_ON_BEFORE = re.compile(r"\b(?:blamed|pinned) on (?:the )?(?:[\w-]+ )?$")
#: After a name that modifies an act noun (``a Daesh suicide attack``): its agent.
_NAMES_ACT_AFTER = re.compile(r"^(?: (?:group|militants'?|fighters'?|forces'?|suicide|car|truck|bomb|terror|terrorist"
                              r"|deadly|twin|double|triple|coordinated|surprise|rocket|mortar|drone))*"
                              r" (?:attacks?|assaults?|offensives?|bombings?|car bombs?|blasts?|ambush(?:es)?"
                              r"|massacres?|onslaught)\b")
#: After a name whose bombers did the act after them (``IS suicide bombers ... killed``; not passive: _PASSIVE_WORD).
_BOMBERS_AFTER = re.compile(r"^(?: (?:group|militants'?|fighters'?))? (?:suicide|car|truck|motorbike|motorcycle) bombers?\b")
_PASSIVE_WORD = re.compile(r"\b(?:was|were|is|are|been|being|got)\b")
#: Cheap tests before :data:`_NAMES_ACT_AFTER` and :data:`_ATTACKED_AFTER` (their alternations are slow).
_ACT_NOUN_HINT = LiteralHint(re.compile(r"attack|assault|offensive|bomb|blast|ambush|massacre|onslaught"))
_ATTACK_VERB_HINT = LiteralHint(re.compile(r"attacked|stormed|struck|hit|targeted|raided|ambushed|blew up|detonated|overran"))
#: Before a name whose arms or men act, no object of the preposition (``warplanes from the coalition attacked``).
_ARMS_OF_BEFORE = re.compile(r"\b(?:(?:war|fighter |jet )?planes|jets|jet fighters|fighter jets|aircraft|helicopters|gunships"
                             r"|drones|artillery|tanks|warships|forces|troops|army|soldiers) (?:from|of|belonging to) (?:the )?$")
#: After the subject of an attack verb that is no trigger of its own (``IS group jihadists attacked a town``).
_ATTACKED_AFTER = re.compile(rf"^(?:'s?|\u2019s?)?(?: (?:{_AGENT_NOUNS}|{_FILLERS}))*"
                             r" (?:attacked|stormed|struck|hit|targeted|raided|ambushed|blew up|detonated|overran)\b")


#: Attribution cues: a mention right after is the one held responsible.
_ACCUSED_BEFORE = re.compile(
    r"\b(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|h[oe]ld(?:s|ing)?|accusations? against"
    r"|responsibility (?:lies|rests|falls) (?:with|on)|implicat(?:e|es|ed|ing))"
    r" (?:both |the |a |an )?(?:[\w-]+ )?$"
)
_ACCUSED_AFTER = re.compile(
    r"^(?:'s?|\u2019s?)?(?: [\w-]+){0,2}?(?:,)? (?:of|for|responsible|accountable|as responsible|fully responsible"
    r"|directly responsible)\b"
)
#: Between an act and the name of a relative clause that commits it (``the genocide Israel has committed``).
_RELATIVE_GAP = re.compile(r" (?:(?:that|which) )?(?:the )?")
_COMMITTED_AFTER = re.compile(
    r"^(?:'s?|\u2019s?)?(?: [\w-]+)?? (?:(?:has|have|had|is|are|was|were|continues? to|continued to) )?(?:been )?"
    r"(?:committ(?:ed|ing)|commits?|perpetrat(?:ed|es|ing)|carr(?:ied|ying|ies) out|wag(?:ed|es|ing)|inflict(?:ed|s|ing))\b")
#: A headline's passive right after the name: ``Syrian regime accused of bombing``.
_ACCUSED_PASSIVE_AFTER = re.compile(r"^(?:'s?|\u2019s?)? (?:(?:is|are|was|were|being) )?(?:[a-z]+ly )?(?:accused of|blamed for)\b")
#: Before a name that is the accuser, not the accused (``Ukraine, which Russia accused of``).
_RELATIVE_BEFORE = re.compile(r"\b(?:which|whom|who|that)(?: the)? $")
#: A match of ``_RELATIVE_BEFORE`` (and of ``_SPEAKER_BEFORE``) ends the window
#: (``$``: at its end or before a final line break) and is at most this long:
#: searched from there, not from each of the window's 60 characters.
_RELATIVE_LONGEST, _SPEAKER_LONGEST = len("which the "), len("in a statement by the ")


def _ending(pattern: re.Pattern[str], window: str, longest: int) -> re.Match[str] | None:
    """``pattern.search(window)`` for a pattern whose matches end at ``$`` and are at
    most ``longest`` characters long (no match starts earlier)."""
    return pattern.search(window, max(0, len(window) - longest - 1))
_RESPONSIBLE_AFTER = re.compile(
    r"^(?:'s?|\u2019s?)?(?: [\w-]+){0,2}? (?:(?:is|are|was|were|be|been) (?:\w+ )?(?:responsible|to blame)"
    r"|(?:is|are|was|were|has been|have been|had been)(?: [\w-]+){0,3}? (?:accused of|blamed for)"
    r"|(?:bears?|bore|bearing) (?:the )?(?:\w+ )?responsibility|(?:has|have|had )?(?:claimed|claims|admitted"
    r"|admits|accepted|accepts) (?:the )?responsibility"
    # "forces loyal to Assad were behind the attack"
    r"|(?:is|are|was|were|be|been) (?:\w+ )?behind (?:the|this|these|those|it|a|an)"
    # "the Islamic State group claimed the attack"
    r"|(?:has |have |had )?(?:claimed|claims|claiming) (?:the |both |a |an |last \w+'s |yesterday's )?"
    r"(?:[\w-]+ ){0,3}?(?:attacks?|bombings?|blasts?|assassinations?|killings?|ambush|explosions?|massacre))\b"
)
_AGAINST_AFTER_TRIGGER = re.compile(r"^(?: [\w-]+){0,4}? (?:against|targeting|on) (?:the |a |an )?(?:[\w-]+ )?$")
_OBJECT_GAP = re.compile(
    r"^ (?:the |a |an |at least |some |more than |over |nearly |about |dozens of |hundreds of |thousands of"
    r" |scores of |several |many |\d[\d,.]* )*$"
)
_VERB_TRIGGER = re.compile(r"(?:ed|ered|ged)$")
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|on|across|throughout|around|outside|inside|into|targeting|within|over|toward|towards"
    r"|of the (?:city|town|village|province|governorate|district|region|area|camp) of)"
    r"(?: (?:the|a|an|besieged|rebel-held|opposition-held|regime-held|government-held|city|town|village|province"
    r"|governorate|district|region|area|countryside|suburbs?|neighbou?rhoods?|camp|outskirts|vicinity|northern"
    r"|southern|eastern|western|north|south|east|west|central|rural|northwestern|northeastern|southwestern"
    r"|southeastern|north-western|north-eastern|south-western|south-eastern|of|and|parts|areas|several"
    r"|cities|towns|villages|provinces))* $"
)
#: Before an object of a preposition, which is no subject (``near Kobani Syria reportedly killed``).
_OBJECT_OF_PREPOSITION = re.compile(r"\b(?:in|at|near|on|of|from|to|into|across|over|with|against|for|around"
                                    r"|outside|inside|by)(?: the)?(?: [\w-]+)? $")
_LOCATIVE_WORDS = frozenset("in at near on across throughout around outside inside into targeting within over"
                            " toward towards".split())
_PLACE_MODIFIERS = frozenset(
    "the a an besieged rebel-held opposition-held regime-held government-held city town village province"
    " governorate district region area countryside suburb suburbs neighbourhood neighborhood neighbourhoods"
    " neighborhoods camp outskirts vicinity northern southern eastern western north south east west central rural"
    " northwestern northeastern southwestern southeastern north-western north-eastern south-western south-eastern"
    " of and parts areas several cities towns villages provinces".split())


def _after_locative(before: str) -> bool:
    """Whether ``before`` ends with a locative cue (``in``, ``near the town of``):
    :data:`_LOCATIVE` read word by word from the end (a regex search tried
    every position of the window)."""
    if not before.endswith(" "):
        return False
    for word in reversed(before[-60:].split()[-7:]):
        if word in _LOCATIVE_WORDS:
            return True
        # "in Syria's northern province of Idlib", "in Kurdish-held Kobani": still the scene
        # ("Syria' northern": a possessive that lost its apostrophe, restored by lost_apostrophes)
        if word not in _PLACE_MODIFIERS and not word.endswith(("'s", "\u2019s", "'", "-held", "-controlled")):
            return False
    return False


#: Between an act noun and its place: ``of the``, ``of rebel-held parts of``.
#: After a place that is no modifier of a noun: a clause's end, a preposition, a conjunction, a verb, a day.
_PLACE_ENDS = re.compile(r"$|[,.;:!?)\"']| (?:in|on|at|near|and|or|since|after|before|during|from|for|with"
                         r"|overnight|as|when|where|which|that|killing|leaving|this|last|earlier|today|yesterday"
                         r"|[a-z]+ed|[a-z]+day)\b")
_OF_PLACE_GAP = re.compile(r"^ of(?: (?:the|[a-z]+-held|parts?|areas?|of|besieged|eastern|western|northern|southern"
                           r"|rural|central|city|town|village|province|district|neighbou?rhood"
                           r"|[\w-]+(?:'s|\u2019s|')))* $")
_NOT_SCENE = re.compile(r"(?:call(?:s|ed|ing)? (?:up)?on|urg(?:e|es|ed|ing)"
                        r"|(?:met|meet|meets|meeting|gathered|convened|spoke|speaking|arrived|held talks"
                        r"|news conference|press conference|a statement|signed|agreed) (?:\w+ )?(?:in|at)|based in|headquartered in|-based|embassy in|envoy in|office in|meeting in"
                        r"|talks in|conference in|summit in|session in|visit to|visited) (?:the )?$")
_JOIN = re.compile(r"^(?:,| and|, and|,and| as well as| or)(?: the| its| their)? $")
#: A name's abbreviation in brackets right after it (``Islamic State (IS)``): no clause mark.
_BRACKETED = re.compile(r"^ \([a-z]{2,6}\)")
_CLAUSE_MARKS = re.compile(r"[;:()\u2014]| - |, (?!(?:in|near|at|on|across|and|or|including) )")
_LOCATIVE_CLAUSE_START = re.compile(r"^, (?:in|near|at|on|across)\b")
_ONE_WORD = re.compile(r" [\w-]+ ")
_ROLE_ORDER = {name: i for i, name in enumerate(ROLE_NAMES)}
_DENIAL_HINTS = ("den", "refut", "reject", "dismiss")
#: Words one of which stands before an accused or a speaker named after its cue.
_ACCUSED_HINTS = ("accus", "blam", "hold", "held", "responsib", "implicat")
_SPEAKER_HINTS = ("said", "says", "told", "stated", "added", "according", " by", "statement")
#: Any of the hints above in a text, in one search.
_DENIAL_HINT, _ACCUSED_HINT, _SPEAKER_HINT = (
    LiteralHint(re.compile("|".join(map(re.escape, hints)))) for hints in (_DENIAL_HINTS, _ACCUSED_HINTS, _SPEAKER_HINTS))
_DENIES_AFTER = re.compile(r"(?: \w+ly)? (?:denied|denies|rejected|rejects|refuted|refutes|dismissed|dismisses)\b")
_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|refut\w*|(?:reject|dismiss)\w* (?:the |all |any )?"
                     r"(?:claims?|allegations?|accusations?|reports?))\b")


def claim_roles(text: str, start: int, end: int, triggers: Sequence[tuple[str, int, int]],
                actors: Sequence[Mention], places: Sequence[Mention]) -> tuple[tuple[RoleItem, ...], bool]:
    """The roles of the claim sentence ``text[start:end]``, and whether it is denied.

    :param triggers: ``(type, start, end)`` of the sentence's triggers in ``text``
        (``indexer.extraction.claims.claim_types_and_triggers_of``).
    :param actors: ``(name, start, end)`` of the actor mentions in the sentence.
    :param places: the same for places.
    :returns: ``((role, name, start, end), ...)`` in :data:`ROLE_NAMES` order then
        text order, each (role, name) once; and ``negated``.

    >>> s = "Russian jets bombed a hospital in Idlib, the Observatory said."
    >>> claim_roles(s, 0, len(s), [("bombardment", 13, 19)], [("Russia", 0, 7)], [("Idlib", 34, 39)])
    ((('by', 'Russia', 0, 7), ('in', 'Idlib', 34, 39)), False)
    """
    sentence = text[start:end]
    low = sentence.lower()
    if len(low) != len(sentence) or not triggers:
        return (), False  # lower-casing moved offsets: leave the roles empty
    trig = [(kind, s - start, e - start) for kind, s, e in triggers]
    # Most claim sentences hold no denial: a substring test spares the regex.
    negated = _DENIAL_HINT.found(low) and all(_denied(low, s) for _, s, _ in trig)
    if not actors and not places:
        return (), negated
    acts = [t for t in trig if t[0] not in _SPEECH_TYPES]
    found: dict[tuple[str, str], RoleItem] = {}
    rel_actors = [(name, s - start, e - start) for name, s, e in actors]
    if actors:
        actor_roles: list[str | None] = []
        for name, s, e in rel_actors:
            actor_roles.append(_actor_role(low, s, e, trig, acts))
        relative_speakers(low, rel_actors, actor_roles)  # "X, which ... Y, said": X speaks, not Y
        if len(rel_actors) > 1:
            _share_joined(low, rel_actors, actor_roles)
        for (name, s, e), role in zip(rel_actors, actor_roles):
            if role is not None:
                found.setdefault((role, name), (role, name, s + start, e + start))
    scene: list[tuple[int, int]] | None = None
    # A state's possessive before an act names its agent, not the scene ("Israel's massacres").
    agents = {(s - start, e - start) for _, s, e in actors}
    previous: tuple[int, bool] | None = None  # (end, whether `in`) of the place before
    for name, s, e in places:
        s, e = s - start, e - start
        if ("by", name) in found and found[("by", name)][2] == s + start:
            continue  # the same words name the agent ("turkey started shelling"): no scene
        verdict = _is_scene(low, s, e, trig, (s, e) in agents)
        if verdict is None:  # a locative cue: is it in a clause of the act?
            if scene is None:
                scene = _scene_clauses(low, trig)
            verdict = any(a <= s < b for a, b in scene)
        if not verdict and previous is not None and previous[1] and _JOIN.match(low[previous[0]:s]):
            verdict = True  # "in Mariupol, Bucha and Irpin": a place joined to a scene is one too
        previous = (e, bool(verdict))
        if verdict:
            found.setdefault(("in", name), ("in", name, s + start, e + start))
    if not found:
        return (), negated
    speakers = {name for role, name in found if role == "speaker"}
    # "the Israeli army said it targeted positions": a self-report, its speaker is the agent too.
    for role, name, s, e in list(found.values()):
        if role == "speaker" and acts and own_act(low, rel_actors, e - start, acts):  # not "it documented"
            found.setdefault(("by", name), ("by", name, s, e))
            speakers.discard(name)
        elif role == "speaker" and _DENIES_AFTER.match(low, e - start):
            speakers.discard(name)  # "Russian strikes killed 23, but Russia denied it": the accused denies
    items = sorted((item for item in found.values() if item[0] == "speaker" or item[1] not in speakers),
                   key=lambda item: (_ROLE_ORDER[item[0]], item[2]))
    return tuple(items), negated


def _actor_role(low: str, s: int, e: int, triggers: list[tuple[str, int, int]],
                acts: list[tuple[str, int, int]]) -> str | None:
    """The role of one actor mention (sentence offsets), or ``None``."""
    before, after = low[max(0, s - 60):s], low[e:e + 80]
    attributes = _ACCUSED_HINT.found(before)
    if attributes and any(ts < e and s < te and kind == _ATTRIBUTION and _ACCUSED_BEFORE.search(low[ts:s])
                          for kind, ts, te in triggers):
        return "by"  # inside "accused X of", "holds X responsible"
    if attributes and _ACCUSED_BEFORE.search(before) and _ACCUSED_AFTER.match(after):
        return "by"
    if ("blamed on" in before or "pinned on" in before) and _BLAMED_ON_BEFORE.search(before):
        return "by"  # "a car bombing blamed on Daesh"
    if acts and (_ACT_NOUN_HINT.found(after, 0, 60) and _NAMES_ACT_AFTER.match(after)
                 or _NAMES_AN_ACT.search(low, s, e)
                 or _ATTACK_VERB_HINT.found(after) and _ATTACKED_AFTER.match(after)
                 and not _object_of_preposition(before)) \
            and any(not _CLAUSE_MARKS.search(low, min(e, ts), max(s, ts)) for _, ts, _ in acts):
        return "by"  # "killed in a Daesh attack", "IS group jihadists attacked a town, killing 18"
    if acts and "bomber" in after and _BOMBERS_AFTER.match(after) and any(  # the act after them, not done to them
            0 <= ts - e <= 80 and not _CLAUSE_MARKS.search(low, e, ts) and not _PASSIVE_WORD.search(low, e, ts) for _, ts, _ in acts):
        return "by"  # "two IS suicide bombers driving trucks killed 30"
    if ("respons" in after or "behind" in after or "claim" in after) and _RESPONSIBLE_AFTER.match(after):
        return "by"
    if ("accused" in after or "blame" in after) and (_RESPONSIBLE_AFTER.match(after) or (
            _ACCUSED_PASSIVE_AFTER.match(after) and not _ending(_RELATIVE_BEFORE, before, _RELATIVE_LONGEST))):
        return "by"
    # "..., which rebels have denied": a relative clause after every act comments on
    # the claim, its speaker does not make it ("Ukraine, which Russia accused of" does).
    comment = _ending(_RELATIVE_BEFORE, before, _RELATIVE_LONGEST) is not None and all(ts < s for _, ts, _ in triggers)
    if _SPEAKER_AFTER.match(after) and not comment or (_SPEAKER_HINT.found(before)
                                                       and _ending(_SPEAKER_BEFORE, before, _SPEAKER_LONGEST)
                                                       and not _CLAUSE_VERB_AFTER.match(after)):
        return "speaker"
    for kind, ts, te in acts:
        if te <= s:  # the trigger comes first
            if s - te > 80:
                continue
            gap = low[te:s]
            if kind != _ATTRIBUTION and _RELATIVE_GAP.fullmatch(gap) and _COMMITTED_AFTER.match(after):
                return "by"  # "the war crimes the Iranian militias are committing"
            if ((" by " in gap or "hands of" in gap) and _BY_AFTER_TRIGGER.match(gap)
                    or (kind == _ATTRIBUTION and _BY_DIRECT.match(gap) and low[ts:te].endswith(("by", "hands of")))) \
                    and not _CLAUSE_MARKS.search(gap) and not _not_agent_by(low[max(0, s - 40):s], kind):
                return "by"
            if gap in (" of ", " of the ") and _INSTRUMENT_END.search(low, s, e) and kind != _ATTRIBUTION:
                return "by"  # "the strikes of Russian tanks": an instrument's owner did the act
            if kind != _ATTRIBUTION and (" against " in gap or " targeting " in gap or " on " in gap) \
                    and _AGAINST_AFTER_TRIGGER.match(gap) and not _CLAUSE_MARKS.search(gap):
                return "against"
            if te == ts or not _OBJECT_GAP.match(gap) or kind == _ATTRIBUTION:
                continue
            if _VERB_TRIGGER.search(low[ts:te]) and not low[ts:te].endswith(" by"):
                return "against"  # the object of a verb trigger: "besieged the Kurds"
        elif ts >= e:  # the mention comes first
            if ts - e > 80:
                continue
            gap = low[e:ts].replace("**", "")  # markdown bold: "the **RSF militia** has committed"
            if kind != _ATTRIBUTION and ("which" in gap or "who" in gap or "that" in gap) \
                    and _RELATIVE_AGENT_GAP.fullmatch(gap) \
                    and (not _OBJECT_OF_PREPOSITION.search(before) or _BY_BEFORE.search(before)):
                return "by"  # "attacked by Hamas, which killed", not "attacks against Israel, which forced"
            if kind != _ATTRIBUTION and before.endswith(("by ", "by the ", "by a ", "by an ")) \
                    and _ACT_BY_BEFORE.search(before) and gap.count(" ") <= 6 \
                    and not _CLAUSE_MARKS.search(gap):
                return "by"  # "the attacks by Russia killed 20"
            if gap.count(" ") > 7 or _CLAUSE_MARKS.search(_BRACKETED.sub("", gap, 1)):
                continue
            if (gap[0] in "'\u2019" and _POSSESSIVE_GAP.fullmatch(gap)) or (gap[0] == "-" and _LED_GAP.fullmatch(gap)) \
                    or (kind != _ATTRIBUTION and _NAMES_AN_ACT.search(low, s, e)):
                return "by"
            if kind != _ATTRIBUTION and (_PASSIVE_GAP.fullmatch(gap)) and _VERB_TRIGGER.search(low[ts:te]):
                return "against"
            if kind != _ATTRIBUTION and (gap == " " or _AGENT_GAP.fullmatch(gap) or _BEING_GAP.fullmatch(gap)
                                         and low[ts:te].split(" ", 1)[0].endswith("ing")) and not _object_of_preposition(before):
                return "by"
            if (gap == " " or _ACT_ADJECTIVE_GAP.fullmatch(gap)) and kind != _ATTRIBUTION \
                    and not _VERB_TRIGGER.search(low[ts:te]) \
                    and not _BY_BEFORE.search(before) and not _PARTICIPLE_OBJECT.match(low, ts, ts + 40):
                return "by"  # a name modifying an act noun, after a preposition too: "of the US-led coalition strikes"
        else:  # the trigger contains the mention ("Russian jets struck", "regime strikes")
            if low[ts:s].strip() in ("", "the") and kind != _ATTRIBUTION:
                return "by"
    return None


def _object_of_preposition(before: str) -> bool:
    """Whether a name after ``before`` is a preposition's object (``near X``; not ``jets of X``: X's arms act)."""
    return _OBJECT_OF_PREPOSITION.search(before) is not None and _ARMS_OF_BEFORE.search(before) is None


def _share_joined(low: str, mentions: list[Mention], roles: list[str | None]) -> None:
    """``X and Y shelled``: a name joined to the next by ``and``/a comma takes its role."""
    for i in range(len(mentions) - 2, -1, -1):
        if roles[i] is None and roles[i + 1] is not None:
            if _JOIN.match(low[mentions[i][2]:mentions[i + 1][1]]):
                roles[i] = roles[i + 1]
    for i in range(1, len(mentions)):  # "against X and Y", "accused X and Y of"
        if roles[i] is None and roles[i - 1] in ("by", "against"):
            if _JOIN.match(low[mentions[i - 1][2]:mentions[i][1]]):
                roles[i] = roles[i - 1]


def _scene_clauses(low: str, triggers: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """The clauses a place in which is where the act happened: those holding a
    trigger (not a call to action), each extended over locative clauses after it."""
    bounds = [0] + [m.start() for m in _CLAUSE_MARKS.finditer(low)] + [len(low)]
    clauses = list(zip(bounds, bounds[1:]))
    scene: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(clauses):
        if any(a <= ts < b for kind, ts, _ in triggers if kind != "call_to_action"):
            j = i
            while j + 1 < len(clauses) and _LOCATIVE_CLAUSE_START.match(low[clauses[j + 1][0]:clauses[j + 1][1]]):
                j += 1
            scene.append((a, clauses[j][1]))
    return scene


def _is_scene(low: str, s: int, e: int, triggers: list[tuple[str, int, int]], agent: bool = False) -> bool | None:
    """Whether the place mention ``low[s:e]`` is where an act happened;
    ``None`` when that depends on its clause holding a trigger (a locative cue).
    ``agent``: the mention is also an actor's (a state's possessive is its agent)."""
    before = low[max(0, s - 60):s]
    verdict = _scene_by_position(low, s, e, triggers, agent)
    if verdict is None and not _after_locative(before):
        return False
    if _NOT_SCENE.search(before[-45:]) or _SPEAKER_AFTER.match(low, e, e + 40):
        return False
    return verdict


def _scene_by_position(low: str, s: int, e: int, triggers: list[tuple[str, int, int]],
                       agent: bool = False) -> bool | None:
    """``True`` for a place next to a trigger (``shelled Homs``), else ``None``."""
    for kind, ts, te in triggers:
        if kind in _SPEECH_TYPES or kind == _ATTRIBUTION:
            continue
        if te <= s and s - te < 40 and (_OBJECT_GAP.match(low[te:s]) or _OF_PLACE_GAP.match(low[te:s])) \
                and (low[te:s].startswith(" of") or _VERB_TRIGGER.search(low[ts:te])):
            return True  # "shelled Homs", "the siege of Madaya", "bombardment of rebel-held parts of Aleppo"
        if te <= s and s - te < 40 and not agent and low.startswith(" against ", te) \
                and _OBJECT_GAP.match(low[te + 8:s]) and _PLACE_ENDS.match(low, e):  # not "against Syria Kurds"
            return True  # "air strikes against Raqqa": the town attacked (a state there is an actor: no scene)
        if ts >= e and ts - e < 40:
            gap = low[e:ts]
            if agent and gap in ("'s ", "\u2019s "):
                continue
            if gap in (" ", "'s ", "\u2019s ") or _ONE_WORD.fullmatch(gap):
                return True  # "the Aleppo siege", "Idlib hospital bombing"
            if _PASSIVE_GAP.fullmatch(gap) and _VERB_TRIGGER.search(low[ts:te]):
                return True  # "Aleppo was bombed"
    return None


def _denied(low: str, trigger_start: int) -> bool:
    """Whether a denial begins before the trigger at ``trigger_start``
    (``rejected accusations that``: the denial overlaps the trigger)."""
    return any(m.start() < trigger_start for m in _DENIAL.finditer(low))
