"""A sharded index searches as one index over the same statements (issue 22):
the same ids in the same order, totals, scores (to 1e-9 relative),
snippets, copies, claims, facets and histograms, for generated queries over
a generated corpus split into 1, 2 and 3 shards."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.storage.shards import read_layout, shard_of
from indexer.writing.shards import index_sharded
from indexer.writing.write import index_paths
from query import FACETS, QueryError, SearchResults, Searcher, ShardedSearcher, open_searcher
from tests.conftest import SHARED
from tests.query.shard_corpus import ACTORS, PLACES, WORDS, generate, write_files

SHARD_COUNTS = (1, 2, 3)
#: Matches every statement of the corpus (each has words of WORDS).
EVERYTHING = " OR ".join(WORDS)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """One index (key 0) and sharded indexes of 1, 2 and 3 shards of the same files."""
    root = tmp_path_factory.mktemp("sharded")
    files = write_files(root / "input", generate(7, 260))
    out = {0: root / "one"}
    index_paths(files, out[0])
    for count in SHARD_COUNTS:
        out[count] = root / f"shards-{count}"
        index_sharded(files, out[count], count)
    return out


@pytest.fixture(scope="module")
def searchers(built: dict[int, Path]) -> Any:
    opened = {count: open_searcher(path) for count, path in built.items()}
    yield opened
    for searcher in opened.values():
        searcher.close()


def _without_scores(results: SearchResults) -> dict[str, Any]:
    out = results.to_json()
    for hit in out["hits"]:
        del hit["score"]
    return out


def assert_same(one: SearchResults, sharded: SearchResults) -> None:
    """Everything equal but the scores, which are equal to 1e-9 relative."""
    assert _without_scores(sharded) == _without_scores(one)
    for a, b in zip(one.hits, sharded.hits):
        assert b.score == pytest.approx(a.score, rel=1e-9, abs=1e-12), a.id


def search_both(searchers: dict[int, Any], count: int, query: str, **kwargs: Any) -> None:
    try:
        expected = searchers[0].search(query, **kwargs)
    except QueryError as exc:
        with pytest.raises(QueryError) as raised:
            searchers[count].search(query, **kwargs)
        assert str(raised.value) == str(exc)
        return
    assert_same(expected, searchers[count].search(query, **kwargs))


def test_the_corpus_is_split_and_copies_span_shards(built: dict[int, Path], searchers: dict[int, Any]) -> None:
    one, three = searchers[0], searchers[3]
    assert isinstance(one, Searcher) and isinstance(three, ShardedSearcher)
    assert read_layout(built[3]).count == 3
    sizes = [s.stats()["statements"] for s in three.shards]
    assert sum(sizes) == one.stats()["statements"] == 260 and min(sizes) > 0
    # Each statement is in the shard its id routes to.
    for number, shard in enumerate(three.shards):
        hits = shard.search(EVERYTHING, limit=1000, all_copies=True, snippets=0).hits
        assert {shard_of(h.id, 3) for h in hits} == {number}
    # Some groups of copies have members in several shards (what makes grouping global).
    grouped = one.search(EVERYTHING, limit=1000, snippets=0).hits
    spanning = [h for h in grouped if len({shard_of(c["id"], 3) for c in h.copies} | {shard_of(h.id, 3)}) > 1]
    assert spanning


# -- generated queries ------------------------------------------------------------
_word = st.sampled_from([*WORDS, "shel*", "bomb*", "s*ge", "hospitl~", "Aleppo~1", "=shelled", "zzzunknown"])
_field_word = st.builds(lambda f, w: f + w, st.sampled_from(["", "", "title:", "body:", "claims:"]), _word)
_filter = st.sampled_from([
    *(f'actor:"{a}"' for a in ACTORS), *(f"location:{p}" for p in PLACES), "claim:bombardment", "claim:siege",
    "date:2016", "date:2015-03", "date:[2015-06 TO 2016-06]", "date:>=2017", "publisher:Agency", "by:Russia",
    "in:Idlib", "claim:(bombardment AND by:Turkey)", "against:Iran", "actor:russ*",
])
_phrase = st.builds(lambda a, b, d: f'"{a} {b}"' + (f"~{d}" if d else ""), st.sampled_from(WORDS),
                    st.sampled_from(WORDS), st.sampled_from([0, 0, 2, 5]))
_atom = st.one_of(_field_word, _field_word, _filter, _phrase)


def _combine(parts: list[str], joiner: str, negate: bool) -> str:
    text = joiner.join(parts)
    return f"NOT ({text})" if negate and len(parts) > 1 else (f"-{text}" if negate else text)


_query = st.recursive(
    _atom,
    lambda inner: st.builds(lambda parts, joiner, neg: "(" + _combine(parts, joiner, neg) + ")",
                            st.lists(inner, min_size=1, max_size=3), st.sampled_from([" ", " AND ", " OR "]),
                            st.booleans()),
    max_leaves=5,
).map(lambda q: q + " siege" if q.startswith("(NOT") or q.startswith("(-") else q)

_options = st.fixed_dictionaries({
    "limit": st.sampled_from([0, 3, 10, 40]),
    "offset": st.sampled_from([0, 0, 2, 9]),
    "sort": st.sampled_from(["relevance", "relevance", "newest", "oldest"]),
    "default_operator": st.sampled_from(["AND", "OR"]),
    "all_copies": st.booleans(),
    "histogram": st.sampled_from([None, "month", "year"]),
    "snippets": st.sampled_from([0, 1, 2]),
})


@pytest.mark.parametrize("count", SHARD_COUNTS)
@settings(max_examples=70, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=_query, options=_options)
def test_sharded_search_equals_one_index(searchers: dict[int, Any], count: int, query: str,
                                         options: dict[str, Any]) -> None:
    search_both(searchers, count, query, facets=tuple(FACETS), **options)


FIXED = ["siege", "siege hospital market", "title:siege body:convoy", '"forces regime"~3', "shel*",
         "hospitl~", "claims:shelled", "actor:Russia", "location:Aleppo OR location:Idlib", EVERYTHING,
         "claim:(bombardment AND by:Russia)", "NOT siege", "date:[2016 TO 2017]"]


@pytest.mark.parametrize("count", SHARD_COUNTS)
@pytest.mark.parametrize("query", FIXED)
def test_fixed_queries_equal_one_index_in_every_order(searchers: dict[int, Any], count: int, query: str) -> None:
    for sort, all_copies, snippets in (("relevance", False, 2), ("relevance", True, 0), ("newest", True, 0),
                                       ("oldest", False, 0)):
        search_both(searchers, count, query, limit=300, sort=sort, all_copies=all_copies,
                    default_operator="OR", facets=tuple(FACETS), histogram="month", snippets=snippets)


def test_get_and_stats_equal_one_index(searchers: dict[int, Any]) -> None:
    one = searchers[0]
    ids = [h.id for h in one.search(EVERYTHING, limit=1000, all_copies=True, snippets=0).hits]
    for count in SHARD_COUNTS:
        sharded = searchers[count]
        for statement_id in ids:
            assert sharded.get(statement_id) == one.get(statement_id), statement_id
        assert sharded.get("no-such-id") is None
        stats, expected = sharded.stats(), one.stats()
        for key in ("statements", "first_date", "last_date", "undated", "publishers", "actors", "locations", "claims"):
            assert stats[key] == expected[key], key
        assert stats["shards"] == count


# -- the TIME collection's queries (developers' machines only) -----------------------
@pytest.fixture(scope="module")
def time_indexes(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """TIME as one index and as 3 shards, and its queries as bags of words."""
    from benchmarks.irdata import load_collection
    from benchmarks.ranking import bag_of_words

    folder = SHARED / "data" / "ir" / "time"
    if not folder.is_dir():
        pytest.skip("../shared/data/ir/time is absent (only developers' machines have it)")
    collection = load_collection(folder)
    root = tmp_path_factory.mktemp("time")
    docs = root / "docs.jsonl"
    with docs.open("w", encoding="utf-8") as out:
        for record in collection.docs:
            row = {"id": record.id, "title": record.title, "body": record.text or record.title}
            out.write(json.dumps({**row, "date": record.date} if record.date else row) + "\n")
    index_paths([docs], root / "one")
    index_sharded([docs], root / "three", 3)
    queries = [bag_of_words(collection.queries[q]) for q in collection.judged_queries()]
    with Searcher(root / "one") as one, ShardedSearcher(root / "three") as three:
        yield one, three, queries


@pytest.mark.slow
def test_time_queries_give_what_one_index_gives(time_indexes: Any) -> None:
    one, three, queries = time_indexes
    assert len(queries) > 50
    for query in queries:
        # Every hit (as the ranking benchmark takes them), then the first page with its snippets.
        for options in ({"limit": 1000, "snippets": 0}, {"limit": 10, "snippets": 2}):
            kwargs = {"default_operator": "OR", "facets": tuple(FACETS), "histogram": "year", **options}
            assert_same(one.search(query, **kwargs), three.search(query, **kwargs))


# -- words expanded over all shards ------------------------------------------------------
def _two_shards(root: Path, corpus: list[tuple[dict[str, Any], str]]) -> tuple[Path, Path]:
    """``corpus`` as one index and as 2 shards routed by id (no copies grouping)."""
    from indexer.storage.shards import ShardLayout, write_layout
    from tests.query.conftest import build_index

    layout = ShardLayout(root / "two", 2)
    write_layout(layout)
    for shard, directory in enumerate(layout.directories()):
        directory.mkdir()
        build_index(directory, [s for s in corpus if shard_of(s[0]["id"], 2) == shard])
    (root / "one").mkdir()
    return build_index(root / "one", corpus), layout.root


def _ids_routed(count: int, wanted: int, prefix: str) -> list[str]:
    return [i for i in (f"{prefix}{n}" for n in range(200)) if shard_of(i, 2) == wanted][:count]


def test_an_expanded_word_keeps_its_boost_as_in_one_index(tmp_path: Path) -> None:
    """``qzx*`` stands for 2 terms in the collection, 1 in each shard: its
    title boost (0.5) applies as in one index."""
    from tests.query.conftest import statement

    (a,), (b,) = _ids_routed(1, 0, "d"), _ids_routed(1, 1, "d")
    corpus = [statement(a, "qzxa report", "The body of the first."),
              statement(b, "qzxb report", "The body of the second, longer than the first.")]
    one, two = _two_shards(tmp_path, corpus)
    with Searcher(one) as single, ShardedSearcher(two) as sharded:
        assert_same(single.search("qzx*", default_operator="OR"), sharded.search("qzx*", default_operator="OR"))
        assert sharded.search("qzx*").total == 2


def test_the_bound_on_expanded_terms_counts_every_shard(tmp_path: Path) -> None:
    """A word standing for more terms than allowed in the collection is
    refused as one index refuses it, though each shard holds fewer."""
    from query._limits import MAX_TERMS_PER_WORD
    from tests.query.conftest import statement

    words = [f"vq{n:04d}" for n in range(MAX_TERMS_PER_WORD + 20)]
    half = len(words) // 2
    ids = _ids_routed(1, 0, "e") + _ids_routed(1, 1, "e")
    corpus = [statement(ids[0], "first", " ".join(words[:half])), statement(ids[1], "second", " ".join(words[half:]))]
    one, two = _two_shards(tmp_path, corpus)
    with Searcher(one) as single, ShardedSearcher(two) as sharded:
        with pytest.raises(QueryError) as expected:
            single.search("vq*")
        with pytest.raises(QueryError) as got:
            sharded.search("vq*")
        assert str(got.value) == str(expected.value)
