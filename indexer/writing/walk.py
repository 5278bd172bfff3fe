"""Finding a run's input files: folders walked, what cannot be read reported."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from indexer.errors import IngestError
from indexer.formats import is_supported
from indexer.formats.common import file_kind
from indexer.writing.report import IndexReport


def find_files(paths: Iterable[Path], report: IndexReport, exclude: Path | None = None) -> list[Path]:
    """Input files under ``paths``: folders recursively, sorted, hidden ones skipped.

    A file named explicitly with an unsupported type, or a missing path, is an
    error; unsupported files met inside folders are only counted as skipped.
    What is not a regular file (a FIFO, socket or device, which would block
    or never end when read), a broken link and a symlink loop are reported
    with their path and skipped. Links to folders are followed, each folder
    read once.
    """
    found: dict[Path, None] = {}
    walk = _Walk(report, found, exclude)
    for path in paths:
        info = walk.stat(path, named=True)
        if info is None:
            continue
        if stat.S_ISDIR(info.st_mode):
            walk.folder(path, info)
        elif stat.S_ISREG(info.st_mode):
            if is_supported(path):
                found[path.resolve()] = None
            else:
                report.errors.append(IngestError(str(path), f"unsupported file type {path.suffix or '(none)'!r}"))
        else:
            walk.not_regular(path, info)
    return list(found)


class _Walk:
    """One walk over input folders, iterative (a deep tree cannot overflow
    the stack) and in ``os.walk``'s order: a folder's files, then its
    subfolders, each sorted by name."""

    def __init__(self, report: IndexReport, found: dict[Path, None], exclude: Path | None) -> None:
        self.report = report
        self.found = found
        self.exclude = exclude
        self.visited: set[tuple[int, int]] = set()

    def stat(self, path: Path, *, named: bool = False) -> os.stat_result | None:
        """``path``'s status through links, or ``None`` after reporting why not."""
        try:
            return path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                reason = "symlink loop (the link leads back to itself); skipped"
            elif path.is_symlink():
                reason = f"broken symlink (to {os.readlink(path)}); skipped"
            elif named and isinstance(exc, FileNotFoundError):
                reason = "no such file or folder"
            else:
                reason = f"cannot read: {exc.strerror or exc}"
            self.report.errors.append(IngestError(str(path), reason))
            return None

    def not_regular(self, path: Path, info: os.stat_result) -> None:
        self.report.errors.append(IngestError(str(path), f"{file_kind(info.st_mode)}, not a regular file; skipped"))

    def folder(self, top: Path, info: os.stat_result) -> None:
        """Every supported file under ``top``; ``ancestors`` catch links back up the tree."""
        self.visited.add((info.st_dev, info.st_ino))
        stack: list[tuple[Path, dict[tuple[int, int], Path]]] = [(top, {(info.st_dev, info.st_ino): top})]
        while stack:
            folder, ancestors = stack.pop()
            try:
                names = sorted(os.listdir(folder))
            except OSError as exc:
                self.report.errors.append(IngestError(str(folder), f"cannot list the folder: {exc.strerror or exc}"))
                continue
            subfolders: list[tuple[Path, dict[tuple[int, int], Path]]] = []
            for name in names:
                if name.startswith("."):
                    continue
                path = folder / name
                child = self.stat(path)
                if child is None:
                    continue
                if stat.S_ISDIR(child.st_mode):
                    key = (child.st_dev, child.st_ino)
                    if key in ancestors:
                        self.report.errors.append(
                            IngestError(str(path), f"symlink loop (leads back to {ancestors[key]}); skipped")
                        )
                    elif key not in self.visited and path.resolve() != self.exclude:
                        self.visited.add(key)
                        subfolders.append((path, {**ancestors, key: path}))
                elif stat.S_ISREG(child.st_mode):
                    if is_supported(path):
                        self.found[path.resolve()] = None
                    else:
                        self.report.skipped += 1
                else:
                    self.not_regular(path, child)
            stack.extend(reversed(subfolders))
