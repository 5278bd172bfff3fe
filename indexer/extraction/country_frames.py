"""A country's role from the frame of its mention (issue 18 item 5): whether
the words around a country make it a place or an actor there, before the
general guards of :mod:`indexer.extraction.candidate_guards` (a locative
before it, a verb after it) decide.

Places: after a border word and ``with``/``between`` (``the border with
Iraq``, ``a river border crossing with Turkey``, ``the border between Syria
and Turkey``); after a locative and an adjective of the place (``in occupied
Palestine``, ``to neighbouring Turkey``, ``in war-torn Syria``); before its
possessive, an adjective and a place noun (``Afghanistan's immediate
neighbours``); before the ground (``on US soil``, ``on Turkey's territory``) and as the
subject of a report (``a report on Bahrain``); as a text's or a line's topic label (``Ethiopia: UN workers
detained``); in a list of destinations (``poured into nations such as Turkey,
Lebanon and Jordan``); coordinated with a wider place (``Iraq and the whole
region are free``). Actors: after ``ally of`` (``a close ally of the United
States``, ``the admission of Palestine``; the strikes a country owns are
:func:`indexer.extraction.role_words.strikes_agent`'s) and after a state's
stance, voice or act before ``of`` (``on behalf of Bulgaria``, ``the position
of the Netherlands``, ``the efforts of Qatar``) and after thanks ``to``
(``grateful to Jordan for hosting``, ``pay tribute to the State of Qatar``), and as
``the people of`` a state opening a clause with an act (``the people of Ecuador have
decided``; ``the people of Afghanistan have suffered`` stays a place). Both: a place that acts in a relative
clause (``into Turkey, which opened its border``). A state's formal name takes the frame
before the whole name (``the Republic of Guinea has received``: an actor, not a place after
``of``; :func:`formal_start`). Neither: a country opening an agreement's, a document's or an
institute's name (``the Liberia Peace Agreement``, ``the Mauritius Strategy``;
:func:`opens_name`). Such frames say the role whatever the country and the text, so they
are checked first. A country after a sentence-opening locative phrase and its comma, before a
lower-case word, is the clause's subject, no member of the phrase's list (``In Afghanistan,
Pakistan has played``; :func:`opening_subject`).

Leaf module: it reads the words and the place words only.
"""

from __future__ import annotations

from indexer.extraction.place_words import AGREEMENT_WORDS, BORDER_NOUNS, CONNECTORS, DASHES, DOCUMENT_WORDS
from indexer.extraction.words import Words

__all__ = ["before_border", "formal_start", "frame_role", "opening_subject", "opens_name"]

#: Nouns after a country (or a dash-joined pair of them) that make it a place (``the Sudan–Chad border``).
_BORDER_NOUNS = BORDER_NOUNS | {"borderlands"}
#: Words between a border noun and ``with`` (``border crossing with``).
_BORDER_KINDS = frozenset("crossing crossings line lines area areas region regions".split())
#: Words before a country (after a locative) that describe it as a place.
_PLACE_ADJECTIVES = frozenset("occupied neighbouring neighboring nearby mainland landlocked".split())
#: Second halves of hyphenated adjectives of a place's plight (``war-torn``).
_PLIGHT_WORDS = frozenset("torn hit ravaged stricken wracked racked ridden battered scarred affected".split())
#: Locatives that the adjective frame follows (no ``of``: ``the help of neighbouring Jordan``).
_LOCATIVES = frozenset("in into to from across throughout inside within near towards toward through "
                       "fled entered reached crossed".split())
#: Nouns before ``of`` that make the country after it an actor (``a close ally of the United States``,
#: ``the admission of Palestine``, ``at the invitation of Saudi Arabia``); a state's stance, voice or
#: act (``the position of the Netherlands``, ``on behalf of Bulgaria``, ``the efforts of Qatar``).
_ACTOR_OF = frozenset("ally allies partner partners adversary adversaries backer backers admission accession "
                       "invitation behalf position positions stance policy policies view views viewpoint "
                       "proposal proposals initiative initiatives effort efforts decision decisions request "
                       "commitment commitments expertise experience leadership role contribution contributions".split())
#: Auxiliaries after ``the people of X`` that open its own verb (``have opened``).
_PEOPLE_AUXILIARIES = frozenset("have has had will would can could must shall should continue continued".split())
#: Verbs after them that are no act: what the people undergo (``have suffered``, ``have been``).
_NOT_ACTS = frozenset("suffered suffer endured endure been lost faced face experienced experience borne bear "
                      "lived live known know witnessed witness seen see gone undergone paid died not".split())
