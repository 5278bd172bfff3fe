"""Short mentions of people: a surname alone, a title and a surname, resolved
to the full name the same text gives.

``indexer.extraction.people`` finds the names in capitalised runs; this resolves what is
left once they are found (``Türk`` after ``Volker Türk``), which needs the
full names only, not the run parsing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["LANDFORM_SURNAMES", "PersonSpan", "occurrences", "resolve_mentions"]

#: A person found in a text: ``(start, end, canonical name)``.
PersonSpan = tuple[int, int, str]

_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|ar|at|az|an)[-‐]")
#: Capitalised titles that may open a two-word span ("Mr Lavrov") and are no given name.
_TITLE_CASE_TITLES = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. President Sheikh".split())
#: Landform words that are also surnames (``Anthony Lake``, ``Michael Bay``).
LANDFORM_SURNAMES = frozenset("lake bay hill island rivers".split())


def resolve_mentions(text: str, found: list[PersonSpan], singles: list[PersonSpan],
                     place_name: Callable[[str], bool] | None = None) -> list[PersonSpan]:
    """The people of ``text`` in text order: the full names ``found``, the
    single words ``singles`` (``Mr Lavrov``) and every later mention of a
    surname, each with its full name when the text gives one.

    :param text: the text the spans are offsets in.
    :param found: names of two words or more (this list is extended).
    :param singles: one-word names after a title.
    :param place_name: whether a word is a place's own name: such a given
        name alone is no mention of the person (``Lancaster`` after
        ``Lancaster Girls``, a name misread from a school's), only a surname is.
    """
    if len(found) > 1:
        found = _longest_forms(found)
    by_surname: dict[str, str] = {}  # a surname as written -> the full name
    clashes: set[str] = set()
    for start, end, name in found:
        written = text[start:end].split()
        forms = {written[-1], _ARTICLE.sub("", written[-1])}
        if len(written) == 2 and written[0] not in _TITLE_CASE_TITLES \
                and (place_name is None or not place_name(written[0])):
            forms.add(written[0])  # "Abiy Ahmed" ... "Abiy said"
        for form in forms:
            if by_surname.get(form, name) != name:
                clashes.add(form)
            by_surname[form] = name
    for form in clashes:
        del by_surname[form]
    for start, end, name in singles:
        found.append((start, end, by_surname.get(text[start:end].rsplit(None, 1)[-1], name)))
    if by_surname:
        taken = [(s, e) for s, e, _ in found]
        for form, name in by_surname.items():
            if form.lower() in LANDFORM_SURNAMES:
                continue  # "Anthony Lake ... Crystal Lake": "Lake" alone is no person there
            for at, end in occurrences(text, form):
                if not any(at < te and ts < end for ts, te in taken):
                    found.append((at, end, name))
    found.sort()
    return found


def _longest_forms(found: list[PersonSpan]) -> list[PersonSpan]:
    """A name that ends another name of the text is that person (``Abdel
    Rahman`` after ``Rami Abdel Rahman``)."""
    names = {name for _, _, name in found}
    longer: dict[str, str] = {}
    for name in names:
        for other in names:
            if other != name and other.endswith(" " + name) and len(other) > len(longer.get(name, "")):
                longer[name] = other
    return [(s, e, longer.get(name, name)) for s, e, name in found] if longer else found


def occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Where ``form`` stands in ``text`` as whole words (a possessive may follow)."""
    out = []
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        if _standalone(text, at, end):
            out.append((at, end))
        at = text.find(form, end)
    return out


def _standalone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole word (a possessive may follow)."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-‐'’"):
        return False
    if end < len(text):
        after = text[end]
        if after.isalnum() or after in "-‐":
            return False
        if after in "'’" and not text[end + 1:end + 2] in ("s", "S"):
            return False
    return True
