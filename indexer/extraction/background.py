"""Background tolls: a whole war's dead and displaced, told beside an event (issue 21, item 5).

News about one attack or one exodus often closes with the war's running toll
(``the conflict, which has killed more than 280000 people and displaced
millions``, ``the war in Syria has left 220000 dead``). Such a sentence is a
killing or displacement claim, but its subject is the war itself, not an event
of the statement: a report of a market strike in Deir ez-Zor is not about
displacement from Deir ez-Zor. ``indexer.extraction.centrality`` weighs such a
claim :data:`BACKGROUND` instead of one in ``claim:`` ranking (it still matches).

A toll is background when a war noun (``war``, ``conflict``, ``crisis``,
``uprising``, ...; not ``fighting`` or ``violence``, which name local events)
is the subject of a perfect-tense toll verb (``has killed``, ``has left``,
``has claimed``, ``has displaced``, ``has forced``), directly or across a
``which``/``that`` or a short modifier (``the war in Syria``), and the sentence
names no day of its own (``on Tuesday``, ``yesterday``, ``this week``): a
dated toll reports an event. Only a toll's own types (killing, displacement)
are background, and only where the words before the war noun do not give
them (``Air strikes killed 17 civilians in a war that has
killed 280000`` reports a killing).
"""

from __future__ import annotations

import re

from indexer.extraction.claims import claim_types

__all__ = ["BACKGROUND", "background_types"]

#: The weight a background toll counts for in a claim type's pseudo-frequency
#: (an event claim counts 1; no title or lead bonus).
BACKGROUND = 0.25

#: What a running toll reports (a truce or siege after it in the sentence is no toll).
TOLL_TYPES = frozenset({"killing", "displacement"})

_WAR = r"(?:civil\s+)?(?:war|conflict|crisis|uprising|insurgency|revolt|revolution)"
#: Up to five words between the war noun and its verb, none a verb of their own
#: beyond the relative pronoun (``in Syria``, ``, which``, ``that began in 2011``).
_BETWEEN = r"(?:[\s,]+(?!has\b|have\b)[\w'’().-]+){0,6}?"
_VERB = (r"[\s,]+(?:has|have)(?:\s+(?:so\s+far|since|now|already|reportedly|also)\b)?"
         r"\s+(?:killed|left|claimed|displaced|forced|uprooted|driven|made|cost|taken)\b")
_TOLL = re.compile(rf"\b{_WAR}\b{_BETWEEN}{_VERB}", re.IGNORECASE)
_DAY = re.compile(
    r"\b(?:yesterday|today|tonight|overnight|(?:this|last)\s+(?:week|weekend|month)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.IGNORECASE)


def background_types(sentence: str, types: tuple[str, ...]) -> frozenset[str]:
    """Those of a claim's ``types`` its sentence gives only as a war's running toll.

    >>> sorted(background_types("The Observatory relies on sources inside Syria to follow the five-year-old "
    ...        "conflict which has killed more than 280000 people and displaced millions.", ("displacement", "killing")))
    ['displacement', 'killing']
    >>> sorted(background_types("The ongoing war in Syria has left an estimated 220000 dead and displaced 12 million.",
    ...                         ("displacement",)))
    ['displacement']
    >>> background_types("Air strikes killed 17 civilians in a war that has killed 280000.", ("killing",))
    frozenset()
    >>> sorted(background_types("Truces freeze the lines of the war, which has claimed 400000 lives, "
    ...                         "and let aid into besieged areas.", ("killing", "siege")))
    ['killing']
    >>> background_types("Fighting has displaced 5000 people from the town since Tuesday.", ("displacement",))
    frozenset()
    >>> background_types("The war has displaced 5000 people from the town since Tuesday.", ("displacement",))
    frozenset()
    """
    toll = _TOLL.search(sentence)
    if toll is None or _DAY.search(sentence):
        return frozenset()
    return (frozenset(types) & TOLL_TYPES) - set(claim_types(sentence[:toll.start()]))
