"""Splitting a query string into tokens, each with its character position.

One left-to-right pass, linear in the length of the query: Whoosh's own
parser (Whoosh 2.7.4) is quadratic on long runs of plain words, which made
4,000-character bag-of-words queries take seconds.

Token kinds: ``(`` ``)`` ``AND`` ``OR`` ``NOT`` ``FIELD`` (``name:``),
``WORD``, ``PHRASE`` (``"..."`` with an optional ``~N``) and ``RANGE``
(``[A TO B]`` or ``{A TO B}``, only right after a field).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from query._limits import MAX_SLOP
from query.errors import QueryError

_FIELD = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):")
_SLOP = re.compile(r"~(\d*)")
_OPERATORS = frozenset({"AND", "OR", "NOT"})
_WORD_END = frozenset(' \t\n\r\f\v()"')


@dataclass(frozen=True)
class Token:
    """One token: its kind, its text (unescaped) and where it starts and ends.

    :param slop: for a phrase, the number after ``~`` (``None`` without it).
    :param brackets: for a range, its opening and closing bracket.
    """

    kind: str
    text: str
    pos: int
    end: int
    slop: int | None = None
    brackets: str = ""


def tokenize(query: str, fields: frozenset[str]) -> list[Token]:
    """The tokens of ``query``.

    :param fields: the field names ``name:`` may use.
    :raises QueryError: an unclosed quote or range, an unknown field.

    >>> [t.kind for t in tokenize('a AND (title:"b c"~2 OR d*)', frozenset({"title"}))]
    ['WORD', 'AND', '(', 'FIELD', 'PHRASE', 'OR', 'WORD', ')']
    """
    tokens: list[Token] = []
    i, n = 0, len(query)
    after_field = False
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "()":
            tokens.append(Token(ch, ch, i, i + 1))
            i += 1
        elif ch == "-" and i + 1 < n and not query[i + 1].isspace() and query[i + 1] not in "-)" and not after_field:
            # -word, -"phrase", -field:value, -(group): NOT, as in Lucene
            tokens.append(Token("NOT", "-", i, i + 1))
            i += 1
            continue
        elif ch == '"':
            token = _phrase(query, i)
            tokens.append(token)
            i = token.end
        elif after_field and ch in "[{":
            token = _range(query, i)
            tokens.append(token)
            i = token.end
        else:
            match = _FIELD.match(query, i)
            if match and not after_field:
                name = match.group(1)
                if name.lower() not in fields:
                    known = ", ".join(f"{f}:" for f in sorted(fields))
                    raise QueryError(
                        f"unknown field {name + ':'!r}; known fields are {known} "
                        f"(to search for the text, quote it or write {name}\\:)",
                        query,
                        i,
                    )
                tokens.append(Token("FIELD", name.lower(), i, match.end()))
                i = match.end()
                after_field = True
                continue
            token = _word(query, i)
            tokens.append(token)
            i = token.end
        after_field = False
    return tokens


def _word(query: str, start: int) -> Token:
    """A bare word up to whitespace, a parenthesis or a quote; ``\\`` escapes."""
    chars: list[str] = []
    i, n = start, len(query)
    while i < n and query[i] not in _WORD_END:
        if query[i] == "\\" and i + 1 < n:
            chars.append("\\" + query[i + 1])  # kept escaped: * and ~ stay literal
            i += 2
            continue
        chars.append(query[i])
        i += 1
    text = "".join(chars)
    kind = text if text in _OPERATORS else "WORD"
    return Token(kind, text, start, i)


def _phrase(query: str, start: int) -> Token:
    chars: list[str] = []
    i, n = start + 1, len(query)
    while i < n and query[i] != '"':
        if query[i] == "\\" and i + 1 < n:
            i += 1
        chars.append(query[i])
        i += 1
    if i >= n:
        raise QueryError('unclosed quote: add a closing " to end the phrase', query, start)
    i += 1
    slop = None
    match = _SLOP.match(query, i)
    if match:
        if not match.group(1):
            raise QueryError('"~" after a phrase needs a number of words, e.g. "barrel bombs"~5', query, i)
        # Compared as text first: int() of thousands of digits raises.
        digits = match.group(1).lstrip("0") or "0"
        if len(digits) > len(str(MAX_SLOP)) or int(digits) > MAX_SLOP:
            raise QueryError(
                f"proximity ~{_shorten(digits)} is too large: words can be at most {MAX_SLOP} words apart "
                "(use AND to find words anywhere in a statement)",
                query,
                i + 1,
            )
        slop = int(digits)
        i = match.end()
    return Token("PHRASE", "".join(chars), start, i, slop=slop)


def _range(query: str, start: int) -> Token:
    closing = "]" if query[start] == "[" else "}"
    end = query.find(closing, start + 1)
    other = query.find("]" if closing == "}" else "}", start + 1)
    if end < 0 or (other >= 0 and other < end):
        if other >= 0 and (end < 0 or other < end):
            end = other  # [A TO B} mixes brackets: accepted, like Lucene
        else:
            raise QueryError(f"unclosed range: add {closing!r} after the end date", query, start)
    brackets = query[start] + query[end]
    return Token("RANGE", query[start + 1 : end], start, end + 1, brackets=brackets)


def _shorten(digits: str) -> str:
    """A number for an error message, cut when it is long."""
    return digits if len(digits) <= 12 else digits[:12] + "…"


def unescape(text: str) -> str:
    """Drop the backslashes of escaped characters (``a\\*`` -> ``a*``)."""
    return re.sub(r"\\(.)", r"\1", text)
