"""Regular expressions made cheaper: compiled on first use, or searched for
their words in one automaton pass.

``re.compile`` runs Python code (``re``'s parser and compiler): a long
pattern takes 1-6 ms, in every process that imports its module, whether a
text ever needs it or not. A pattern tried only behind a test that many
texts fail (a parenthesis in the text, a ``by`` before a claim, a place
before a date) is a :class:`LazyPattern`: compiled the first time one of its
methods is asked for, then the compiled pattern's own bound methods (issue
18 item 10: start-up instructions of an indexing process).

A "hint" regex (``bomb|blast|ambush``: does a finder read this sentence at
all?) is an alternation of words that ``re`` tries at nearly every
character (their first letters are most of the alphabet); a
:class:`LiteralHint` finds the same words in one Aho-Corasick pass, about
three times faster. The regex stays the declaration (rules add words to
it); one that is more than a finite set of literal strings
(:func:`~indexer.extraction.regex_prefixes.literal_strings`) is searched as before.
"""

from __future__ import annotations

import re
from typing import Any

from indexer.extraction.regex_prefixes import literal_strings

__all__ = ["LazyPattern", "LiteralHint"]

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


class LiteralHint:
    """Whether ``pattern`` matches somewhere in a text: :meth:`found` answers
    as ``pattern.search(text, pos, endpos) is not None`` does."""

    __slots__ = ("pattern", "_automaton")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._automaton: Any = None
        words = literal_strings(pattern.pattern) if not pattern.flags & ~re.UNICODE else None
        if words and "" not in words:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for word in words:
                automaton.add_word(word, None)
            automaton.make_automaton()
            self._automaton = automaton

    def found(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether the pattern matches in ``text[pos:endpos]`` (offsets as ``re``'s)."""
        if self._automaton is None:
            return (self.pattern.search(text, pos) if endpos is None
                    else self.pattern.search(text, pos, endpos)) is not None
        pos, end = max(pos, 0), len(text) if endpos is None else min(endpos, len(text))
        return pos < end and next(self._automaton.iter(text, pos, end), None) is not None
