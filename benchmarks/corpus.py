"""Corpora for the benchmarks: a deterministic generator and loaders.

The generator writes statement-like JSONL (``id, title, body, date,
publisher, url``) so that scale runs need no third-party data. Each document
is drawn from its own ``random.Random(seed, index)`` stream, so the first
10,000 documents of a 50,000-document corpus are the 10,000-document corpus
(scaling curves compare like with like).

Text: sentences over a Zipfian vocabulary (a core of political/news words at
the top ranks, then pseudo-words), interleaved with claim-like sentences
naming actors and places ("X accused Y of shelling Z on 3 March 2016.").
Actor and place names come from the gazetteer files in ``indexer/data/``
when present, read generically (every TAB-separated row whose first column
is ``actor`` or ``place`` gives its second column), else a built-in list.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import itertools
import json
import random
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import REPO

GAZETTEER_DIR = REPO / "indexer" / "data"

FALLBACK_ACTORS = (
    "Syrian Government", "Syrian Arab Army", "Free Syrian Army", "Islamic State", "Russia",
    "United States", "Turkey", "Iran", "Hezbollah", "United Nations", "Kurdish YPG",
    "Syrian Observatory for Human Rights", "White Helmets", "Jabhat al-Nusra",
)
FALLBACK_PLACES = (
    "Aleppo", "Damascus", "Idlib", "Homs", "Hama", "Raqqa", "Deir ez-Zor", "Daraa", "Latakia",
    "Tartus", "Hasakah", "Quneitra", "Palmyra", "Kobani", "Manbij", "Douma", "Ghouta",
)
PUBLISHERS = (
    "Reuters", "Al Jazeera", "BBC", "SANA", "RT", "Sputnik", "Associated Press", "Al Arabiya",
    "The Guardian", "France 24", "Anadolu", "Syria Direct", "Enab Baladi", "NYT", "Xinhua",
)
# Top of the Zipfian vocabulary: words a statement corpus really repeats.
CORE_WORDS = (
    "the of to and in a said that on for was with by is were forces government people as from "
    "at an killed attack city civilians it be has are had have his their they this which "
    "military rebels army after regime syrian town area security two against against its "
    "opposition also been not would president war minister group fighting media state "
    "reported children troops airstrikes bombing shelling ceasefire humanitarian aid "
    "refugees border officials statement spokesman according sources monitoring "
    "observatory wounded dead casualties province northern southern eastern western "
    "villages district control offensive operation support talks negotiations peace "
    "chemical weapons violations human rights international council resolution "
    "sanctions ministry foreign defence announced denied claimed accused confirmed "
    "condemned warned urged called held met agreed week month year day yesterday today "
    "hospital school market residential neighbourhood strike missile rocket mortar barrel "
    "bomb drone jets aircraft convoy checkpoint siege evacuation water food medical"
).split()
CLAIM_VERBS = ("accused", "blamed", "condemned", "said", "denied that", "reported that", "claimed that")
CLAIM_ACTS = (
    "shelled", "bombed", "attacked", "besieged", "captured", "struck", "targeted", "killed civilians in",
    "launched airstrikes on", "used chemical weapons in", "violated the ceasefire in",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
DATE_START = dt.date(2011, 3, 1)
DATE_DAYS = 3650
MIN_WORDS, MAX_WORDS = 150, 1000


def gazetteer_names(directory: Path = GAZETTEER_DIR) -> tuple[list[str], list[str]]:
    """Actor and place names from every ``*.tsv`` in ``directory`` (or the fallbacks)."""
    found: dict[str, list[str]] = {"actor": [], "place": []}
    if directory.is_dir():
        for path in sorted(directory.glob("*.tsv")):
            for line in path.read_text("utf-8", errors="replace").splitlines():
                cells = line.split("\t")
                if len(cells) >= 2 and cells[0] in found and cells[1].strip():
                    found[cells[0]].append(cells[1].strip())
    actors = sorted(set(found["actor"])) or list(FALLBACK_ACTORS)
    places = sorted(set(found["place"])) or list(FALLBACK_PLACES)
    return actors, places


def _pseudo_words(count: int, rng: random.Random) -> list[str]:
    onsets = "b c d f g h j k l m n p r s t v w z br ch dr gr kh pl sh st tr".split()
    vowels = "a e i o u ai ou ea".split()
    codas = ["", "n", "r", "s", "t", "l", "m", "nd", "st", "rk"]
    words: dict[str, None] = {}
    while len(words) < count:
        syllables = rng.choice((1, 2, 2, 3, 3, 4))
        word = "".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables))
        words[word] = None
    return list(words)


@dataclass
class Generator:
    """Deterministic document source; ``doc(i)`` depends only on (seed, i)."""

    seed: int = 1
    vocabulary_size: int = 50_000
    zipf_s: float = 1.07

    def __post_init__(self) -> None:
        rng = random.Random(f"vocab:{self.seed}")
        core = list(dict.fromkeys(CORE_WORDS))
        self.vocabulary = core + _pseudo_words(self.vocabulary_size - len(core), rng)
        weights = [1.0 / (rank ** self.zipf_s) for rank in range(1, len(self.vocabulary) + 1)]
        self.cum_weights = list(itertools.accumulate(weights))
        self.actors, self.places = gazetteer_names()

    def _words(self, rng: random.Random, n: int) -> list[str]:
        total = self.cum_weights[-1]
        cum, vocab, rand = self.cum_weights, self.vocabulary, rng.random
        return [vocab[bisect.bisect(cum, rand() * total)] for _ in range(n)]

    def _claim(self, rng: random.Random, day: dt.date) -> str:
        who, whom = rng.choice(self.actors), rng.choice(self.actors)
        place = rng.choice(self.places)
        when = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        return f"{who} {rng.choice(CLAIM_VERBS)} {whom} {rng.choice(CLAIM_ACTS)} {place} on {when}."

    def doc(self, index: int) -> dict[str, Any]:
        """Document number ``index`` (0-based)."""
        rng = random.Random(self.seed * 1_000_003 + index)
        day = DATE_START + dt.timedelta(days=rng.randrange(DATE_DAYS))
        # Lengths skewed to short statements: mean about 430 words.
        target = MIN_WORDS + int((MAX_WORDS - MIN_WORDS) * rng.random() ** 2)
        sentences: list[str] = []
        count = 0
        while count < target:
            if rng.random() < 0.2:
                sentence = self._claim(rng, day)
            else:
                words = self._words(rng, rng.randint(8, 25))
                if rng.random() < 0.3:
                    words.insert(rng.randrange(len(words)), "in " + rng.choice(self.places))
                sentence = " ".join(words).capitalize() + "."
            sentences.append(sentence)
            count += sentence.count(" ") + 1
        paragraphs = [" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
        publisher = PUBLISHERS[rng.randrange(len(PUBLISHERS))]
        title_words = " ".join(self._words(rng, rng.randint(3, 8)))
        title = f"{rng.choice(self.actors)} {rng.choice(CLAIM_VERBS).split()[0]} {title_words} in {rng.choice(self.places)}"
        return {
            "id": f"gen-{self.seed}-{index:07d}",
            "title": title,
            "body": "\n\n".join(paragraphs),
            "date": day.isoformat(),
            "publisher": publisher,
            "url": f"https://example.org/{publisher.lower().replace(' ', '-')}/{index}",
        }

    def docs(self, count: int) -> Iterator[dict[str, Any]]:
        return (self.doc(i) for i in range(count))


def write_jsonl(docs: Iterable[dict[str, Any]], path: Path) -> int:
    """Write ``docs`` one JSON object a line; returns the number written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            count += 1
    tmp.replace(path)
    return count


