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
  Keita said``, ``Liz Throssell, spokesperson for OHCHR``).

Later short mentions (the surname alone, or after a title) resolve to the full
name found in the same text. A run that the gazetteer knows as something else
(``Human Rights Watch``) or that holds an institution word (``Jordan Times``,
``General Assembly``) is not a person. The cue words are in
``data/people.tsv``; the first-name list comes from the ``faker`` package's
person providers (Latin-script names of every locale), read once and cached on
disk (see :func:`first_names`), so extraction needs no network.

The work per text is a few regular-expression passes; Python looks only at
the multi-word capitalised runs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from indexer.analysis import STOPWORDS, fold
from indexer.chinese_names import chinese_name_start
from indexer.gazetteer_types import name_key

if TYPE_CHECKING:
    from indexer.gazetteer import Gazetteer

__all__ = ["PersonSpan", "PeopleFinder", "first_names", "occurrences", "people_finder"]

#: A person found in a text: ``(start, end, canonical name)``.
PersonSpan = tuple[int, int, str]

_UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper() and c.isalpha())
_LETTER = r"[^\W\d_]"
#: A capitalised word (a possessive ``'s`` is not part of it).
_WORD = rf"[{_UPPER}](?:{_LETTER}|['’](?![sS]\b){_LETTER}|[-‐]{_LETTER})*"
#: Abbreviated titles and initials, the only words a full stop may end inside a run.
_ABBREVIATED = "|".join(f"(?<={a}\\.)" for a in
                        "Mr Ms Dr St Jr Lt Mrs Gen Col Maj Sgt Rev Sen Rep Adm Capt Brig Prof Cmdr".split())
_PARTICLE = r"(?:bin|ibn|bint|abu|abd|al|el|de|del|della|di|da|dos|das|du|van|von|der|den|ter|le|la|ould|ben|y)"
#: Blanks between a name's words: a single line break too (transcripts wrap lines
#: mid-sentence: ``Ms. Mary\nRobinson``), never a blank line.
_BLANKS = r"(?:[ \t]*\n[ \t]*|[ \t]+)"
_SEPARATOR = rf"(?:\.(?:(?<=\b[A-Z]\.)|{_ABBREVIATED}))?{_BLANKS}(?:{_PARTICLE}{_BLANKS})*"
#: Two or more capitalised words (one line break at most between them), with particles between them
#: (starting with a capital: the pattern then runs fast).
_RUN = re.compile(rf"{_WORD}(?:{_SEPARATOR}(?:(?:al|el|as|ash|ad|ar|at|az|an)[-‐])?{_WORD})+")
#: A reporting verb right after a name (``Keita said``), optionally after an auxiliary.
_VERB_AFTER = re.compile(
    r"[ \t]+(?:(?:has|had|have|also|later|then|further)[ \t]+)?"
    r"(?:said|says|told|added|stated|explained|noted|warned|stressed|urged|wrote|tweeted|"
    r"insisted|argued|asked|confirmed|denied|announced|declared|emphasised|emphasized)\b")
#: An age right after a name: ``Pradeep Pradhan (31)``, ``Amirhossein Moradi, also 20,``.
_AGE_AFTER = re.compile(r"[ \t]*\((?:aged[ \t]+)?\d{1,2}\)|,[ \t]+(?:also[ \t]+|aged[ \t]+)?\d{1,2}(?:,|[ \t]+years)")
#: A reporting verb right before a name (``said Bintou Keita``; also ``according to``).
_VERBS_BEFORE = frozenset("said says told added wrote stated explained noted".split())
_ABBREVIATIONS = frozenset("mr mrs ms dr prof gen col lt maj capt sgt rev sen rep brig adm cmdr st jr".split())
_COMMA_ROLE = re.compile(r",[ \t]+(?:(?:the|a|an|its|their)[ \t]+)?(?:[\w-]+['’]s[ \t]+)?([\w-]+)(?:[ \t]+([\w-]+))?")
_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|ar|at|az|an)[-‐]")
_LONG_WORD = re.compile(r"\b\w{3,}")
_CAPPED_WORD = re.compile(rf"\b[{_UPPER}]\w{{2,}}")
#: Capitalised titles that may open a two-word span ("Mr Lavrov") and are no given name.
_TITLE_CASE_TITLES = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. President Sheikh".split())
#: Titles after which one word is a name (a surname): not "General Electric".
_SINGLE_NAME_TITLES = frozenset(
    "mr mrs ms miss dr prof president sheikh shaykh ayatollah imam pope king queen prince princess "
    "emir sultan senator ambassador chancellor premier minister governor mayor judge envoy "
    "spokesperson spokesman spokeswoman secretary-general commissioner rapporteur".split())
