"""Draw a fresh held-out gold sample (stop 32, branch gold3).

Held-out gold sets measure the extraction rules on text nobody has read while
writing them, so the draw must be random, seeded and free of every record any
gold file, needs pool or precision sheet already names. Usage::

    python -m benchmarks.draw_gold [--seed 20261208] [--per-source 6] [--fakes N]
                                   [--show] [--skip benchmarks/gold/fresh2.jsonl]

fresh2.jsonl is seed 20261208; fresh3.jsonl ``--seed 20261209 --fakes 9``;
fresh4.jsonl ``--seed 20261210 --per-source 7 --fakes 10``; fresh5.jsonl
``--seed 20261211 --per-source 7 --fakes 10`` (the first draw that excludes
benchmarks/dev_gold, the dev samples helpers have read).

One ``random.Random(seed)`` is used in this order:

- FA-KES (only the dev CSV exists): ``rng.sample`` of the distinct unit ids
  not referenced anywhere (``--fakes N`` of them, default ``--per-source``:
  Syria figures on 6 statements are noisy, fresh3 drew 9, fresh4 10) (the needs pool holds every FA-KES article, so it is
  not excluded for FA-KES, as gold2 did).
- HRDsAttack ``train`` (``test`` is not in the data, ``dev`` is the needs
  pool): texts of at most 500 words, shuffled; the first ones whose annotated
  ``country`` is distinct and not already a ``conflict`` of any gold file; when
  those run out (fresh5: 2 of 7), the next ones in the same order whose country
  (US spellings folded) is new to the draw.
- UN General Debate: speeches of states no gold file uses, shuffled; per
  speech the first window of 3, 2 or 1 paragraphs (150-450 words) with at
  least 5 conflict words; one speech per state, at most 2 per decade.

``--skip FILE`` leaves a file out of the exclusion: a set drawn before is
redrawn by skipping its own file and every set drawn after it, as a later set
changes the exclusions (fresh5.jsonl is ``--skip benchmarks/gold/fresh5.jsonl``;
fresh4.jsonl skips fresh4, fresh5 and benchmarks/dev_gold, which came after
it; fresh3.jsonl skips fresh3, fresh4, fresh5 and dev_gold; fresh2.jsonl
skips fresh2 to fresh5 and dev_gold).
``--show`` prints each statement as the scorer builds it (title, then the
chosen paragraphs), to annotate from the text alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path
from typing import Any

from benchmarks import REPO, SHARED_DATA
from benchmarks.extraction_gold import split_paragraphs

SEED = 20261208
MAX_WORDS = 500
CONFLICT_WORDS = re.compile(
    r"\b(killed|killing|killings|massacres?|genocide|refugees|displaced|ceasefire|cease-fire|"
    r"rebels|troops|militias?|bombing|bombings|shelling|violence|hostages|atrocities|"
    r"fighting|civilians|casualties)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Za-z0-9_]+")
# dev_gold: dev samples helpers have read (stop 34), excluded from fresh5 on
_USED_FOLDERS = ("benchmarks/gold", "benchmarks/precision", "benchmarks/dev_gold")


def used_tokens(repo: Path = REPO, skip: tuple[str, ...] = ()) -> set[str]:
    """Every word-like token of the gold, needs and precision files (but the
    files and folders ``skip``, relative to ``repo``): a record id among them
    is already used (ids are long and unique, so a token match is a safe
    superset of the refs)."""
    left_out = [repo / s for s in skip]
    tokens: set[str] = set()
    for folder in _USED_FOLDERS:
        for path in sorted((repo / folder).rglob("*")):
            if path.is_file() and not any(path == o or path.is_relative_to(o) for o in left_out):
                tokens.update(_TOKEN.findall(path.read_text(encoding="utf-8")))
    return tokens


def used_conflicts(repo: Path = REPO, skip: tuple[str, ...] = ()) -> set[str]:
    """The ``conflict`` values of every gold file (but those in ``skip``), folded."""
    found: set[str] = set()
    for path in sorted((repo / "benchmarks/gold").rglob("*.jsonl")):
        if path in [repo / s for s in skip]:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.add(str(json.loads(line).get("conflict", "")).casefold())
    return found


def _json_lines(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file (split on newlines only: texts hold U+2028)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def draw_fakes(rng: random.Random, data: Path, used: set[str], n: int) -> list[dict[str, Any]]:
    """``n`` unused FA-KES articles, a plain random sample."""
    with open(data / "fakes/fakes-dev.csv", newline="", encoding="utf-8") as handle:
        ids = sorted({row["unit_id"] for row in csv.DictReader(handle)} - used)
    return [{"source": "fakes", "ref": ref} for ref in rng.sample(ids, n)]


# spellings of one country among HRDsAttack's ``country`` labels (the fill pass only)
_COUNTRY_SPELLINGS = {
    "us": "united states", "usa": "united states", "united states of america": "united states",
    "unites states of america": "united states",
}


def _country(row: dict[str, Any]) -> str:
    """A row's annotated ``country`` label, folded."""
    return str(row.get("country") or "").strip().casefold()


