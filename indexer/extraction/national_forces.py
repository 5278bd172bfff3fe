"""A state's armed forces and police as their own actors: ``Myanmar's army``, ``Bosnian police``.

Researchers ask what the Sudanese Armed Forces did, not what "Sudan" did, so
a country's name or demonym before a force noun (``army``, ``military``,
``troops``, ``air force``, ``security forces``...: :data:`FORCE_NOUNS`; ``police``: :data:`POLICE_NOUNS`)
names that state's forces, an actor of type ``armed_forces`` that is part of
the state. The rule is general: every country gets a forces actor called
``<Country> military`` (``Chad military``). Where a well-known name exists it is
curated in ``data/actors.tsv``: an ``armed_forces`` actor that lists
``<Country> military`` among its aliases takes over every alias the rule made
for that country (``Israel Defense Forces`` gets ``Israeli soldiers``,
``Israel's army``...), see :func:`merge_curated`.

``the junta`` names the forces of the country the statement is about (the
country it names most), when a country is named at all (:func:`junta_mentions`).

Leaf module: it reads and fills a :class:`~indexer.extraction.gazetteer.Gazetteer` through
its public tables and ``add_actor``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from indexer.extraction.gazetteer_types import DEMONYM_PLACE, NameSpan, name_key

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["BODY_NOUNS", "FORCE_NOUNS", "POLICE_NOUNS", "add_forces", "body_name", "coordinated_forces", "forces_name", "junta_mentions",
           "merge_curated", "named_countries", "police_name"]

#: Nouns after a country or demonym that name its armed forces.
FORCE_NOUNS = (
    "army military forces troops soldiers navy junta jets warplanes drones"
).split() + [
    "armed forces", "air force", "security forces", "special forces", "defence forces",
    "defense forces", "ground forces", "military junta", "occupation forces", "government forces",
    # aircraft and units written in two words ("Syrian or Russian war planes", "Russian air power")
    "war planes", "warplane", "war jets", "fighter jets", "fighter planes", "military aircraft",
    "air power", "gunships", "helicopter gunships", "ground troops", "regime forces", "regime troops",
    "regime war planes", "regime warplanes", "regime jets", "regime helicopters", "regime army",
]
#: Nouns after a country or demonym that name its police, an actor of its own (``Bosnian police``).
POLICE_NOUNS = ["police", "police force", "police forces", "policemen", "police officers", "riot police",
                "national police"]
#: A state's other bodies named by its demonym, each an actor of its own as its police
#: (``Algerian intelligence``, ``Iranian intelligence services``, ``the Kenyan parliament``):
#: the word ending their names (a legislature's capitalised, as its own name: ``Iraqi
#: Parliament``) and the nouns that name them.
BODY_NOUNS = {
    "intelligence": ["intelligence", "intelligence service", "intelligence services", "intelligence agency",
                     "intelligence agencies", "intelligence officials", "intelligence officers"],
    # a legislature, its chambers and its members as a group (CONVENTIONS.md: one actor per state)
    "Parliament": ["parliament", "legislature", "national assembly", "congress", "national congress", "senate",
                   "house of representatives", "lower house", "upper house", "chamber of deputies",
                   "lawmakers", "legislators", "MPs", "parliamentarians", "members of parliament"],
}


def forces_name(country: str) -> str:
    """The key name of a country's forces (``Chad military``): an alias of
    its forces actor whatever that is called (see :func:`add_forces`)."""
    return f"{country} military"


def police_name(country: str) -> str:
    """The key name of a country's police (``Chad police``), as :func:`forces_name`."""
    return f"{country} police"


def body_name(country: str, word: str) -> str:
    """The key name of a country's body of :data:`BODY_NOUNS` (``Kenya Parliament``):
    an alias of that body's actor whatever it is called, as :func:`forces_name`."""
    return f"{country} {word}"


