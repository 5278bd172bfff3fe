"""Extraction quality on the gold set (issue 18, item 9): actors, named
places, claim types and date, P/R/F1 per field and per conflict.

Usage::

    python -m benchmarks.extraction_gold [--gold benchmarks/gold] [--data ../shared/data]
                                         [--out FILE] [--details]

Every ``--gold`` ``*.jsonl`` line points at a record of ``--data`` (format:
``benchmarks/gold/CONVENTIONS.md``). The statement is rebuilt from it: the
title when the line says so, then the chosen paragraphs, joined by a blank
line; no date, URL or publisher. Sift extracts it as ``sift extract`` does
(``benchmarks.sift_run``), and each field is scored, micro-averaged over
statements, for all statements, ``syria`` and ``other`` (every other
conflict), and with ``--details`` per conflict:

- actors: the extracted actors against the gold entities (``scoring.match_names``:
  folded names, each entity matched at most once, a second name for the same
  entity is a false positive);
- places: the places Sift *names*, i.e. that have at least one evidence item
  with a text span. A parent Sift only infers (evidence ``{"inferred_from":
  ...}``, e.g. a governorate from a town) is neither a hit nor a false
  positive: the gold lists only places the text names, and when the text
  names the parent, Sift's evidence for it is a span and it counts;
- claims: the set of claim types of all claim sentences;
- date: right at the gold's precision (``scoring.date_matches``); reported as
  accuracy over all statements (no date where the gold has none is right)
  and as P/R/F1 over dated statements.

Without ``--data`` (a user's machine has no ``../shared``) it says so and
exits 0.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from benchmarks import REPO, SHARED_DATA, shared_data_absent, write_json
from benchmarks.sift_run import TextRecord, extract_records
from benchmarks.scoring import Counts, NameMatch, date_counts, date_matches, match_labels, match_names

T = TypeVar("T")

DEFAULT_GOLD = REPO / "benchmarks" / "gold"
FIELDS = ("actors", "places", "claims")
GROUPS = ("all", "syria", "other")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class SourceSpec:
    """Where a gold ``source`` lives in the data folder and which fields hold
    its id, title (None: the source has none) and text."""

    pattern: str
    id_field: str
    title_field: str | None
    text_field: str


SOURCES: dict[str, SourceSpec] = {
    "fakes": SourceSpec("fakes/*.csv", "unit_id", "article_title", "article_content"),
    "ungdc": SourceSpec("ungdc/*.jsonl", "id", None, "text"),
    "hrdsattack": SourceSpec("hrdsattack/*.jsonl", "id", "title", "text"),
}


@dataclass
class GoldStatement:
    """One annotated statement of a gold file."""

    where: str  # file:line, also the statement's id in the run
    source: str
    ref: str
    conflict: str
    title: bool
    paragraphs: tuple[int, int] | None
    date: str | None
    actors: list[list[str]]
    places: list[list[str]]
    claims: list[str]
    extracted: dict[str, Any] = field(default_factory=dict)

    @property
    def group(self) -> str:
        """``syria`` or ``other``: the issue's two conflict groups."""
        return "syria" if self.conflict.casefold() == "syria" else "other"


