"""Adding a document's postings to the writer's pool a field at a time.

Whoosh's ``SegmentWriter.add_document`` hands every posting of a document
to ``PostingPool.add`` one call at a time (two assertions, a size sum and an
append each): a statement has about 290 postings, and those calls were
about 6 % of indexing. :class:`BulkAdd` does what it does, field by field:
the field's postings are built with C-level passes and appended at once,
and the pool's size grows by their sum, unless they would take the pool
over its memory limit, where each goes through ``PostingPool.add`` so the
pool spills to disk exactly where it would have. The segment written is the
same, byte for byte.
"""

from __future__ import annotations

from itertools import repeat
from operator import mul
from typing import Any

from whoosh.writing import SegmentWriter

#: ``PostingPool.add``'s estimate of one posting's memory, less its strings' lengths.
_POSTING_SIZE = (28 + 4 * 5) + 21 + 26 + 18 + 16 + 21


class BulkAdd(SegmentWriter):  # type: ignore[misc]
    """A SegmentWriter whose ``add_document`` adds each field's postings at once."""

    #: The schema's fields without spelling or vectors (the ones added here), once known.
    bulk_fields: frozenset[str] | None = None

    def add_document(self, **fields: Any) -> None:
        this: Any = self  # Whoosh's attributes are untyped
        schema = this.schema
        fieldnames = sorted([name for name in fields if not name.startswith("_")])
        if self.bulk_fields is None:
            self.bulk_fields = frozenset(name for name, field in schema.items()
                                         if not field.separate_spelling() and not field.vector)
        if not self.bulk_fields.issuperset(fieldnames) \
                or any(name.endswith("_boost") and name.startswith("_") for name in fields):
            super().add_document(**fields)  # spelling, vectors, boosts: Whoosh's own (Sift has none)
            return
        this._check_state()
        perdocwriter = this.perdocwriter
        docnum = this.docnum
        pool = this.pool
        this._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        for fieldname in fieldnames:
            value = fields[fieldname]
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                items = list(field.index(value))
                if items:
                    length = _add_postings(pool, fieldname, docnum, items, field.scorable)
            customval = fields.get(f"_stored_{fieldname}", value)
            perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
            column = field.column_type
            if column and customval is not None:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
        perdocwriter.finish_doc()
        this._added = True
        this.docnum += 1


def _add_postings(pool: Any, fieldname: str, docnum: int, items: list[tuple[bytes, int, float, Any]],
                  scorable: bool) -> int:
    """Add one field's ``(term bytes, frequency, weight, value)`` items to
    ``pool`` as ``(field, term bytes, document, weight, value)``; the field's
    length (its frequencies' sum when scorable, else 0)."""
    tbytes, freqs, weights, values = zip(*items)
    weights = tuple(map(mul, weights, repeat(1.0)))  # as Whoosh's ``weight *= fieldboost``
    if None in values:
        size = sum(len(v) for v in values if v is not None)
    else:
        size = sum(map(len, values))
    size += len(items) * (_POSTING_SIZE + len(fieldname)) + 2 * sum(map(len, tbytes))
    postings = zip(repeat(fieldname), tbytes, repeat(docnum), weights, values)
    if pool.currentsize + size > pool.limit:
        for posting in postings:
            pool.add(posting)
    else:
        pool.fieldnames.add(fieldname)
        pool.currentsize += size
        pool.current.extend(postings)
    return sum(freqs) if scorable else 0
