"""What a run of capitalised words says by its own words, kept per distinct run.

:class:`~indexer.extraction.people.PeopleFinder` reads every run of capitalised
words of a text (``United Nations``, ``Foreign Minister Sergei Lavrov``). Most
runs recur from statement to statement, and what their words are (their keys,
a title among them, first names, a surname's ending, an ordinary word) does
not depend on the text around them: :class:`RunShapes` works that out once per
distinct run, not once per occurrence (issue 18 item 10); the finder then
asks only what depends on the text.
"""

from __future__ import annotations

from indexer.analysis import fold
from indexer.extraction.person_cues import SURNAME_TAILS, arabic_compound_first

__all__ = ["RunShape", "RunShapes", "run_key"]

#: A run's words, their keys, where a name after its last title starts (-1:
#: no title before its last word), the words (but the last) that are first
#: names, whether its last two words end like a surname (``SURNAME_TAILS``),
#: whether it holds no ordinary word. Read-only: shared by every occurrence.
RunShape = tuple[list[str], list[str], int, list[int], bool, bool]
#: Distinct runs kept (a few hundred bytes each; cleared when full).
_KEPT = 20_000


class RunShapes:
    """Run -> its :data:`RunShape`, for one finder's word lists (folded).

    :param titles: titles and roles written before a name.
    :param first: first names.
    :param common: ordinary words.
    """

    def __init__(self, titles: frozenset[str], first: frozenset[str], common: frozenset[str]) -> None:
        self._titles, self._first, self._common = titles, first, common
        self._shapes: dict[str, RunShape] = {}

    def get(self, run: str) -> RunShape:
        """The shape of ``run`` (words separated by blanks)."""
        shape = self._shapes.get(run)
        if shape is None:
            if len(self._shapes) >= _KEPT:
                self._shapes.clear()
            words = run.split()
            keys = list(map(run_key, words))
            titled = [i for i in range(len(keys) - 1) if keys[i] in self._titles]
            first = self._first
            firsts = [i for i in range(len(keys) - 1)
                      if keys[i] in first or keys[i][:3] == "abd" and arabic_compound_first(keys[i])]
            tailed = words[-1][-2:] in SURNAME_TAILS or words[-2][-2:] in SURNAME_TAILS
            shape = self._shapes[run] = (words, keys, titled[-1] + 1 if titled else -1, firsts, tailed,
                                         self._common.isdisjoint(keys))
        return shape


def run_key(word: str) -> str:
    """A run word's key: folded, without a final full stop (``Mr.``), cached."""
    key = _KEYS.get(word)
    if key is None:
        if len(_KEYS) > 100_000:
            _KEYS.clear()
        key = _KEYS[word] = fold(word.rstrip("."))
    return key


_KEYS: dict[str, str] = {}
