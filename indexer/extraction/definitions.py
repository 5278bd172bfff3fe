"""Names a statement defines itself: ``Long Name (ACR)``, ``ACR, or Long Name``.

A statement often introduces an actor no gazetteer knows and then uses its
short form: ``the United Nations Assistance Mission in Afghanistan (UNAMA)``,
``the 23 March Movement, or M23``, ``Reporters Without Borders (RSF)``.
Within that statement the short form is an alias of the long name (it wins
over what the gazetteer says the short form means: ``RSF`` there is not the
Rapid Support Forces), and the long name is an actor even when unknown.

Forms recognised (long name: capitalised words, numbers and the small words
of names, at least two words):

- ``Long Name (ACR)`` and ``ACR (Long Name)``;
- ``Long Name, or ACR`` and ``ACR, or Long Name`` (``ACR`` all capitals or digits);
- ``Long Name, (also) known as ACR`` and ``Long Name (also known as ACR)``,
  where ``ACR`` may be a capitalised name (``known as the Tatmadaw``).

For ``Long Name (ACR)`` the acronym's first letter must be the long name's
first (``Syria (AFP)`` defines nothing); a longer run of capitalised words is
cut to where the acronym's letters start.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from indexer.extraction.lazy_regex import LazyPattern
from indexer.extraction.person_mentions import occurrences

__all__ = ["Definition", "context_definitions", "defined_mentions", "find_definitions"]

#: ``(alias as written, long name as written, canonical, type)``.
Definition = tuple[str, str, str, str]

_ACRONYM = r"[A-Z0-9][A-Za-z0-9&-]*[A-Z0-9]"
_NAME_WORD = r"(?:[A-Z0-9][\w'’&.-]*)"
_SMALL = r"(?:of|for|the|and|in|on|to|against|de|du|des|la|le|al|el)"
#: Space between a long name's words: a line break too (the UN records are wrapped at a fixed width).
_SP = r"(?:[ \t]+\n?|\n)[ \t]*"
#: A long name ending where the match ends.
_LONG = rf"{_NAME_WORD}(?:{_SP}(?:{_SMALL}{_SP})*{_NAME_WORD})+"
#: The markers, found first (a long name is then read backwards from them, in a window).
_PAREN_ACRONYM = re.compile(rf"[ \t]\((?:also[ \t]+)?(?:known[ \t]+as[ \t]+)?(?:the[ \t]+)?({_ACRONYM})\)")
_OR_ACRONYM = re.compile(rf",[ \t]+or[ \t]+(?:the[ \t]+)?({_ACRONYM})(?![\w-])")
_KNOWN_AS = re.compile(
    rf",?[ \t]+(?:also[ \t]+|locally[ \t]+|commonly[ \t]+)?known[ \t]+as[ \t]+(?:the[ \t]+)?"
    rf"({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})")
#: An acronym then a long name: ``RSF (Reporters Without Borders)``, ``M23, or 23 March Movement``.
#: (``_ACRONYM`` with ``(?<![\w-])`` checked after its first character, so
#: that ``re`` jumps from capital to capital instead of trying every position.)
_ACRONYM_FIRST = re.compile(rf"([A-Z0-9](?<![\w-][A-Z0-9]){_ACRONYM[len('[A-Z0-9]'):]})"
                            rf"(?:[ \t]+\((?:the[ \t]+)?|,[ \t]+or[ \t]+(?:the[ \t]+)?)")
_LONG_AT = re.compile(_LONG)
_LONG_BEFORE = LazyPattern(rf"(?<![\w'’&.-])({_LONG})$")
#: How far back a long name may start.
_WINDOW = 120
_LEADING_SMALL = re.compile(rf"^(?:(?:{_SMALL}|The|A|An|In|On|At|By|For)[ \t]+)+")
_SMALL_WORDS = frozenset("of for the and in on to against de du des la le al el".split())
_POSSESSIVE_ENDS = frozenset(("'s", "’s"))


def find_definitions(text: str, known: Callable[[str], tuple[str, str] | None]) -> list[Definition]:
    """The definitions in ``text``: each alias with the long name it stands for.

    :param known: the gazetteer's ``(canonical, type)`` for a name as written,
        or ``None``: a known long name keeps its canonical name and type; an
        alias the gazetteer knows by this long name's own canonical adds nothing.
    """
    out: list[Definition] = []
    for marker, backwards in ((_PAREN_ACRONYM, "(" in text), (_OR_ACRONYM, ", or " in text)):
        if not backwards:
            continue
        for m in marker.finditer(text):
            before = _LONG_BEFORE.search(text, max(0, m.start() - _WINDOW), m.start())
            if before is not None:
                long_name = _trim_to_acronym(before.group(1), m.group(1))
                if long_name:
                    out.append(_definition(m.group(1), long_name, known))
    if "known as" in text:
        for m in _KNOWN_AS.finditer(text):
            before = _LONG_BEFORE.search(text, max(0, m.start() - _WINDOW), m.start())
            long_name = _trim(before.group(1)) if before is not None else ""
            alias = m.group(1)
            # An acronym or one word ("known as the Tatmadaw"); "X, known as Abu Hajar" names a person.
            if long_name and long_name != alias and (_is_acronym(alias) or " " not in alias):
                out.append(_definition(m.group(1), long_name, known))
    if "(" in text or ", or " in text:
        for m in _ACRONYM_FIRST.finditer(text):
            after = _LONG_AT.match(text, m.end())
            if after is None or not _is_acronym(m.group(1)):
                continue
            closing = text[after.end():after.end() + 1]
            long_name = _trim(after.group())
            if not long_name or not _fits_forward(m.group(1), long_name):
                continue
            if ("(" in m.group() and closing == ")" and _first_letter_fits(m.group(1), long_name)) \
                    or "(" not in m.group():
                out.append(_definition(m.group(1), long_name, known))
    return [d for d in out if not names_an_instrument(d[1])]


#: Words that make a name a law's or an agreement's, not a body's that acts.
_INSTRUMENT_WORDS = frozenset(
    "act acts code law laws treaty convention covenant agreement accord accords protocol resolution "
    "declaration charter statute bill ordinance decree amendment plan".split())
_LINKS = frozenset("of on for against to".split())


def names_an_instrument(name: str) -> bool:
    """Whether a long name is a law's or an agreement's (``Prevention of
    Terrorism Act``, ``Joint Comprehensive Plan of Action``, ``Convention on
    the Rights of the Child``): its last word, or the word before its first
    link, is an instrument's. Such a name is defined, but no actor."""
    words = [w.lower().strip(".,") for w in name.split()]
    head = next((words[i - 1] for i, w in enumerate(words) if i and w in _LINKS), words[-1])
    return words[-1] in _INSTRUMENT_WORDS or head in _INSTRUMENT_WORDS


