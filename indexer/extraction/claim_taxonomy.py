"""Claim taxonomy: the claim types, their output order and their trigger phrases.

Kept apart from the detector (``indexer.extraction.claims``) because it is data that
grows with every new type or phrase, while the matching machinery does not.
The taxonomy is documented in ``indexer/data/CLAIMS.md``; keep the two in step.
"""

from __future__ import annotations

from indexer.extraction.claim_forms import EPITHETS, more_triggers, uncertain_agent
from indexer.extraction.claim_plain_forms import plain_triggers
from indexer.extraction.flight_forms import FLIGHT

__all__ = ["CLAIM_TYPES", "PRIORITY", "SPEECH_ACTS", "TRIGGERS"]

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

#: The types that are the speaker's acts about other acts, not acts reported:
#: they target no one, and they do not make a statement less about the acts it
#: reports (``indexer.extraction.centrality``).
SPEECH_ACTS: frozenset[str] = frozenset({"condemnation", "call_to_action", "responsibility_attribution"})

_GAP = r"[^.;!?]{0,80}?"  # a short stretch inside one clause
_ATROCITY = r"(?:genocide|war crimes|ethnic cleansing|crimes against humanity)"
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
        # "people who criticized these groups", "for supposedly criticizing the police": critics described
        r"who (?:\w+ )?critici[sz]ed",
        # A sentence, a penalty or a threat of death is no killing (yet): "could be sentenced to death".
        r"(?:sentenc(?:e|es|ed|ing)|sent) (?:\w+ ){0,3}to (?:death|die)",
        r"death[- ](?:threats?|penalt(?:y|ies)|sentences?|row|warrants?)",
        r"threat(?:s|en|ens|ened|ening)? (?:\w+ ){0,2}to (?:kill|death)",
        r"(?:phone|telephone|conference|video) calls?(?: \w+)? (?:on|with|for)",
        r"(?:has|have|had) claimed responsibility for maintaining",
        # Weapons held, traded or tested are not an attack with them.
        r"(?:found|seized|stor(?:e|ed|ing)|(?:placement|withdrawal|pullback|removal|handover|surrender) of|discovered|confiscated|smuggl\w*|stockpil\w*|caches? of"
        r"|depots? of|shipments? of|suppl(?:y|ied|ies|ying)|sale of|sold|sell\w*|purchas\w*|acquir\w*"
        r"|develop\w*|possess\w*|arsenals? of|dismantl\w*|destr(?:oy|oyed|uction of))"
        r" (?:\w+ ){0,4}(?:weapons|arms|missiles?|rockets?|mortars?|artillery|ammunition|munitions)",
        # Arms control: weapons banned, eliminated or named as a class, not used ("a total ban on chemical
        # weapons", "the elimination of Syria's chemical weapons", "nuclear, biological and chemical
        # weapons"); "used banned chemical weapons" is still an attack
        r"(?:eliminat\w*|ban on|bans on|banning|prohibit(?:s|ing)|prohibitions? (?:of|on)|abolition of|abolish\w*"
        r"|conventions? (?:on|banning|prohibiting)|free of|(?:non-)?production of|(?:non-)?proliferation of|disarm\w*"
        r"|renounc\w*|verification of|deploy\w*|receiv\w*|armed with|arm(?:s|ed|ing)? (?:itself|themselves) with)"
        r"(?: [\w'’,-]+){0,4}? (?:chemical |biological |nuclear )?(?:weapons|arms|agents|missiles?|rockets?)\b",
        r"(?:nuclear|biological|bacteriological|radiological)(?:,? (?:and |or )?(?:nuclear|biological|bacteriological"
        r"|radiological))*,? (?:and|or) chemical weapons|chemical,? (?:and|or) (?:biological|bacteriological|nuclear)"
        r"(?: weapons)?",
        # figures of speech: "remained dead letters", "a dead end", "became a hostage to that phenomenon",
        # "hostage to mood swings" (not "held hostage to intimidate her"); a heart stopping
        r"dead[- ](?:ends?|letters?)\b|(?:cardiac|heart|respiratory) arrest",
        # (the copula only looked back at: "hostage" is rare, "is" is everywhere)
        r"(?:" + "|".join(rf"(?<=\b{w} )" for w in ("is", "are", "was", "were", "be", "been", "being", "become",
                                                 "becomes", "became", "remain", "remains", "remained", "fall",
                                                 "falls", "fell", "a", "an")) + r")hostages? (?:to|of)\b"
        r"|hostages? to (?:the|a|an|its|their|his|her|our|this|that|these|those|such|other|different|narrow|mood"
        r"|political|national|economic)\b",
        r"(?:ballistic |nuclear |anti-?(?:tank|aircraft) )?missile (?:tests?|programmes?|programs?"
        r"|technology|defen[cs]es?|shields?|launchers?|systems?|capabilit\w*|proliferation|treaty|launch(?:es)?|testing"
        r"|crisis|issues?|question|arsenals?|race|capacity|deployments?|talks)|rocket (?:fuel|science|scientists?|engines?)",
        # Brokering or adopting a truce is not breaking one.
        r"brokered (?:\w+ ){0,3}?" + _CEASEFIRE,
        # The speaker's own rhetoric is no call to act: "it must be recalled that", "I must stress".
        r"(?:it|this|that) must (?:also |again |first |further |now )?be (?:[\w-]+ )?(?:recalled|noted|said|stressed"
        r"|emphasi[sz]ed|underlined|underscored|pointed out|borne in mind|acknowledged|admitted|mentioned"
        r"|observed|added|reiterated|understood|clear)",
        r"(?:i|we) must (?:[\w-]+ ){0,2}?(?:say|stress|emphasi[sz]e|underline|underscore|point out|note|recall"
        r"|admit|confess|mention|reiterate|present|report|inform|tell|express|thank|congratulate)\b",
        # the doctrine's name, not a call: "the principle of the responsibility to protect"
        r"(?:principle|concept|doctrine|norm|notion|framework) of (?:the )?responsibility to protect",
        # ... and its four crimes, a formula naming no act: "protect populations from genocide, war
        # crimes, ethnic cleansing and crimes against humanity", "situations that could lead to ..."
        r"(?:from|against|prevent\w*|deter\w*|occurrence of|prevention of|lead to) (?:the )?" + _ATROCITY
        + r"(?:,? (?:and |or )?" + _ATROCITY + r"){2,}",
        # the speaker's own share ("we all bear responsibility", "we will be responsible for a disaster")
        r"(?:we|i) (?:all |both |also |too |will |would |shall )*(?:bear|share|are|am|be|have|take)(?: [\w-]+){0,2}?"
        r" responsib\w*\b(?! to )",
        r"convention on cluster munitions|cluster munitions? convention"
        r"|(?:issue|question|problem|ban|banning|prohibition) (?:of|on) (?:[\w-]+ ){0,3}?cluster munitions",
        # A document, plan or deal carried out is no execution of people ("executed five search
        # warrants", "the execution of the judgment"); the words between name no person (no
        # preposition or relative: "executed the prisoners on orders" stays a killing).
        r"execut(?:e|es|ed|ing|ions? of) (?:(?!(?:on|in|at|by|for|with|under|after|before|to|of|who|whom|which)\b)"
        r"[\w-]+ ){0,3}?(?:(?:search|arrest) )?(?:warrants?|orders?|plans?|contracts?|judge?ments?|agreements?"
        r"|decisions?|decrees?|polic(?:y|ies)|programmes?|programs?|projects?|strateg(?:y|ies)|budgets?|mandates?"
        r"|tasks?|duties|functions|transactions?|trades?|deals?|instructions?|commands?|wills?|deeds?|laws?)\b",
        # a legal status decreed, not a place besieged ("imposed a state of siege in two provinces")
        r"states? of siege",
        # "tortured" as suffering, before a land, a time or a people owned ("this tortured country",
        # "their tortured people"), not people tortured ("the tortured detainees")
        r"tortured (?:country|countries|nations?|lands?|regions?|continent|island|cit(?:y|ies)|history|past"
        r"|relationship|logic|souls?|existence|path|process|debate|decision)\b"
        r"|(?:our|their|its|your|my) tortured (?:people|peoples|population)\b",
        # a person asking for or needing care is no humanitarian access ("some asked for medical
        # assistance", "in desperate need of qualified medical assistance"; "need food aid" still is)
        r"(?:ask(?:s|ed|ing)? for|request(?:s|ed|ing)?|sought|seek(?:s|ing)?) (?:urgent |immediate |emergency )?"
        r"medical (?:assistance|aid|attention|care|help|treatment)",
        r"(?:need(?:s|ed|ing)?(?: of| for)?|requir(?:e|es|ed|ing)) (?:[\w-]+ )?medical (?:assistance|attention|care"
        r"|treatment)",
        # Justice for unnamed perpetrators attributes nothing to anyone: "prosecute the perpetrators of
        # this crime", "holding perpetrators accountable", "bring those responsible to justice".
        r"(?:prosecut|punish|identify|apprehend|pursue|bring|hold|try|judge|convict)\w*(?: [\w-]+){0,5}?"
        r" (?:perpetrators|culprits|those responsible)",
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
        r"loss of (?:innocent |civilian |human )?life",
    ),
    "bombardment": (
        r"barrel[- ]bomb(?:s|ed|ing|ings)?",
        r"cluster (?:bombs?|munitions?)",
        r"vacuum bombs?|phosphorus (?:bombs?|munitions?)",
        r"air[- ]?strikes?|air[- ]raids?|aerial (?:attacks?|bombing|bombardment|strikes?)",
        r"(?:missile|drone|artillery|rocket) (?:strikes?|attacks?|fire)",
        r"(?:us-led|coalition|israeli|turkish|russian|regime|government|syrian|american|u\.s\.|us)"
        r" (?:air |drone |missile )?(?:strikes?|raids?)",
        r"targeted (?:by|with) (?:\w+ )?(?:jets|warplanes|aircraft|helicopters|drones)",
        r"shell(?:s|ed|ing)",
        r"missiles?|rockets?|mortars?|artillery",
        r"bombard(?:s|ed|ing|ment|ments)?",
        r"(?<!suicide )(?<!car )(?<!truck )(?<!roadside )(?<!bomber )bomb(?:s|ed)? (?:on|the|civilians|hospitals?|schools?|markets?|residential)",
        r"bombing (?:raids?|campaign)",
        r"rain(?:s|ed|ing)? (?:down )?(?:barrel )?bombs",
        r"warplanes?|war planes?|jets? (?:struck|bombed|pounded)",
        # (not money or weight: "cost 126,000 pounds", "millions of pounds", "pesos, pounds")
        r"pound(?:ed|ing)|(?<![\d,.] )(?<!of )(?<!, )pounds(?! sterling)",
        r"(?<!suicide )(?:aircraft|warplanes?|jets?|planes?|helicopters?|drones?|gunships?|bombers?|tanks?|warships?)"
        r" (?:\w+ ){0,2}?(?:struck|hit|targeted|bombed|attacked|raided|fired (?:on|at)|strafed)",
        r"(?:struck|hit|targeted) by (?:an? |the )?(?!(?:\w+ )?(?:suicide|car|truck|roadside) )(?:\w+ ){0,2}?(?:shells?|bombs?|drones?|aircraft|jets"
        r"|warplanes|air ?strikes?)",
        r"strikes? (?:on|against|targeting) (?:the |a |an )?(?:\w+ ){0,2}?(?:hospitals?|schools?|markets?"
        r"|homes?|houses?|civilians?|villages?|towns?|neighbou?rhoods?|positions?|targets?|convoys?"
        r"|bases?|camps?|shelters?|mosques?|churches?|bakery|bakeries)",
        r"explosive weapons|bombs? (?:were |was )?dropped|dropp(?:ed|ing) (?:\w+ )?bombs"
        # (a suicide or car bombing is no attack from the air: "a suicide bombing of a mosque")
        r"|(?<!suicide )(?<!suicide-)(?<!car )(?<!truck )(?<!bomber )(?<!bombers )(?:bombing of|bombings of|bombed)"
        r"(?!(?: [\w'-]+){0,5}? by (?:an? |the |two )?(?:suicide|car|truck))|air (?:attacks?|campaign|assaults?)",
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
        # armed forces surrounding a place, or a settlement surrounded by force
        r"(?:forces|troops|army|regime|militias?|militants|rebels|fighters|soldiers|insurgents)"
        r"(?: (?:have|has|had|were|are))? surround(?:s|ed|ing)?\b"
        r"(?! by| them| him| (?:the |some |\d+ )?(?:terrorists|militants|fighters|gunmen|rebels|attackers|soldiers|troops))",
        r"(?:surround(?:s|ed)?|surrounding the) (?:the )?(?:besieged )?(?:town|city|village|camp|enclave|district|neighbou?rhood)s?\b",
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
        # gone abroad or into exile ("many others have fled abroad", "forced into exile")
        r"(?:fled|flee(?:s|ing)?) (?:abroad|the country)|(?:fled|forced|driven|went|gone) into exile",
        r"fleeing (?:the )?(?:fighting|violence|bombing|bombardment|shelling|war)",
        r"idps|exodus|uproot(?:ed|ing)",
        r"forced (?:evacuation|transfer|deportation)s?|forcibly (?:evacuated|transferred|expelled)",
        r"deport(?:ed|ation|ations)",
        r"(?:fled|flee(?:s|ing)?) (?:to|into|across|over|from) ",
        r"(?:drove|driven|drive|pushed|chased) (?:[\w,.]+ ){0,3}?(?:across|over|out of|from) (?:the )?"
        r"(?:border|country|homes?|region|area|villages?|towns?|lands?)",
        r"(?:sought|seek(?:ing)?|took|taken) (?:refuge|shelter) (?:in|from|across)"
        # (not a building as shelter during an attack: "took refuge in a mosque", "sought shelter in the basement")
        r"(?! (?:an? |the |their |his |her |a nearby |nearby )?(?:mosques?|schools?|churches?|hospitals?|basements?|buildings?"
        r"|houses?|homes?|shelters?|bunkers?|cellars?|rooms?|bathrooms?|shops?|stores?|ditch|trench)\b)",
        r"(?:millions?|thousands|hundreds) (?:of )?(?:\w+ )?(?:refugees|displaced)"
        r"|refugee (?:crisis|flows?|exodus)|(?:influx|flows?|waves?|arrivals?) of (?:[\w-]+ and )?refugees",
        # refugees kept in camps ("34,000 asylum seekers and refugees are being held in overcrowded camps")
        r"(?:refugees|asylum[- ]seekers|displaced (?:people|persons|families)|idps)(?: (?:are|were|is|was|have been"
        r"|had been|being|now|still))* (?:held|living|housed|sheltered|sheltering|stranded|trapped|stuck|crammed"
        r"|packed|languishing) in (?:[\w-]+ ){0,2}?(?:camps?|shelters?|tents|settlements?|centres?|centers?)\b",
        # refugees counted or sheltered: people who fled ("some 100,000 refugees in the camps")
        r"(?<=\d )refugees|numbers? of refugees|refugee camps?|refugees from",
    ),
    "detention": (
        r"detain(?:s|ed|ing|ee|ees)?|detention",
        r"arrest(?:s|ed|ing)?",
        r"abduct(?:s|ed|ing|ion|ions)?|kidnap(?:s|ped|ping|pings)?",
        r"(?:forcibly|forcefully) disappeared|enforced disappearances?",
        r"imprison(?:s|ed|ing|ment)|political prisoners|hostages?|held captive",
        # a prison term: "sentenced to 14 years in prison", "jailed", "behind bars"
        # (not a suspended one, nor the most a law allows: "a maximum sentence of")
        r"jail(?:s|ed|ing)|behind bars|(?<!suspended )(?<!maximum )(?:prison|jail) (?:sentences?|terms?)",
        r"(?:sentenc(?:ed|ing)|sen[dt]s?|sending|put|thrown)(?: (?!maximum\b)[\w-]+){0,6}? (?:to|in|into) (?:prison|jail)",
    ),
    "torture": (
        r"tortur(?:e|es|ed|ing)",
        r"ill[- ]?treat(?:ed|ment)|mistreat(?:ed|ment)",
        # beatings, not a rival beaten in a vote nor a figurative blow
        # (the people beaten only looked at: "beat other detainees" keeps its detention)
        r"beatings|beat(?:s|ing)?(?= (?:(?:him|her|them|me|us)\b|(?:the |a |an )?(?:[\w-]+ )?(?:prisoners?|detainees?"
        r"|protesters?|demonstrators?|journalists?|activists?|students?|men|women|children|inmates?|suspects?"
        r"|civilians?|villagers?|reporters?|workers?|migrants?|refugees?)\b))",
        r"beaten (?:up|unconscious|senseless|with)|(?:severely|badly|brutally|savagely|violently|repeatedly"
        r"|mercilessly|reportedly|allegedly) beat(?:en|ing)?|(?:was|were|been|being|got|get|gets) beaten"
        r"(?! back| off| (?:in|at|by) (?:the |an? )?(?:polls?|elections?|votes?|finals?|match(?:es)?|race|games?|runoffs?))",
        r"blows (?:to|on) (?:the |his |her |their |my |your |its )?(?:head|face|body|back|legs?|arms?|chest|stomach"
        r"|neck|feet|ribs)\b|(?:rain(?:ed|ing)?|shower(?:ed|ing)?|receiv(?:ed|ing)|suffer(?:ed|ing)|under|with)"
        r" blows\b|blows (?:[\w-]+ ){1,5}?(?:gave|inflicted on|landed on) (?:me|him|her|them|us)\b",
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
        # (also "violations of the Fourth Geneva Convention", "violate human rights and humanitarian law")
        r"(?:violat(?:e|es|ed|ing|ions?)|breach(?:es|ed|ing)?|flout(?:s|ed|ing)?)(?: of)? (?:the )?(?:[\w-]+ ){0,3}?"
        r"(?:international humanitarian law|humanitarian law|geneva conventions?|laws of war|rules of war)",
    ),
    "crimes_against_humanity": (r"crimes? against humanity",),
    "ceasefire_violation": (
        r"(?:violat\w*|breach(?:es|ed|ing)?|broke|broken|break(?:s|ing)?)" + _GAP + _CEASEFIRE,
        _CEASEFIRE + r"(?: \w+){0,2} (?:violations?|breach(?:es)?)",
        r"(?:despite|in violation of) (?:the |a )?(?:[\w-]+ ){0,6}?" + _CEASEFIRE,
        # a truce that failed: it broke down, or fighting went on after it
        _CEASEFIRE + r" (?:in [\w-]+ )?(?:(?:has|had|have|quickly|soon|effectively|largely|already|then|later"
        r"|virtually|finally) )*(?:collapsed|broke down|broken down|crumbled|fell apart|unravel+ed|failed to"
        r" (?:hold|halt|stop|end))",
        _CEASEFIRE + _GAP + r"\b(?:little|no|limited) (?:impact|effect) on (?:the )?(?:fighting|violence|clashes"
        r"|hostilities|bombing|shelling|strikes|air ?strikes|attacks)",
        # (the act before it may be a trigger itself, so only looked back at: "shelling has continued since")
        r"(?:" + "|".join(rf"(?<={act} {aux})" for act in ("fighting", "clashes", "shelling", "strikes", "bombing",
                                                            "bombardment", "attacks", "violence", "hostilities")
                          for aux in ("", "has ", "have ", "had ")) + r")(?:continued|persisted|resumed|raged|went on|carried on)(?: [\w-]+){0,4}?"
        r" (?:after|since|despite) (?:the |a |an )?(?:[\w-]+ ){0,3}?" + _CEASEFIRE
        + r"(?!(?: [\w-]+){0,3} (?:expired|ended|lapsed|ran out))",
    ),
    "humanitarian_access": (
        r"humanitarian (?:access|aid|assistance|corridors?|convoys?|relief|supplies|deliveries|pause)",
        r"aid (?:convoys?|deliver(?:y|ies)|trucks|workers|agencies)",
        r"deliver(?:s|ed|ing|y)?(?: of)? (?:humanitarian |food |medical )?(?:aid|assistance|relief)",
        r"(?:block|prevent|obstruct|den(?:y|ies|ied)|bar|barred|hinder)\w*" + _GAP + r"\b(?:aid|access|convoys?|relief|assistance)",
        r"denial of (?:aid|access|assistance)|access to (?:food|medicine|medical care)",
        r"mobili[sz](?:e|es|ed|ing|ation of) (?:\w+ ){0,2}?(?:aid|assistance|relief)",
        # aid named by what it gives ("provides vital relief", "providing food ... to 100,000 refugees")
        r"provid(?:e|es|ed|ing) (?:[\w-]+ ){0,2}?(?:(?<!debt )(?<!debts )(?<!sanctions )(?<!sanction )(?<!tax )relief|humanitarian|succou?r)|provid(?:e|es|ed|ing) (?:[\w-]+ ){0,2}?"
        r"(?:food|shelter|medicines?|medical supplies|drinking water)(?=(?: [\w-]+){0,5}? (?:to|for) (?:[\w,-]+ ){0,4}?"
        r"(?:refugees|displaced|victims|civilians|survivors|families|the needy|the hungry))",
        r"(?:meet|meeting|address|addressing|respond to|responding to) (?:the )?(?:[\w-]+ ){0,2}?humanitarian needs",
        r"(?:food|medical|emergency|relief) (?:aid|assistance|supplies)|relief (?:supplies|efforts"
        r"|operations|agencies|workers|items)",
    ),
    "condemnation": (
        r"condemn(?:s|ed|ing|ation|ations)?",
        r"denounc(?:e|es|ed|ing)",
        r"deplor(?:e|es|ed|ing)",
        r"decr(?:y|ies|ied|ying)",
        # criticism made ("rights groups have criticised", "criticism from Western countries"), not a
        # critic's trade ("jailed for criticising the government", "fear of criticism")
        r"critici[sz]ed|criticisms? from",
        r"denunciations?",
        # a condemnation by what the act is called ("it was outrageous", "we find inexcusable",
        # "calling the attack reprehensible", "referred to it as a horrifying spree"); not an
        # epithet alone ("such heinous attack")
        r"(?:is|was|are|were|remains?|find|finds|found|call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|referr(?:ed|ing) to"
        r"|refers? to|brand(?:s|ed)|label(?:s|led|ed)|deem(?:s|ed)?|consider(?:s|ed)?)"
        r" (?:(?:it|this|that|them|these|those|such|the [\w-]+|its [\w-]+|their [\w-]+) )?(?:as )?(?:an? )?[\"'“‘]?"
        r"(?:(?:totally|utterly|completely|absolutely|simply|deeply|particularly|wholly|morally|truly|most|so) )?"
        r"(?:outrageous|inexcusable|unacceptable|abhorrent|appalling|reprehensible|heinous|despicable|deplorable"
        r"|intolerable|unconscionable|shameful|horrifying|horrific|barbaric|atrocious|unjustifiable|abominable"
        r"|monstrous|cowardly|disgraceful|unforgivable" + EPITHETS + r")\b",
        # an act called a word of condemnation by a verb of judging ("slammed as appalling",
        # "lambasted the crackdown as inhumane", "branded the raids as cruel")
        r"(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|brand(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?|slam(?:s|med|ming)?"
        r"|lambast(?:s|ed|ing)?|blast(?:s|ed|ing)?|assail(?:s|ed|ing)?|critici[sz](?:e|es|ed|ing)|denounc(?:e|es|ed|ing)"
        r"|decr(?:y|ies|ied|ying)|condemn(?:s|ed|ing)?|term(?:s|ed)?|dub(?:s|bed)?|characteri[sz](?:e|es|ed|ing))(?: (?:it|this|that|them|these|those|such|(?:the|its|their|his|her) [\w-]+))? as"
        r" (?:an? )?[\"'“‘]?(?:(?:totally|utterly|completely|absolutely|simply|deeply|particularly|wholly|morally"
        r"|truly|most|so) )?(?:outrageous|inexcusable|unacceptable|abhorrent|appalling|reprehensible|heinous"
        r"|despicable|deplorable|intolerable|unconscionable|shameful|horrifying|horrific|barbaric|atrocious"
        r"|unjustifiable|abominable|monstrous|cowardly|disgraceful|unforgivable|inhumane|inhuman|barbarous|savage"
        r"|callous|senseless|vile|egregious|scandalous|shocking|cruel|brutal|criminal|outrage|disgrace|travesty"
        r"|affront" + EPITHETS + r")\b",
        r"(?:can ?not|can't|must not|will not|won't|should not) be (?:tolerated|condoned|excused|justified)",
        r"(?:outraged|appalled|horrified) (?:by|at|to)",
    ),
    "call_to_action": (
        r"call(?:s|ed|ing)? (?:up)?on(?! (?:mon|tues|wednes|thurs|fri|satur|sun)day)",
        r"call(?:s|ed|ing)? for",
        r"urg(?:e|es|ed|ing)",
        r"appeal(?:s|ed|ing)? (?:to|for)",
        r"demand(?:s|ed|ing)? (?:that|the|an|immediate|urgent|justice|answers|accountability|action)"
        r"|demand(?:ed|ing) to|demands? to know",
        r"must(?! have been)",
        r"needs? to (?:be taken|act|stop|end|take|intervene)",
        r"(?:obligation|duty|responsibility) to (?:act|protect|stop|intervene|end)",
        r"it is (?:imperative|necessary|essential|urgent) (?:to|that)",
        r"(?:should|ought to) (?:\w+ )?(?:impose|take|act|stop|end|ensure|hold|release|allow|lift|halt|cease"
        r"|respect|comply|investigate|refrain|withdraw|protect|prosecute|bring|support|provide|step up|do more"
        r"|intervene|condemn|pressure|sanction|facilitate|guarantee|abide|implement|resume|engage|uphold)",
        r"we (?:ask|request|invite|encourage|implore|exhort)|let us (?!know|begin|start|recall|remember|look|turn|consider|now|also|not forget)"
        r"|requests? that|request(?:ed|ing) (?:that|to)",
        # calls without a verb of calling ("should be disarmed", "action is required",
        # "wants the government to release them", "we have to offer aid")
        r"(?:should|must) be (?:\w+ )?(?:neutrali[sz]ed|disarmed|released|freed|protected|prosecuted|punished"
        r"|investigated|stopped|lifted|ended|halted|withdrawn|allowed|held (?:to account|accountable|responsible)"
        r"|brought to justice|implemented|ensured|guaranteed)",
        r"(?:action|measures|steps) (?:is |are )?(?:urgently |now )?(?:required|needed)",
        r"(?:wants?|ask(?:s|ed|ing)?) (?!(?:him|her|them|me|us|you) )(?:[\w-]+ ){1,4}?to (?:release|free|stop|end|halt|withdraw|lift|allow)",
        r"should (?:\w+ )?move to",
        # (not what we must live with: "we have to rely on imports", "we have to express our thanks")
        r"we (?:have|need) to (?!be\b|live|rely|adapt|cope|express|admit|acknowledge|say|recogni|face|accept|pay|wait"
        r"|thank|note)",
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
        # "X claimed responsibility (through its radio)", the act named before it.
        r"(?:claimed|claims) responsibility(?= *(?:$|[.,;:]|(?:through|via|in|on|online|later|on \w+day)\b))",
        # "the bombing was claimed by X", "blasts claimed by X hit": an act owned, not a claim that it happened.
        r"(?:attack|bombing|blast|explosion|ambush|assault|assassination|raid|kidnapping|abduction|killing)(?:s|es)?,?"
        r" (?:(?:on|in|at|near|against) (?:[\w-]+ ){1,2}?)?(?:(?:was|were|has been|had been|later|since|also|quickly"
        r"|swiftly) )*claimed by",
        r"claim(?:s|ed|ing)? (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:attacks?|bombings?|assaults?|killings?)",
        # (a plain "carried out by X" reports the act's agent: only a doubted one attributes it)
        uncertain_agent(r"(?:perpetrated|committed|carried out)") + r"|(?:orchestrated|masterminded|plotted|instigated"
        r"|engineered) by|at the hands of"
        # (by someone, not by a weapon: "injuries inflicted by the security services")
        r"|inflicted (?:(?:on|upon) (?:[\w-]+ ){1,3}?)?by(?! (?:an? |shell|bomb|air|missile|rocket|mortar|artillery|fire|gun|explos))"
        r"|suspect(?:s|ed)? of (?:involvement|being involved|complicity|carrying out|committing|perpetrating"
        r"|orchestrating|plotting|masterminding|killing|murdering|the (?:[\w-]+ )?(?:attacks?|killings?|murders?"
        r"|bombings?|abductions?|kidnappings?|assassinations?))|on suspicion (?:of|that)"
        r"|(?:principal |main )?(?:culprits?|perpetrators? of)|implicated in|(?:have|has|had|were|was) been implicated"
        r"|those responsible for",
    ),
}

# Forms of stop 34 (issue 18, items 6-7), kept in their own module.
for _kind, _forms in more_triggers(_CEASEFIRE).items():
    TRIGGERS[_kind] += _forms
# ... and of stop 35 (branch claims9).
for _kind, _forms in plain_triggers().items():
    TRIGGERS[_kind] += _forms
TRIGGERS["displacement"] += FLIGHT
