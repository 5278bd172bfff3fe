"""People's names in a statement: where they are, and one full name per person.

Researchers filter by ``actor:"Volker Türk"``, so a person must come out as one
canonical name however the text names them: ``UN High Commissioner for Human
Rights Volker Türk``, then ``Türk``, ``Mr Türk``. A name is a run of
capitalised words (with particles: ``bin``, ``al-``, ``von der``) that some cue
makes a person's:

- a title or role right before it, capitalised inside the run or not
  (``Foreign Minister Sergei Lavrov``, ``spokesperson Liz Throssell``, ``Mr
  Lavrov``);
- a first name from the first-name list (``Elizabeth Hoff``);
- a reporting verb or a role after a comma (``said Bintou Keita``, ``Bintou
  Keita said``, ``Liz Throssell, spokesperson for OHCHR``);
- cues for first names the list lacks (``indexer.extraction.person_cues``) and
  leaders named through their group (``indexer.extraction.leader_groups``).

Later short mentions (the surname alone, or after a title) resolve to the full
name found in the same text. A run that the gazetteer knows as something else
(``Human Rights Watch``) or that holds an institution word (``Jordan Times``,
``General Assembly``) is not a person. The cue words are in
``data/people.tsv``; the first-name list comes from the ``faker`` package's
person providers (Latin-script names of every locale), read once and cached on
disk (``indexer.extraction.name_lists``), so extraction needs no network.

The work per text is a few regular-expression passes; Python looks only at
the multi-word capitalised runs, and what a run's own words say is worked out
once per distinct run (``indexer.extraction.run_shapes``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from indexer.analysis import STOPWORDS
from indexer.extraction.chinese_names import chinese_name_start
from indexer.extraction.gazetteer_types import name_key
from indexer.extraction.name_lists import common_words, first_names
from indexer.extraction.leader_groups import leader_mentions
from indexer.extraction.person_cues import AGE_AFTER, VERB_AFTER, apposition_after, cue_before, surname_start
from indexer.extraction.person_mentions import LANDFORM_SURNAMES, PersonSpan, resolve_mentions
from indexer.extraction.run_shapes import RunShapes, run_key

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["PeopleFinder", "people_finder", "title_words"]

_UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper() and c.isalpha())
_LETTER = r"[^\W\d_]"
#: A capitalised word (a possessive ``'s`` is not part of it). Possessive
#: (``*+``): what may follow a word (a full stop, a blank) never starts with a
#: character it takes, so giving characters back only made failing runs slow.
_WORD = rf"[{_UPPER}](?:{_LETTER}|['’](?![sS]\b){_LETTER}|[-‐]{_LETTER})*+"
#: Abbreviated titles and initials, the only words a full stop may end inside a run.
_ABBREVIATED = "|".join(f"(?<={a}\\.)" for a in
                        "Mr Ms Dr St Jr Lt Mrs Gen Col Maj Sgt Rev Sen Rep Adm Capt Brig Prof Cmdr Gov".split())
_PARTICLE = r"(?:bin|ibn|bint|abu|abd|al|el|de|del|della|di|da|dos|das|du|van|von|der|den|ter|le|la|ould|ben|y)"
#: Blanks between a name's words: a single line break too (transcripts wrap lines
#: mid-sentence: ``Ms. Mary\nRobinson``), never a blank line.
_BLANKS = r"(?:[ \t]*\n[ \t]*|[ \t]+)"
_SEPARATOR = rf"(?:\.(?:(?<=\b[A-Z]\.)|{_ABBREVIATED}))?{_BLANKS}(?:{_PARTICLE}{_BLANKS})*"
#: Two or more capitalised words (one line break at most between them), with particles between them
#: (``al-``, ``d'``: ``Miguel d'Escoto Brockmann``; starting with a capital: the pattern then runs fast).
_RUN = re.compile(rf"{_WORD}(?:{_SEPARATOR}(?:(?:al|el|as|ash|ad|ar|at|az|an)[-‐]|[dD]['’])?{_WORD})+")
#: ``_RUN`` for an ASCII text: its two Unicode classes narrowed to their ASCII
#: members (the same matches there), a fifth fewer instructions. Derived from
#: ``_RUN``, so that the two cannot drift apart.
_RUN_ASCII = re.compile(_RUN.pattern.replace(f"[{_UPPER}]", "[A-Z]").replace(_LETTER, "[A-Za-z]"))
#: A reporting verb right before a name (``said Bintou Keita``; also ``according to``).
_VERBS_BEFORE = frozenset("said says told added wrote stated explained noted".split())
_ABBREVIATIONS = frozenset("mr mrs ms dr prof gen col lt maj capt sgt rev sen rep brig adm cmdr st jr gov".split())
_COMMA_ROLE = re.compile(r",[ \t]+(?:(?:the|a|an|its|their)[ \t]+)?(?:[\w-]+['’]s[ \t]+)?([\w-]+)(?:[ \t]+([\w-]+))?")
_LONG_WORD = re.compile(r"\b\w{3,}")
_CAPPED_WORD = re.compile(rf"\b[{_UPPER}]\w{{2,}}")
#: Titles after which one word is a name (a surname): not "General Electric".
_SINGLE_NAME_TITLES = frozenset(
    "mr mrs ms miss dr prof president sheikh shaykh ayatollah imam pope king queen prince princess "
    "emir sultan senator ambassador chancellor premier minister governor mayor judge envoy "
    "spokesperson spokesman spokeswoman secretary-general commissioner rapporteur lord lady baroness".split())
#: Function words that end a name though the search keeps them (``Hussein Malla Over 20 ...``).
_FUNCTION_WORDS = frozenset(
    "over under after before into onto with without against amid among about above below across "
    "behind beyond during until upon via near off out up down per than our your their his her its "
    "we you they he she it this that these those here there more most new".split())
#: The last name of a list of people: `` and`` then two capitalised words, no third.
_LIST_CLOSER = re.compile(r",? and ([A-Z][a-z]+(?:-[a-z]+)? [A-Z][a-z]+(?:-[a-z]+)?)(?![\w'’-]| [A-Z])")
#: Labels of a picture's credit line that follow the name (``Dionne Gain Credit:``).
_CREDIT_WORDS = frozenset("credit credits photo photos photograph illustration image images caption".split())
#: ``Abu Yazan``, ``Umm Ahmed``: a kunya opens the name before a first name.
_ARABIC_KUNYA = frozenset("abu umm abd abdul abdel".split())
_ROMAN = frozenset("ii iii iv v vi jr".split())
#: A word ending in a participle after a hyphen describes, it names no one (``Mainland-born``).
_COMPOUND_MODIFIER = re.compile(
    r"[-‐](?:born|based|backed|led|owned|funded|run|held|linked|affiliated|allied|appointed|elected|"
    r"educated|trained|raised|bred)$")
#: Words that open a sentence, never a name (``Although Mandelstam wrote``).
_OPENERS = frozenset(
    "although though whereas however meanwhile moreover furthermore nevertheless nonetheless yesterday "
    "today tonight instead thus hence".split())
#: A middle initial (``Matthew D. Flores``): capitals, but no acronym.
_INITIAL = re.compile(r"[A-Z]\.")
#: A place's kind word after a name (alone or closing a list of two): the name is a place's, named after someone.
_PLACE_KIND_AFTER = re.compile(
    r"[ \t]+(?:and[ \t]+(?:(?:al|el)-)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?[ \t]+)?"
    r"(?:crossings?|neighbou?rhoods?|villages?|districts?|camps?|checkpoints?|streets?|squares?|roundabouts?"
    r"|bridges?|quarters?)\b")


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The titles and roles written before a person's name (``Director``,
    ``spokesman``, ``Minister``: ``people.tsv``), folded; read once."""
    return frozenset(_read_cues()["title"])


