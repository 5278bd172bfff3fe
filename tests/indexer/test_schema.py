"""Claim sentences as term-position ranges (the ``claim_spans`` column)."""

from __future__ import annotations

from indexer.analysis import analyze_with_starts
from pathlib import Path

from indexer.schema import claim_char_ranges, decode_claim_spans, encode_claim_spans, from_stored, to_document


def _claim(sentence: str) -> dict[str, object]:
    return {"type": "killing", "types": ["killing"], "sentence": sentence}


def test_analyze_with_starts_matches_analyze_positions() -> None:
    terms, starts = analyze_with_starts("The regime's jets bombed Dara'a, again.")
    assert terms == ["regim", "jet", "bomb", "daraa", "again"]
    assert starts == [4, 13, 18, 25, 33]


def test_claim_ranges_find_title_and_repeated_sentences_in_order() -> None:
    title = "Jets bombed Aleppo"
    body = "Jets bombed Aleppo. Nothing else. Jets bombed Aleppo."
    claims = [_claim(title), _claim("Jets bombed Aleppo."), _claim("Jets bombed Aleppo.")]
    assert claim_char_ranges(claims, title, body) == [(0, 0, 18), (1, 0, 19), (1, 34, 53)]


def test_claim_ranges_skip_sentences_not_in_the_text() -> None:
    assert claim_char_ranges([_claim("Not there.")], "t", "Some body.") == []


def test_spans_are_term_positions_end_exclusive() -> None:
    body = "The town fled. Regime forces shelled the town."
    _, starts = analyze_with_starts(body)
    value = encode_claim_spans([(1, 15, len(body))], {0: [], 1: starts})
    # terms: town(0) fled(1) regim(2) forc(3) shell(4) town(5)
    assert decode_claim_spans(value) == [(1, 2, 6)]


def test_document_carries_spans_only_with_claims() -> None:
    statement = {"id": "x", "title": "T", "claims": [_claim("Regime forces shelled the town.")]}
    body = "The town fled. Regime forces shelled the town."
    doc = to_document(statement, body=body, source="s", content_hash="h")
    assert decode_claim_spans(doc["claim_spans"]) == [(1, 2, 6)]
    assert "claim_spans" not in to_document({"id": "y"}, body=body, source="s", content_hash="h")


def test_keyword_postings_equal_whooshs_keyword_field() -> None:
    from indexer.postings import keyword_postings
    from indexer.schema import build_schema

    field = build_schema()["actors"]
    for value in ("assad regime,russia,assad regime", "un security council", "a,b,c,a,a"):
        assert list(keyword_postings(value)) == list(field.index(value))


def test_positions_postings_equal_whooshs_text_field() -> None:
    """The prepared postings are what the ``body`` field would index itself:
    terms seen once and repeated, positions past the table of single ones."""
    from indexer.analysis import analyze
    from indexer.postings import positions_postings
    from indexer.schema import build_schema

    field = build_schema()["body"]
    long_text = " ".join(f"w{i}" for i in range(9000)) + " regime w8500 w3 regime"
    for text in ("Regime forces shelled the town, then the regime shelled it again.", "one", long_text):
        mine = list(positions_postings(analyze(text)))
        assert sorted(mine) == sorted(field.index(text))
        assert all(type(weight) is float for _, _, weight, _ in mine)


def test_stored_evidence_keeps_sentences_as_spans_and_reads_back_the_same() -> None:
    import json

    from indexer.extraction.extract import extract
    from indexer.extraction.gazetteer import Gazetteer
    from indexer.model import Statement

    body = ("Regime forces shelled Douma. Regime forces shelled Douma. "
            "Russian jets struck Idlib on Monday, the Syrian Observatory for Human Rights said.")
    statement = Statement(id="e1", title="Shelling in Douma", body=body, source="s")
    statement.extraction = extract(statement, Gazetteer.load())
    form = statement.to_json()
    for given in (form, statement.to_json(spans=True)):  # sentences as text or as spans
        doc = to_document(given, body=body, source="s", content_hash="h")
        record = json.loads(doc["record"])
        named = [i for items in record["evidence"]["locations"].values() for i in items if isinstance(i, list)]
        assert named and all(len(i) == 5 and all(isinstance(n, int) for n in i) for i in named)
        assert record["claims"] and all("sentence" not in c and len(c["span"]) == 3 for c in record["claims"])
        assert body not in doc["record"] and "Regime forces shelled Douma." not in doc["record"]
        back = from_stored({"id": "e1", "title": doc["title"], "body": body, "record": doc["record"]})
        assert back["evidence"] == form["evidence"]
        assert back["claims"] == form["claims"]
    assert any(i.get("field") == "title" for items in form["evidence"]["locations"].values() for i in items)