#: Words of thanks before ``to`` that make the country after it an actor (``grateful to Jordan for hosting``).
_THANKS = frozenset("grateful thankful indebted gratitude thanks appreciation tribute congratulations "
                    "homage credit".split())
#: Place nouns after a possessive and one adjective (``Afghanistan's immediate neighbours``).
_POSSESSED_PLACES = frozenset("neighbours neighbors border borders frontier province provinces region "
                              "regions city cities town towns countryside coast territory territories".split())
#: Verbs of a state's act in a relative clause after it (``into Turkey, which opened its border``).
_RELATIVE_ACTS = frozenset("said announced denied refused rejected agreed opened closed hosted hosts sent deployed "
                           "accused condemned imposed launched backed supported".split())
#: Capitalised nouns of a state's formal name before ``of`` (``the Republic of Guinea``).
_STATE_NOUNS = frozenset("republic kingdom state federation sultanate emirate principality commonwealth "
                         "duchy confederation".split())
#: Words before such a noun in the formal name (``the Independent State of``, ``the Federal Republic of``).
_STATE_ADJECTIVES = frozenset("united federal federative democratic islamic people peoples socialist arab "
                              "plurinational bolivarian hashemite cooperative independent grand great "
                              "libyan lao".split())
#: Lower-case words of kinship before a formal name (``the brotherly Kingdom of Morocco``).
_KIN_WORDS = frozenset("brotherly sisterly sister brother friendly fraternal neighbouring neighboring".split())
#: Plural nouns of countries that a destination list follows (``into nations such as Turkey``).
_COUNTRY_NOUNS = frozenset("countries nations states neighbours neighbors destinations".split())
#: Words that open the list after such a noun.
_LIST_OPENERS = frozenset("like including notably especially particularly".split())
#: Words between the movement word and such a noun (``to neighbouring countries like``).
_LIST_QUALIFIERS = frozenset("the other several many some various neighbouring neighboring nearby third safe "
                             "these those different host".split())
#: Words of a movement towards such a list (not ``in``: ``officials in other countries including
#: Britain joined``, the countries' people act).
_TOWARDS = frozenset("into to towards toward across fled entered reached crossed".split())

#: Last words of a capitalised name that a country may open (``the Liberia Peace Agreement``, ``the
#: Afghanistan Compact``, ``the Syria Campaign``, ``Thailand Development Research Institute``, ``the
#: Solomon Islands Family Protection Act``), an organisation's (``the Kenya Human Rights Commission``).
_NAME_HEADS = AGREEMENT_WORDS | DOCUMENT_WORDS | frozenset(
    "compact pact campaign democrats institute foundation facility project act plan strategy programme program "
    "fund commission committee university hospital festival company corporation".split())
#: How many capitalised words after a country such a name may hold.
_NAME_WORDS = 4
#: The ground after ``on`` and a country: the country is where something happens (``on US soil``).
_GROUND_WORDS = frozenset("soil territory territories land lands ground".split())
#: Nouns of a text about a country before ``on`` (``a report on Bahrain``): the country is its subject place.
_TOPIC_NOUNS = frozenset("report reports study studies investigation inquiry briefing briefings "
                         "resolution resolutions mission conference hearing".split())


def opens_name(words: Words, first: int, last: int) -> bool:
    """Whether the country at words ``first..last`` opens a longer capitalised
    name that ends in a word of :data:`_NAME_HEADS`: the name's, no mention of
    the country as a place or an actor. Not after a locative (a headline's
    ``killed in Syria Report``)."""
    keys, n = words.key, len(words.key)
    if first > 0 and keys[first - 1] in _LOCATIVES:
        return False
    i = last + 1
    while i < n and i - last <= _NAME_WORDS and words.gap[i] == " " and (words.cap(i) or keys[i] in CONNECTORS):
        if keys[i] in _NAME_HEADS and words.cap(i):
            return True
        i += 1
    return False

#: Locatives that open a sentence's phrase before its subject (``In Afghanistan, Pakistan has``).
_OPENING_LOCATIVES = frozenset("in across throughout inside within at".split())
#: Nouns of a wider place a country is coordinated with (``Iraq and the whole region``).
_WIDER_PLACES = frozenset("region regions world area continent subregion neighbourhood neighborhood".split())
#: Words after such a noun that end the phrase (``Iraq and the whole region are free``).
_AFTER_WIDER = frozenset("are were have had will would can could must should remain remained need "
                         "deserve".split())
#: Words between ``and`` and such a noun.
_WIDER_WORDS = frozenset("the whole entire wider broader greater rest of its".split())


