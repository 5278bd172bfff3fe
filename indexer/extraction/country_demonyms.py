"""A country's demonym is no place of its own first words: ``Papua New
Guineans`` names people of Papua New Guinea, not the Indonesian province of
Papua (issue 18 item 4). A name that opens a capitalised run whose words, the
last one cut of a demonym ending (``-n``, ``-ns``, ``-an``, ``-ese``...), spell
a country of the world table is part of that demonym.

Leaf module: it reads the words and asks the world table.
"""

from __future__ import annotations

from collections.abc import Callable

from indexer.extraction.words import Words

__all__ = ["opens_demonym"]

#: How many letters a demonym adds to its country's last word (``Guinea`` -> ``Guineans``).
_ENDING_LENGTHS = (1, 2, 3, 4)
#: How many words after the name the demonym may need (``Papua`` + ``New Guineans``).
_MAX_MORE_WORDS = 3


def opens_demonym(words: Words, is_country: Callable[[str], bool], first: int, last: int, run_last: int) -> bool:
    """Whether the name at words ``first..last`` opens a country's demonym that
    ends by word ``run_last`` (the end of its capitalised run): ``is_country``
    tells whether a key names a country."""
    keys = words.key
    for end in range(last + 1, min(run_last, last + _MAX_MORE_WORDS) + 1):
        word = keys[end]
        head = " ".join(keys[first:end])
        for cut in _ENDING_LENGTHS:
            stem = word[:-cut]
            if len(stem) < 3:
                break
            if is_country(f"{head} {stem}"):
                return True
    return False