#: Acronyms whose meaning the rest of the text decides when it does not define
#: them: ``(acronym, meaning, type, words that make it that meaning, words that
#: keep the gazetteer's)``.
_AMBIGUOUS = (
    ("RSF", "Reporters Without Borders", "ngo",
     re.compile(r"(?i)\b(?:journalists?|press freedom|reporters?|media freedom|newspaper|editor)\b"),
     re.compile(r"\b(?:Sudan|Sudanese|Darfur|Khartoum|Janjaweed|Hemedti|Dagalo|El Fasher|paramilitary)")),
)


def context_definitions(text: str) -> list[Definition]:
    """Ambiguous acronyms the text's words decide (``RSF`` in a text about
    journalists and not about Sudan is Reporters Without Borders)."""
    out: list[Definition] = []
    for acronym, meaning, kind, yes, no in _AMBIGUOUS:
        if acronym in text and yes.search(text) and not no.search(text):
            out.append((acronym, meaning, meaning, kind))
    return out


def _definition(alias: str, long_name: str, known: Callable[[str], tuple[str, str] | None]) -> Definition:
    """The long name's gazetteer entry; else the alias's, when the two names
    share most words (a spelling the gazetteer lacks) or the gazetteer's own
    name is the acronym (``OSCE``); else a new actor."""
    hit = known(long_name)
    if hit is None:
        hit = known(alias)
        if hit is not None and hit[0] != alias:  # (a body the gazetteer calls by this acronym: OSCE)
            ours, theirs = set(long_name.lower().split()), set(hit[0].lower().split())
            if len(ours & theirs) * 2 < max(len(ours), len(theirs)):
                hit = None
    if hit is not None and hit[1] != "place":
        return alias, long_name, hit[0], hit[1]
    return alias, long_name, long_name, "organisation"


