"""Bodies known only by what they do: an all-capitals abbreviation or a
university that speaks or acts (``the FBI said``, ``ACR arrested``, ``Harvard
University said``), and the words a body's name may open with (``the 9th U.S.
Circuit Court of Appeals``, ``the Niger state Police Command``) or that make
it part of another name (``the Charter of the Organization of ...``).

Helpers of :class:`~indexer.extraction.org_names.OrganisationNames` and
:class:`~indexer.extraction.entities.Matcher`; no knowledge but the
gazetteer's aliases and the title words.
"""

from __future__ import annotations

import re

from collections.abc import Mapping
from itertools import compress
from typing import TYPE_CHECKING

from indexer.extraction.candidate_guards import SPEECH_VERBS, Candidate
from indexer.extraction.gazetteer_types import Alias
from indexer.extraction.name_lists import common_words
from indexer.extraction.people import title_words
from indexer.extraction.words import Words

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["DOCUMENTS", "NEW_HEADS", "acting_bodies", "generic_name", "in_document", "inside_other_name",
           "name_opening", "office_possessive", "opening_word_glued", "ordinal_before_name", "same_seat_follows",
           "rank_follows"]

#: Heads of names added in stop 34 (``South Carolina Department of Corrections``,
#: ``Ordnance Factory Board``, ``Multinational Joint Task Force``).
NEW_HEADS = frozenset("department board force".split())
#: Of those, the ones that with one word before them name a kind, not a body
#: (``Air Force``, ``Task Force``, ``Executive Board``: whose?).
_KIND_HEADS = frozenset("board force".split())
#: Acts of a body besides speech (``ACR arrested``, ``the FBI raided``).
_BODY_ACTS = frozenset("arrested arrests detained detains raided raids seized seizes charged charges "
                       "released releases killed kills attacked attacks abducted abducts "
                       "investigated investigates".split())
# (not ``reported``: ``FNA reported`` is mostly a wire credited as the source of the text)
#: Heads of bodies that are mostly where someone studies or works (``a student at
#: Sharif University``): a body only when it speaks or acts.
_SCHOOL_HEADS = frozenset("university college academy".split())
#: Capitalised names of documents a body's name may sit inside (``the Charter of the
#: Organization of the Islamic Conference``, ``the Statute of the International Court``).
DOCUMENTS = frozenset("charter convention conventions treaty statute statutes protocol covenant "
                       "constitution declaration".split())
#: Buildings named for the body they house (``the building of the Civil Register Department``).
_BUILDINGS = frozenset("building buildings premises".split())
#: Terms of a sentence served in a body's prisons (``life in the ...``).
_TERMS = frozenset("years months weeks days life".split())
#: Lower-case words between a place and a body named for it (``the Niger state Police Command``).
_UNIT_WORDS = frozenset("state province county".split())
#: Ranks written after the body's word they belong to (``a Class II Police Officer``).
_RANKS = frozenset("officer officers constable constables sergeant sergeants".split())
#: Auxiliaries between a body and its act (``the FBI has also said``).
_AUXILIARIES = frozenset("has have had will would also has already was is".split())
_ARTICLES = frozenset("the a an".split())
#: Lower-case words inside a spelt-out name (``Zimbabwe Congress of Trade Unions``).
_INNER_WORDS = frozenset("of for and the on".split())
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")
#: Abbreviations of no named body: Roman numerals, times, diseases, kinds of body and
#: offices (``the NGO said``, ``the CEO said``, ``the PPRO said``: a person).
_NOT_BODIES = frozenset("ii iii iv vi vii viii ix xi xii am pm tv gmt utc ok hiv aids covid "
                        "ngo ngos cso csos ceo cfo coo cto pro ppro dpo dpp dsp asp igp mla mlas mps".split())
#: Nouns after an abbreviation that make it a group that acts (``ACR fighters``, ``an ADF spokesman``).
_MEMBER_NOUNS = frozenset("fighters militants rebels gunmen insurgents militiamen troops soldiers members "
                          "spokesman spokeswoman spokesperson commander commanders leader leaders".split())


