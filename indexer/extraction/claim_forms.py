"""More trigger forms per claim type (issue 18, items 6-7, stop 34).

Acts and stances written without the taxonomy's words (aid to refugees, a
truce that ``was breached``, humanitarian law ``no longer respected``, a call
by ``should continue to``, a group saying its fighter did an attack), and
words in another sense (an arrest warrant, internet blockades, a court's
order, a captor's demand, sanctions relief); a second pass (branch claims7)
adds capture, ill-treatment, refugees counted or helped, shock and scorn, a
duty laid on someone and charges of violent acts. Kept apart from ``indexer.extraction.claim_taxonomy``, which appends
these to its ``TRIGGERS`` (documented in ``indexer/data/CLAIMS.md``).
"""

from __future__ import annotations

__all__ = ["EPITHETS", "GENERIC_CHARGED", "VIOLENT_ACTS", "more_triggers", "uncertain_agent"]

#: Words that name an act to condemn it, beyond the older list (``an unjust act``, ``deeply disturbing``,
#: ``is immoral``).
EPITHETS = r"|unjust|disturbing|immoral"
#: The violent acts a charge, a verdict or a plea names to attribute them (``charged with murder``,
#: ``found guilty of kidnapping``); not a political or a property offence (``charged with organising
#: protests``, ``convicted of fraud``).
VIOLENT_ACTS = (r"(?:murders?|killings?|kidnapping|abduction|torture|rape|manslaughter|homicide|war crimes|genocide"
                r"|crimes against humanity|massacres?|bombings?|attacks?|assault|shooting|stabbing)")

_HUMANITARIAN_LAW = (r"(?:international humanitarian law|humanitarian law|geneva conventions?|laws of war|rules of war"
                     r"|laws? of armed conflict)")
_NEEDY = r"(?:refugees|displaced|idps|asylum[- ]seekers|returnees|the needy|the hungry|populations? in need|people in need)"
#: People an act is done to (a capture, a seizure, a beating), not places or things ("captured the town").
_PEOPLE = (r"(?:(?:soldiers?|fighters?|troops|pows|prisoners?|militants?|rebels?"
           r"|civilians?|people|persons|men|women|children|boys|girls|pupils|students?|schoolgirls|journalists?"
           r"|reporters?|activists?|workers?|officers?|policemen|pilots?|agents?|villagers|farmers|fishermen|members"
           r"|leaders?|commanders?|officials?|tourists|nationals|citizens|priests?|monks?|nuns?|doctors?|nurses?"
           r"|protesters?|demonstrators?|hostages))(?![\w'’-])")
#: A person captured, in the passive ("civilians who were captured"), looked back at from the verb: a
#: trigger starting at a common noun would be tried at every "people" (``_candidates``).
_CAPTIVE_SUBJECTS = "|".join(
    rf"(?<=\b{noun} {aux} )" for noun in ("he", "she", "they", "soldiers", "soldier", "fighters", "troops", "civilians",
                                          "people", "men", "women", "children", "pupils", "students", "journalist",
                                          "journalists", "activists", "workers", "pilot", "hostages", "villagers")
    for aux in ("was", "were", "been", "being", "who were", "who was", "was later", "were later"))
_FIGHTERS = (r"(?:fighters?|militants?|operatives?|(?:suicide )?bombers?|martyrs?|mujahideen|mujahedeen|jihadists?"
             r"|soldiers of the caliphate)")


#: A charge laid on a generic class of people names no one ("persons indicted for genocide must be
#: surrendered"): a bare plural of persons right before it, not one counted or determined ("two persons
#: charged with murder", "the persons indicted for the massacre"). Looked back at from the charge.
GENERIC_CHARGED = "(?!" + "|".join(
    rf"(?<=\b{noun} )(?<!\d {noun} )" + "".join(rf"(?<!\b{det} {noun} )" for det in (
        "the", "these", "those", "two", "three", "four", "five", "several"))
    for noun in ("persons", "individuals")) + r"|(?<=\banyone )|(?<=\banybody ))"


