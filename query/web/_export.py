"""Exporting every hit of a query as CSV or JSON, streamed page by page.

There is no row cap: researchers export a result set to code or count it
elsewhere, and a silently truncated export would be wrong data. The
response is produced one page of :data:`EXPORT_PAGE` hits at a time, so
memory stays flat whatever the number of hits.

The CSV columns are ``query.export.HIT_COLUMNS``, shared with ``sift
search --format csv`` and ``sift batch --format csv``. CSV cells that a
spreadsheet would run as a formula get a leading ``'``
(``query.spreadsheet``): titles come from third-party statements and must
not execute on a researcher's machine. The JSON export is never altered.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Protocol

from query.export import HIT_COLUMNS, write_csv
from query.results import SearchResults

#: Hits fetched per search while exporting.
EXPORT_PAGE = 1000

#: Columns of the CSV export, in order: the same as every CSV Sift writes.
CSV_COLUMNS = HIT_COLUMNS


class _Searches(Protocol):
    def search(self, query: str, *, limit: int = ..., offset: int = ..., sort: str = ...,
               default_operator: str = ...) -> SearchResults: ...


def iter_pages(searcher: _Searches, query: str, *, sort: str, default_operator: str) -> Iterator[SearchResults]:
    """Every page of hits of ``query``, :data:`EXPORT_PAGE` at a time.

    The first page is fetched at once, so a malformed query raises
    ``QueryError`` before anything is streamed.
    """
    first = searcher.search(query, limit=EXPORT_PAGE, offset=0, sort=sort, default_operator=default_operator)

    def pages() -> Iterator[SearchResults]:
        page, offset = first, 0
        while True:
            yield page
            offset += EXPORT_PAGE
            if offset >= page.total or not page.hits:
                return
            page = searcher.search(query, limit=EXPORT_PAGE, offset=offset, sort=sort, default_operator=default_operator)

    return pages()


def stream_csv(pages: Iterator[SearchResults]) -> Iterator[str]:
    """The CSV export, a page of rows per chunk (header first, UTF-8 text)."""
    buffer = io.StringIO()
    write_csv(buffer, [])
    for page in pages:
        write_csv(buffer, page.hits, header=False)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    rest = buffer.getvalue()
    if rest:
        yield rest


def stream_json(pages: Iterator[SearchResults]) -> Iterator[str]:
    """The JSON export: ``{"query", "total", "hits": [...]}``, hits as in the
    search contract, written a page at a time."""
    count = 0
    for page in pages:  # iter_pages always yields a first page
        if not count and page.offset == 0:
            head = json.dumps({"query": page.query, "total": page.total}, ensure_ascii=False)
            yield head[:-1] + ', "hits": ['
        for hit in page.hits:
            yield ("," if count else "") + "\n" + json.dumps(hit.to_json(), ensure_ascii=False)
            count += 1
    yield "\n]}\n"
