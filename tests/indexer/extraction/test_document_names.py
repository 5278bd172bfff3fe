"""A place opening a capitalised document's or programme's name (``the Beijing
Platform for Action``, ``the Durban Programme of Action``, ``the Doha Agenda``)
names the document, not a place of the statement (CONVENTIONS.md: a place
inside a name), as ``the Dayton accords`` do (stop 35)."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("The ministers recalled the Beijing Platform for Action.", "Beijing"),
        ("States reaffirmed the Durban Programme of Action against racism.", "Durban"),
        ("Talks on the Doha Agenda stalled again.", "Doha"),
        ("The commission meets the Paris Principles on national institutions.", "Paris"),
        ("Delegates adopted the Bali Roadmap on climate.", "Bali"),
    ],
)
def test_place_opening_a_documents_name_is_no_place(gaz: Gazetteer, text: str, unexpected: str) -> None:
    assert unexpected not in extract(Statement("x", "", text, "p"), gaz).locations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lower-case word is the statement's own noun: the place stays
        ("The WFP said its programme in Beijing would close.", "Beijing"),
        ("Leaders met in Doha. The agenda covered the war.", "Doha"),
    ],
)
def test_place_before_an_ordinary_noun_stays(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in extract(Statement("x", "", text, "p"), gaz).locations
