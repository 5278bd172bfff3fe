"""A run of capitalised words' own shape, worked out once per distinct run (issue 18 item 10)."""

from __future__ import annotations

import random

from indexer.analysis import fold
from indexer.extraction.person_cues import SURNAME_TAILS, arabic_compound_first
from indexer.extraction.run_shapes import RunShapes, run_key

_TITLES = frozenset({"minister", "president", "mr", "spokesman"})
_FIRST = frozenset({"sergei", "bintou", "abdullah", "elizabeth"})
_COMMON = frozenset({"council", "security", "forces"})
_WORDS = ["Minister", "Foreign", "Sergei", "Lavrov", "Mr.", "Bintou", "Keita", "Abdulrahman", "Abdel-Fattah", "Abdullah",
          "Security", "Council", "Smilevski", "Hoff", "Elizabeth", "President", "Türk", "Forces", "Spokesman"]


def _by_definition(run: str) -> tuple:
    """The shape as ``PeopleFinder._person`` first worked it out per occurrence."""
    words = run.split()
    keys = [fold(w.rstrip(".")) for w in words]
    begin = -1
    for i in range(len(keys) - 2, -1, -1):  # the last title before a name word
        if keys[i] in _TITLES:
            begin = i + 1
            break
    firsts = [i for i in range(len(keys) - 1)
              if keys[i] in _FIRST or arabic_compound_first(keys[i])]
    tailed = words[-1][-2:] in SURNAME_TAILS or words[-2][-2:] in SURNAME_TAILS
    return words, keys, begin, firsts, tailed, _COMMON.isdisjoint(keys)


def test_a_runs_shape_is_what_its_words_say() -> None:
    shapes = RunShapes(_TITLES, _FIRST, _COMMON)
    rng = random.Random(7)
    for _ in range(500):
        run = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 6)))
        assert shapes.get(run) == _by_definition(run), run


def test_a_recurring_run_is_worked_out_once() -> None:
    shapes = RunShapes(_TITLES, _FIRST, _COMMON)
    first = shapes.get("Foreign Minister Sergei Lavrov")
    assert first[2] == 2 and first[3] == [2]  # the name after the title; Sergei a first name
    assert shapes.get("Foreign Minister Sergei Lavrov") is first
    assert shapes.get("United Nations Security Council")[5] is False  # an ordinary word


def test_a_run_word_key_drops_a_final_full_stop() -> None:
    assert run_key("Mr.") == "mr" and run_key("Türk") == "turk"
