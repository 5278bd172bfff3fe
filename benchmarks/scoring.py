"""Matching and precision/recall arithmetic shared by the extraction scorers.

Kept apart from the scripts so the rules can be tested on hand-made cases
without data, and kept independent of Sift's own name folding
(``indexer.extraction.gazetteer``), which is what is being measured.

- ``fold``: the comparison form of a name (case, accents, apostrophes,
  hyphens vs spaces, a leading "the").
- ``match_names``: one-to-one matching of extracted names to gold entities,
  each entity a list of acceptable names.
- ``match_spans``: one-to-one matching of predicted to gold character spans
  by overlap (the geoparsing literature's recognition rule).
- ``Counts``: true/false positives and misses, summed over statements
  (micro average), with precision, recall and F1.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc\u02bb`\u00b4]")
_DASHES = re.compile(r"[-\u2010-\u2015\u2212_]+")
_SPACES = re.compile(r"\s+")


def fold(name: str) -> str:
    """The form two names are compared in: ``The Dara'a-Governorate`` and
    ``dara a governorate`` differ only in what a reader ignores, so both fold
    to ``daraa governorate``."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _APOSTROPHES.sub("", text)
    text = _SPACES.sub(" ", _DASHES.sub(" ", text)).strip()
    return text.removeprefix("the ")


@dataclass
class Counts:
    """True positives, false positives and misses (false negatives)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float | None:
        """TP / predicted; None when nothing was predicted."""
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        """TP / gold; None when there is no gold item."""
        gold = self.tp + self.fn
        return self.tp / gold if gold else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall; 0 when both are 0."""
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict[str, float | int | None]:
        """Counts and rates, rounded to 4 places."""
        def rnd(x: float | None) -> float | None:
            return None if x is None else round(x, 4)
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": rnd(self.precision), "recall": rnd(self.recall), "f1": rnd(self.f1)}


def max_matching(n_left: int, n_right: int, compatible: Callable[[int, int], bool]) -> dict[int, int]:
    """A maximum one-to-one matching ``{left: right}`` (augmenting paths).

    A greedy pass could give ``Russia`` to the entity ``[Russian Armed
    Forces, Russia]`` and leave the entity ``[Russia]`` unmatched although
    both can be matched; the sizes here (tens of names) make the exact
    algorithm cheap.
    """
    edges = [[j for j in range(n_right) if compatible(i, j)] for i in range(n_left)]
    owner: dict[int, int] = {}  # right -> left

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_left):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass
class NameMatch:
    """The outcome of matching one statement's extracted names to its gold."""

    matched: list[tuple[str, int]]  # (extracted name, gold entity index)
    false_positives: list[str]
    misses: list[list[str]]  # the gold entities no name matched

    @property
    def counts(self) -> Counts:
        """TP, FP and FN of this statement."""
        return Counts(len(self.matched), len(self.false_positives), len(self.misses))


def match_names(extracted: Sequence[str], gold: Sequence[Sequence[str]]) -> NameMatch:
    """Match extracted names to gold entities, each entity at most once.

    An extracted name matches an entity when its folded form equals the
    folded form of any of the entity's names. A name left unmatched is a
    false positive, including a second name for an entity already matched
    (two facet values for one entity is an error a user sees).
    """
    names = list(dict.fromkeys(extracted))
    keys = [fold(n) for n in names]
    entity_keys = [{fold(alt) for alt in entity} for entity in gold]
    pairs = max_matching(len(names), len(gold), lambda i, j: keys[i] in entity_keys[j])
    taken = set(pairs.values())
    return NameMatch(
        matched=[(names[i], j) for i, j in sorted(pairs.items())],
        false_positives=[n for i, n in enumerate(names) if i not in pairs],
        misses=[list(entity) for j, entity in enumerate(gold) if j not in taken],
    )


def match_labels(extracted: Sequence[str], gold: Sequence[str]) -> NameMatch:
    """Match sets of labels (claim types): each label is its own entity."""
    return match_names(list(dict.fromkeys(extracted)), [[g] for g in dict.fromkeys(gold)])


Span = tuple[int, int]


def overlaps(a: Span, b: Span) -> bool:
    """Whether two half-open character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def match_spans(predicted: Sequence[Span], gold: Sequence[Span]) -> dict[int, int]:
    """``{predicted index: gold index}``: each predicted span that overlaps a
    gold span, one to one (Gritta et al. 2019's recognition rule)."""
    return max_matching(len(predicted), len(gold), lambda i, j: overlaps(predicted[i], gold[j]))


def date_matches(predicted: str | None, gold: str | None) -> bool:
    """Whether a statement's date is right at the gold's precision: gold
    ``2019`` accepts ``2019`` and ``2019-05-03``, gold ``2019-05-03`` only
    that day, gold ``None`` only no date."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return predicted[:len(gold)] == gold


def date_counts(predicted: str | None, gold: str | None) -> Counts:
    """One statement's date as counts: a right date is a TP; a wrong or
    unwanted date a FP; a wrong or missing date a FN."""
    if date_matches(predicted, gold):
        return Counts(tp=int(gold is not None))
    return Counts(fp=int(predicted is not None), fn=int(gold is not None))
