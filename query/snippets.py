"""Ranked, highlighted passages ("snippets") of a statement's body.

Built from the four roles of Whoosh's ``highlight`` module, each replaceable:

- fragmenter: :class:`SentenceFragmenter` cuts the body into sentences
  (long ones into a window around their matches);
- scorer: :class:`RarityScorer` ranks a passage by how many distinct query
  terms it has and how rare they are (idf), repeats counting a little;
- order: most structured filters satisfied first (see below), then best
  score, earlier passage on ties;
- formatter: ``query.passages.Formatter`` renders highlights as
  ``[[markers]]`` (JSON), ``<mark>`` with everything else escaped (HTML) or
  ANSI colour.

Claim-centred passages: when the query filters on ``claim:``, ``actor:`` or
``location:``, the sentences the stored record gives for them (a claim's
sentence, the sentence of a mention) are passages of their own
(``query._anchors``), the claim's trigger words and the name highlighted;
one that satisfies more of the filters comes first, then one with more
(rarer) query words. Each satisfied filter adds its idf in its keyword
field to the score, each further highlight of it a quarter of that.

Why not ``whoosh.highlight``: it re-analyses the stored text through the
analyzer for each hit and highlights a phrase's words one by one
(Whoosh 2.7.4 has no strict phrase highlighting). Here the body is scanned once per hit with
``indexer.analysis.WORD_PATTERN`` and the cached ``term_for``, and the
query's own tree tells which words form a phrase and which sit under
``NOT`` (never highlighted).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

from indexer.analysis import WORD_PATTERN, term_for
from query._anchors import NAME_FIELDS, Anchor, claim_anchors, name_anchors
from query._nodes import (
    BoolNode,
    ClaimGroupNode,
    FuzzyNode,
    KeywordNode,
    Node,
    PhraseNode,
    PrefixNode,
    TermNode,
    WildcardNode,
)
from query.passages import ELLIPSIS, Passage, Span

#: Only this much of a body is scanned for passages (huge bodies stay fast).
MAX_SCAN_CHARS = 200_000


# -- what to highlight ----------------------------------------------------------
@dataclass
class HighlightPlan:
    """The positive parts of a query, as the snippet maker matches them.

    Words under ``NOT`` and filters without text (``date:``) are left out;
    ``actor:``/``location:`` values (``keywords``, ``keyword_prefixes`` for
    ``X*``) highlight their evidence spans, ``claim:`` types
    (``claim_types``) their claims' sentences.
    """

    terms: set[str] = field(default_factory=set)
    exact: set[str] = field(default_factory=set)
    prefixes: list[tuple[str, bool]] = field(default_factory=list)
    wildcards: list[tuple[str, bool]] = field(default_factory=list)
    fuzzy: list[tuple[str, int]] = field(default_factory=list)
    phrases: list[tuple[tuple[str, ...], int]] = field(default_factory=list)
    keywords: dict[str, set[str]] = field(default_factory=dict)
    keyword_prefixes: dict[str, set[str]] = field(default_factory=dict)
    claim_types: set[str] = field(default_factory=set)

    @classmethod
    def from_tree(cls, node: Node) -> HighlightPlan:
        plan = cls()
        plan._add(node)
        return plan

    def _add(self, node: Node) -> None:
        if isinstance(node, BoolNode):
            for child in node.children:
                self._add(child)
        elif isinstance(node, TermNode):
            (self.exact if node.exact else self.terms).add(node.term)
        elif isinstance(node, PhraseNode):
            self.phrases.append((node.terms, node.gap))
        elif isinstance(node, PrefixNode):
            self.prefixes.extend((p, node.exact) for p in node.prefixes)
        elif isinstance(node, WildcardNode):
            self.wildcards.append((node.pattern, node.exact))
        elif isinstance(node, FuzzyNode):
            self.fuzzy.append((node.term, node.maxdist))
        elif isinstance(node, KeywordNode) and node.field in NAME_FIELDS:
            (self.keyword_prefixes if node.prefix else self.keywords).setdefault(node.field, set()).add(node.value)
        elif isinstance(node, KeywordNode) and node.field == "claim_types":
            self.claim_types.add(node.value)
        elif isinstance(node, ClaimGroupNode):
            self._add(node.child)
        # NotNode, DateNode: nothing to highlight

    @property
    def has_filters(self) -> bool:
        """Whether the query names claim types, actors or places (passages
        then centre on their sentences)."""
        return bool(self.claim_types or any(self.keywords.values()) or any(self.keyword_prefixes.values()))

    @property
    def needs_folded(self) -> bool:
        return bool(self.exact or self.prefixes or self.wildcards)


def _within(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance of ``a`` and ``b`` is at most ``limit``
    (first letters equal, as Whoosh's ``FuzzyTerm(prefixlength=1)``)."""
    if abs(len(a) - len(b)) > limit or not a or not b or a[0] != b[0]:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


