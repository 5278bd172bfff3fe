"""Organisation-like names no gazetteer knows: ``Aleppo Provincial Council``,
``Syrian Network for Human Rights``, found from a head word (``council``,
``network``) back to where the name starts.

A pattern of its own beside the gazetteer lookups of ``indexer.extraction.entities``,
which adds these names as actors of kind ``organisation``.
"""

from __future__ import annotations


from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING

from indexer.extraction.acting_bodies import (generic_name, inside_other_name, name_opening, office_possessive,
                                             opening_word_glued, ordinal_before_name, same_seat_follows,
                                             rank_follows)
from indexer.extraction.candidate_guards import Candidate
from indexer.extraction.non_bodies import facility_name, generic_force
from indexer.extraction.local_bodies import NAMED_KINDS, named_before_kind
from indexer.extraction.media_names import MEDIA_HEADS, MEDIA_TAILS, MEDIA_TITLES, media_name
from indexer.extraction.name_lists import first_names
from indexer.extraction.org_ends import known_body, known_complement_end, same_bodies
from indexer.extraction.people import title_words
from indexer.extraction.words import HEADLINE, SOFT, WORD_INFO, Words

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["ORG_HEADS", "OrganisationNames"]

#: Words ending a name that looks like an organisation.
ORG_HEADS = frozenset(
    "council front brigade brigades ministry army movement party committee "
    "committees commission observatory network organization organisation agency "
    "union battalion battalions forces authority corps division regiment legion "
    # institutions of any country: police forces, offices, directorates, centres, associations
    "police office directorate command administration secretariat association centre center "
    "institute foundation mission ministries court tribunal bureau service society "
    "federation group congress constabulary gendarmerie embassy parliament government "
    # bodies of everyday news (stop 33, orgs5): gangs, alliances, funds, clubs, firms (not "university",
    # "college": mostly where someone studies or works, "a student at Sharif University", "Science College")
    "cartel coalition fund club confederation company corporation ltd inc plc faction "
    # (stop 34, orgs6) departments and boards of any state, joint and task forces
    "department board force "
    # (stop 35, orgs8) parties' and unions' alliances, banks and firms (``MDC Alliance``, ``Muslim
    # Commercial Bank``, ``the shipping firm P&O Ferries``; ``West Bank``, a place, is none)
    "alliance bank firm "
    # bodies of South Asia named in their own languages (``Bharatiya Mazdoor Sangh``, ``Shiv Sena``)
    "sangh sangha samiti sabha parishad morcha sena dal manch".split()
) | MEDIA_HEADS | MEDIA_TITLES | frozenset(("website", "newspaper", "broadcaster"))
_NAME_PARTICLES = frozenset("al el ad ar as ash at az an bin ibn abu de du".split())
#: Particles that are English words too: a particle only when joined to the name
#: (``Jabhat an-Nusra``, not ``As an Organization, we``).
_ENGLISH_PARTICLES = frozenset("an as at".split())
_ORG_LINKS = frozenset("of for on against".split())
#: An ampersand between capitalised words joins them in one name (``Ministry of
#: Agriculture & Forestry``), unlike ``and``, which may join two names.
_AMPERSANDS = frozenset((" & ", "&"))
_ORG_INNER = frozenset("of for and the on former".split())
#: Possessives that are part of a name, not its owner (``Sudan People's Liberation Movement``,
#: ``Women's League``, ``Workers' Party``).
_NAMED_FOR = frozenset("people peoples women workers children".split())
#: Capitalised words that start sentences but never organisation names.
_SENTENCE_STARTERS = frozenset(
    "yesterday today tonight meanwhile earlier later however also moreover "
    "furthermore recently previously now then but and so when while after before "
    "since during according last this that these those on in at by".split()
)
_ARTICLES = frozenset("the a an".split())
#: Dashes that, spaced, no name goes across ("National News Agency - Coalition raids"; not "Ado–Odo").
_DASHES = frozenset("- – —".split())
#: Words after ``X-`` that make X a modifier ("US-Led Coalition", "Iran-backed Brigade").
_MODIFIERS = frozenset("led backed funded supported linked allied affiliated".split())
#: Heads that after a demonym alone name a state ("Swiss Confederation").
_STATE_FORMS = frozenset("confederation federation".split())
#: Gaps after a plural possessive (``Citizens' Movement``).
_PLURAL_GAPS = frozenset(("' ", "’ "))
#: Number words a sentence may open with before a known body (``Three European Union diplomats``).
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty hundred dozen dozens several many".split())
#: Lower-case kind words that a body's name may follow (``the television channel
#: Belsat``, ``the rights website Weiquan Net``, ``the militant group Jaish al-Adl``).
_KIND_NOUNS = frozenset(
    "channel group network agency media website newspaper broadcaster organisation organization "
    "firm company union".split())