def add_forces(gaz: Gazetteer, rank: int = 1) -> None:
    """A forces actor and a police actor per country, with ``<country or
    demonym> <force noun>`` aliases (after the demonym patterns, before the
    curated files). They are named with the demonym where there is one
    (``Mexican military``, ``Bosnian police``: the name a reader uses) and
    keep ``<Country> military`` / ``<Country> police`` as aliases; the same for
    its intelligence and parliament (:data:`BODY_NOUNS`: ``Saudi intelligence``)."""

    names_of: dict[str, list[str]] = {}
    for alias in gaz.aliases["place"].values():
        if alias.flags & DEMONYM_PLACE:  # "Turkish border": a pattern, not a name
            continue
        place = gaz.places.get(alias.target)
        if place is not None and place.kind == "country" and alias.target in gaz.actors:
            names_of.setdefault(alias.target, []).append(alias.text)
    demonym_of: dict[str, str] = {}
    for demonym, country in gaz.demonyms.items():
        if country in names_of:
            written = " ".join(w.capitalize() for w in demonym.split())
            names_of[country].append(written)
            demonym_of.setdefault(country, written)
    for country, names in names_of.items():
        names = list(dict.fromkeys(names))
        display = demonym_of.get(country)
        gaz.add_actor(f"{display} military" if display else forces_name(country), "armed_forces",
                      [forces_name(country), *(f"{name} {noun}" for name in names for noun in FORCE_NOUNS)],
                      rank, part_of=(country,))
        gaz.add_actor(f"{display} police" if display else police_name(country), "armed_forces",
                      [police_name(country), *(f"{name} {noun}" for name in names for noun in POLICE_NOUNS)],
                      rank, part_of=(country,))
        for word, nouns in BODY_NOUNS.items():
            # no demonym: "Parliament of Ghana", the form such a legislature's own name takes
            name = f"{display} {word}" if display else f"{word} of {_with_article(country)}" if word[0].isupper() \
                else f"{country} {word}"
            gaz.add_actor(name, "government",
                          [body_name(country, word), *(f"{name} {noun}" for name in names for noun in nouns)],
                          rank, part_of=(country,))


#: Words of a country's name that take ``the`` after ``of`` (``Parliament of the Republic of the Congo``).
_ARTICLE_WORDS = frozenset("Republic Kingdom States Islands Emirates Federation Netherlands Philippines Bahamas "
                           "Maldives Comoros Seychelles Gambia".split())


def _with_article(country: str) -> str:
    return f"the {country}" if _ARTICLE_WORDS.intersection(country.split()) else country


def merge_curated(gaz: Gazetteer) -> None:
    """Hand each generated forces, police or body actor's aliases to the curated
    actor that claims its key name (``Israel Defense Forces`` lists ``Israel
    military``, ``Haitian National Police`` lists ``Haiti police``, ``United
    States Congress`` lists ``United States Parliament``)."""
    table = gaz.aliases["actor"]
    owners: dict[str, str] = {}
    for name, actor in gaz.actors.items():
        if actor.type in ("armed_forces", "government") and len(actor.part_of) == 1 and actor.rank <= 1:
            country = actor.part_of[0]
            key_names = (forces_name(country), police_name(country)) if actor.type == "armed_forces" \
                else tuple(body_name(country, word) for word in BODY_NOUNS)
            for key_name in key_names:
                if key_name.rsplit(" ", 1)[1] in name.split():
                    owner = table.get(_key(gaz, key_name))
                    if owner is not None and owner.target != name:
                        owners[name] = owner.target
    if not owners:
        return
    for alias in table.values():  # one pass over the aliases
        if alias.target in owners:
            alias.target = owners[alias.target]
    for name in owners:
        del gaz.actors[name]


