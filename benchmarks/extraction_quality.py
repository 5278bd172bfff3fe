"""Extraction quality on FA-KES: labelled location recall and date accuracy.

Usage::

    python -m benchmarks.extraction_quality [--data ../shared/data/fakes/fakes-dev.csv] [--sample N]

Every article is read through Sift's own CSV reader (so the date column and
its day/month convention are handled as for users) and extracted. Reported:

- location recall: the labelled location (one spelling, matched through the
  gazetteer's aliases) is among the extracted locations (named or inferred);
- date accuracy with the date column (metadata first, as Sift does), and
  without it (the text and URL only), to show what the dateline rules find;
- ``--sample N`` prints the location mentions of N random articles with their
  sentences, to estimate precision by reading them.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
import tempfile
from pathlib import Path

from indexer.extract import extract
from indexer.formats import ReadOptions, read_file
from indexer.gazetteer import Gazetteer

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "fakes" / "fakes-dev.csv"


def _label_date(value: str) -> dt.date:
    month, day, year = (int(p) for p in value.split("/"))
    return dt.date(year, month, day)


def evaluate(data: Path, sample: int = 0, seed: int = 0) -> dict[str, object]:
    """Run extraction over the labelled CSV and score it."""
    gazetteer = Gazetteer.load()
    with data.open(encoding="utf-8", newline="") as handle:
        rows = {r["unit_id"]: r for r in csv.DictReader(handle)}
    statements = read_file(data).statements
    with tempfile.TemporaryDirectory() as tmp:
        undated = Path(tmp) / "undated.csv"
        with undated.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=["unit_id", "article_title", "article_content", "source"])
            writer.writeheader()
            for r in rows.values():
                writer.writerow({k: r[k] for k in writer.fieldnames})
        undated_dates = {s.id: s.date for s in read_file(undated, ReadOptions()).statements}
    found = dated = dated_text = 0
    misses = []
    for statement in statements:
        row = rows[statement.id]
        statement.extraction = extract(statement, gazetteer)
        label = gazetteer.canonical_location(row["location"]) or row["location"]
        if label in statement.extraction.locations:
            found += 1
        else:
            misses.append({"id": statement.id, "label": label, "got": statement.extraction.locations})
        truth = _label_date(row["date"])
        dated += statement.date == truth
        dated_text += undated_dates.get(statement.id) == truth
    n = len(statements)
    result: dict[str, object] = {
        "articles": n,
        "location_recall": round(found / n, 4),
        "date_accuracy_with_column": round(dated / n, 4),
        "date_accuracy_text_only": round(dated_text / n, 4),
        "location_misses": misses,
    }
    if sample:
        rng = random.Random(seed)
        for statement in rng.sample(statements, min(sample, n)):
            assert statement.extraction is not None
            print(f"\n## {statement.id} {statement.title}", file=sys.stderr)
            for name, items in statement.to_json()["evidence"]["locations"].items():
                for item in items:
                    where = f"from {item['inferred_from']}" if "inferred_from" in item else repr(item["sentence"][:160])
                    print(f"  {name:<20} {item.get('text', '')!r:<22} {where}", file=sys.stderr)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=0, help="print N articles' location evidence to stderr")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    result = evaluate(args.data, args.sample, args.seed)
    summary = {k: v for k, v in result.items() if k != "location_misses"}
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
