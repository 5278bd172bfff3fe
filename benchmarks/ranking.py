"""Ranking quality on test collections: MAP, nDCG@10, P@10.

Every query is a bag of words with OR semantics; every engine gets the same
words (punctuation dropped, lower-cased so that ``AND``/``OR``/``NOT`` are
words, not operators) and returns its top ``DEPTH`` documents.

Engines: Sift (its own analyzer, extraction, parser and weighting, through
``benchmarks.adapter``, i.e. what users get), plain Whoosh BM25F (its
StemmingAnalyzer and ``MultifieldParser`` with OR over title/body), and the
peers bm25s, SQLite FTS5 (``porter`` tokenizer, ``bm25()``) and tantivy
(``en_stem``), each skipped when not importable.

Queries are split for tuning (``query/rank.py``) without overfitting: odd
query ids are the *tune* half, even ids the *test* half; both are reported.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.irdata import Collection, load_collection

DEPTH = 1000
_WORD = re.compile(r"\w+", re.UNICODE)

Ranker = Callable[[str], list[str]]


def bag_of_words(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


# -- metrics -----------------------------------------------------------------
def average_precision(ranked: list[str], relevant: set[str]) -> float:
    hits, total = 0, 0.0
    for rank, doc in enumerate(ranked, 1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant) if relevant else 0.0


def ndcg_at(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, doc in enumerate(ranked[:k]) if doc in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal if ideal else 0.0


def precision_at(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    return sum(1 for doc in ranked[:k] if doc in relevant) / k


def evaluate(runs: dict[str, list[str]], collection: Collection, ids: list[str]) -> dict[str, float]:
    if not ids:
        return {"map": 0.0, "ndcg10": 0.0, "p10": 0.0, "queries": 0}
    rel = collection.qrels
    return {
        "map": sum(average_precision(runs[q], rel[q]) for q in ids) / len(ids),
        "ndcg10": sum(ndcg_at(runs[q], rel[q]) for q in ids) / len(ids),
        "p10": sum(precision_at(runs[q], rel[q]) for q in ids) / len(ids),
        "queries": len(ids),
    }


# -- engines -----------------------------------------------------------------
def sift_ranker(collection: Collection, work: Path) -> tuple[Ranker, Callable[[], None]]:
    """Index the collection with Sift (full pipeline) and search through the adapter."""
    from indexer.writing.write import IndexOptions, index_paths

    from benchmarks.adapter import open_sift

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    docs = work / "docs.jsonl"
    with docs.open("w", encoding="utf-8") as out:
        for record in collection.docs:
            row = {"id": record.id, "title": record.title, "body": record.text or record.title}
            if record.date:
                row["date"] = record.date
            out.write(json.dumps(row) + "\n")
    index_paths([docs], work / "index", IndexOptions())
    manager = open_sift(work / "index")
    search = manager.__enter__()

    def rank(text: str) -> list[str]:
        words = bag_of_words(text)
        _, hits = search(words, limit=DEPTH, default_operator="OR")
        return [doc for doc, _ in hits]

    return rank, lambda: manager.__exit__(None, None, None)


def whoosh_ranker(collection: Collection, work: Path) -> tuple[Ranker, Callable[[], None]]:
    from whoosh import index
    from whoosh.qparser import MultifieldParser, OrGroup

    from benchmarks.worker import whoosh_schema

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    ix = index.create_in(str(work), whoosh_schema())
    with ix.writer() as writer:
        for record in collection.docs:
            writer.add_document(id=record.id, title=record.title, body=record.text)
    searcher = ix.searcher()
    parser = MultifieldParser(["title", "body"], ix.schema, group=OrGroup)

    def rank(text: str) -> list[str]:
        results = searcher.search(parser.parse(bag_of_words(text)), limit=DEPTH)
        return [hit["id"] for hit in results]

    return rank, searcher.close


def _snowball() -> Callable[[str], str]:
    from nltk.stem.snowball import SnowballStemmer

    stemmer = SnowballStemmer("english")
    cache: dict[str, str] = {}

    def stem(word: str) -> str:
        if word not in cache:
            cache[word] = stemmer.stem(word)
        return cache[word]

    return stem


def bm25s_ranker(collection: Collection, work: Path) -> tuple[Ranker, Callable[[], None]]:
    import bm25s

    stem = _snowball()
    stemmer = lambda words: [stem(w) for w in words]  # noqa: E731
    corpus = [f"{r.title} {r.text}" for r in collection.docs]
    tokens = bm25s.tokenize(corpus, stopwords="en", stemmer=stemmer, show_progress=False)
    retriever = bm25s.BM25()  # method "lucene", k1=1.5, b=0.75
    retriever.index(tokens, show_progress=False)
    ids = [r.id for r in collection.docs]

    def rank(text: str) -> list[str]:
        query = bm25s.tokenize([bag_of_words(text)], stopwords="en", stemmer=stemmer, show_progress=False)
        if not query.vocab:
            return []
        docs, _ = retriever.retrieve(query, k=min(DEPTH, len(ids)), show_progress=False)
        return [ids[i] for i in docs[0]]

    return rank, lambda: None


def fts5_ranker(collection: Collection, work: Path) -> tuple[Ranker, Callable[[], None]]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='porter')")
    db.executemany("INSERT INTO docs VALUES (?, ?, ?)", [(r.id, r.title, r.text) for r in collection.docs])

    def rank(text: str) -> list[str]:
        words = dict.fromkeys(bag_of_words(text).split())
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        rows = db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", (match, DEPTH))
        return [row[0] for row in rows]

    return rank, db.close


def tantivy_ranker(collection: Collection, work: Path) -> tuple[Ranker, Callable[[], None]]:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=False, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=False, tokenizer_name="en_stem")
    schema = builder.build()
    index = tantivy.Index(schema)
    writer = index.writer()
    for r in collection.docs:
        writer.add_document(tantivy.Document(id=r.id, title=r.title, body=r.text))
    writer.commit()
    index.reload()
    searcher = index.searcher()

    def rank(text: str) -> list[str]:
        words = bag_of_words(text)
        if not words:
            return []
        query = index.parse_query(words, ["title", "body"])
        hits = searcher.search(query, DEPTH).hits
        return [searcher.doc(address)["id"][0] for _, address in hits]

    return rank, lambda: None


ENGINES: dict[str, Callable[[Collection, Path], tuple[Ranker, Callable[[], None]]]] = {
    "sift": sift_ranker,
    "whoosh-bm25f": whoosh_ranker,
    "bm25s": bm25s_ranker,
    "sqlite-fts5": fts5_ranker,
    "tantivy": tantivy_ranker,
}
_OPTIONAL = {"bm25s": "bm25s", "tantivy": "tantivy"}


def available_engines() -> tuple[list[str], dict[str, str]]:
    """Engines that can run here, and the reason each other one cannot."""
    import importlib.util

    ok, skipped = [], {}
    for name in ENGINES:
        module = _OPTIONAL.get(name)
        if module and importlib.util.find_spec(module) is None:
            skipped[name] = f"{module} is not installed (pip install -e '.[bench]')"
        elif name == "sqlite-fts5" and not _has_fts5():
            skipped[name] = "this SQLite has no FTS5"
        else:
            ok.append(name)
    return ok, skipped


def _has_fts5() -> bool:
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter')")
    except sqlite3.Error:
        return False
    return True


def split_queries(ids: list[str]) -> dict[str, list[str]]:
    """``all``, ``tune`` (odd ids) and ``test`` (even ids)."""
    tune = [q for q in ids if not q.isdigit() or int(q) % 2 == 1]
    return {"all": ids, "tune": tune, "test": [q for q in ids if q not in set(tune)]}


def run_ranking(out: Path, collections: list[Path], max_queries: int | None = None,
                engines: list[str] | None = None, log: Any = print) -> dict[str, Any]:
    """Evaluate every available engine on every collection folder."""
    names, skipped = available_engines()
    if engines:
        names = [n for n in names if n in engines]
    rows: list[dict[str, Any]] = []
    for folder in collections:
        collection = load_collection(folder)
        ids = collection.judged_queries()[:max_queries] if max_queries else collection.judged_queries()
        splits = split_queries(ids)
        for name in names:
            make = ENGINES[name]
            rank, close = make(collection, out / "work" / "ranking" / f"{collection.name}-{name}")
            try:
                runs = {q: rank(collection.queries[q]) for q in ids}
            finally:
                close()
            for split, subset in splits.items():
                row = {"collection": collection.name, "engine": name, "split": split, **evaluate(runs, collection, subset)}
                rows.append(row)
            best = next(r for r in rows if r["engine"] == name and r["collection"] == collection.name and r["split"] == "all")
            log(f"  {collection.name:<5} {name:<13} MAP {best['map']:.4f}  nDCG@10 {best['ndcg10']:.4f}  P@10 {best['p10']:.4f}")
    return {"rows": rows, "skipped": skipped}