_MEDIA_KINDS = frozenset("channel media website newspaper broadcaster".split())
#: Lower-case words after a leader's name that name the government (``the Hawke government``).
_RULE_NOUNS = frozenset("administration government".split())
#: Of those, the ones that end a capitalised organisation's name too (``Kurdish Autonomous Administration``).
_ORG_HEADS_CAPITAL = frozenset(("administration",))
#: The most words of a name after its kind word.
_MAX_KIND_NAME = 4
#: Kinds of body written before a name, not part of it (``the local NGO Human Rights Centre``).
_KIND_WORDS = frozenset("ngo ngos ingo cso csos".split())
#: Buildings named for the body they house (``the Central Police Station``): places, not actors.
_BUILDINGS = frozenset(
    "station stations building compound barracks prison jail hospital clinic checkpoint airport".split())
#: The most words of a headline-style line (:meth:`OrganisationNames._on_title_line`).
_MAX_HEADLINE = 30
#: Words of a name looked at after ``and`` (:meth:`OrganisationNames._name_follows`).
_MAX_NAME_WORDS = 8
#: Weekdays and months never start an organisation's name ("on Saturday Syrian
#: Army troops", "on Wednesday Al-Alam News Network reports").
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april june july august september october november december".split()
)

#: Words before ``Bank`` that make it a bank (``Muslim Commercial Bank``, ``African Development
#: Bank``), not a place named for a river bank (``West Bank``, ``East Bank``, ``Red Bank``).
_BANK_KINDS = frozenset(
    "central reserve development commercial national investment savings microfinance cooperative "
    "co-operative merchant islamic agricultural people's peoples state export import".split())
#: Organisation words that are also inside another body's name (``All India Bank Officers' Confederation``).
_INNER_HEADS = frozenset(("bank",))
#: Months a body may be named for, with a day (``the April 6 Youth Movement``).
_MONTHS = _DATE_WORDS - frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


