"""Shards searched in other processes (issue 22): the two phases as messages
(``query._dfs``) give what the in-process sharded search gives, on shard
actors called directly, and on Ray actors of a local Ray instance."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from indexer.writing.shards import index_sharded
from indexer.writing.write import index_paths
from query import FACETS, QueryError, Searcher, ShardedSearcher
from query._dfs import expand_nodes, missing_keys, packed, sum_notes, unpacked
from query._shard_terms import SharedExpander
from query.cluster import RayShards, ShardActor
from tests.query.shard_corpus import generate, write_files
from tests.query.test_shards import EVERYTHING, _options, _query, assert_same

QUERIES = ["siege", "siege hospital market", "title:siege body:convoy", '"forces regime"~3', "shel*",
           "hospitl~", "claims:shelled", "actor:Russia", "claim:(bombardment AND by:Russia)", "NOT siege",
           "date:[2016 TO 2017] OR convoy", "s*ge OR camp"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("cluster")
    files = write_files(root / "input", generate(11, 150))
    index_paths(files, root / "one")
    index_sharded(files, root / "three", 3)
    return root / "one", root / "three"


def _cases(sharded: ShardedSearcher) -> Iterator[tuple[int, str, list[Any], list[np.ndarray], list[np.ndarray]]]:
    """(token, query, its expansions, the in-process masks and scores) of every query of QUERIES."""
    views, _merged = sharded._views()
    for token, query in enumerate(QUERIES):
        parsed = sharded.parse(query, "OR")
        expander = SharedExpander([v.reader for v in views])
        expansions = [(node, expander.terms(node)) for node in expand_nodes(parsed.plan)]
        masks, scores, _parts, _lost = sharded._matches(query, "OR", parsed, views, None, None)
        yield token, query, expansions, masks, scores


def _assert_answers(answers: list[tuple[np.ndarray, np.ndarray]], masks: list[np.ndarray],
                    scores: list[np.ndarray], query: str) -> None:
    """The answers' masks, and their matches' scores (in document order)."""
    for answer, mask, score in zip(answers, masks, scores):
        got_mask, got_score = unpacked(answer, len(mask))
        assert np.array_equal(got_mask, mask), query
        np.testing.assert_allclose(got_score[got_mask], score, rtol=1e-12, err_msg=query)


def test_the_two_phases_as_messages_score_as_in_process(built: tuple[Path, Path]) -> None:
    _one, three = built
    with ShardedSearcher(three) as sharded:
        actors = [ShardActor(str(d)) for d in sharded.layout.directories()]
        for token, query, expansions, masks, scores in _cases(sharded):
            noted = [a.dfs(token, query, "OR", expansions) for a in actors]
            for actor, shard_notes, keys in zip(actors, noted, missing_keys(noted)):
                shard_notes.update(actor.lookup(keys))
            notes = sum_notes(noted)
            _assert_answers([actor.matches(token, notes) for actor in actors], masks, scores, query)
        for actor in actors:
            actor.searcher.close()


def test_known_sums_score_in_one_round_as_the_two_phases_do(built: tuple[Path, Path]) -> None:
    """A shard given the sums of a query's numbers by an earlier search of
    the same epoch answers in one round, with the two phases' scores; a new
    epoch (shards or generations changed) forgets them."""
    _one, three = built
    with ShardedSearcher(three) as sharded:
        actors = [ShardActor(str(d)) for d in sharded.layout.directories()]
        for token, query, expansions, masks, scores in _cases(sharded):
            first = [a.search(2 * token, "epoch", query, "OR", expansions) for a in actors]
            if all(notes is None for _found, notes in first):
                continue  # scoring asked no number (nothing to keep)
            noted = [notes or {} for _found, notes in first]
            for actor, shard_notes, keys in zip(actors, noted, missing_keys(noted)):
                shard_notes.update(actor.lookup(keys))
            total = sum_notes(noted)
            for actor, (_found, notes) in zip(actors, first):
                if notes is not None:
                    actor.matches(2 * token, total, "epoch")
            again = [a.search(2 * token + 1, "epoch", query, "OR", expansions) for a in actors]
            assert all(notes is None for _found, notes in again), query
            _assert_answers([found for found, _notes in again], masks, scores, query)
        _found, notes = actors[0].search(999, "another epoch", "siege", "OR", [])
        assert notes is not None
        for actor in actors:
            actor.searcher.close()


def test_packed_matches_unpack_to_the_mask_and_scores() -> None:
    rng = np.random.default_rng(3)
    for size in (0, 1, 7, 8, 9, 1000):
        mask = rng.random(size) < 0.4
        score = np.where(mask, rng.random(size), 0.0)
        got_mask, got_score = unpacked(packed(mask, score), size)
        assert got_mask.dtype == bool and np.array_equal(got_mask, mask)
        assert np.array_equal(got_score, score)


def test_ray_actors_give_what_one_index_gives(built: tuple[Path, Path], ray_local: Any) -> None:
    one, three = built
    with Searcher(one) as single, ShardedSearcher(three, cluster="local") as remote:
        assert remote.remote is not None and len(remote.remote.actors) == 3
        for _pass in range(2):  # the second in one round (the actors keep the sums)
            for query in QUERIES:
                kwargs = {"limit": 50, "default_operator": "OR", "facets": tuple(FACETS), "histogram": "month"}
                assert_same(single.search(query, **kwargs), remote.search(query, **kwargs))


def test_sift_search_on_a_local_cluster(built: tuple[Path, Path], ray_local: Any) -> None:
    from click.testing import CliRunner

    from query.cli import main

    one, three = built
    args = ["search", "siege OR shel*", "--format", "json", "--facets", "actor,year", "--limit", "20"]
    expected = CliRunner().invoke(main, [*args, "--index", str(one)])
    got = CliRunner().invoke(main, [*args, "--index", str(three), "--cluster", "local"])
    assert got.exit_code == expected.exit_code == 0, got.output
    assert got.output == expected.output
    refused = CliRunner().invoke(main, [*args, "--index", str(one), "--cluster", "local"])
    assert refused.exit_code == 1
    assert "is an index of one shard: a cluster searches sharded indexes" in refused.output


def test_a_dead_shard_searcher_fails_the_search_naming_the_shard(built: tuple[Path, Path], ray_local: Any) -> None:
    """Never partial results: a shard whose actor is gone fails the search
    with an error naming it."""
    from query.cluster import ClusterError

    _one, three = built
    with ShardedSearcher(three, cluster="local") as remote:
        assert remote.search("siege").total > 0
        ray_local.kill(remote.remote.actors[1], no_restart=True)
        with pytest.raises(ClusterError, match="^shard 1: its searcher failed"):
            remote.search("siege")


def test_a_restarted_shard_searcher_serves_the_next_searches(built: tuple[Path, Path], ray_local: Any) -> None:
    one, three = built
    with Searcher(one) as single, ShardedSearcher(three, cluster="local") as remote:
        expected = single.search("siege OR camp", default_operator="OR", limit=20)
        ray_local.kill(remote.remote.actors[2], no_restart=False)
        for _attempt in range(3):  # the search in flight may fail, naming the shard; later ones are whole
            try:
                got = remote.search("siege OR camp", default_operator="OR", limit=20)
                break
            except Exception as exc:  # noqa: BLE001
                assert str(exc).startswith("shard 2: "), exc
        assert_same(expected, got)


class _NoRay:
    """What ``RayShards`` calls of Ray, in this process: calls are made at once."""

    exceptions = SimpleNamespace(RayError=RuntimeError)

    @staticmethod
    def get(value: Any) -> Any:
        return value

    @staticmethod
    def put(value: Any) -> Any:
        return value

    @staticmethod
    def kill(_actor: Any) -> None:
        return None


class _Direct:
    """A shard actor called as Ray calls it (``actor.search.remote(...)``),
    in this process; counts the calls of each method."""

    def __init__(self, actor: ShardActor, calls: Counter[str]) -> None:
        self.actor = actor
        self.calls = calls

    def __getattr__(self, name: str) -> Any:
        def call(*args: Any) -> Any:
            self.calls[name] += 1
            return getattr(self.actor, name)(*args)
        return SimpleNamespace(remote=call)


@contextmanager
def _direct_actors(one: Path, three: Path) -> Iterator[tuple[Searcher, ShardedSearcher, Counter[str]]]:
    """One index, and the sharded one searched through ``RayShards`` with
    its actors in this process (the Ray path's messages, without Ray), and
    the count of the actors' calls by method."""
    single, sharded = Searcher(one), ShardedSearcher(three)
    shards = RayShards.__new__(RayShards)
    actors = [ShardActor(str(s.directory)) for s in sharded.shards]
    calls: Counter[str] = Counter()
    shards.ray, shards.actors = _NoRay, [_Direct(a, calls) for a in actors]
    shards.tokens, shards.numbers = itertools.count(1), list(sharded.numbers)
    shards.sent, shards.sent_of = set(), None
    sharded.remote = shards
    try:
        yield single, sharded, calls
    finally:
        single.close()
        sharded.close()
        for actor in actors:
            actor.searcher.close()


@pytest.fixture(scope="module")
def direct(built: tuple[Path, Path]) -> Iterator[tuple[Searcher, ShardedSearcher]]:
    with _direct_actors(*built) as (single, sharded, _calls):
        yield single, sharded


def test_a_first_sight_is_evaluated_once_where_the_plan_says_what_scoring_asks(built: tuple[Path, Path]) -> None:
    """The numbers a query's words, terms, phrases and expanded words ask
    are fetched first (lookups): the actors evaluate it once, with the
    scores of one index; a query asking other numbers still completes."""
    with _direct_actors(*built) as (single, sharded, calls):
        for query in ["siege", "siege hospital market", "title:siege body:convoy", '"forces regime"~3', "shel*",
                      "hospitl~", "date:[2016 TO 2017] OR convoy", "civilians -siege"]:
            before = calls["matches"]
            kwargs = {"limit": 50, "default_operator": "OR", "facets": tuple(FACETS)}
            assert_same(single.search(query, **kwargs), sharded.search(query, **kwargs))
            assert calls["matches"] == before, query  # no second evaluation
        for query in ["claim:(bombardment AND by:Russia)", "claims:shelled"]:
            assert_same(single.search(query, limit=50), sharded.search(query, limit=50))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=_query, options=_options)
