"""Adding a document's postings a field at a time into per-term lists
(``indexer.storage.bulk``) writes what Whoosh's ``add_document`` and posting pool
write, including when the pool spills to disk."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from indexer.storage.codec import SiftCodec
from indexer.postings import keyword_postings, positions_postings
from indexer.analysis import analyze
from indexer.schema import build_schema
from indexer.storage.segment import SiftWriter

WORDS = "regime forces shelled the town rebels said army killed civilians in aleppo homs".split()


def _docs(count: int, boosted: bool = False) -> list[dict[str, Any]]:
    rng = random.Random(3)
    docs = []
    for i in range(count):
        body = " ".join(rng.choice(WORDS) + rng.choice(["", "s", "x"]) for _ in range(rng.randrange(1, 60)))
        actors = ",".join(rng.sample(["assad regime", "russia", "isis"], rng.randrange(0, 3)))
        doc: dict[str, Any] = {"id": f"d{i}", "source": "f.jsonl", "url": f"https://x.org/é/{i % 7}", "year": "2016",
                               "body": positions_postings(analyze(body)),
                               "_stored_body": body, "title": f"Title {i} {rng.choice(WORDS)}", "record": "{}"}
        if i % 3:  # dates recur (a writer keeps each date's terms): Whoosh's terms each time
            doc["date"] = dt.datetime(2016, 1 + i % 12, 1 + i % 5, microsecond=i % 2)
        if boosted and i % 50 == 7:
            doc["_boost"] = 2.0  # added by Whoosh's own add_document, one posting at a time
        if actors:
            doc["actors"] = keyword_postings(actors)
            doc["_stored_actors"] = actors
        docs.append(doc)
    return docs


def _content(directory: Path) -> tuple[Any, ...]:
    ix = whoosh_index.open_dir(str(directory))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        stored = [reader.stored_fields(n) for n in range(reader.doc_count_all())]
        lengths = [[reader.doc_field_length(n, f) for f in ("title", "body")] for n in range(reader.doc_count_all())]
        postings = []
        for field in sorted(ix.schema.names()):
            if ix.schema[field].indexed:
                for term in reader.lexicon(field):
                    matcher = reader.postings(field, term)
                    items = []
                    while matcher.is_active():
                        items.append((matcher.id(), matcher.weight(), matcher.value()))
                        matcher.next()
                    postings.append((field, term, items))
    return stored, lengths, postings


def _both_contents(tmp_path: Path, limitmb: float, docs: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The contents of ``docs`` written by Whoosh's writer and by Sift's."""
    contents = []
    for name, writer_class in (("whoosh", SegmentWriter), ("sift", SiftWriter)):
        directory = tmp_path / name
        directory.mkdir()
        ix = whoosh_index.create_in(str(directory), build_schema())
        writer = writer_class(ix, limitmb=limitmb, codec=SiftCodec())
        for doc in docs:
            writer.add_document(**doc)
        writer.commit()
        contents.append(_content(directory))
    return contents


@pytest.mark.parametrize("limitmb, boosted", [(64, False), (0.01, False), (64, True), (0.01, True)])
def test_bulk_add_writes_what_whooshs_add_document_writes(tmp_path: Path, limitmb: float, boosted: bool) -> None:
    """0.01 MB: the pool spills to disk many times; boosted: some documents
    go through Whoosh's own ``add_document`` (the pool turns flat)."""
    contents = _both_contents(tmp_path, limitmb, _docs(300, boosted))
    assert contents[0] == contents[1]
    assert len(contents[0][2]) > 50


@pytest.mark.parametrize("limitmb", [64, 0.01])
def test_text_terms_sort_as_their_bytes_and_mix_with_whooshs_own(tmp_path: Path, limitmb: float) -> None:
    """The pool keys a prepared text field by ``str`` terms and encodes them
    when read: non-ASCII terms must come out in UTF-8 byte order, and a body
    given as plain text (Whoosh's own ``index``, bytes) may join a field keyed
    by ``str`` terms, before or after them."""
    rng = random.Random(5)
    words = ["zone", "été", "ärzte", "ḥama", "дамаск", "z", "éa", "regime", "ﬁrst", "中国"]
    docs = []
    for i in range(120):
        body = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 12)))
        plain = i % 7 == 3 or 40 <= i < 45  # Whoosh's own terms, between prepared ones
        docs.append({"id": f"d{i}", "source": "f", "year": "2016", "record": "{}", "title": f"T {i}",
                     "body": body if plain else positions_postings(analyze(body)), "_stored_body": body})
    contents = _both_contents(tmp_path, limitmb, docs)
    assert contents[0] == contents[1]
    assert any(not term.isascii() for field, term, _ in contents[0][2] if field == "body")
