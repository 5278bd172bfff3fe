"""Claim groups evaluated over every claim at once (``query._claimtable``,
issue 23): the same statements and scores as testing candidates one by one
and as Whoosh's own matchers (``tests/query/whoosh_reference.py``), over
mixed segments."""

from __future__ import annotations

from pathlib import Path
import numpy as np
import pytest

from indexer.writing.write import index_paths
from query import Searcher, vector
from query.vector import Evaluator
from tests.query.test_claim_roles_search import STATEMENTS
from tests.query.whoosh_reference import whoosh_scores

QUERIES = [
    "claim:(bombardment AND by:Russia)", 'claim:(killing AND by:"Assad regime")', "claim:(killing AND by:Russia)",
    'claim:(bombardment) AND claim:(by:"Assad regime")', "claim:((killing OR bombardment) AND in:Aleppo)",
    "claim:(bombardment NOT by:Russia)", "claim:(bombardment AND by:Russia AND in:Idlib)",
    "claim:(speaker:Russia AND by:Ukraine)", "claim:(killing AND by:assad*)", "claim:(negated:true AND speaker:Russia)",
    "claim:(NOT negated:true)", "claim:(by:Russia) OR claim:(in:Homs)", "bombed AND claim:(bombardment)",
    # the role bonus of a name and a claim type (issue 21 item 5)
    "actor:Russia AND claim:bombardment", "location:Homs AND claim:bombardment", "actor:Russia AND claim:(bombardment)",
]


@pytest.fixture(scope="module")
def mixed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Statements without claims in the first segments (no column file),
    then statements with claims."""
    root = tmp_path_factory.mktemp("claimtable")
    folder = root / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"calm{i}.txt").write_text(f"# Calm {i}\n\nDiplomats met in Geneva on day {i}.\n", encoding="utf-8")
    index_paths([folder], root / "ix")
    for name, text in STATEMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    index_paths([folder], root / "ix")
    (folder / "late.txt").write_text("# Late\n\nRussian aircraft bombed Idlib again.\n", encoding="utf-8")
    index_paths([folder], root / "ix")
    return root / "ix"


def _results(index: Path, query: str) -> dict[int, float]:
    with Searcher(index) as searcher:
        view = searcher._view()
        got = Evaluator(view.searcher, view.vector()).run(searcher.parse(query).plan)
        return {int(d): round(float(got.score[d]), 9) for d in np.flatnonzero(got.mask)}


def _whoosh_results(index: Path, query: str) -> dict[int, float]:
    with Searcher(index) as searcher:
        return {d: round(s, 9) for d, s in whoosh_scores(searcher, searcher.parse(query).plan).items()}


@pytest.mark.parametrize("query", QUERIES)
def test_table_candidates_and_whoosh_agree(mixed_index: Path, query: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vector, "FEW_CANDIDATES", -1)  # always the table
    table = _results(mixed_index, query)
    monkeypatch.setattr(vector, "FEW_CANDIDATES", 10**9)  # always one by one
    one_by_one = _results(mixed_index, query)
    assert table == one_by_one == _whoosh_results(mixed_index, query)


def test_the_table_lines_up_claims_with_statements_across_segments(mixed_index: Path) -> None:
    from query._claimtable import ClaimTable

    with Searcher(mixed_index) as searcher:
        view = searcher._view()
        reader = view.searcher.reader()
        table = ClaimTable.build(reader, reader.doc_count_all())
        ids = [reader.stored_fields(int(d))["id"] for d in table.claim_doc[table.holding(["by|ukraine"])]]
        titles = {searcher.get(i)["title"] for i in ids}  # type: ignore[index]
    assert titles == {"Accusation"}
    assert not table.holding(["type|no_such_type"]).any()
