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
  sentences, to estimate precision by reading them;
- ``--judge-sheet FILE`` (with ``--sample N --seed S``) writes the same
  sample plus the seed statement as an unjudged TSV, one row per extracted
  named location, inferred parent, actor and claim type (see
  ``benchmarks/precision/README.md``);
- ``--precision FILE`` reads a judged TSV and prints precision per kind with
  a 95% Wilson interval (no extraction run, no data needed).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import random
import sys
import tempfile
from pathlib import Path

from indexer.extraction.extract import extract
from indexer.formats import ReadOptions, read_file
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement
from query.spreadsheet import safe_cell

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "fakes" / "fakes-dev.csv"
SEED_STATEMENT = Path(__file__).resolve().parent.parent / "seeds" / "000_fb413970f439558a.txt"

#: Columns of a judging sheet, in order.
SHEET_COLUMNS = ("article", "kind", "name", "text", "sentence", "verdict", "reason")
#: Kinds of judged item, in report order.
KINDS = ("location", "parent", "actor", "claim_type")
VERDICTS = ("correct", "wrong")


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


def _clean(text: str) -> str:
    return " ".join(text.split())


def _excerpt(text: str, start: int, end: int, s0: int, s1: int, width: int = 110) -> str:
    """The sentence ``text[s0:s1]`` around the mention ``text[start:end]``,
    which is marked ``[[...]]``, cut to ``width`` characters either side."""
    left = text[max(s0, start - width):start]
    right = text[end:min(s1, end + width)]
    lead = "..." if start - width > s0 else ""
    tail = "..." if end + width < s1 else ""
    return f"{lead}{_clean(left)} [[{_clean(text[start:end])}]] {_clean(right)}{tail}".strip()


def sheet_rows(statement: Statement) -> list[dict[str, str]]:
    """The unjudged rows of one extracted statement: every named location and
    actor (its first mention, marked ``[[...]]`` in its sentence), every
    inferred parent (``text`` is the named place it was inferred from) and
    every claim type of every claim sentence."""
    ex = statement.extraction
    assert ex is not None, "extract the statement first"
    fields = (statement.title, statement.body)
    rows: list[dict[str, str]] = []

    def row(kind: str, name: str, text: str, sentence: str) -> None:
        rows.append({"article": statement.id, "kind": kind, "name": name, "text": _clean(text),
                     "sentence": sentence, "verdict": "", "reason": ""})

    for kind, group in (("location", "locations"), ("actor", "actors")):
        for name, items in ex.evidence[group].items():
            first = items[0]
            if isinstance(first, dict):
                row("parent", name, first["inferred_from"], "")
            else:
                code, start, end, s0, s1 = first
                text = fields[code]
                row(kind, name, text[start:end], _excerpt(text, start, end, s0, s1))
    for claim in ex.claims:
        for kind in claim.types:
            row("claim_type", kind, "", _clean(claim.sentence))
    return rows


def write_sheet(data: Path, out: Path, sample: int, seed: int) -> int:
    """Write the judging sheet of ``sample`` FA-KES articles drawn with
    ``seed`` (the same draw as ``--sample``) plus the seed statement."""
    gazetteer = Gazetteer.load()
    statements = read_file(data).statements
    chosen = random.Random(seed).sample(statements, min(sample, len(statements)))
    chosen += read_file(SEED_STATEMENT).statements
    rows = []
    for statement in chosen:
        statement.extraction = extract(statement, gazetteer)
        rows.extend(sheet_rows(statement))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=SHEET_COLUMNS, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writeheader()
        # Judges open the sheet in a spreadsheet: article text must not run as a formula.
        writer.writerows({k: safe_cell(v) for k, v in r.items()} for r in rows)
    return len(rows)


def wilson(correct: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval of ``correct`` successes in ``n`` trials."""
    if n == 0:
        return (0.0, 1.0)
    p = correct / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def precision(sheet: Path) -> dict[str, dict[str, object]]:
    """Precision per kind of a judged sheet: ``{kind: {"n", "correct",
    "precision", "low", "high", "wrong_by_reason"}}``. Every row must be
    judged ``correct`` or ``wrong`` (a ``ValueError`` names the first that
    is not)."""
    counts: dict[str, list[int]] = {}
    reasons: dict[str, dict[str, int]] = {}
    with sheet.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        for line, r in enumerate(reader, start=2):
            verdict = (r.get("verdict") or "").strip()
            if verdict not in VERDICTS or r.get("kind") not in KINDS:
                raise ValueError(f"{sheet}, line {line}: kind {r.get('kind')!r}, verdict {verdict!r}")
            tally = counts.setdefault(r["kind"], [0, 0])
            tally[0] += verdict == "correct"
            tally[1] += 1
            if verdict == "wrong":
                why = (r.get("reason") or "").strip() or "unspecified"
                by = reasons.setdefault(r["kind"], {})
                by[why] = by.get(why, 0) + 1
    result = {}
    for kind in KINDS:
        if kind in counts:
            correct, n = counts[kind]
            low, high = wilson(correct, n)
            result[kind] = {"n": n, "correct": correct, "precision": round(correct / n, 4),
                            "low": round(low, 4), "high": round(high, 4),
                            "wrong_by_reason": dict(sorted(reasons.get(kind, {}).items(), key=lambda kv: -kv[1]))}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=0, help="print N articles' location evidence to stderr")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--judge-sheet", type=Path, help="write the unjudged TSV of --sample N articles + the seed")
    parser.add_argument("--precision", type=Path, help="print precision per kind of a judged TSV")
    args = parser.parse_args(argv)
    if args.precision:
        print(json.dumps(precision(args.precision), indent=2))
        return 0
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    if args.judge_sheet:
        n = write_sheet(args.data, args.judge_sheet, args.sample or 30, args.seed)
        print(f"wrote {n} rows to {args.judge_sheet}")
        return 0
    result = evaluate(args.data, args.sample, args.seed)
    summary = {k: v for k, v in result.items() if k != "location_misses"}
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
