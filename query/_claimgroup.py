"""``claim:(bombardment AND by:Russia)``: conditions that hold in ONE claim.

The statement-level fields (``claim_types``, ``claim_by``, ``claim_roles``)
say which types and roles occur somewhere in a statement, not together: a
statement with a bombardment by X in one sentence and a killing by Y in
another holds both ``bombardment`` and ``by|y``. Each document therefore
has a ``claim_roles_of`` column listing each claim's terms
(``indexer.schema.claim_role_fields``). A group is evaluated in two steps:
the group with every ``NOT`` dropped, over the statement-level fields, finds
candidates (a claim satisfying the group satisfies that, so none is lost);
then each candidate's claims are read from the column and the statement is
kept when one claim satisfies the whole group. Claims whose sentence is a
denial (``negated``) are left out unless the group asks ``negated:true``.

A group's roles (``by:``, ``in:``, ``against:``, ``speaker:``) only filter
among the candidates; each is scored over the claims that satisfy the whole
group (:func:`role_frequency`, ``query.vector``), so claims of other types
do not rank a statement for ``claim:(T AND by:X)``.

The same column ranks ``actor:Russia AND claim:bombardment``: a statement in
which Russia holds a role (``by``, ``against``, ``speaker``; a place ``in``)
in a claim of the queried type, or which names it in such a claim's sentence
(a place also through a place inside it: Minsk for Belarus), scores the
name's term again, times ``ROLE_BONUS`` (:func:`role_bonus_plan`, issue 21 item 5).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from indexer.model import CLAIM_IN_LEAD, CLAIM_IN_TITLE, LEAD_BONUS, TITLE_BONUS
from query import plan
from query._claimtable import NEGATED_TERM, ClaimTable
from query._nodes import BoolNode, ClaimGroupNode, KeywordNode, Node, NotNode

#: The virtual field of ``negated:`` (no statement-level field holds it).
NEGATED = "claim_negated"
#: Statement field -> the prefix of its values among a claim's terms.
_TERM_PREFIX = {"claim_types": "type|", "claim_by": "by|", "claim_roles": ""}

Predicate = Callable[[frozenset[str]], bool]
#: The same test over every claim at once: which claims of a table satisfy it.
Condition = Callable[[ClaimTable], np.ndarray]

#: How much a name's score counts again where it holds a role in a claim of the
#: queried type, or is named in its sentence. 0.5: chosen on 13 of the 14 needs in
#: every leave-one-need-out fold (LOO nDCG@10 0.793 against 0.789 for 1); again in
#: every fold once sentence mentions counted (LOO 0.860 = in sample, 1.0 ties;
#: ``python -m benchmarks.needs --loo role_bonus``).
ROLE_BONUS = 0.5
#: What a claim type of the query adds where the name holds a role (see
#: role_bonus_plan): nothing, the type's own ``claim:`` term already scores it.
#: 0 and 1 (and 0.5, 2) gave the same top 10 on all 14 needs (benchmarks/RESULTS.md, stop 27).
TYPE_BONUS = 0.0
#: The field of names that scores a role of ``claim_roles`` (see _scored_role).
_NAMES_OF_ROLE = {"in": "locations", "against": "actors", "speaker": "actors"}
#: The roles a name of each keyword field can hold.
_ROLES_OF = {"actors": ("by", "against", "speaker"), "locations": ("in",)}
#: The claim term of a name of each keyword field that its sentence mentions (``indexer.schema``).
_MENTION_OF = {"actors": "actor", "locations": "location"}


def claim_group_plan(node: ClaimGroupNode) -> plan.Plan:
    """The plan of a ``claim:( ... )`` group."""
    asks_negated = _mentions_negated(node.child)
    candidates = None if asks_negated else _candidates(node.child)
    test = _predicate(node.child)
    predicate = test if asks_negated else (lambda terms: "negated|true" not in terms and test(terms))

    def condition(table: ClaimTable) -> np.ndarray:
        claims = _claim_mask(table, node.child)
        return claims if asks_negated else claims & ~table.holding((NEGATED_TERM,))

    return plan.ClaimGroup(candidates or plan.Every(), _describe(node.child), predicate, condition,
                           _group_roles(node.child))


def _candidates(node: Node) -> plan.Plan | None:
    """``node`` with every ``NOT`` dropped, over statement fields; ``None``
    for "any statement"."""
    if isinstance(node, KeywordNode):
        if node.field == NEGATED:
            return None
        if node.prefix:
            return plan.Expand("word_prefix", node.field, node.value)
        return _scored_role(node.field, node.value)
    if isinstance(node, BoolNode):
        parts = [_candidates(child) for child in node.children]
        if node.op == "and":
            kept = [p for p in parts if p is not None]
            return None if not kept else kept[0] if len(kept) == 1 else plan.And(tuple(kept))
        return None if any(p is None for p in parts) else plan.Or(tuple(p for p in parts if p is not None))
    return None  # NOT, or a nested group: no statement-level test


def _scored_role(field: str, value: str) -> plan.Plan:
    """The statement-level term of ``field:value``; a role (``by|russia``,
    ``in|idlib``) only filters there: the group scores it over the claims
    that satisfy it whole (:func:`_group_roles`)."""
    term = plan.Term(field, value)
    return term if _group_role(field, value) is None else plan.Constant(term, 0.0)


def _group_role(field: str, value: str) -> plan.GroupRole | None:
    """How the role ``field:value`` of a group is scored: ``by:X`` as the
    ``claim_by`` term, ``in:X`` as the place X (``locations``), ``against:``
    and ``speaker:`` as the actor; ``None`` for a claim type."""
    if field == "claim_by":
        return plan.GroupRole(field, value, "by|" + value)
    role, _, name = value.partition("|")
    names_field = _NAMES_OF_ROLE.get(role) if field == "claim_roles" else None
    return None if names_field is None or not name else plan.GroupRole(names_field, name, value)


def _group_roles(node: Node) -> tuple[plan.GroupRole, ...]:
    """The roles a group asks for (not under ``NOT``, not a prefix), each once.

    Scored over the statement, ``by:X`` counted X's claims of any type, so
    in ``claim:(chemical_attack AND by:"Assad regime")`` a statement with
    many regime claims of other types outranked one whose chemical attacks
    were the regime's; counted over the group's claims, it ranks by those."""
    if isinstance(node, KeywordNode):
        role = None if node.prefix or node.field == NEGATED else _group_role(node.field, node.value)
        return () if role is None else (role,)
    if isinstance(node, BoolNode):
        return tuple(dict.fromkeys(r for child in node.children for r in _group_roles(child)))
    return ()  # NOT, or a nested group


def _predicate(node: Node) -> Predicate:
    """Whether one claim's terms satisfy ``node``."""
    if isinstance(node, KeywordNode):
        if node.field == NEGATED:
            wanted = node.value == "true"
            return lambda terms: ("negated|true" in terms) == wanted
        key = _TERM_PREFIX.get(node.field, "") + node.value
        if node.prefix:
            role, _, start = key.rpartition("|")
            head = role + "|"

            def has_prefix(terms: frozenset[str]) -> bool:
                return any(t.startswith(head) and any(w.startswith(start) for w in t[len(head):].replace("-", " ").split())
                           for t in terms)
            return has_prefix
        return lambda terms: key in terms
    if isinstance(node, NotNode):
        inner = _predicate(node.child)
        return lambda terms: not inner(terms)
    if isinstance(node, ClaimGroupNode):
        return _predicate(node.child)
    if isinstance(node, BoolNode):
        parts = [_predicate(child) for child in node.children]
        if node.op == "and":
            return lambda terms: all(p(terms) for p in parts)
        return lambda terms: any(p(terms) for p in parts)
    raise TypeError(f"not a claim condition: {node!r}")  # the parser allows none other