class OrganisationNames:
    """The organisation pattern of :class:`~indexer.extraction.entities.Matcher`."""

    gaz: Gazetteer

    def _organisations(self, text: str, words: Words, heads: list[int]) -> list[Candidate]:
        """Capitalised names ending in (or starting with) an organisation word
        (``heads``: the words in :data:`ORG_HEADS`, in order)."""
        # ``cap(i)``, ``soft(i)`` and ``newline(i)`` of :class:`Words`, inlined: info[surface[i]][2],
        # pieces[2 * i] == SOFT (i > 0) and "\n" in gap[i].
        keys, surface, pieces, gap, info = words.key, words.surface, words.pieces, words.gap, WORD_INFO
        out: list[Candidate] = []
        n = len(keys)
        titles, given = title_words(), first_names()
        title_lines: dict[int, bool] = {}
        # In a text wrapped at a fixed width (the UN records) a line break goes through names.
        crossed = "\n\n" if hard_wrapped(text) else "\n"
        for h in heads:
            if not info[surface[h]][2]:
                named = None
                if keys[h] in _KIND_NOUNS:  # "the television channel Belsat", "the militant group Jaish al-Adl"
                    named = self._named_after_kind(words, h)
                elif keys[h] in _RULE_NOUNS:  # "the Abiy Ahmed administration", "the Hawke government"
                    named = self._named_for_leader(words, h)
                if named is None and keys[h] in NAMED_KINDS:  # "Dongxiaokou police", "the Ennahda party"
                    named = named_before_kind(self.gaz, words, h, ORG_HEADS)
                if named is not None and not generic_force(keys, named[0], named[1]):
                    out.append(named)  # (not "Riot police fired": a kind of force)
                continue
            if keys[h] in _RULE_NOUNS and keys[h] not in _ORG_HEADS_CAPITAL:
                continue  # "the Government of Rwanda": the country's (``_country_is_place``)
            if self._on_title_line(words, h, title_lines):
                continue
            first = h
            # A possessive before the name is its owner's ("Russia's Supreme Court").
            while first > 0 and (pieces[2 * first] == SOFT and ("'" not in gap[first] and "’" not in gap[first]
                                                                or keys[first - 1] in _NAMED_FOR
                                                                or office_possessive(words, first, h, titles))
                                 or gap[first] in _AMPERSANDS or self._plural_inside(words, first)) \
                    and crossed not in gap[first] and not (" " in gap[first] and gap[first].strip() in _DASHES):
                if keys[first - 1] in _MODIFIERS and first > 1 and "-" in gap[first - 1]:
                    break  # "the US-Led Coalition": the X-led coalition's (the gazetteer's, if known)
                if keys[first - 1] in ORG_HEADS and first < h and keys[first - 1] not in MEDIA_HEADS \
                        and keys[first - 1] not in _INNER_HEADS:
                    break  # "Mujahideen Army al-Nasr Army": two names (not "Next Media Trade Union";
                    # two heads in a row are one name: "Aleppo Police Command")
                if info[surface[first - 1]][2]:
                    first -= 1
                elif keys[first - 1] in _NAME_PARTICLES and first - 2 >= 0 and info[surface[first - 2]][2] \
                        and pieces[2 * first - 2] == SOFT \
                        and (keys[first - 1] not in _ENGLISH_PARTICLES or "-" in gap[first]):
                    first -= 1
                elif keys[first - 1] == "and" and first >= 2 and pieces[2 * first - 2] == SOFT \
                        and self._pair_opens(words, first - 2):
                    first -= 2  # "the Truth and Reconciliation Commission"
                    break
                else:
                    break
            last = h
            j = h + 1
            if j < n and keys[h] in MEDIA_HEADS and keys[j] in MEDIA_TAILS and pieces[2 * j] == SOFT \
                    and first < h:
                last = j  # "Hama Media center", "ISNA News agency": the body's own kind word, lower case
                j += 1
            if j < n and keys[j] in _ORG_LINKS and pieces[2 * j] == SOFT and keys[h] not in MEDIA_TITLES:
                k = j + 1
                end_at = h
                while k < n and (pieces[2 * k] == SOFT or gap[k] in _AMPERSANDS and info[surface[k]][2]) \
                        and crossed not in gap[k] and keys[k] not in _DATE_WORDS and \
                        (info[surface[k]][2] or keys[k] in _ORG_INNER or ordinal_before_name(words, k)
                         or keys[k] in _NAME_PARTICLES
                         and (keys[k] not in _ENGLISH_PARTICLES or k + 1 < n and "-" in gap[k + 1])):
                    # (not "Delta Company for Fertilisers at Daqahlia": "at" there is English)
                    if keys[k] == "and" and (k + 1 < n and keys[k + 1] in _ORG_LINKS or self._name_follows(words, k + 1) or k + 2 < n and keys[k + 1] == "the"
                                             and keys[k + 2] in titles and info[surface[k + 2]][2]
                                             or same_seat_follows(words, k + 1, first)):
                        break  # "the Organization of African Unity and the Economic Community of ...": two names
                        # ("the Alliance of Civilizations and of the Community of Democracies");
                        # "the Office for ... Affairs and the Administrator of ...": an office-holder follows
                    if keys[k] in titles and k + 1 < n and keys[k + 1] in given and info[surface[k + 1]][2] \
                            and pieces[2 * k + 2] == SOFT:
                        # "the Office of Foreign Assets Control Director Andrea Gacki": a person follows
                        # (not "the Tribunal for the Former Yugoslavia", "the Group of the General Assembly")
                        break
                    if info[surface[k]][2]:
                        end_at = k
                    k += 1
                last = known_complement_end(self.gaz, keys, surface, j + 1,
                                            _person_cut(keys, surface, j + 1, end_at, _given_not_titles()))
            # A capitalised "The" inside starts the name (text without its full
            # stops: "Kurds and Arabs The Syrian Democratic Forces").
            for i in range(h - 1, first, -1):
                if keys[i] == "the" and info[surface[i]][2]:
                    first = i
                    break
            while first < h and (keys[first] in _ARTICLES or keys[first] in _DATE_WORDS
                                 or keys[first] in _KIND_WORDS or (
                    words.sentence_start(first) and keys[first] in _SENTENCE_STARTERS)):
                first += 1
            if first >= 3 and keys[first - 2] in _MONTHS and keys[first - 1].isdigit() and keys[first - 3] == "the" \
                    and gap[first - 1] == gap[first] == " " and info[surface[first - 2]][2]:
                first -= 2  # "the April 6 Youth Movement", "the March 23 Movement": named for a date
            first, owner = self._org_start(words, first, h)
            first += opening_word_glued(words, first, h, self.gaz)  # "Even British Labour Party"
            if last == first + 1 and keys[h] in _STATE_FORMS and keys[first] in self.gaz.demonyms:
                continue  # "the Swiss Confederation": a state's own name, no organisation
            if first < h and keys[first] in _NUMBER_WORDS and " ".join(keys[first + 1:last + 1]) in self.gaz.aliases["actor"]:
                continue  # "Three European Union diplomats": the known body's own name
            if last > h + 1 and first <= h and keys[h + 1] in _ORG_LINKS:
                body = known_body(self.gaz, keys, first, h, last)
                if body is not None:  # "the Office of the United Nations High Commissioner for Refugees"
                    out.append((body[0], body[1], body[2], self.gaz.actors[body[2]].type, body[0] - body[1], 0))
                    continue
            if last - first < 1 or last + 1 < n and keys[last + 1] in _BUILDINGS and info[surface[last + 1]][2] \
                    and pieces[2 * last + 2] == SOFT:
                continue  # "the Central Police Station": a building, no actor
            if last == h and facility_name(keys, h):
                continue  # "the Mahmoudiyeh Detention Centre": a facility, no actor
            if keys[h] in MEDIA_HEADS or keys[h] in MEDIA_TITLES:
                media = media_name(self.gaz, keys, first, h, last)
                if media is None:
                    continue
                if media[2] is not None:
                    out.append((media[0], media[1], media[2], self.gaz.actors[media[2]].type, media[0] - media[1], 0))
                    continue
                first = media[0]
            if last > h + 1 and rank_follows(words, last, any_case=True):
                last = h  # "the Oakland Police Department of Oakland Police officer John Hege": his unit
            opened = name_opening(words, first)  # "the 9th U.S. Circuit Court", "the Niger state Police Command"
            if opened < first and " ".join(keys[opened:last + 1]) in self.gaz.aliases["actor"]:
                continue  # "the U.N. Security Council": the gazetteer's own name
            first = opened
            if generic_name(keys, first, h, last, self.gaz.aliases["actor"]) or inside_other_name(words, first) \
                    or rank_follows(words, last) or generic_force(keys, first, last):
                # "the Charter of the Organization of ...", or a rank: "a Class II Police Officer"
                continue
            if keys[h] == "bank" and (h == first or keys[h - 1] not in _BANK_KINDS):
                continue  # "the West Bank", "East Bank", "Red Bank": places; a bank says its kind
            start, end = words.start[first], words.end(last)
            name = " ".join(text[start:end].split())
            if owner is not None:  # "Russias Aerospace Forces": the name with the demonym, when known
                known = self._demonym_name(owner, " ".join(keys[first:last + 1]))
                if known is not None:
                    out.append((first - 1, last, known, self.gaz.actors[known].type, first - 1 - last, 0))
                    continue
            out.append((first, last, name, "organisation", first - last, 0))
        return same_bodies(keys, out) if len(out) > 1 else out

    def _plural_inside(self, words: Words, at: int) -> bool:
        """Whether a plural possessive before word ``at`` is inside a name
        (``New Citizens' Movement``, ``Magistrates' Court``, ``Farmers'
        Union``): a capitalised plural no place, actor or demonym (``the
        United States' Justice Department`` is its owner's)."""
        if words.gap[at] not in _PLURAL_GAPS:
            return False
        key = words.key[at - 1]
        if len(key) < 4 or not key.endswith("s") or not words.cap(at - 1):
            return False
        aliases = self.gaz.aliases
        known = (key, " ".join(words.key[at - 2:at]) if at > 1 else key)
        return not any(k in aliases["place"] or k in aliases["actor"] or k in self.gaz.demonyms for k in known)

    def _pair_opens(self, words: Words, at: int) -> bool:
        """Whether the capitalised word ``at`` before ``and`` opens the name
        after it (``Truth and Reconciliation Commission``, ``Economic and Social
        Commission``): one word after an article or a lower-case word that is
        no link or ``and`` (``Coalition of Revolutionary and Opposition Forces``
        goes on before it; ``Parks and Recreation and Shelbyville Recreation
        Center`` is a list), no acronym, known name, demonym or organisation word of its
        own (``SP and Congress``, ``Russia and Ruritanian Army``, ``Observatory
        and Free Syrian Army`` join two names)."""
        keys = words.key
        key = keys[at]
        if not words.cap(at) or words.upper(at) or words.sentence_start(at) or at == 0 \
                or words.cap(at - 1) and keys[at - 1] not in _ARTICLES \
                or keys[at - 1] in _NAME_PARTICLES or keys[at - 1] in _ORG_LINKS or keys[at - 1] in ("and", "or") \
                or key in ORG_HEADS \
                or key in _SENTENCE_STARTERS:
            return False
        aliases = self.gaz.aliases
        return key not in aliases["actor"] and key not in aliases["place"] and key not in self.gaz.demonyms

    def _named_after_kind(self, words: Words, kind: int) -> Candidate | None:
        """The organisation named right after its lower-case kind word ``kind``
        (``the opposition television channel Belsat``, ``the human rights website
        Weiquan Net``): one to four capitalised words in the same sentence, no
        date, article or sentence word, and no name the gazetteer knows."""
        keys, surface, gap, n = words.key, words.surface, words.gap, len(words.key)
        first = kind + 1
        if first >= n or gap[first] != " " or keys[first] in _DATE_WORDS \
                or keys[first] in _ARTICLES or keys[first] in _SENTENCE_STARTERS or not WORD_INFO[surface[first]][2] \
                and not (keys[first] in _NAME_PARTICLES and first + 1 < n and gap[first + 1] == "-"
                         and WORD_INFO[surface[first + 1]][2]):  # "the website al-Durrar al-Shamiyyah"
            return None
        last = first
        while last + 1 < n and last + 1 - first < _MAX_KIND_NAME and (gap[last + 1] in (" ", "-")
                                                                 or gap[last + 1] in _AMPERSANDS) \
                and keys[last + 1] not in _DATE_WORDS and (
                    WORD_INFO[surface[last + 1]][2] or keys[last + 1] in _NAME_PARTICLES
                    and last + 2 < n and WORD_INFO[surface[last + 2]][2]):
            last += 1
        actors, places = self.gaz.aliases["actor"], self.gaz.aliases["place"]
        if keys[first] in places or any(" ".join(keys[first:x + 1]) in actors for x in range(first, last + 1)):
            return None  # a place ("the media Syria TV"), or the gazetteer's name ("State media AFP A barrage")
        text = words.written(first, last)
        return first, last, text, "media" if keys[kind] in _MEDIA_KINDS else "organisation", first - last, 0

    def _named_for_leader(self, words: Words, rule: int) -> Candidate | None:
        """A government named for its leader (``the Abiy Ahmed administration``,
        ``the Hawke government``): one to three capitalised words after ``the``
        and before the lower-case word ``rule``, that the gazetteer does not
        know (``the Syrian government``, ``the Taliban government`` are theirs)."""
        keys, surface, gap = words.key, words.surface, words.gap
        first = rule
        while first > 0 and rule - first < 3 and gap[first] == " " and WORD_INFO[surface[first - 1]][2]:
            first -= 1
        if first == rule or first == 0 or keys[first - 1] != "the" or keys[first] in _SENTENCE_STARTERS:
            return None
        titles = title_words()
        while first < rule and keys[first] in titles:  # "the President Muhammadu Buhari government"
            first += 1
        aliases, demonyms = self.gaz.aliases, self.gaz.demonyms
        for lo in range(first, rule):
            for hi in range(lo, rule):
                name = " ".join(keys[lo:hi + 1])
                if name in aliases["actor"] or name in aliases["place"] or name in demonyms:
                    return None
            if any(stem in aliases["place"] or stem in aliases["actor"] for stem in _stems(keys[lo])):
                return None  # "the Namibian government", "Assads administration": the country's, the known one's
        text = words.written(first, rule)
        return first, rule, text, "government", first - rule, 0

    def _name_follows(self, words: Words, at: int) -> bool:
        """Whether an organisation's or a known actor's own name starts at
        word ``at`` (after an article): then ``and`` before it joins two
        names (``the Council of Europe and the Organization for Security``,
        ``the International Court of Justice and the International Criminal
        Court``), not two words of one (``Asia and the Pacific``)."""
        keys, n = words.key, len(words.key)
        article = at < n and keys[at] == "the"
        if article:
            at += 1
        end = at
        head = False
        while end < n and end - at < _MAX_NAME_WORDS and (end == at or words.soft(end)) and (
                words.cap(end) or keys[end] in _ORG_INNER and end + 1 < n and words.cap(end + 1)):
            head = head or keys[end] in ORG_HEADS  # ("Economic and Social Commission": one name)
            if head and (article or keys[end] in _ORG_LINKS):
                # Without an article, a bare head continues the name ("the
                # General Command of the Army and Armed Forces"); a name of its
                # own has its link ("... and Ministry of Strategic Affairs").
                return True
            end += 1
        actors = self.gaz.aliases["actor"]
        return any(" ".join(keys[at:stop]) in actors for stop in range(end, at, -1))

    def _demonym_name(self, country: str, rest: str) -> str | None:
        """The actor named ``<demonym of country> <rest>`` (``Russian Aerospace Forces``)."""
        table = self.gaz.aliases["actor"]
        for demonym, of in self.gaz.demonyms.items():
            if of == country:
                alias = table.get(f"{demonym} {rest}")
                if alias is not None and alias.target in self.gaz.actors:
                    return alias.target
        return None

    def _org_start(self, words: Words, first: int, head: int) -> tuple[int, str | None]:
        """Where an organisation's name starts once words glued before it in
        text that lost its punctuation are dropped: a place or a dateline
        or a known name before a demonym or another name (``Moscow Russian
        Foreign Ministry``, ``MOSCOW Russias Aerospace Forces``, ``Assad Syrian
        Observatory for Human Rights``), a possessive that lost its
        apostrophe (``Trumps National Security Council``)."""
        keys, gaz = words.key, self.gaz
        places, actors = gaz.aliases["place"], gaz.aliases["actor"]
        owner = None
        while first < head - 1:
            key, nxt = keys[first], keys[first + 1]
            if "-" in words.gap[first + 1]:  # "Eritrea-Ethiopia Boundary Commission": one name
                break
            if (key in places or key in actors) and (nxt in gaz.demonyms or nxt in places or nxt in actors
                                  or (nxt.endswith("s") and nxt[:-1] in places)):
                first += 1
            elif first < head - 2 and " ".join(keys[first:first + 2]) in actors and keys[first + 2] in gaz.demonyms:
                first += 2  # "Al Arabiya Syrian National Coalition chief": an outlet glued before the name
                break
            elif key.endswith("s") and len(key) > 3 and not words.upper(first) \
                    and (key[:-1] in actors or key[:-1] in places) and key not in actors and key not in places:
                place = places.get(key[:-1])
                owner = place.target if place is not None else None
                first += 1
                break
            else:
                break
        return first, owner

    @staticmethod
    def _on_title_line(words: Words, h: int, seen: dict[int, bool]) -> bool:
        """Is word ``h`` on a headline-style line (most words capitalised)?
        ``seen`` remembers the answer per line (keyed by its first word)."""
        first, end = words.line(h)
        if first not in seen:
            if end - first > _MAX_HEADLINE:  # a long line is a paragraph naming many people and bodies, no headline
                seen[first] = False  # (its words not looked up)
            else:
                codes = list(map(HEADLINE.__getitem__, words.surface[first:end])) if end - first < 2 \
                    else itemgetter(*words.surface[first:end])(HEADLINE)
                long_words = len(codes) - codes.count(0)
                seen[first] = long_words >= 6 and codes.count(2) >= 0.75 * long_words
        return seen[first]


