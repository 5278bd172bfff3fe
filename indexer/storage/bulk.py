"""Adding a document's postings to the writer's pool a field at a time,
grouped per term.

Whoosh's ``SegmentWriter.add_document`` hands every posting of a document
to ``PostingPool.add`` one call at a time (two assertions, a size sum and an
append each), and at the flush sorts all of them, a tuple each, and the
field writer groups them per term again: a statement has about 290
postings, and those steps were about a tenth of indexing. :class:`BulkAdd`
adds a field's postings with C-level passes straight into per-term lists
(:class:`GroupedPool`), and the flush sorts only the terms. The pool still
spills to disk past its memory limit (as Whoosh's sorted runs), and the
segment written is the same, byte for byte.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from operator import mul
from typing import Any

from whoosh.analysis import IDTokenizer
from whoosh.fields import DATETIME, ID, NUMERIC
from whoosh.formats import Existence
from whoosh.writing import PostingPool, SegmentWriter

from indexer.postings import Postings
from indexer.storage.codec import PostingList, posting_lists

_FLOAT = {float}
#: Numeric values whose items a writer keeps.
_NUMERIC_KEPT = 4096
#: ``PostingPool.add``'s estimate of one posting's memory, less its strings' lengths.
_POSTING_SIZE = (28 + 4 * 5) + 21 + 26 + 18 + 16 + 21


class BulkAdd(SegmentWriter):  # type: ignore[misc]
    """A SegmentWriter whose ``add_document`` adds each field's postings at once."""

    #: The schema's fields without spelling or vectors (the ones added here), once known.
    bulk_fields: frozenset[str] | None = None
    #: ... and its plain ``ID`` fields (one term: the value itself).
    id_fields: frozenset[str] = frozenset()
    #: ... and its numeric and date fields (their terms depend on the value alone).
    numeric_fields: frozenset[str] = frozenset()

    def __init__(self, ix: Any, *args: Any, limitmb: int = 128, **kwargs: Any) -> None:
        super().__init__(ix, *args, limitmb=limitmb, **kwargs)
        this: Any = self
        this.pool = GroupedPool(this._tempstorage, this.newsegment, limitmb=limitmb)
        #: ``(field, value type, value)`` -> the items ``field.index(value)``
        #: yields: a date field's value recurs (statements of one day), and
        #: Whoosh makes its several trie terms through generators each time.
        self.numeric_items: dict[tuple[str, type, Any], list[Any]] = {}
        #: field name -> what ``add_document`` reads of it (``_plan``).
        self._plans: dict[str, tuple[Any, int, bool, bool, Any, str]] = {}

    def add_document(self, **fields: Any) -> None:
        this: Any = self  # Whoosh's attributes are untyped
        schema = this.schema
        fieldnames = sorted([name for name in fields if not name.startswith("_")])
        if self.bulk_fields is None:
            self.bulk_fields = frozenset(name for name, field in schema.items()
                                         if not field.separate_spelling() and not field.vector)
            self.id_fields = frozenset(name for name, field in schema.items() if type(field) is ID
                                       and type(field.analyzer) is IDTokenizer and type(field.format) is Existence)
            self.numeric_fields = frozenset(name for name, field in schema.items() if type(field) in (NUMERIC, DATETIME))
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
        plans = self._plans
        for fieldname in fieldnames:
            value = fields[fieldname]
            if value is None:
                continue
            plan = plans.get(fieldname)
            if plan is None:
                plan = plans[fieldname] = self._plan(schema, fieldname)
            field, kind, scorable, stored, column, stored_key = plan
            length = 0
            if kind:
                if kind == _ID and value.__class__ is str:
                    # What ``field.index`` yields, without its analyzer's generators.
                    items = [(value.encode("utf-8"), 1, field.format.field_boost, b"")]
                elif kind == _NUMERIC:
                    key = (fieldname, value.__class__, value)
                    found = self.numeric_items.get(key)
                    if found is None:
                        if len(self.numeric_items) >= _NUMERIC_KEPT:
                            self.numeric_items.clear()
                        found = self.numeric_items[key] = list(field.index(value))
                    items = found
                elif value.__class__ is Postings:  # what the prepared field's ``index`` yields, as columns
                    items = value
                else:
                    items = list(field.index(value))
                if items:
                    length = _add_postings(pool, fieldname, docnum, items, scorable)
            customval = fields.get(stored_key, value)
            perdocwriter.add_field(fieldname, field, customval if stored else None, length)
            if column and customval is not None:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
        perdocwriter.finish_doc()
        this._added = True
        this.docnum += 1

    def _plan(self, schema: Any, fieldname: str) -> tuple[Any, int, bool, bool, Any, str]:
        """What ``add_document`` reads of a field, once per writer and field:
        the field, how its terms are made (0: not indexed), whether it is
        scorable and stored, its column type and its ``_stored_`` key."""
        field = schema[fieldname]
        kind = 0 if not field.indexed else _ID if fieldname in self.id_fields \
            else _NUMERIC if fieldname in self.numeric_fields else _OTHER
        return field, kind, bool(field.scorable), bool(field.stored), field.column_type, f"_stored_{fieldname}"


#: How a field's terms are made (``BulkAdd._plan``).
_ID, _NUMERIC, _OTHER = 1, 2, 3


