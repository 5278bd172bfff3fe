"""Building a sharded index on a Ray cluster (issue 22, item 2; the ``cluster`` extra).

``index_on_cluster`` starts a local Ray instance (``"local"``) or joins a
running cluster (``"auto"``, ``host:port``, ``ray://host:10001``) and
creates one long-lived writer actor per shard
(``indexer.writing.shard_writer.ShardWriter``), spread over the nodes.
Each actor holds its shard's ordinary committed run: it extracts,
analyses, writes segments and commits there, so every shard is a normal
Sift index and a re-run updates and prunes it as a local run does.

The driver (this process) walks the input and reads it one record at a
time, routes each statement, not yet built (``indexer.formats.RawStatement``:
the writer resolves its date), to its shard by the hash of its id
(``indexer.storage.shards.shard_of``) and sends each shard its statements
in chunks, in file order. At most ``in_flight`` chunks are unanswered at
once (``ray.wait``), so neither the driver nor the object store ever
holds more than that of the input. Files every shard has committed
unchanged are not read at all.

The shards' directories are on a filesystem every node sees (a shared
volume or NFS), at the same path; so are the input files, for ``--prune``
(each writer checks whether a source file is still there).

A writer lost (its node died) fails the build with :class:`ClusterBuildError`
naming its shard; the other shards commit what they have taken, and
running the same build again completes the index: nothing committed is
read twice, nothing uncommitted is lost.

Ray is imported only here, and only when a build asks for a cluster.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from indexer.errors import IndexError_, IngestError, SiftError
from indexer.ray_local import local_init_options
from indexer.formats import iter_raw_records
from indexer.writing.report import IndexReport
from indexer.writing.shard_writer import Event, FileStat, ShardWriter
from indexer.writing.shards import merge_reports, shard_layout
from indexer.storage.shards import ShardLayout, write_layout
from indexer.writing.walk import find_files
from indexer.writing.write import IndexOptions

__all__ = ["ClusterBuildError", "connect", "index_on_cluster"]

#: Statements per message to a shard's writer.
CHUNK = 256
#: Seconds to wait for a cluster's address to answer before saying it cannot be reached.
CONNECT_TIMEOUT = 5.0


class ClusterBuildError(IndexError_):
    """Ray is missing, the cluster cannot be reached, or a shard's writer
    failed during a build (the message names the shard)."""


def connect(address: str) -> tuple[Any, bool]:
    """The ``ray`` module, connected to ``address`` (``"local"``: a Ray
    instance started here), and whether this call connected it (so the
    caller disconnects); an already connected driver is used as it is.

    :raises ClusterBuildError: Ray is not installed, or the address does not answer.
    """
    try:
        import ray
    except ModuleNotFoundError as exc:
        raise ClusterBuildError("a cluster build needs the cluster extra: pip install 'sift-search[cluster]'") from exc
    if address != "local":
        _check_reachable(address)
    if ray.is_initialized():
        return ray, False
    try:
        if address == "local":
            ray.init(**local_init_options())  # (actors at this process's priority)
        else:
            ray.init(address=address, log_to_driver=False, configure_logging=False)
    except ClusterBuildError:
        raise
    except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ValueError... by version
        raise ClusterBuildError(
            f"cannot reach the Ray cluster at {address!r}: {exc} (start one with `ray start --head`, "
            f"or use --cluster local)") from exc
    return ray, True


def _check_reachable(address: str) -> None:
    """Fail fast on a ``host:port`` that does not answer (Ray would retry
    for a minute or more before giving up)."""
    if address == "auto":
        return  # Ray finds the address of the cluster started on this machine itself
    host, sep, port = address.removeprefix("ray://").rpartition(":")
    if not sep or not port.isdigit():
        raise ClusterBuildError(f"not a Ray address: {address!r} (use local, auto, host:port or ray://host:10001)")
    try:
        socket.create_connection((host or "127.0.0.1", int(port)), timeout=CONNECT_TIMEOUT).close()
    except OSError as exc:
        raise ClusterBuildError(
            f"cannot reach the Ray cluster at {address!r}: {exc.strerror or exc} (start one with "
            f"`ray start --head`, or use --cluster local)") from exc


def index_on_cluster(
    paths: Sequence[Path],
    root: Path,
    shards: int | None,
    options: IndexOptions | None = None,
    *,
    address: str = "local",
    in_flight: int | None = None,
    chunk: int = CHUNK,
    progress: Callable[[Path], None] | None = None,
    on_files: Callable[[int], None] | None = None,
) -> IndexReport:
    """Index every statement under ``paths`` into the sharded index at
    ``root``, each shard written by a Ray actor.

    :param shards: the number of shards of a new index (``None``: the recorded one).
    :param address: ``"local"``, ``"auto"``, ``host:port`` or ``ray://host:10001``.
    :param in_flight: chunks sent and not yet taken, at most (default: two per shard).
    :param chunk: statements per message to a writer.
    :param progress: called after each file is read and sent.
    :param on_files: called once with the number of files found.
    :raises ClusterBuildError: no Ray, no cluster, or a shard's writer failed.
    """
    options = options or IndexOptions()
    root = root.resolve()
    layout = shard_layout(root, shards)
    ray, connected = connect(address)
    try:
        write_layout(layout)
        build = _Build(ray, layout, options, in_flight or 2 * layout.count, chunk)
        try:
            report = build.run(paths, progress, on_files)
        except BaseException:
            build.stop()
            raise
        finally:
            build.close()
    finally:
        if connected:
            ray.shutdown()
    return report


class _Build:
    """The driver's side of one cluster build: the writers, the chunks
    being filled and those in flight."""

    def __init__(self, ray: Any, layout: ShardLayout, options: IndexOptions, in_flight: int, chunk: int) -> None:
        self.ray = ray
        self.chunk = max(1, chunk)
        self.layout = layout
        self.options = options
        self.limit = max(1, in_flight)
        # Spread over the nodes (one node lost loses few shards); not
        # restarted: a restarted writer would not know the file it was taking.
        actor = ray.remote(max_restarts=0, max_task_retries=0, scheduling_strategy="SPREAD")(ShardWriter)
        self.writers = [actor.remote(str(d), options) for d in layout.directories()]
        # (Started now: the gazetteers load while the driver walks the input.)
        self.starting = [w.start.remote() for w in self.writers]
        self.chunks: list[list[Event]] = [[] for _ in self.writers]
        self.counts = [0] * layout.count
        self.sent: dict[Any, int] = {}  # reference: its shard

    def run(self, paths: Sequence[Path], progress: Callable[[Path], None] | None,
            on_files: Callable[[int], None] | None) -> IndexReport:
        report = IndexReport()
        files = find_files(paths, report, exclude=self.layout.root)
        report.files = len(files)
        if on_files:
            on_files(len(files))
        seen: list[tuple[Path, FileStat]] = []
        for path in files:
            try:
                info = path.stat()
            except OSError as exc:
                report.errors.append(IngestError(str(path), f"cannot read: {exc.strerror or exc}"))
                continue
            seen.append((path, (str(path), info.st_size, info.st_mtime_ns)))
        self._answers(dict(enumerate(self.starting)))
        wanted = self._answers({n: w.changed.remote([stat for _p, stat in seen]) for n, w in enumerate(self.writers)})
        for position, (path, stat) in enumerate(seen):
            takers = [n for n in range(self.layout.count) if wanted[n][position]]
            if takers:
                self._send_file(path, stat, takers)
            if progress:
                progress(path)
        for shard in range(self.layout.count):
            self._flush(shard)
        self._drain(0)
        reports = self._answers({n: w.finish.remote() for n, w in enumerate(self.writers)})
        return merge_reports([report, *(reports[n] for n in range(self.layout.count))])

    def _send_file(self, path: Path, stat: FileStat, takers: list[int]) -> None:
        """Read the file once; each shard in ``takers`` gets its statements."""
        taking = set(takers)
        for shard in takers:
            self._queue(shard, ("begin", stat))
        try:
            # Raw records: the writers resolve dates (most of reading's CPU), not the driver.
            for record in iter_raw_records(path, self.options.read):
                if isinstance(record, IngestError):
                    for shard in takers:
                        self._queue(shard, ("error", record))
                    continue
                shard = self.layout.shard_of(record.id)
                if shard in taking:
                    self._queue(shard, ("statement", record), statement=True)
        except IngestError as exc:
            for shard in takers:
                self._queue(shard, ("fail", exc))
            return
        for shard in takers:
            self._queue(shard, ("end", None))

    def _queue(self, shard: int, event: Event, statement: bool = False) -> None:
        self.chunks[shard].append(event)
        self.counts[shard] += statement
        # (events without statements count too: many small files are many events)
        if self.counts[shard] >= self.chunk or len(self.chunks[shard]) >= 4 * self.chunk:
            self._flush(shard)

    def _flush(self, shard: int) -> None:
        if not self.chunks[shard]:
            return
        self._drain(self.limit - 1)
        self.sent[self.writers[shard].feed.remote(self.chunks[shard])] = shard
        self.chunks[shard] = []
        self.counts[shard] = 0

    def _drain(self, keep: int) -> None:
        """Wait until at most ``keep`` chunks are in flight (backpressure)."""
        while len(self.sent) > keep:
            done, _waiting = self.ray.wait(list(self.sent), num_returns=len(self.sent) - keep)
            for ref in done:  # every answer, several of one shard too: each may be an error
                self._answers({self.sent.pop(ref): ref})

    def _answers(self, calls: dict[int, Any]) -> dict[int, Any]:
        """Each shard's answer; a writer that failed raises naming its shard."""
        answers = {}
        for shard, call in calls.items():
            try:
                answers[shard] = self.ray.get(call)
            except self.ray.exceptions.RayError as exc:
                cause = getattr(exc, "cause", None)
                if isinstance(cause, SiftError):  # the run's own error (a locked shard...), as a local run gives it
                    raise ClusterBuildError(f"shard {shard}: {cause}") from exc
                raise ClusterBuildError(
                    f"shard {shard}: its writer failed: {_first_line(exc)}; the shards keep what they committed: "
                    f"run the same command again to complete the index") from exc
        return answers

    def stop(self) -> None:
        """After a failure: every writer still alive commits what it has
        taken and releases its shard."""
        stopping = [w.stop.remote() for w in self.writers]
        self.ray.wait(stopping, num_returns=len(stopping), timeout=60)

    def close(self) -> None:
        """End the writers (each has released its shard, or died)."""
        for writer in self.writers:
            self.ray.kill(writer)
        self.writers = []


def _first_line(exc: BaseException) -> str:
    lines = [line for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
