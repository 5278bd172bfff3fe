"""How each ``field:`` of the query language reads its values (the parser's
plugin interface, ``query.parse``).

One small class per kind of field (``indexer.fields.KINDS``) turns a value
token into tree nodes; :data:`FIELD_SYNTAX` holds one per field of the
registry, so a field declared in ``indexer.fields`` is searchable.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from indexer.analysis import WORD_PATTERN, fold, stem_word, term_for
from indexer.fields import FIELDS, Field
from indexer.schema import keyword_value
from query._claimgroup import NEGATED
from query._dates import DateSyntaxError, comparison_or_period, date_range
from query._lexer import Token, unescape
from query._nodes import DateNode, Fields, FuzzyNode, KeywordNode, Node, PhraseNode, PrefixNode, TermNode, WildcardNode
from query._parts import actor_values, any_keyword

if TYPE_CHECKING:
    from query.parse import Parser

#: Edit distance of ``word~`` without a number (``word~1`` asks for one).
DEFAULT_FUZZY_DISTANCE = 2

_FUZZY = re.compile(r"(.*?)(?<!\\)~(\d*)", re.DOTALL)
_STAR = re.compile(r"(?<!\\)\*")
_NON_WORD = re.compile(r"[^\w*]+", re.UNICODE)


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
    role (``indexer.extraction.roles``), the name resolved like ``actor:``/``location:``.
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


#: One example per field, from the registry (the query help shows them; each must parse).
EXAMPLES = {field.name: field.example for field in FIELDS}
