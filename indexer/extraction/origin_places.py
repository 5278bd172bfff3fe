"""Where a person comes from, as local news says it: ``a Meadow Grove man``,
``the Tulsa woman``, ``a Dallas-area resident``, ``Missing Glen Allen woman``.

A capitalised name between an article (or a headline's verb) and a noun for
a person (``man``, ``woman``, ``teen``, ``resident``...) is the town the
person is from. The resolver reads such a name when the world table knows it
(``an Albany man``); a small town no data knows is read here, named as
written and without coordinates, and so is a name the people finder took for
a person's (``Meadow Grove``: ``Meadow`` is a given name). A demonym, a
language, an ordinary word (``a Black man``, ``the Democratic woman``) is
no town, nor a run of ordinary words only (``Meadow Grove`` is one town). Leaf module: it reads the matcher's candidates and the world table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from indexer.analysis import STOPWORDS
from indexer.extraction.geonames import same_name
from indexer.extraction.name_lists import language_names
from indexer.extraction.place_words import DATE_NAMES
from indexer.extraction.world_ranking import by_rank
from indexer.extraction.words import Words

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["PERSON_NOUNS", "origin_places"]

#: Nouns for a person after the name of where they are from.
#: (Not ``family``, ``couple``, ``mother``: ``the Becker family`` is a surname's.)
PERSON_NOUNS = frozenset("man woman men women boy girl teen teens teenager teenagers resident residents "
                         "native natives".split())
_ARTICLES = frozenset("a an the".split())
#: Faiths, colours and groups written capitalised before ``man``/``woman`` (no demonyms: no country's).
GROUP_WORDS = frozenset("shiite shia shiites sunni sunnis alawite alawites druze ismaili muslim christian jewish "
                        "catholic protestant orthodox evangelical mormon amish hindu sikh buddhist black white "
                        "hispanic latino latina asian arab native indigenous aboriginal gay lesbian "
                        "transgender democrat democratic republican".split())
_MAX_WORDS = 3


def origin_places(gaz: Gazetteer, words: Words, actors: list[tuple], places: list[tuple],
                  ordinary: Callable[[str], bool]) -> tuple[list[tuple], list[tuple]]:
    """``(actors, places)`` with the towns of ``a <Town> man`` that no
    place covers added to ``places`` (a person actor over exactly that name
    dropped); ``ordinary`` tells a folded word that is no town's name."""
    keys, n = words.key, len(words.key)
    resolver = gaz.world_resolver()
    covered = {i for c in places for i in range(c[0], c[1] + 1)}
    person_at = {(a[0], a[1]): a for a in actors if a[3] == "person"}
    other = {i for a in actors if a[3] != "person" for i in range(a[0], a[1] + 1)}
    demonyms, languages = gaz.demonyms, language_names()
    # the words of the people the text names ("Mixon was hiding"): a surname, no town
    # (not those of a "person" read in "a Meadow Grove man" itself)
    origins = {a[2] for a in actors if a[3] == "person"
               and a[1] + 1 < n and keys[a[1] + 1] in PERSON_NOUNS and words.gap[a[1] + 1] == " "}
    person_words = {k for a in actors if a[3] == "person" and a[2] not in origins for k in keys[a[0]:a[1] + 1]}
    moved: list[tuple] = []
    added: list[tuple] = []
    town_of: dict[tuple[str, tuple[str, ...]], str] = {}  # (person read, its words) -> the town
    for k in range(1, n):
        if keys[k] not in PERSON_NOUNS or words.cap(k) or words.gap[k] not in (" ", "-area "):
            continue  # ("Underwood's father", "Gaafar's men": a possessive)
        if k + 1 < n and words.gap[k + 1][:1] in ("'", "’"):
            continue  # "the K-State men's basketball team": the team's
        last = k - 1
        if keys[last] == "area" and last > 0 and "-" in words.gap[last]:
            last -= 1  # "a Dallas-area resident"
        elif not words.soft(last + 1) or "-" in words.gap[last + 1]:
            continue
        if not words.cap(last) or last in covered or last in other:
            continue
        first = last
        while first > 0 and last - first < _MAX_WORDS - 1 and words.soft(first) and words.cap(first - 1) \
                and first - 1 not in covered and first - 1 not in other:
            first -= 1
        before = first - 1
        if before >= 0 and words.soft(first) and words.cap(before) and keys[before] not in _ARTICLES:
            continue  # a longer capitalised run ("The Meadow Grove man" opens a sentence)
        # after an article, a headline's verb ("Deputies arrest Pointe Coupee teen") or at the text's start
        if not (before < 0 or keys[before] in _ARTICLES
                or words.soft(first) and not words.cap(before) and keys[before] not in STOPWORDS):
            continue
        if all(ordinary(keys[i]) for i in range(first, last + 1)) or any(
               keys[i] in STOPWORDS or keys[i] in demonyms or keys[i] in languages or keys[i] in GROUP_WORDS
               or keys[i] in DATE_NAMES or keys[i] in person_words
               or words.upper(i) and len(words.surface[i]) > 1 for i in range(first, last + 1)):
            continue
        span = (first, last)
        person = person_at.get(span)
        if person is None and any(first <= a[1] and a[0] <= last for a in person_at.values()):
            continue  # part of a person's name
        key = " ".join(keys[first:last + 1])
        readings = [p for p in resolver.table.lookup(key) if p.kind == "city" and same_name(p.name, key)] \
            if resolver is not None else []
        if readings and person is None:
            continue  # a name the world knows: the resolver's (its context and countries decide)
        if readings:
            name = gaz.remember_world_place(by_rank(tuple(readings))[0])
        else:
            name = words.written(first, last)
        if person is not None:
            moved.append(person)
            town_of[person[2], tuple(keys[first:last + 1])] = name
        added.append((first, last, name, "city", first - last, 0))
        covered.update(range(first, last + 1))
    if not added:
        return actors, places
    # one sense per text: the "person" of that name is the town at its other mentions too
    again = [a for a in actors if a[3] == "person" and a not in moved and (a[2], tuple(keys[a[0]:a[1] + 1])) in town_of]
    added += [(a[0], a[1], town_of[a[2], tuple(keys[a[0]:a[1] + 1])], "city", a[0] - a[1], 0) for a in again]
    moved += again
    return [a for a in actors if a not in moved], sorted(places + added, key=lambda c: c[0])