# -- fragmenter and scorer ------------------------------------------------------
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")


class SentenceFragmenter:
    """Sentences of the body; a long one is cut to ``max_chars`` around its
    first match (on word boundaries)."""

    def __init__(self, max_chars: int = 280) -> None:
        self.max_chars = max_chars

    def fragments(self, text: str) -> list[Span]:
        spans: list[Span] = []
        start = 0
        for match in _SENTENCE_END.finditer(text):
            spans.append((start, match.start()))
            start = match.end()
        spans.append((start, len(text)))
        return [(s, e) for s, e in spans if text[s:e].strip()]

    def window(self, text: str, span: Span, matches: list[Span]) -> Span:
        start, end = span
        if end - start <= self.max_chars:
            return span
        first = matches[0][0] if matches else start
        lo = max(start, first - self.max_chars // 4)
        hi = min(end, lo + self.max_chars)
        lo = max(start, min(lo, hi - self.max_chars))
        if lo > start:  # don't start mid-word
            space = text.find(" ", lo, first if first > lo else hi)
            lo = space + 1 if space >= 0 else lo
        if hi < end:
            space = text.rfind(" ", max(lo, matches[-1][1] if matches else lo), hi)
            hi = space if space > lo else hi
        return lo, hi


class RarityScorer:
    """Sum of the idf of each distinct matched term, plus a quarter of it for
    each repeat: more different terms win, rare terms more than common ones."""

    def score(self, matches: list[tuple[Span, str, float]]) -> float:
        seen: set[str] = set()
        total = 0.0
        for _span, key, weight in matches:
            total += weight if key not in seen else weight / 4
            seen.add(key)
        return total


# -- the maker ------------------------------------------------------------------
class SnippetMaker:
    """Finds and ranks passages for one query (reuse it for every hit).

    :param idf: weight of an index term (rarer = higher); defaults to 1.
    :param count: passages per hit.
    :param keyword_idf: weight of a value of a keyword field (``("actors",
        "assad regime")``, ``("claim_types", "siege")``); defaults to 1.
    """

    def __init__(
        self,
        plan: HighlightPlan,
        idf: Callable[[str], float] | None = None,
        count: int = 1,
        fragmenter: SentenceFragmenter | None = None,
        scorer: RarityScorer | None = None,
        keyword_idf: Callable[[str, str], float] | None = None,
    ) -> None:
        self.plan = plan
        self.idf = idf or (lambda _term: 1.0)
        self.keyword_idf = keyword_idf or (lambda _field, _value: 1.0)
        self.count = count
        self.fragmenter = fragmenter or SentenceFragmenter()
        self.scorer = scorer or RarityScorer()

    def matches(self, text: str, evidence: dict[str, Any] | None = None) -> list[tuple[Span, str, float]]:
        """Every highlighted span of ``text``: (span, key, weight), in order
        (the words, and the mentions of the actors and places named)."""
        found = self._word_matches(text)
        found.extend((a.span, a.filter, a.weight) for a in self._name_anchors(text, evidence))
        found.sort(key=lambda m: m[0])
        return found

    def _name_anchors(self, text: str, evidence: dict[str, Any] | None) -> list[Anchor]:
        plan = self.plan
        return name_anchors(evidence, text, plan.keywords, plan.keyword_prefixes, self.keyword_idf)

    def _word_matches(self, text: str) -> list[tuple[Span, str, float]]:
        """The query's words and phrases in ``text``: (span, key, weight), in order."""
        plan, idf = self.plan, self.idf
        found: list[tuple[Span, str, float]] = []
        content: list[tuple[int, int, str]] = []  # words that have a position
        folded_needed = plan.needs_folded
        others = folded_needed or bool(plan.fuzzy)
        keep_content = bool(plan.phrases)
        wanted = plan.terms
        for match in WORD_PATTERN.finditer(text, 0, MAX_SCAN_CHARS):
            word = match.group()
            stem = term_for(word)
            if stem is None:
                continue
            if keep_content:
                content.append((*match.span(), stem))
            if stem in wanted:
                found.append((match.span(), stem, idf(stem)))
                continue
            if not others:
                continue
            s, e = match.span()
            folded = term_for(word, stem=False) if folded_needed else None
            if folded is not None and folded in plan.exact:
                found.append(((s, e), "=" + folded, idf(stem)))
            elif folded is not None and any(
                (folded if exact else stem).startswith(p) or (not exact and folded.startswith(p))
                for p, exact in plan.prefixes
            ):
                found.append(((s, e), stem, idf(stem)))
            elif folded is not None and any(
                fnmatchcase(folded, p) or (not exact and fnmatchcase(stem, p)) for p, exact in plan.wildcards
            ):
                found.append(((s, e), stem, idf(stem)))
            elif any(_within(stem, t, d) for t, d in plan.fuzzy):
                found.append(((s, e), stem, idf(stem)))
        for terms, gap in plan.phrases:
            found.extend(self._phrase_matches(content, terms, gap))
        found.sort(key=lambda m: m[0])
        return found

    def _phrase_matches(self, content: list[tuple[int, int, str]], terms: tuple[str, ...], gap: int) -> list[tuple[Span, str, float]]:
        key = '"' + " ".join(terms) + '"'
        weight = sum(self.idf(t) for t in terms)
        out: list[tuple[Span, str, float]] = []
        for i, (_s, _e, stem) in enumerate(content):
            if stem != terms[0]:
                continue
            chain = [i]
            for term in terms[1:]:
                last = chain[-1]
                nxt = next((k for k in range(last + 1, min(len(content), last + gap + 2)) if content[k][2] == term), None)
                if nxt is None:
                    break
                chain.append(nxt)
            if len(chain) != len(terms):
                continue
            if gap == 0:  # an exact phrase is highlighted as one unit
                out.append(((content[chain[0]][0], content[chain[-1]][1]), key, weight))
            else:
                out.extend(((content[k][0], content[k][1]), key, weight / len(terms)) for k in chain)
        return out

    def passages(self, text: str, evidence: dict[str, Any] | None = None,
                 claims: list[dict[str, Any]] | None = None, title: str = "") -> list[Passage]:
        """The ``count`` best passages of ``text``, best first; the opening
        sentence (no highlights) when nothing in the text matches.

        :param evidence: the record's evidence (public form): where the
            actors and places the query names are mentioned.
        :param claims: the record's claims (public form): the sentences of
            the claim types the query names.
        :param title: the statement's title (a claim of the title is not
            looked for in the body).
        """
        if self.count <= 0 or not text.strip():
            return []
        scan = text[:MAX_SCAN_CHARS]
        words = self._word_matches(text)
        fragments = self.fragmenter.fragments(scan)
        anchors: list[Anchor] = []
        if self.plan.has_filters:
            anchors = self._name_anchors(scan, evidence)
            if self.plan.claim_types and claims:
                anchors.extend(claim_anchors(claims, scan, self.plan.claim_types, self.keyword_idf, title))
        units = _units(fragments, anchors)
        word_starts = [m[0][0] for m in words]
        scored: list[tuple[int, float, int, Span, list[Span], tuple[str, ...]]] = []
        for unit, unit_anchors in units:
            start, end = unit
            i = bisect_left(word_starts, start)
            inside: list[tuple[Span, str, float]] = []
            while i < len(words) and words[i][0][0] < end:
                inside.append(words[i])
                i += 1
            if not inside and not unit_anchors:
                continue
            focus = sorted(a.span for a in unit_anchors) or [m[0] for m in inside]
            lo, hi = self.fragmenter.window(text, unit, focus)
            kept = [m for m in inside if m[0][0] >= lo and m[0][1] <= hi]
            kept_anchors = [a for a in unit_anchors if a.span[0] < hi and a.span[1] > lo]
            if not kept and not kept_anchors:
                continue
            filters = tuple(sorted({a.filter for a in kept_anchors}))
            score = self.scorer.score(sorted(kept + [(a.span, a.filter, a.weight) for a in kept_anchors]))
            spans = [m[0] for m in kept] + [a.span for a in kept_anchors]
            scored.append((len(filters), score, start, (lo, hi), spans, filters))
        if not scored:
            lo, hi = self.fragmenter.window(text, fragments[0], []) if fragments else (0, 0)
            return [_compose(text, lo, hi, [], 0.0)]
        scored.sort(key=lambda item: (-item[0], -item[1], item[2]))
        return _choose(text, scored, self.count)


def _choose(text: str, scored: list[tuple[int, float, int, Span, list[Span], tuple[str, ...]]],
            count: int) -> list[Passage]:
    """The ``count`` best of ``scored`` (sorted best first), none
    overlapping another; after the first, one satisfying a filter the
    chosen ones do not comes before one satisfying more filters already
    shown (``claim:siege location:homs``: the claim, then the place)."""
    chosen: list[Passage] = []
    covered: set[str] = set()
    left = list(scored)
    while left and len(chosen) < count:
        best = min(range(len(left)), key=lambda k: -len(set(left[k][5]) - covered)) if covered else 0
        _n, score, _s, (lo, hi), spans, filters = left.pop(best)
        if any(lo < p.end and p.start < hi for p in chosen):  # sentences read differently may overlap
            continue
        chosen.append(_compose(text, lo, hi, spans, score, filters))
        covered.update(filters)
    return chosen


def _units(fragments: list[Span], anchors: list[Anchor]) -> list[tuple[Span, list[Anchor]]]:
    """Candidate passages in text order, each with the anchors inside it:
    the anchors' sentences (an anchor without one takes the fragment around
    it), then every fragment that overlaps none of those."""
    starts = [s for s, _e in fragments]
    sentences: set[Span] = set()
    placed: list[tuple[Span, Anchor]] = []
    for anchor in anchors:
        sentence = anchor.sentence
        if sentence is None:
            i = bisect_right(starts, anchor.span[0]) - 1
            sentence = fragments[i] if i >= 0 and fragments[i][1] >= anchor.span[1] else anchor.span
        sentences.add(sentence)
        placed.append((sentence, anchor))
    ordered = sorted(sentences)
    units: list[tuple[Span, list[Anchor]]] = []
    for sentence in ordered:
        # every anchor lying in the sentence counts there (a name inside a claim's sentence)
        units.append((sentence, [a for _s, a in placed if sentence[0] <= a.span[0] and a.span[1] <= sentence[1]]))
    covered: list[list[int]] = []  # the sentences, overlapping ones merged
    for s, e in ordered:
        if covered and s < covered[-1][1]:
            covered[-1][1] = max(covered[-1][1], e)
        else:
            covered.append([s, e])
    ends = [e for _s, e in covered]
    for fragment in fragments:
        i = bisect_right(ends, fragment[0])  # the first merged sentence ending after the fragment starts
        if i == len(covered) or covered[i][0] >= fragment[1]:
            units.append((fragment, []))
    units.sort(key=lambda u: u[0])
    return units


_SPACE = re.compile(r"\s+")


def _compose(text: str, lo: int, hi: int, spans: list[Span], score: float,
             filters: tuple[str, ...] = ()) -> Passage:
    """Cut ``text[lo:hi]``, collapse whitespace, add ellipses, keep highlight
    offsets right; overlapping spans are merged."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        s, e = max(s, lo), min(e, hi)
        if s >= e:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    parts: list[str] = []
    highlights: list[Span] = []
    head = text[:lo].strip()
    if head:
        parts.append(ELLIPSIS + " ")
    length = len(parts[0]) if parts else 0
    last = lo
    for s, e in merged:
        plain = _SPACE.sub(" ", text[last:s])
        if not parts or parts == [ELLIPSIS + " "]:
            plain = plain.lstrip()
        marked = _SPACE.sub(" ", text[s:e])
        parts.extend((plain, marked))
        length += len(plain)
        highlights.append((length, length + len(marked)))
        length += len(marked)
        last = e
    tail = _SPACE.sub(" ", text[last:hi]).rstrip()
    if not merged:
        tail = tail.lstrip()
    parts.append(tail)
    if text[hi:].strip():
        parts.append(" " + ELLIPSIS)
    return Passage("".join(parts), tuple(highlights), score, lo, hi, filters)


def idf_weight(doc_count: int, doc_frequency: int) -> float:
    """Lucene's idf, never negative: log(1 + (N - n + 0.5) / (n + 0.5))."""
    return math.log(1 + (doc_count - doc_frequency + 0.5) / (doc_frequency + 0.5))
