"""Sift's query language (see README.md, "Query language"): parsing into a tree.

We parse ourselves instead of using Whoosh's ``QueryParser`` for three
reasons (issue 4): Whoosh returns error nodes instead of raising, so the
position of a mistake is lost; its parse time is quadratic on long runs of
plain words (bag-of-words queries from test collections are thousands of
characters); and ``actor:``/``location:`` need gazetteer lookups and
``date:`` needs whole-period bounds. The extension point is the same as
Whoosh's plugins: :data:`FIELD_SYNTAX` maps each field name to a small
class that turns the field's values into tree nodes.

Grammar (precedence NOT > AND > OR; adjacency means the default operator)::

    query  := or
    or     := and (("OR" | adjacency if default OR) and)*
    and    := unary (("AND" | adjacency if default AND) unary)*
    unary  := ("NOT" | "-")* primary
    primary:= "(" or ")" | FIELD ":" (value | "(" or ")") | value
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from indexer.analysis import WORD_PATTERN, fold, stem_word, term_for
from indexer.fields import FIELDS, Field
from indexer.schema import keyword_value
from query._claimgroup import NEGATED
from query._compile import compile_node
from query._dates import DateSyntaxError, comparison_or_period, date_range
from query._lexer import Token, tokenize, unescape
from query._limits import MAX_EXPANDING_WORDS, MAX_PATTERN_LENGTH, MAX_SCANNING_WORDS
from query._parts import actor_values, any_keyword
from query._nodes import (
    BoolNode,
    ClaimGroupNode,
    DateNode,
    Fields,
    FuzzyNode,
    KeywordNode,
    Node,
    NotNode,
    PhraseNode,
    PrefixNode,
    TermNode,
    WildcardNode,
)
from query.errors import QueryError
from query.rank import DEFAULT_RANKING, Ranking

from whoosh.query import Query

#: Longest query accepted, in characters. Parsing is linear, but a query
#: this long already expands to thousands of term lookups at search time.
MAX_QUERY_LENGTH = 10_000
#: Deepest nesting of parentheses (and NOTs) accepted.
MAX_DEPTH = 64
#: Edit distance of ``word~`` without a number (``word~1`` asks for one).
DEFAULT_FUZZY_DISTANCE = 2

_FUZZY = re.compile(r"(.*?)(?<!\\)~(\d*)", re.DOTALL)
_STAR = re.compile(r"(?<!\\)\*")
_NON_WORD = re.compile(r"[^\w*]+", re.UNICODE)


class Aliases(Protocol):
    """What the parser needs from the gazetteer (``indexer.gazetteer.Gazetteer``)."""

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
    """A parsed query: the text, our tree, and the Whoosh query to run."""

    text: str
    tree: Node
    whoosh: Query


class FieldSyntax:
    """How the values of one ``field:`` become nodes (the plugin interface).

    Subclasses override :meth:`word`, :meth:`phrase` and, for ranges,
    :meth:`range`; each returns ``None`` when the value has nothing to
    search for (stopwords only).
    """

    name = ""

    def word(self, parser: Parser, token: Token) -> Node | None:
        raise NotImplementedError

    def phrase(self, parser: Parser, token: Token) -> Node | None:
        return self.word(parser, token)

    def range(self, parser: Parser, token: Token) -> Node | None:
        raise parser.error(f"ranges like {token.brackets[0]}A TO B{token.brackets[1]} only work with date:", token.pos)


class TextSyntax(FieldSyntax):
    """Analysed text: words, ``"phrases"~N``, ``prefix*``, ``fuzzy~``, ``=exact``."""

    def __init__(self, name: str, fields: Fields) -> None:
        self.name = name
        self.fields = fields

    def word(self, parser: Parser, token: Token) -> Node | None:
        raw, pos = token.text, token.pos
        exact = raw.startswith("=") and len(raw) > 1
        if exact:
            raw, pos = raw[1:], pos + 1
            if _STAR.search(raw) or _FUZZY.fullmatch(raw):
                raise parser.error("=exact words cannot have '*' or '~'", pos - 1)
            words = WORD_PATTERN.findall(unescape(raw))
            if len(words) != 1:
                raise parser.error("= takes one word (e.g. =bombing)", pos - 1)
            folded = term_for(words[0], stem=False)
            # The index holds stems only: the stem finds candidates, the
            # stored title/body confirm the exact word (see _compile).
            return None if folded is None else TermNode(parser.exact_fields, folded, True, pos)
        fuzzy = _FUZZY.fullmatch(raw)
        if fuzzy and fuzzy.group(1):
            return self._fuzzy(parser, token, fuzzy, self.fields, pos)
        if _STAR.search(raw):
            return self._wildcard(parser, raw, self.fields, pos)
        text = unescape(raw)
        terms = [t for t in (term_for(w) for w in WORD_PATTERN.findall(text)) if t]
        if not terms:
            return None
        if len(terms) == 1:
            return TermNode(self.fields, terms[0], False, pos)
        # "ez-Zor", "U.S.": several words in one token search as a phrase.
        return PhraseNode(self.fields, tuple(terms), 0, pos)

    def _fuzzy(self, parser: Parser, token: Token, match: re.Match[str], fields: Fields, pos: int) -> Node | None:
        digits = match.group(2)
        # Compared as text first: int() of thousands of digits raises.
        digits = digits.lstrip("0") or ("0" if digits else "")
        if digits and (len(digits) > 1 or int(digits) not in (1, 2)):
            shown = digits if len(digits) <= 12 else digits[:12] + "…"
            raise parser.error(f"fuzzy distance must be 1 or 2, not {shown} (write word~1 or word~2)", token.end - len(match.group(2)))
        distance = int(digits) if digits else DEFAULT_FUZZY_DISTANCE
        if _STAR.search(match.group(1)):
            raise parser.error("a word cannot be both fuzzy (~) and a prefix (*)", pos)
        parser.expanding_word(match.group(1), pos, scanning=True)
        words = WORD_PATTERN.findall(unescape(match.group(1)))
        if len(words) != 1:
            raise parser.error("fuzzy search (~) works on a single word", pos)
        term = term_for(words[0])
        return None if term is None else FuzzyNode(fields, term, distance, pos)

    def _wildcard(self, parser: Parser, raw: str, fields: Fields, pos: int) -> Node:
        pattern = _NON_WORD.sub("", fold(unescape(raw.replace("\\*", "\x00")))).replace("\x00", "")
        if not pattern.strip("*"):
            raise parser.error("'*' needs letters before it (e.g. bomb*)", pos)
        if pattern.startswith("*"):
            raise parser.error("leading wildcards are not supported (too slow); put letters before '*'", pos)
        parser.expanding_word(pattern, pos, scanning="*" in pattern[:-1])
        if pattern.endswith("*") and "*" not in pattern[:-1]:
            base = pattern[:-1]
            return PrefixNode(fields, tuple(dict.fromkeys((stem_word(base), base))), False, pos)
        return WildcardNode(fields, pattern, False, pos)

    def phrase(self, parser: Parser, token: Token) -> Node | None:
        words = WORD_PATTERN.findall(token.text)
        terms = tuple(t for t in (term_for(w) for w in words) if t)
        if not terms:
            return None
        if len(terms) == 1 and not token.slop:
            return TermNode(self.fields, terms[0], False, token.pos)
        return PhraseNode(self.fields, terms, token.slop or 0, token.pos)


class KeywordSyntax(FieldSyntax):
    """A keyword field of folded names; with ``aliases``, canonical names
    resolved through the gazetteer's aliases of that kind."""

    def __init__(self, name: str, field: str, aliases: str | None) -> None:
        self.name = name
        self.field = field
        self.aliases = aliases

    def value(self, parser: Parser, text: str) -> str:
        if self.aliases is None:
            return keyword_value(text)
        lookup = parser.aliases.canonical_actor if self.aliases == "actor" else parser.aliases.canonical_location
        canonical = lookup(text)
        return keyword_value(canonical or text)

    def word(self, parser: Parser, token: Token) -> Node | None:
        raw = token.text
        if _STAR.search(raw):
            if not raw.endswith("*") or _STAR.search(raw[:-1]):
                raise parser.error(f"{self.name}: accepts a trailing '*' only (e.g. {self.name}:assad*)", token.pos)
            base = keyword_value(unescape(raw[:-1]))
            if not base:
                raise parser.error("'*' needs letters before it", token.pos)
            parser.expanding_word(base, token.pos, scanning=False)
            return KeywordNode(self.field, base, True, token.pos)
        text = unescape(raw)
        values = actor_values(parser.aliases, text) if self.aliases == "actor" else [self.value(parser, text)]
        if not values[0]:
            raise parser.error(f"{self.name}: needs a name", token.pos)
        return any_keyword(self.field, values, token.pos)


