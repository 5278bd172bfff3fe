"""Places the text introduces by their kind: ``the village of Kafr Awid``,
``al-Rashidin neighbourhood``, ``Laurel County``.

Such places are mostly missing from the world data; the text says what they
are. A rule of its own, apart from the world table's resolution
(``indexer.extraction.resolve``), which it only follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import compress

from indexer.analysis import STOPWORDS
from indexer.extraction.place_words import (
    CONNECTORS,
    DATE_NAMES,
    INSTITUTION_WORDS,
    LOCATIVES,
    NOT_NAMES,
    PLACE_WORDS_AFTER,
    POSSESSIVE_GAP,
)
from indexer.extraction.words import Words

__all__ = ["KIND_AFTER", "KIND_BEFORE", "KIND_IN_NAME", "KIND_PLURAL", "KIND_WORDS", "kind_named_places"]

#: Kind words that introduce a place the data may not know: ``the village of
#: Kafr Awid``, ``al-Rashidin neighbourhood`` (lower case, before or after the
#: name), ``Laurel County``, ``Hama Governorate`` (capitalised, after it, part of
#: the name). Values: the output kind.
#: Plural kind words before a list of names (``the villages of al-Qajar and al-Zara``).
KIND_PLURAL = {"villages": "city", "towns": "city", "cities": "city", "neighbourhoods": "city",
               "neighborhoods": "city", "districts": "subdivision", "provinces": "subdivision"}
KIND_BEFORE = {"village": "city", "town": "city", "city": "city", "hamlet": "city",
               "neighbourhood": "city", "neighborhood": "city", "district": "subdivision",
               "suburb": "city", "municipality": "subdivision", "governorate": "subdivision",
               "province": "subdivision", "county": "subdivision", "region": "region", "area": "region",
               # landforms named so ("the mountains of Svaneti", "the island of Tortola")
               "mountain": "region", "mountains": "region", "island": "region", "peninsula": "region"}
KIND_AFTER = {"village": "city", "neighbourhood": "city", "neighborhood": "city",
              "district": "subdivision", "quarter": "city", "suburb": "city", "camp": "city",
              "crossing": "city"}
KIND_IN_NAME = {"county": "subdivision", "governorate": "subdivision", "province": "subdivision",
                "district": "subdivision", "oblast": "subdivision", "parish": "subdivision",
                "prefecture": "subdivision", "municipality": "subdivision"}
#: More lower-case words inside a place's name (``Port-au-Prince``).
_NAME_LINKS = frozenset("au aux du di en sur lès les".split())
#: Kind words of an apposition after a name (``Tamarasheni, a Georgian town``, ``Grapeland, a small town``).
KIND_APPOSED = {"town": "city", "village": "city", "city": "city", "hamlet": "city", "suburb": "city",
                "community": "city", "neighborhood": "city", "neighbourhood": "city"}
#: Words after such a kind word that end its noun phrase (not ``a town councilman``, a person).
_APPOSITION_ENDS = frozenset("in of near on outside about that where with just located some a an the "
                             "north south east west northeast northwest southeast southwest".split())
#: Locatives before ``X area`` that make X a place.
_AREA_LOCATIVES = frozenset("in near at around into from outside inside".split())
#: Kind words after a name that make it a place only after a locative or ``the``
#: (``in Adra area``, ``in Cibitoke town``, ``the Vanni region``; not ``Hamad area
#: commanders``, ``the Kwazuri town council``, ``a Kurdish region``). Values: the output kind.
_KIND_AFTER_LOCATIVE = {"area": "region", "town": "city", "region": "region"}
#: Words after ``X town`` that make it a body's or its people's modifier (``the Kwazuri town council``).
_BODY_WORDS = INSTITUTION_WORDS | PLACE_WORDS_AFTER
#: Words between a name and ``camp`` that keep it the camp's name (``the Atmeh refugee camp``).
_CAMP_MODIFIERS = frozenset("refugee refugees idp idps displacement displaced".split())
KIND_WORDS = frozenset(KIND_APPOSED) | frozenset(KIND_BEFORE) | frozenset(KIND_AFTER) | frozenset(KIND_IN_NAME) | frozenset(KIND_PLURAL) | {"town", "area"}
#: Ends of nationality adjectives (``European``, ``Lebanese``, ``Kurdish``) and a
#: community's adjectives (``an Alawite neighbourhood``, ``a Sunni district``).
_ADJECTIVE_END = re.compile(r"(?:ean|ian|ese|ish|ite)$|^(?:sunni|shia|alawi|druze|yazidi|ismaili|muslim|jewish|"
                            r"turkmen|catholic|orthodox)$")
#: More adjective ends before ``region`` (``Nordic``, ``West African``, ``Sahelo-Saharan``).
_REGION_ADJECTIVE = re.compile(r"(?:ic|can|ran)$")
#: Counts before a plural kind word whose phrase a dash or a colon closes before the list.
_COUNTS = frozenset("two three four five six seven eight nine ten several".split())
_LIST_DASHES = frozenset(("-", "–", "—", ":"))
_PHRASE_WORDS = 7
_AL = frozenset("al el ad an ar as ash az".split())


def _article_before(words: Words, k: int) -> bool:
    """Whether ``the`` or ``a`` comes one or two lower-case words before word
    ``k`` (``the nearby town``, ``a rebel-held town``)."""
    keys = words.key
    for back in (2, 3):
        i = k - back
        if i < 0 or keys[i] not in ("the", "a"):
            continue
        # (a capitalised word joined to a lower-case one by a hyphen is one modifier: "Georgian-controlled")
        if all((not words.cap(j) or j + 1 < k and words.gap[j + 1] == "-" and not words.cap(j + 1))
               and keys[j] not in STOPWORDS and words.soft(j) for j in range(i + 1, k)):
            return True
    return False


def _list_start(words: Words, k: int) -> int:
    """The first word of the list a plural kind word at ``k`` opens, or 0:
    after ``of`` (``the villages of``), or after a dash or a colon that ends
    the phrase of a counted kind word (``three villages south of Aleppo -``,
    ``two towns in Hama:``)."""
    keys, n = words.key, len(words.key)
    if k < 1 or k + 2 >= n:
        return 0
    if keys[k + 1] == "of" and words.soft(k + 1) \
            and (keys[k - 1] in ("the", "two", "three") or _article_before(words, k)):
        return k + 2
    if keys[k - 1] not in _COUNTS and not keys[k - 1].isdigit():
        return 0
    for i in range(k + 1, min(k + _PHRASE_WORDS, n)):
        gap = words.gap[i].strip()
        if gap in _LIST_DASHES and words.cap(i):
            return i
        if gap:
            return 0
    return 0


def _clear_member(words: Words, run: tuple[int, int], taken: set[int], common: frozenset[str]) -> bool:
    """Whether a list member written without commas around it is one name:
    one or two words besides articles, not an ``common`` English word (the
    end of a known name: ``Baghdad Station``), before ``and``, a known place
    or the list's end (``Rastan Talbeesah Ter Maaleh and Zafarana``)."""
    lo, hi = run
    if sum(words.key[w] not in _AL for w in range(lo, hi + 1)) > 2 or words.key[lo] in common:
        return False
    nxt = hi + 1
    return nxt >= len(words.key) or not words.soft(nxt) or words.key[nxt] == "and" or nxt in taken \
        or not words.cap(nxt)


