"""A claim group's roles rank by the claims that satisfy the whole group (issue 21, item 5).

Scored over the statement, ``by:X`` in ``claim:(T AND by:X)`` counted X's
claims of every type: a statement where X also kills and detains outranked
one as much about X's act of type T. Both statements below hold one
bombardment by Russia in the same place; the first also holds Russia's
killings and detentions.
"""

from __future__ import annotations

import json

import pytest

from indexer.writing.write import index_paths
from query import Searcher
from query._claimgroup import role_frequency

STATEMENTS = [
    {"id": "a-other-acts", "title": "Statement on Syria",
     "body": "Russia bombed Aleppo on Monday. Russia killed ten civilians in Homs. "
             "Russia executed three prisoners in Hama. Russia detained twenty activists in Idlib."},
    {"id": "b-one-act", "title": "Statement on Syria",
     "body": "Russia bombed Aleppo on Monday. Officials met in Geneva to discuss the talks, delegates said."},
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    root = tmp_path_factory.mktemp("grouproles")
    source = root / "statements.jsonl"
    source.write_text("\n".join(json.dumps(s) for s in STATEMENTS), encoding="utf-8")
    index_paths([source], root / "ix")
    return Searcher(root / "ix")


def test_the_by_role_counts_only_claims_of_the_group(searcher: Searcher) -> None:
    assert searcher.search("by:Russia").hits[0].id == "a-other-acts"  # Russia's acts of any type
    hits = searcher.search("claim:(bombardment AND by:Russia)").hits
    # Russia's other acts add nothing (nor, claim types being its scope, take anything away)
    scores = {h.id: h.score for h in hits}
    assert scores["a-other-acts"] == pytest.approx(scores["b-one-act"], rel=1e-9)


def test_a_role_in_the_title_and_lead_counts_as_a_by_name_does() -> None:
    title = frozenset({"type|bombardment", "by|russia", "at|title"})
    lead = frozenset({"type|bombardment", "by|russia", "at|lead"})
    later = frozenset({"type|bombardment", "by|russia"})
    other = frozenset({"type|bombardment", "by|turkey", "at|lead"})
    assert role_frequency([title, lead, later, other], "by|russia") == 2 + 2.0 + 1.0
    assert role_frequency([other], "by|russia") == 0