class GoldError(ValueError):
    """A gold line that cannot be scored (malformed, or its source record is missing)."""


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs gold ``paragraphs`` indexes: the text split on blank
    lines (empty or only spaces and tabs: a form feed line, a page break of
    the UN records, is not one), or on single newlines when it has no blank
    line; stripped, empty ones dropped (so a run of blank lines is one break)."""
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [p.strip() for p in parts if p.strip()]


def entity_list(value: Any, key: str) -> list[list[str]]:
    """A gold field of entities, each a non-empty list of names. :raises GoldError:"""
    if not isinstance(value, list) or not all(
        isinstance(e, list) and e and all(isinstance(n, str) and n.strip() for n in e) for e in value
    ):
        raise GoldError(f"{key!r} must be a list of non-empty lists of names")
    return value


def gold_object(line: str) -> dict[str, Any]:
    """A gold line as a JSON object pointing at a known source. :raises GoldError:"""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldError(f"malformed JSON ({exc.msg})") from exc
    if not isinstance(obj, dict):
        raise GoldError("not a JSON object")
    if obj.get("source") not in SOURCES:
        raise GoldError(f"source {obj.get('source')!r} is not one of {', '.join(SOURCES)}")
    return obj


def parse_gold_line(line: str, where: str) -> GoldStatement:
    """One gold line, checked. :raises GoldError: what is wrong with it."""
    obj = gold_object(line)
    source = obj["source"]
    if not isinstance(obj.get("ref"), (str, int)) or not isinstance(obj.get("conflict"), str):
        raise GoldError("'ref' and 'conflict' are required")
    paragraphs = obj.get("paragraphs")
    if paragraphs is not None:
        if (not isinstance(paragraphs, list) or len(paragraphs) != 2
                or not all(isinstance(p, int) for p in paragraphs) or not 0 <= paragraphs[0] <= paragraphs[1]):
            raise GoldError("'paragraphs' must be [first, last], 0-based, first <= last")
        paragraphs = (paragraphs[0], paragraphs[1])
    date = obj.get("date")
    if date is not None and not (isinstance(date, str) and _DATE.match(date)):
        raise GoldError(f"'date' must be YYYY, YYYY-MM, YYYY-MM-DD or null, not {date!r}")
    claims = obj.get("claims", [])
    if not isinstance(claims, list) or not all(isinstance(c, str) for c in claims):
        raise GoldError("'claims' must be a list of claim type names")
    return GoldStatement(
        where=where, source=source, ref=str(obj["ref"]), conflict=obj["conflict"],
        title=bool(obj.get("title", False)), paragraphs=paragraphs, date=date,
        actors=entity_list(obj.get("actors", []), "actors"), places=entity_list(obj.get("places", []), "places"),
        claims=claims,
    )


def load_gold(gold_dir: Path) -> tuple[list[GoldStatement], list[str]]:
    """Every statement of ``gold_dir/*.jsonl`` and the errors of lines skipped."""
    statements: list[GoldStatement] = []
    errors: list[str] = []
    for path in sorted(gold_dir.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                statements.append(parse_gold_line(line, where))
            except GoldError as exc:
                errors.append(f"{where}: {exc}")
    return statements, errors


def read_rows(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a data file, one loader per format (CSV, JSON Lines)."""
    if path.suffix.lower() in (".csv", ".tsv"):
        with path.open(encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
    else:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)


def source_records(data: Path, source: str, refs: set[str]) -> dict[str, dict[str, Any]]:
    """``{ref: record}`` of the records of ``source`` that the gold points at."""
    spec = SOURCES[source]
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(data.glob(spec.pattern)):
        for row in read_rows(path):
            ref = str(row.get(spec.id_field))
            if ref in refs and ref not in found:
                found[ref] = row
    return found


def statement_text(gold: GoldStatement, record: dict[str, Any]) -> tuple[str, str]:
    """``(title, text)`` of the statement ``gold`` describes in ``record``.

    :raises GoldError: the paragraphs are out of range.
    """
    spec = SOURCES[gold.source]
    title = str(record.get(spec.title_field) or "").strip() if gold.title and spec.title_field else ""
    text = str(record.get(spec.text_field) or "")
    if gold.paragraphs is None:
        return title, text.strip()
    paragraphs = split_paragraphs(text)
    first, last = gold.paragraphs
    if last >= len(paragraphs):
        raise GoldError(f"paragraphs {[first, last]} out of range (the text has {len(paragraphs)})")
    return title, "\n\n".join(paragraphs[first:last + 1])


def named_places(record: dict[str, Any]) -> list[str]:
    """The locations of a ``sift extract`` record that the text names: those
    with an evidence item that is not ``{"inferred_from": ...}``."""
    evidence = record.get("evidence", {}).get("locations", {})
    names = []
    for place in record.get("locations", []):
        name = place["name"] if isinstance(place, dict) else place
        items = evidence.get(name)
        if not items or any(not (isinstance(i, dict) and "inferred_from" in i) for i in items):
            names.append(name)
    return names


def _names(values: list[Any]) -> list[str]:
    return [v["name"] if isinstance(v, dict) else str(v) for v in values]


def claim_types(record: dict[str, Any]) -> list[str]:
    """Every claim type of every claim sentence of a ``sift extract`` record."""
    types: list[str] = []
    for claim in record.get("claims", []):
        types.extend(claim.get("types") or [claim.get("type")])
    return [t for t in dict.fromkeys(types) if t]


def score_statement(gold: GoldStatement, record: dict[str, Any]) -> dict[str, NameMatch]:
    """The matches of one statement's actors, places and claims."""
    return {
        "actors": match_names(_names(record.get("actors", [])), gold.actors),
        "places": match_names(named_places(record), gold.places),
        "claims": match_labels(claim_types(record), gold.claims),
    }


@dataclass
class Tally:
    """Summed counts of a group of statements."""

    statements: int = 0
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in (*FIELDS, "date")})
    dates_right: int = 0

    def add(self, matches: dict[str, NameMatch], date: Counts, date_right: bool) -> None:
        """Add one statement."""
        self.statements += 1
        for name, match in matches.items():
            self.fields[name] += match.counts
        self.fields["date"] += date
        self.dates_right += date_right

    def as_json(self) -> dict[str, Any]:
        """Per field counts and rates, and the date accuracy."""
        out: dict[str, Any] = {"statements": self.statements}
        out.update({name: c.as_json() for name, c in self.fields.items()})
        out["date"]["accuracy"] = round(self.dates_right / self.statements, 4) if self.statements else None
        return out


def with_records(items: Sequence[T], data: Path, errors: list[str]) -> Iterator[tuple[T, dict[str, Any]]]:
    """Each gold item (with ``source``, ``ref``, ``where``) and its record in ``data``;
    an item whose record is missing is reported in ``errors`` and left out."""
    refs: dict[str, set[str]] = {}
    for g in items:
        refs.setdefault(g.source, set()).add(g.ref)
    records = {source: source_records(data, source, wanted) for source, wanted in refs.items()}
    for g in items:
        record = records[g.source].get(g.ref)
        if record is None:
            errors.append(f"{g.where}: no {g.source} record with id {g.ref!r} in {data}")
        else:
            yield g, record


def evaluate(gold_dir: Path, data: Path, details: bool = False) -> dict[str, Any]:
    """Load the gold, extract its statements and score them."""
    statements, errors = load_gold(gold_dir)
    texts: dict[str, tuple[str, str]] = {}
    scorable: list[GoldStatement] = []
    for g, record in with_records(statements, data, errors):
        try:
            texts[g.where] = statement_text(g, record)
        except GoldError as exc:
            errors.append(f"{g.where}: {exc}")
            continue
        scorable.append(g)
    extracted, extract_errors = extract_records(TextRecord(w, t, b) for w, (t, b) in texts.items())
    errors.extend(extract_errors)
    tallies: dict[str, Tally] = {}
    per_statement = []
    for g in scorable:
        record = extracted.get(g.where)
        if record is None:
            continue
        matches = score_statement(g, record)
        right = date_matches(record.get("date"), g.date)
        for key in ("all", g.group, f"conflict:{g.conflict}"):
            tallies.setdefault(key, Tally()).add(matches, date_counts(record.get("date"), g.date), right)
        per_statement.append({
            "where": g.where, "source": g.source, "ref": g.ref, "conflict": g.conflict,
            "date": {"gold": g.date, "sift": record.get("date"), "right": right},
            **{name: {"misses": [e[0] for e in m.misses], "false_positives": m.false_positives}
               for name, m in matches.items()},
        })
    result: dict[str, Any] = {
        "gold": str(gold_dir),
        "groups": {k: tallies[k].as_json() for k in GROUPS if k in tallies},
        "conflicts": {k.split(":", 1)[1]: t.as_json() for k, t in sorted(tallies.items()) if k.startswith("conflict:")},
        "errors": errors,
    }
    if details:
        result["statements"] = per_statement
    return result


def _rate(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def format_table(groups: dict[str, dict[str, Any]]) -> str:
    """The markdown table of ``groups`` (``{label: Tally.as_json()}``): per
    field P / R / F1, and the date's accuracy (with its P / R)."""
    def prf(c: dict[str, Any]) -> str:
        return " / ".join(_rate(c[k]) for k in ("precision", "recall", "f1"))
    lines = ["| group | statements | actors P / R / F1 | places P / R / F1 | claims P / R / F1 | date accuracy (P / R) |",
             "|---|---|---|---|---|---|"]
    for label, t in groups.items():
        date = t["date"]
        lines.append(f"| {label} | {t['statements']} | {prf(t['actors'])} | {prf(t['places'])} | {prf(t['claims'])} "
                     f"| {_rate(date['accuracy'])} ({_rate(date['precision'])} / {_rate(date['recall'])}) |")
    return "\n".join(lines)


def format_details(statements: list[dict[str, Any]]) -> str:
    """Per statement, what was missed and what was extracted wrongly."""
    out = []
    for s in statements:
        out.append(f"## {s['where']} {s['source']} {s['ref']} ({s['conflict']})")
        for name in FIELDS:
            if s[name]["misses"] or s[name]["false_positives"]:
                out.append(f"  {name:<7} missed: {', '.join(s[name]['misses']) or '-'}")
                out.append(f"  {'':<7} wrong:  {', '.join(s[name]['false_positives']) or '-'}")
        if not s["date"]["right"]:
            out.append(f"  date    gold {s['date']['gold']}, Sift {s['date']['sift']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction_gold", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of gold *.jsonl files")
    parser.add_argument("--data", type=Path, default=SHARED_DATA, help="folder of the source data (../shared/data)")
    parser.add_argument("--out", type=Path, help="write the results as JSON to this file")
    parser.add_argument("--details", action="store_true", help="per conflict, and per statement misses and false positives")
    args = parser.parse_args(argv)
    if shared_data_absent(args.data):
        return 0
    if not any(args.gold.glob("*.jsonl")):
        print(f"error: no gold *.jsonl files in {args.gold}", file=sys.stderr)
        return 1
    result = evaluate(args.gold, args.data, details=args.details)
    for error in result["errors"]:
        print(f"error: {error}", file=sys.stderr)
    groups = dict(result["groups"])
    if args.details:
        groups.update({f"conflict {k}": v for k, v in result["conflicts"].items()})
        print(format_details(result["statements"]) + "\n")
    print(format_table(groups))
    write_json(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
