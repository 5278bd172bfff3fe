"""Claim roles on the gold set (issue 21, item 4): ``by`` and ``in`` P/R/F1,
and ``against``, ``speaker`` and ``negated``, per source and per conflict.

Usage::

    python -m benchmarks.roles_quality [--gold benchmarks/gold/roles/roles.jsonl] [--data ../shared/data]
                                       [--out FILE] [--details]

Each gold line (format and conventions: ``benchmarks/gold/roles/ROLES.md``) is one
claim of one sentence of a ``--data`` record. Sift extracts the whole record
(title and text, as ``sift extract`` does, ``benchmarks.sift_run``), and the
gold claim is located among Sift's claims: the Sift claim whose sentence
contains the gold's 8-word locator (whitespace collapsed, case ignored),
preferring one that has the gold's type, or else starts with the locator's
last 4+ words (Sift cut a lead such as ``KIEV (Reuters) -`` off the
sentence). Then:

- a claim no Sift sentence covers is *not found*: every gold role value is
  a miss (false negative);
- a claim found is compared role by role, whatever its type (roles belong to
  the sentence's act; type agreement is reported apart): the names Sift gives
  a role against the gold entities (``scoring.match_names``: folded names,
  each entity matched once, a second name for it a false positive);
- ``negated``: accuracy over the claims found, and precision and recall of
  ``negated`` = true over them (rare: accuracy alone hides missing them).

P/R/F1 is micro over gold claims. Precision is measured only on the
sentences the gold annotates (the gold is not every claim of a record).
Accepted role shapes in Sift's claim JSON (the contract of item 2 was not
fixed when this was written): a list of names, a list of dicts with a
``name``, a dict name -> evidence, a single name, or the same under a
``roles`` key (including the stored form ``[[role, name, start, end], ...]``).

Without ``--data`` (a user's machine has no ``../shared``) it says so and
exits 0.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import REPO, SHARED_DATA, shared_data_absent, write_json
from benchmarks.extraction_gold import SOURCES, GoldError, entity_list, gold_object, with_records
from benchmarks.scoring import Counts, NameMatch, match_names
from benchmarks.sift_run import TextRecord, extract_records

DEFAULT_GOLD = REPO / "benchmarks" / "gold" / "roles" / "roles.jsonl"
#: Every role the gold annotates; ``by`` and ``in`` are the issue's measures.
ROLES = ("by", "in", "against", "speaker")
#: The fewest locator words a Sift sentence that cut a lead off must start with.
MIN_TAIL_WORDS = 4
NO_ROLES_NOTE = "Sift's claims carry no roles yet: every gold role value counts as missed."


@dataclass(frozen=True)
class GoldClaim:
    """One annotated claim of ``roles.jsonl``."""

    where: str  # file:line
    source: str
    ref: str
    conflict: str
    locator: str
    type: str
    roles: dict[str, list[list[str]]]
    negated: bool

    @property
    def record_id(self) -> str:
        """The id its record is extracted under (unique across sources)."""
        return f"{self.source}:{self.ref}"


def parse_roles_line(line: str, where: str) -> GoldClaim:
    """One gold line, checked. :raises GoldError: what is wrong with it."""
    obj = gold_object(line)
    for key in ("sentence", "type", "conflict"):
        if not isinstance(obj.get(key), str) or not obj[key].strip():
            raise GoldError(f"{key!r} must be a non-empty string")
    if not isinstance(obj.get("ref"), (str, int)):
        raise GoldError("'ref' is required")
    if not isinstance(obj.get("negated", False), bool):
        raise GoldError("'negated' must be true or false")
    return GoldClaim(
        where=where, source=obj["source"], ref=str(obj["ref"]), conflict=obj["conflict"],
        locator=obj["sentence"], type=obj["type"],
        roles={role: entity_list(obj.get(role, []), role) for role in ROLES},
        negated=obj.get("negated", False),
    )


def load_roles_gold(path: Path) -> tuple[list[GoldClaim], list[str]]:
    """Every claim of the gold file and the errors of lines skipped."""
    claims: list[GoldClaim] = []
    errors: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            where = f"{path.name}:{number}"
            try:
                claims.append(parse_roles_line(line, where))
            except GoldError as exc:
                errors.append(f"{where}: {exc}")
    return claims, errors


def normalise(text: str) -> str:
    """The form locators and sentences are compared in (ROLES.md): every run
    of whitespace one space, case ignored."""
    return " ".join(text.split()).casefold()


def _starts_with_locator_tail(sentence: str, words: list[str]) -> bool:
    return any(sentence.startswith(" ".join(words[i:])) for i in range(1, len(words) - MIN_TAIL_WORDS + 1))


def locate_claim(claims: Sequence[dict[str, Any]], locator: str, claim_type: str) -> dict[str, Any] | None:
    """The Sift claim whose sentence contains ``locator``, one that has
    ``claim_type`` first (a sentence can be cut in two claims); None when no
    claim covers it.

    When none contains it, a Sift sentence that starts with the locator's
    last words (at least :data:`MIN_TAIL_WORDS`) is the same sentence with a
    lead Sift cut off as page debris (``KIEV (Reuters) -``, ``Ladies and
    gentlemen,``): a boundary judgement, not a missed claim.
    """
    wanted = normalise(locator)
    sentences = [(c, normalise(str(c.get("sentence") or ""))) for c in claims]
    covering = [c for c, s in sentences if wanted in s]
    if not covering:
        covering = [c for c, s in sentences if _starts_with_locator_tail(s, wanted.split())]
    typed = [c for c in covering if claim_type in claim_types(c)]
    return (typed or covering or [None])[0]


def claim_types(claim: dict[str, Any]) -> list[str]:
    """Every type of a Sift claim (``types``, or the single ``type``)."""
    types = claim.get("types") or [claim.get("type")]
    return [t for t in types if isinstance(t, str)]


def _role_value(claim: dict[str, Any], role: str) -> Any:
    if role in claim:
        return claim[role]
    nested = claim.get("roles")
    if isinstance(nested, dict):
        return nested.get(role)
    if isinstance(nested, list):  # the stored form: [[role, name, start, end], ...]
        return [item[1] for item in nested if isinstance(item, (list, tuple)) and len(item) > 1 and item[0] == role]
    return None


def role_names(claim: dict[str, Any], role: str) -> list[str]:
    """The names Sift gives ``role`` in ``claim``, whatever the accepted
    shape (module docstring); [] when the role is empty or absent."""
    value = _role_value(claim, role)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [value["name"]] if isinstance(value.get("name"), str) else [str(k) for k in value]
    names: list[str] = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
    return names


def carries_roles(claim: dict[str, Any]) -> bool:
    """Whether a Sift claim has role fields at all (empty ones included)."""
    return any(role in claim for role in ROLES) or "roles" in claim


@dataclass
class ClaimScore:
    """The outcome of one gold claim."""

    gold: GoldClaim
    sift: dict[str, Any] | None  # the Sift claim located, None: not found
    roles: dict[str, NameMatch]

    @property
    def found(self) -> bool:
        """Whether a Sift claim covers the gold sentence."""
        return self.sift is not None

    @property
    def type_agrees(self) -> bool:
        """Whether the claim located has the gold's type among its types."""
        return self.sift is not None and self.gold.type in claim_types(self.sift)

    @property
    def negated(self) -> bool | None:
        """Sift's ``negated`` for the claim (None: not found, or not given)."""
        value = self.sift.get("negated") if self.sift is not None else None
        return value if isinstance(value, bool) else None


