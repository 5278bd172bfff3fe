"""Extraction output and speed on real statements, to keep optimisations honest.

``write OUT`` saves ``Statement.to_json`` (both forms) of every statement of
the FA-KES dev set, the first 100 UN General Debate speeches of the 2010s and
the first 100 HRDsAttack articles, one JSON line each; run it on the code
before and after a change and compare the files byte for byte. Code before
the tie fix in ``indexer.extraction.focus.guessed_country`` chose some places by set order,
which follows ``PYTHONHASHSEED``: pin it to compare with such code. Code
before ``GazetteerLookups.start_text`` gave a statement the world places
remembered from the statements before it (``"country"`` of a country).
``time`` gives FA-KES articles per CPU second, best and median of
``--passes`` passes in this process. ``collect SOURCE N`` extracts ``N``
statements (``real``: those ``write`` covers; ``gen``: the generated ones
``benchmarks.index_cost`` indexes) once, then again inside
``functools.reduce``, so that callgrind counts the instructions of that
second extraction alone: a figure that the host's load does not move (issue
18 item 10); divide by ``N`` for a statement's.

    PYTHONHASHSEED=0 python -m benchmarks.extraction_golden write /tmp/before.jsonl
    python -m benchmarks.extraction_golden time --passes 5
    valgrind --tool=callgrind --toggle-collect=functools_reduce --callgrind-out-file=/dev/null \
        python -m benchmarks.extraction_golden collect gen 150
"""

from __future__ import annotations

import csv
import functools
import json
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks import REPO, SHARED_DATA
from benchmarks.corpus import ensure_shards
from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement

FAKES = SHARED_DATA / "fakes" / "fakes-dev.csv"
UNGDC = SHARED_DATA / "ungdc" / "ungdc-2010s.jsonl"
HRDS = SHARED_DATA / "hrdsattack" / "hrdsattack.jsonl"


def fakes() -> list[Statement]:
    """The FA-KES dev articles (title, body)."""
    csv.field_size_limit(sys.maxsize)
    with FAKES.open(newline="", encoding="utf-8") as f:
        return [Statement(f"fakes{i}", row["article_title"], row["article_content"], "fakes")
                for i, row in enumerate(csv.DictReader(f))]


def _jsonl(path: Path, prefix: str, title: str | None, body: str, limit: int) -> Iterator[Statement]:
    with path.open(encoding="utf-8") as f:
        for i, line in zip(range(limit), f):
            record = json.loads(line)
            yield Statement(f"{prefix}{i}", (record.get(title) or "") if title else "", record.get(body) or "", prefix)


def statements() -> list[Statement]:
    """Every statement the golden output covers, in a fixed order."""
    return [*fakes(), *_jsonl(UNGDC, "ungdc", None, "text", 100), *_jsonl(HRDS, "hrd", "title", "text", 100)]


def write(out: Path) -> None:
    gazetteer = Gazetteer.load()
    with out.open("w", encoding="utf-8") as f:
        for statement in statements():
            statement.extraction = extract(statement, gazetteer)
            for spans in (False, True):
                f.write(json.dumps(statement.to_json(spans=spans), sort_keys=True, ensure_ascii=False) + "\n")


def timing(passes: int) -> dict[str, float]:
    gazetteer = Gazetteer.load()
    articles = fakes()
    for statement in articles[:50]:  # warm the caches
        extract(statement, gazetteer)
    seconds = []
    for _ in range(passes):
        started = time.process_time()
        for statement in articles:
            extract(statement, gazetteer)
        seconds.append(time.process_time() - started)
    return {"best": len(articles) / min(seconds), "median": len(articles) / statistics.median(seconds)}


def generated(count: int) -> list[Statement]:
    """The first ``count`` (at most 1,000) generated statements ``benchmarks.index_cost`` indexes."""
    shards = REPO / "benchmarks" / "out" / "corpora" / "gen1-5000"
    ensure_shards("gen1", 5000, shards, seed=1)
    with (shards / "part-00000.jsonl").open(encoding="utf-8") as f:
        records = [json.loads(line) for _, line in zip(range(count), f)]
    return [Statement(r["id"], r.get("title") or "", r.get("body") or "", "gen") for r in records]


def collect(source: str, count: int) -> None:
    """Extract the statements twice, the second time inside ``functools.reduce``
    (what ``valgrind --toggle-collect=functools_reduce`` counts)."""
    gazetteer = Gazetteer.load()
    chosen = generated(count) if source == "gen" else statements()[:count]
    for statement in chosen:  # the caches warmed as in a long run
        extract(statement, gazetteer)
    functools.reduce(lambda _, statement: extract(statement, gazetteer), chosen, None)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write" and not sys.argv[2].startswith("-"):  # no option as a path
        write(Path(sys.argv[2]))
    elif len(sys.argv) >= 2 and sys.argv[1] == "time":
        count = int(sys.argv[3]) if len(sys.argv) == 4 and sys.argv[2] == "--passes" else 5
        print(json.dumps({k: round(v, 1) for k, v in timing(count).items()}))
    elif len(sys.argv) == 4 and sys.argv[1] == "collect" and sys.argv[2] in ("gen", "real"):
        collect(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
