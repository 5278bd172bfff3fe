"""Sift's query language (see README.md, "Query language"): parsing into a tree.

We parse ourselves instead of using Whoosh's ``QueryParser`` for three
reasons (issue 4): Whoosh returns error nodes instead of raising, so the
position of a mistake is lost; its parse time is quadratic on long runs of
plain words (bag-of-words queries from test collections are thousands of
characters); and ``actor:``/``location:`` need gazetteer lookups and
``date:`` needs whole-period bounds. The extension point is the same as
Whoosh's plugins: ``query.field_syntax.FIELD_SYNTAX`` maps each field name
to a small class that turns the field's values into tree nodes.

Grammar (precedence NOT > AND > OR; adjacency means the default operator)::

    query  := or
    or     := and (("OR" | adjacency if default OR) and)*
    and    := unary (("AND" | adjacency if default AND) unary)*
    unary  := ("NOT" | "-")* primary
    primary:= "(" or ")" | FIELD ":" (value | "(" or ")") | value
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from query._compile import compile_node
from query._lexer import Token, tokenize
from query._limits import MAX_EXPANDING_WORDS, MAX_PATTERN_LENGTH, MAX_SCANNING_WORDS
from query._nodes import BoolNode, ClaimGroupNode, Fields, Node, NotNode
from query.errors import QueryError
from query.plan import Plan
from query.field_syntax import CLAIM_GROUP_FIELDS, EXAMPLES, FIELD_SYNTAX, FieldSyntax, TextSyntax
from query.rank import DEFAULT_RANKING, Ranking

#: Longest query accepted, in characters. Parsing is linear, but a query
#: this long already expands to thousands of term lookups at search time.
MAX_QUERY_LENGTH = 10_000
#: Deepest nesting of parentheses (and NOTs) accepted.
MAX_DEPTH = 64


class Aliases(Protocol):
    """What the parser needs from the gazetteer (``indexer.extraction.gazetteer.Gazetteer``)."""

    def canonical_actor(self, text: str) -> str | None: ...

    def canonical_location(self, text: str) -> str | None: ...


class NoAliases:
    """Resolves nothing: every name is searched as written (folded)."""

    def canonical_actor(self, text: str) -> str | None:
        return None

    def canonical_location(self, text: str) -> str | None:
        return None


@dataclass(frozen=True)
class ParsedQuery:
    """A parsed query: the text, our tree (what the user wrote, for
    highlighting) and its plan (what to evaluate, ``query.plan``)."""

    text: str
    tree: Node
    plan: Plan


#: Where =word looks: the stored text fields (claims text is not stored).
_EXACT_FIELDS = ("title", "body")


class Parser:
    """A recursive-descent parser over the tokens of one query."""

    def __init__(self, text: str, default_operator: str = "AND", aliases: Aliases | None = None,
                 ranking: Ranking = DEFAULT_RANKING) -> None:
        if default_operator not in ("AND", "OR"):
            raise ValueError(f"default_operator must be 'AND' or 'OR', not {default_operator!r}")
        self.text = text
        self.default = default_operator
        self.aliases: Aliases = aliases or NoAliases()
        self.tokens: list[Token] = []
        self.index = 0
        # Unqualified words search the ranking's fields, with its boosts.
        self.syntax: FieldSyntax = TextSyntax("", ranking.field_boosts)
        self.exact_fields: Fields = tuple((f, ranking.boost(f)) for f in _EXACT_FIELDS)
        self.expanding = 0
        self.scanning = 0
        #: Inside ``claim:( ... )``: only claim types and roles are allowed.
        self.in_claim_group = False

    def error(self, message: str, position: int) -> QueryError:
        return QueryError(message, self.text, position)

    def expanding_word(self, word: str, position: int, scanning: bool) -> None:
        """Count a prefix, wildcard or fuzzy word against the limits of
        ``query._limits`` (each one looks up many index terms)."""
        if len(word.rstrip("*")) > MAX_PATTERN_LENGTH:
            raise self.error(
                f"word too long for '*' or '~' ({len(word.rstrip('*'))} characters; the limit is {MAX_PATTERN_LENGTH})",
                position,
            )
        self.expanding += 1
        if self.expanding > MAX_EXPANDING_WORDS:
            raise self.error(
                f"too many prefix, wildcard and fuzzy words (more than {MAX_EXPANDING_WORDS} in one query)", position
            )
        self.scanning += scanning
        if self.scanning > MAX_SCANNING_WORDS:
            raise self.error(
                f"too many fuzzy (word~) and wildcard (b*mb) words (more than {MAX_SCANNING_WORDS} in one query)",
                position,
            )

    def parse(self) -> Node | None:
        """The tree of the whole query (``None`` if only stopwords)."""
        if not self.text.strip():
            raise self.error("empty query: type some words to search for", 0)
        if len(self.text) > MAX_QUERY_LENGTH:
            raise self.error(
                f"query too long ({len(self.text)} characters; the limit is {MAX_QUERY_LENGTH})", MAX_QUERY_LENGTH
            )
        self.tokens = tokenize(self.text, frozenset(FIELD_SYNTAX))
        node = self._or(0)
        if self.index < len(self.tokens):
            token = self.tokens[self.index]
            raise self.error("unmatched ')': there is no '(' before it", token.pos)
        return node

    # -- token helpers -------------------------------------------------------
    def _peek(self) -> Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def _starts_operand(self, token: Token | None) -> bool:
        return token is not None and token.kind not in (")", "AND", "OR")

    def _operand_after(self, op: Token) -> None:
        """Fail on an operator with nothing after it (``a AND``, ``a AND OR b``)."""
        nxt = self._peek()
        if nxt is None:
            raise self.error(f"{op.text!r} at the end has nothing after it; add a term or remove it", op.pos)
        if not self._starts_operand(nxt):
            raise self.error(f"{op.text!r} is followed by {nxt.text!r}; put a term between them", nxt.pos)

    # -- grammar -------------------------------------------------------------
    def _or(self, depth: int) -> Node | None:
        children = [self._and(depth)]
        while (token := self._peek()) is not None:
            if token.kind == "OR":
                self.index += 1
                self._operand_after(token)
            elif not (self.default == "OR" and self._starts_operand(token)):
                break
            children.append(self._and(depth))
        return _group("or", children)

    def _and(self, depth: int) -> Node | None:
        children = [self._unary(depth)]
        while (token := self._peek()) is not None:
            if token.kind == "AND":
                self.index += 1
                self._operand_after(token)
            elif not (self.default == "AND" and self._starts_operand(token)):
                break
            children.append(self._unary(depth))
        return _group("and", children)

    def _unary(self, depth: int) -> Node | None:
        negations: list[int] = []
        while (token := self._peek()) is not None and token.kind == "NOT":
            self.index += 1
            if not self._starts_operand(self._peek()):
                raise self.error(f"{token.text!r} has nothing to negate; put a term after it", token.pos)
            negations.append(token.pos)
            if len(negations) > MAX_DEPTH:
                raise self.error(f"too many NOTs in a row (more than {MAX_DEPTH})", token.pos)
        node = self._primary(depth)
        for pos in reversed(negations):
            node = None if node is None else NotNode(node, pos)
        return node

    def _primary(self, depth: int) -> Node | None:
        token = self._peek()
        if token is None:  # pragma: no cover - callers check for an operand
            raise self.error("a term is missing at the end", len(self.text))
        if token.kind in ("AND", "OR"):
            raise self.error(f"{token.text!r} has nothing before it; put a term before it or remove it", token.pos)
        if token.kind == ")":
            raise self.error("unmatched ')': there is no '(' before it", token.pos)
        self.index += 1
        if token.kind == "(":
            return self._group(token, depth)
        if token.kind == "FIELD":
            return self._field(token, depth)
        if token.kind == "RANGE":  # pragma: no cover - the lexer only makes ranges after a field
            return self.syntax.range(self, token)
        if token.kind == "PHRASE":
            return self.syntax.phrase(self, token)
        return self.syntax.word(self, token)

    def _group(self, opening: Token, depth: int) -> Node | None:
        if depth + 1 > MAX_DEPTH:
            raise self.error(f"parentheses nested too deeply (more than {MAX_DEPTH})", opening.pos)
        nxt = self._peek()
        if nxt is not None and nxt.kind == ")":
            raise self.error("empty parentheses: put terms inside or remove them", opening.pos)
        if nxt is None:
            raise self.error("unclosed '(': add a ')'", opening.pos)
        node = self._or(depth + 1)
        closing = self._peek()
        if closing is None or closing.kind != ")":
            raise self.error("unclosed '(': add a ')'", opening.pos)
        self.index += 1
        return node

    def _field(self, field: Token, depth: int) -> Node | None:
        syntax = FIELD_SYNTAX[field.text]
        value = self._peek()
        if value is None or value.kind in (")", "AND", "OR", "NOT", "FIELD"):
            raise self.error(f"{field.text}: needs a value after it (e.g. {EXAMPLES[field.text]})", field.end)
        if self.in_claim_group and field.text not in CLAIM_GROUP_FIELDS:
            raise self.error(f"{field.text}: cannot be used inside claim:( ... ), which holds claim types and "
                             "the roles by:, against:, in:, speaker:, negated: (put it outside the parentheses)",
                             field.pos)
        outer, self.syntax = self.syntax, syntax
        try:
            self.index += 1
            if value.kind == "(" and field.text == "claim" and not self.in_claim_group:
                self.in_claim_group = True
                try:
                    child = self._group(value, depth)
                finally:
                    self.in_claim_group = False
                return None if child is None else ClaimGroupNode(child, field.pos)
            if value.kind == "(":
                return self._group(value, depth)
            if value.kind == "RANGE":
                return syntax.range(self, value)
            if value.kind == "PHRASE":
                return syntax.phrase(self, value)
            return syntax.word(self, value)
        finally:
            self.syntax = outer




def _group(op: str, children: list[Node | None]) -> Node | None:
    kept = [c for c in children if c is not None]
    if not kept:
        return None
    if len(kept) == 1:
        return kept[0]
    flat: list[Node] = []
    for child in kept:  # a AND (b AND c) is one group: term counts add up
        flat.extend(child.children if isinstance(child, BoolNode) and child.op == op else (child,))
    return BoolNode(op, tuple(flat))


def parse_query(text: str, *, default_operator: str = "AND", aliases: Aliases | None = None,
                ranking: Ranking = DEFAULT_RANKING) -> ParsedQuery:
    """Parse ``text`` in Sift's query language.

    :param default_operator: ``"AND"`` (every word must match) or ``"OR"``
        (any word; for bag-of-words queries) between terms with no operator.
    :param aliases: resolves ``actor:``/``location:`` names to canonical
        ones (the index's gazetteer); without it names are only folded.
    :param ranking: the fields unqualified words search, their boosts and
        BM25F weights (``query.rank.Ranking``).
    :raises QueryError: the query is malformed; ``.position`` says where.

    >>> str(parse_query("title:siege -date:2016").plan)
    '(title:sieg ANDNOT date:[2016-01-01T00:00:00 TO 2016-12-31T23:59:59.999999])'
    """
    parser = Parser(text, default_operator, aliases, ranking)
    tree = parser.parse()
    if tree is None:
        raise parser.error("nothing to search for: the query has only stopwords or punctuation, which are not indexed", 0)
    return ParsedQuery(text, tree, compile_node(tree, text, ranking))
