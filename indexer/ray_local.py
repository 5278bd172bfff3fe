"""How Sift starts a Ray instance of its own (``--cluster local``; issue 22).

Ray starts its worker processes, where actors run, 15 nice levels below the
process that started it (its ``worker_niceness``, meant to keep its own
daemons responsive). Sift's actors (shard writers, shard searchers) are the
work itself: at nice 15 on a machine doing anything else they get a few
per cent of a core (a 20,000-statement build waited 108-582 s for 21-25
CPU seconds at load 5-9, where local processes took 32-119 s). So a local
instance runs them at the starting process's own priority, as ``--procs``
processes do. (A cluster started with ``ray start`` keeps its own setting:
``RAY_worker_niceness=0 ray start ...`` gives the same.)

Nothing here imports Ray.
"""

from __future__ import annotations

from typing import Any

__all__ = ["WORKER_NICENESS", "local_init_options"]

#: Nice levels Ray adds to its worker processes (relative to the starting process).
WORKER_NICENESS = 0


def local_init_options() -> dict[str, Any]:
    """Keyword arguments for ``ray.init()`` starting a local instance: no
    dashboard, no worker logs on the terminal, actors at this process's priority."""
    return {"include_dashboard": False, "log_to_driver": False, "configure_logging": False,
            "_system_config": {"worker_niceness": WORKER_NICENESS}}
