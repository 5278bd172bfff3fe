"""Errors raised by the indexer library.

Hierarchy::

    SiftError                  base of every error Sift raises on purpose
    ├── IngestError            one input file (or record) cannot be read or parsed
    ├── IndexError_            the index cannot be opened, locked or written
    │   ├── IndexLockedError   another process holds the write lock
    │   └── IndexNotFoundError no index at the given directory
    └── (query.QueryError lives in query/errors.py and derives from SiftError)

The CLI turns each into a one-line message; none of them should reach a
user as a traceback.
"""

from __future__ import annotations


class SiftError(Exception):
    """Base class of Sift's own errors."""


class IngestError(SiftError):
    """A file or one record in it could not be read or parsed.

    :param path: the file (with ``:line`` or ``#record`` where it applies).
    :param reason: what is wrong, in words a user can act on.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str]]:
        # Pickled with its two arguments (the default passes the message
        # alone), so a report's errors cross to and from worker processes
        # and Ray actors (issue 22).
        return type(self), (self.path, self.reason)


class IndexError_(SiftError):  # trailing underscore: don't shadow the builtin
    """The index cannot be opened, locked or written."""


class IndexLockedError(IndexError_):
    """Another process is writing to the index."""


class IndexNotFoundError(IndexError_):
    """There is no Sift index at the given directory."""
