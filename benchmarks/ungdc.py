"""Real text for the scale benchmarks: UN General Debate speeches as paragraph statements (issue 22, item 5).

The corpus (``../shared/data/ungdc/*.jsonl``, see its README) has one speech
per country and year, ~2,200 words, as the PDF text gives it: lines
hard-wrapped, paragraphs rarely marked. A paragraph here ends at a line
ending a sentence (``.``, ``!``, ``?``, closing quotes allowed); page
numbers and document symbols (lines of digits and punctuation) are dropped;
a paragraph longer than :data:`MOST_WORDS` is cut at sentence ends; pieces
under :data:`LEAST_WORDS` words are left out: 249,934 statements of
about 60 words. The statements are written as JSONL (``id``, ``title``,
``body``, ``date``, ``publisher``) under a folder of the benchmark's output,
never into the repository.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks import SHARED_DATA
from benchmarks.corpus import write_shards

SOURCE = SHARED_DATA / "ungdc"
MOST_WORDS = 100
LEAST_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*$")
_NOT_TEXT = re.compile(r"^[\d\W]*\d[\d\W]*$")  # "27 10-55128", "A/65/PV.12"-like page furniture
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘])")


def paragraphs(text: str) -> list[str]:
    """``text``'s paragraphs (see the module docstring), whitespace collapsed.

    >>> paragraphs("We met.\\nThe Assembly\\nagreed to it.\\n 12 \\nNext")
    ['We met.', 'The Assembly agreed to it.', 'Next']
    """
    out: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if not line or _NOT_TEXT.match(line):
            continue
        lines.append(line)
        if _SENTENCE_END.search(line):
            out.append(" ".join(lines))
            lines = []
    if lines:
        out.append(" ".join(lines))
    return out


def pieces(paragraph: str, most: int = MOST_WORDS) -> list[str]:
    """``paragraph`` cut at sentence ends into pieces of at most ``most`` words (a longer sentence stays whole)."""
    if len(paragraph.split()) <= most:
        return [paragraph]
    out: list[str] = []
    current: list[str] = []
    words = 0
    for sentence in _SENTENCES.split(paragraph):
        count = len(sentence.split())
        if current and words + count > most:
            out.append(" ".join(current))
            current, words = [], 0
        current.append(sentence)
        words += count
    if current:
        out.append(" ".join(current))
    return out


def statements(source: Path = SOURCE) -> Iterator[dict[str, Any]]:
    """Every paragraph statement of every speech under ``source``, in file order."""
    for path in sorted(source.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                speech = json.loads(line)
                title = f"{speech['country']} at the General Debate, {speech['year']}"
                number = 0
                for paragraph in paragraphs(speech["text"]):
                    for piece in pieces(paragraph):
                        if len(piece.split()) < LEAST_WORDS:
                            continue
                        number += 1
                        yield {"id": f"{speech['id']}-{number:03d}", "title": title, "body": piece,
                               "date": str(speech["year"]), "publisher": speech["country"]}


def ensure_paragraphs(directory: Path, source: Path = SOURCE) -> Path:
    """The statements as JSONL files of 1,000 under ``directory`` (written once)."""
    if not (directory / ".complete").exists():
        for old in directory.glob("part-*.jsonl"):
            old.unlink()
        write_shards(statements(source), directory)
    return directory