def score_claim(gold: GoldClaim, sift_claims: Sequence[dict[str, Any]]) -> ClaimScore:
    """Locate ``gold`` among a record's Sift claims and match its roles; a
    claim not found misses every gold role value."""
    located = locate_claim(sift_claims, gold.locator, gold.type)
    roles = {role: match_names(role_names(located, role) if located else [], gold.roles[role]) for role in ROLES}
    return ClaimScore(gold, located, roles)


@dataclass
class Tally:
    """Summed counts of a group of gold claims."""

    claims: int = 0
    found: int = 0
    type_agrees: int = 0
    roles: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    negated_scored: int = 0
    negated_right: int = 0
    #: ``negated`` = true as a class (9 of the 276 gold claims): accuracy alone hides missing them all
    negated_true: Counts = field(default_factory=Counts)

    def add(self, score: ClaimScore) -> None:
        """Add one claim."""
        self.claims += 1
        self.found += score.found
        self.type_agrees += score.type_agrees
        for role, match in score.roles.items():
            self.roles[role] += match.counts
        if score.negated is not None:
            self.negated_scored += 1
            self.negated_right += score.negated == score.gold.negated
            self.negated_true += Counts(tp=int(score.negated and score.gold.negated),
                                        fp=int(score.negated and not score.gold.negated),
                                        fn=int(score.gold.negated and not score.negated))

    def as_json(self) -> dict[str, Any]:
        """Counts and rates; ``negated`` accuracy over the claims found that
        say whether they are negated (None when none does)."""
        return {
            "claims": self.claims,
            "found": self.found,
            "not_found": self.claims - self.found,
            "found_other_type": self.found - self.type_agrees,
            "type_agrees": self.type_agrees,
            **{role: c.as_json() for role, c in self.roles.items()},
            "negated": {"scored": self.negated_scored, "right": self.negated_right,
                        "accuracy": round(self.negated_right / self.negated_scored, 4) if self.negated_scored else None,
                        "true": self.negated_true.as_json()},
        }


