"""Regular expressions compiled on first use.

``re.compile`` runs Python code (``re``'s parser and compiler): a long
pattern takes 1-6 ms, in every process that imports its module, whether a
text ever needs it or not. A pattern tried only behind a test that many
texts fail (a parenthesis in the text, a ``by`` before a claim, a place
before a date) is a :class:`LazyPattern`: compiled the first time one of its
methods is asked for, then the compiled pattern's own bound methods (issue
18 item 10: start-up instructions of an indexing process).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["LazyPattern"]

#: What a :class:`LazyPattern` hands on from its compiled pattern.
_ATTRIBUTES = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split",
               "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """``re.compile(pattern, flags)``, made when first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Only for an attribute not set yet: the first use (later ones read the instance's own).
        if name not in _ATTRIBUTES:
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)
