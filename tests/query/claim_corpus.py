"""Statements with claims and evidence at known sentences, for claim-centred snippets.

Each body is built from sentences; a claim names the sentence it is in and
an evidence item the sentence and the words of its mention, so offsets are
computed, never typed.
"""

from __future__ import annotations

from typing import Any

from tests.query.conftest import statement


def claimed(id: str, title: str, sentences: list[str], claims: list[tuple[str, int]],
            mentions: dict[str, dict[str, list[tuple[str, int]]]], date: str = "2017-04-05",
            inferred: dict[str, str] | None = None) -> tuple[dict[str, Any], str]:
    """A statement whose body is ``sentences`` joined by spaces.

    :param claims: (claim type, sentence number).
    :param mentions: ``{"actors"|"locations": {name: [(surface, sentence number)]}}``.
    :param inferred: location -> the location it is inferred from.
    """
    body = " ".join(sentences)
    starts = [body.index(s) for s in sentences]
    evidence: dict[str, Any] = {}
    for kind, names in mentions.items():
        for name, found in names.items():
            items = []
            for surface, n in found:
                start = body.index(surface, starts[n])
                items.append({"field": "body", "start": start, "end": start + len(surface),
                              "text": surface, "sentence": sentences[n]})
            evidence.setdefault(kind, {})[name] = items
    for place, inner in (inferred or {}).items():
        evidence.setdefault("locations", {})[place] = [{"inferred_from": inner}]
    json_form, _ = statement(
        id, title, body, date,
        actors=tuple(mentions.get("actors", {})),
        locations=tuple(mentions.get("locations", {})) + tuple(inferred or {}),
        claims=tuple((t, sentences[n]) for t, n in claims),
        evidence=evidence,
    )
    return json_form, body


CLAIM_CORPUS = [
    claimed(
        "c01", "Coalition statement on Saraqib",
        ["The Coalition met in Istanbul on Monday.",
         "Regime forces dropped chlorine barrel bombs on Saraqib, witnesses said.",
         "Aid groups asked for access.",
         "Bashar al-Assad denied any attack."],
        claims=[("chemical_attack", 1), ("bombardment", 1)],
        mentions={"actors": {"Assad regime": [("Regime forces", 1)], "Bashar al-Assad": [("Bashar al-Assad", 3)]},
                  "locations": {"Saraqib": [("Saraqib", 1)]}},
        inferred={"Idlib": "Saraqib"},
    ),
    claimed(
        "c02", "Douma hospital",
        ["Douma hospital staff said the hospital and the hospital clinic in Douma were full.",
         "Sarin was used on the town, doctors said.",
         "The hospital reported sarin and chlorine symptoms among children.",
         "The Coalition called on the Security Council to act.",
         "Douma was quiet on Tuesday."],
        claims=[("chemical_attack", 1), ("chemical_attack", 2), ("call_to_action", 3)],
        mentions={"locations": {"Douma": [("Douma", 0), ("Douma", 0), ("Douma", 4)]}},
    ),
    claimed(
        "c03", "Khan Sheikhoun",
        ["Residents of Khan Sheikhoun and people across Khan Sheikhoun buried their dead.",
         "A nerve agent killed dozens, rescuers said.",
         "Sarin was dropped on Khan Sheikhoun by jets at dawn."],
        claims=[("chemical_attack", 1), ("chemical_attack", 2)],
        mentions={"locations": {"Khan Sheikhoun": [("Khan Sheikhoun", 0), ("Khan Sheikhoun", 0), ("Khan Sheikhoun", 2)]}},
    ),
    # the body repeats the title, a claim of its own (the title's claim comes first)
    claimed(
        "c04", "Chlorine attack on Saraqib",
        ["Chlorine attack on Saraqib.",
         "Residents said the regime dropped chlorine on Saraqib overnight."],
        claims=[("chemical_attack", 1)],
        mentions={},
        date="2017-06-01",
    ),
]
# c04's title makes a claim too: first in text order, as extraction gives it
CLAIM_CORPUS[3][0]["claims"].insert(0, {"type": "chemical_attack", "types": ["chemical_attack"],
                                        "sentence": "Chlorine attack on Saraqib", "actors": [], "locations": []})