class ClaimSyntax(FieldSyntax):
    """``claim:ethnic_cleansing`` or ``claim:"ethnic cleansing"``: a claim type."""

    name = "claim"

    def word(self, parser: Parser, token: Token) -> Node | None:
        value = "_".join(re.findall(r"[a-z0-9]+", fold(unescape(token.text))))
        if not value:
            raise parser.error("claim: needs a claim type (e.g. claim:ethnic_cleansing)", token.pos)
        return KeywordNode("claim_types", value, False, token.pos)


class RoleSyntax(FieldSyntax):
    """``by:Russia``, ``against:Kurds``, ``in:Idlib``, ``speaker:UN``: a claim
    role (``indexer.roles``), the name resolved like ``actor:``/``location:``.
    Alone it finds statements with such a claim (not denied); inside
    ``claim:( ... )`` it must hold in the same claim as the rest."""

    def __init__(self, name: str) -> None:
        self.name = name

    def word(self, parser: Parser, token: Token) -> Node | None:
        raw = token.text
        field = "claim_by" if self.name == "by" else "claim_roles"
        if _STAR.search(raw):
            if self.name != "by" or not raw.endswith("*") or _STAR.search(raw[:-1]):
                raise parser.error(f"{self.name}: accepts no '*' (only by: takes a trailing one, e.g. by:assad*)",
                                   token.pos)
            base = keyword_value(unescape(raw[:-1]))
            if not base:
                raise parser.error("'*' needs letters before it", token.pos)
            parser.expanding_word(base, token.pos, scanning=False)
            return KeywordNode(field, base, True, token.pos)
        text = unescape(raw)
        if self.name == "in":
            values = [keyword_value(parser.aliases.canonical_location(text) or text)]
        else:
            values = actor_values(parser.aliases, text)
        if not values[0]:
            raise parser.error(f"{self.name}: needs a name", token.pos)
        prefix = "" if self.name == "by" else f"{self.name}|"
        return any_keyword(field, [prefix + v for v in values], token.pos)