def record_text(source: str, record: dict[str, Any]) -> tuple[str, str]:
    """``(title, body)`` of a record: the whole of it, as a user indexes it."""
    spec = SOURCES[source]
    title = str(record.get(spec.title_field) or "").strip() if spec.title_field else ""
    return title, str(record.get(spec.text_field) or "")


def claim_detail(score: ClaimScore) -> dict[str, Any]:
    """One claim's outcome for ``--details``."""
    return {
        "where": score.gold.where, "source": score.gold.source, "ref": score.gold.ref,
        "conflict": score.gold.conflict, "locator": score.gold.locator, "type": score.gold.type,
        "sift_types": claim_types(score.sift) if score.sift is not None else None,
        **{role: {"misses": [e[0] for e in m.misses], "false_positives": m.false_positives}
           for role, m in score.roles.items()},
        "negated": {"gold": score.gold.negated, "sift": score.negated},
    }


def evaluate(gold_path: Path, data: Path, details: bool = False) -> dict[str, Any]:
    """Load the gold, extract its records and score every claim."""
    claims, errors = load_roles_gold(gold_path)
    texts: dict[str, tuple[str, str]] = {}
    scorable: list[GoldClaim] = []
    for g, record in with_records(claims, data, errors):
        texts[g.record_id] = record_text(g.source, record)
        if normalise(g.locator) not in normalise(texts[g.record_id][1]):
            errors.append(f"{g.where}: locator {g.locator!r} is not in the text of {g.source} {g.ref}")
            continue
        scorable.append(g)
    extracted, extract_errors = extract_records(TextRecord(i, t, b) for i, (t, b) in texts.items())
    errors.extend(extract_errors)
    with_roles = any(carries_roles(c) for r in extracted.values() for c in r.get("claims", []))
    tallies: dict[str, Tally] = {}
    per_claim = []
    for g in scorable:
        score = score_claim(g, extracted.get(g.record_id, {}).get("claims", []))
        for key in ("all", f"source:{g.source}", f"conflict:{g.conflict}"):
            tallies.setdefault(key, Tally()).add(score)
        per_claim.append(claim_detail(score))
    def group(prefix: str) -> dict[str, Any]:
        return {k.split(":", 1)[1]: t.as_json() for k, t in sorted(tallies.items()) if k.startswith(prefix)}
    result: dict[str, Any] = {
        "gold": str(gold_path),
        "roles_present": with_roles,
        "note": None if with_roles else NO_ROLES_NOTE,
        "all": tallies["all"].as_json() if "all" in tallies else None,
        "sources": group("source:"),
        "conflicts": group("conflict:"),
        "errors": errors,
    }
    if details:
        result["claims"] = per_claim
    return result