def acting_bodies(words: Words, actor_aliases: Mapping[str, Alias],
                  place_aliases: Mapping[str, object]) -> list[Candidate]:
    """Organisations the text shows acting that no other pattern finds:
    an abbreviation of 3 to 6 capitals (``the FBI said``, ``ACR arrested``,
    ``ACR fighters``) that the gazetteer does not know, that is no person's
    title spelt out in the text (``the PPRO said`` after ``Police Public
    Relations Officer``), on no line in capitals, named for the body it
    abbreviates when the text spells that out (``The IDA said`` after
    ``Independent Doctors Association``); two known abbreviations written as
    one (``YPGPYD militants``: the first); and a capitalised name ending in
    ``University``, ``College`` or ``Academy`` that speaks or acts
    (``Harvard University said``)."""
    keys, n = words.key, len(words.key)
    out: list[Candidate] = []
    # (only runs of capitals and school words are looked at: asked of every text)
    looked = list(compress(range(n), map(str.isupper, words.surface)))  # (one C-level pass)
    if not _SCHOOL_HEADS.isdisjoint(words.key_set()):
        looked = sorted(set(looked) | {i for i, key in enumerate(keys) if key in _SCHOOL_HEADS})
    for i in looked:
        key = keys[i]
        if 3 <= len(key) <= 10 and key not in actor_aliases and key not in place_aliases and words.upper(i) \
                and (_acts(words, i) or i + 1 < n and keys[i + 1] in _MEMBER_NOUNS and words.soft(i + 1)) \
                and key.isalnum() and not key[0].isdigit() and sum(c.isalpha() for c in key) >= 2 \
                and key not in _NOT_BODIES \
                and not (i > 0 and words.upper(i - 1) and words.soft(i)) and not (i + 1 < n and words.upper(i + 1)):
            joined = _joined_abbreviations(key, actor_aliases)
            if joined is not None:
                out.append((i, i, joined, "organisation", 0, 0))
                continue
            spelt = _spelt_out(words, i) if len(key) <= 6 else None
            if spelt is None and len(key) <= 6:
                out.append((i, i, words.surface[i], "organisation", 0, 0))
            elif spelt is not None and keys[spelt[1]] not in title_words():
                out.append((i, i, words.written(*spelt), "organisation", 0, 0))
        elif key in _SCHOOL_HEADS and i > 0 and words.cap(i) and _acts(words, i):
            first = i
            while first > 0 and words.soft(first) and words.cap(first - 1) and keys[first - 1] != "the":
                first -= 1
            if first < i and " ".join(keys[first:i + 1]) not in actor_aliases:
                out.append((first, i, words.written(first, i), "organisation", first - i, 0))
    return out


def _acts(words: Words, last: int) -> bool:
    """Whether a speech verb or a body's act follows word ``last``, maybe after an
    auxiliary (``the FBI has said``; not a modal: ``the CTBT should become``)."""
    keys, n = words.key, len(words.key)
    i = last + 1
    while i < n and i - last <= 2 and words.soft(i) and keys[i] in _AUXILIARIES:
        i += 1
    return i < n and words.soft(i) and not words.cap(i) and (keys[i] in SPEECH_VERBS or keys[i] in _BODY_ACTS)


def _joined_abbreviations(key: str, actor_aliases: Mapping[str, Alias]) -> str | None:
    """The actor of the first of two known abbreviations written as one word
    (``ypgpyd``: YPG's), or None."""
    for cut in range(2, len(key) - 1):
        head, tail = actor_aliases.get(key[:cut]), actor_aliases.get(key[cut:])
        if head is not None and tail is not None:
            return head.target
    return None


def _spelt_out(words: Words, at: int) -> tuple[int, int] | None:
    """The capitalised words elsewhere in the text whose initials are the
    abbreviation at ``at`` (``Police Public Relations Officer`` -> PPRO,
    ``Zimbabwe Congress of Trade Unions`` -> ZCTU, over lower-case ``of``,
    ``for``, ``and``, ``the``): ``(first, last)``, or None."""
    letters = words.key[at]
    keys, n = words.key, len(words.key)
    for j in range(n):
        if j == at or keys[j][0] != letters[0] or not words.cap(j):
            continue
        k, x = j, 0
        while k < n and x < len(letters):
            if words.cap(k) and keys[k][0] == letters[x] and (k == j or words.soft(k)):
                x += 1
                k += 1
            elif keys[k] in _INNER_WORDS and k > j and words.soft(k):
                k += 1
            else:
                break
        if x == len(letters) and not (k < n and words.cap(k) and words.soft(k)):
            return j, k - 1
    return None


def name_opening(words: Words, first: int) -> int:
    """Where a body's name found from ``first`` really opens: before an ordinal
    and a dotted country abbreviation (``9th U.S. Circuit Court``), or before
    a known place and a lower-case ``state`` (``Niger state Police Command``)."""
    keys = words.key
    i = first
    # a dotted abbreviation: single capitals joined by dots ("U.S.", "U.K.")
    if i >= 2 and len(keys[i - 1]) == 1 and words.upper(i - 1) and words.gap[i] == ". " \
            and len(keys[i - 2]) == 1 and words.upper(i - 2) and words.gap[i - 1] == ".":
        i -= 2
    if i >= 1 and _ORDINAL.match(keys[i - 1]) and words.gap[i] == " ":
        i -= 1
    if i == first and i >= 2 and keys[i - 1] in _UNIT_WORDS and not words.cap(i - 1) and words.cap(i - 2) \
            and words.soft(i - 1) and words.soft(i):
        return i - 2
    return i


