"""Reading a per-document column over a whole index, segment by segment.

Whoosh's ``MultiReader.column_reader`` leaves out the segments that have no
file for the column (a segment holding only undated statements has no
``date`` column, one without claims no ``claim_spans``), so every later
document is read at the wrong row, or past the end of a column (issue 23:
``unpack requires a buffer of 8 bytes``). Sift reads columns through
:func:`column_reader` instead: every segment stands for exactly its own
documents, with the column's default value where it has no file. The mix of
segments Whoosh gets wrong is therefore harmless, and ``sift check``
verifies each segment's columns (:func:`column_problem`).
"""

from __future__ import annotations

from typing import Any

from whoosh.columns import EmptyColumnReader, MultiColumnReader

__all__ = ["column_problem", "column_reader"]


def column_reader(reader: Any, field: str, *, translate: bool = True) -> Any:
    """The ``field`` column of every document of ``reader``, by global document number.

    :param reader: a Whoosh reader (one segment, several, or an empty index).
    :param translate: give field values (``datetime``...) rather than the
        column's raw sortable values, as Whoosh's ``column_reader`` does.
    """
    leaves = [(leaf, offset) for leaf, offset in reader.leaf_readers() if leaf.doc_count_all()]
    if not leaves:
        column = reader.schema[field].column_type
        return EmptyColumnReader(column.default_value(), 0)
    if len(leaves) == 1:
        return leaves[0][0].column_reader(field, translate=translate)
    # SegmentReader.column_reader substitutes the default for a missing file.
    parts = [leaf.column_reader(field, translate=translate) for leaf, _offset in leaves]
    return MultiColumnReader(parts, [offset for _leaf, offset in leaves])


def column_problem(segment_reader: Any, field: str) -> str | None:
    """Why one segment's ``field`` column cannot be read row by row, or ``None``.

    A column must hold exactly one value per document of its segment;
    otherwise every read through it is shifted or fails.
    """
    if not segment_reader.has_column(field):
        return None  # read as the default value for every document
    count = segment_reader.doc_count_all()
    try:
        column = segment_reader.column_reader(field, translate=False)
        if len(column) != count:
            return f"column {field!r} holds {len(column)} values for {count} documents"
        for docnum in range(count):
            column[docnum]
    except Exception as exc:  # a truncated column fails in struct, zlib, IndexError...
        return f"column {field!r} cannot be read ({type(exc).__name__}: {exc})"
    return None
