"""No dangling document references: every ``*.md`` file the library, the
benchmarks or the documentation names is in the repository (facts from
documents that are not, such as notes on a developer's machine, are
stated where they are used)."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import REPO

MD_NAME = re.compile(r"(?<![\w./-])((?:[\w-]+/)*[\w-]+\.md)\b")

#: Names the benchmarks write at run time (benchmarks/report.py), not documents.
WRITTEN_BY_CODE = {"report.md"}


def _tracked() -> list[str]:
    out = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    return out.splitlines()


def _dangling(tracked: list[str]) -> list[str]:
    basenames = {path.rsplit("/", 1)[-1] for path in tracked}
    sources = [p for p in tracked
               if (p.endswith(".py") and p.split("/", 1)[0] in ("indexer", "query", "benchmarks"))
               or p.endswith(".md") or p.endswith(".html") or p == "pyproject.toml"]
    missing = []
    for path in sources:
        folder = (REPO / path).parent
        for number, line in enumerate((REPO / path).read_text(encoding="utf-8").splitlines(), 1):
            for name in MD_NAME.findall(line):
                found = (REPO / name).is_file() or (folder / name).is_file() \
                    or ("/" not in name and name in basenames) or name in WRITTEN_BY_CODE
                if not found:
                    missing.append(f"{path}:{number}: {name}")
    return missing


def test_every_document_named_is_in_the_repository() -> None:
    assert _dangling(_tracked()) == []


def test_the_check_finds_names_and_notes_md_is_not_in_the_repository() -> None:
    # The check itself: the five modules that cited NOTES.md would fail it.
    assert MD_NAME.findall("a cache (NOTES.md), see benchmarks/RESULTS.md") == ["NOTES.md", "benchmarks/RESULTS.md"]
    assert "NOTES.md" not in {p.rsplit("/", 1)[-1] for p in _tracked()}
