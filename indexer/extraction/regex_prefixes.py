"""Which strings a regular expression's matches can start with.

``indexer.extraction.claims`` tries its large trigger regex only where a trigger's first
letters stand; this reads those first letters from ``re``'s own parse tree.
It is generic regex analysis, so it lives apart from the claim detector.
"""

from __future__ import annotations

from re import _parser as _sre_parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["pattern_prefixes"]

#: Character classes wider than this end a prefix early.
_MAX_CLASS = 4
#: A parsed item :func:`_prefixes` treats as unknown: it ends the prefix.
_STOP: tuple[Any, Any] = ("STOP", None)


def pattern_prefixes(pattern: str, depth: int) -> set[str]:
    """The first ``depth`` characters of the strings ``pattern`` can match.

    A shorter string stands for every string it starts. Raises whatever
    ``re``'s internal parser raises if it is not what we expect.

    :param pattern: a regular expression's text.
    :param depth: how many leading characters to work out.
    """
    return _prefixes(list(_sre_parser.parse(pattern)), depth)


def _prefixes(items: list[tuple[Any, Any]], depth: int) -> set[str]:
    """The first ``depth`` characters of the strings parsed ``items`` can match.

    A shorter string stands for every string it starts: anything not
    understood here ends a prefix early, so the set only ever admits more.
    """
    if depth == 0 or not items:
        return {""}
    (op, arg), rest = items[0], items[1:]
    name = str(op)
    if name == "LITERAL":
        return {chr(arg) + p for p in _prefixes(rest, depth - 1)}
    if name == "IN":
        chars = _class_chars(arg)
        if chars is None:
            return {""}
        tails = _prefixes(rest, depth - 1)
        return {c + p for c in chars for p in tails}
    if name == "SUBPATTERN":
        return _prefixes(list(arg[-1]) + rest, depth)
    if name == "BRANCH":
        return set().union(*(_prefixes(list(alt) + rest, depth) for alt in arg[1]))
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = arg
        # One pass through the body, then stop (a second pass could follow).
        once = _prefixes(list(body) + ([*rest] if (low, high) == (1, 1) else [_STOP]), depth)
        return once | _prefixes(rest, depth) if low == 0 else once
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return _prefixes(rest, depth)  # zero width: skipping it admits more
    return {""}


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The characters of a small positive character class, else ``None``."""
    chars: list[str] = []
    for op, arg in items:
        if str(op) == "LITERAL":
            chars.append(chr(arg))
        elif str(op) == "RANGE" and arg[1] - arg[0] < _MAX_CLASS:
            chars.extend(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return chars if len(chars) <= _MAX_CLASS else None


#: Parsed operations a finite set of literal strings is made of.
_LITERAL_OPS = frozenset(("LITERAL", "IN", "SUBPATTERN", "BRANCH"))


def literal_strings(pattern: str) -> frozenset[str] | None:
    """Every string ``pattern`` matches, if it matches only a finite set of
    literal strings (words, alternatives, small character classes: no
    repeat, anchor, look-around or wide class); else ``None``.

    >>> sorted(literal_strings("bomb|wom[ae]n|blew up"))
    ['blew up', 'bomb', 'woman', 'women']
    >>> literal_strings(r"\\bbomb") is None
    True
    """
    items = list(_sre_parser.parse(pattern))
    if not _only_literals(items):
        return None
    return frozenset(_prefixes(items, len(pattern) + 1))


def _only_literals(items: Any) -> bool:
    for op, arg in items:
        name = str(op)
        if name not in _LITERAL_OPS:
            return False
        if name == "IN" and _class_chars(arg) is None:
            return False
        if name == "SUBPATTERN" and not _only_literals(arg[-1]):
            return False
        if name == "BRANCH" and not all(_only_literals(alt) for alt in arg[1]):
            return False
    return True
