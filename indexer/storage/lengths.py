"""Exact field-length totals, whatever the merge history (issue 22).

Whoosh keeps two field lengths: each document's, as one byte
(``length_to_byte``: exact up to 10 tokens, then about 6 % steps), and each
segment's total of the true lengths (the per-document writer adds them up).
A merge only has the bytes, so Whoosh (and Sift before this module) rebuilt
the merged segment's total from the rounded lengths: BM25's average field
length, hence every score, moved by up to 0.3 % with the merges an index
happened to make, and a sharded index equalled one index only when their
merges agreed. A segment's total also counted its deleted documents until a
merge dropped them.

Here each segment also stores each document's true length (a 4-byte column
per field, ``exact_column``), so that:

- a merge adds up its sources' live totals (:func:`live_total`): the true
  total less the deleted documents' true lengths;
- a reader's ``field_length`` is that live total too (:class:`ExactLengthsReader`).

So a field's total is the exact sum of the live documents' true lengths
whatever the merges. Segments written before the column (and documents a
merge copied from them) fall back to the length byte for their deleted
documents only.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader, W3PerDocWriter, _lenfield
from whoosh.columns import NumericColumn
from whoosh.util.numeric import byte_to_length

#: A document's true length in a field (0: not stored, use the length byte).
EXACT_COLUMN = NumericColumn("I", default=0)


def exact_column(fieldname: str) -> str:
    """The name of the column of ``fieldname``'s true lengths."""
    return f"_{fieldname}_exactlen"


class ExactLengthsWriter(W3PerDocWriter):  # type: ignore[misc]
    """Whoosh 3's per-document writer, also storing each true length."""

    def add_field(self, fieldname: str, fieldobj: Any, value: Any, length: int) -> None:
        super().add_field(fieldname, fieldobj, value, length)
        if length:
            self.add_column_value(exact_column(fieldname), EXACT_COLUMN, length)


class ExactLengthsReader(W3PerDocReader):  # type: ignore[misc]
    """Whoosh 3's per-document reader whose ``field_length`` leaves out deleted documents."""

    def field_length(self, fieldname: str) -> int:
        return live_total(self, fieldname)


def doc_length(reader: W3PerDocReader, docnum: int, fieldname: str) -> int:
    """Document ``docnum``'s true length in ``fieldname`` (the length byte's
    value where the segment has no true one)."""
    exact = _column(reader, exact_column(fieldname), EXACT_COLUMN)
    if exact is not None and docnum < len(exact) and exact[docnum]:
        return int(exact[docnum])
    lengths = _column(reader, _lenfield(fieldname), LENGTHS_COLUMN)
    return byte_to_length(lengths[docnum]) if lengths is not None and docnum < len(lengths) else 0


def live_total(reader: W3PerDocReader, fieldname: str) -> int:
    """The sum of ``fieldname``'s true lengths over the segment's live documents."""
    segment = reader._segment
    total = int(segment._fieldlengths.get(fieldname, 0))
    if segment.has_deletions():
        total -= sum(doc_length(reader, docnum, fieldname) for docnum in segment.deleted_docs())
    return total


def _column(reader: W3PerDocReader, name: str, column: Any) -> Any:
    return reader._cached_reader(name, column)