_WRAPPED_LENGTHS = range(29, 76)


def hard_wrapped(text: str) -> bool:
    """Whether ``text`` is wrapped at a fixed width: ten lines or more, most of them
    30 to 75 characters long (``Organization of African Unity`` may then run over two)."""
    lines = text.count("\n")
    if lines < 10:
        return False
    ended = text.split("\n")
    ended.pop()  # (the text after the last line break ends no line)
    # 30 to 76 characters with the line break: 29 to 75 without (counted in C).
    return sum(map(_WRAPPED_LENGTHS.__contains__, map(len, ended))) > 0.7 * lines


def _stems(word: str) -> tuple[str, ...]:
    """What a demonym or a possessive that lost its apostrophe may be made from
    (``namibian`` -> ``namibia``, ``burundian`` -> ``burundi``, ``assads`` -> ``assad``)."""
    if len(word) < 5:
        return ()
    return word[:-1], word[:-2], word[:-3], word[:-2] + "a", word[:-3] + "a"


@lru_cache(maxsize=1)
def _given_not_titles() -> frozenset[str]:
    """First names that are no title word (built once: the list has ~30,000 names)."""
    return first_names() - title_words()


def _person_cut(keys: list[str], surface: list[str], begin: int, last: int, given: frozenset[str]) -> int:
    """Where a name's complement (words ``begin..last``) ends before a person's
    name that closes it (``Director of the Office of Foreign Assets Control
    Andrea M Gacki said``, ``the European Union for Foreign Affairs and
    Security Policy Federica Mogherini``): a given name then one or two
    capitalised words, none an organisation word."""
    for k in range(max(begin + 1, last - 2), last):
        if keys[k] in given and all(WORD_INFO[surface[i]][2] and keys[i] not in ORG_HEADS
                                    for i in range(k, last + 1)):
            cut = k - 1
            while cut >= begin and keys[cut] in _ORG_INNER:  # "College of Medicine and the Philippine ..."
                cut -= 1
            return cut
    return last
