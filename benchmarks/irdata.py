"""Test collections for ranking quality: one loader per *format*, not per file.

Supported formats, recognised from the content:

- ``star``: records introduced by ``*TEXT nnn ...`` (documents) or
  ``*FIND nnn`` (queries), as in the TIME collection (``*STOP`` ends it);
  a date ``mm/dd/yy`` after the number is kept; a record's id is its
  position in the file (1-based), which is what the judgements refer to
  (the number after ``*TEXT`` is kept as ``number``);
- ``smart``: SMART records ``.I n`` followed by fields ``.T`` (title),
  ``.W`` (text), ``.A``/``.B``/``.X``/... (ignored), as in CISI, CACM, MED;
- relevance judgements: either ``query doc doc ...`` lines (TIME) or
  ``query doc [iteration] [grade]`` lines (SMART ``.REL``/TREC-style qrels,
  a grade of 0 in the *fourth* column is still relevant, as in CISI).

A collection is a folder with a documents file, a queries file and a
judgements file, told apart by name (``*.ALL``/``*.QUE``/``*.QRY``/``*.REL``)
or by content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_STAR = re.compile(r"^\*([A-Z]+)(?:[ \t]+(\d+))?([^\n]*)$", re.MULTILINE)
_SMART = re.compile(r"^\.I\s+(\d+)\s*$", re.MULTILINE)
_SMART_FIELD = re.compile(r"^\.([A-Z])\s*$", re.MULTILINE)
_DATE = re.compile(r"(\d\d)/(\d\d)/(\d\d)")


@dataclass
class Record:
    id: str
    title: str = ""
    text: str = ""
    date: str | None = None
    number: str = ""


@dataclass
class Collection:
    name: str
    docs: list[Record]
    queries: dict[str, str]
    qrels: dict[str, set[str]] = field(default_factory=dict)

    def judged_queries(self) -> list[str]:
        """Query ids with at least one relevant document, in numeric order."""
        return sorted((q for q in self.queries if self.qrels.get(q)), key=_numeric)


def _numeric(text: str) -> tuple[int, str]:
    return (int(text), text) if text.isdigit() else (10**9, text)


def _clean(text: str) -> str:
    return " ".join(text.split())


def parse_star(text: str) -> list[Record]:
    """Records of the ``*TEXT``/``*FIND`` format."""
    records: list[Record] = []
    marks = list(_STAR.finditer(text))
    for i, mark in enumerate(marks):
        if mark.group(1) == "STOP":
            break
        if mark.group(2) is None:
            continue
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        date = None
        if found := _DATE.search(mark.group(3)):
            month, day, year = found.groups()
            date = f"19{year}-{month}-{day}"
        # Judgements of this format count records in file order (TIME's
        # TIME.REL "1 268" means the 268th *TEXT, which is numbered 334).
        records.append(Record(id=str(len(records) + 1), text=_clean(text[mark.end():end]), date=date,
                              number=str(int(mark.group(2)))))
    return records


def parse_smart(text: str) -> list[Record]:
    """Records of the SMART ``.I``/``.T``/``.W`` format."""
    records: list[Record] = []
    marks = list(_SMART.finditer(text))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        chunk = text[mark.end():end]
        fields: dict[str, list[str]] = {}
        parts = _SMART_FIELD.split(chunk)
        # split() gives [before, name1, body1, name2, body2, ...]
        for name, body in zip(parts[1::2], parts[2::2]):
            fields.setdefault(name, []).append(body)
        records.append(Record(id=mark.group(1), title=_clean(" ".join(fields.get("T", []))),
                              text=_clean(" ".join(fields.get("W", [])))))
    return records


def parse_records(text: str) -> list[Record]:
    """Records of either format, recognised from the content."""
    if _SMART.search(text):
        return parse_smart(text)
    if _STAR.search(text):
        return parse_star(text)
    raise ValueError("unknown collection format (expected *TEXT/*FIND or SMART .I records)")


def parse_qrels(text: str) -> dict[str, set[str]]:
    """Relevance judgements of either layout (see the module docstring)."""
    qrels: dict[str, set[str]] = {}
    for line in text.splitlines():
        cells = line.split()
        if len(cells) < 2:
            continue
        smart = len(cells) == 4 and "." in cells[3]
        trec = len(cells) == 4 and not cells[1].isdigit()  # "q 0 doc grade"
        if trec:
            if float(cells[3]) > 0:
                qrels.setdefault(cells[0], set()).add(cells[2])
        elif smart:
            qrels.setdefault(cells[0], set()).add(cells[1])
        else:
            qrels.setdefault(cells[0], set()).update(cells[1:])
    return qrels


def _pick(folder: Path, suffixes: tuple[str, ...]) -> Path | None:
    for path in sorted(folder.iterdir()):
        if path.suffix.upper() in suffixes:
            return path
    return None


def load_collection(folder: Path) -> Collection:
    """The collection in ``folder`` (documents, queries, judgements)."""
    docs_file = _pick(folder, (".ALL", ".DOC", ".DOCS"))
    queries_file = _pick(folder, (".QUE", ".QRY", ".QUERIES", ".TOPICS"))
    rel_file = _pick(folder, (".REL", ".QRELS"))
    if not (docs_file and queries_file and rel_file):
        raise ValueError(f"{folder}: expected a documents (.ALL), queries (.QUE/.QRY) and judgements (.REL) file")
    read = lambda p: p.read_text("utf-8", errors="replace")  # noqa: E731
    docs = parse_records(read(docs_file))
    queries = {r.id: _clean(f"{r.title} {r.text}") for r in parse_records(read(queries_file))}
    return Collection(folder.name, docs, queries, parse_qrels(read(rel_file)))
