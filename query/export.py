"""Hits as table rows: the one column list of every CSV and JSON Lines export.

``sift search --format csv|jsonl``, ``sift batch --format csv`` and the
web page's CSV export all write :data:`HIT_COLUMNS`, declared here once so
a column added to one is added to all (issue 20). A batch adds the query,
its total and an error column around them (:data:`BATCH_COLUMNS`).

In CSV a multi-valued cell (actors, locations, claim types, copies) is its
values joined with ``"; "``, and every cell goes through the spreadsheet
formula guard (``query.spreadsheet``); in JSON Lines the same fields keep
their JSON types (lists stay lists).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from indexer.fields import COLUMN_FIELDS
from query.results import Hit
from query.spreadsheet import SafeCsvWriter

#: Columns of a hit, in order, in every CSV and JSON Lines export (with a
#: column for each field of the registry that has one, ``indexer.fields``).
HIT_COLUMNS = (
    "rank", "id", "title", "date", "publisher", "url", "score",
    "actors", "locations", "claims", *(f.column for f in COLUMN_FIELDS if f.column), "snippet", "copies",
)
#: Columns of ``sift batch --format csv``: the query and its total, a hit, an error.
BATCH_COLUMNS = ("query", "total", *HIT_COLUMNS, "error")
#: How multi-valued cells are joined in CSV.
JOIN = "; "

__all__ = ["BATCH_COLUMNS", "HIT_COLUMNS", "JOIN", "csv_cells", "hit_record", "write_csv", "write_jsonl"]


def _claim_types(hit: Hit) -> list[str]:
    """Every claim type of the hit, each once, in order of appearance."""
    return list(dict.fromkeys(t for c in hit.claims for t in (c.get("types") or [c.get("type")]) if t))


def _copies(hit: Hit) -> list[Any]:
    """The other copies of a reposted statement, when the hit carries them
    (near-duplicate grouping); none otherwise."""
    return list(getattr(hit, "copies", None) or [])


def _copy_id(copy: Any) -> str:
    return str(copy.get("id") if isinstance(copy, dict) else getattr(copy, "id", copy))


def _copy_json(copy: Any) -> Any:
    if isinstance(copy, dict):
        return copy
    return copy.to_json() if hasattr(copy, "to_json") else {"id": _copy_id(copy)}


def hit_record(hit: Hit) -> dict[str, Any]:
    """The hit as :data:`HIT_COLUMNS` with JSON values (one JSON Lines record).

    ``claims`` lists the claim types; ``copies`` the other copies as the
    hit carries them (``id``, ``publisher``, ``url``, ``date``).
    """
    return {
        "rank": hit.rank,
        "id": hit.id,
        "title": hit.title,
        "date": hit.date,
        "publisher": hit.publisher,
        "url": hit.url,
        "score": round(hit.score, 4),
        "actors": list(hit.actors),
        "locations": list(hit.locations),
        "claims": _claim_types(hit),
        **{f.column: hit.fields.get(f.column) for f in COLUMN_FIELDS if f.column},
        "snippet": hit.snippet(),
        "copies": [_copy_json(c) for c in _copies(hit)],
    }


def csv_cells(hit: Hit) -> list[Any]:
    """The hit as :data:`HIT_COLUMNS` CSV cells: lists joined with ``"; "``
    (copies by id), missing values empty, rank and score numbers."""
    record = hit_record(hit)
    record["copies"] = [_copy_id(c) for c in record["copies"]]
    return [
        JOIN.join(value) if isinstance(value, list) else "" if value is None else value
        for value in (record[column] for column in HIT_COLUMNS)
    ]


def write_csv(out: IO[str], hits: Iterable[Hit], *, header: bool = True) -> None:
    """``hits`` as CSV rows of :data:`HIT_COLUMNS` (formula-guarded, CRLF rows)."""
    writer = SafeCsvWriter(out)
    if header:
        writer.writerow(HIT_COLUMNS)
    writer.writerows(csv_cells(hit) for hit in hits)


def write_jsonl(out: IO[str], hits: Iterable[Hit]) -> None:
    """``hits`` as JSON Lines: one :func:`hit_record` per line (UTF-8 text)."""
    for hit in hits:
        out.write(json.dumps(hit_record(hit), ensure_ascii=False) + "\n")