def _claim_mask(table: ClaimTable, node: Node) -> np.ndarray:
    """Which claims of ``table`` satisfy ``node`` (:func:`_predicate` over all claims)."""
    if isinstance(node, KeywordNode):
        if node.field == NEGATED:
            denied = table.holding((NEGATED_TERM,))
            return denied if node.value == "true" else ~denied
        key = _TERM_PREFIX.get(node.field, "") + node.value
        if node.prefix:
            role, _, start = key.rpartition("|")
            head = role + "|"
            return table.holding_matching(
                lambda t: t.startswith(head) and any(w.startswith(start) for w in t[len(head):].replace("-", " ").split()))
        return table.holding((key,))
    if isinstance(node, NotNode):
        return ~_claim_mask(table, node.child)
    if isinstance(node, ClaimGroupNode):
        return _claim_mask(table, node.child)
    if isinstance(node, BoolNode):
        masks = [_claim_mask(table, child) for child in node.children]
        combined = masks[0].copy()
        for mask in masks[1:]:
            if node.op == "and":
                combined &= mask
            else:
                combined |= mask
        return combined
    raise TypeError(f"not a claim condition: {node!r}")  # the parser allows none other


def _mentions_negated(node: Node) -> bool:
    if isinstance(node, KeywordNode):
        return node.field == NEGATED
    if isinstance(node, (NotNode, ClaimGroupNode)):
        return _mentions_negated(node.child)
    if isinstance(node, BoolNode):
        return any(_mentions_negated(child) for child in node.children)
    return False


