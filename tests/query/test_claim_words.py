"""A word beside a claim type ranks by the claims it is part of (``query._claimwords``).

``claim:bombardment AND hospital`` asks for strikes on hospitals: a word that
names a kind of target counts the claims of the type that target that kind
(``against:hospitals``), whatever its rarity and however often the statement
repeats it elsewhere; other words count the claims whose sentence holds them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from query import Searcher
from query.vector import Evaluator
from tests.query.statements import index_statements
from tests.query.whoosh_reference import whoosh_scores

STATEMENTS = [
    # the hospital is what the strike hit, once
    {"id": "a-struck", "title": "Strike in Idlib",
     "body": "Warplanes struck a hospital in Idlib on Monday. Residents were shocked."},
    # strikes elsewhere; the wounded were taken to a hospital, named three times
    {"id": "b-treated", "title": "Strike in Idlib",
     "body": "Air strikes hit a market in Idlib on Monday and the wounded were taken to hospital. "
             "The hospital was full. A hospital director described the scene."},
    # a clinic (a rarer word) where the wounded were treated, after strikes
    {"id": "c-clinic", "title": "Raids near Damascus",
     "body": "Air strikes killed nine people in Douma and the wounded were carried to a clinic. "
             "At the clinic doctors worked through the night. The clinic ran out of blood."},
    {"id": "d-car-bomb", "title": "Blast in Qamishli",
     "body": "A car bomb killed twelve people in Qamishli on Friday. Officials met in Damascus."},
    {"id": "e-car-bomb-aside", "title": "Talks in Geneva",
     "body": "Rebels killed two soldiers near Homs. Diplomats in Geneva spoke of a car bomb last year."},
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return index_statements(tmp_path_factory.mktemp("claimwords"), STATEMENTS)


def _ids(index: Path, query: str) -> list[str]:
    with Searcher(index) as searcher:
        return [str(h.id) for h in searcher.search(query, all_copies=True).hits]


def test_a_struck_hospital_outranks_one_that_treats_the_wounded(index: Path) -> None:
    assert _ids(index, "claim:bombardment AND hospital")[0] == "a-struck"


def test_a_rare_word_treating_the_wounded_does_not_outrank_a_struck_hospital(index: Path) -> None:
    assert _ids(index, "claim:bombardment AND (hospital OR clinic)")[0] == "a-struck"


def test_a_phrase_counts_in_the_claims_whose_sentence_holds_it(index: Path) -> None:
    assert _ids(index, 'claim:killing AND "car bomb"')[0] == "d-car-bomb"


@pytest.mark.parametrize("query", [
    "claim:bombardment AND hospital", "claim:bombardment AND (hospital OR clinic)",
    'claim:killing AND "car bomb"', "claim:killing AND (bomb OR soldiers)",
])
def test_the_evaluator_and_the_whoosh_reference_agree(index: Path, query: str) -> None:
    with Searcher(index) as searcher:
        view = searcher._view()
        plan = searcher.parse(query).plan
        got = Evaluator(view.searcher, view.vector()).run(plan)
        mine = {int(d): round(float(got.score[d]), 9) for d in np.flatnonzero(got.mask)}
        reference = {d: round(s, 9) for d, s in whoosh_scores(searcher, plan).items()}
    assert mine == reference and mine