def _rate(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def format_table(groups: dict[str, dict[str, Any]]) -> str:
    """The markdown table of ``groups`` (``{label: Tally.as_json()}``)."""
    def prf(c: dict[str, Any]) -> str:
        return " / ".join(_rate(c[k]) for k in ("precision", "recall", "f1"))
    lines = ["| group | claims | found (other type) | by P / R / F1 | in P / R / F1 | against P / R / F1 "
             "| speaker P / R / F1 | negated accuracy (true: P / R) |",
             "|---|---|---|---|---|---|---|---|"]
    for label, t in groups.items():
        lines.append(f"| {label} | {t['claims']} | {t['found']} ({t['found_other_type']}) | {prf(t['by'])} "
                     f"| {prf(t['in'])} | {prf(t['against'])} | {prf(t['speaker'])} "
                     f"| {_rate(t['negated']['accuracy'])} ({_rate(t['negated']['true']['precision'])} / "
                     f"{_rate(t['negated']['true']['recall'])}) |")
    return "\n".join(lines)


def format_details(claims: list[dict[str, Any]]) -> str:
    """Per claim: not found, type disagreement, role misses and false positives."""
    out = []
    for c in claims:
        head = f"## {c['where']} {c['source']} {c['ref']} ({c['conflict']}) {c['type']}: {c['locator']!r}"
        if c["sift_types"] is None:
            out.append(f"{head}\n  not found")
            continue
        lines = [] if c["type"] in c["sift_types"] else [f"  type    Sift: {', '.join(c['sift_types']) or '-'}"]
        for role in ROLES:
            if c[role]["misses"] or c[role]["false_positives"]:
                lines.append(f"  {role:<7} missed: {', '.join(c[role]['misses']) or '-'}")
                lines.append(f"  {'':<7} wrong:  {', '.join(c[role]['false_positives']) or '-'}")
        if c["negated"]["sift"] is not None and c["negated"]["sift"] != c["negated"]["gold"]:
            lines.append(f"  negated gold {c['negated']['gold']}, Sift {c['negated']['sift']}")
        if lines:
            out.append("\n".join([head, *lines]))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.roles_quality", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="the gold claims (JSON Lines)")
    parser.add_argument("--data", type=Path, default=SHARED_DATA, help="folder of the source data (../shared/data)")
    parser.add_argument("--out", type=Path, help="write the results as JSON to this file")
    parser.add_argument("--details", action="store_true", help="per claim misses and false positives")
    args = parser.parse_args(argv)
    if shared_data_absent(args.data):
        return 0
    if not args.gold.is_file():
        print(f"error: no gold file {args.gold}", file=sys.stderr)
        return 1
    result = evaluate(args.gold, args.data, details=args.details)
    for error in result["errors"]:
        print(f"error: {error}", file=sys.stderr)
    if result["all"] is None:
        print("error: no gold claim could be scored", file=sys.stderr)
        return 1
    if args.details:
        print(format_details(result["claims"]) + "\n")
    if result["note"]:
        print(f"note: {result['note']}\n")
    groups = {"all": result["all"], **{f"source {k}": v for k, v in result["sources"].items()},
              **{f"conflict {k}": v for k, v in result["conflicts"].items()}}
    print(format_table(groups))
    write_json(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