def draw_hrds(
    rng: random.Random, data: Path, used: set[str], conflicts: set[str], n: int
) -> list[dict[str, Any]]:
    """``n`` unused short HRDsAttack ``train`` articles of distinct new countries;
    when the labels new to every gold file run out (fresh5), the rest are the
    next ones of the same order whose country is new to this draw."""
    rows = _json_lines(data / "hrdsattack/hrdsattack.jsonl")
    rows = [r for r in rows if r["split"] == "train" and r["id"] not in used]
    rows = [r for r in rows if len(r["text"].split()) <= MAX_WORDS]
    rows.sort(key=lambda r: r["id"])
    rng.shuffle(rows)
    picked: list[dict[str, Any]] = []
    seen = set(conflicts) | {"none", "unknown", ""}
    for row in rows:
        country = _country(row)
        if country in seen:
            continue
        seen.add(country)
        picked.append({"source": "hrdsattack", "ref": row["id"], "country": row.get("country")})
        if len(picked) == n:
            return picked
    in_draw = {_COUNTRY_SPELLINGS.get(_country(p), _country(p)) for p in picked} | {"none", "unknown", ""}
    for row in rows:
        country = _COUNTRY_SPELLINGS.get(_country(row), _country(row))
        if country in in_draw:
            continue
        in_draw.add(country)
        picked.append({"source": "hrdsattack", "ref": row["id"], "country": row.get("country")})
        if len(picked) == n:
            break
    return picked


def conflict_window(text: str) -> tuple[int, int] | None:
    """The first window of 3, 2 or 1 paragraphs (150-450 words) with at least
    5 conflict words, or None."""
    paras = split_paragraphs(text)
    for first in range(len(paras)):
        for size in (3, 2, 1):
            chunk = " ".join(paras[first : first + size])
            words = len(chunk.split())
            if first + size <= len(paras) and 150 <= words <= 450 and len(CONFLICT_WORDS.findall(chunk)) >= 5:
                return first, first + size - 1
    return None


def draw_ungdc(rng: random.Random, data: Path, used: set[str], n: int) -> list[dict[str, Any]]:
    """``n`` conflict passages of unused states' speeches, one per state, at most 2 a decade."""
    speeches: list[dict[str, Any]] = []
    for path in sorted((data / "ungdc").glob("*.jsonl")):
        speeches.extend(_json_lines(path))
    used_states = {s["iso3"] for s in speeches if s["id"] in used}
    speeches = sorted((s for s in speeches if s["iso3"] not in used_states), key=lambda s: s["id"])
    rng.shuffle(speeches)
    picked: list[dict[str, Any]] = []
    states: set[str] = set()
    decades: dict[int, int] = {}
    for speech in speeches:
        decade = int(speech["year"]) // 10 * 10
        if speech["iso3"] in states or decades.get(decade, 0) >= 2:
            continue
        window = conflict_window(speech["text"])
        if window is None:
            continue
        states.add(speech["iso3"])
        decades[decade] = decades.get(decade, 0) + 1
        picked.append({"source": "ungdc", "ref": speech["id"], "paragraphs": list(window)})
        if len(picked) == n:
            break
    return picked


def draw(
    seed: int = SEED,
    per_source: int = 6,
    data: Path = SHARED_DATA,
    skip: tuple[str, ...] = (),
    fakes: int | None = None,
) -> list[dict[str, Any]]:
    """The sample, in draw order (FA-KES, HRDsAttack, UN General Debate);
    ``fakes`` FA-KES articles (default ``per_source``)."""
    rng = random.Random(seed)
    used = used_tokens(skip=skip)
    n_fakes = per_source if fakes is None else fakes
    return (
        draw_fakes(rng, data, used_tokens(skip=skip + ("benchmarks/gold/needs",)), n_fakes)
        + draw_hrds(rng, data, used, used_conflicts(skip=skip), per_source)
        + draw_ungdc(rng, data, used, per_source)
    )


def main(argv: list[str] | None = None) -> None:
    """Print the draw (one JSON a line); ``--show`` adds each statement's text."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--per-source", type=int, default=6)
    parser.add_argument("--fakes", type=int, default=None, help="FA-KES articles (default: --per-source)")
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--skip", action="append", default=[], help="a file (or folder) to leave out of the exclusion")
    args = parser.parse_args(argv)
    from benchmarks.extraction_gold import parse_gold_line, source_records, statement_text

    for item in draw(args.seed, args.per_source, args.data, tuple(args.skip), args.fakes):
        print(json.dumps(item))
        if args.show:
            line = {"conflict": "x", "title": item["source"] != "ungdc", "date": None,
                    "actors": [], "places": [], "claims": [], **item}
            gold = parse_gold_line(json.dumps(line), "draw")
            record = source_records(args.data, gold.source, {gold.ref})[gold.ref]
            title, text = statement_text(gold, record)
            print(f"TITLE: {title}\n\n{text}" if title else text)
            print("=" * 80)


if __name__ == "__main__":
    main()