def coordinated_forces(gaz: Gazetteer, keys: list[str], cap: Callable[[int], bool],
                       cands: list[tuple], gaps: list[str] | None = None) -> list[tuple]:
    """The forces of a demonym joined by ``and``/``or`` to a demonym's forces
    (``Syrian or Russian war planes``, ``Turkish and Iraqi troops``) or to
    other forces named by a modifier and the same head noun (``Russian and
    regime forces``: Russian forces), and the state of a demonym joined to a
    demonym's act or arms that name its state (``Syrian and Russian air
    strikes``: Syria's too, ``gazetteer.DEMONYM_ACTOR_NOUNS``), or to a demonym's
    body (``Pakistani and Iranian intelligence``: Pakistan's too), and each demonym of a
    comma list before (``Russian, Syrian and Iranian forces``; ``gaps``: the words'
    gaps): one candidate
    ``(first, first, name, type, 0, rank)`` per such demonym, for the
    candidates ``cands`` of two words or more."""
    demonyms, aliases, actors = gaz.demonyms, gaz.aliases["actor"], gaz.actors
    out = []
    for first, last, name, _, _, rank in cands:
        actor = actors.get(name)
        if first < 2 or last == first or actor is None or keys[first - 1] not in ("and", "or") \
                or keys[first - 2] not in demonyms or not cap(first - 2):
            continue
        # The head noun the demonym shares: the rest of a demonym's name ("Russian air
        # strikes", "Syrian regime war planes"), or the act or arms after a state's or
        # government's name ("Russian and Assad regime airstrikes"); a state only so,
        # not by its own name.
        tails = [keys[first + 1:last + 1]] if actor.type == "armed_forces" else []
        if keys[first] in demonyms and actor.type in (*_SHARING, "armed_forces"):
            tails += [keys[start:last + 1] for start in range(first + 1 + (actor.type == "armed_forces"), last + 1)]
        if actor.type in _SHARING:
            tails += [keys[last + 1:last + 3], keys[last + 1:last + 2]]
        for tail in tails:
            alias = aliases.get(" ".join([keys[first - 2], *tail])) if tail else None
            other = actors.get(alias.target) if alias is not None else None
            if other is not None and (other.type == "armed_forces" or other.type == "state" and tail[-1] in _ACTS
                                      or other.type == "state" and tail[-1] in _STATE_PEOPLE
                                      or other.type == "government" == actor.type and tail == keys[first + 1:last + 1]):
                # (a state's body shares the whole noun: "Pakistani and Iranian intelligence")
                out.append((first - 2, first - 2, other.name, other.type, 0, rank))
                # the demonyms of a list before it ("Russian, Syrian and Iranian forces")
                at = first - 2
                while gaps is not None and at >= 1 and gaps[at].strip() == "," and keys[at - 1] in demonyms \
                        and cap(at - 1):
                    listed = aliases.get(" ".join([keys[at - 1], *tail]))
                    named = actors.get(listed.target) if listed is not None else None
                    if named is None or named.type != other.type:
                        break
                    at -= 1
                    out.append((at, at, named.name, named.type, 0, rank))
                break
    return out


#: Actors whose demonym-led name or following act noun a demonym before them shares.
_SHARING = ("state", "government")
#: Act nouns through which a demonym names its state (``Syrian and Russian air strikes``);
#: its arms (``Syrian or Russian aircraft``) name the state's forces, which only a
#: forces alias gives (a state's demonym before ``aircraft`` gives the state).
#: Nouns for a state's government and its people through which a demonym names its state
#: (``Syrian and Russian officials``: Syria's too).
_STATE_PEOPLE = frozenset("officials authorities government diplomats regime".split())
_ACTS = frozenset("strikes airstrikes raids attacks bombing bombings bombardment bombardments shelling".split())


def _key(gaz: Gazetteer, name: str) -> str:

    return name_key(name)


_JUNTA = re.compile(r"\b(?:[Tt]he|[Mm]ilitary|[Rr]uling)[ \t]+junta\b")


def named_countries(actors: list[NameSpan], places: list[NameSpan], gaz: Gazetteer) -> Counter[str]:
    """How often the text names each country: as a place, a state actor, or
    through a town in it or a body of it (the country a text is about)."""
    counts: Counter[str] = Counter()
    for name, kind, *_ in places:
        if kind == "country":
            counts[name] += 1
        else:  # a town names its country too
            counts.update(p for p in gaz.parents(name) if gaz.place_kind(p) == "country")
    for name, kind, *_ in actors:
        if kind == "state":
            counts[name] += 1
        else:
            for parent in gaz.actors[name].part_of if name in gaz.actors else ():
                if gaz.place_kind(parent) == "country":  # a UN body names no country
                    counts[parent] += 1
    return counts


def junta_mentions(text: str, actors: list[NameSpan], places: list[NameSpan],
                   gaz: Gazetteer) -> list[NameSpan]:
    """``the junta`` as the forces of the country the text names most."""
    if "junta" not in text:
        return []
    counts = named_countries(actors, places, gaz)
    if not counts:
        return []
    country = counts.most_common(1)[0][0]
    alias = gaz.aliases["actor"].get(_key(gaz, forces_name(country)))
    if alias is None:
        return []
    taken = [(s, e) for _, _, s, e, _ in actors]
    out: list[NameSpan] = []
    for m in _JUNTA.finditer(text):
        start, end = m.span()
        if not any(start < e and s < end for s, e in taken):
            out.append((alias.target, "armed_forces", start, end, m.group()))
    return out
