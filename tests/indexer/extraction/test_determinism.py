"""A statement's extraction does not depend on what the process extracted
before it, on the string hashing of the process, or on whether the
gazetteer and its matcher were built or read back from their cache files:
a sharded build in parallel processes must equal one made one by one.

A world country found in one text (``the United States Russia``: no comma, so
the world table's reading) was remembered by the gazetteer, and every later
text of the process got that reading's record for the curated country
(``"country": None`` for Russia instead of ``"Russia"``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement

#: A text whose country is read from the world table (no comma after ``United States``).
WORLD_COUNTRY = "The group is outlawed in the United States Russia and many other nations."
#: Run forwards then backwards: the last text comes twice in a row.
TEXTS = (
    "Thousands of refugees fled from Russia to Turkey last year.",
    "Russia shelled a market in Aleppo. Turkish forces entered Idlib province on Monday.",
    "Qatar and Spain sent aid to Douma, in Rural Damascus, and to Mosul.",
    WORLD_COUNTRY,
)


@pytest.fixture()
def fresh() -> Iterator[Gazetteer]:
    """The built-in gazetteer as a new process has it (nothing remembered from other tests' texts)."""
    kept = Gazetteer._builtin
    Gazetteer._builtin = None
    try:
        yield Gazetteer.load()
    finally:
        Gazetteer._builtin = kept


def _extracted(gaz: Gazetteer, text: str) -> str:
    statement = Statement("s", "", text, "p")
    statement.extraction = extract(statement, gaz)
    return json.dumps(statement.to_json(spans=True), sort_keys=True)


def test_a_statement_extracts_alike_whatever_the_process_met_before(fresh: Gazetteer) -> None:
    first = [_extracted(fresh, text) for text in TEXTS]
    assert json.loads(first[0])["places"]["Russia"]["country"] == "Russia"
    again = [_extracted(fresh, text) for text in reversed(TEXTS)][::-1]
    assert again == first
    # The text that names its country in the world table's way still has it.
    assert "Russia" in json.loads(first[-1])["places"]


_SCRIPT = """
import json, sys
from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement
gaz = Gazetteer.load()
out = []
for text in json.loads(sys.argv[1]):
    statement = Statement("s", "", text, "p")
    statement.extraction = extract(statement, gaz)
    out.append(statement.to_json(spans=True))
print(json.dumps(out, sort_keys=True))
"""


def _world_table_beside(directory: Path) -> None:
    """Link this machine's world table into ``directory`` (a new cache folder
    then lacks only the gazetteer's, the matcher's and the claim triggers' files, which take a
    second to build; the table takes twenty)."""
    from indexer.extraction.geonames import world_table

    path = world_table().path
    (directory / path.name).symlink_to(path)


def test_outputs_equal_across_hash_seeds_and_cache_states(tmp_path: Path) -> None:
    """Cold cache files (built, then written) and warm ones (read back), under
    several string hash seeds, in processes of their own: one output."""
    _world_table_beside(tmp_path)
    env = {**os.environ, "SIFT_CACHE_DIR": str(tmp_path)}
    texts = json.dumps([*TEXTS, *reversed(TEXTS)])
    seen = set()
    for seed in ("0", "1", "2", "3"):  # the first builds the cache files, the others read them
        run = subprocess.run([sys.executable, "-c", _SCRIPT, texts], capture_output=True, text=True, check=True,
                             env={**env, "PYTHONHASHSEED": seed})
        seen.add(run.stdout)
        if seed == "0":
            assert sorted(p.name.split("-")[0] for p in tmp_path.glob("*.pickle")) == ["claims", "gazetteer", "matcher"]
    assert len(seen) == 1
    outputs = json.loads(seen.pop())
    assert outputs[:len(TEXTS)] == outputs[len(TEXTS):][::-1]