def _describe(node: Node) -> str:
    if isinstance(node, KeywordNode):
        return f"{node.field}:{node.value}{'*' if node.prefix else ''}"
    if isinstance(node, (NotNode, ClaimGroupNode)):
        return ("NOT " if isinstance(node, NotNode) else "") + _describe(node.child)
    if isinstance(node, BoolNode):
        return "(" + f" {node.op.upper()} ".join(_describe(c) for c in node.children) + ")"
    return repr(node)


def role_bonus_plan(field: str, values: tuple[str, ...], types: frozenset[str]) -> plan.Plan:
    """Statements where one of ``values`` (folded names of ``field``,
    ``actors`` or ``locations``) holds a role in a claim (not denied) of one
    of ``types``, or is named in its sentence (roles are filled only where
    the grammar is sure: a detention stated "in Minsk" without a cue still
    happened in Belarus), scored as the name's term times ``ROLE_BONUS``: the
    optional part of ``actor:X AND claim:T`` (``query._compile``)."""
    wanted = frozenset(f"{role}|{v}" for role in (*_ROLES_OF[field], _MENTION_OF[field]) for v in values)
    type_terms = frozenset(f"type|{t}" for t in types)

    def holds_role(terms: frozenset[str]) -> bool:
        return "negated|true" not in terms and not terms.isdisjoint(type_terms) and not terms.isdisjoint(wanted)

    def condition(table: ClaimTable) -> np.ndarray:
        return table.holding(type_terms) & table.holding(wanted) & ~table.holding((NEGATED_TERM,))

    name = plan.any_of([plan.Term(field, v, boost=ROLE_BONUS) for v in values])
    # Candidates: the name and a claim type asked for; the type only filters
    # (query.vector's Constant scores TYPE_BONUS, 0 included).
    kind = plan.Constant(plan.any_of([plan.Term("claim_types", t) for t in sorted(types)]), TYPE_BONUS)
    text = f"role of {field}:{'|'.join(values)} in {'|'.join(sorted(types))}"
    return plan.ClaimGroup(plan.And((name, kind)), text, holds_role, condition)


def role_frequency(claims: list[frozenset[str]], key: str) -> float:
    """A group role's pseudo-frequency in one statement from the claims
    (their terms) that satisfy the group, as ``indexer.extraction.centrality``
    weighs a ``by`` name: the body claims holding ``key``, plus ``TITLE_BONUS``
    if one is in the title and ``LEAD_BONUS`` if one is in the lead."""
    holding = [c for c in claims if key in c]
    body = sum(CLAIM_IN_TITLE not in c for c in holding)
    title = any(CLAIM_IN_TITLE in c for c in holding)
    lead = any(CLAIM_IN_LEAD in c for c in holding)
    return body + TITLE_BONUS * title + LEAD_BONUS * lead


def role_frequencies(table: ClaimTable, claims: np.ndarray, key: str, size: int) -> np.ndarray:
    """:func:`role_frequency` of every statement at once (``claims``: the
    claims of ``table`` that satisfy the group)."""
    return table.weighted_counts(claims & table.holding((key,)), size)
