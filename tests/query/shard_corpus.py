"""A generated corpus for the sharded-equals-one-index tests (issue 22):
claims naming actors and places (for facets and claim roles), dates over
three years and undated statements, reposted copies (edited, by other
publishers and by the same one), exact twins (ties by id) and ids whose
byte order differs from their character order."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

ACTORS = ("Russia", "Turkey", "Iran", "Hezbollah", "United Nations", "Islamic State")
PLACES = ("Aleppo", "Idlib", "Homs", "Daraa", "Douma", "Raqqa")
ACTS = ("shelled", "bombed", "besieged", "attacked")
WORDS = ("siege hospital market convoy ceasefire talks minister urged displaced refugees camp border report "
         "forces regime civilians water aid school village fighters negotiations statement council").split()
PUBLISHERS = ("Agency", "Coalition", "Mirror", "Council")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.3:
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.choice((2015, 2016, 2017))
        return (f"{rng.choice(ACTORS)} {rng.choice(ACTS)} {rng.choice(WORDS)} in {rng.choice(PLACES)} "
                f"on {day} {month} {year}.")
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize() + "."


def _body(rng: random.Random) -> list[str]:
    return [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(2, 4))]


def _edited(lines: list[str], rng: random.Random) -> list[str]:
    out = [line.split() for line in lines]
    for _ in range(2):
        line = out[rng.randrange(len(out))]
        line[rng.randrange(len(line))] = rng.choice(WORDS)
    return [" ".join(line) for line in out]


def generate(seed: int, count: int) -> list[dict[str, Any]]:
    """``count`` statement records (JSONL form), reproducibly."""
    rng = random.Random(seed)
    records: list[dict[str, Any]] = []
    for i in range(count):
        ident = rng.choice((f"st-{i:04d}", f"St-{i:04d}", f"é-{i:03d}", f"z{i}"))
        date = None if rng.random() < 0.1 else f"{rng.choice((2015, 2016, 2017))}-{rng.randint(1, 12):02d}-01"
        publisher = rng.choice(PUBLISHERS)
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))).capitalize()
        if records and rng.random() < 0.25:  # a repost of an earlier statement
            source = rng.choice(records)
            lines = _edited(source["text"].split("\n"), rng) if rng.random() < 0.6 else source["text"].split("\n")
            if rng.random() < 0.5:
                title, date = source["title"], source["date"]  # twins differ by id only
        else:
            lines = _body(rng)
        if publisher == "Council":  # a publisher's standard footer (boilerplate)
            lines = [*lines, "The council will continue to monitor the situation and report on it."]
        records.append({"id": ident, "title": title, "text": "\n".join(lines), "date": date,
                        "publisher": publisher, "url": f"https://{publisher.lower()}.example/{ident}"})
    return records


def write_files(directory: Path, records: list[dict[str, Any]], files: int = 2) -> list[Path]:
    """The records as ``files`` JSONL files."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(files):
        path = directory / f"part-{n}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[n::files]), "utf-8")
        paths.append(path)
    return paths
