"""Counts in words with the noun agreeing (``1 error``, ``2 errors``).

A leaf module (imports nothing of Sift's): the indexer, the query library
and the CLI all word counts through :func:`plural` (issue 20: ``1 segments``).
"""

from __future__ import annotations

__all__ = ["plural"]


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``count`` and ``noun``, the noun in the plural unless ``count`` is 1.

    :param many: the plural when it is not ``noun + "s"``.

    >>> plural(1, "segment"), plural(3, "segment"), plural(0, "query", "queries"), plural(1200, "file")
    ('1 segment', '3 segments', '0 queries', '1200 files')
    """
    return f"{count} {noun if count == 1 else many or noun + 's'}"
