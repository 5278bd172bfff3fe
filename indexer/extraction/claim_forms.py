"""More trigger forms per claim type (issue 18, items 6-7, stop 34).

Acts and stances written without the taxonomy's words (aid to refugees, a
truce that ``was breached``, humanitarian law ``no longer respected``, a call
by ``should continue to``, a group saying its fighter did an attack), and
words in another sense (an arrest warrant, internet blockades, a court's
order). Kept apart from ``indexer.extraction.claim_taxonomy``, which appends
these to its ``TRIGGERS`` (documented in ``indexer/data/CLAIMS.md``).
"""

from __future__ import annotations

__all__ = ["EPITHETS", "more_triggers", "uncertain_agent"]

#: Words that name an act to condemn it, beyond the older list (``an unjust act``, ``deeply disturbing``).
EPITHETS = r"|unjust|disturbing"

_HUMANITARIAN_LAW = (r"(?:international humanitarian law|humanitarian law|geneva conventions?|laws of war|rules of war"
                     r"|laws? of armed conflict)")
_NEEDY = r"(?:refugees|displaced|idps|asylum[- ]seekers|returnees|the needy|the hungry|populations? in need|people in need)"
_FIGHTERS = (r"(?:fighters?|militants?|operatives?|(?:suicide )?bombers?|martyrs?|mujahideen|mujahedeen|jihadists?"
             r"|soldiers of the caliphate)")


def uncertain_agent(verbs: str) -> str:
    """An act's agent reported with doubt, which attributes it (``most likely carried out by``,
    ``carried out by either Syrian or Russian aircraft``); a plain ``carried out by X`` reports
    who did it and attributes nothing (the gold's reading, CONVENTIONS.md). The doubt word is
    the trigger, the rest only looked at: an act named between is still seen (``reportedly the
    shelling was carried out by``)."""
    return (rf"(?:likely|probably|possibly|presumably|apparently|allegedly|reportedly|suspect(?:s|ed)?|believ(?:e|es|ed)"
            rf"|thought|appear(?:s|ed)?|seem(?:s|ed)?|unclear|whether|clear if|(?:may|might|could) have been)"
            rf"(?=(?: (?!by\b)[\w'-]+){{0,6}}? {verbs} by\b)"
            rf"|{verbs} by(?= (?:either\b|(?:[\w'-]+ ){{1,6}}?or\b))")


