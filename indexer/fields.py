"""Every field a user meets, declared once (issue 19).

A :class:`Field` says what a field is called in queries, what kind of value
it takes (the kind decides how the query language reads it:
``query.parse``), which index field holds it, its facets (what matches are
counted by, the search page's panel title, what a click on a value
filters), its key in a hit's JSON and in the CSV and JSON Lines exports, and
the examples the query help shows. The parser, the query help, facets, the
web page and the exports read :data:`FIELDS`; the schema adds an index field
for every field whose values come from the stored record (``from_record``).

Adding such a field is adding one entry: ``source`` (the news agency a text
credits, found by extraction, ``indexer.extraction.boilerplate``) was added so.

The module is a leaf: the read side (``query``) imports it.
"""

from __future__ import annotations

from dataclasses import dataclass

#: How the query language reads a field's values.
KINDS = frozenset({
    "text",        # analysed words, phrases, prefixes (title:, body:)
    "names",       # folded names in a keyword field, aliases resolved if the field says whose (actor:)
    "claim_type",  # a claim type of the taxonomy (claim:)
    "role",        # a claim role (by:, in: ...)
    "flag",        # true/false inside claim:( ... ) (negated:)
    "date",        # a day, month or year, ranges (date:)
})


@dataclass(frozen=True)
class Facet:
    """Counts of matching statements per value of an index field.

    :param name: the facet's name in ``search(facets=...)`` and in JSON.
    :param title: the search page's panel title (``None``: not shown there).
    :param literal: keys are shown as they are; else as the names stored
        in the record under ``record_key`` (keys are folded names).
    :param filter: the query field a click on a value filters.
    :param panel: the panel's place on the search page (lower first).
    """

    name: str
    index_field: str
    title: str | None = None
    literal: bool = True
    record_key: str | None = None
    filter: str = ""
    panel: int = 0


@dataclass(frozen=True)
class Field:
    """One field of the query language and what goes with it.

    :param aliases: for ``names``: whose aliases resolve a value
        (``"actor"`` or ``"location"``, the gazetteer's two kinds); none:
        the value is only folded.
    :param column: the key of the field's value in a hit's JSON and its
        export column, for a field that has no fixed place in them.
    :param from_record: the index field is filled at indexing time from the
        stored record's value under this key (a name or a list of names).
    """

    name: str
    kind: str
    index_field: str = ""
    help: str = ""
    example: str = ""
    more_examples: tuple[str, ...] = ()
    aliases: str | None = None
    facets: tuple[Facet, ...] = ()
    column: str | None = None
    from_record: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"field {self.name!r}: unknown kind {self.kind!r}")


FIELDS: tuple[Field, ...] = (
    Field("title", "text", "title", "words in the title", "title:genocide"),
    Field("body", "text", "body", "words in the full text", 'body:"barrel bombs"'),
    Field("claims", "text", "claims", "words inside claim sentences", "claims:chemical"),
    Field("publisher", "text", "publisher", "the publisher's name", 'publisher:"Syrian Coalition"',
          facets=(Facet("publisher", "publisher_facet", "Publishers", filter="publisher", panel=5),)),
    Field("actor", "names", "actors", "an actor, aliases resolved", 'actor:"Assad regime"',
          ('actor:"regime forces"', "actor:assad*"), aliases="actor",
          facets=(Facet("actor", "actors", "Actors", literal=False, record_key="actors", filter="actor", panel=1),)),
    Field("location", "names", "locations", "a place, aliases resolved", "location:Daraa",
          ('location:"Dara\'a"', "location:zor*"), aliases="location",
          facets=(Facet("location", "locations", "Locations", literal=False, record_key="locations",
                        filter="location", panel=2),)),
    Field("claim", "claim_type", "claim_types", "a claim type; claim:( ): all in 1 claim", "claim:ethnic_cleansing",
          ('claim:"ethnic cleansing"', "claim:(bombardment AND by:Russia AND in:Idlib)"),
          facets=(Facet("claim", "claim_types", "Claims", filter="claim", panel=3),)),
    Field("date", "date", "date", "a day, month or year", "date:2016-02",
          ("date:2016-02-08", "date:[2016-01 TO 2016-06]", "date:{2016 TO 2018}", "date:[* TO 2016]",
           "date:>=2016-02", "date:<2017"),
          facets=(Facet("year", "year", "Years", filter="date", panel=7), Facet("month", "month", filter="date"))),
    Field("by", "role", "claim_by", "a claim's act attributed to this actor", "by:Russia",
          ("claim:(killing AND by:assad*)",),
          facets=(Facet("by", "claim_by", "Attributed to", literal=False, record_key="actors", filter="by", panel=4),)),
    Field("against", "role", "claim_roles", "a claim's act targets this actor", "against:Kurds"),
    Field("in", "role", "claim_roles", "a claim's act happened in this place", "in:Idlib"),
    Field("speaker", "role", "claim_roles", "a claim said by this actor", 'speaker:"UN Security Council"'),
    Field("negated", "flag", "", "claims that deny their act", "claim:(siege AND negated:true)"),
    Field("source", "names", "sources", "the news agency a text credits", "source:Reuters",
          ("source:AFP",), aliases="actor", column="news_source", from_record="news_source",
          facets=(Facet("source", "sources", "Sources", literal=False, record_key="news_source", filter="source", panel=6),)),
)

#: The fields by query name.
FIELDS_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
#: Every facet, in the order of :data:`FIELDS`.
FACETS: tuple[Facet, ...] = tuple(facet for f in FIELDS for facet in f.facets)
#: Fields whose index field is filled from the stored record (see :class:`Field`).
RECORD_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f.from_record)
#: Fields with a hit JSON key and export column of their own.
COLUMN_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f.column)


def record_values(record: dict[str, object], key: str) -> list[str]:
    """The names under ``key`` in a stored record: one name or a list."""
    value = record.get(key)
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [str(v) for v in value if v]
    return []
