"""Searching a sharded index as one index (issue 22).

A sharded index (``indexer.storage.shards``) is searched in two phases, as
Elasticsearch's ``dfs_query_then_fetch`` does:

1. *statistics*: the collection numbers the query's scoring needs
   (document counts, term frequencies, field lengths) are the sums of every
   shard's (``query.statistics.SummedStatistics``), and prefix, wildcard
   and fuzzy words stand for the terms of all shards (``query._shard_terms``);
2. *query and fetch*: every shard evaluates the query's plan scored with
   those global numbers, and the matches are merged as global document
   numbers (``query._merged``): reposted copies are grouped, pages sorted
   (ties by id), histograms counted over all shards at once; facets are
   counted by each shard over its statements in no group of copies, the
   groups once over all shards (``query._facetparts``).

So a sharded index gives what one index over the same statements gives:
the same ids in the same order, totals, scores (to rounding), snippets,
copies, facets and histograms (tests/query/test_shards.py). What can
differ is stated in README.md ("Larger collections").

:func:`open_searcher` opens either kind; the CLI and the web app use it.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from indexer.storage.shards import ShardError, ShardLayout, is_sharded, read_layout
from query._copies import collapse
from query._dfs import expand_nodes, likely_keys
from query._facetparts import CountedFacets, FacetPart, add_parts, facet_part
from query._merged import Merged
from query._shard_terms import SharedExpander
from query.facets import FACETS, histogram
from query.parse import Aliases, ParsedQuery, parse_query
from query.rank import DEFAULT_RANKING, Ranking
from query.results import Hit, SearchResults
from query._summary import index_summary
from query.search import Searcher, _check_arguments
from query.snippets import HighlightPlan, SnippetMaker, idf_weight
from query.statistics import FieldTerms, Statistics, SummedStatistics
from query.vector import Evaluator

__all__ = ["ShardUnavailableError", "ShardedSearcher", "index_directories", "open_searcher"]

#: Combinations of the shards' generations whose merged tables are kept.
MAX_GENERATIONS = 4


class ShardUnavailableError(ShardError):
    """A shard of a sharded index cannot be opened or read; names the shard.
    Searches fail with it unless partial results are allowed."""


class _HitView:
    """What ``Searcher._hit`` reads of a view, with the copies of all shards."""

    def __init__(self, view: Any, merged: Merged, offset: int) -> None:
        self.reader = view.reader
        self.merged = merged
        self.offset = offset

    def copies(self, docnum: int) -> list[dict[str, Any]]:
        return self.merged.copies(self.offset + docnum)


class ShardedSearcher:
    """Searches a sharded index as one; the same methods as :class:`query.Searcher`.

    :param index_dir: the sharded index's directory.
    :param aliases: resolves ``actor:``/``location:`` names; defaults to the
        gazetteer the shards were built with.
    :param ranking: the ranking settings (``query.Ranking``).
    :param cluster: evaluate on Ray actors (``query.cluster``): ``"local"``
        or a cluster's address; ``None``: in this process.
    :param allow_partial: a shard that cannot be opened (or whose actor
        dies) is left out and named in each result's ``missing_shards``
        (``"partial": true``) instead of failing; never silently.
    :raises indexer.errors.IndexNotFoundError: no sharded index.
    :raises ShardUnavailableError: a shard cannot be opened (and partial
        results are not allowed), or none can.
    """

    def __init__(self, index_dir: str | os.PathLike[str], *, aliases: Aliases | None = None,
                 ranking: Ranking = DEFAULT_RANKING, cluster: str | None = None,
                 allow_partial: bool = False) -> None:
        self.directory = Path(index_dir)
        self.layout: ShardLayout = read_layout(self.directory)
        self.ranking = ranking
        self.allow_partial = allow_partial
        self.shards: list[Searcher] = []
        #: The shard number of each of ``shards``; ``missing``: those not opened.
        self.numbers: list[int] = []
        self.missing: list[int] = []
        try:
            for number, directory in enumerate(self.layout.directories()):
                try:
                    shard = Searcher(directory, aliases=aliases, ranking=ranking)
                except Exception as exc:  # whatever stops a shard opening stops the search
                    if not allow_partial:
                        raise ShardUnavailableError(f"shard {number} ({directory}) cannot be opened: {exc}") from exc
                    self.missing.append(number)
                    continue
                aliases = aliases or shard.aliases  # one gazetteer for all shards
                self.shards.append(shard)
                self.numbers.append(number)
            if not self.shards:
                raise ShardUnavailableError(f"no shard of {self.directory} can be opened")
        except BaseException:
            self.close()
            raise
        self.aliases: Aliases = self.shards[0].aliases
        self._lock = threading.Lock()
        self._merged: dict[tuple[int, ...], Merged] = {}
        self.remote: Any = None
        if cluster is not None:
            self._connect(cluster)

    def _connect(self, address: str) -> None:
        from query.cluster import ClusterError, RayShards  # Ray only when a cluster is asked for

        self.remote = RayShards([s.directory for s in self.shards], address, self.ranking, self.numbers)
        views, _merged = self._views()
        for shard, size, view in zip(self.numbers, self.remote.sizes(), views):
            if size != view.size:
                self.close()
                raise ClusterError(f"shard {shard} changed while opening ({size} documents on the cluster, "
                                   f"{view.size} here): open the index again")

    # -- lifetime -----------------------------------------------------------
    def __enter__(self) -> ShardedSearcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close every shard (and stop its actor)."""
        for shard in self.shards:
            shard.close()
        if getattr(self, "remote", None) is not None:
            self.remote.close()
            self.remote = None

    def _views(self) -> tuple[list[Any], Merged]:
        views = self._open_views()
        while views is None:  # a shard was left out: the others again
            views = self._open_views()
        key = tuple(-1 if g is None else int(g) for g in (v.reader.generation() for v in views))
        with self._lock:
            merged = self._merged.get(key)
            if merged is None:
                while len(self._merged) >= MAX_GENERATIONS:  # threads opened at another commit
                    self._merged.pop(next(iter(self._merged)))
                merged = self._merged[key] = Merged(views)
        return views, merged.bind(views)  # this thread's searchers, on the same generations

    def _open_views(self) -> list[Any] | None:
        """This thread's view of every shard; ``None`` when one could not be
        read and was left out (partial results allowed)."""
        views = []
        for shard, number in zip(list(self.shards), list(self.numbers)):
            try:
                views.append(shard._view())
            except Exception as exc:  # a segment gone or damaged since the shard was opened
                if not self.allow_partial:
                    raise ShardUnavailableError(f"shard {number} ({shard.directory}) cannot be read: {exc}") from exc
                self._leave_out(number)
                return None
        return views

    def _leave_out(self, number: int) -> None:
        """Leave shard ``number`` out of this searcher's searches from now on
        (reopen the searcher to try it again)."""
        with self._lock:
            if number not in self.numbers:
                return  # another thread did
            position = self.numbers.index(number)
            if len(self.shards) == 1:
                raise ShardUnavailableError(f"no shard of {self.directory} can be read")
            self.shards.pop(position).close()
            self.numbers.pop(position)
            self.missing = sorted([*self.missing, number])
            self._merged.clear()  # the tables of the shards as they were
            if self.remote is not None:
                self.remote.leave_out(position)

    # -- queries ------------------------------------------------------------
    def parse(self, query: str, default_operator: str = "AND") -> ParsedQuery:
        """Parse ``query`` with the index's aliases (see ``query.parse``)."""
        return parse_query(query, default_operator=default_operator, aliases=self.aliases, ranking=self.ranking)

    def statistics(self) -> SummedStatistics:
        """Phase 1: the statistics of all shards summed."""
        return SummedStatistics([shard.statistics() for shard in self.shards])

    def search(self, query: str, *, limit: int = 10, offset: int = 0, sort: str = "relevance",
               default_operator: str = "AND", facets: tuple[str, ...] | list[str] = (),
               histogram: str | None = None, snippets: int = 1, all_copies: bool = False,
               statistics: Statistics | None = None) -> SearchResults:
        """Run ``query`` over every shard; the arguments and the result are
        those of :meth:`query.Searcher.search`."""
        _check_arguments(limit, offset, sort, facets, histogram, snippets)
        parsed = self.parse(query, default_operator)
        fields = tuple(FACETS[name].field for name in facets)
        while True:
            views, merged = self._views()
            labels = merged.copy_labels()
            grouped = labels is not None and not all_copies
            in_groups = merged.in_groups() if grouped else None
            masks, scores, parts, lost = self._matches(query, default_operator, parsed, views, statistics,
                                                       (fields, merged, in_groups) if fields else None)
            if not lost:
                break
            for number in lost:  # shards whose actors died: left out (their copies too), the search run again
                self._leave_out(number)
        docnums = np.flatnonzero(merged.concat(masks))
        shown, shown_scores = docnums, merged.concat(scores)  # (the matches' scores, in document order)
        merged.count_by = labels if grouped else None
        if grouped:
            assert labels is not None
            shown, shown_scores = collapse(docnums, shown_scores, labels, merged.dates(), merged.id_rank_array(),
                                           in_groups)
        # The page is cut as one index cuts it (``Searcher._page``), on global numbers.
        page = Searcher._page(self.shards[0], merged, shown, shown_scores, sort,  # type: ignore[arg-type]
                              offset + limit)[offset:]
        maker = SnippetMaker(HighlightPlan.from_tree(parsed.tree), _idf(views), count=snippets,
                             keyword_idf=_keyword_idf(views))
        hits = [self._hit(views, merged, docnum, value, offset + i + 1, maker)
                for i, (value, docnum) in enumerate(page)]
        result = SearchResults(query=query, total=len(shown), hits=hits, offset=offset, limit=limit,
                               total_statements=len(docnums), grouped=grouped)
        if self.missing:
            result.missing_shards = list(self.missing)
        if facets:
            counted = CountedFacets(merged, add_parts(parts, merged.offsets.tolist(), labels if grouped else None))
            result.facets = {name: FACETS[name]().facet_results(counted, docnums) for name in facets}
        if histogram:
            result.histogram, result.undated = _histogram(merged, shown, histogram)
        return result

    def _matches(self, query: str, default_operator: str, parsed: ParsedQuery, views: list[Any],
                 statistics: Statistics | None, facets: tuple[tuple[str, ...], Any, np.ndarray | None] | None
                 ) -> tuple[list[np.ndarray], list[np.ndarray], list[FacetPart], list[int]]:
        """Every shard's match mask and its matches' scores (in document
        order), scored with the global statistics, its share of the facets (``query._facetparts``; asked
        as (fields, the ``Merged`` tables, which statements are in groups of
        copies)), and the shards lost during this search (their actors
        died; only when partial results are allowed)."""
        expander = SharedExpander([view.reader for view in views])  # words expanded over all shards
        masks, scores, parts, lost = [], [], [], []
        if self.remote is not None:
            if statistics is not None:
                raise ValueError("statistics= cannot be given to a search on a cluster")
            expansions = [(node, expander.terms(node)) for node in expand_nodes(parsed.plan)]
            # The sums an actor keeps hold while the same shards are at the same generations.
            epoch = (tuple(self.numbers), tuple(-1 if g is None else int(g) for g in
                                                (v.reader.generation() for v in views)))
            asks = None
            if facets is not None:
                fields, merged, in_groups = facets
                asks = [(fields, None if in_groups is None else merged.in_groups_bits(shard))
                        for shard in range(len(views))]
            likely = likely_keys(parsed.plan, views[0].reader.schema, expansions)
            answers = self.remote.matches(query, default_operator, expansions, self.allow_partial, epoch, asks,
                                          likely)
            for number, view, answer in zip(self.numbers, views, answers):
                if answer is None:
                    lost.append(number)
                    mask, score = np.zeros(view.size, dtype=bool), np.zeros(0, dtype=np.float64)
                else:
                    mask, score = np.unpackbits(answer.bits, count=view.size).view(bool), answer.values
                parts.append(answer.facets if answer is not None and answer.facets is not None else FacetPart())
                masks.append(mask)
                scores.append(score)
            return masks, scores, parts, lost
        statistics = statistics or _Memo(self.statistics())
        for view in views:  # phase 2: each shard scored with the global numbers
            evaluator = Evaluator(view.searcher, view.vector(), self.ranking, statistics)
            evaluator.expander = expander  # type: ignore[assignment]
            matches = evaluator.run(parsed.plan)
            masks.append(matches.mask)
            scores.append(matches.score[matches.mask])
        if facets is not None:
            fields, merged, in_groups = facets
            for shard, (view, mask) in enumerate(zip(views, masks)):
                start = int(merged.offsets[shard])
                part = None if in_groups is None else in_groups[start:start + int(view.size)]
                parts.append(facet_part(view, fields, mask, part))
        return masks, scores, parts, lost

    def _hit(self, views: list[Any], merged: Merged, docnum: int, score: float, rank: int,
             maker: SnippetMaker) -> Hit:
        shard, local = merged.locate(docnum)
        view = _HitView(views[shard], merged, int(merged.offsets[shard]))
        return self.shards[shard]._hit(view, local, score, rank, maker)  # type: ignore[arg-type]

    # -- records and statistics -------------------------------------------------
    def get(self, statement_id: str) -> dict[str, Any] | None:
        """The full statement, from its shard, with its copies in every shard."""
        number = self.layout.shard_of(statement_id)
        if number in self.missing:
            raise ShardUnavailableError(f"shard {number}, which holds {statement_id!r}, could not be opened")
        shard = self.numbers.index(number)
        record = self.shards[shard].get(statement_id)
        if record is None:
            return None
        views, merged = self._views()
        docnum = views[shard].searcher.document_number(id=statement_id)
        record["copies"] = merged.copies(int(merged.offsets[shard]) + int(docnum))
        return record

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Size and contents of all shards together (see :meth:`query.Searcher.stats`)."""
        _views, merged = self._views()
        merged.count_by = None
        files = (p for s in self.shards for p in s.directory.iterdir() if p.is_file())
        summary = index_summary(self.directory, merged.live(), merged.dates(), merged, top, files,
                                self.shards[0]._meta.get("gazetteer_files") or [], shards=self.layout.count)
        if self.missing:
            summary["missing_shards"] = list(self.missing)
        return summary


class _Memo:
    """Statistics remembered for one search: every shard's evaluation asks
    the same numbers, and a summed one reads every shard (a word in several
    fields reads its postings in each)."""

    def __init__(self, inner: Statistics) -> None:
        self.inner = inner
        self.known: dict[tuple[Any, ...], Any] = {}

    def _get(self, key: tuple[Any, ...], ask: Any) -> Any:
        if key not in self.known:
            self.known[key] = ask()
        return self.known[key]

    def doc_count(self) -> int:
        return int(self._get(("doc_count",), self.inner.doc_count))

    def doc_frequency(self, field: str, term: bytes) -> int:
        return int(self._get(("df", field, term), lambda: self.inner.doc_frequency(field, term)))

    def doc_frequency_any(self, terms: FieldTerms) -> int:
        key = ("df_any", tuple(tuple(t) for t in terms))
        return int(self._get(key, lambda: self.inner.doc_frequency_any(terms)))

    def frequency(self, field: str, term: bytes) -> float:
        return float(self._get(("cf", field, term), lambda: self.inner.frequency(field, term)))

    def field_length(self, field: str) -> float:
        return float(self._get(("length", field), lambda: self.inner.field_length(field)))

    def average_field_length(self, field: str) -> float:
        return float(self._get(("average", field), lambda: self.inner.average_field_length(field)))


def open_searcher(index_dir: str | os.PathLike[str], *, cluster: str | None = None,
                  allow_partial: bool = False, **kwargs: Any) -> Searcher | ShardedSearcher:
    """A searcher for the index at ``index_dir``, sharded or not.

    :param cluster: search the shards on Ray actors (``ShardedSearcher``).
    :param allow_partial: a sharded index's unreadable shards are left out
        and named in the results (one index has nothing to leave out).
    :param kwargs: ``aliases=``, ``ranking=`` as :class:`query.Searcher` takes them.
    :raises ShardError: ``cluster`` for an index that is not sharded.
    """
    if is_sharded(Path(index_dir)):
        return ShardedSearcher(index_dir, cluster=cluster, allow_partial=allow_partial, **kwargs)
    if cluster is not None:
        raise ShardError(f"{index_dir} is an index of one shard: a cluster searches sharded indexes "
                         f"(sift index ... --shards N)")
    return Searcher(index_dir, **kwargs)


def index_directories(index_dir: str | os.PathLike[str]) -> list[Path]:
    """The index directories holding an index's statements: its shards', or itself."""
    if is_sharded(Path(index_dir)):
        return read_layout(Path(index_dir)).directories()
    return [Path(index_dir)]


def _idf(views: list[Any]) -> Any:
    """The snippets' word idf over all shards (``query.search._idf`` summed)."""
    cache: dict[str, float] = {}
    total = max(1, sum(v.reader.doc_count() for v in views))

    def idf(term: str) -> float:
        if term not in cache:
            df = sum(v.reader.doc_frequency("body", term) for v in views) \
                or sum(v.reader.doc_frequency("title", term) for v in views)
            cache[term] = idf_weight(total, df)
        return cache[term]

    return idf


def _keyword_idf(views: list[Any]) -> Any:
    cache: dict[tuple[str, str], float] = {}
    total = max(1, sum(v.reader.doc_count() for v in views))

    def idf(field: str, value: str) -> float:
        if (field, value) not in cache:
            cache[(field, value)] = idf_weight(total, sum(v.reader.doc_frequency(field, value) for v in views))
        return cache[(field, value)]

    return idf


def _histogram(merged: Merged, docnums: Any, by: str) -> tuple[list[tuple[str, int]], int]:
    return histogram(merged, docnums, by)