def _add_postings(pool: GroupedPool, fieldname: str, docnum: int,
                  items: Postings | list[tuple[bytes, int, float, Any]], scorable: bool) -> int:
    """Add one field's postings (:class:`~indexer.postings.Postings`, or
    ``(term bytes, frequency, weight, value)`` items) to ``pool`` as
    ``(field, term, document, weight, value)``; the field's length (its
    frequencies' sum when scorable, else 0)."""
    if items.__class__ is Postings:
        terms, freqs, weights, values = items.terms, items.freqs, items.weights, items.values  # type: ignore[union-attr]
    else:
        terms, freqs, weights, values = zip(*items)
    if set(map(type, weights)) != _FLOAT:  # (floats times 1.0 are themselves: no new float each)
        weights = tuple(map(mul, weights, repeat(1.0)))  # as Whoosh's ``weight *= fieldboost``
    if None in values:
        size = sum(len(v) for v in values if v is not None)
    else:
        size = sum(map(len, values))
    # (a text term's length in characters: its bytes' but for non-ASCII terms, an estimate either way)
    size += len(terms) * (_POSTING_SIZE + len(fieldname)) + 2 * sum(map(len, terms))
    pool.add_field(fieldname, docnum, terms, weights, values, size)
    return sum(freqs) if scorable else 0


class GroupedPool(PostingPool):  # type: ignore[misc]
    """Whoosh's posting pool keeping the postings added in bulk per field and
    term, each term's ``document, weight, value`` in the order added, flat in
    one list (no tuple per posting: a segment holds millions of postings, and
    a tuple each cost 64 bytes, an allocation and the collector's attention).

    A field's lists are keyed by the terms as given: the analyser's ``str``
    terms of a text field (``indexer.postings.Postings``; encoded once per
    term when the pool is read) or UTF-8 bytes; a field given both (never by
    Sift's writers) is keyed by bytes from then on.

    Documents are added in order and a field's terms are distinct within a
    document, so each term's list is in document order and the postings
    come out in Whoosh's order (field, term, document) once the terms are
    sorted (``str`` terms sort as their UTF-8 bytes). A posting added alone
    (Whoosh's own ``add_document``: spelling, vectors, boosts) turns the pool
    into Whoosh's flat list for the rest of the segment.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: field -> term -> ``[document, weight, value, document, weight, value, ...]``
        self.grouped: dict[str, defaultdict[Any, list[Any]]] = {}
        #: the fields of ``grouped`` keyed by ``str`` terms
        self.text_keyed: set[str] = set()
        self.flat = False

    def add_field(self, fieldname: str, docnum: int, terms: Sequence[str] | Sequence[bytes],
                  weights: Sequence[float], values: Sequence[Any], size: int) -> None:
        """Add one document's postings of one field (``size``: Whoosh's
        estimate of their memory, summed)."""
        if self.currentsize + size > self.limit:
            self.save()
        self.fieldnames.add(fieldname)
        self.currentsize += size
        text = terms[0].__class__ is str
        if self.flat:
            self.current.extend(zip(repeat(fieldname), _encoded(terms) if text else terms, repeat(docnum),
                                    weights, values))
            return
        lists = self.grouped.get(fieldname)
        if lists is None:
            lists = self.grouped[fieldname] = defaultdict(list)
            if text:
                self.text_keyed.add(fieldname)
        elif text != (fieldname in self.text_keyed):
            if text:
                terms = _encoded(terms)
            else:
                lists = self.grouped[fieldname] = defaultdict(list, zip(_encoded(lists), lists.values()))
                self.text_keyed.discard(fieldname)
        deque(map(list.extend, map(lists.__getitem__, terms), zip(repeat(docnum), weights, values)), maxlen=0)

    def add(self, item: Any) -> None:
        if not self.flat:
            self.current.extend(self._sorted_postings())
            self.grouped = {}
            self.text_keyed = set()
            self.flat = True
        super().add(item)

    def save(self) -> None:
        if self.grouped:
            self.current.extend(self._sorted_postings())  # (sorting a sorted list again is one pass)
            self.grouped = {}
            self.text_keyed = set()
        super().save()

    def items(self, maxfiles: int = 128) -> Any:
        if not self.runs and not self.current:
            return self._sorted_postings()
        return super().items(maxfiles)

    def posting_lists(self) -> Iterator[PostingList]:
        """The pool's postings as ``codec.posting_lists`` makes them of
        :meth:`items`: ``(field, term, ids, weights, values)`` per term."""
        if self.runs or self.current:
            return posting_lists(self.items())
        return self._grouped_lists()

    def _terms(self) -> Iterator[tuple[str, bytes, list[Any]]]:
        """``(field, term bytes, flat list)`` in Whoosh's order."""
        for fieldname in sorted(self.grouped):
            lists = self.grouped[fieldname]
            if fieldname in self.text_keyed:
                for term in sorted(lists):
                    yield fieldname, term.encode("utf-8"), lists[term]
            else:
                for btext in sorted(lists):
                    yield fieldname, btext, lists[btext]

    def _grouped_lists(self) -> Iterator[PostingList]:
        for fieldname, btext, flat in self._terms():
            yield fieldname, btext, flat[0::3], flat[1::3], flat[2::3]

    def _sorted_postings(self) -> Iterator[tuple[str, bytes, int, float, Any]]:
        for fieldname, btext, flat in self._terms():
            for docnum, weight, value in zip(flat[0::3], flat[1::3], flat[2::3]):
                yield fieldname, btext, docnum, weight, value


def _encoded(terms: Iterable[str]) -> list[bytes]:
    return [term.encode("utf-8") for term in terms]
