"""Where an organisation-pattern name with a complement (``Office of ...``,
``Court of Justice on ...``) ends, and when it is a body the gazetteer knows.

The pattern of ``indexer.extraction.org_names`` reads a name from its head word
over the capitalised words of its complement; a known name inside the complement
tells where the complement ends (``the Food and Agriculture Organization of the
United Nations Ceres Award``), and a known body before ``of the <known
organisation>`` or ``on <place>`` is that body (``the Security Council of the
United Nations``, ``the International Court of Justice on Kosovo``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from indexer.extraction.words import WORD_INFO

if TYPE_CHECKING:
    from indexer.extraction.candidate_guards import Candidate
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["known_body", "known_complement_end", "same_bodies"]

#: Words a complement may go on with after a known name inside it ("Council of Europe for ...").
_GOES_ON = frozenset("of for and on the".split())
#: Links after a known body that give its topic, not its name, when a place alone follows.
_TOPIC_LINKS = frozenset("on for against".split())
#: The longest known name looked up inside a complement, in words.
_MAX_KNOWN = 7
#: Words before an organisation-pattern name that a known name may start with ("Food and").
_MAX_BEFORE = 3


def known_complement_end(gaz: Gazetteer, keys: list[str], surface: list[str], begin: int, last: int) -> int:
    """Where a complement (words ``begin..last``) ends when a known body's name
    in it is followed by a capitalised word that no link joins (``of the
    United Nations Ceres Award``, ``of the Council of Europe Commissioner``): a
    known body's name is complete, what follows is another name. A place's name
    may qualify a name's words (``of Hong Kong Speech Therapists``)."""
    actors, places = gaz.aliases["actor"], gaz.aliases["place"]
    k = begin
    while k < last:
        if keys[k] in _GOES_ON:
            k += 1
            continue
        for e in range(min(last - 1, k + _MAX_KNOWN - 1), k - 1, -1):
            name = " ".join(keys[k:e + 1])
            if name in actors and name not in places:
                if WORD_INFO[surface[e + 1]][2] and keys[e + 1] not in _GOES_ON:
                    return e
                break
        k += 1
    return last


def known_body(gaz: Gazetteer, keys: list[str], first: int, head: int, last: int) -> tuple[int, int, str] | None:
    """The known actor (and its words) that an organisation-pattern name
    ``first..last`` with the link ``head + 1`` is, if any:

    - ``Office of the <known body>`` is that body (``Office of the United Nations
      High Commissioner for Refugees``);
    - ``<H> of the <Y>`` is ``<Y> <H>`` when that is known (``Security Council of
      the United Nations``);
    - a known body before ``of the <known organisation>`` is that body (``Food and
      Agriculture Organization of the United Nations``), and before ``on``/``for``
      + a place alone only that body (``International Court of Justice on Kosovo``),
      unless the body is named for a topic of its own (``Commission of Inquiry on
      Syria`` is not the commission on Burundi).
    """
    actors, places = gaz.aliases["actor"], gaz.aliases["place"]
    if " ".join(keys[first:last + 1]) in actors:
        return None
    link = head + 1
    begin = link + 2 if keys[link + 1] == "the" else link + 1
    if keys[link] == "of" and begin <= last:
        owner = actors.get(" ".join(keys[begin:last + 1]))
        if owner is not None and owner.target in gaz.actors and gaz.actors[owner.target].type != "person":
            if first == head and keys[head] == "office":
                return first, last, owner.target
            whole = actors.get(" ".join(keys[begin:last + 1] + keys[first:head + 1]))
            if whole is not None and whole.target in gaz.actors:
                return first, last, whole.target
            body = _known_before(gaz, keys, first, head)
            if body is not None:
                return body[0], last, body[1]
    for p in range(link + 1, last):
        if keys[p] in _TOPIC_LINKS:
            place = keys[p + 2:last + 1] if keys[p + 1] == "the" else keys[p + 1:last + 1]
            if place and " ".join(place) in places:
                body = _known_before(gaz, keys, first, p - 1)
                if body is not None:
                    return body[0], p - 1, body[1]
    return None


def _known_before(gaz: Gazetteer, keys: list[str], first: int, end: int) -> tuple[int, str] | None:
    """The longest known actor (its first word, its name) whose name ends at
    word ``end`` and starts at most :data:`_MAX_BEFORE` words before ``first``,
    not one named for a topic of its own (``... on Syria``, ``... for Refugees``)."""
    actors = gaz.aliases["actor"]
    for x in range(max(0, first - _MAX_BEFORE), first + 1):
        alias = actors.get(" ".join(keys[x:end + 1]))
        if alias is not None and alias.target in gaz.actors and " on " not in alias.target \
                and " for " not in alias.target:
            return x, alias.target
    return None


#: Marks a long form's key made of the words before its complement (no complement word ends so).
_BARE = " \x00"


def same_bodies(keys: list[str], cands: list[Candidate]) -> list[Candidate]:
    """Organisation-pattern names of one text that name one body both ways:
    ``<words> <head>`` takes the name ``[<owner>] <head> of [the] <words>``
    when one such name is in the text (``the Treasury Department`` after ``the
    United States Department of the Treasury``; not when both the Syrian and
    the Russian Ministry of Defence are named), and ``<words> <head>`` takes
    ``<words> <head> of <complement>`` (``the Muslim Commercial Bank`` after
    ``the Muslim Commercial Bank of Pakistan``)."""
    long_forms: dict[tuple[str, str], set[str]] = {}
    short: list[tuple[int, tuple[str, str]]] = []
    for i, (first, last, name, kind, _, _) in enumerate(cands):
        if kind != "organisation" or last == first:
            continue
        words = keys[first:last + 1]
        if "of" in words[1:-1]:
            at = words.index("of", 1)
            rest = words[at + 2:] if words[at + 1] == "the" else words[at + 1:]
            long_forms.setdefault((words[at - 1], " ".join(rest)), set()).add(name)
            # the name before its complement ("the Muslim Commercial Bank" after "... of Pakistan")
            long_forms.setdefault((words[at - 1], " ".join(words[:at - 1]) + _BARE), set()).add(name)
        else:
            short.append((i, (words[-1], " ".join(words[:-1]))))
    if not long_forms or not short:
        return cands
    out = list(cands)
    for i, (head, rest) in short:
        names = long_forms.get((head, rest)) or long_forms.get((head, rest + _BARE))
        if names is not None and len(names) == 1:
            c = out[i]
            out[i] = (c[0], c[1], next(iter(names)), c[3], c[4], c[5])
    return out
