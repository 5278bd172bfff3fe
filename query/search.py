"""The library's entry point: :class:`Searcher` runs queries on one index.

A ``Searcher`` opens the index once and serves many searches. Whoosh
searchers are not safe to share between threads (one per thread), so each thread
gets its own, opened on first use and closed by :meth:`Searcher.close`.
Tables derived from the index (document -> facet keys, id order, dates)
are built once per index generation and shared by all threads.

Ranking is BM25F with the settings of a ``query.Ranking``. Every matching
document is scored, so that ties can be broken by id, the same way on every
run, and so that facets count all matches; ``query.vector`` does that over
whole posting lists with numpy instead of one match at a time.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh.searching import Searcher as WhooshSearcher

from indexer.fields import FACETS as FACET_SPECS
from indexer.fields import COLUMN_FIELDS, record_values
from indexer.schema import from_stored, keyword_value
from indexer.storage.layout import read_meta
from indexer.storage.reader import open_index, open_searcher
from query._copies import GroupMembers, collapse, copies_of, copy_labels
from query._parts import parts_index
from query.facets import FACETS, HISTOGRAM_FIELDS, count_pairs, histogram
from query.parse import Aliases, ParsedQuery, parse_query
from query.rank import DEFAULT_RANKING, Ranking
from query.results import Hit, SearchResults
from query._summary import index_summary
from query.snippets import HighlightPlan, SnippetMaker, idf_weight
from query.statistics import TERM_NUMBERS, IndexStatistics, Statistics
from query.vector import NO_DATE, Evaluator, VectorIndex

#: Accepted values of ``sort=``.
SORTS = ("relevance", "newest", "oldest")


class _GazetteerAliases:
    """The index's gazetteer, loaded on the first ``actor:``/``location:``
    (loading it takes a moment; most queries never need it).

    This is the one arrow from a search into extraction's modules, and a
    lazy one: ``indexer.extraction.gazetteer`` holds alias data and lookups; the text
    matcher (``indexer.extraction.entities``) and the rest of extraction stay unloaded
    (tests/query/test_read_path.py). Canonicalising through the index's own
    keyword values would lose aliases (``UNSC``); a stored alias table would
    cost about 1 MB per index: both were weighed and left out.
    """

    def __init__(self, files: list[str]) -> None:
        self.files = files
        self.lock = threading.Lock()
        self.loaded: Aliases | None = None
        self.parts: dict[str, tuple[str, ...]] | None = None

    def _get(self) -> Aliases:
        with self.lock:
            if self.loaded is None:
                self.loaded = _load_gazetteer(self.files)
            return self.loaded

    def canonical_actor(self, text: str) -> str | None:
        return self._get().canonical_actor(text)

    def canonical_location(self, text: str) -> str | None:
        return self._get().canonical_location(text)

    def actor_parts(self, name: str) -> tuple[str, ...]:
        """The actors that are part of ``name`` (its forces, police...; ``query._parts``)."""
        if self.parts is None:
            actors = getattr(self._get(), "actors", {})
            self.parts = parts_index((a.name, a.part_of) for a in actors.values())
        return self.parts.get(name, ())


def _load_gazetteer(files: list[str]) -> Aliases:
    from indexer.extraction.gazetteer import Gazetteer  # loaded on first use only: it takes a moment

    try:
        return Gazetteer.load([Path(f) for f in files])
    except (OSError, ValueError):
        # An extra gazetteer file moved away since indexing: the built-in
        # aliases still resolve most names.
        return Gazetteer.load(())


class _Tables:
    """Per-generation tables shared by threads (built lazily, under a lock)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.forward: dict[str, list[tuple[str, ...]]] = {}
        self.names: dict[tuple[str, str], str] = {}
        self.id_rank: list[int] | None = None
        self.id_rank_array: np.ndarray | None = None
        self.vector: VectorIndex | None = None
        self.pairs: dict[str, tuple[list[str], np.ndarray, np.ndarray]] = {}
        #: Group label per document (``query._copies``); ``False``: not built yet.
        self.copy_labels: np.ndarray | None | bool = False
        #: The labels' ``GroupMembers`` (a hit's copies found without a scan).
        self.members: GroupMembers | None = None


#: Where a keyword facet's display names are in the stored record (field registry).
_NAMES_IN_RECORD = {f.index_field: f.record_key for f in FACET_SPECS if f.record_key}