def _read_cues() -> dict[str, set[str]]:
    cues: dict[str, set[str]] = {"title": set(), "role": set(), "notfirst": set(), "notname": set()}
    text = resources.files("indexer.data").joinpath("people.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rule, word = line.split("\t")[:2]
            cues[rule].add(word.strip().lower())
    return cues


#: Words before a run read as a person by its verb that make a place's name there a place.
_PLACE_BEFORE = (["in"], ["into"], ["from"], ["and"], ["near"], ["to"], ["across"])


class PeopleFinder:
    """Finds people in text (built once per gazetteer: see :meth:`find`).

    :param known: a name as written -> ``(canonical, type)`` of the gazetteer's
        actors and places (``type`` ``"place"`` for places): a run the
        gazetteer knows as a non-person is not a person, and a known person
        keeps its canonical name.
    :param blocked_first: words that never count as a first name alone
        (countries, demonyms, actor names).
    """

    def __init__(self, known: Callable[[str], tuple[str, str] | None], blocked_first: set[str],
                 names: frozenset[str] | None = None, not_names: frozenset[str] = frozenset(),
                 common: frozenset[str] | None = None, demonyms: frozenset[str] = frozenset(),
                 place_name: Callable[[str], bool] | None = None) -> None:
        cues = _read_cues()
        self._titles = frozenset(cues["title"])
        self._roles = frozenset(cues["role"])
        self._notname = frozenset(cues["notname"])
        self._dates = frozenset(
            "monday tuesday wednesday thursday friday saturday sunday january february march "
            "april june july august september october november december".split())
        all_first = first_names() if names is None else names
        # An institution's or a date's word is never a first name ("Council", "Forum", "June").
        self._first = frozenset(all_first - cues["notfirst"] - cues["notname"] - blocked_first - STOPWORDS
                                - self._titles)
        self._known = known
        #: countries and demonyms: never a name's first word, and a name ends before one
        self._not_names = not_names | demonyms
        self._demonyms = demonyms
        self._common = (common_words() if common is None else common) - self._first
        #: whether a name as written is a place's own full name (the world table)
        self._place_name = place_name
        self._shapes = RunShapes(self._titles, self._first, self._common)

    @property
    def titles(self) -> frozenset[str]:
        """The folded title and role words that precede a name (``envoy``, ``minister``)."""
        return self._titles

    def known_name(self, name: str) -> tuple[str, str] | None:
        """The gazetteer's ``(canonical, type)`` for a name as written."""
        return self._known(name)

    def find(self, text: str) -> list[PersonSpan]:
        """The people of ``text``, full names and short mentions, in text order."""
        if not text:
            return []
        headline = _is_headline(text)
        found: list[PersonSpan] = []
        singles: list[tuple[int, int, str]] = []  # "Mr Lavrov": a surname to resolve
        for match in (_RUN_ASCII if text.isascii() else _RUN).finditer(text):
            if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "-‐'’"):
                continue  # inside a word
            person = self._person(text, match.start(), match.group(), headline)
            if person is None:
                continue
            start, end, name, words = person
            if words == 1:
                singles.append((start, end, name))
            else:
                found.append((start, end, name))
        for span in leader_mentions(text, self, found + singles):  # "Milosevic's regime"
            (found if " " in span[2] else singles).append(span)
        if not found and not singles:
            return []
        if len(found) > 1:
            found = self._listed(text, found)
        return resolve_mentions(text, found, singles, self._place_name)

    def _listed(self, text: str, found: list[PersonSpan]) -> list[PersonSpan]:
        """``found`` and the two-word names that close a list of two people or
        more (``Mahmoud Khazein, Kiya Sadeghi and Omid Noori``): a name of words
        no gazetteer, title or ordinary-word list knows, after ``and``."""
        out = list(found)
        starts = {start for start, _, _ in found}
        for (_, end, _), (start2, end2, _) in zip(found, found[1:]):
            if text[end:start2] not in (", ", " and "):
                continue
            m = _LIST_CLOSER.match(text, end2)
            if m is None or m.end(1) in starts or m.start(1) in starts:
                continue
            words = m.group(1).split()
            keys = [run_key(w) for w in words]
            if all(k not in STOPWORDS and k not in self._common and k not in self._titles and k not in self._not_names
                   and self._known(w) is None for k, w in zip(keys, words)) and self._known(m.group(1)) is None:
                out.append((m.start(1), m.end(1), m.group(1)))
        return sorted(out)

    def _person(self, text: str, offset: int, run: str,
                headline: bool) -> tuple[int, int, str, int] | None:
        """The person in one run of capitalised words ``run`` (at ``offset``):
        ``(start, end, name, words)``, or ``None``."""
        words, keys, begin, firsts, tailed, common_free = self._shapes.get(run)
        titles = self._titles
        cue = "title" if begin >= 0 else ""
        if begin < 0 and not headline:
            for i in firsts:
                # A first name the text also writes in lower case is a word here ("Made", "Long").
                if f" {keys[i]} " not in text:
                    begin, cue = i, "first"
                    break
            else:  # no first name: a Chinese name in pinyin ("Zhang Zhan"), a surname's shape ("Velimir Smilevski")
                i = chinese_name_start(keys, text)
                if i < 0 and tailed:
                    i = surname_start(keys, words, text, self)
                if i >= 0:
                    begin, cue = i, "first"
        if begin < 0:
            before = text[max(0, offset - 20):offset].rsplit(None, 2)
            if before and before[-1].lower() in titles:
                begin, cue = 0, "title"
            elif not headline and (before[-1:] != ["of"] or self._after_title_of(text, offset)) and (
                    self._verb_or_role(text, before, offset + len(run)) or common_free
                    and (apposition_after(text, offset, offset + len(run), titles, self._first.__contains__)
                               or cue_before(text, offset, titles)) and not self.place_name(run)):
                begin, cue = 0, "verb"
                while begin < len(keys) - 1 and (keys[begin] in STOPWORDS or keys[begin] in titles or keys[begin][-1] == "s"
                                                 and keys[begin] in self._common or words[begin].isupper()
                                                 and words[begin].isalpha()):
                    begin += 1  # "But Bintou Keita said", "Sources Burton spoke", "ASP Ramhan Nansel said"
        if begin < 0:
            return None
        after_title_of = begin < len(keys) - 1 and self._after_title_of(text, offset)
        if cue == "first":
            if not after_title_of:  # ("Minister of Communication Issa": the first name opens it)
                before = text[max(0, offset - 30):offset].rstrip(" \t")
                begin = self._extend_back(text, keys, words, begin,
                                          bool(before) and (before[-1].islower() or before[-1] == ","))
        elif begin + 2 < len(keys):
            # "Deir al-Zor Moumtzis said": a place's name before a surname (resolved later)
            for k in (3, 2):
                if begin + k == len(keys) - 1 and self._is_place(" ".join(words[begin:begin + k])):
                    return None
        if after_title_of:
            while begin < len(keys) - 2 and keys[begin] in self._common:
                begin += 1  # "Minister of Communication Issa Tchiroma": the portfolio, no part of the name
        while begin < len(keys) - 1 and (_COMPOUND_MODIFIER.search(words[begin]) or keys[begin] in _OPENERS):
            begin += 1  # "Mainland-born Lai", "London-based Smith": a description, no part of the name;
            # "Although Mandelstam wrote": a sentence's first word
        # "Commander Syrian Crisis Russia Turns": a demonym, or two country names, are no person's
        if keys[begin] in self._demonyms or (keys[begin] in self._not_names and begin + 1 < len(keys)
                                             and keys[begin + 1] in self._not_names):
            return None
        end = len(keys)
        for i in range(begin, end):
            if keys[i] in self._dates:
                end = i
                break
        cut = self._name_end(text, keys, words, begin, end, cue == "first")
        if cut < end and not self._notname.isdisjoint(keys[cut:end]) and keys[cut] not in self._not_names \
                and not self._is_state(words[cut]):
            return None  # "Ceylon Electricity Board", "Trumps National Security Council": an institution's name
        end = cut
        name_keys = keys[begin:end]
        if not name_keys or len(name_keys) > 5 or not words[begin][0].isupper() or name_keys[0] in STOPWORDS \
                or name_keys[0] in _FUNCTION_WORDS:  # "Six Flags Over Texas": no Mr Over Texas
            return None
        notname = self._notname
        if len(name_keys) == 2 and name_keys[1] in LANDFORM_SURNAMES and name_keys[0] in self._first \
                and self._said_of(text, offset, run, cue):
            notname = notname - LANDFORM_SURNAMES  # "adviser Anthony Lake said": a person, no lake
        for key, word in zip(name_keys, words[begin:end]):
            if key in notname or key in titles or (len(word) > 1 and word.isupper() and key not in _ROMAN
                                                   and not _INITIAL.fullmatch(word)) \
                    or (len(word) > 2 and word[-1] == "s" and word[:-1].isupper()):
                return None  # an acronym or its plural: "Mansfield OKs refinancing", "Devon MPs"
        if cue == "title" and name_keys[0][-1:] == "s" and name_keys[0] in self._common:
            return None  # a title-case headline's verb or plural: "Military Official Visits Georgia"
        if len(name_keys) == 1 and (cue != "title" or name_keys[0] in STOPWORDS
                                    or keys[begin - 1] not in _SINGLE_NAME_TITLES if begin else True):
            return None  # "Mr Lavrov", "President Tinubu"; not "General Electric"
        if max(map(len, name_keys)) < 2:
            return None
        if cue == "first" and self._place_around(words, begin, end):
            return None  # "Kafr Zita Jub...", "Tal Minnis Sarmada": a place's name, not a person's
        if cue == "first" and self._place_name is not None and end - begin >= 2 \
                and self._place_name(" ".join(words[begin:end])):
            return None  # "Rock Hill", "Glen Carbon", "South Ossetia": a first name opening a town's name
        if cue == "verb" and self._place_name is not None and end - begin >= 2 \
                and text[max(0, offset - 6):offset].rsplit(None, 1)[-1:] in _PLACE_BEFORE \
                and self._place_name(" ".join(words[begin:end])):
            return None  # "a peacekeeper in South Ossetia told", "Abkhazia and South Ossetia declared"
        if cue == "first" and end - begin >= 3 and self._is_place(" ".join(words[end - 2:end])):
            end -= 2  # "Mikhail Voskresenskiy Middle East"
            name_keys = keys[begin:end]
        written = " ".join(words[begin:end])
        known = self._known(written)
        if known is None and written.endswith("s"):  # "Bashar al-Assads" (a possessive that lost its apostrophe)
            known = self._known(written[:-1])
            if known is not None and known[1] != "person":
                known = None
        if begin and cue == "title":  # "Sheikh Maqsoud", "King Fahd Hospital": a place's or body's own name
            whole = self._known(" ".join(words[begin - 1:end]))
            if whole is not None and whole[1] != "person":
                return None
        if known is not None and known[1] != "person":
            return None
        if cue == "title" and _PLACE_KIND_AFTER.match(text, offset + len(run)):
            return None  # "Sheikh Ali crossing", "Sheikh Ali and al-Zamrani crossings": a place named after one
        if known is None and cue == "verb" and any(self._known(w) for w in words[begin:end]):
            return None  # "Abu Dhabi said", "Syrian Kurds said"
        # Offsets of the name's first and last words (words are separated by blanks).
        start = offset
        for word in words[:begin]:
            start = text.index(word, start) + len(word)
        start = text.index(words[begin], start)
        stop = start
        for word in words[begin:end]:
            stop = text.index(word, stop) + len(word)
        if words[end - 1].endswith(".") and words[end - 1][:-1].lower() not in _ABBREVIATIONS:
            stop -= 1
        name = known[0] if known is not None else " ".join(text[start:stop].split())
        return start, stop, name, len(name_keys)

    def name_word(self, key: str, text: str) -> bool:
        """Whether a folded word may be in a name in ``text``: no ordinary word, title,
        country, demonym or date, and not written in lower case there."""
        return key not in STOPWORDS and key not in self._common and key not in self._titles \
            and key not in self._not_names and key not in self._dates and f" {key} " not in text

    def place_name(self, name: str) -> bool:
        """Whether ``name`` as written is a place's own full name (the world table)."""
        return self._place_name is not None and self._place_name(name)

    def _after_title_of(self, text: str, offset: int) -> bool:
        """Whether the run at ``offset`` follows a title and ``of``/``for`` (``Minister of``, ``Commissioner for``)."""
        before = text[max(0, offset - 30):offset].split()
        return len(before) >= 2 and before[-1] in ("of", "for") and run_key(before[-2]) in self._titles

    def _extend_back(self, text: str, keys: list[str], words: list[str], begin: int, mid_sentence: bool) -> int:
        """The first word of a name found by its first name: the capitalised
        words before it that are no known name, title or ordinary word
        (``journalists Hamse Abdi Ahmed``), up to four words, when they are
        all of the run's words before it and a lower-case word or a comma
        precedes the run (not ``US Representatives Dan Kildee``, a
        headline's ``Prosecute Julian Assange``); a kunya (``Abu Yazan``)."""
        found = begin
        while begin > 0 and len(keys) - begin < 4:
            if keys[begin - 1] in _ARABIC_KUNYA:
                return begin - 1
            key, word = keys[begin - 1], words[begin - 1]
            if key in self._titles or key in STOPWORDS or key in _FUNCTION_WORDS or key in self._common or key in self._notname \
                    or key in self._dates or key in self._not_names or word.isupper() or word.endswith(".") \
                    or f" {key} " in text or self._known(word) is not None or not word[1:].islower():
                break
            begin -= 1
        return begin if begin == 0 and mid_sentence else found

    def _name_end(self, text: str, keys: list[str], words: list[str], begin: int, end: int,
                  first_name: bool) -> int:
        """Where the name starting at ``begin`` ends: before a date, and,
        after two name words, before a word that is no name's
        (``Massimiliano Rebaudengo MSFs``, ``Hussein Malla Over``, ``Igor
        Konashenkov Syria``, ``Youssef Diab Launched``): a stopword, an
        ordinary English word (also one the text writes in lower case), a
        country or demonym, an acronym or its plural."""
        for i in range(begin + 1, end):
            key, word = keys[i], words[i]
            if (key in STOPWORDS or key in _FUNCTION_WORDS) and (i > begin + 1 or not first_name) \
                    and not _INITIAL.fullmatch(word):  # "Yahya A. J. J. Jammeh": an initial
                return i  # "Major Gains Which Completely Changed"; not "Cathy He"
            if i >= begin + 2 and key in _CREDIT_WORDS:
                return i  # "Illustration: Dionne Gain Credit:", "John Smith Photo": a credit's label
            if i >= begin + 2 and word[0].isupper() and (key in self._common
                                      or key in self._not_names or f" {key} " in text or self._is_state(word)
                                      or (len(word) > 1 and word.isupper() and key not in _ROMAN
                                          and not _INITIAL.fullmatch(word))
                                      or (word[-1:] == "s" and len(word) > 2 and word[:-1].isupper())):
                return i
        return end

    def _is_state(self, word: str) -> bool:
        """``Damascus``, ``Syrias``: a state's name or capital (a possessive may have lost its apostrophe)."""
        for form in (word, word[:-1]) if word[-1:] == "s" else (word,):
            known = self._known(form)
            if known is not None and known[1] == "state":
                return True
        return False

    def _is_place(self, name: str) -> bool:
        known = self._known(name)
        return known is not None and known[1] == "place"

    def _place_around(self, words: list[str], begin: int, end: int) -> bool:
        """Whether the first name starts a place's name or ends one begun
        by the word before it."""
        return self._is_place(" ".join(words[begin:begin + 2])) or (
            begin > 0 and self._is_place(" ".join(words[begin - 1:begin + 1])))

    def _said_of(self, text: str, offset: int, run: str, cue: str) -> bool:
        """Whether the run at ``offset`` has a person's cue besides a first
        name: a title before it, a reporting verb, a role or an age after it."""
        before = text[max(0, offset - 20):offset].rsplit(None, 2)
        return cue == "title" or bool(before) and before[-1].lower() in self._titles \
            or self._verb_or_role(text, before, offset + len(run))

    def _verb_or_role(self, text: str, before: list[str], end: int) -> bool:
        """A reporting verb before (``before``: the words before the run) or
        after the run (which ends at ``end``), or a role after a comma."""
        if VERB_AFTER.match(text, end) or AGE_AFTER.match(text, end):
            return True
        if before and (before[-1] in _VERBS_BEFORE or before[-2:] == ["according", "to"]):
            return True
        if before and before[-1].endswith(",") and before[-1][:-1].lower() in self._roles \
                and before[-1][:-1].islower():
            return True  # "CPJ's Africa representative, Muthoki Mumo"
        if end < len(text) and text[end] == ",":
            role = _COMMA_ROLE.match(text, end)
            return role is not None and (role.group(1).lower() in self._roles
                                         or (role.group(2) or "").lower() in self._roles)
        return False


