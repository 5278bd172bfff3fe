"""``claim:( ... )`` groups, ``by:`` and the ``by`` facet over an index built by extraction (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.writing.write import index_paths
from query import QueryError, Searcher
from query.parse import parse_query

STATEMENTS = {
    # bombardment by Russia in one claim, killing by the Assad regime in another
    "two.txt": "# Two claims\n\nRussia and Iran met in Sochi on Monday. Russian officials said nothing. "
               "Russia bombed Aleppo on Tuesday. The Assad regime killed twelve civilians in Homs.\n",
    # one claim: bombardment by the Assad regime in Homs
    "one.txt": "# One claim\n\nThe Assad regime shelled Homs again.\n",
    # Russia accuses Ukraine: Ukraine is by, Russia speaks
    "accuse.txt": "# Accusation\n\nRussia accused Ukraine of shelling the Zaporizhzhia nuclear plant.\n",
    # a denial: negated, and no bombardment claim
    "deny.txt": "# Denial\n\nMoscow rejected accusations that its jets bombed the market.\n",
    # the act of a state's forces (an actor part of the state: indexer.extraction.national_forces)
    "forces.txt": "# Forces\n\nRussian jets bombed a hospital in Idlib on Friday.\n",
}


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    root = tmp_path_factory.mktemp("roles")
    folder = root / "in"
    folder.mkdir()
    for name, text in STATEMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    index_paths([folder], root / "ix")
    return Searcher(root / "ix")


def _titles(searcher: Searcher, query: str) -> set[str]:
    return {hit.title for hit in searcher.search(query, limit=50).hits}


@pytest.mark.parametrize("query, titles", [
    ('claim:(bombardment AND by:Russia)', {"Two claims", "Forces"}),
    ('claim:(killing AND by:"Assad regime")', {"Two claims"}),
    # the one-claim semantics: the bombardment is Russia's, the killing the regime's
    ('claim:(bombardment AND by:"Assad regime")', {"One claim"}),
    ('claim:(killing AND by:Russia)', set()),
    ('claim:(bombardment) AND claim:(by:"Assad regime")', {"Two claims", "One claim"}),
    ('claim:(bombardment AND by:"Assad regime" AND in:Homs)', {"One claim"}),
    ('claim:(by:"Assad regime" AND in:Homs)', {"Two claims", "One claim"}),
    ('claim:(bombardment AND in:Homs)', {"One claim"}),
    ('claim:((killing OR bombardment) AND in:Aleppo)', {"Two claims"}),
    ('claim:(bombardment NOT by:Russia)', {"One claim", "Accusation"}),
    # reported accusations: by the accused, spoken by the accuser
    ('by:Ukraine', {"Accusation"}),
    # a state's forces act for it: by:Russia finds them, by:"Russian Armed Forces" only them
    ('by:Russia', {"Two claims", "Forces"}),
    ('claim:(bombardment AND by:Russia AND in:Idlib)', {"Forces"}),
    ('by:"Russian Armed Forces"', {"Forces"}),
    # the kinds an act targets (indexer.extraction.targets): against, in the one claim
    ('claim:(killing AND against:civilians)', {"Two claims"}),
    ('claim:(bombardment AND against:hospitals)', {"Forces"}),
    ('claim:(bombardment AND against:civilians)', set()),
    ('claim:(bombardment AND by:"Russian military")', {"Forces"}),
    ('claim:(speaker:Russia AND by:Ukraine)', {"Accusation"}),
    ('claim:(by:Russia AND speaker:Russia)', set()),
    ('by:assad*', {"Two claims", "One claim"}),
    # denials are kept apart unless asked for
    ('claim:(responsibility_attribution AND speaker:Russia)', {"Accusation"}),
    ('claim:(negated:true AND speaker:Russia)', {"Denial"}),
])
def test_claim_groups(searcher: Searcher, query: str, titles: set[str]) -> None:
    assert _titles(searcher, query) == titles


def test_actor_of_a_state_finds_its_forces(searcher: Searcher) -> None:
    assert "Forces" in _titles(searcher, "actor:Russia")
    assert "Two claims" not in _titles(searcher, 'actor:"Russian Armed Forces"')


def test_by_facet_counts_agents(searcher: Searcher) -> None:
    facet = searcher.search("claim:bombardment", facets=("by",)).facets["by"]
    # statements counted once per agent of any of their claims
    assert dict(facet.values) == {"Russia": 1, "Assad regime": 2, "Ukraine": 1, "Russian Armed Forces": 1}


def test_hits_carry_roles_with_evidence(searcher: Searcher) -> None:
    (hit,) = searcher.search("claim:(bombardment AND in:Homs)").hits
    claim = hit.to_json()["claims"] if hasattr(hit, "to_json") else None
    claims = claim if claim is not None else hit.claims
    (shelled,) = [c for c in claims if "shelled" in c["sentence"]]
    assert [(r["name"], r["text"]) for r in shelled["by"]] == [("Assad regime", "The Assad regime")]
    assert [r["name"] for r in shelled["in"]] == ["Homs"] and shelled["negated"] is False


@pytest.mark.parametrize("query, fragment, position", [
    ("claim:(bombardment AND perp:Russia)", "unknown field 'perp:'", 23),
    ("claim:(bombardment AND actor:Russia)", "actor: cannot be used inside claim:( ... )", 23),
    ("claim:(bombardment AND negated:maybe)", "negated: takes true or false", 31),
    ("negated:true", "only works inside claim:( ... )", 8),
    ("in:idl*", "in: accepts no '*'", 3),
    ("claim:(by:)", "by: needs a value after it", 10),
])
def test_claim_group_errors(query: str, fragment: str, position: int) -> None:
    with pytest.raises(QueryError) as info:
        parse_query(query)
    assert fragment in str(info.value) and info.value.position == position


def test_old_index_without_role_fields_finds_nothing(searcher: Searcher, tmp_path: Path) -> None:
    """A group on an index whose schema has no role fields matches nothing (no error)."""
    from whoosh.fields import Schema
    from indexer.schema import build_schema, ROLE_FIELDS

    schema = build_schema()
    old = Schema(**{name: schema[name] for name in schema.names() if name not in ROLE_FIELDS})
    assert "claim_by" not in old and "claim_roles_of" not in old
    from indexer.writing.prepare import fit_to_schema
    doc = {"claim_by": "russia", "claim_roles": "in|homs", "claim_roles_of": b"", "id": "x"}
    assert fit_to_schema(doc, old) == {"id": "x"}


def test_a_regime_stands_for_its_forces(tmp_path: Path) -> None:
    """``by:"Assad regime"`` finds what its forces did (``Syrian Armed Forces``
    is part of the regime as of Syria, ``indexer/data/actors.tsv``); the forces
    stay narrow."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "forces.txt").write_text("# Forces\n\nSyrian army helicopters dropped barrel bombs on Homs in Syria.\n",
                                       encoding="utf-8")
    (folder / "regime.txt").write_text("# Regime\n\nThe Assad regime shelled Hama in Syria.\n", encoding="utf-8")
    index_paths([folder], tmp_path / "ix")
    with Searcher(tmp_path / "ix") as searcher:
        assert _titles(searcher, 'claim:(bombardment AND by:"Assad regime")') == {"Forces", "Regime"}
        assert _titles(searcher, 'by:"Syrian Armed Forces"') == {"Forces"}
        assert _titles(searcher, "by:Syria") == {"Forces", "Regime"}