class _View:
    """One thread's whoosh searcher and the tables of its generation; the
    :class:`query.facets.FacetSource` that facets read."""

    def __init__(self, searcher: WhooshSearcher, tables: _Tables) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.tables = tables
        self.size = self.reader.doc_count_all()
        #: Group labels facets count by (one count per group), or ``None``.
        self.count_by: np.ndarray | None = None

    def forward(self, field: str) -> list[tuple[str, ...]]:
        tables = self.tables
        with tables.lock:
            if field not in tables.forward:
                lists: list[list[str]] = [[] for _ in range(self.size)]
                if field in self.reader.schema:
                    for raw in self.reader.lexicon(field):
                        key = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
                        for docnum in self.reader.postings(field, raw).all_ids():
                            lists[docnum].append(key)
                tables.forward[field] = [tuple(keys) for keys in lists]
            return tables.forward[field]

    def _pairs(self, field: str) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The field's keys, and (document, key code) pairs as two arrays."""
        forward = self.forward(field)
        with self.tables.lock:
            if field not in self.tables.pairs:
                codes: dict[str, int] = {}
                docs: list[int] = []
                keys: list[int] = []
                for docnum, doc_keys in enumerate(forward):
                    for key in doc_keys:
                        docs.append(docnum)
                        keys.append(codes.setdefault(key, len(codes)))
                self.tables.pairs[field] = (list(codes), np.asarray(docs, dtype=np.int64),
                                            np.asarray(keys, dtype=np.int64))
            return self.tables.pairs[field]

    def count_keys(self, field: str, docnums: Any) -> dict[str, int]:
        names, docs, keys = self._pairs(field)
        selected = np.zeros(self.size, dtype=bool)
        selected[np.asarray(docnums, dtype=np.int64)] = True
        return count_pairs(names, docs, keys, selected, self.count_by)

    def vector(self) -> VectorIndex:
        with self.tables.lock:
            if self.tables.vector is None:
                self.tables.vector = VectorIndex(self.searcher)
            return self.tables.vector

    def id_rank_array(self) -> np.ndarray:
        ranks = self.id_rank()
        with self.tables.lock:
            if self.tables.id_rank_array is None:
                self.tables.id_rank_array = np.asarray(ranks, dtype=np.int64)
            return self.tables.id_rank_array

    def display_name(self, field: str, key: str) -> str:
        tables = self.tables
        with tables.lock:
            cached = tables.names.get((field, key))
        if cached is not None:
            return cached
        name = key
        for docnum in self.reader.postings(field, key.encode("utf-8")).all_ids():
            record = from_stored(self.reader.stored_fields(docnum))
            names = record_values(record, _NAMES_IN_RECORD.get(field, field))
            name = next((n for n in names if keyword_value(n) == key), key)
            break
        with tables.lock:
            tables.names[(field, key)] = name
        return name

    def id_rank(self) -> list[int]:
        with self.tables.lock:
            if self.tables.id_rank is None:
                ranks = [0] * self.size
                for rank, raw in enumerate(self.reader.lexicon("id")):
                    for docnum in self.reader.postings("id", raw).all_ids():
                        ranks[docnum] = rank
                self.tables.id_rank = ranks
            return self.tables.id_rank

    def copy_labels(self) -> np.ndarray | None:
        """Each document's group of reposted copies (``query._copies``), or
        ``None`` for an index made before copies were grouped."""
        with self.tables.lock:
            labels = self.tables.copy_labels
        if labels is False:
            vector = self.vector()
            labels = copy_labels(self.reader, vector.leaves, vector.live(), self._publishers)
            with self.tables.lock:
                self.tables.copy_labels = labels
        return labels  # type: ignore[return-value]

    def _publishers(self) -> list[str | None]:
        return [keys[0] if keys else None for keys in self.forward("publisher_facet")]

    def copies(self, docnum: int) -> list[dict[str, Any]]:
        """The other copies of a document (see ``query._copies.copies_of``)."""
        labels = self.copy_labels()
        groups = None
        if labels is not None:
            with self.tables.lock:
                if self.tables.members is None:
                    self.tables.members = GroupMembers(labels)
                groups = self.tables.members
        return copies_of(docnum, labels, self.vector().live(), self.dates(),
                         self.id_rank_array(), self.reader.stored_fields, groups)

    def dates(self) -> np.ndarray:
        """The date of every document (``NO_DATE`` when undated), read
        segment by segment (see ``indexer.storage.columns``)."""
        return self.vector().dates()


