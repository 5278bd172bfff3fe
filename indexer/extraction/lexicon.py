"""Common English words: which names are also ordinary words.

A place named like an ordinary word (``Over``, ``Summit``, ``Reform``) is a
place only where the text says so (``in Summit``); the world table keeps
these words (``indexer.extraction.geonames``), read here from bundled
lists when the table is built, so no process imports them after.
"""

from __future__ import annotations

from indexer.analysis import fold

__all__ = ["FREQUENT_PER_MILLION", "english_words", "frequent_words"]


def english_words() -> set[str]:
    """Common English words (``faker``'s en_US word list, folded): kept in the
    table so that a process needs no ``faker`` import to read it."""
    try:
        from faker.providers.lorem.en_US import Provider as Lorem
    except ImportError:  # pragma: no cover - faker is a dependency
        return set()
    return {fold(w) for w in Lorem.word_list}


#: How often a word must occur in English (per million words) to be a common
#: word: ``summit``, ``reform``, ``council``, ``marine`` (1.4 to 14), not
#: ``erie``, ``trenton``, ``albany`` (0.03 to 0.12).
FREQUENT_PER_MILLION = 1.0


def frequent_words() -> set[str]:
    """The words of ``pyspellchecker``'s bundled English frequency list that
    are at least :data:`FREQUENT_PER_MILLION` frequent, folded (read when
    the table is built, never after)."""
    try:
        from spellchecker import SpellChecker
    except ImportError:  # pragma: no cover - pyspellchecker is a dependency
        return set()
    frequency = SpellChecker(language="en").word_frequency
    floor = frequency.total_words * FREQUENT_PER_MILLION / 1_000_000
    return {fold(word) for word, count in frequency.items() if count >= floor and word.isalpha()}
