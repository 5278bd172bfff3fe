"""The records that flow through Sift: a statement, and what extraction finds in it.

Plain dataclasses with no behaviour beyond serialisation, so every stage
(ingest, extraction, writing, querying, the CLI) can share them without
importing each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mention:
    """One place in a text where a gazetteer entry (or a name pattern) matched.

    :param name: the canonical name (``Assad regime``, ``Daraa``).
    :param kind: the entry's type (``state``, ``armed_group``, ``city``, ...).
    :param start: character offset of the match in the text searched.
    :param end: character offset just past the match.
    :param surface: the text as written (``regime forces``, ``Dara'a``).
    """

    name: str
    kind: str
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class Claim:
    """A sentence that makes a claim, with its types and what it names."""

    types: tuple[str, ...]
    sentence: str
    start: int
    end: int
    actors: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    #: the field the sentence is in (``start``/``end`` are offsets into it)
    field: str = "body"
    #: ``(role, canonical name, start, end)`` per role filled (``indexer.extraction.roles``:
    #: ``by``, ``against``, ``in``, ``speaker``), offsets into ``field``
    roles: tuple[tuple[str, str, int, int], ...] = ()
    #: the sentence denies what it types (``rejected accusations that ...``)
    negated: bool = False


#: The fields evidence points into, by the code an evidence item starts with.
EVIDENCE_FIELDS = ("title", "body")
#: A body text's lead: a mention (a claim) whose sentence starts before this
#: character (``indexer.extraction.centrality``, claim groups' roles).
LEAD_CHARS = 300
#: Pseudo-frequency a mention in the title adds (the title says what a statement is about).
TITLE_BONUS = 2.0
#: Pseudo-frequency a mention in the lead adds.
LEAD_BONUS = 1.0
#: A claim's terms (``indexer.schema``'s ``claim_roles_of``) where it stands in
#: the title or the body's lead: a claim group's roles score them (``query._claimgroup``).
CLAIM_IN_TITLE, CLAIM_IN_LEAD = "at|title", "at|lead"


def claim_place(span: list[int] | None) -> tuple[str, ...]:
    """``(at|title,)`` for a stored claim (``span``: field code, start, end)
    in the title, ``(at|lead,)`` for one in the body's lead, else ``()``."""
    if not span:
        return ()
    if EVIDENCE_FIELDS[span[0]] == "title":
        return (CLAIM_IN_TITLE,)
    return (CLAIM_IN_LEAD,) if span[1] < LEAD_CHARS else ()


@dataclass
class Extraction:
    """Actors, locations and claims of one statement, with evidence.

    ``evidence`` maps ``"actors"`` and ``"locations"`` to ``{name: [item]}``
    where an item is ``[field code, start, end, sentence start, sentence
    end]`` for a name found in the title or body (the code indexes
    :data:`EVIDENCE_FIELDS`; offsets into that field) or ``{"inferred_from":
    name}`` for a place implied by a named place lying inside it (also when
    it is named itself: the claim terms then tie the inner place's claims to
    it, ``place_parents``). The compact
    form is what the index stores (an extraction finds dozens of names per
    statement, most never displayed); :meth:`Statement.to_json` gives the
    public form, ``{"field", "start", "end", "text", "sentence"}`` with the
    text of the name and of its sentence. (An item may also come in the
    public form, with ``sentence`` as text or as ``[start, end]``.)
    """

    actors: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    evidence: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    #: location -> ``{"kind", "lat", "lon", "country"}`` (kind: country,
    #: subdivision, city, region or water), for the locations whose
    #: coordinates are known
    places: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: actor -> its type (``person``, ``state``, ``armed_group``, ``organisation``...)
    actor_types: dict[str, str] = field(default_factory=dict)
    #: the news agency credited as the text's source (``Reuters`` from ``(Reuters) -``):
    #: metadata, not an actor
    news_source: str | None = None


@dataclass
class Statement:
    """One statement as read from its source, before extraction.

    :param source: where it came from: ``path`` or ``path#record``.
    :param header: lines before the body (seed format), kept for date and
        publisher detection.
    :param metadata: input fields Sift has no column for, kept as they came.
    """

    id: str
    title: str
    body: str
    source: str
    url: str | None = None
    publisher: str | None = None
    date: dt.date | None = None
    #: How much of ``date`` is known (``indexer.extraction.dates.PRECISIONS``): a year-only
    #: statement has ``date`` = 1 January and ``date_precision`` = "year".
    date_precision: str = "day"
    header: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    extraction: Extraction | None = None
    #: where in ``source`` the record is (``:3`` a JSON line, `` row 5`` a CSV
    #: row, ``#2`` a JSON list item; empty for a one-statement file), so an
    #: error about it (a duplicate id) can name the row
    record: str = ""

    def to_json(self, *, spans: bool = False) -> dict[str, Any]:
        """The JSON form shared by ``sift extract``, ``sift show`` and search hits.

        :param spans: leave evidence in its compact form (see
            :class:`Extraction`) and claims as ``"span": [field, start,
            end]`` instead of copying their text: the form ``indexer.schema``
            stores, which rebuilds the text on read.
        """
        ex = self.extraction or Extraction()
        return {
            "id": self.id,
            "title": self.title,
            "date": format_period(self.date, self.date_precision) if self.date else None,
            "publisher": self.publisher,
            "url": self.url,
            "actors": list(ex.actors),
            "actor_types": {name: ex.actor_types[name] for name in ex.actors if name in ex.actor_types},
            "news_source": ex.news_source,
            "locations": list(ex.locations),
            "places": dict(ex.places),
            "claims": [claim_to_json(c, span=spans) for c in ex.claims],
            "evidence": ex.evidence if spans else sentences_as_text(ex.evidence, self.title, self.body),
            "metadata": self.metadata,
            "source": self.source,
        }


def claim_to_json(claim: Claim, *, span: bool = False) -> dict[str, Any]:
    """A claim in the JSON contract: ``type`` is its main (first) type and
    ``types`` lists every type the sentence was given.

    :param span: ``{"types", "span": [field, start, end], "actors",
        "locations"}`` instead (see :meth:`Statement.to_json`).
    """
    if span:
        out: dict[str, Any] = {"types": list(claim.types), "span": [claim.field, claim.start, claim.end],
                               "actors": list(claim.actors), "locations": list(claim.locations)}
        if claim.roles:
            out["roles"] = [list(role) for role in claim.roles]
        if claim.negated:
            out["negated"] = True
        return out
    return {
        "type": claim.types[0] if claim.types else None,
        "types": list(claim.types),
        "sentence": claim.sentence,
        "actors": list(claim.actors),
        "locations": list(claim.locations),
        **roles_to_json(claim.roles, claim.field, claim.sentence, claim.start),
        "negated": claim.negated,
    }


#: The roles of a claim, in the JSON contract's order (``indexer.extraction.roles.ROLE_NAMES``).
ROLE_NAMES = ("by", "against", "in", "speaker")


def roles_to_json(roles: Any, field: str, sentence: str, offset: int) -> dict[str, list[dict[str, Any]]]:
    """``{"by": [...], "against": [...], "in": [...], "speaker": [...]}``, each
    role a list of ``{"name", "field", "start", "end", "text"}`` (the canonical
    name and its evidence span; ``text`` cut from ``sentence``, which starts
    at ``offset`` in ``field``)."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in ROLE_NAMES}
    for role, name, start, end in roles or ():
        if role in out:
            out[role].append({"name": name, "field": field, "start": start, "end": end,
                              "text": sentence[start - offset:end - offset]})
    return out


def sentences_as_text(evidence: dict[str, dict[str, list[Any]]], title: str,
                      body: str) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """``evidence`` in the public form: each item as ``{"field", "start",
    "end", "text", "sentence"}`` with the texts of the name and its sentence
    (inferred places unchanged)."""
    fields = {"title": title, "body": body}
    texts = (title, body)
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for kind, names in evidence.items():
        out[kind] = {}
        for name, items in names.items():
            copied = []
            for item in items:
                if isinstance(item, list):
                    code, start, end, s0, s1 = item
                    text = texts[code]
                    item = {"field": EVIDENCE_FIELDS[code], "start": start, "end": end,
                            "text": text[start:end], "sentence": text[s0:s1]}
                else:
                    span = item.get("sentence")
                    if isinstance(span, list):
                        item = {**item, "sentence": fields[item["field"]][span[0]:span[1]]}
                copied.append(item)
            out[kind][name] = copied
    return out


def format_period(day: dt.date, precision: str = "day") -> str:
    """``2019-08-03``, ``2019-08`` or ``2019``, as much as is known.

    >>> format_period(dt.date(2019, 8, 1), "month")
    '2019-08'
    """
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def read_period(text: str) -> tuple[dt.date, str]:
    """The inverse of :func:`format_period` (stored records)."""
    if len(text) == 4:
        return dt.date(int(text), 1, 1), "year"
    if len(text) == 7:
        return dt.date(int(text[:4]), int(text[5:7]), 1), "month"
    return dt.date.fromisoformat(text), "day"


def place_parents(record: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """``{place: the places it lies in}`` as the record shows them: the places
    inferred from it (``{"inferred_from": "Minsk"}`` in Belarus's evidence)
    and its country (``places``)."""
    out: dict[str, dict[str, None]] = {}
    for parent, items in ((record.get("evidence") or {}).get("locations") or {}).items():
        for item in items:
            if isinstance(item, dict) and item.get("inferred_from"):
                out.setdefault(item["inferred_from"], {})[parent] = None
    for name, info in (record.get("places") or {}).items():
        country = info.get("country") if isinstance(info, dict) else None
        if isinstance(country, str) and country and country != name:
            out.setdefault(name, {})[country] = None
    return {name: tuple(parents) for name, parents in out.items()}


#: The kinds of people and places an act targets, named by a common noun (issue 21):
#: extraction reads them as ``against`` values (``indexer.extraction.targets``), the query
#: side ranks a word naming one beside a claim type by the claims targeting it
#: (``query._claimwords``). The value is the kind in the plural, as ROLES.md's gold writes it.
#: Plural value -> the forms that name it (singular and plural; lower case).
TARGET_KINDS: dict[str, tuple[str, ...]] = {
    "women and children": ("women and children",),
    "civilians": ("civilian", "civilians"),
    "journalists": ("journalist", "journalists"),
    "reporters": ("reporter", "reporters"),
    "photographers": ("photographer", "photographers", "photojournalist", "photojournalists"),
    "bloggers": ("blogger", "bloggers"),
    "activists": ("activist", "activists"),
    "dissidents": ("dissident", "dissidents"),
    "human rights defenders": ("human rights defender", "human rights defenders"),
    "lawyers": ("lawyer", "lawyers"),
    "protesters": ("protester", "protesters", "protestor", "protestors"),
    "demonstrators": ("demonstrator", "demonstrators"),
    "students": ("student", "students"),
    "children": ("child", "children", "schoolchildren"),
    "women": ("woman", "women"),
    "doctors": ("doctor", "doctors"),
    "medics": ("medic", "medics", "paramedic", "paramedics"),
    "nurses": ("nurse", "nurses"),
    "aid workers": ("aid worker", "aid workers", "humanitarian worker", "humanitarian workers"),
    "rescue workers": ("rescue worker", "rescue workers", "rescuer", "rescuers"),
    "volunteers": ("volunteer", "volunteers"),
    "refugees": ("refugee", "refugees"),
    "worshippers": ("worshipper", "worshippers", "worshiper", "worshipers"),
    "hospitals": ("hospital", "hospitals"),
    "clinics": ("clinic", "clinics"),
    "medical facilities": ("medical facility", "medical facilities", "health facility", "health facilities"),
    "schools": ("school", "schools"),
    "markets": ("market", "markets", "marketplace"),
    "mosques": ("mosque", "mosques"),
    "churches": ("church", "churches"),
    "bakeries": ("bakery", "bakeries"),
    "aid convoys": ("aid convoy", "aid convoys", "humanitarian convoy", "humanitarian convoys"),
}
