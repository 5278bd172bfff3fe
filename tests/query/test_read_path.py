"""A search reads the index through the read side only (issue 19, item 1).

Each check runs in a fresh interpreter, so that ``sys.modules`` shows
exactly what importing ``query`` and searching loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from indexer.writing.write import IndexOptions, index_paths

#: The indexer's write side: never needed to read an index.
WRITE_SIDE = (
    "indexer.writing.write", "indexer.writing.parallel", "indexer.writing.prepare", "indexer.writing.seen_ids", "indexer.storage.store",
    "indexer.writing.batches", "indexer.writing.known", "indexer.writing.walk", "indexer.writing.report", "indexer.writing.worker_messages",
    "indexer.storage.segment", "indexer.storage.manifest", "indexer.storage.check", "indexer.formats", "query.cli",
    "whoosh.writing", "whoosh.externalsort",
)
#: Extraction: finding actors, places, people and claims in text.
EXTRACTORS = (
    "indexer.extraction.extract", "indexer.extraction.entities", "indexer.extraction.people", "indexer.extraction.resolve", "indexer.extraction.claims",
    "indexer.extraction.sentences", "indexer.extraction.definitions", "indexer.extraction.boilerplate", "indexer.extraction.words", "ahocorasick",
    "indexer.extraction.claim_taxonomy", "indexer.extraction.regex_prefixes", "indexer.extraction.name_lists", "indexer.extraction.person_mentions",
    "indexer.extraction.place_words", "indexer.extraction.world_ranking", "indexer.extraction.world_candidates", "indexer.extraction.world_places",
    "indexer.extraction.kind_places", "indexer.extraction.candidate_guards", "indexer.extraction.org_names",
    "indexer.extraction.venues",
)
#: Gazetteer data, loaded lazily by the first actor:/location: query only.
GAZETTEER = ("indexer.extraction.gazetteer", "indexer.extraction.gazetteer_lookup", "indexer.extraction.geonames", "indexer.extraction.national_forces")

SEARCH = """
import json, sys
from query import Searcher
with Searcher(sys.argv[1]) as searcher:
    totals = [searcher.search(q).total for q in json.loads(sys.argv[2])]
print(json.dumps({"totals": totals, "modules": sorted(sys.modules)}))
"""


def _search_in_subprocess(index: Path, queries: list[str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", SEARCH, str(index), json.dumps(queries)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


@pytest.fixture(scope="module")
def sift_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index written by Sift's own writer (its codec's block layout): a
    word in every statement has posting blocks, not an inlined list."""
    folder = tmp_path_factory.mktemp("read-path")
    records = [{"id": f"r{n}", "title": f"Barrel bombs {n}", "date": f"2016-02-{n % 28 + 1:02d}",
                "publisher": "Council", "text": f"Regime forces shelled the town, report number w{n}."}
               for n in range(40)]
    source = folder / "records.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    directory = folder / "index"
    index_paths([source], directory, IndexOptions(extract=False))
    return directory


PLAIN_QUERIES = ["regime", "regime forces", '"regime forces"~2', "regi*", "=regime", "title:barrel",
                 "date:2016-02", "shelled NOT w3", "claims:shelled"]


def test_a_search_loads_neither_the_write_side_nor_extraction(sift_index: Path) -> None:
    result = _search_in_subprocess(sift_index, PLAIN_QUERIES)
    assert result["totals"][0] == 40 and result["totals"][3] == 40
    modules = result["modules"]
    assert _loaded(modules, WRITE_SIDE) == []
    assert _loaded(modules, EXTRACTORS + GAZETTEER) == []
    assert "indexer.storage.reader" in modules and "indexer.storage.blocks" in modules


def test_actor_and_location_load_the_gazetteer_data_only(sift_index: Path) -> None:
    result = _search_in_subprocess(sift_index, ["actor:unsc regime", "location:deraa"])
    modules = result["modules"]
    assert "indexer.extraction.gazetteer" in modules  # names are canonicalised with the index's gazetteer
    assert _loaded(modules, WRITE_SIDE) == []
    assert _loaded(modules, EXTRACTORS) == []


def test_searching_writes_nothing(sift_index: Path) -> None:
    """No lock file, no metadata or manifest rewrite, no temporary file."""
    def listing() -> dict[str, int]:
        return {p.name: p.stat().st_mtime_ns for p in sift_index.iterdir()}

    before = listing()
    result = _search_in_subprocess(sift_index, ["regime", "actor:assad"])
    assert result["totals"][0] == 40
    assert listing() == before
