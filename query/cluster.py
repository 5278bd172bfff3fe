"""Shard searchers as long-lived Ray actors (issue 22; the ``cluster`` extra).

``ShardedSearcher(path, cluster="local")`` (or an address: ``auto``,
``host:port``, ``ray://host:10001``) starts or joins a Ray cluster and
creates one :class:`ShardActor` per shard, each holding its shard open.
A search then runs its two phases on the actors (``query._dfs``): each
evaluates the query with its own statistics, noting what scoring needs,
and gives the numbers other shards noted; the sums go back to every actor,
which evaluates again with them (a second evaluation: the price of not
knowing which numbers scoring needs before evaluating) and returns its
matches and scores. Each actor keeps the sums it was sent while the shards
and their generations (the caller's *epoch*) stay the same: a later search
whose scoring asks only numbers kept is evaluated once, in one round
(:meth:`ShardActor.search`); for a first sight the caller has the numbers
the plan will likely ask summed first (``query._dfs.likely_keys``, a round
of lookups) and sends them with the search, so it too is evaluated once
where the guess holds. Matches travel as a bit a document
(``query._dfs.packed``), with the shard's share of the facets asked
(``query._facetparts``: counts over its statements in no group of copies,
and its matching group members' keys; not a column a match). The caller
merges them on global document numbers, counts each group of copies once,
and fetches the page, copies and snippets itself, from the shards on the
filesystem every node sees (a shared volume or NFS).

Ray is imported only here, and only when a cluster is asked for.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import numpy as np

from indexer.errors import SiftError
from indexer.ray_local import local_init_options
from query._dfs import (FixedExpansions, NotedStatistics, Packed, RecordingStatistics, answer, missing_keys, packed,
                        sum_notes)
from query._facetparts import facet_part
from query.rank import DEFAULT_RANKING, Ranking
from query.statistics import KEPT_NUMBERS
from query.vector import Evaluator

__all__ = ["ClusterError", "RayShards", "ShardActor"]


#: Searches an actor keeps between their two phases (concurrent searches).
MAX_PENDING = 64

#: What a search asks of a shard's facets: the fields, and the shard's
#: statements in groups of copies as bits (``None``: copies not grouped).
FacetAsk = tuple[tuple[str, ...], np.ndarray | None]


class ClusterError(SiftError):
    """A shard actor failed, or the cluster cannot be reached; names the shard."""


class ShardActor:
    """One shard's searcher, kept open in a Ray actor (plain class: Ray
    wraps it with ``ray.remote`` in :class:`RayShards`).

    :param directory: the shard's index directory.
    """

    def __init__(self, directory: str, ranking: Ranking = DEFAULT_RANKING) -> None:
        from query.search import Searcher

        self.searcher = Searcher(directory, ranking=ranking)
        self.pending: dict[int, tuple[FixedExpansions, Any, FacetAsk | None]] = {}
        #: Sums over all shards from earlier searches, and what they are of
        #: (the caller's epoch: shards and generations; this shard's generation).
        self.known: dict[tuple[Any, ...], float] = {}
        self.known_of: Any = None

    def size(self) -> int:
        """Documents in the shard (deleted ones included): the caller's
        global numbering must agree."""
        return int(self.searcher._view().size)

    def dfs(self, token: int, query: str, default_operator: str,
            expansions: list[tuple[Any, list[bytes]]]) -> dict[tuple[Any, ...], float]:
        """Phase 1: evaluate with this shard's statistics; return what scoring asked."""
        _found, notes = self._evaluate(token, query, default_operator, expansions, None, None)
        assert notes is not None
        return notes

    def search(self, token: int, epoch: Any, query: str, default_operator: str,
               expansions: list[tuple[Any, list[bytes]]], facets: FacetAsk | None = None,
               given: dict[tuple[Any, ...], float] | None = None
               ) -> tuple[Packed | None, dict[tuple[Any, ...], float] | None]:
        """One round when the sums kept for ``epoch`` (and ``given``, sums
        over every shard fetched for this search) hold every number
        scoring asks: (the matches, their scores and the facets' share as
        :func:`packed`, ``None``); otherwise that evaluation was phase 1:
        (``None``, its notes), and :meth:`matches` is to follow."""
        known = self._known(epoch)
        known.update(given or {})
        return self._evaluate(token, query, default_operator, expansions, known, facets)

    def _known(self, epoch: Any) -> dict[tuple[Any, ...], float]:
        """The sums kept for ``epoch`` (forgotten when it or this shard's generation changes)."""
        of = (epoch, self.searcher._view().reader.generation())
        if of != self.known_of or len(self.known) > KEPT_NUMBERS:
            self.known, self.known_of = {}, of
        return self.known

    def _evaluate(self, token: int, query: str, default_operator: str, expansions: list[tuple[Any, list[bytes]]],
                  known: dict[tuple[Any, ...], float] | None,
                  facets: FacetAsk | None) -> tuple[Packed | None, dict[tuple[Any, ...], float] | None]:
        view = self.searcher._view()
        parsed = self.searcher.parse(query, default_operator)
        recording = RecordingStatistics(self.searcher.statistics(), _scored_fields(view.reader.schema), known)
        evaluator = Evaluator(view.searcher, view.vector(), self.searcher.ranking, recording)
        expander = FixedExpansions(expansions)
        evaluator.expander = expander  # type: ignore[assignment]
        found = evaluator.run(parsed.plan)
        if recording.complete:  # scored with the global sums already
            return _packed(view, found, facets), None
        self.pending[token] = (expander, parsed.plan, facets)
        while len(self.pending) > MAX_PENDING:  # searches whose second phase never came
            self.pending.pop(next(iter(self.pending)))
        return None, recording.notes

    def lookup(self, keys: list[tuple[Any, ...]]) -> dict[tuple[Any, ...], float]:
        """This shard's numbers for ``keys`` (those other shards noted)."""
        statistics = self.searcher.statistics()
        return {key: answer(statistics, key) for key in keys}

    def matches(self, token: int, notes: dict[tuple[Any, ...], float],
                epoch: Any = None) -> Packed:
        """Phase 2: evaluate again with the summed statistics: the matches,
        their scores and the facets' share (:func:`packed`). With ``epoch``,
        the sums are kept for later searches of it (:meth:`search`)."""
        expander, plan, facets = self.pending.pop(token)
        if epoch is not None:
            self._known(epoch).update(notes)
        # A new evaluator (phase 1's scorers used this shard's numbers).
        view = self.searcher._view()
        evaluator = Evaluator(view.searcher, view.vector(), self.searcher.ranking, NotedStatistics(notes))
        evaluator.expander = expander  # type: ignore[assignment]
        found = evaluator.run(plan)
        return _packed(view, found, facets)


