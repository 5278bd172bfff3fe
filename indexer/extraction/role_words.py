"""The words the role patterns of ``indexer.extraction.roles`` allow between an
agent and its act: regular-expression alternations, kept apart so the
patterns' module stays readable (and within its size)."""

from __future__ import annotations

__all__ = ["AGENT_NOUNS", "FILLERS"]

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
    r"|stepped up|resumed|escalated|its|their|an|a|the|new|more|heavy|fresh|renewed|indiscriminate|deadly"
    r"|brutal|daily|nightly|further|several|multiple|series of|wave of|reportedly|then|later|recently|just"
    r"|allegedly|in turn|themselves|itself|and|aerial|air|ground|rocket|missile|mortar|suicide|[a-z]+ly"
    r"|soon|still|already|often|once|now|hold|holds|holding|keeps? holding"
)
