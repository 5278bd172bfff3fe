"""``location:X AND claim:T`` ranks statements whose claims of type T name X,
or a place inside X, in their sentence (issue 21, item 5).

The role bonus counted a name only where it held a role (``in``, ``by``...);
roles are filled where the grammar is sure, so a detention "in Minsk" stated
without a locative cue gave Belarus nothing. A claim's sentence naming the
place, or a place inside it, now counts as well.
"""

from __future__ import annotations

import json

import pytest

from indexer.extraction.centrality import name_weights
from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement, place_parents
from indexer.schema import claim_role_fields
from indexer.writing.write import index_paths
from query import Searcher

STATEMENTS = [
    # Belarus named more often, but its detentions are elsewhere
    {"id": "a-belarus-elsewhere", "title": "Belarus and its neighbours",
     "body": "Officials in Belarus held talks with Lithuania. The talks in Belarus went well. "
             "Officials in Belarus were pleased. Police detained twenty activists in Vilnius."},
    # one detention, in the sentence that names Minsk (a place in Belarus)
    {"id": "b-detained-in-minsk", "title": "Trade news",
     "body": "Officials in Belarus held talks with Lithuania. Police detained twenty activists in Minsk on Monday."},
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    root = tmp_path_factory.mktemp("mentions")
    source = root / "statements.jsonl"
    source.write_text("\n".join(json.dumps(s) for s in STATEMENTS), encoding="utf-8")
    index_paths([source], root / "ix")
    return Searcher(root / "ix")


def test_a_place_named_in_the_claim_sentence_ranks_it(searcher: Searcher) -> None:
    assert searcher.search("location:Belarus").hits[0].id == "a-belarus-elsewhere"
    hits = searcher.search("location:Belarus AND claim:detention").hits
    assert [h.id for h in hits] == ["b-detained-in-minsk", "a-belarus-elsewhere"]


def test_claim_terms_name_the_places_a_sentence_mentions_and_their_parents() -> None:
    record = {"places": {"Minsk": {"kind": "city", "country": "Belarus"}},
              "evidence": {"locations": {"Belarus": [{"inferred_from": "Minsk"}]}}}
    claims = [{"types": ["detention"], "actors": ["Belarusian police"], "locations": ["Minsk"]}]
    (line,) = claim_role_fields(claims, place_parents(record))["claim_roles_of"].decode().split("\n")
    assert set(line.split("\t")) == {"type|detention", "actor|belarusian police", "location|minsk",
                                     "location|belarus"}


def test_a_named_province_keeps_the_towns_inside_it() -> None:
    """Named too, a province still contains its towns: a strike in Saraqib is one in
    Idlib (the claim terms), while Idlib's weight stays its own mentions."""
    statement = Statement(id="p", source="s", title="Fighting in Idlib",
                          body="Idlib province has been shelled for weeks. On Monday jets struck Saraqib, killing nine.")
    statement.extraction = extract(statement, Gazetteer.load())
    record = statement.to_json()
    assert "Idlib" in place_parents(record).get("Saraqeb", ())
    assert name_weights(statement.extraction.evidence["locations"])["idlib"] == 4.0  # title 2, a lead mention 1 + 1