def _packed(view: Any, found: Any, facets: FacetAsk | None) -> Packed:
    """The matches as sent, with this shard's share of the facets asked."""
    part = None
    if facets is not None:
        fields, bits = facets
        in_groups = None if bits is None else np.unpackbits(bits, count=view.size).view(bool)
        part = facet_part(view, fields, found.mask, in_groups)
    return packed(found.mask, found.score, part)


def _scored_fields(schema: Any) -> list[str]:
    return [name for name in schema.names() if getattr(schema[name], "scorable", False)]


class RayShards:
    """The shards' actors on a Ray cluster, and the two phases over them.

    :param directories: the shards' index directories, in shard order.
    :param address: ``"local"`` starts a Ray instance in this process;
        anything else is passed to ``ray.init(address=...)``.
    :param numbers: the shards' numbers in the index (errors name them);
        default ``0..len(directories)-1``.
    """

    def __init__(self, directories: list[Path], address: str = "local", ranking: Ranking = DEFAULT_RANKING,
                 numbers: list[int] | None = None) -> None:
        try:
            import ray
        except ModuleNotFoundError as exc:
            raise ClusterError("a cluster needs the cluster extra: pip install 'sift-search[cluster]'") from exc
        self.ray = ray
        if not ray.is_initialized():
            if address == "local":
                ray.init(**local_init_options())  # (actors at this process's priority)
            else:
                ray.init(address=address, include_dashboard=False, log_to_driver=False)
        # A dead actor is restarted once (it reopens its shard); calls retried once.
        # Spread over the nodes, so one node lost loses few shards.
        actor = ray.remote(max_restarts=1, max_task_retries=1, scheduling_strategy="SPREAD")(ShardActor)
        self.actors = [actor.remote(str(d), ranking) for d in directories]
        self.tokens = itertools.count(1)
        self.numbers = list(range(len(directories))) if numbers is None else list(numbers)
        #: The keys whose sums the actors were sent, and the epoch they are of.
        self.sent: set[tuple[Any, ...]] = set()
        self.sent_of: Any = None

    def _collect_answers(self, calls: dict[int, Any], lost: set[int] | None) -> dict[int, Any]:
        """The answers of ``calls`` (actor position: call); an actor that
        failed raises :class:`ClusterError` naming its shard, or, when
        ``lost`` is a set (partial results allowed), is added to it."""
        results = {}
        for position, call in calls.items():
            try:
                results[position] = self.ray.get(call)
            except self.ray.exceptions.RayError as exc:
                if lost is None:
                    raise ClusterError(f"shard {self.numbers[position]}: its searcher failed: {exc}") from exc
                lost.add(position)
        return results

    def sizes(self) -> list[int]:
        found = self._collect_answers({i: a.size.remote() for i, a in enumerate(self.actors)}, None)
        return [int(found[i]) for i in range(len(self.actors))]

    def _sent(self, epoch: Any) -> set[tuple[Any, ...]]:
        """The keys whose sums were sent to the actors for ``epoch``."""
        if epoch != self.sent_of or len(self.sent) > KEPT_NUMBERS:
            self.sent, self.sent_of = set(), epoch
        return self.sent

    def _fetched(self, keys: set[tuple[Any, ...]], epoch: Any) -> dict[tuple[Any, ...], float] | None:
        """Every shard's numbers for those of ``keys`` not sent before,
        summed (one round of :meth:`ShardActor.lookup`); ``None`` when all were."""
        sent = self._sent(epoch)
        unknown = [key for key in keys if key not in sent]
        if not unknown:
            return None
        numbers = self._collect_answers({i: a.lookup.remote(unknown) for i, a in enumerate(self.actors)}, None)
        sent.update(unknown)
        return sum_notes(list(numbers.values()))

    def matches(self, query: str, default_operator: str, expansions: list[tuple[Any, list[bytes]]],
                allow_partial: bool = False, epoch: Any = None,
                facets: list[FacetAsk] | None = None, likely: set[tuple[Any, ...]] | None = None
                ) -> list[Packed | None]:
        """Every shard's matches and scores (:func:`packed`): one round where every
        shard kept the sums its scoring asks from earlier searches of
        ``epoch`` (the shards and their generations), both phases otherwise.

        :param allow_partial: a shard whose actor fails gives ``None`` (its
            numbers are left out of the statistics too) instead of failing
            the search.
        :param facets: what each shard (in order) is asked of the facets
            (``query._facetparts``); ``None``: no facets.
        :param likely: the numbers scoring will likely ask
            (:func:`query._dfs.likely_keys`): those never sent for ``epoch``
            are summed first (a round of lookups, no evaluation), so a
            query's first sight is evaluated once when the guess holds.
        """
        token = next(self.tokens)
        lost: set[int] | None = set() if allow_partial else None
        actors = dict(enumerate(self.actors))
        asks = facets or [None] * len(self.actors)
        given = self._fetched(likely, epoch) if likely and epoch is not None and not allow_partial else None
        first = self._collect_answers({i: a.search.remote(token, epoch, query, default_operator, expansions, asks[i],
                                                          given)
                                       for i, a in actors.items()}, lost)
        found = {i: answer for i, (answer, notes) in first.items() if notes is None}
        second = sorted(i for i in first if i not in found)
        if not second:  # every shard knew the sums its scoring asked: one round
            return [found.get(i) for i in range(len(self.actors))]
        # A shard scored with its own numbers: phase 1 there. Shards that
        # answered already noted nothing and are asked every key.
        answered = sorted(first)
        notes = {i: first[i][1] or {} for i in answered}
        missing = missing_keys([notes[i] for i in answered])
        asked = {i: actors[i].lookup.remote(keys) for i, keys in zip(answered, missing) if keys}
        for i, values in self._collect_answers(asked, lost).items():
            notes[i].update(values)
        summed = sum_notes([notes[i] for i in answered if i not in (lost or ())])
        total = self.ray.put(summed)
        keep = epoch if not lost else None  # sums without a lost shard are not the epoch's
        if keep is not None:
            self._sent(keep).update(summed)
        found.update(self._collect_answers({i: actors[i].matches.remote(token, total, keep)
                                            for i in second if i not in (lost or ())}, lost))
        return [found.get(i) if i not in (lost or ()) else None for i in range(len(self.actors))]

    def leave_out(self, position: int) -> None:
        """Stop the actor at ``position`` (its shard is left out of searches)."""
        self.ray.kill(self.actors.pop(position))
        self.numbers.pop(position)

    def close(self) -> None:
        for actor in self.actors:
            self.ray.kill(actor)
        self.actors = []
