"""Turning a statement into a ready-to-write Whoosh document.

Everything except writing postings happens here: extraction, building the
document and analysing its text fields into postings (``postings.Postings``;
Whoosh stores the ``_stored_<field>`` text). The indexing process and the
segment workers of ``indexer.writing.parallel`` both call :func:`prepare_document`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from indexer.analysis import analyze, analyze_with_starts
from indexer.extraction.centrality import LENGTHLESS, field_weights, weighted_postings
from indexer.extraction.extract import extract
from indexer.fields import RECORD_FIELDS
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Extraction, Statement
from indexer.near import block_terms, signature_bytes
from indexer.schema import (
    ANALYSED_FIELDS,
    CLAIM_FIELDS,
    PREPARED_KEYWORD_FIELDS,
    ROLE_FIELDS,
    ROLE_KEYWORD_FIELDS,
    STORED_ANALYSED_FIELDS,
    statement_document,
)
from indexer.postings import keyword_postings, positions_postings


@dataclass(frozen=True)
class Job:
    """One statement to prepare, with what the writer already decided."""

    statement: Statement
    source: str
    digest: str
    exists: bool


def prepare_document(job: Job, gazetteer: Gazetteer, run_extraction: bool,
                     group_copies: bool = True) -> dict[str, Any]:
    """Extract and build the document of one statement, its text pre-analysed.

    :param group_copies: add the fields that group reposted copies
        (``indexer.near``; an index made before they existed has none).
    """
    statement = job.statement
    statement.extraction = extract(statement, gazetteer) if run_extraction else Extraction()
    analysed = {name: analyze_with_starts((statement.title or "") if name == "title" else statement.body)
                for name in CLAIM_FIELDS}
    doc = statement_document(statement, source=job.source, content_hash=job.digest,
                             term_starts={code: analysed[name][1] for code, name in enumerate(CLAIM_FIELDS)})
    for name in ANALYSED_FIELDS:
        text = doc.get(name)
        if text:
            if name in STORED_ANALYSED_FIELDS:
                doc[f"_stored_{name}"] = text
            terms = analysed[name][0] if name in analysed else analyze(text)
            doc[name] = positions_postings(terms)
    if group_copies:
        body_terms, body_starts = analysed["body"]
        doc["near"] = signature_bytes(body_terms)
        blocks = block_terms(statement.body, body_terms, body_starts, statement.publisher)
        if blocks:
            doc["near_blocks"] = keyword_postings(blocks)
    # Keyword terms weighted by how central they are (indexer.extraction.centrality).
    weights = field_weights(statement.extraction)
    for name in ROLE_KEYWORD_FIELDS:
        value = doc.get(name)
        if value:
            doc[name] = weighted_postings(value, weights.get(name, {}))
    for name in PREPARED_KEYWORD_FIELDS:
        value = doc.get(name)
        if value:
            # Indexes made before these fields were indexed only still store
            # them: without this, Whoosh would store the postings object.
            doc[f"_stored_{name}"] = value
            doc[name] = weighted_postings(value, weights.get(name, {}), LENGTHLESS.get(name, frozenset()))
    return doc


#: A statement that goes through every step of preparing one (a person's
#: name, places, a date, a claim), for :func:`warm_up`.
_WARM_UP = Statement(
    id="warm-up", source="warm-up", title="Russia warns Turkey over Aleppo",
    body=("Foreign Minister Sergei Lavrov said on 3 May 2016 that Russian jets struck rebel positions in Aleppo "
          "and Idlib. Mr Lavrov urged the United Nations to send aid convoys to Homs, the agency reported."))


def warm_up(gazetteer: Gazetteer, run_extraction: bool) -> None:
    """Load what preparing a statement loads on first use (the stemmer, the
    gazetteer's matchers, the name lists, the claim rules), so processes
    forked afterwards share it copy-on-write instead of each loading it
    (0.2 s of CPU a process, besides the imports a spawned process repeats)."""
    prepare_document(Job(_WARM_UP, "warm-up", "", False), gazetteer, run_extraction)


def fit_to_schema(doc: dict[str, Any], schema: Any) -> dict[str, Any]:
    """``doc`` without the claim-role fields an index made before them lacks
    (Whoosh refuses unknown fields): its claims keep their roles in the
    stored record, but cannot be searched by role until it is rebuilt; the
    same for the field registry's fields filled from the record."""
    if ROLE_FIELDS[0] not in schema:
        for name in ROLE_FIELDS:
            doc.pop(name, None)
    for field in RECORD_FIELDS:  # the same for the registry's record fields
        if field.index_field not in schema:
            doc.pop(field.index_field, None)
    return doc