def inside_other_name(words: Words, first: int) -> bool:
    """Whether the body named from ``first`` is named only inside another
    name: a document's (``the Charter of the Organization of the Islamic
    Conference``) or a building's (``the building of the Civil Register
    Department``, hit by a shell: a place there), or where a sentence is served
    (``40 years in the Texas Department of Criminal Justice``)."""
    at = _of_before(words, first)
    if at >= 1 and (words.key[at - 1] in DOCUMENTS and words.cap(at - 1) or words.key[at - 1] in _BUILDINGS):
        return True
    # a sentence served in it ("40 years in the Texas Department of Criminal Justice"): a prison there
    keys = words.key
    return first >= 3 and keys[first - 1] == "the" and keys[first - 2] == "in" and keys[first - 3] in _TERMS


def in_document(words: Words, first: int) -> bool:
    """Whether the name opening at ``first`` follows a document's ``Charter of
    (the)``, ``Statute of``...: part of the document's name, no actor there."""
    at = _of_before(words, first)
    return at >= 1 and words.key[at - 1] in DOCUMENTS and words.cap(at - 1)


def _of_before(words: Words, first: int) -> int:
    """The ``of`` right before the name at ``first`` (over ``the``), or -1."""
    at = first - 1
    if at >= 0 and words.key[at] == "the":
        at -= 1
    return at if at >= 1 and words.key[at] == "of" else -1


def generic_name(keys: list[str], first: int, head: int, last: int, actor_aliases: Mapping[str, Alias]) -> bool:
    """Whether a name ending in one of :data:`NEW_HEADS` is no body's own: one
    word and ``force`` or ``board`` (``Air Force``, ``Executive Board``), or a
    known actor's name ends it after words glued before (``... Pass Russian
    Air Force``: the gazetteer's Russian Air Force)."""
    if keys[head] not in NEW_HEADS:
        return False
    if keys[head] in _KIND_HEADS and head - first < 2 and last == head:
        return True
    return any(" ".join(keys[j:head + 1]) in actor_aliases for j in range(first + 1, head))


def office_possessive(words: Words, at: int, head: int, titles: frozenset[str]) -> bool:
    """Whether the possessive before the head word ``at`` is an office's, part of
    the body's name (``the Montgomery County Prosecutor's Office``, ``the San
    Diego County Sheriff's Department``): a capitalised title word after another
    capitalised word, right before the head."""
    return at == head and at >= 2 and words.key[at - 1] in titles and words.cap(at - 1) \
        and words.cap(at - 2) and words.key[at - 2] not in _ARTICLES and words.soft(at - 1)


def ordinal_before_name(words: Words, at: int) -> bool:
    """Whether word ``at`` is an ordinal inside a name, before a capitalised
    word (``the U.S. Court of Appeals for the 9th Circuit``)."""
    return at + 1 < len(words.key) and _ORDINAL.match(words.key[at]) is not None and words.cap(at + 1) \
        and words.soft(at + 1)


def rank_follows(words: Words, last: int, any_case: bool = False) -> bool:
    """Whether a capitalised rank follows the name ending at ``last`` (``a Class
    II Police Officer``): the words are a rank, no body's name; with
    ``any_case``, a lower-case rank too (``the ... Department of Oakland Police
    officer John Hege``: the complement is a person's unit)."""
    nxt = last + 1
    return nxt < len(words.key) and words.key[nxt] in _RANKS and (any_case or words.cap(nxt)) and words.soft(nxt)


def opening_word_glued(words: Words, first: int, head: int, gaz: Gazetteer) -> bool:
    """Whether the name's first word only opens the sentence: an ordinary
    English word (``Even``, ``Only``) before a demonym, place or known actor
    that the two do not name together (``Even British Labour Party``; not
    ``New Zealand Labour Party``)."""
    if first >= head - 1 or not words.sentence_start(first):
        return False
    keys = words.key
    nxt, pair = keys[first + 1], " ".join(keys[first:first + 2])
    actors, places = gaz.aliases["actor"], gaz.aliases["place"]
    return keys[first] in common_words() and (nxt in gaz.demonyms or nxt in places or nxt in actors) \
        and pair not in places and pair not in actors and keys[first] not in actors and keys[first] not in places


def same_seat_follows(words: Words, at: int, first: int) -> bool:
    """Whether ``the``, the first word of the name opening at ``first`` and more
    capitalised words start at word ``at`` (after ``and``): a second body of the
    same seat (``the Minnesota Department of Transportation and the Minnesota
    State Patrol``), not a place ending the first name (``Commission for Asia
    and the Pacific``)."""
    keys, n = words.key, len(words.key)
    while first < at and keys[first] in _ARTICLES:
        first += 1
    return at + 2 < n and keys[at] == "the" and keys[at + 1] == keys[first] and words.cap(at + 1) \
        and words.cap(at + 2) and words.soft(at + 2)
