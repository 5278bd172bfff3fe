"""Flight with an auxiliary or an attempt between the people and the verb (indexer.extraction.flight_forms)."""

from __future__ import annotations

import pytest

from indexer.extraction.claims import claim_types


@pytest.mark.parametrize("sentence", [
    "Abdel Rahman said the civilians were fleeing the village of Mahkan south of Al Mayadeen.",
    "Thousands of civilians were fleeing the town as the army advanced.",
    "Families are fleeing Raqqa on foot.",
    "Jets killed at least 60 civilians trying to flee heavy fighting in the province.",
    "Residents had already fled when the militants arrived.",
])
def test_flight_after_an_auxiliary_is_displacement(sentence: str) -> None:
    assert "displacement" in claim_types(sentence)


@pytest.mark.parametrize("sentence", [
    "People are free to flee if they wish, the minister said.",
    "Residents were not able to flee the town.",
    "Civilians were prevented from fleeing the city.",
])
def test_no_flight_is_no_displacement(sentence: str) -> None:
    """Controls: a right to flee, a flight that could not or did not happen."""
    assert "displacement" not in claim_types(sentence)