def test_records_stored_by_the_previous_form_still_read() -> None:
    """Indexes written before evidence and claims were stored as offsets."""
    import json

    body = "Regime forces shelled Douma. Jets struck Idlib."
    claim = {"type": "bombardment", "types": ["bombardment"], "sentence": "Regime forces shelled Douma.",
             "actors": ["Assad regime"], "locations": ["Douma"]}
    item = {"field": "body", "start": 22, "end": 27, "text": "Douma", "sentence": [0, 28]}
    record = {"actors": ["Assad regime"], "locations": ["Douma"], "claims": [claim], "metadata": {},
              "evidence": {"actors": {}, "locations": {"Douma": [item]}}}
    back = from_stored({"id": "old", "title": "", "body": body, "record": json.dumps(record)})
    assert back["claims"] == [claim]
    assert back["evidence"]["locations"]["Douma"] == [{**item, "sentence": "Regime forces shelled Douma."}]


def test_keyword_fields_are_indexed_not_stored_twice(tmp_path: Path) -> None:
    """The record holds the display names; the folded keyword values are
    only indexed (storing them too cost ~1 % of indexing time for nothing)."""
    from whoosh import index as whoosh_index

    from indexer.schema import build_schema

    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    statement = {"id": "k", "title": "T", "actors": ["Assad regime"], "locations": ["Douma"]}
    with ix.writer() as writer:
        writer.add_document(**to_document(statement, body="Regime forces shelled Douma.", source="s",
                                          content_hash="h"))
    with ix.searcher() as searcher:
        fields = searcher.stored_fields(0)
        assert "actors" not in fields and "locations" not in fields
        assert searcher.document_number(actors="assad regime") == 0
        assert from_stored(fields)["actors"] == ["Assad regime"]


def test_statement_document_equals_the_document_of_the_json_form() -> None:
    """Indexing builds documents straight from the extraction; that must give
    exactly what the JSON form (``sift extract``'s values) gives."""
    import datetime as dt

    from indexer.extraction.extract import extract
    from indexer.formats import read_file
    from indexer.extraction.gazetteer import Gazetteer
    from indexer.model import Statement
    from indexer.schema import statement_document
    from tests.conftest import SEED_FILE

    gazetteer = Gazetteer.load()
    (seed,) = read_file(SEED_FILE).statements
    others = [
        Statement(id="t", title="Regime jets bomb Douma", body="Regime jets bombed Douma. Nothing else happened.",
                  source="s", url="https://example.org/a", publisher="Example", date=dt.date(2017, 4, 5),
                  metadata={"lang": "en"}),
        Statement(id="u", title="", body="No names, no claims here.", source="s"),
        Statement(id="v", title="Khan Sheikhoun", body="", source="s"),
    ]
    docs = {}
    for statement in (seed, *others):
        statement.extraction = extract(statement, gazetteer)
        fast = statement_document(statement, source="f.txt", content_hash="h", term_starts=None)
        slow = to_document(statement.to_json(spans=True), body=statement.body, source="f.txt", content_hash="h")
        assert fast == slow
        docs[statement.id] = fast
    # The cases compared hold claims, evidence of both kinds and a dated, published statement.
    assert docs[seed.id]["claim_spans"] and docs["t"]["claim_spans"] and docs["t"]["date"] == dt.datetime(2017, 4, 5)
    assert '"inferred_from"' in docs["v"]["record"] and docs[seed.id]["actors"] and docs["t"]["publisher_facet"]


def test_actor_types_are_stored_and_read_back_by_both_paths() -> None:
    import json

    from indexer.extraction.extract import extract
    from indexer.extraction.gazetteer import Gazetteer
    from indexer.model import Statement
    from indexer.schema import statement_document

    body = "Foreign Minister Sergei Lavrov said Russia would respond. Hamas denied it."
    statement = Statement(id="t1", title="", body=body, source="s")
    statement.extraction = extract(statement, Gazetteer.load())
    form = statement.to_json()
    assert form["actor_types"] == {"Sergei Lavrov": "person", "Russia": "state", "Hamas": "armed_group"}
    for doc in (to_document(form, body=body, source="s", content_hash="h"),
                statement_document(statement, source="s", content_hash="h")):
        back = from_stored({"id": "t1", "title": "", "body": body, "record": doc["record"]})
        assert back["actor_types"] == form["actor_types"]
        assert json.loads(doc["record"])["actor_types"]["Sergei Lavrov"] == "person"
