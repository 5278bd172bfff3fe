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
  canonical names (commas between), indexed only: the display names are in
  ``record``. (Indexes made before keep storing them; nothing reads them.)
- ``claim_spans`` a per-document column: the term-position ranges of the
  claim sentences in ``title`` and ``body``. ``claims:`` queries search those
  two fields and keep only matches inside a range, so claim text costs no
  second copy of its postings (it was half the indexing time of extraction).
- ``near`` a per-document column: the statement's MinHash signature, and
  ``near_blocks`` keyword terms: its lines hashed with its publisher
  (``indexer.near``); searches group reposted copies with them. An index
  made before has neither field: its statements are not grouped.
- ``claim_by`` keyword terms: the folded names a claim's act is attributed
  to (its ``by`` role, ``indexer.extraction.roles``), in claims not denied; ``by:`` and
  the ``by`` facet read it. ``claim_roles`` the other roles as
  ``role|name`` terms (``in|idlib``, ``against|kurds``, ``speaker|russia``).
  ``claim_roles_of`` a per-document column: each claim's terms
  (``type|bombardment``, ``by|russia``, ``negated|true``; ``at|title`` or
  ``at|lead`` where it stands there; ``actor|x`` and ``location|x`` for the
  names its sentence mentions, a place with the places it lies in), tab-separated, one
  line per claim; ``claim:( ... )`` groups check their conditions in one
  claim with it (``query._claimgroup``). An index made before has none of
  the three: its claims have no roles (index again to get them).
- ``record`` the JSON of everything else shown to users (claims, evidence,
  metadata), stored only.
- a keyword field per field of the registry filled from the record
  (``indexer.fields``: ``sources``, the news agency a text credits). An
  index made before such a field lacks it: its ``source:`` finds nothing.

The module is imported by query/ too; it must stay a leaf over ``analysis``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from functools import lru_cache

from array import array
from bisect import bisect_left

from whoosh.columns import FixedBytesColumn, VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.formats import Positions
from whoosh.system import _INT_SIZE, pack_uint

from indexer.analysis import analyze_with_starts, fold, sift_analyzer
from indexer.fields import RECORD_FIELDS, record_values
from indexer.postings import BIG_ENDIAN, Postings, positions_bytes
from indexer.near import SIGNATURE_SIZE
from indexer.model import (
    EVIDENCE_FIELDS, ROLE_NAMES, Extraction, Statement, claim_place, claim_to_json, format_period, read_period,
    place_parents, roles_to_json, sentences_as_text,
)

#: Text fields whose terms ``indexer.writing.prepare`` computes ahead of the writer.
ANALYSED_FIELDS = ("title", "body", "publisher")
#: ... of which these are also stored (as the original text).
STORED_ANALYSED_FIELDS = frozenset({"title", "body", "publisher"})
#: Keyword fields whose postings ``indexer.writing.prepare`` computes.
PREPARED_KEYWORD_FIELDS = ("actors", "locations", "claim_types")

#: Keyword fields of claim roles (not in indexes made before them).
ROLE_KEYWORD_FIELDS = ("claim_by", "claim_roles")
#: The column of each claim's role terms (see the module docs).
CLAIM_ROLES_COLUMN = "claim_roles_of"
#: Every field an index made before claim roles lacks.
ROLE_FIELDS = (*ROLE_KEYWORD_FIELDS, CLAIM_ROLES_COLUMN)

#: Bytes of the ``near`` column (``indexer.near.SIGNATURE_SIZE`` uint32).
SIGNATURE_BYTES = SIGNATURE_SIZE * 4

#: Bump when the schema or the meaning of a field changes (forces a rebuild).
SCHEMA_VERSION = 2

#: Field codes in ``claim_spans`` values and stored evidence.
CLAIM_FIELDS = EVIDENCE_FIELDS


