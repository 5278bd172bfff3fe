"""Claims without the taxonomy's usual verbs (issue 18, item 7): lives lost,
calls in the passive or through what someone wants."""

from __future__ import annotations

import pytest

from indexer.extraction.claims import claim_types_and_triggers_of


def types(sentence: str) -> list[str]:
    found, _ = claim_types_and_triggers_of(sentence, [(0, len(sentence))])
    return list(found[0])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The vacuum resulted in the estimated loss of 1 million lives.", "killing"),
        ("2023 has been the deadliest year for civilians in a decade.", "killing"),
        ("Those armed groups should be neutralized and disarmed.", "call_to_action"),
        ("Bolder action is required to uproot them.", "call_to_action"),
        ("The UN wants the administration to release them immediately.", "call_to_action"),
        ("We have to offer urgently needed humanitarian aid.", "call_to_action"),
    ],
)
def test_claims_without_usual_triggers(sentence: str, expected: str) -> None:
    assert expected in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It should be noted that the meeting ended early.",
        "We have to be honest about the figures.",
    ],
)
def test_no_call_without_one(sentence: str) -> None:
    assert "call_to_action" not in types(sentence)
