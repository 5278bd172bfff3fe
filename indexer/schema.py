"""The Whoosh schema of a Sift index, and how a statement becomes a document.

Field roles:

- ``id`` unique, stored; ``url``, ``source`` (the file it came from) stored IDs;
  ``version_key`` (id + content hash) tells an unchanged statement cheaply.
- ``title``, ``body`` analysed text with positions (phrases, proximity),
  stored for display and snippets. There is no unstemmed copy of the text
  (it would double indexing time): ``=word`` queries check candidates found
  through the stem against the stored text instead.
- ``publisher`` analysed text; ``publisher_facet`` the exact name for facets.
- ``date`` a real date (day precision, sortable); ``year``/``month`` keys
  for facets and the timeline.
- ``actors``/``locations``/``claim_types`` keyword fields holding folded
  canonical names (commas between); the display names are in ``record``.
- ``claims`` the text of claim sentences, for ``claims:`` queries.
- ``record`` the JSON of everything else shown to users (claims, evidence,
  metadata), stored only.

The module is imported by query/ too; it must stay a leaf over ``analysis``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from collections import defaultdict
from pickle import dumps

from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.system import pack_uint

from indexer.analysis import fold, sift_analyzer

#: Text fields whose terms ``indexer.prepare`` computes ahead of the writer.
ANALYSED_FIELDS = ("title", "body", "publisher", "claims")
#: ... of which these are also stored (as the original text).
STORED_ANALYSED_FIELDS = frozenset({"title", "body", "publisher"})

#: Bump when the schema or the meaning of a field changes (forces a rebuild).
SCHEMA_VERSION = 1


class Postings(tuple):  # type: ignore[type-arg]
    """Postings of one text field of one document, computed before the writer.

    Items are Whoosh's ``(term bytes, frequency, weight, encoded positions)``
    tuples, exactly what ``TEXT.index()`` would produce; worker processes
    build them so the single writer process only has to store them.
    """


def positions_postings(terms: list[str], field_boost: float = 1.0) -> Postings:
    """Encode a field's term list as Whoosh's ``Positions`` format does."""
    positions: defaultdict[str, list[int]] = defaultdict(list)
    for pos, term in enumerate(terms):
        positions[term].append(pos)
    items = []
    for term, poslist in positions.items():
        deltas = [poslist[0]] + [b - a for a, b in zip(poslist, poslist[1:])]
        items.append((term.encode("utf-8"), len(poslist), len(poslist) * field_boost,
                      pack_uint(len(deltas)) + dumps(deltas, 2)))
    return Postings(items)


class PreparedText(TEXT):  # type: ignore[misc]
    """A TEXT field that also accepts ``Postings`` computed ahead of time."""

    def index(self, value: Any, **kwargs: Any) -> Any:
        if isinstance(value, Postings):
            return iter(value)
        return super().index(value, **kwargs)


def build_schema() -> Schema:
    """A fresh schema for a new index."""
    stemmed = sift_analyzer(stem=True)
    return Schema(
        id=ID(stored=True, unique=True),
        url=ID(stored=True),
        source=ID(stored=True),
        content_hash=STORED(),
        version_key=ID(stored=False),
        title=PreparedText(analyzer=stemmed, stored=True, phrase=True),
        body=PreparedText(analyzer=stemmed, stored=True, phrase=True),
        publisher=PreparedText(analyzer=stemmed, stored=True, phrase=True),
        publisher_facet=ID(stored=False, sortable=True),
        date=DATETIME(stored=True, sortable=True),
        year=ID(sortable=True),
        month=ID(sortable=True),
        actors=KEYWORD(stored=True, commas=True, scorable=True),
        locations=KEYWORD(stored=True, commas=True, scorable=True),
        claim_types=KEYWORD(stored=True, commas=True, scorable=True),
        claims=PreparedText(analyzer=stemmed, stored=False, phrase=True),
        record=STORED(),
    )


def keyword_value(name: str) -> str:
    """The form of a canonical name stored in a keyword field (``assad regime``)."""
    return " ".join(fold(name).replace(",", " ").split())


def _keywords(names: list[str]) -> str:
    return ",".join(keyword_value(n) for n in names)


def version_key(statement_id: str, content_hash: str) -> str:
    """One term per (statement, content): finding it means "unchanged" without
    decoding stored fields."""
    return f"{statement_id}\x1f{content_hash}"


def to_document(statement_json: dict[str, Any], *, body: str, source: str, content_hash: str) -> dict[str, Any]:
    """The Whoosh document for a statement in its JSON form (``Statement.to_json``).

    :param body: the full text (not part of the JSON form).
    """
    date = statement_json.get("date")
    day = dt.date.fromisoformat(date) if date else None
    claims = statement_json.get("claims", [])
    claim_types = sorted({t for c in claims for t in c.get("types", [c.get("type")]) if t})
    doc: dict[str, Any] = {
        "id": statement_json["id"],
        "source": source,
        "content_hash": content_hash,
        "version_key": version_key(statement_json["id"], content_hash),
        "title": statement_json.get("title") or "",
        "body": body,
        "actors": _keywords(statement_json.get("actors", [])),
        "locations": _keywords(statement_json.get("locations", [])),
        "claim_types": ",".join(claim_types),
        "claims": "\n".join(c["sentence"] for c in claims),
        "record": json.dumps(
            {k: statement_json.get(k) for k in ("actors", "locations", "claims", "evidence", "metadata")},
            ensure_ascii=False,
        ),
    }
    if statement_json.get("url"):
        doc["url"] = statement_json["url"]
    if statement_json.get("publisher"):
        doc["publisher"] = statement_json["publisher"]
        doc["publisher_facet"] = statement_json["publisher"]
    if day:
        doc["date"] = dt.datetime(day.year, day.month, day.day)
        doc["year"] = f"{day.year:04d}"
        doc["month"] = f"{day.year:04d}-{day.month:02d}"
    return doc


def from_stored(fields: dict[str, Any]) -> dict[str, Any]:
    """The statement's JSON form back from a document's stored fields."""
    record = json.loads(fields.get("record") or "{}")
    date = fields.get("date")
    return {
        "id": fields["id"],
        "title": fields.get("title") or "",
        "date": date.date().isoformat() if isinstance(date, dt.datetime) else None,
        "publisher": fields.get("publisher"),
        "url": fields.get("url"),
        "actors": record.get("actors") or [],
        "locations": record.get("locations") or [],
        "claims": record.get("claims") or [],
        "evidence": record.get("evidence") or {},
        "metadata": record.get("metadata") or {},
    }
