"""The layout of a sharded index: a manifest and N ordinary indexes (issue 22).

A sharded index is a directory holding :data:`SHARDS_FILE` and one
subdirectory per shard (``shard-000``, ``shard-001``...), each a normal
Sift index (its own segments, ``sift.json`` and file manifest)::

    DIR/
      sift-shards.json   {"format": "sift-shards", "version": 1,
                          "count": N, "routing": "blake2b-64-mod"}
      shard-000/         a Sift index
      shard-001/         ...

A statement lives in shard ``blake2b(id) mod N`` (:func:`shard_of`): a
stable hash, the same in every process and on every machine (Python's
``hash`` of a string changes per process), so a re-run updates each
statement in its own shard. The count is fixed when the index is made:
re-sharding means indexing again into a new directory.

A leaf of the storage side: the writer (``indexer.writing.shards``) and the
searcher (``query.shards``) both read it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from indexer.errors import IndexError_, IndexNotFoundError

__all__ = ["ROUTING", "SHARDS_FILE", "ShardError", "ShardLayout", "ShardRoute", "is_sharded", "read_layout", "shard_of",
           "write_layout"]

SHARDS_FILE = "sift-shards.json"
FORMAT = "sift-shards"
VERSION = 1
#: The routing scheme: the first 8 bytes of blake2b of the id's UTF-8, big-endian, modulo the count.
ROUTING = "blake2b-64-mod"
#: Most shards an index may have (a sanity bound, not a limit of the design).
MAX_SHARDS = 1024


class ShardError(IndexError_):
    """A sharded index's manifest is missing, damaged or disagrees with a request."""


def shard_of(statement_id: str, count: int) -> int:
    """The shard of a statement id among ``count`` shards (stable everywhere).

    >>> shard_of("s01", 1)
    0
    >>> shard_of("s01", 4) == shard_of("s01", 4)
    True
    """
    digest = hashlib.blake2b(statement_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


class ShardLayout:
    """The shards of a sharded index: their count, routing and directories.

    :param root: the sharded index's directory.
    :param count: how many shards.
    """

    def __init__(self, root: Path, count: int, routing: str = ROUTING) -> None:
        if not 1 <= count <= MAX_SHARDS:
            raise ShardError(f"a sharded index has 1 to {MAX_SHARDS} shards, not {count}")
        if routing != ROUTING:
            raise ShardError(f"{root}: unknown shard routing {routing!r} (this Sift routes by {ROUTING})")
        self.root = root
        self.count = count
        self.routing = routing

    def directory(self, shard: int) -> Path:
        """The index directory of shard number ``shard``."""
        return self.root / f"shard-{shard:03d}"

    def directories(self) -> list[Path]:
        """Every shard's index directory, in shard order."""
        return [self.directory(i) for i in range(self.count)]

    def shard_of(self, statement_id: str) -> int:
        """The shard holding (or to hold) ``statement_id``."""
        return shard_of(statement_id, self.count)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "count": self.count, "routing": self.routing}


def is_sharded(directory: Path) -> bool:
    """Whether ``directory`` holds a sharded index (its manifest is there)."""
    return (Path(directory) / SHARDS_FILE).is_file()


def read_layout(directory: Path) -> ShardLayout:
    """The layout recorded in ``directory``'s shard manifest.

    :raises IndexNotFoundError: no sharded index there.
    :raises ShardError: the manifest is unreadable or of a newer format.
    """
    directory = Path(directory)
    path = directory / SHARDS_FILE
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise IndexNotFoundError(f"no sharded Sift index at {directory} (no {SHARDS_FILE})") from None
    except (OSError, ValueError) as exc:
        raise ShardError(f"unreadable {SHARDS_FILE} in {directory}: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ShardError(f"{path} is not a Sift shard manifest")
    if data.get("version") != VERSION:
        raise ShardError(f"{path} has version {data.get('version')!r}; this Sift reads version {VERSION}: upgrade Sift")
    count = data.get("count")
    if not isinstance(count, int):
        raise ShardError(f"{path}: shard count missing")
    return ShardLayout(directory, count, str(data.get("routing")))


def write_layout(layout: ShardLayout) -> None:
    """Write the shard manifest atomically (a reader sees the old or the new one)."""
    layout.root.mkdir(parents=True, exist_ok=True)
    temporary = layout.root / f"{SHARDS_FILE}.tmp-{os.getpid()}"
    temporary.write_text(json.dumps(layout.to_json(), indent=2) + "\n", "utf-8")
    os.replace(temporary, layout.root / SHARDS_FILE)


class ShardRoute:
    """Which statements one shard's index run keeps (``IndexOptions.route``).

    :param root: the sharded index's directory (never read as input).
    :param count: how many shards.
    :param shard: this run's shard.
    """

    def __init__(self, root: Path, count: int, shard: int) -> None:
        self.root = Path(root)
        self.count = count
        self.shard = shard

    def keeps(self, statement_id: str) -> bool:
        """Whether the statement belongs to this run's shard."""
        return shard_of(statement_id, self.count) == self.shard

    def __repr__(self) -> str:
        return f"ShardRoute({str(self.root)!r}, {self.count}, {self.shard})"