class SiftPositions(Positions):  # type: ignore[misc]
    """Whoosh's ``Positions`` with the positions as little-endian uint32
    after the count, instead of a pickle: ``query.vector`` decodes the
    positions of thousands of postings in one numpy call (phrases), and
    writing them costs less. Pickled into the schema: keep the name."""

    def encode(self, poslist: list[int]) -> bytes:
        return bytes(pack_uint(len(poslist))) + positions_bytes(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        values = array("I")
        values.frombytes(valuestring[_INT_SIZE:])
        if BIG_ENDIAN:
            values.byteswap()
        return values.tolist()


class PreparedKeyword(KEYWORD):  # type: ignore[misc]
    """A KEYWORD field that also accepts :func:`keyword_postings`."""

    def index(self, value: Any, **kwargs: Any) -> Any:
        if isinstance(value, Postings):
            return iter(value)
        return super().index(value, **kwargs)


class PreparedText(TEXT):  # type: ignore[misc]
    """A TEXT field that also accepts ``Postings`` computed ahead of time,
    its positions in the :class:`SiftPositions` format."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        this: Any = self  # Whoosh's attributes are untyped
        if type(this.format) is Positions:
            this.format = SiftPositions(field_boost=this.format.field_boost)

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
        actors=PreparedKeyword(commas=True, scorable=True),
        locations=PreparedKeyword(commas=True, scorable=True),
        claim_types=PreparedKeyword(commas=True, scorable=True),
        claim_spans=COLUMN(VarBytesColumn()),
        near=COLUMN(FixedBytesColumn(SIGNATURE_BYTES)),
        near_blocks=PreparedKeyword(commas=True),
        claim_by=PreparedKeyword(commas=True, scorable=True),
        claim_roles=PreparedKeyword(commas=True),
        claim_roles_of=COLUMN(VarBytesColumn()),
        record=STORED(),
        # Keyword fields of the field registry filled from the record (source: ...).
        **{f.index_field: PreparedKeyword(commas=True, scorable=True) for f in RECORD_FIELDS},
    )


@lru_cache(maxsize=65536)
def keyword_value(name: str) -> str:
    """The form of a canonical name stored in a keyword field (``assad regime``)."""
    return " ".join(fold(name).replace(",", " ").split())


def _keywords(names: list[str]) -> str:
    return ",".join(map(keyword_value, names))


def version_key(statement_id: str, content_hash: str) -> str:
    """One term per (statement, content): finding it means "unchanged" without
    decoding stored fields."""
    return f"{statement_id}\x1f{content_hash}"


def claim_char_ranges(claims: list[dict[str, Any]], title: str, body: str) -> list[tuple[int, int, int]]:
    """``(field code, start, end)`` character ranges of claim sentences.

    A claim in the stored form (``Statement.to_json(spans=True)``) carries
    its range. One with only its sentence text is looked for: claims come in
    text order, a claimed title first (extraction reads the title as a first
    sentence), so each sentence is looked for after the previous one.
    """
    return [r for r in _claim_ranges(claims, title, body) if r is not None]


def _claim_ranges(claims: list[dict[str, Any]], title: str, body: str) -> list[tuple[int, int, int] | None]:
    """Each claim's range (see :func:`claim_char_ranges`), ``None`` where its
    sentence is not in the text."""
    ranges: list[tuple[int, int, int] | None] = []
    cursor = 0
    title_seen = False
    for claim in claims:
        span = claim.get("span")
        if span is not None:
            ranges.append((CLAIM_FIELDS.index(span[0]), span[1], span[2]))
            continue
        sentence = claim.get("sentence") or ""
        found: tuple[int, int, int] | None = None
        if sentence and not title_seen and not any(ranges) and sentence == title:
            found = (0, 0, len(title))
            title_seen = True
        elif sentence:
            start = body.find(sentence, cursor)
            if start < 0:
                start = body.find(sentence)
            if start >= 0:
                found = (1, start, start + len(sentence))
                cursor = start + len(sentence)
        ranges.append(found)
    return ranges


def encode_claim_spans(char_ranges: list[tuple[int, int, int]], starts: dict[int, list[int]]) -> bytes:
    """The ``claim_spans`` column value: ``(field code, first, end)`` term
    positions (end exclusive) for character ranges, given each field's term
    start offsets."""
    values = array("I")
    for code, start, end in char_ranges:
        offsets = starts[code]
        first, last = bisect_left(offsets, start), bisect_left(offsets, end)
        if first < last:
            values.extend((code, first, last))
    return values.tobytes()


def decode_claim_spans(value: bytes) -> list[tuple[int, int, int]]:
    """The ranges of :func:`encode_claim_spans`."""
    values = array("I")
    values.frombytes(value)
    return [(values[i], values[i + 1], values[i + 2]) for i in range(0, len(values), 3)]


#: The stored record's encoder. No check for reference cycles: a record is
#: built here from plain lists and dicts, and the check costs a dictionary
#: insert per list (an evidence item is one).
_RECORD_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def to_document(statement_json: dict[str, Any], *, body: str, source: str, content_hash: str,
                term_starts: dict[int, list[int]] | None = None) -> dict[str, Any]:
    """The Whoosh document for a statement in its JSON form (``Statement.to_json``).

    :param body: the full text (not part of the JSON form).
    :param term_starts: the term start offsets of title (code 0) and body
        (code 1) when the caller analysed them already.
    """
    date = statement_json.get("date")
    claims = statement_json.get("claims", [])
    title = statement_json.get("title") or ""
    claim_ranges = _claim_ranges(claims, title, body)
    record = {
        "actors": statement_json.get("actors"),
        "actor_types": statement_json.get("actor_types") or {},
        "news_source": statement_json.get("news_source"),
        "locations": statement_json.get("locations"),
        "places": statement_json.get("places") or {},
        "claims": [_stored_claim(c, r) for c, r in zip(claims, claim_ranges)],
        "metadata": statement_json.get("metadata"),
        "evidence": _stored_evidence(statement_json.get("evidence") or {}, title, body),
    }
    return _document(
        statement_json["id"], title, body, read_period(date) if date else None,
        statement_json.get("url"), statement_json.get("publisher"),
        statement_json.get("actors", []), statement_json.get("locations", []),
        {t for c in claims for t in c.get("types", [c.get("type")]) if t},
        record, [r for r in claim_ranges if r is not None],
        source=source, content_hash=content_hash, term_starts=term_starts)


def statement_document(statement: Statement, *, source: str, content_hash: str,
                       term_starts: dict[int, list[int]] | None = None) -> dict[str, Any]:
    """``to_document(statement.to_json(spans=True), ...)``, built straight
    from the statement and the extraction ``indexer.extraction.extract`` made (its
    evidence already in the stored form): every statement indexed passes
    here, and going through the JSON form's dictionaries cost a third of
    what storing an extraction costs."""
    ex = statement.extraction or Extraction()
    claims = ex.claims
    ranges = [(CLAIM_FIELDS.index(c.field), c.start, c.end) for c in claims]
    record = {
        "actors": list(ex.actors),
        "actor_types": ex.actor_types,
        "news_source": ex.news_source,
        "locations": list(ex.locations),
        "places": ex.places,
        "claims": [{**claim_to_json(c, span=True), "span": list(r)} for c, r in zip(claims, ranges)],
        "metadata": statement.metadata,
        "evidence": ex.evidence,
    }
    return _document(
        statement.id, statement.title or "", statement.body,
        (statement.date, statement.date_precision) if statement.date else None, statement.url, statement.publisher,
        ex.actors, ex.locations, {t for c in claims for t in c.types}, record, ranges,
        source=source, content_hash=content_hash, term_starts=term_starts)


#: The microsecond of a stored ``date`` tells how much of it is known: a statement
#: known to the month or year is stored at its period's first day, marked so that
#: ``date:`` queries match it only where its whole period lies inside theirs.
PRECISION_MARKS = {"day": 0, "month": 1, "year": 2}
_PRECISION_OF_MARK = {mark: name for name, mark in PRECISION_MARKS.items()}


def stored_date(day: dt.date, precision: str) -> dt.datetime:
    """The ``date`` field's value for a date of ``precision``."""
    return dt.datetime(day.year, day.month, day.day, microsecond=PRECISION_MARKS[precision])


def date_text(value: dt.datetime) -> str:
    """A stored ``date`` as ``2019-08-03``, ``2019-08`` or ``2019``."""
    return format_period(value.date(), _PRECISION_OF_MARK.get(value.microsecond, "day"))


def _document(statement_id: str, title: str, body: str, period: tuple[dt.date, str] | None, url: str | None,
              publisher: str | None, actors: list[str], locations: list[str], claim_types: set[str],
              record: dict[str, Any], char_ranges: list[tuple[int, int, int]], *, source: str,
              content_hash: str, term_starts: dict[int, list[int]] | None) -> dict[str, Any]:
    """The document of :func:`to_document` and :func:`statement_document`."""
    doc: dict[str, Any] = {
        "id": statement_id,
        "source": source,
        "content_hash": content_hash,
        "version_key": version_key(statement_id, content_hash),
        "title": title,
        "body": body,
        "actors": _keywords(actors),
        "locations": _keywords(locations),
        "claim_types": ",".join(sorted(claim_types)),
        "record": _RECORD_ENCODER.encode(record),
    }
    doc.update(claim_role_fields(record.get("claims") or [], place_parents(record)))
    for field in RECORD_FIELDS:
        names = record_values(record, field.from_record or "")
        if names:
            doc[field.index_field] = _keywords(names)
    if char_ranges:
        if term_starts is None:
            term_starts = {code: analyze_with_starts(doc[name])[1] for code, name in enumerate(CLAIM_FIELDS)}
        doc["claim_spans"] = encode_claim_spans(char_ranges, term_starts)
    if url:
        doc["url"] = url
    if publisher:
        doc["publisher"] = publisher
        doc["publisher_facet"] = publisher
    if period:
        day, precision = period
        doc["date"] = stored_date(day, precision)
        doc["year"] = f"{day.year:04d}"
        if precision != "year":  # a year-only statement belongs to no month
            doc["month"] = f"{day.year:04d}-{day.month:02d}"
    return doc


def claim_role_fields(claims: list[dict[str, Any]],
                      parents: dict[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    """``claim_by``, ``claim_roles`` and ``claim_roles_of`` of a document from its claims in the
    stored form (see the module docs); ``parents``: ``indexer.model.place_parents``."""
    by: dict[str, None] = {}
    roles: dict[str, None] = {}
    lines: list[str] = []
    for claim in claims:
        negated = bool(claim.get("negated"))
        terms = dict.fromkeys(f"type|{t}" for t in claim.get("types") or ())
        for role, name, _start, _end in claim.get("roles") or ():
            value = keyword_value(name)
            term = f"{role}|{value}"
            terms[term] = None
            if not negated:
                if role == "by":
                    by[value] = None
                else:
                    roles[term] = None
        if negated:
            terms["negated|true"] = None
        terms.update(dict.fromkeys(f"actor|{keyword_value(n)}" for n in claim.get("actors") or ()))  # named there
        terms.update(dict.fromkeys(f"location|{keyword_value(p)}" for n in claim.get("locations") or ()
                                   for p in (n, *(parents or {}).get(n, ()))))
        terms.update(dict.fromkeys(claim_place(claim.get("span"))))
        lines.append("\t".join(terms))
    out: dict[str, Any] = {}
    if by:
        out["claim_by"] = ",".join(by)
    if roles:
        out["claim_roles"] = ",".join(roles)
    if lines:
        out[CLAIM_ROLES_COLUMN] = "\n".join(lines).encode("utf-8")
    return out


def decode_claim_roles(value: bytes) -> list[frozenset[str]]:
    """Each claim's terms from a ``claim_roles_of`` value."""
    return [frozenset(line.split("\t")) for line in value.decode("utf-8").split("\n")] if value else []


def _stored_claim(claim: dict[str, Any], char_range: tuple[int, int, int] | None) -> dict[str, Any]:
    """A claim as stored: ``{"types", "span": [field code, start, end],
    "actors", "locations"}``, its sentence text rebuilt on read (one that is
    not in the text keeps its ``sentence``)."""
    types = claim.get("types") or ([claim["type"]] if claim.get("type") else [])
    out: dict[str, Any] = {"types": types}
    if char_range is None:
        out["sentence"] = claim.get("sentence")
    else:
        out["span"] = list(char_range)
    out["actors"] = claim.get("actors") or []
    out["locations"] = claim.get("locations") or []
    roles = claim.get("roles") or [[role, item["name"], item["start"], item["end"]]
                                   for role in ROLE_NAMES for item in claim.get(role) or ()]
    if roles:
        out["roles"] = roles
    if claim.get("negated"):
        out["negated"] = True
    return out


def _stored_evidence(evidence: dict[str, Any], title: str, body: str) -> dict[str, Any]:
    """Evidence as stored: a named item is ``[field code, start, end,
    sentence start, sentence end]``, its text and sentence rebuilt on read
    (the text repeated per mention made the stored record five times the
    size of the body). Accepts items in that form (``Extraction``'s) or as
    dicts with sentences as text or as ``[start, end]``."""
    out: dict[str, Any] = {}
    for kind, names in evidence.items():
        out[kind] = {}
        for name, items in names.items():
            compact: list[Any] = []
            for item in items:
                if isinstance(item, list):  # already compact (extraction's own form)
                    compact.append(item)
                    continue
                sentence = item.get("sentence")
                code = 0 if item.get("field") == "title" else 1
                if isinstance(sentence, str) and "start" in item:
                    text = title if code == 0 else body
                    at = text.find(sentence, max(0, item["start"] - len(sentence)))
                    if 0 <= at <= item["start"] and item["end"] <= at + len(sentence):
                        sentence = [at, at + len(sentence)]
                if isinstance(sentence, list) and "start" in item:
                    compact.append([code, item["start"], item["end"], *sentence])
                else:
                    compact.append(item)
            out[kind][name] = compact
    return out


def _read_evidence(evidence: dict[str, Any], title: str, body: str) -> dict[str, Any]:
    """The inverse of :func:`_stored_evidence` (also reads the previous
    stored form, ``{..., "sentence": [start, end]}``)."""
    for names in evidence.values():
        for name, items in names.items():
            if any(isinstance(item, list) and len(item) != 5 for item in items):
                raise ValueError(f"evidence of {name!r} is not [field, start, end, from, to]")
    return sentences_as_text(evidence, title, body)


def _read_claim(claim: dict[str, Any], title: str, body: str) -> dict[str, Any]:
    """The inverse of :func:`_stored_claim`: the public claim form."""
    if "span" not in claim:
        return claim
    code, start, end = claim["span"]
    types = claim.get("types") or []
    sentence = (title if code == 0 else body)[start:end]
    return {"type": types[0] if types else None, "types": types, "sentence": sentence,
            "actors": claim.get("actors") or [], "locations": claim.get("locations") or [],
            **roles_to_json(claim.get("roles"), CLAIM_FIELDS[code], sentence, start),
            "negated": bool(claim.get("negated"))}


def from_stored(fields: dict[str, Any]) -> dict[str, Any]:
    """The statement's JSON form back from a document's stored fields."""
    record = json.loads(fields.get("record") or "{}")
    title, body = fields.get("title") or "", fields.get("body") or ""
    if record.get("evidence"):
        record["evidence"] = _read_evidence(record["evidence"], title, body)
    if record.get("claims"):
        record["claims"] = [_read_claim(c, title, body) for c in record["claims"]]
    date = fields.get("date")
    return {
        "id": fields["id"],
        "title": fields.get("title") or "",
        "date": date_text(date) if isinstance(date, dt.datetime) else None,
        "publisher": fields.get("publisher"),
        "url": fields.get("url"),
        "actors": record.get("actors") or [],
        "actor_types": record.get("actor_types") or {},
        "news_source": record.get("news_source"),
        "locations": record.get("locations") or [],
        "places": record.get("places") or {},
        "claims": record.get("claims") or [],
        "evidence": record.get("evidence") or {},
        "metadata": record.get("metadata") or {},
    }