def kind_named_places(words: Words, taken: set[int], stop: Iterable[str] = (),
                      common: frozenset[str] = frozenset()) -> list[tuple]:
    """Places the text introduces by their kind, as candidates ``(first, last,
    name, kind, first - last, 0)``: ``the village of Kafr Awid``, ``the town
    of Talbiseh``, ``al-Rashidin neighbourhood``, ``Laurel County``. Villages
    and neighbourhoods are mostly missing from the world data (GeoNames keeps
    places with a recorded population); the text itself says what they are,
    as it defines an actor (``Long Name (ACR)``). The name is as written; it
    has no coordinates. Names touching ``taken`` words are left alone."""
    keys, n = words.key, len(words.key)
    if KIND_WORDS.isdisjoint(words.key_set()):
        return []
    out: list[tuple] = []
    used: set[int] = set()
    stop = frozenset(stop)

    def name_run(first: int, step: int) -> tuple[int, int] | None:
        """The capitalised run (``al-`` particles inside) from ``first``
        forwards (``step`` 1) or backwards (-1), at most four words."""
        if not (0 <= first < n) or not words.cap(first) or first in taken:
            return None
        i, last = first, first
        while True:
            j = i + step
            link = j if step > 0 else i
            if 0 <= j < n and j in taken and words.soft(link) and words.cap(j) \
                    and not POSSESSIVE_GAP.match(words.gap[link]):
                return None  # "Pudong New District": the run is part of a longer name
            if not (0 <= j < n) or j in taken or not words.soft(link) or abs(j - first) >= 4:
                break
            if step < 0 and keys[j] in STOPWORDS and keys[j] not in CONNECTORS:
                break
            if words.cap(j) and keys[j] not in DATE_NAMES:
                i = last = j
            elif (keys[j] in CONNECTORS or keys[j] in _NAME_LINKS) and 0 <= j + step < n and words.soft(max(j, j + step)) \
                    and (words.cap(j + step) and keys[j + step] not in DATE_NAMES
                         or step < 0 and keys[j] in ("al", "el", "ad", "an", "ar", "as", "ash", "az")):
                i = j
                if step < 0:
                    last = j  # "al-Rashidin": the particle opens the name
            else:
                break
        lo, hi = sorted((first, last))
        if keys[lo] in STOPWORDS and words.cap(lo) or keys[lo] in NOT_NAMES or keys[hi] in NOT_NAMES:
            return None
        if not taken.isdisjoint(range(lo, hi + 1)) or not used.isdisjoint(range(lo, hi + 1)):
            return None
        if hi == lo and (words.upper(lo) and len(words.surface[lo]) > 1 or keys[lo] in stop):
            return None
        return lo, hi

    def add(lo: int, hi: int, kind: str) -> None:
        name = words.written(lo, hi)
        used.update(range(lo, hi + 1))
        out.append((lo, hi, name, kind, lo - hi, 0))

    for k in compress(range(n), map(KIND_WORDS.__contains__, keys)):
        key = keys[k]
        if key in KIND_BEFORE and not words.cap(k) and k + 2 < n and keys[k + 1] == "of" \
                and words.soft(k + 1) and words.soft(k + 2) and k > 0 and keys[k - 1] in ("the", "a") \
                or key in KIND_BEFORE and not words.cap(k) and k + 2 < n and keys[k + 1] == "of" \
                and words.soft(k + 1) and words.soft(k + 2) and k > 1 and words.cap(k - 1):
            run = name_run(k + 2, 1)
            if run is not None:
                add(*run, KIND_BEFORE[key])
        elif key in KIND_BEFORE and not words.cap(k) and k + 2 < n and keys[k + 1] == "of" \
                and words.soft(k + 1) and words.soft(k + 2) and _article_before(words, k):
            run = name_run(k + 2, 1)  # "the nearby town of Kafr Awid", "the rebel-held town of X"
            if run is not None:
                add(*run, KIND_BEFORE[key])
        elif key in KIND_PLURAL and not words.cap(k) and (start := _list_start(words, k)):
            # "the villages of al-Qajar and al-Zara", "three villages south of Aleppo - Zeitan,
            # Khalsa and Barna": each name of the list
            at = start
            lost = False  # whether members follow each other without commas
            while at < n and (words.soft(at) or at == start or words.gap[at].strip() == ","):
                if at in taken and words.cap(at):
                    # a member the data knows ("the towns of Rastan, Talbiseh, Ter Maaleh and
                    # Zafarana"): the list goes on after it, even where its commas were lost
                    while at < n and at in taken and (words.soft(at) or "," in words.gap[at]):
                        at += 1
                    if at < n and keys[at] == "and" and words.soft(at):
                        at += 1
                    elif at < n and words.soft(at) and words.cap(at):
                        lost = True
                    elif not (at < n and words.gap[at].strip() == ","):
                        break
                    continue
                lead = keys[at] in _AL and at + 1 < n and "-" in words.gap[at + 1]  # "al-Zara"
                run = name_run(at + 1 if lead else at, 1)
                if run is None:
                    break
                if lost and not _clear_member(words, run, taken, common):
                    break  # "Mashhad al-Kallasa Salihiya and ...": where one name ends is unclear
                add(at if lead else run[0], run[1], KIND_PLURAL[key])
                at = run[1] + 1
                if at < n and keys[at] == "and" and words.soft(at):
                    at += 1
                elif not (at < n and words.gap[at].strip() == ","):
                    break
        if key in KIND_APPOSED and not words.cap(k):
            # "Tamarasheni, a Georgian town": a name, a comma, "a", at most two modifiers, the kind word
            i = k - 1
            while i > k - 3 and i > 0 and keys[i] not in ("a", "an") and keys[i] not in STOPWORDS and words.soft(i):
                i -= 1
            ends = k + 1 >= n or not words.soft(k + 1) or keys[k + 1] in _APPOSITION_ENDS
            if ends and i >= 1 and keys[i] in ("a", "an") and words.gap[i].strip() == "," and words.soft(k) \
                    and all(words.soft(j) for j in range(i + 1, k)):
                run = name_run(i - 1, -1)
                if run is not None:
                    add(*run, KIND_APPOSED[key])
                    continue
        if key == "camp" and k > 2 and keys[k - 1] in _CAMP_MODIFIERS and not words.cap(k) \
                and words.soft(k) and words.soft(k - 1):
            # "the Atmeh refugee camp", "in Bantelo IDP camp" (not "a Rohingya refugee camp": a people's)
            run = name_run(k - 2, -1)
            if run is not None and run[0] > 0 and (keys[run[0] - 1] == "the" or keys[run[0] - 1] in LOCATIVES) \
                    and not _ADJECTIVE_END.search(keys[run[1]]):
                add(*run, "city")
            continue
        # "Talaingod town of Davao del Norte": "town" after a name only with its host.
        after_kind = key in KIND_AFTER or key == "town" and k + 2 < n and keys[k + 1] == "of" and words.cap(k + 2)
        if after_kind and not words.cap(k) and k > 0 and words.soft(k) and not (
                # "a European neighbourhood of peace": a common noun's phrase
                k + 2 < n and keys[k + 1] == "of" and not words.cap(k + 2)) \
                and not _ADJECTIVE_END.search(keys[k - 1]):
            run = name_run(k - 1, -1)
            if run is not None:
                add(*run, KIND_AFTER.get(key, "city"))
        elif key in _KIND_AFTER_LOCATIVE and not words.cap(k) and k > 1 and words.soft(k) \
                and not _ADJECTIVE_END.search(keys[k - 1]) \
                and not (k + 1 < n and words.soft(k + 1) and keys[k + 1] in _BODY_WORDS):
            # "in Adra area", "near al-Talila area", "in Cibitoke town", "the Vanni region": only
            # after a locative (or "the" before a region), no body's word after it
            # ("Hamad area commanders": anything's area)
            run = name_run(k - 1, -1)
            before = keys[run[0] - 1] if run is not None and run[0] > 0 else ""
            if run is not None and (before in _AREA_LOCATIVES or key == "region" and before == "the"
                                    and not _REGION_ADJECTIVE.search(keys[k - 1])
                                    and keys[run[0]] not in stop):
                # (not "the Nordic region", "the West African region", "the Arab Gulf region")
                add(*run, _KIND_AFTER_LOCATIVE[key])
        elif key in KIND_IN_NAME and words.cap(k) and k > 0 and words.soft(k) and k not in taken \
                and not (key == "district" and k + 1 < n and words.soft(k + 1) and words.cap(k + 1)):
            run = name_run(k - 1, -1)
            if run is not None:
                lo = run[0]
                add(lo, k, KIND_IN_NAME[key])
    return out
