"""Search semantics, ranking order, facets, the JSON contract, get/stats."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from query import QueryError, Searcher
from tests.query.conftest import build_index, statement


def ids(searcher: Searcher, text: str, **kwargs: object) -> set[str]:
    return {h.id for h in searcher.search(text, limit=100, **kwargs).hits}  # type: ignore[arg-type]


@pytest.mark.parametrize(("a", "b"), [("barrel", "bombs"), ("bombing", "aleppo"), ("regime", "siege")])
def test_and_is_subset_of_each_side(searcher: Searcher, a: str, b: str) -> None:
    both = ids(searcher, f"{a} AND {b}")
    assert both <= ids(searcher, a) and both <= ids(searcher, b)
    assert both == ids(searcher, f"{a} {b}")  # AND is the default
    assert ids(searcher, f"{a} OR {b}") == ids(searcher, a) | ids(searcher, b)
    assert ids(searcher, f"{a} {b}", default_operator="OR") == ids(searcher, f"{a} OR {b}")


def test_not_excludes(searcher: Searcher) -> None:
    assert ids(searcher, "bombs") == {"s01", "s02", "s03", "s05"}  # stems: bombing, bombed
    # s02 is *located* in Aleppo but its text does not say "Aleppo"
    assert ids(searcher, "bombs NOT aleppo") == {"s01", "s02", "s05"}
    assert ids(searcher, "bombs -aleppo") == {"s01", "s02", "s05"}
    assert ids(searcher, "bombs NOT location:aleppo") == {"s01", "s05"}
    assert ids(searcher, "NOT bombs") == {"s04", "s06", "s07", "s08"}


def test_phrase_is_subset_of_and_and_proximity(searcher: Searcher) -> None:
    phrase = ids(searcher, '"barrel bombs"')
    assert phrase == {"s01"}
    assert phrase <= ids(searcher, "barrel AND bombs") == {"s01", "s02"}
    # s02: "barrel full of old bombs" has two words (full, old) between
    assert ids(searcher, '"barrel bombs"~1') == {"s01"}
    assert ids(searcher, '"barrel bombs"~2') == {"s01", "s02"}
    # "... bombs exploded. Later a barrel ...": in order, two words between
    assert ids(searcher, '"bombs barrel"~2') == {"s02"}
    assert ids(searcher, '"bombs barrel"~1') == set()


def test_prefix_fuzzy_exact(searcher: Searcher) -> None:
    assert ids(searcher, "genoc*") == {"s05"}
    assert ids(searcher, "Darrya~") == {"s01", "s05"}  # Darayya and Dara'a: two edits
    assert ids(searcher, "Darrya~1") == set()
    assert ids(searcher, "Darayyah~1") == {"s05"}
    assert ids(searcher, "=bombing") == {"s03", "s05"}
    assert ids(searcher, "bombing") == {"s01", "s02", "s03", "s05"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date:2016", {"s01", "s02", "s03", "s07", "s08"}),
        ("date:2016-02", {"s01"}),
        ("date:2016-02-08", {"s01"}),
        ("date:[2016-01-01 TO 2016-03-31]", {"s01", "s02", "s03"}),  # both bounds inclusive
        ("date:[2016-01-02 TO 2016-03-30]", {"s01"}),
        ("date:[2016 TO 2017]", {"s01", "s02", "s03", "s05", "s07", "s08"}),
        ("date:{2015 TO 2017}", {"s01", "s02", "s03", "s07", "s08"}),
        ("date:[* TO 2015]", {"s06"}),
        ("date:[2017 TO *]", {"s05"}),
        ("date:>2016-01-01", {"s01", "s02", "s05", "s07", "s08"}),
        ("date:>=2016-01-01", {"s01", "s02", "s03", "s05", "s07", "s08"}),
        ("date:<2016", {"s06"}),
        ("date:<=2016-01-01", {"s03", "s06"}),
    ],
)
def test_date_bounds(searcher: Searcher, text: str, expected: set[str]) -> None:
    assert ids(searcher, text) == expected


def test_aliases_resolve_through_gazetteer(searcher: Searcher) -> None:
    daraa = ids(searcher, "location:Daraa")
    assert daraa == {"s01"}
    assert ids(searcher, "location:Deraa") == daraa
    assert ids(searcher, "location:\"Dara'a\"") == daraa
    assert ids(searcher, 'actor:"Syrian regime"') == ids(searcher, 'actor:"Assad regime"') == {"s01", "s04"}
    assert ids(searcher, "location:Atlantis") == set()


def test_claim_field_forms(searcher: Searcher) -> None:
    assert ids(searcher, 'claim:"ethnic cleansing"') == ids(searcher, "claim:ethnic_cleansing") == {"s04"}
    assert ids(searcher, "claims:starvation") == {"s06"}  # text of claim sentences
    assert ids(searcher, "claims:market") == set()


def test_claims_text_is_only_claim_sentences(searcher: Searcher) -> None:
    # s01's second sentence is not a claim: its words are in body, not claims.
    assert ids(searcher, "fled") == {"s01"}
    assert ids(searcher, "claims:fled") == set()
    assert ids(searcher, "claims:barrel") == {"s01"}  # s02 has barrels but no claim
    assert ids(searcher, 'claims:"barrel bombs"') == {"s01"}
    assert ids(searcher, 'claims:"civilians fled"') == set()
    assert ids(searcher, "claims:starv*") == {"s06"}
    assert ids(searcher, "claims:(genocide AND darayya)") == {"s05"}
    # "bomb" is in the claims of s01 and s03; s05 says "Bombed" only outside its claim.
    assert ids(searcher, "claims:bombed") == {"s01", "s03"}
    assert ids(searcher, "bombed AND NOT claims:bombed") == {"s02", "s05"}


def test_repeated_words_count(searcher: Searcher) -> None:
    once = searcher.search("aleppo OR genocide").hits
    many = searcher.search("aleppo OR genocide genocide genocide genocide").hits
    assert {h.id: h.score for h in many}["s05"] > {h.id: h.score for h in once}["s05"]


def test_sorting_and_ties(searcher: Searcher) -> None:
    twins = searcher.search("chlorine").hits
    assert [h.id for h in twins] == ["s07", "s08"]  # equal scores: by id
    assert twins[0].score == twins[1].score
    newest = [h.id for h in searcher.search("NOT chlorine", sort="newest", limit=100).hits]
    assert newest == ["s05", "s02", "s01", "s03", "s06", "s04"]  # undated last
    oldest = [h.id for h in searcher.search("NOT chlorine", sort="oldest", limit=100).hits]
    assert oldest == ["s06", "s03", "s01", "s02", "s05", "s04"]


def test_limit_offset_paging(searcher: Searcher) -> None:
    everything = [h.id for h in searcher.search("NOT zzz", limit=100).hits]
    pages = [h.id for o in range(0, 8, 3) for h in searcher.search("NOT zzz", limit=3, offset=o).hits]
    assert pages == everything and len(everything) == 8
    page = searcher.search("NOT zzz", limit=3, offset=3)
    assert page.total == 8 and [h.rank for h in page.hits] == [4, 5, 6]
    assert searcher.search("NOT zzz", limit=0).hits == []


FACET_FIELD = {"actor": "actor", "location": "location", "claim": "claim", "publisher": "publisher"}


@pytest.mark.parametrize("text", ["bombs", "NOT zzz", "regime OR aleppo"])
def test_facet_counts_match_filtered_searches(searcher: Searcher, text: str) -> None:
    results = searcher.search(text, limit=1, facets=("actor", "location", "claim", "publisher", "year"))
    assert results.facets is not None
    for name, facet in results.facets.items():
        assert facet.values == sorted(facet.values, key=lambda kv: (-kv[1], kv[0]))
        for value, count in facet.values:
            clause = f"date:{value}" if name == "year" else f'{name}:"{value}"'
            assert searcher.search(f"({text}) AND {clause}", limit=0).total == count, (name, value)


def test_facet_display_names(searcher: Searcher) -> None:
    facets = searcher.search("NOT zzz", facets=("actor",)).facets
    assert facets is not None
    assert facets["actor"].values == [("Assad regime", 2), ("Russia", 2)]


def test_histogram(searcher: Searcher) -> None:
    by_month = searcher.search("NOT zzz", histogram="month")
    assert by_month.histogram is not None
    assert by_month.histogram[0] == ("2015-12", 1)
    assert by_month.histogram[-1] == ("2017-12", 1)
    assert len(by_month.histogram) == 25  # gaps filled
    assert sum(c for _p, c in by_month.histogram) + by_month.undated == by_month.total
    by_year = searcher.search("NOT zzz", histogram="year").histogram
    assert by_year == [("2015", 1), ("2016", 5), ("2017", 1)]


def test_json_contract(searcher: Searcher) -> None:
    data = searcher.search('"barrel bombs"').to_json()
    assert set(data) == {"query", "total", "total_statements", "grouped", "hits"}
    hit = data["hits"][0]
    assert list(hit) == ["id", "title", "date", "publisher", "url", "score", "snippet", "snippets",
                         "actors", "locations", "claims", "copies", "news_source"]
    assert hit["date"] == "2016-02-08" and hit["actors"] == ["Assad regime"]
    assert set(hit["claims"][0]) == {"type", "types", "sentence", "actors", "locations",
                                     "by", "against", "in", "speaker", "negated"}
    assert "[[barrel bombs]]" in hit["snippet"]
    extended = searcher.search("NOT zzz", offset=2, facets=("year",), histogram="year").to_json()
    assert {"offset", "limit", "facets", "histogram"} <= set(extended)
    assert extended["facets"]["year"][0] == ["2016", 5]
    undated = [h for h in searcher.search("homs").to_json()["hits"]][0]
    assert undated["date"] is None


def test_get_and_stats(searcher: Searcher) -> None:
    record = searcher.get("s01")
    assert record is not None
    assert record["body"].startswith("Regime forces") and record["evidence"]["locations"]["Daraa"]
    assert searcher.get("nope") is None
    stats = searcher.stats()
    assert stats["statements"] == 8
    assert (stats["first_date"], stats["last_date"], stats["undated"]) == ("2015-12-31", "2017-12-31", 1)
    assert stats["publishers"][0] == ["Syrian Coalition", 6]
    assert stats["actors"][0] == ["Assad regime", 2] and stats["index_bytes"] > 0


def test_bad_arguments(searcher: Searcher) -> None:
    for kwargs in ({"sort": "random"}, {"limit": -1}, {"facets": ("colour",)}, {"histogram": "week"}):
        with pytest.raises(ValueError):
            searcher.search("siege", **kwargs)  # type: ignore[arg-type]


def test_threads_share_one_searcher(index_dir: Path) -> None:
    errors: list[BaseException] = []
    totals: list[int] = []
    with Searcher(index_dir) as shared:
        def work() -> None:
            try:
                for _ in range(20):
                    totals.append(shared.search("bombs", facets=("actor",)).total)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not errors and set(totals) == {4}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list('ab "()*~=-:[]{}<>\\é\n') + ["AND", "OR", "NOT", "date:", "title:", "actor:", "2016", "bombs"]),
                max_size=20).map("".join)
       | st.text(max_size=60))
def test_random_strings_give_results_or_query_error(searcher: Searcher, text: str) -> None:
    try:
        results = searcher.search(text, limit=3, facets=("actor",), histogram="year")
    except QueryError as exc:
        assert 0 <= exc.position <= len(text)
    else:
        assert results.total >= len(results.hits)


def test_a_word_in_every_statement_still_scores_visibly(tmp_path: Path) -> None:
    # A small collection (the README's one-statement quick start, a
    # researcher's folder on one conflict) has words in most statements; their
    # matches must not all score 0.000 (an idf floored near zero did that).
    from tests.query.conftest import build_index, statement

    corpus = [statement("a", "Shelling of Douma", "Regime forces shelled Douma again."),
              statement("b", "Douma besieged", "Douma is under siege by regime forces.")]
    (tmp_path / "ix").mkdir()
    with Searcher(build_index(tmp_path / "ix", corpus)) as small:
        hits = small.search("douma").hits
        assert len(hits) == 2 and all(h.score >= 0.01 for h in hits)


def test_keyword_prefix_matches_any_word_of_a_name(tmp_path: Path) -> None:
    """Issue 20: ``actor:assad*`` missed *Bashar al-Assad*."""
    corpus = [
        statement("p1", "Speech", "Bashar al-Assad spoke.", actors=("Bashar al-Assad",)),
        statement("p2", "Regime", "The regime shelled it.", actors=("Assad regime",)),
        statement("p3", "Other", "Not him: Massad Boulos.", actors=("Massad Boulos",), locations=("Deir ez-Zor",)),
        statement("p4", "City", "In Zorava.", locations=("Zorava",)),
    ]
    with Searcher(build_index(tmp_path, corpus)) as searcher:
        assert ids(searcher, "actor:assad*") == {"p1", "p2"}  # a word start, not any substring (Massad)
        assert ids(searcher, "actor:bash*") == {"p1"}
        assert ids(searcher, "actor:al-ass*") == {"p1"}
        assert ids(searcher, "location:zor*") == {"p3", "p4"}  # after a hyphen too
        assert ids(searcher, "actor:boulos* OR actor:bashar*") == {"p1", "p3"}