#: Function words that end a name though the search keeps them (``Hussein Malla Over 20 ...``).
_FUNCTION_WORDS = frozenset(
    "over under after before into onto with without against amid among about above below across "
    "behind beyond during until upon via near off out up down per than our your their his her its "
    "we you they he she it this that these those here there more most new".split())
#: ``Abu Yazan``, ``Umm Ahmed``: a kunya opens the name before a first name.
_ARABIC_KUNYA = frozenset("abu umm abd abdul abdel".split())
#: Landform words that are also surnames (``Anthony Lake``, ``Michael Bay``).
_LANDFORM_SURNAMES = frozenset("lake bay hill island rivers".split())
_ROMAN = frozenset("ii iii iv v vi jr".split())
#: Bump when the first-name list is built differently (the disk cache's key).
_LIST_VERSION = "1"


def _read_cues() -> dict[str, set[str]]:
    cues: dict[str, set[str]] = {"title": set(), "role": set(), "notfirst": set(), "notname": set()}
    text = resources.files("indexer.data").joinpath("people.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rule, word = line.split("\t")[:2]
            cues[rule].add(word.strip().lower())
    return cues


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sift"


def first_names(load: Callable[[], set[str]] | None = None) -> frozenset[str]:
    """Folded first names of every Latin-script locale of ``faker``.

    Importing faker's ninety person providers takes a third of a second, so
    the list is written once to the user's cache directory, keyed by faker's
    version; an unwritable cache only costs that time again.
    """
    try:
        from importlib.metadata import version

        faker_version = version("faker")
    except Exception:  # faker missing: people are still found by their other cues
        return frozenset()
    return _cached(f"first-names-{faker_version}-{_LIST_VERSION}.txt", load or _faker_first_names)


def common_words(load: Callable[[], set[str]] | None = None) -> frozenset[str]:
    """Folded ordinary English words that are nobody's name: ``faker``'s
    English word list with its regular inflections (``launch``, ``launched``,
    ``shows``), less every first and last name of its person providers
    (``Will``, ``King``, ``Rose`` stay names). A capitalised run that ends
    in one (``Youssef Diab Launched``, ``Hussein Malla Over``) ends before it.
    Cached on disk like :func:`first_names`."""
    try:
        from importlib.metadata import version

        faker_version = version("faker")
    except Exception:
        return frozenset()
    return _cached(f"common-words-{faker_version}-{_LIST_VERSION}.txt", load or _faker_common_words)


def _cached(filename: str, load: Callable[[], set[str]]) -> frozenset[str]:
    path = _cache_dir() / filename
    try:
        return frozenset(path.read_text("utf-8").split())
    except OSError:
        pass
    names = load()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("\n".join(sorted(names)), "utf-8")
        tmp.replace(path)
    except OSError:
        pass
    return frozenset(names)


def _faker_common_words() -> set[str]:
    from faker.providers.lorem.en_US import Provider as Lorem

    words: set[str] = set()
    for word in Lorem.word_list:
        words.update((word, word + "s", word + "es", word + "ed", word + "d", word + "ing"))
        if word.endswith("e"):
            words.add(word[:-1] + "ing")
        if word.endswith("y"):
            words.update((word[:-1] + "ies", word[:-1] + "ied"))
    return {fold(w) for w in words} - _faker_first_names(("last_names", "first_names", "first_names_male",
                                                          "first_names_female"))


def _faker_first_names(attrs: tuple[str, ...] = ("first_names", "first_names_male", "first_names_female")) -> set[str]:
    import importlib
    import pkgutil

    import faker.providers.person as providers

    names: set[str] = set()
    for module in pkgutil.iter_modules(providers.__path__):
        provider = getattr(importlib.import_module(f"{providers.__name__}.{module.name}"), "Provider", None)
        for attr in attrs:
            values = provider.__dict__.get(attr) if provider is not None else None
            if values and not isinstance(values, property):
                names.update(n for n in values if n and all(ord(c) < 0x250 for c in n) and " " not in n)
    return {fold(n) for n in names if len(n) > 1}


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
        for match in _RUN.finditer(text):
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
        if not found and not singles:
            return []
        if len(found) > 1:
            found = _longest_forms(found)
        by_surname: dict[str, str] = {}  # a surname as written -> the full name
        clashes: set[str] = set()
        for start, end, name in found:
            written = text[start:end].split()
            forms = {written[-1], _ARTICLE.sub("", written[-1])}
            if len(written) == 2 and written[0] not in _TITLE_CASE_TITLES:
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
                if form.lower() in _LANDFORM_SURNAMES:
                    continue  # "Anthony Lake ... Crystal Lake": "Lake" alone is no person there
                for at, end in occurrences(text, form):
                    if not any(at < te and ts < end for ts, te in taken):
                        found.append((at, end, name))
        found.sort()
        return found

    def _person(self, text: str, offset: int, run: str,
                headline: bool) -> tuple[int, int, str, int] | None:
        """The person in one run of capitalised words ``run`` (at ``offset``):
        ``(start, end, name, words)``, or ``None``."""
        words = run.split()
        keys = list(map(_KEYS.get, words))  # (most run words were keyed before)
        if None in keys:
            keys = list(map(_key, words))
        titles = self._titles
        begin = -1
        cue = ""
        for i in range(len(keys) - 2, -1, -1):  # the last title before a name word
            if keys[i] in titles:
                begin, cue = i + 1, "title"
                break
        if begin < 0 and not headline:
            first = self._first
            for i in range(len(keys) - 1):
                # A first name the text also writes in lower case is a word here ("Made", "Long").
                if keys[i] in first and f" {keys[i]} " not in text:
                    begin, cue = i, "first"
                    break
            else:  # no first name: maybe a Chinese name in pinyin ("Zhang Zhan")
                if (i := chinese_name_start(keys, text)) >= 0:
                    begin, cue = i, "first"
        if begin < 0:
            before = text[max(0, offset - 20):offset].rsplit(None, 2)
            if before and before[-1].lower() in titles:
                begin, cue = 0, "title"
            elif not headline and self._verb_or_role(text, before, offset + len(run)):
                begin, cue = 0, "verb"
                while begin < len(keys) - 1 and keys[begin] in STOPWORDS:
                    begin += 1  # "But Bintou Keita said"
        if begin < 0:
            return None
        if cue == "first":
            before = text[max(0, offset - 30):offset].rstrip(" \t")
            begin = self._extend_back(text, keys, words, begin, bool(before) and (before[-1].islower() or before[-1] == ","))
        elif begin + 2 < len(keys):
            # "Deir al-Zor Moumtzis said": a place's name before a surname (resolved later)
            for k in (3, 2):
                if begin + k == len(keys) - 1 and self._is_place(" ".join(words[begin:begin + k])):
                    return None
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
        if not name_keys or len(name_keys) > 5 or not words[begin][0].isupper() or name_keys[0] in STOPWORDS:
            return None
        notname = self._notname
        if len(name_keys) == 2 and name_keys[1] in _LANDFORM_SURNAMES and name_keys[0] in self._first \
                and self._said_of(text, offset, run, cue):
            notname = notname - _LANDFORM_SURNAMES  # "adviser Anthony Lake said": a person, no lake
        for key, word in zip(name_keys, words[begin:end]):
            if key in notname or key in titles or (len(word) > 1 and word.isupper() and key not in _ROMAN):
                return None
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
            if (key in STOPWORDS or key in _FUNCTION_WORDS) and (i > begin + 1 or not first_name):
                return i  # "Major Gains Which Completely Changed"; not "Cathy He"
            if i >= begin + 2 and word[0].isupper() and (key in self._common
                                      or key in self._not_names or f" {key} " in text or self._is_state(word)
                                      or (len(word) > 1 and word.isupper() and key not in _ROMAN)
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
        if _VERB_AFTER.match(text, end) or _AGE_AFTER.match(text, end):
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


def _key(word: str) -> str:
    """A run word's key: folded, without a final full stop (``Mr.``), cached."""
    key = _KEYS.get(word)
    if key is None:
        if len(_KEYS) > 100_000:
            _KEYS.clear()
        key = _KEYS[word] = fold(word.rstrip("."))
    return key


_KEYS: dict[str, str] = {}


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