def more_triggers(ceasefire: str) -> dict[str, tuple[str, ...]]:
    """Trigger patterns per type (``skip`` first), to append to the taxonomy's;
    ``ceasefire`` is its pattern of a truce's names."""
    return {
        "skip": (
            # a warrant is not the arrest ("according to an arrest warrant", "a warrant out for his arrest")
            r"arrest[- ]warrants?|warrants? (?:out )?for (?:his|her|their|the) arrest",
            # the unnamed perpetrators of an act sought ("deployed to investigate and arrest the perpetrators")
            r"(?:to|and) (?:arrest|catch|find|track down|hunt down) (?:the |all )?(?:perpetrators|culprits|those responsible)",
            # a court's order is no call by the speaker ("the court ordered that the detainees must be released")
            r"(?:courts?|judges?|tribunals?|magistrates?|justices?)(?: [\w'-]+){0,3}? (?:order|rul|decid|direct|instruct"
            r"|decree)\w* (?:that )?(?:[\w'-]+ ){0,6}?(?:must|should|shall)\b",
        ),
        # an attack called deadly killed people ("a series of deadly shootings and bombings")
        # (only "deadly" is taken: the act's own word after it still gives its type, "a deadly gas attack")
        "killing": (r"deadly(?= (?:[\w-]+ ){0,2}?(?:attacks?|shootings?|bombings?|blasts?|explosions?|clashes"
                    r"|raids?|strikes?|assaults?|ambush(?:es)?|crackdowns?|riots?|fighting|battles?)\b)",),
        "chemical_attack": (r"chemical (?:terrorist|terror|gas|weapons?) attacks?",),
        "displacement": (
            # refugees coming home: they had been displaced ("the voluntary repatriation of Rohingya refugees")
            r"(?:return|repatriation|resettlement|reintegration)s? of (?:the )?(?:[\w-]+ ){0,3}?(?:refugees|displaced|idps"
            r"|exiles)|(?:voluntary|forced|forcible) (?:repatriation|return)s?|repatriat(?:ed|ing) (?:[\w-]+ ){0,3}?refugees"
            r"|refugees (?:[\w-]+ ){0,2}?(?:repatriated|resettled)",
        ),
        "war_crimes": (
            # the law of war said to be broken without "violation" ("no longer respected", "total disregard for")
            _HUMANITARIAN_LAW + r"(?: [\w-]+){0,3}? (?:is|are|was|were|has been|have been|had been)(?: [\w-]+)?"
            r" (?:(?:no longer|not|never|rarely|seldom|hardly|scarcely)(?: being)? (?:respected|observed|upheld"
            r"|honou?red|heeded|applied)|(?:being )?(?:ignored|disregarded|flouted|trampled))",
            r"(?:disregard|contempt|disrespect) (?:for|of) (?:the )?(?:[\w-]+ ){0,2}?" + _HUMANITARIAN_LAW,
        ),
        "ceasefire_violation": (
            # the truce named first, its breach after in any verb form ("the truce was breached", "which the
            # army breaches daily"; not "broke out"; a negation before it is a hedge: "has not been violated")
            ceasefire + r"(?=,?(?: (?!(?:not|never|no|nor|without|hardly|would|could|might|will|shall|if|unless|whether)\b"
            r"|[\w'’-]*n['’]t\b)[\w,'’-]+){0,6}? (?:violat(?:ed|es|ing)|breach(?:ed|es|ing)|broken|breaks|breaking)\b)",
        ),
        "humanitarian_access": (
            # aid named by whom it goes to ("aid to refugees", "assistance for refugees", "relief to the victims")
            r"(?:aid|assistance|relief|help|support|care|succou?r)(?: [\w-]+)? (?:to|for)(?= (?:the )?(?:[\w-]+ ){0,2}?"
            + _NEEDY + r"\b)",
            r"relief (?:to|for)(?= (?:the )?(?:[\w-]+ ){0,2}?(?:victims|survivors|families)\b)"
            r"|(?:famine|emergency|war|refugee) relief",
        ),
        "responsibility_attribution": (
            # a group's own statement that its fighter did the attack claims it ("said one of its fighters
            # carried out the attack"; fighters and martyrs, not an army's soldiers: its operation reported)
            r"(?:said|says|statement|announced|boasted)(?=(?: [\w'-]+){0,6}? (?:its|one of its|their|one of their)"
            r" (?:own )?" + _FIGHTERS + r"(?: [\w'-]+){0,3}? (?:carried out|conducted|detonated|blew|attacked|launched"
            r"|killed|struck|targeted|stormed|shot|executed)\b)",
        ),
        # disturbance felt by the speaker, said with its degree ("deeply disturbed by the reports"; not "the
        # meeting was disturbed by protesters")
        "condemnation": (r"(?:deeply|profoundly|very|greatly|extremely|gravely|particularly|most|so) disturbed"
                         r" (?:by|at|to)\b",
                         # an act called an injustice, with its article ("that is an injustice"; not "referring to
                         # injustice", an abstraction)
                         r"(?:is|was|are|were|remains?|it) (?:an|a (?:grave|great|gross|terrible|historic|historical"
                         r"|serious|flagrant|profound)) injustice\b"),
        "call_to_action": (
            # (not a forecast: "the company should continue to grow")
            r"should (?:\w+ )?(?:continue to(?! (?:grow|rise|fall|decline|drop|climb|improve|expand|benefit|weaken|recover"
            r"|shrink|slow|gain|lose|increase|decrease|dominate|attract|see|rain)\b)|redouble|intensify|strengthen|step up|cooperate|assist|adopt"
            r"|contribute)",
            # the police asking the public to come forward ("asking anyone with information to contact them")
            r"(?:ask|urg|encourag|request|appeal)\w* (?!(?:him|her|them|me|us|you) )(?:[\w-]+ ){0,5}?to (?:contact|call"
            r"|phone|ring|come forward|get in touch)\b",
            r"(?:anyone|anybody|witnesses|those|members of the public)(?: [\w-]+){0,4}? (?:should|can|may|is urged to"
            r"|are urged to) (?:contact|call|phone|ring|come forward|get in touch)\b",
        ),
    }
