"""Checking a sharded index: every shard as one index, and the routing (issue 22).

Each shard is checked (and, with ``repair``, repaired) by
``indexer.storage.check``; on top, every live statement must be in the shard
its id routes to (a statement elsewhere would be found by search but never
updated or removed by a re-run, which looks in the routed shard only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indexer.storage.check import CheckReport, check_index
from indexer.storage.reader import open_index
from indexer.storage.shards import ShardLayout, read_layout

__all__ = ["ShardedCheckReport", "check_sharded"]

#: Misrouted ids listed per shard (the rest are counted).
MAX_LISTED = 20


@dataclass
class ShardedCheckReport:
    """The shards' reports and the routing problems.

    :param healthy: every shard healthy and every statement in its shard.
    """

    directory: str
    shards: list[CheckReport] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems and all(r.healthy for r in self.shards)

    @property
    def statements(self) -> int:
        return sum(r.statements for r in self.shards)

    def to_json(self) -> dict[str, Any]:
        return {"directory": self.directory, "healthy": self.healthy, "statements": self.statements,
                "problems": list(self.problems), "shards": [r.to_json() for r in self.shards]}


def _misrouted(layout: ShardLayout, shard: int) -> list[str]:
    """Live ids in ``shard`` that route to another shard."""
    index = open_index(layout.directory(shard))
    with index.searcher() as searcher:
        return [str(f["id"]) for f in searcher.reader().all_stored_fields() if layout.shard_of(str(f["id"])) != shard]


def check_sharded(directory: Path, *, repair: bool = False, wait: float = 0.0) -> ShardedCheckReport:
    """Check every shard of the sharded index at ``directory`` and the routing.

    :raises IndexNotFoundError: no sharded index there (or a shard missing).
    """
    layout = read_layout(directory)
    report = ShardedCheckReport(str(directory))
    for shard in range(layout.count):
        shard_report = check_index(layout.directory(shard), repair=repair, wait=wait)
        report.shards.append(shard_report)
        if shard_report.healthy:
            wrong = _misrouted(layout, shard)
            if wrong:
                listed = ", ".join(wrong[:MAX_LISTED]) + (f" and {len(wrong) - MAX_LISTED} more"
                                                          if len(wrong) > MAX_LISTED else "")
                report.problems.append(
                    f"shard {shard} holds {len(wrong)} statements routed to other shards ({listed}): "
                    f"index into a new directory")
    return report