def _is_headline(text: str) -> bool:
    """A short single line with most long words capitalised (a title in
    title case: ``Russia Warns Turkey Over Idlib``), where capitals say nothing."""
    if len(text) > 300 or "\n" in text.strip():
        return False
    long_words = len(_LONG_WORD.findall(text))
    return long_words > 2 and len(_CAPPED_WORD.findall(text)) >= 0.85 * long_words


def people_finder(gazetteer: Gazetteer) -> PeopleFinder:
    """A :class:`PeopleFinder` that knows ``gazetteer``'s names."""
    actor_alias, place_alias = gazetteer.aliases["actor"].get, gazetteer.aliases["place"].get
    actors, places = gazetteer.actors, gazetteer.places

    def known(name: str) -> tuple[str, str] | None:
        key = name_key(name.rstrip("."))
        alias = actor_alias(key)
        if alias is not None:
            actor = actors.get(alias.target)
            return alias.target, actor.type if actor else "other"
        alias = place_alias(key)
        if alias is not None:
            return alias.target, "place"
        return None

    countries = {key for key, alias in gazetteer.aliases["place"].items()
                 if (place := places.get(alias.target)) is not None and place.kind == "country"}
    blocked = {key for key in gazetteer.aliases["actor"] if " " not in key} | set(gazetteer.demonyms) | countries
    return PeopleFinder(known, blocked, not_names=frozenset(k for k in countries if " " not in k),
                        demonyms=frozenset(gazetteer.demonyms), place_name=lambda name: bool(
                            (world := gazetteer.world_resolver()) and world.is_place_name(name)))