class Searcher:
    """Searches one Sift index; use as a context manager, or call :meth:`close`.

    :param index_dir: the index directory (``sift index ... --index DIR``).
    :param aliases: resolves ``actor:``/``location:`` names; defaults to the
        gazetteer the index was built with.
    :param ranking: the ranking settings (``query.Ranking``; Sift's tuned
        defaults if not given).
    :raises indexer.errors.IndexNotFoundError: no index there.
    """

    def __init__(self, index_dir: str | os.PathLike[str], *, aliases: Aliases | None = None,
                 ranking: Ranking = DEFAULT_RANKING) -> None:
        if not isinstance(ranking, Ranking):
            raise TypeError(f"ranking must be a query.Ranking, not {type(ranking).__name__}")
        self.directory = Path(index_dir)
        self.ranking = ranking
        self._index: whoosh_index.Index = open_index(self.directory)
        self._meta = read_meta(self.directory)
        self.aliases: Aliases = aliases or _GazetteerAliases(list(self._meta.get("gazetteer_files") or []))
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[WhooshSearcher] = []
        self._tables: dict[int, _Tables] = {}
        self._closed = False

    # -- lifetime -----------------------------------------------------------
    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close every thread's Whoosh searcher (file handles)."""
        with self._lock:
            for searcher in self._open:
                searcher.close()
            self._open.clear()
            self._closed = True

    def _view(self) -> _View:
        if self._closed:
            raise RuntimeError("this Searcher is closed")
        searcher: WhooshSearcher | None = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = open_searcher(self._index)
            self._local.searcher = searcher
            with self._lock:
                self._open.append(searcher)
        # An index whose first run was killed before its first commit has
        # a table of contents without segments: Whoosh reads it with an
        # EmptyReader, which has no generation (issue 23).
        generation = searcher.reader().generation()
        if generation is None:
            generation = -1
        with self._lock:
            tables = self._tables.setdefault(generation, _Tables())
        return _View(searcher, tables)

    # -- queries ------------------------------------------------------------
    def parse(self, query: str, default_operator: str = "AND") -> ParsedQuery:
        """Parse ``query`` with this index's aliases (see ``query.parse``)."""
        return parse_query(query, default_operator=default_operator, aliases=self.aliases, ranking=self.ranking)

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        offset: int = 0,
        sort: str = "relevance",
        default_operator: str = "AND",
        facets: tuple[str, ...] | list[str] = (),
        histogram: str | None = None,
        snippets: int = 1,
        all_copies: bool = False,
        statistics: Statistics | None = None,
    ) -> SearchResults:
        """Run ``query`` and return one page of hits.

        :param limit: hits per page (0: only count and facets).
        :param offset: hits to skip (for paging).
        :param sort: ``relevance`` (BM25F score), ``newest`` or ``oldest``
            (undated statements last); ties go by id.
        :param default_operator: ``AND`` or ``OR`` between bare terms.
        :param facets: names from ``query.facets.FACETS`` (``actor``,
            ``location``, ``claim``, ``publisher``, ``year``, ``month``),
            counted over all matches.
        :param histogram: ``"month"`` or ``"year"``: matches per period.
        :param snippets: passages per hit (0: none).
        :param all_copies: one hit per statement; by default reposted copies
            of a statement (``indexer.near``) make one hit, the earliest-dated
            matching copy with the best score of the group's matches, and
            ``total``, facets and the histogram count groups.
        :param statistics: the collection's numbers to score with (by
            default this index's): a shard scores with every shard's
            (``query.statistics``).
        :raises QueryError: the query is malformed.
        :raises ValueError: an argument out of range (a caller's bug).
        """
        _check_arguments(limit, offset, sort, facets, histogram, snippets)
        parsed = self.parse(query, default_operator)
        view = self._view()
        matches = Evaluator(view.searcher, view.vector(), self.ranking, statistics).run(parsed.plan)
        docnums = np.flatnonzero(matches.mask)
        shown, scores = docnums, matches.score[docnums]
        labels = view.copy_labels()
        grouped = labels is not None and not all_copies
        if grouped:
            view.count_by = labels
            shown, scores = collapse(docnums, scores, labels, view.dates(), view.id_rank_array())
        page = self._page(view, shown, scores, sort, offset + limit)[offset:]
        maker = SnippetMaker(HighlightPlan.from_tree(parsed.tree), _idf(view), count=snippets,
                             keyword_idf=_keyword_idf(view))
        hits = [self._hit(view, docnum, score, offset + i + 1, maker) for i, (score, docnum) in enumerate(page)]
        result = SearchResults(query=query, total=len(shown), hits=hits, offset=offset, limit=limit,
                               total_statements=len(docnums), grouped=grouped)
        if facets:
            result.facets = {name: FACETS[name]().facet_results(view, docnums) for name in facets}
        if histogram:
            result.histogram, result.undated = _histogram(view, shown, histogram)
        return result

    def _page(self, view: _View, docnums: np.ndarray, scores: np.ndarray, sort: str,
              count: int) -> list[tuple[float, int]]:
        """The first ``count`` matches in ``sort`` order, ties by id."""
        if count <= 0 or not len(docnums):
            return []
        ranks = view.id_rank_array()[docnums]
        if sort == "relevance":
            if len(docnums) > count:
                # Keep every document scoring at least the count-th best
                # score (all tied ones too), then order those exactly.
                threshold = -np.partition(-scores, count - 1)[count - 1]
                keep = scores >= threshold
                docnums, scores, ranks = docnums[keep], scores[keep], ranks[keep]
            order = np.lexsort((ranks, -scores))[:count]
        else:
            dates = view.dates()[docnums]
            undated = dates == np.uint64(NO_DATE)
            key = ~dates if sort == "newest" else dates
            order = np.lexsort((ranks, key, undated))[:count]
        return [(float(scores[i]), int(docnums[i])) for i in order]

    def _hit(self, view: _View, docnum: int, score: float, rank: int, maker: SnippetMaker) -> Hit:
        fields = view.reader.stored_fields(docnum)
        record = from_stored(fields)
        return Hit(
            id=record["id"],
            rank=rank,
            score=float(score),
            title=record["title"],
            date=record["date"],
            publisher=record["publisher"],
            url=record["url"],
            actors=record["actors"],
            locations=record["locations"],
            claims=record["claims"],
            passages=maker.passages(fields.get("body") or "", record["evidence"], record["claims"],
                                    record["title"]),
            copies=view.copies(docnum),
            fields={f.column: record.get(f.column) for f in COLUMN_FIELDS if f.column},
        )

    # -- records and statistics -------------------------------------------------
    def statistics(self) -> IndexStatistics:
        """This index's statistics for scoring (this thread's generation)."""
        view = self._view()
        vector = view.vector()
        return IndexStatistics(view.reader, vector.postings, vector.derived(TERM_NUMBERS, dict))

    def get(self, statement_id: str) -> dict[str, Any] | None:
        """The full statement (body, extracted fields, evidence), or ``None``."""
        view = self._view()
        docnum = view.searcher.document_number(id=statement_id)
        if docnum is None:
            return None
        fields = view.reader.stored_fields(docnum)
        record = from_stored(fields)
        record["body"] = fields.get("body") or ""
        record["source"] = fields.get("source")
        record["copies"] = view.copies(docnum)
        return record

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Size and contents of the index: statements, date span, publishers,
        the ``top`` actors and locations, bytes on disk."""
        view = self._view()
        return index_summary(self.directory, view.vector().live(), view.dates(), view, top,
                             (p for p in self.directory.iterdir() if p.is_file()),
                             self._meta.get("gazetteer_files") or [])


def _idf(view: _View) -> Any:
    cache: dict[str, float] = {}
    total = max(1, view.reader.doc_count())

    def idf(term: str) -> float:
        if term not in cache:
            df = view.reader.doc_frequency("body", term) or view.reader.doc_frequency("title", term)
            cache[term] = idf_weight(total, df)
        return cache[term]

    return idf


def _keyword_idf(view: _View) -> Any:
    """The idf of a value of a keyword field (``actors``, ``claim_types``):
    a passage satisfying a rare filter outranks one satisfying a common one."""
    cache: dict[tuple[str, str], float] = {}
    total = max(1, view.reader.doc_count())

    def idf(field: str, value: str) -> float:
        if (field, value) not in cache:
            cache[(field, value)] = idf_weight(total, view.reader.doc_frequency(field, value))
        return cache[(field, value)]

    return idf


def _histogram(view: _View, docnums: Any, by: str) -> tuple[list[tuple[str, int]], int]:
    return histogram(view, docnums, by)


def _check_arguments(limit: int, offset: int, sort: str, facets: tuple[str, ...] | list[str],
                     by: str | None, snippets: int) -> None:
    if limit < 0 or offset < 0 or snippets < 0:
        raise ValueError("limit, offset and snippets must not be negative")
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    unknown = [f for f in facets if f not in FACETS]
    if unknown:
        raise ValueError(f"unknown facet {unknown[0]!r}; known: {', '.join(sorted(FACETS))}")
    if by is not None and by not in HISTOGRAM_FIELDS:
        raise ValueError(f"histogram must be 'month' or 'year', not {by!r}")


