"""Indexes written before the subpackage layout keep opening (issue 19, item 9).

Whoosh pickles the codec into an index's table of contents by module path;
before the layout it was ``indexer.codec``. An index written under that
name must still open and search.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from indexer.storage.codec import SiftCodec
from indexer.writing.write import IndexOptions, index_paths
from query import Searcher

STATEMENT = "Title: Shelling of Aleppo\n\nThe ministry condemned the shelling of Aleppo hospitals.\n"


def test_old_codec_path_unpickles_to_the_codec() -> None:
    assert pickle.loads(b"cindexer.codec\nSiftCodec\n.") is SiftCodec


def test_an_index_written_under_the_old_codec_path_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STATEMENT, encoding="utf-8")
    index = tmp_path / "index"
    with monkeypatch.context() as patch:
        patch.setattr(SiftCodec, "__module__", "indexer.codec")
        index_paths([tmp_path / "in"], index, IndexOptions())
    toc = b"".join(p.read_bytes() for p in index.rglob("*.toc"))
    assert b"indexer.codec" in toc and b"indexer.storage.codec" not in toc
    with Searcher(index) as searcher:
        assert searcher.search("hospitals").total == 1