def opening_subject(words: Words, first: int, last: int) -> bool:
    """Whether the country at words ``first..last`` follows a sentence-opening
    locative phrase and its comma and comes before a lower-case word (``In
    Afghanistan, Pakistan has played``): the clause's subject, no member of a
    list of places (``In Lebanon, Jordan and Turkey``)."""
    keys, n, nxt = words.key, len(words.key), last + 1
    if nxt >= n or not words.soft(nxt) or words.cap(nxt) or keys[nxt] in ("and", "or") or first < 2:
        return False
    at = first - 1 if keys[first - 1] == "the" and words.soft(first) else first
    if words.gap[at].strip() != "," or "\n" in words.gap[at]:
        return False
    i = at - 1
    while i > 0 and words.soft(i) and keys[i - 1] not in _OPENING_LOCATIVES \
            and (words.cap(i - 1) or keys[i - 1] == "the"):
        i -= 1
    return keys[i - 1] in _OPENING_LOCATIVES and words.soft(i) and words.sentence_start(i - 1) if i > 0 else False


def _with_wider_place(words: Words, last: int) -> bool:
    """Whether ``and`` and a wider place follow word ``last`` (``Iraq and the
    whole region are free``, ``Afghanistan and the wider region``)."""
    keys, n = words.key, len(words.key)
    i = last + 1
    if i >= n or keys[i] != "and" or not words.soft(i):
        return False
    i += 1
    for _ in range(4):
        if i >= n or not words.soft(i) or words.cap(i):
            return False
        if keys[i] in _WIDER_PLACES:  # (the end of the phrase: not "the world community condemned")
            return i + 1 >= n or not words.soft(i + 1) or keys[i + 1] in _AFTER_WIDER
        if keys[i] not in _WIDER_WORDS:
            return False
        i += 1
    return False


def formal_start(words: Words, first: int) -> int:
    """The first word of the state's formal name that ends with the country
    at word ``first`` (``Federal`` in ``the Federal Republic of Germany``), or
    ``first``: the words before the whole name say its role (``the Republic of
    Guinea has received``: an actor), not the name's own ``of``."""
    keys = words.key
    i = first - 1
    if i > 0 and keys[i] == "the" and words.soft(first):
        i -= 1
    if i < 1 or keys[i] != "of" or not words.soft(i + 1) or not words.soft(i):
        return first
    i -= 1
    if keys[i] not in _STATE_NOUNS or not words.cap(i):
        return first
    while i > 0 and keys[i - 1] in _STATE_ADJECTIVES and words.cap(i - 1) and words.soft(i):
        i -= 1
    while i > 0 and keys[i - 1] in _KIN_WORDS and not words.cap(i - 1) and words.soft(i):
        i -= 1  # "in the brotherly State of Qatar": still after "in"
    return i


def before_border(words: Words, last: int) -> bool:
    """Whether a border noun follows word ``last``, maybe after one or two
    capitalised words each joined by a dash (``Sudan–Chad border``)."""
    keys, n = words.key, len(words.key)
    i = last + 1
    for _ in range(3):
        if i >= n or not words.soft(i):
            return False
        if keys[i] in _BORDER_NOUNS:
            return True
        if not (words.cap(i) and words.gap[i].strip(" \t") in DASHES):
            return False
        i += 1
    return False


def frame_role(words: Words, first: int, last: int) -> str | None:
    """``"place"``, ``"actor"`` or ``"both"`` (a place that acts in a relative
    clause) when the frame of the country at words ``first..last`` says its
    role, else ``None``."""
    keys = words.key
    first = formal_start(words, first)
    at = first - 1
    if at >= 0 and keys[at] == "the" and words.soft(first):
        at -= 1
    if _with_wider_place(words, last):
        return "place"
    if at < 1 or not words.soft(at + 1):
        return _label(words, first, last)
    prev = keys[at]
    if prev == "on" and (_on_soil(words, last) or keys[at - 1] in _TOPIC_NOUNS and words.soft(at)):
        return "place"
    if _destination_list(words, at):
        return "place"
    if prev in ("with", "between") and _border_before(words, at):
        return "place"
    if prev == "of" and keys[at - 1] in _ACTOR_OF and words.soft(at):
        return "actor"
    if prev == "of" and _people_act(words, at, last):
        return "actor"
    if prev == "to" and _thanked(words, at):
        return "actor"
    if at == first - 1 and (start := _place_adjective(words, at)) and keys[start - 1] in _LOCATIVES:
        return "place"
    if prev in _LOCATIVES and _relative_act(words, last):
        return "both"
    return _label(words, first, last)


def _on_soil(words: Words, last: int) -> bool:
    """Whether the ground itself follows the country ending at word ``last``,
    maybe after its possessive (``on US soil``, ``on Turkey's territory``)."""
    i = last + 1
    return i < len(words.key) and words.soft(i) and words.key[i] in _GROUND_WORDS


