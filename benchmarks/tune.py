"""Grid search of ``query.Ranking``'s settings on the *tune* half (odd query ids).

``python -m benchmarks.tune`` indexes each collection with Sift once, then
evaluates every setting through ``query.Searcher`` (the adapter) and prints
MAP on the tune half and, for the record, on the held-out test half. Pick
settings by the tune column only.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any

from benchmarks import DEFAULT_OUT, SHARED_DATA
from benchmarks.irdata import load_collection
from benchmarks.ranking import bag_of_words, evaluate, split_queries


def _index(collection: Any, work: Path) -> Path:
    from benchmarks.ranking import sift_ranker

    if not (work / "index").exists():
        _, close = sift_ranker(collection, work)
        close()
    return work / "index"


def ranking_for(setting: dict[str, Any]) -> Any:
    """The ``query.Ranking`` of one grid ``setting`` (``B``, ``K1``,
    ``weights`` and optional ``field_B``); other settings keep Sift's defaults."""
    from query import Ranking

    return Ranking(b=setting["B"], k1=setting["K1"], field_b=tuple(setting.get("field_B", {}).items()),
                   field_weights=tuple(setting["weights"].items()))


def evaluate_setting(setting: dict[str, Any], collections: list[tuple[Any, Path]]) -> dict[str, float]:
    from benchmarks.adapter import open_sift

    ranking = ranking_for(setting)
    scores: dict[str, float] = {}
    for collection, index_dir in collections:
        ids = collection.judged_queries()
        with open_sift(index_dir, ranking=ranking) as search:
            runs = {q: [d for d, _ in search(bag_of_words(collection.queries[q]), limit=1000, default_operator="OR")[1]]
                    for q in ids}
        for split, subset in split_queries(ids).items():
            scores[f"{collection.name}-{split}"] = evaluate(runs, collection, subset)["map"]
    return scores


def main() -> None:
    folders = [SHARED_DATA / "ir" / name for name in ("time", "cisi")]
    if not all(f.is_dir() for f in folders):
        sys.exit("needs ../shared/data/ir/{time,cisi}")
    collections = []
    for folder in folders:
        collection = load_collection(folder)
        collections.append((collection, _index(collection, DEFAULT_OUT / "work" / "tune" / collection.name)))
    grid = [tuple(float(x) for x in arg.split(",")) for arg in sys.argv[1:]] or list(
        itertools.product((0.75,), (1.2, 1.6, 2.0), (1.0, 2.0, 2.5, 3.0)))
    for B, K1, title in grid:
        setting = {"B": B, "K1": K1, "weights": {"title": title, "body": 1.0}}
        s = evaluate_setting(setting, collections)
        print(f"B={B} K1={K1} title={title}  "
              f"TIME tune {s['time-tune']:.4f} test {s['time-test']:.4f} | CISI tune {s['cisi-tune']:.4f} test {s['cisi-test']:.4f}",
              flush=True)


if __name__ == "__main__":
    main()