class NegatedSyntax(FieldSyntax):
    """``negated:true`` inside ``claim:( ... )``: claims whose sentence denies
    the act (left out of groups that do not ask)."""

    name = "negated"

    def word(self, parser: Parser, token: Token) -> Node | None:
        value = unescape(token.text).lower()
        if value not in ("true", "false"):
            raise parser.error("negated: takes true or false (e.g. claim:(bombardment AND negated:true))", token.pos)
        if not parser.in_claim_group:
            raise parser.error("negated: only works inside claim:( ... ), e.g. claim:(bombardment AND negated:true)",
                               token.pos)
        return KeywordNode(NEGATED, value, False, token.pos)


#: Names that may stand inside ``claim:( ... )`` besides claim types.
CLAIM_GROUP_FIELDS = frozenset({"claim", "by", "against", "in", "speaker", "negated"})


class DateSyntax(FieldSyntax):
    """``date:2016``, ``date:>=2016-02``, ``date:[2016 TO 2017]``."""

    name = "date"

    def word(self, parser: Parser, token: Token) -> Node | None:
        try:
            start, end = comparison_or_period(unescape(token.text))
        except DateSyntaxError as exc:
            raise parser.error(str(exc), token.pos + exc.offset) from None
        return DateNode(start, end, token.pos)

    def phrase(self, parser: Parser, token: Token) -> Node | None:
        raise parser.error('date: takes a date, not a quoted phrase (e.g. date:2016-02)', token.pos)

    def range(self, parser: Parser, token: Token) -> Node | None:
        try:
            start, end = date_range(token.text, token.brackets[0] == "[", token.brackets[1] == "]")
        except DateSyntaxError as exc:
            raise parser.error(str(exc), token.pos + 1 + exc.offset) from None
        return DateNode(start, end, token.pos)


#: Where =word looks: the stored text fields (claims text is not stored).
_EXACT_FIELDS = ("title", "body")

def _syntax(field: Field) -> FieldSyntax:
    """The syntax class that reads a field of this kind (``indexer.fields``)."""
    if field.kind == "text":
        return TextSyntax(field.name, ((field.index_field, 1.0),))
    if field.kind == "names":
        return KeywordSyntax(field.name, field.index_field, field.aliases)
    if field.kind == "claim_type":
        return ClaimSyntax()
    if field.kind == "date":
        return DateSyntax()
    if field.kind == "role":
        return RoleSyntax(field.name)
    return NegatedSyntax()


#: Every ``name:`` the language knows, by name, built from the field
#: registry (``indexer.fields.FIELDS``): a field declared there is searchable.
FIELD_SYNTAX: dict[str, FieldSyntax] = {field.name: _syntax(field) for field in FIELDS}


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
            raise self.error(f"{field.text}: needs a value after it (e.g. {_EXAMPLES[field.text]})", field.end)
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


#: One example per field, from the registry (the query help shows them; each must parse).
_EXAMPLES = {field.name: field.example for field in FIELDS}


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

    >>> str(parse_query("title:siege -date:2016").whoosh)
    '(title:sieg ANDNOT date:[63587203200000000 TO 63618825599999999])'
    """
    parser = Parser(text, default_operator, aliases, ranking)
    tree = parser.parse()
    if tree is None:
        raise parser.error("nothing to search for: the query has only stopwords or punctuation, which are not indexed", 0)
    return ParsedQuery(text, tree, compile_node(tree, text, ranking))