def _destination_list(words: Words, at: int) -> bool:
    """Whether word ``at`` ends ``such as``/``like``/``including`` after a
    plural country noun that a locative governs, maybe over one or two
    adjectives (``into nations such as``, ``to neighbouring countries like``,
    ``to several countries, including``): the list names destinations."""
    keys = words.key
    i = at - 1 if keys[at] == "as" and at > 0 and keys[at - 1] == "such" else at if keys[at] in _LIST_OPENERS else -1
    if i < 2 or keys[i - 1] not in _COUNTRY_NOUNS:
        return False
    for j in range(i - 2, max(i - 5, -1), -1):
        if keys[j] in _TOWARDS:
            return True
        if keys[j] not in _LIST_QUALIFIERS or not words.soft(j + 1):
            return False  # "to assist vulnerable countries like Kiribati": the verb's object
    return False


def _people_act(words: Words, at: int, last: int) -> bool:
    """Whether ``of`` at word ``at`` follows ``the people`` opening a clause and
    an auxiliary and a verb of no suffering follow the country ending at word
    ``last``, maybe after an apposition between commas (``The people of San
    Marino, guardians of peace, have opened their doors``): the state's people
    act; ``the people of Afghanistan have suffered`` stays a place."""
    keys, n = words.key, len(words.key)
    if at < 2 or keys[at - 1] != "people" or keys[at - 2] != "the" or not words.soft(at - 1) \
            or not (words.sentence_start(at - 2) or words.gap[at - 2].strip() in (",", ";")
                    or keys[at - 3] == "and" if at > 2 else True):
        return False
    i = last + 1
    if i < n and words.gap[i].strip() == ",":  # an apposition: go on after its closing comma
        close = next((j for j in range(i + 1, min(i + 16, n)) if words.gap[j].strip() == ","), None)
        if close is None:
            return False
        i = close
    if i + 1 >= n or keys[i] not in _PEOPLE_AUXILIARIES or not words.soft(i + 1) or words.cap(i + 1):
        return False
    return keys[i + 1] not in _NOT_ACTS


def _thanked(words: Words, at: int) -> bool:
    """Whether a word of thanks, tribute or congratulations comes up to four
    words before ``to`` at word ``at``, in the same phrase (``grateful to``,
    ``our deep gratitude to``, ``our thanks go to``, ``pay tribute to``)."""
    keys = words.key
    for i in range(at - 1, max(at - 5, -1), -1):
        if keys[i] in _THANKS:
            return True
        if not words.soft(i + 1):
            return False
    return False


def _border_before(words: Words, at: int) -> bool:
    """Whether a border noun (maybe with a kind word after it) ends right before word ``at``."""
    keys = words.key
    i = at - 1
    if i > 0 and keys[i] in _BORDER_KINDS and words.soft(i):
        i -= 1
    return keys[i] in _BORDER_NOUNS and words.soft(i + 1)


def _place_adjective(words: Words, at: int) -> int:
    """The first word of the lower-case adjective of a place (``occupied``,
    ``war-torn``) ending at word ``at``, or 0 if there is none."""
    key = words.key[at]
    if words.cap(at):
        return 0
    if key in _PLACE_ADJECTIVES:
        return at
    return at - 1 if key in _PLIGHT_WORDS and words.gap[at] in DASHES and at > 1 else 0


def _relative_act(words: Words, last: int) -> bool:
    """Whether ``which`` (not ``who``: ``a guard from Kenya who said``) and a verb of a state's act follow word
    ``last`` (``cross into Turkey, which opened its border``)."""
    keys, nxt = words.key, last + 1
    if nxt + 1 >= len(keys) or keys[nxt] != "which" or words.newline(nxt) \
            or words.gap[nxt].strip() not in ("", ","):
        return False
    return keys[nxt + 1] in _RELATIVE_ACTS and words.soft(nxt + 1)


def _label(words: Words, first: int, last: int) -> str | None:
    """``"place"`` for a country opening the text or a line before a colon
    (``Ethiopia: UN workers detained``), or before a possessive, an adjective
    and a place noun; else ``None``."""
    keys, n, nxt = words.key, len(words.key), last + 1
    if nxt >= n:
        return None
    gap = words.gap[nxt]
    if (first == 0 or words.newline(first)) and gap.startswith(":") and "\n" not in gap:
        return "place"
    if gap in ("’s ", "'s ", "’ ", "' ") and nxt + 1 < n and words.soft(nxt + 1) and not words.cap(nxt) \
            and keys[nxt + 1] in _POSSESSED_PLACES:
        return "place"
    return None
