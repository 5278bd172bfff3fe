"""What an index run did: counts, and the errors of files and records.

Record errors are capped per file (:data:`MAX_FILE_ERRORS`), so a file of a
million bad lines cannot hold a million errors in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from indexer.errors import IngestError
from indexer.wording import plural


@dataclass
class IndexReport:
    """What a run did, counted in statements (files for ``skipped``)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: int = 0
    errors: list[IngestError] = field(default_factory=list)
    files: int = 0
    notices: list[str] = field(default_factory=list)

    @property
    def indexed(self) -> int:
        """Statements in the index that came from this run's inputs."""
        return self.added + self.updated + self.unchanged

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.removed} removed, {self.skipped} skipped, {plural(len(self.errors), 'error')} "
            f"({plural(self.files, 'file')})"
        )


#: Record errors of one file listed in a run's report; the others are
#: counted in one last error (a file of a million bad lines must not hold a
#: million errors in memory).
MAX_FILE_ERRORS = 1000


class _FileErrors:
    """The record errors of one file, added to the report up to
    :data:`MAX_FILE_ERRORS`; ``listed`` keeps them for the manifest."""

    def __init__(self, report: IndexReport, key: str) -> None:
        self.report = report
        self.key = key
        self.count = 0
        self.listed: list[tuple[str, str]] = []

    def add(self, error: IngestError) -> None:
        self.count += 1
        if self.count <= MAX_FILE_ERRORS:
            self._list(error)

    def _list(self, error: IngestError) -> None:
        self.report.errors.append(error)
        self.listed.append((error.path, error.reason))

    def close(self) -> None:
        """Report how many errors were not listed."""
        if self.count > MAX_FILE_ERRORS:
            more = self.count - MAX_FILE_ERRORS
            self._list(IngestError(self.key, f"{more:,} more records with errors, not listed"))