# -- user corpora ------------------------------------------------------------
_ROLE_NAMES = {
    "id": ("id", "unit_id", "doc_id", "docid", "uid"),
    "title": ("title", "article_title", "headline", "subject"),
    "body": ("body", "text", "content", "article_content", "article", "statement"),
    "date": ("date", "published", "pubdate", "time"),
    "publisher": ("publisher", "source", "outlet"),
    "url": ("url", "link"),
}


def _normalise(record: dict[str, Any], number: int) -> dict[str, Any] | None:
    lower = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    doc: dict[str, Any] = {}
    for role, names in _ROLE_NAMES.items():
        for name in names:
            if lower.get(name) not in (None, ""):
                doc[role] = str(lower[name])
                break
    if not doc.get("body"):
        return None
    doc.setdefault("id", f"doc-{number}")
    doc.setdefault("title", "")
    return doc


def load_corpus(path: Path) -> list[dict[str, Any]]:
    """Documents of a user corpus (``.jsonl``/``.ndjson``/``.json``/``.csv``/``.tsv``),
    normalised to ``id, title, body[, date, publisher, url]``; rows without text are dropped."""
    suffix = path.suffix.lower()
    records: list[dict[str, Any]]
    if suffix in (".csv", ".tsv"):
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            records = list(csv.DictReader(handle, delimiter="\t" if suffix == ".tsv" else ","))
    else:
        text = path.read_text("utf-8", errors="replace")
        if suffix == ".json" and text.lstrip().startswith("["):
            records = [r for r in json.loads(text) if isinstance(r, dict)]
        else:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
    docs = [d for i, r in enumerate(records, 1) if (d := _normalise(r, i)) is not None]
    if not docs:
        raise ValueError(f"{path}: no document with text (expected a body/text/content column)")
    return docs


def take(docs: list[dict[str, Any]], count: int) -> Iterator[dict[str, Any]]:
    """The first ``count`` documents, replicating the corpus (with new ids) when it is smaller."""
    for i in range(count):
        doc = docs[i % len(docs)]
        copy = i // len(docs)
        yield doc if copy == 0 else {**doc, "id": f"{doc['id']}~{copy}"}


def write_shards(docs: Iterable[dict[str, Any]], directory: Path, shard_size: int = 1000) -> tuple[int, int]:
    """Write ``docs`` as JSONL files of ``shard_size`` documents under ``directory``.

    Inputs are sharded because Sift reads one file at a time: a single huge
    file would make peak RSS grow with the corpus for reasons unrelated to
    indexing. Returns (documents, bytes of title+body text).
    """
    directory.mkdir(parents=True, exist_ok=True)
    count = text_bytes = 0
    out = None
    try:
        for doc in docs:
            if count % shard_size == 0:
                if out:
                    out.close()
                out = (directory / f"part-{count // shard_size:05d}.jsonl").open("w", encoding="utf-8")
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            text_bytes += len(doc.get("title", "").encode()) + len(doc["body"].encode())
            count += 1
    finally:
        if out:
            out.close()
    (directory / ".complete").write_text(json.dumps({"docs": count, "text_bytes": text_bytes}))
    return count, text_bytes


def ensure_shards(source: str, count: int, directory: Path, seed: int = 1, corpus: Path | None = None) -> dict[str, int]:
    """Shards of ``count`` documents in ``directory`` (reused when complete)."""
    marker = directory / ".complete"
    if marker.exists():
        info = json.loads(marker.read_text())
        if info.get("docs") == count:
            return dict(info)
    for old in directory.glob("part-*.jsonl"):
        old.unlink()
    docs: Iterable[dict[str, Any]]
    if corpus is not None:
        docs = take(load_corpus(corpus), count)
    else:
        docs = Generator(seed=seed).docs(count)
    n, size = write_shards(docs, directory)
    return {"docs": n, "text_bytes": size}
