"""The words the role patterns of ``indexer.extraction.roles`` allow between an
agent and its act: regular-expression alternations, kept apart so the
patterns' module stays readable (and within its size); and the strikes and arms
whose agent a country or actor before them is (:data:`ARMED_ACTS`,
:func:`strikes_agent`: the matcher's guards and the lost-apostrophe rule use them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from indexer.extraction.words import Words

__all__ = ["ACT_ADJECTIVES", "AGENT_NOUNS", "FILLERS", "PROGRESSIVE", "strikes_agent"]

#: Nouns of the agents and the arms of an act (``Russian jets``, ``regime forces``,
#: ``air strikes``): between an agent and its act, they keep the agent.
AGENT_NOUNS = (
    r"forces|troops|army|jets|warplanes|war planes|planes|aircraft|air force|helicopters|gunships|drones"
    r"|artillery|tanks|navy|warships|militias?|militants|fighters|soldiers|police|gunmen|units?|soldiers"
    r"|security forces|military|government|regime|authorities|loyalists|rebels|insurgents"
    r"|group|jihadists|terrorists|extremists|bombers?|suicide bombers?|suicide attackers|attackers|snipers"
    r"|car bombs?|truck bombs?|air strikes?|airstrikes?|strikes?|raids?|shells|rockets|missiles"
)
#: Auxiliaries, adverbs, articles and light verbs that may stand between an agent
#: and its act (``has repeatedly carried out``).
FILLERS = (
    r"has|have|had|reportedly|allegedly|also|again|repeatedly|deliberately|indiscriminately|systematically"
    r"|started|starts|start|begins|kept|keeps|keep|number of|acts of|[a-z]+ed and|continued to|continue to|continues to|began|begun|launched|conducted|carried out|carry out|carries out"
    r"|committed|commit|commits|perpetrated|waged|wages|used|uses|use|dropped|fired|unleashed|intensified"
    r"|stepped up|resumed|escalated|its|their|an|a|the|new|latest|recent|overnight|more|heavy|fresh|renewed|indiscriminate|deadly"
    r"|brutal|daily|nightly|further|several|multiple|series of|wave of|reportedly|then|later|recently|just"
    r"|allegedly|in turn|themselves|itself|and|aerial|air|ground|rocket|missile|mortar|suicide|[a-z]+ly"
    r"|soon|still|already|often|once|now|hold|holds|holding|keeps? holding"
)
#: Between an agent and its act only (not in a relative clause: ``X, who was killed``):
#: a progressive of ``use`` (``is using``, ``has been using``, ``is back to using``,
#: ``continues using``; never a bare ``was``: ``X was imprisoned`` is no act of X's) or of
#: a light verb of :data:`FILLERS` (``has been conducting airstrikes``, ``is carrying out
#: raids``, ``was launching strikes``) and ``continued`` (``have continued bombardment``).
PROGRESSIVE = (r"(?:(?:is|are|was|were|been) (?:back to )?|(?:continues|continued|keeps|kept) )?"
               r"(?:using|conducting|carrying out|launching|waging|committing|perpetrating|dropping|firing"
               r"|unleashing|intensifying|stepping up|resuming|escalating)"
               r"|continues|continued")

#: Strikes and arms after a country written possessively or abbreviated (one adjective
#: of time or force between): the country is their agent, even after "in" (``killed in
#: Russia's raids``, ``in U.S. air strikes``, ``in the US latest airstrike``); a full name
#: is no adjective (``killed in Syria raid``: a raid in Syria).
ARMED_ACTS = frozenset(
    "airstrike airstrikes strike strikes raid raids bombardment bombardments bombing bombings shelling "
    "jets warplanes aircraft planes helicopters drones forces troops".split())
#: One adjective of time or force between a name and the act noun it modifies (``the US latest airstrike``).
ACT_ADJECTIVES = frozenset("latest recent new fresh renewed heavy deadly overnight".split())


def strikes_agent(words: Words, first: int, last: int) -> bool:
    """Whether the country of words ``first..last`` is the agent of the strikes
    or arms named right after it (see :data:`ARMED_ACTS`)."""
    keys, gaps, at = words.key, words.gap, last + 1
    if at >= len(keys):
        return False
    owner = gaps[at] in ("'s ", "\u2019s ", "' ", "\u2019 ")
    letters = words.surface[first:last + 1]
    dotted = gaps[at] == ". " and all(len(w) == 1 for w in letters)  # "U.S. air strikes"
    if not owner and (gaps[at] != " " and not dotted or not all(w.isupper() for w in letters)):
        return False
    if keys[at] in ACT_ADJECTIVES and at + 1 < len(keys) and gaps[at + 1] == " ":
        at += 1
    if keys[at] in ("air", "drone", "missile") and at + 1 < len(keys) and gaps[at + 1] == " ":
        at += 1
    return keys[at] in ARMED_ACTS