def uncertain_agent(verbs: str) -> str:
    """An act's agent reported with doubt, which attributes it (``most likely carried out by``,
    ``carried out by either Syrian or Russian aircraft``); a plain ``carried out by X`` reports
    who did it and attributes nothing (the gold's reading, CONVENTIONS.md), nor does an open
    question (``unclear whether the attack was carried out by X``). The doubt word is
    the trigger, the rest only looked at: an act named between is still seen (``reportedly the
    shelling was carried out by``)."""
    return (rf"(?:likely|probably|possibly|presumably|apparently|allegedly|reportedly|suspect(?:s|ed)?|believ(?:e|es|ed)"
            rf"|thought|appear(?:s|ed)?|seem(?:s|ed)?|(?:may|might|could) have been)"
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
            # a captor's demand is coercion, not a call ("the kidnappers demanded that her family pay")
            r"(?:kidnappers|abductors|captors|hostage[- ]takers|gunmen|attackers|assailants|extortionists)(?: [\w'-]+){0,3}?"
            r" demand(?:s|ed|ing)?\b|demand(?:s|ed|ing)? (?:an? |the )?(?:[\w$,.-]+ ){0,3}?ransom",
            # debts or sanctions eased are no aid ("sanctions relief", "debt relief to the poorest countries")
            # (looked back at from "relief": "debt" and "sanctions" are common, "relief" starts triggers already)
            r"(?:(?<=\bsanctions )|(?<=\bsanction )|(?<=\bdebt )|(?<=\bdebts )|(?<=\btax )|(?<=\btariff ))relief",
        ),
        # a person captured or seized ("captured two soldiers", "he was later captured", "taken captive";
        # not "captured the town", "seized weapons", "remains seized of the matter")
        "detention": (r"(?:captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)) (?:(?:him|her|them)\b|(?:(?!(?:by|from|of|control"
                      r"|on|in)\b)[\w-]+ ){0,2}?" + _PEOPLE + ")"
                      + r"|(?:" + _CAPTIVE_SUBJECTS + r")(?:captured|seized)\b"
                      r"(?! on (?:camera|video|film|tape|cctv))"
                      r"|taken (?:captive|prisoners?)|captives|captivity",),
        # ill-treatment in other words ("maltreated", "beat up the protesters", "physically abused")
        "torture": (r"maltreat(?:s|ed|ing|ment)?|ill[- ]?treat(?:s|ing)?\b|beat(?:s|ing)? (?:\w+ )?up\b"
                    r"|physically abused|abused (?:while )?in (?:custody|detention|prison|jail)",),
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
            # refugees described by their flight ("refugees who fled the fighting")
            r"(?:refugees|exiles|asylum[- ]seekers) (?:who|that) (?:had |have |has )?(?:fled|escaped)",
            # refugees hosted, counted or not ("hosts some 600,000 Syrian refugees"; "600,000 refugees" was already;
            # a count alone starts at a number or a common word: tried at every one, +1 % instructions)
            r"(?:hosts|hosting|hosted|sheltering|shelters|welcomed|received|receiving) (?:[\w,.-]+ ){0,4}?"
            r"(?:refugees|asylum[- ]seekers)",
            # ... and a count with their origin between ("some 600,000 Syrian refugees"), looked back at from
            # "refugees" (a trigger starting at a number would be tried at every one: claims7 measured +1 %)
            "refugees(?:" + "|".join(rf"(?<=\d [a-z-]{{{n}}} refugees)" for n in range(4, 15)) + ")",
        ),
        "war_crimes": (
            # the law of war said to be broken without "violation" ("no longer respected", "total disregard for")
            _HUMANITARIAN_LAW + r"(?: [\w-]+){0,3}? (?:is|are|was|were|has been|have been|had been)(?: (?!(?:not|never|no)\b)[\w-]+)?"
            r" (?:(?:no longer|not|never|rarely|seldom|hardly|scarcely)(?: being)? (?:respected|observed|upheld"
            r"|honou?red|heeded|applied)|(?:being )?(?:ignored|disregarded|flouted|trampled|violated|breached))",
            r"(?:disregard|contempt|disrespect) (?:for|of) (?:the )?(?:[\w-]+ ){0,2}?" + _HUMANITARIAN_LAW,
            # ... in a verb or by the little regard shown ("disregarding international humanitarian law")
            r"(?:disregard|ignor|trampl)(?:e|es|ed|ing|s)?(?: on| upon)? (?:the )?(?:[\w-]+ ){0,2}?" + _HUMANITARIAN_LAW
            + r"|(?:no|little|scant|scarce|without|lack of) (?:any )?(?:regard|respect) (?:for|of) (?:the )?(?:[\w-]+ ){0,2}?"
            + _HUMANITARIAN_LAW,
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
            # ... or by its verb ("caring for refugees", "assisting returnees", "helping the displaced")
            r"(?:assist|help|support|feed|car(?:e|es|ed|ing) for|sheltering)(?:s|ed|ing)?(?= (?:the )?"
            r"(?:[\w-]+ ){0,2}?" + _NEEDY + r"\b)",
            r"relief (?:to|for)(?= (?:the )?(?:[\w-]+ ){0,2}?(?:victims|survivors|families)\b)"
            r"|(?:famine|emergency|war|refugee) relief",
        ),
        "responsibility_attribution": (
            # a charge of a violent act laid on someone ("charged with murder", "indicted for war crimes", "alleged to
            # have fired"); not a political charge (the dev gold: "charged with organising protests", "with
            # conspiracy to commit an indictable offence") nor a body's mandate ("charged with the maintenance of")
            # (the act only looked at: "charged with kidnapping" is still a detention)
            GENERIC_CHARGED + r"(?:charged with(?= (?:[\w-]+ ){0,3}?" + VIOLENT_ACTS + r"\b)"
            r"|indicted (?:for|on|over)\b)|(?:is|are|was|were) alleged to have (?!been (?!involved\b))",
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
                         # shock felt at an act, scorn poured on it ("we were shocked by the killing", "groups slammed
                         # the verdict", "the height of hypocrisy"; not "the storm slammed into the coast")
                         r"(?<!not )(?<!who are )(?<!who were )shocked (?:by|at)(?= (?:[\w'-]+ ){0,5}?(?:killings?|attacks?"
                         r"|abductions?|kidnappings?|arrests?|murders?|assassinations?|massacres?|atrocit(?:y|ies)|violence"
                         r"|brutality|crimes?|bombings?|shootings?|executions?|torture|treatment|detentions?|crackdown"
                         r"|reports?|news|images|pictures|footage|actions?|acts?|decision|verdict|sentences?|behaviou?r)\b)"
                         r"|slam(?:s|med|ming)?(?! (?:into|in|against|on|onto|shut|down|through|the door"
                         r"|the brakes)\b)|lambast(?:s|ed|ing)?|castigat(?:e|es|ed|ing)|excoriat(?:e|es|ed|ing)"
                         r"|height of (?:cynicism|hypocrisy|irresponsibility|arrogance|insolence|barbarism"
                         r"|inhumanity|cruelty|injustice|folly)\b",
                         # an act called an injustice, with its article ("that is an injustice"; not "referring to
                         # injustice", an abstraction)
                         r"(?:is|was|are|were|remains?|it) (?:an|a (?:grave|great|gross|terrible|historic|historical"
                         r"|serious|flagrant|profound)) injustice\b"),
        "call_to_action": (
            # a task or duty laid on someone ("it is the urgent task of the international community to")
            r"it is (?:now |therefore |also )?(?:the|our|their|your) (?:[\w-]+ )?(?:task|duty|obligation)(?: of(?: [\w'-]+){1,6}?)?"
            r" to\b",
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
