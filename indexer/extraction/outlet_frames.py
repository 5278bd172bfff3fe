"""News outlets that act in the text, named in ordinary forms (issue 18 items 5-6).

A report cites or quotes outlets that no data file knows, and says what they
are only by a kind word or by what they do: ``Al-Watan newspaper said``,
``the pro-government daily Al-Watan``, ``according to the Daily Nation``,
``The Times reported``, ``Apple Daily said``, ``Myanmar state television
announced``. :func:`outlet_mentions` finds four forms:

- a capitalised name right before a lower-case kind word (``Dawn newspaper``,
  ``the Standard newspaper``, ``Apple Daily pro-democracy newspaper``;
  ``channel``, ``website``, ``daily`` only with a report verb after them:
  ``his YouTube channel`` is none);
- a lower-case ``daily``, ``tabloid`` or ``weekly`` right before a name, or
  a name before an apposition ending with a kind word (``Al-Watan, a
  pro-government daily, said``);
- a capitalised name holding a newspaper's title word (``Daily``, ``Times``,
  ``Herald``) in a report frame: a report verb after it or ``according to``,
  ``told``, ``quoted by``, ``an interview with`` before it (``Pakistan Daily
  wages`` is none);
- a state's own media that reports or is cited: a country or demonym,
  ``state`` or ``state-run``, a media word (``Syrian state TV``, ``Iran's
  state media``).

The text's own credit, byline and publisher are blanked or dropped before
(:mod:`indexer.extraction.boilerplate`): what is found here acts in the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from indexer.extraction.candidate_guards import SPEECH_VERBS
from indexer.extraction.media_names import GENERIC_MEDIA_WORDS, MEDIA_HEADS
from indexer.extraction.name_lists import common_words
from indexer.extraction.words import indices

if TYPE_CHECKING:
    from indexer.extraction.candidate_guards import Candidate
    from indexer.extraction.gazetteer import Gazetteer
    from indexer.extraction.words import Words

__all__ = ["CUE_KEYS", "outlet_mentions"]

#: Lower-case kinds after an outlet's name that name it alone (``Dawn newspaper``).
_KINDS_AFTER = frozenset("newspaper newspapers tabloid broadcaster".split())
#: Lower-case kinds after a name that name an outlet only with a report verb after them.
_KINDS_REPORTING = frozenset("daily channel website weekly".split())
#: Lower-case kinds before an outlet's name (``newspaper X`` is :mod:`org_names`').
_KINDS_BEFORE = frozenset("daily tabloid weekly".split())
#: Capitalised words of a newspaper's own title (``Daily Nation``, ``The Times``).
_TITLE_WORDS = frozenset("daily times herald tribune gazette journal telegraph observer chronicle "
                         "guardian independent mirror standard express post star sun mail".split())
#: Words after ``state`` naming a state's media (``state television``, ``state news agency``).
_STATE_MEDIA = frozenset("television tv media radio broadcaster news newspaper".split())
#: A report's verbs after an outlet (``X reported``, ``X quoted``, ``X accused``, ``X alleged``).
_REPORT_VERBS = SPEECH_VERBS | frozenset(
    "reported reports quoted quotes cited cites wrote writes published publishes broadcast aired revealed reveals "
    "added alleged alleges showed shows".split())
#: Words before an outlet that it is cited by (``according to``, ``told``).
_CITING = frozenset("told quoted cited interview".split())
#: Every key one of the forms needs: the finder runs only on a text holding one.
_STATE = frozenset(("state",))
CUE_KEYS = _KINDS_AFTER | _KINDS_REPORTING | _KINDS_BEFORE | _TITLE_WORDS | _STATE
#: Words before a country that make it a place (``villages in southern Syria state media said``).
_PLACE_BEFORE = frozenset("in into from across southern northern eastern western central".split())
_MAX_WORDS = 4
_PARTICLES = frozenset("al el ad ar as ash at az an".split())


def outlet_mentions(gaz: Gazetteer, words: Words) -> list[Candidate]:
    """The outlets ``words`` names in the forms above that the gazetteer
    does not know (a known one is found by its name), as media candidates."""
    keys = words.key
    present = words.key_set()
    cues = CUE_KEYS.intersection(present)
    if "state" in cues and _STATE_MEDIA.isdisjoint(present):
        cues = cues - _STATE  # (a speech has many a "State", none of its media)
    out: list[Candidate] = []
    named: dict[str, str] = {}
    for i in sorted(i for key in cues for i in indices(keys, key, 0, len(keys))):
        key = keys[i]
        found = None
        if key == "state":
            found = _state_media(gaz, words, i, named)
        elif not words.cap(i):
            if key in _KINDS_AFTER or key in _KINDS_REPORTING and _reports(words, i):
                found = _name_before(gaz, words, i)
            if found is None and (key in _KINDS_AFTER or key in _KINDS_REPORTING):
                found = _apposed(gaz, words, i)
            if found is None and key in _KINDS_BEFORE:
                found = _name_after(gaz, words, i)
        elif key in _TITLE_WORDS:
            found = _titled(gaz, words, i)
        if found is not None and (not out or out[-1][:2] != found[:2]):
            out.append(found)
    return out


def _reports(words: Words, at: int) -> bool:
    """Whether a report verb follows word ``at`` (maybe after ``has``)."""
    keys, n = words.key, len(words.key)
    nxt = at + 1
    if nxt < n and keys[nxt] in ("has", "had") and words.soft(nxt):
        nxt += 1
    return nxt < n and keys[nxt] in _REPORT_VERBS and words.soft(nxt)


def _cited(words: Words, first: int) -> bool:
    """Whether the name starting at word ``first`` is cited (``according to
    the``, ``told``, ``quoted by``, ``an interview with``)."""
    keys = words.key
    at = first - 1
    if at >= 0 and keys[at] == "the":
        at -= 1
    if at < 0:
        return False
    if keys[at] == "to":
        return at > 0 and keys[at - 1] == "according"
    if keys[at] in ("by", "with") and at > 0:
        return keys[at - 1] in _CITING
    return keys[at] in _CITING


def _joined(words: Words, i: int) -> bool:
    """Whether word ``i`` is joined to the one before by a space or hyphen, no possessive."""
    gap = words.gap[i]
    return words.soft(i) and "'" not in gap and "’" not in gap


def _name_word(words: Words, i: int) -> bool:
    """A capitalised word of a name, or a particle hyphened to one (``al-Watan``)."""
    return words.cap(i) or words.key[i] in _PARTICLES and i + 1 < len(words.key) and "-" in words.gap[i + 1]


def _candidate(gaz: Gazetteer, words: Words, first: int, last: int) -> Candidate | None:
    """Words ``first..last`` as an outlet: ``None`` when they are generic
    (``State``, ``National``), a sentence's opening common word (``Local``),
    a demonym, a place or a known actor (found by its own name)."""
    keys = words.key
    while first <= last and keys[first] in ("the", "a", "an"):
        first += 1
    if first > last or first == last and first > 0 and keys[first - 1] in ("a", "an"):
        return None  # "an English newspaper": a kind of paper
    if all(keys[w] in GENERIC_MEDIA_WORDS or keys[w] in MEDIA_HEADS for w in range(first, last + 1)):
        return None  # "the TV channel"
    if words.sentence_start(first) and (keys[first] in common_words() or keys[first] in GENERIC_MEDIA_WORDS):
        return None
    aliases = gaz.aliases
    if keys[first] in gaz.demonyms or " ".join(keys[first:last + 1]) in aliases["place"] \
            or keys[first].endswith("s") and keys[first][:-1] in aliases["place"] \
            or " ".join(keys[first:last + 1]) in aliases["actor"] \
            or any(_known_outlet(gaz, " ".join(keys[lo:hi + 1])) for lo in range(first, last + 1)
                   for hi in range(lo, last + 1)):
        return None  # a place, or a known outlet inside ("Lebanons al-Manar TV channel": Al-Manar's)
    if first == last and first > 0 and keys[first - 1] == "the":  # "the Independent": one name however written
        return first - 1, last, "The " + words.surface[first], "media", first - 1 - last, 0
    return first, last, words.written(first, last), "media", first - last, 0


def _known_outlet(gaz: Gazetteer, key: str) -> bool:
    """Whether ``key`` names a news outlet the gazetteer knows."""
    alias = gaz.aliases["actor"].get(key)
    return alias is not None and getattr(gaz.actors.get(alias.target), "type", None) == "media"


def _name_before(gaz: Gazetteer, words: Words, kind: int) -> Candidate | None:
    """The outlet named by one to four capitalised words right before the kind word ``kind``."""
    last = kind - 1
    if last > 1 and not words.cap(last) and "-" in words.gap[last] and _joined(words, last - 1):
        last -= 2  # "Apple Daily pro-democracy newspaper", "Dawn English-language newspaper"
    if last < 0 or not _joined(words, last + 1) or not words.cap(last):
        return None
    if kind + 1 < len(words.key) and _joined(words, kind + 1) and _name_word(words, kind + 1):
        return None  # "the Catholic newspaper Munno", "Kurdish broadcaster NRT": the name follows
    return _candidate(gaz, words, _name_start(words, last), last)


def _name_start(words: Words, last: int) -> int:
    """Where a name ending at word ``last`` starts: up to four capitalised
    words, and an ``of`` between two (``Global New Light of Myanmar``)."""
    first, count = last, 1
    while first > 0 and count < _MAX_WORDS and _joined(words, first):
        if _name_word(words, first - 1):
            first -= 1
            count += 1
        elif words.key[first - 1] == "of" and first > 1 and words.cap(first - 2) and _joined(words, first - 1):
            first -= 2
            count += 1
        else:
            break
    return first


def _apposed(gaz: Gazetteer, words: Words, kind: int) -> Candidate | None:
    """The outlet named before an apposition that ends with the kind word
    ``kind`` (``Al-Watan, a pro-government daily, reported``): ``, a`` or
    ``, an`` at most four words before it, a comma or a stop after it."""
    keys, gap, n = words.key, words.gap, len(words.key)
    if kind + 1 < n and "," not in gap[kind + 1] and "." not in gap[kind + 1]:
        return None
    for article in range(kind - 1, max(kind - 5, 0), -1):
        if keys[article] in ("a", "an"):
            if "," not in gap[article] or not words.cap(article - 1):
                return None
            return _candidate(gaz, words, _name_start(words, article - 1), article - 1)
        if "," in gap[article] or not words.soft(article):
            return None
    return None


def _name_after(gaz: Gazetteer, words: Words, kind: int) -> Candidate | None:
    """The outlet named by one to four capitalised words right after the kind word ``kind``."""
    n = len(words.key)
    first = kind + 1
    if first >= n or not _joined(words, first) or not _name_word(words, first):
        return None
    last = first
    while last + 1 < n and last + 1 - first < _MAX_WORDS and _joined(words, last + 1) \
            and (words.cap(last + 1) or words.key[last] in _PARTICLES):
        last += 1
    return _candidate(gaz, words, first, last)


def _titled(gaz: Gazetteer, words: Words, word: int) -> Candidate | None:
    """A capitalised name holding the title word ``word`` in a report frame
    (``the Daily Nation reported``, ``according to Apple Daily``); a title
    word alone is a name after ``The`` only (``The Times reported``)."""
    keys, n = words.key, len(words.key)
    first = word
    while first > 0 and word - first + 1 < _MAX_WORDS and _joined(words, first) and words.cap(first - 1) \
            and keys[first - 1] != "the":
        first -= 1
    last = word
    while last + 1 < n and last + 1 - first < _MAX_WORDS and _joined(words, last + 1) and words.cap(last + 1):
        last += 1
    if not (_reports(words, last) or _cited(words, first)):
        return None
    if first == last and (first == 0 or keys[first - 1] != "the"):
        return None
    return _candidate(gaz, words, first, last)


def _state_media(gaz: Gazetteer, words: Words, state: int, named: dict[str, str]) -> Candidate | None:
    """``Syrian state TV``, ``Myanmar state television``, ``Iran's state-run
    media``: the state's media, named as written with its state (``named``:
    the name each state's media had first in the text)."""
    keys, n = words.key, len(words.key)
    at = state + 1
    if at < n and keys[at] == "run" and "-" in words.gap[at]:
        at += 1
    if at >= n or keys[at] not in _STATE_MEDIA or not words.soft(at) or state == 0 or not words.soft(state):
        return None
    last = at + 1 if keys[at] == "news" and at + 1 < n and keys[at + 1] == "agency" else at
    if keys[at] == "news" and last == at:
        return None
    if not (_reports(words, last) or _cited(words, state - 1)):
        return None  # ("Syrian state media made no mention of the attack")
    owner = keys[state - 1]
    country = gaz.demonyms.get(owner)
    if country is None:
        place = gaz.aliases["place"].get(owner)
        if place is None and owner.endswith("s"):  # "Syrias state media" (an apostrophe lost)
            place = gaz.aliases["place"].get(owner[:-1])
        if place is None or gaz.place_kind(place.target) != "country" \
                or state > 1 and keys[state - 2] in _PLACE_BEFORE and words.soft(state - 1):
            return None  # ("in southern Syria state media said": the country is a place there)
        country = place.target
    # One state's media under one name in a text (its first): "Syrian state TV ... Syrian state media".
    name = named.setdefault(country, words.written(state - 1, last))
    return state - 1, last, name, "media", state - 1 - last, 0
