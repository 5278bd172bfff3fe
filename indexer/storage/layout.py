"""The names of an index directory's files, and reading them without writing.

A leaf of the storage side: both the writer (``indexer.storage.store``,
``indexer.storage.segment``, ``indexer.writing.parallel``) and the read-only opener
(``indexer.storage.reader``) name files from here, so that neither has to import
the other. See ``indexer.storage.store`` for the directory's layout and its crash
safety.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from indexer.errors import IndexError_

META_FILE = "sift.json"
LOCK_FILE = "sift.lock"

#: Whoosh's index name and the names of its files (``whoosh.index.TOC``).
INDEX_NAME = "MAIN"
WHOOSH_LOCK_FILE = f"{INDEX_NAME}_WRITELOCK"
WHOOSH_TEMP_DIR = f"{INDEX_NAME}.tmp"
#: Temporary folders of background merges (``indexer.writing.parallel``): their own,
#: since each commit deletes :data:`WHOOSH_TEMP_DIR`.
MERGE_TEMP_PREFIX = f"{INDEX_NAME}.merge-"
TOC_RE = re.compile(rf"^_{INDEX_NAME}_([0-9]+)\.toc$")
TOC_TEMP_RE = re.compile(rf"^_{INDEX_NAME}_[0-9]+\.toc\..+$")
SEGMENT_RE = re.compile(rf"^({INDEX_NAME}_[0-9a-z]+)\.[A-Za-z0-9_.]+$")


def toc_generations(directory: Path) -> list[int]:
    """Generations of the TOC files present, newest first."""
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    return sorted((int(m.group(1)) for n in names if (m := TOC_RE.match(n))), reverse=True)


def index_exists(directory: Path) -> bool:
    """Whether ``directory`` holds a Sift index (without reading it)."""
    return (directory / META_FILE).exists() and bool(toc_generations(directory))


_T = TypeVar("_T")


def retry_missing(action: Callable[[], _T]) -> _T:
    """Run ``action``, retried when a file it opens has just been deleted.

    A concurrent commit deletes the files of the previous generation; a
    reader that listed the old TOC a moment earlier then finds them gone.
    Retrying reads the new TOC (Whoosh's own ``reader()`` retries alike).
    """
    for attempt in range(10):
        try:
            return action()
        except FileNotFoundError:
            if attempt == 9:
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")  # pragma: no cover


def read_meta(directory: Path) -> dict[str, Any]:
    """Sift's metadata of the index (empty for a new directory)."""
    try:
        return dict(json.loads((directory / META_FILE).read_text("utf-8")))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise IndexError_(f"unreadable {META_FILE} in {directory}: {exc}") from exc
