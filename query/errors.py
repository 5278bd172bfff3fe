"""Errors raised by the query library.

Hierarchy::

    indexer.errors.SiftError
    └── QueryError          a query cannot be parsed (syntax, unknown field,
                            bad date, too long); carries the position

Index errors (``IndexNotFoundError`` ...) come from ``indexer.errors`` and
pass through unchanged: the query layer opens indexes with ``indexer.storage.store``.
"""

from __future__ import annotations

from indexer.errors import SiftError


class QueryError(SiftError):
    """A malformed query.

    :param message: what is wrong, in words a user can act on.
    :param query: the query as the user wrote it.
    :param position: 0-based character index in ``query`` where the problem
        is (``len(query)`` when something is missing at the end).
    """

    def __init__(self, message: str, query: str, position: int) -> None:
        self.message = message
        self.query = query
        self.position = max(0, min(position, len(query)))
        super().__init__(f"{message} (at position {self.position})")

    def caret(self, width: int = 200) -> str:
        """The query and a caret under :attr:`position`, on two lines.

        Long queries are cut around the position (to ``width`` characters) so
        the caret stays visible on a terminal.

        >>> print(QueryError("unclosed quote", 'a "b', 2).caret())
        a "b
          ^
        """
        text, pos = self.query, self.position
        prefix = ""
        if len(text) > width:
            start = max(0, pos - width // 2)
            text = text[start : start + width]
            pos -= start
            if start:
                prefix, pos = "…", pos + 1
        # Tabs and newlines would shift the caret: show them as spaces.
        line = prefix + text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
        return f"{line}\n{' ' * pos}^"
