"""Ranking on researcher needs (issue 21, item 5): structured queries vs words.

``benchmarks/gold/needs/`` holds 14 needs with graded judgements over a pool of
501 real statements (conventions in ``NEEDS.md``). The pool is read from
``../shared/data`` (FA-KES development articles, HRDsAttack ``dev``), indexed
with Sift (title and text only) and with plain Whoosh, and each need is run
three ways: its structured query in Sift (as written, AND between parts), its
words in Sift (OR), its words in plain Whoosh BM25F (OR). Reported: graded
nDCG@10 per need and the mean, and the top-10 statements no judgement covers
(they must be judged before the figures count).

    python -m benchmarks.needs [--data ../shared/data] [--gold benchmarks/gold/needs] [--details]
    python -m benchmarks.needs --loo [keyword_gain|claim_word_bonus|claim_types_b|role_bonus]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import shared_data_absent, write_json
from benchmarks.ranking import bag_of_words

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_GOLD = REPO / "benchmarks" / "gold" / "needs"
SYSTEMS = ("structured", "words", "whoosh")

Ranker = Callable[[str], list[str]]


@dataclass(frozen=True)
class Need:
    """One researcher need with its two query forms and its judgements."""

    id: str
    need: str
    structured: str
    words: str
    judgements: dict[str, int]
    #: Statements judged after the first runs (a system's top 10 held them unjudged).
    pooled_late: tuple[str, ...] = ()


@dataclass(frozen=True)
class PoolRecord:
    id: str
    title: str
    text: str


def load_needs(gold: Path) -> list[Need]:
    """The needs of ``gold/needs.jsonl``."""
    with (gold / "needs.jsonl").open(encoding="utf-8") as handle:
        return [Need(**{**row, "pooled_late": tuple(row.get("pooled_late", ()))})
                for row in map(json.loads, filter(str.strip, handle))]


def read_pool(data: Path, gold: Path) -> list[PoolRecord]:
    """The pool's statements (``gold/pool.txt``) from the shared data: FA-KES
    ``fakes:<unit_id>`` (a repeated id: its later row) and HRDsAttack ``hrds:<id>``."""
    wanted = {line.strip() for line in (gold / "pool.txt").read_text(encoding="utf-8").splitlines() if line.strip()}
    found: dict[str, PoolRecord] = {}
    with (data / "fakes" / "fakes-dev.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = f"fakes:{row['unit_id']}"
            found[key] = PoolRecord(key, row["article_title"], row["article_content"])
    with (data / "hrdsattack" / "hrdsattack.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            key = f"hrds:{row['id']}"
            found[key] = PoolRecord(key, row.get("title") or "", row.get("text") or "")
    missing = wanted - found.keys()
    if missing:
        raise SystemExit(f"{len(missing)} pool ids are not in {data} (e.g. {sorted(missing)[0]})")
    return [found[key] for key in sorted(wanted)]


def ndcg_graded(ranked: list[str], grades: dict[str, int], k: int = 10) -> float:
    """nDCG@k with gains ``2^grade - 1``; the ideal from every judgement.

    >>> ndcg_graded(["a", "b"], {"a": 2, "b": 1})
    1.0
    >>> round(ndcg_graded(["b", "a"], {"a": 2, "b": 1}), 3)
    0.797
    """
    def dcg(gains: list[int]) -> float:
        return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:k]))
    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(doc, 0) for doc in ranked]) / ideal if ideal else 0.0


def index_pool(pool: list[PoolRecord], work: Path) -> Path:
    """A Sift index of the pool (title and text) in ``work/sift``."""
    from indexer.writing.write import IndexOptions, index_paths

    docs = work / "pool.jsonl"
    with docs.open("w", encoding="utf-8") as out:
        for record in pool:
            out.write(json.dumps({"id": record.id, "title": record.title, "body": record.text}) + "\n")
    index_paths([docs], work / "sift", IndexOptions())
    return work / "sift"


@contextmanager
def sift_rankers(index_dir: Path, ranking: Any = None) -> Iterator[tuple[Ranker, Ranker]]:
    """The structured and the words ranker over a Sift index of the pool."""
    from benchmarks.adapter import open_sift

    with open_sift(index_dir, ranking=ranking) as search:
        def structured(q: str) -> list[str]:
            return [doc for doc, _ in search(q, limit=10)[1]]

        def words(q: str) -> list[str]:
            return [doc for doc, _ in search(bag_of_words(q), limit=10, default_operator="OR")[1]]
        yield structured, words


@contextmanager
def _whoosh(pool: list[PoolRecord], work: Path) -> Iterator[Ranker]:
    from whoosh import index
    from whoosh.qparser import MultifieldParser, OrGroup

    from benchmarks.worker import whoosh_schema

    (work / "whoosh").mkdir()
    ix = index.create_in(str(work / "whoosh"), whoosh_schema())
    with ix.writer() as writer:
        for record in pool:
            writer.add_document(id=record.id, title=record.title, body=record.text)
    with ix.searcher() as searcher:
        parser = MultifieldParser(["title", "body"], ix.schema, group=OrGroup)
        yield lambda q: [hit["id"] for hit in searcher.search(parser.parse(bag_of_words(q)), limit=10)]


def run_needs(data: Path, gold: Path) -> dict[str, Any]:
    """Every need's top 10 and nDCG@10 in each system, and the means."""
    needs = load_needs(gold)
    pool = read_pool(data, gold)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="sift-needs-") as tmp:
        work = Path(tmp)
        with sift_rankers(index_pool(pool, work)) as (structured, words), _whoosh(pool, work) as whoosh:
            for need in needs:
                runs = {"structured": structured(need.structured), "words": words(need.words),
                        "whoosh": whoosh(need.words)}
                rows.append({"id": need.id, "top": runs,
                             **{s: ndcg_graded(runs[s], need.judgements) for s in SYSTEMS},
                             "unjudged": sorted({d for r in runs.values() for d in r} - need.judgements.keys())})
        shutil.rmtree(work / "sift", ignore_errors=True)
    means = {s: sum(r[s] for r in rows) / len(rows) for s in SYSTEMS}
    return {"pool": len(pool), "needs": len(needs), "mean": means, "rows": rows}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="nDCG@10 of structured queries vs words on researcher needs")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--details", action="store_true", help="each need's top 10 per system")
    parser.add_argument("--out", type=Path, help="write the results as JSON")
    parser.add_argument("--loo", metavar="KNOB", nargs="?", const="keyword_gain",
                        help="leave-one-need-out check of a tuned constant (benchmarks.needs_loo; "
                             "default keyword_gain)")
    args = parser.parse_args(argv)
    if shared_data_absent(args.data / "fakes"):
        return
    if args.loo:
        from benchmarks.needs_loo import main as loo_main

        loo_main(args.data, args.gold, args.loo, args.out)
        return
    result = run_needs(args.data, args.gold)
    print(f"{result['needs']} needs over {result['pool']} statements: nDCG@10")
    print(f"{'need':<6}" + "".join(f"{s:>12}" for s in SYSTEMS))
    for row in result["rows"]:
        print(f"{row['id']:<6}" + "".join(f"{row[s]:>12.3f}" for s in SYSTEMS)
              + (f"   unjudged: {len(row['unjudged'])}" if row["unjudged"] else ""))
        if args.details:
            for system in SYSTEMS:
                print(f"    {system}: {' '.join(row['top'][system])}")
    print(f"{'mean':<6}" + "".join(f"{result['mean'][s]:>12.3f}" for s in SYSTEMS))
    write_json(args.out, result)


if __name__ == "__main__":
    main(sys.argv[1:])