def test_facets_counted_on_the_actors_equal_one_index(direct: tuple[Searcher, ShardedSearcher], query: str,
                                                      options: dict[str, Any]) -> None:
    """Each actor counts its statements in no group of copies and sends its
    group members' keys; groups spanning shards still count once."""
    single, sharded = direct
    try:
        expected = single.search(query, facets=tuple(FACETS), **options)
    except QueryError:
        return
    assert_same(expected, sharded.search(query, facets=tuple(FACETS), **options))


def test_actors_send_counts_and_group_members_not_columns(direct: tuple[Searcher, ShardedSearcher]) -> None:
    """No table of every statement's facet keys is built by the caller: an
    actor sends counts, and keys only of its matching statements that are in
    groups of copies with other members."""
    _single, sharded = direct
    sharded._merged.clear()  # tables of all statements made by other tests' histograms
    sharded.search(EVERYTHING, facets=tuple(FACETS), default_operator="OR")
    views, merged = sharded._views()
    assert not [key for key in merged._cache if key.startswith("pairs:")]
    in_groups = merged.in_groups()
    assert in_groups is not None and 0 < in_groups.sum() < len(in_groups)
    fields = tuple(FACETS[name].field for name in FACETS)
    parts = sharded._matches(EVERYTHING, "OR", sharded.parse(EVERYTHING, "OR"), views, None,
                             (fields, merged, in_groups))[2]
    for shard, part in enumerate(parts):
        start = int(merged.offsets[shard])
        for field in fields:
            _names, docs, _codes = part.grouped[field]
            assert in_groups[start + docs].all()
        assert sum(part.counts["publisher_facet"].values()) == (~in_groups[start:start + views[shard].size]).sum()