def _is_acronym(word: str) -> bool:
    """Mostly capitals or digits (``UNAMA``, ``M23``, ``MONUSCO``; not ``Mali``)."""
    return sum(c.isupper() or c.isdigit() for c in word) >= max(2, len(word) - 1)


def _trim(name: str) -> str:
    """The long name without leading small or sentence words; ``""`` if it
    is then shorter than two words."""
    name = _LEADING_SMALL.sub("", name)
    words = name.split()
    while words and words[-1].lower() in _SMALL_WORDS:
        words.pop()
    if words and words[-1][-2:] in _POSSESSIVE_ENDS:  # "the Sindh High Court's (SHC) decision"
        words[-1] = words[-1][:-2]
    return " ".join(words) if len(words) >= 2 else ""


def _fits_forward(acronym: str, long_name: str) -> bool:
    """An acronym's long name after it has about as many words as it has
    capitals (``ISIL (Islamic State ISIS ISIL IS and Daesh)`` does not)."""
    letters = sum(c.isupper() for c in acronym)
    words = sum(w.lower() not in _SMALL_WORDS for w in long_name.split())
    return words <= max(letters + 1, 3) and len(long_name) <= 80


def _first_letter_fits(acronym: str, long_name: str) -> bool:
    return acronym[0].upper() == long_name[0].upper()


def _trim_to_acronym(name: str, acronym: str) -> str:
    """The part of ``name`` the acronym abbreviates: from the latest word
    from which the acronym's capitals follow the words' initials in order
    (``Liz Throssell and the Syrian Observatory for Human Rights (SOHR)`` ->
    the Observatory's name), else from the latest word whose initial is the
    acronym's first letter (``Reporters Without Borders (RSF)``)."""
    if not _is_acronym(acronym):
        return ""
    words = _trim(name).split()[-(len(acronym) + 4):]  # no longer than the acronym allows
    letters = [c for c in acronym if c.isupper()]
    if not words or not letters:
        return ""
    fallback = ""
    for start in range(len(words) - 2, -1, -1):  # names of two words or more
        if words[start][0].upper() != letters[0]:
            continue
        initials = [w[0].upper() for w in words[start:] if w.lower() not in _SMALL_WORDS]
        if _subsequence(letters, initials):
            if start > 0 and words[start - 1].isdigit() and any(c.isdigit() for c in acronym):
                start -= 1  # "23 March Movement, or M23"
            elif start > 0 and _DEMONYM_SHAPE.fullmatch(words[start - 1]):
                start -= 1  # "the Russian Supreme Court (SC)": whose court it is, one name with it
            return _trim(" ".join(words[start:]))  # the latest start that fits
        if not fallback and len(initials) >= len(letters) - 1:
            fallback = " ".join(words[start:])  # Reporters Without Borders (RSF)
    return _trim(fallback)


#: A capitalised word shaped like a demonym (``Russian``, ``Iranian``, ``Chinese``,
#: ``Turkish``, ``Iraqi``) that an acronym may leave out of the name it abbreviates.
_DEMONYM_SHAPE = re.compile(r"[A-Z][a-z]{2,}(?:an|ese|ish|i)")


def _subsequence(letters: list[str], initials: list[str]) -> bool:
    it = iter(initials)
    return all(letter in it for letter in letters)


def defined_mentions(text: str, form: str) -> list[tuple[int, int]]:
    """Where a defined name ``form`` stands in ``text`` as whole words, a line
    break or a run of spaces between its words too: a long name is given with
    single spaces, and the UN records wrap it over two lines (``the
    Intergovernmental Authority`` / ``for Development (IGAD)``)."""
    found = occurrences(text, form)
    if " " not in form or ("\n" not in text and "  " not in text):
        return found
    spaced = re.compile(r"(?<![\w'’‐-])" + r"\s+".join(map(re.escape, form.split())) + r"(?![\w‐-])")
    return sorted(set(found) | {m.span() for m in spaced.finditer(text)})
