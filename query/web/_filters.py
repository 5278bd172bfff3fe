"""Editing a query string the way the search page's links do.

Clicking a chip, a facet value or a timeline bar adds a filter clause
(``actor:"Assad regime"``, ``date:2016-02``) to the query the user typed;
the query stays visible and editable in the search box, so every filter a
researcher applied is written out in the query itself (issue 7).

Adding is always a narrowing: the clause is ANDed with the whole query
(parenthesised when it has an ``OR``, or when bare words mean ``OR``).
"""

from __future__ import annotations

import re

from indexer.fields import FACETS

#: Which query field filters each facet (from the field registry, ``indexer.fields``).
FACET_FIELDS: dict[str, str] = {f.name: f.filter or f.name for f in FACETS}

#: Claim roles a chip can filter on inside a ``claim:( ... )`` group (issue 21).
CLAIM_ROLES = ("by", "against", "in", "speaker")

_OR = re.compile(r"(?<![\w\\])OR(?!\w)")
_PERIOD = re.compile(r"^\d{4}(-\d{2})?$")
# A top-level plain period filter: date:2016 or date:2016-02.
_DATE_TOKEN = re.compile(r"(?:(?<=\s)|^)date:(\d{4}(?:-\d{2})?)(?=\s|$)")
# Anything that makes replacing a date token change the query's meaning.
_NOT_PLAIN = re.compile(r'[()"]|(?<!\w)(OR|NOT)(?!\w)|(?:^|\s)-')
# A value that can stand unquoted in a query: one word, not an operator.
_BARE = re.compile(r"\w+")
_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})


def quote(value: str) -> str:
    """``value`` as a quoted phrase of the query language.

    >>> quote('Assad regime')
    '"Assad regime"'
    >>> quote('say "no"')
    '"say \\\\"no\\\\""'
    """
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def value_term(value: str) -> str:
    """``value`` as it is written after a field: bare when it is one plain
    word (``by:Russia``, as a researcher types it), else quoted.

    >>> value_term("Russia"), value_term("Assad regime"), value_term("OR")
    ('Russia', '"Assad regime"', '"OR"')
    """
    if _BARE.fullmatch(value) and value not in _OPERATORS:
        return value
    return quote(value)


def claim_group(claim_type: str, role: str, name: str, *, negated: bool = False) -> str:
    """The group clause matching one claim of ``claim_type`` with ``name`` in
    ``role`` (``negated:true`` for a denied claim, which a group skips
    unless asked).

    >>> claim_group("bombardment", "by", "Russia")
    'claim:(bombardment AND by:Russia)'
    >>> claim_group("killing", "in", "Deir ez-Zor", negated=True)
    'claim:(killing AND negated:true AND in:"Deir ez-Zor")'
    """
    if role not in CLAIM_ROLES:
        raise ValueError(f"not a claim role: {role!r}")
    parts = [claim_type] if claim_type else []
    if negated:
        parts.append("negated:true")
    parts.append(f"{role}:{value_term(name)}")
    return "claim:(" + " AND ".join(parts) + ")"


def clause(facet: str, value: str) -> str:
    """The filter clause for one facet value.

    >>> clause("actor", "Assad regime")
    'actor:"Assad regime"'
    >>> clause("year", "2016")
    'date:2016'
    """
    field = FACET_FIELDS.get(facet, facet)
    if field == "date" and _PERIOD.match(value):
        return f"date:{value}"
    return f"{field}:{quote(value)}"


def has_clause(query: str, filter_clause: str) -> bool:
    """Whether ``filter_clause`` is already a whole token of ``query``."""
    return _clause_pattern(filter_clause).search(query) is not None


def add_filter(query: str, filter_clause: str, default_operator: str = "AND") -> str:
    """``query`` narrowed by ``filter_clause`` (unchanged if it is already there).

    >>> add_filter("genocide", 'actor:"Assad regime"')
    'genocide actor:"Assad regime"'
    >>> add_filter("genocide OR massacre", "date:2016")
    '(genocide OR massacre) date:2016'
    >>> add_filter("genocide massacre", "date:2016", "OR")
    '(genocide massacre) AND date:2016'
    >>> add_filter("", "claim:genocide")
    'claim:genocide'
    """
    query = query.strip()
    if not query:
        return filter_clause
    if has_clause(query, filter_clause):
        return query
    any_word = default_operator.upper() == "OR"
    if _has_top_level_or(query) or (any_word and len(query.split()) > 1):
        query = f"({query})"
    return f"{query} AND {filter_clause}" if any_word else f"{query} {filter_clause}"


def remove_filter(query: str, filter_clause: str) -> str:
    """``query`` without ``filter_clause`` (and the ``AND`` joining it).

    >>> remove_filter('genocide actor:"Assad regime" date:2016', 'actor:"Assad regime"')
    'genocide date:2016'
    >>> remove_filter('(a OR b) AND date:2016', 'date:2016')
    '(a OR b)'
    """
    pattern = _clause_pattern(filter_clause)
    out = pattern.sub(" ", query)
    out = re.sub(r"\s+", " ", out).strip()
    out = re.sub(r"^(AND\s+)+|(\s+AND)+$", "", out)
    return out.strip()


def narrow_to_period(query: str, period: str, default_operator: str = "AND") -> str:
    """``query`` restricted to ``period`` (``2016`` or ``2016-02``).

    A plain ``date:2016`` already in a simple query is replaced by the finer
    ``date:2016-02`` rather than repeated (same meaning, shorter query).

    >>> narrow_to_period("genocide date:2016", "2016-02")
    'genocide date:2016-02'
    >>> narrow_to_period("genocide", "2016-02")
    'genocide date:2016-02'
    """
    if not _PERIOD.match(period):
        raise ValueError(f"not a year or month: {period!r}")
    if not _NOT_PLAIN.search(query):
        for match in _DATE_TOKEN.finditer(query):
            if period.startswith(match.group(1)):
                return query[: match.start()] + f"date:{period}" + query[match.end() :]
    return add_filter(query, f"date:{period}", default_operator)


def _has_top_level_or(query: str) -> bool:
    """Whether ``OR`` joins parts of ``query`` outside parentheses and quotes.

    >>> _has_top_level_or("(a OR b) c"), _has_top_level_or('a OR "b"'), _has_top_level_or('"a OR b"')
    (False, True, False)
    """
    depth, in_quote, escaped = 0, False, False
    outside: list[str] = []
    for ch in query:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            in_quote = not in_quote
        elif not in_quote and ch == "(":
            depth += 1
        elif not in_quote and ch == ")":
            depth = max(0, depth - 1)
        outside.append(ch if depth == 0 and not in_quote and ch not in '()"' else " ")
    return _OR.search("".join(outside)) is not None


def _clause_pattern(filter_clause: str) -> re.Pattern[str]:
    escaped = re.escape(filter_clause)
    return re.compile(rf"(?:(?<=[\s(])|^)(?:AND\s+)?{escaped}(?=[\s)]|$)")
