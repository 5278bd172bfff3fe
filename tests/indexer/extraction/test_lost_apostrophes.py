"""A country's possessive that lost its apostrophe before a place (``Syrias Aleppo``) names
the country as a place (held-out gold, stop 31)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.lost_apostrophes import _POSSESSIVE, _PART_WORDS, _WORD_BEFORE, _armed, restore_possessives
from indexer.model import Statement


def _named(gaz: Gazetteer, body: str) -> tuple[list[str], list[str]]:
    """(actors, places named in the text, not only inferred)."""
    e = extract(Statement("x", "", body, "p"), gaz)
    named = [p for p in e.locations if not all(isinstance(i, dict) for i in e.evidence["locations"][p])]
    return e.actors, named


@pytest.mark.parametrize("body", [
    "Regime shelling kills 10 civilians including 6 children in Syrias Damascus.",
    "Monitor 16 dead in heavy bombardment on Syrias Idlib Monitor.",
    "Barrel bomb attack kills 11 children in Syrias Aleppo.",
])
def test_a_possessive_before_a_place_names_the_country(gaz: Gazetteer, body: str) -> None:
    actors, places = _named(gaz, body)
    assert "Syria" in places and "Syria" not in actors


def test_a_possessive_before_another_word_names_nothing(gaz: Gazetteer) -> None:
    actors, places = _named(gaz, "Syrias war began in 2011 as protests.")
    assert "Syria" not in actors and "Syria" not in places


def test_an_organisations_owner_is_still_read(gaz: Gazetteer) -> None:
    actors, _ = _named(gaz, "MOSCOW Russias Aerospace Forces struck targets on Monday.")
    assert "Russian Armed Forces" in actors


def test_offsets_and_names_of_their_own_are_kept() -> None:
    text = "the Americas and Syrias Aleppo"
    out = restore_possessives(text, {"Syria", "America"}.__contains__, {"Americas"}.__contains__,
                              {"Aleppo"}.__contains__)
    assert out == "the Americas and Syria' Aleppo" and len(out) == len(text)


def test_the_scene_after_a_restored_possessive_is_still_found(gaz: Gazetteer) -> None:
    body = "At least 39 people were killed in airstrikes by Russian warplanes in Syrias western province of Idlib."
    claims = extract(Statement("x", "", body, "p"), gaz).claims
    assert any(role == "in" and name == "Idlib" for c in claims for role, name, _, _ in c.roles)


@pytest.mark.parametrize(("text", "expected"), [
    ("Syrias Aleppo", "Syria' Aleppo"),  # at the text's start
    ("in\nSyrias Aleppo", "in\nSyria' Aleppo"),  # after a line break
    ("(Syrias Aleppo)", "(Syria' Aleppo)"),
    ("pro-Syrias Aleppo", "pro-Syrias Aleppo"),  # inside a hyphenated word
    ("d'Syrias Aleppo", "d'Syrias Aleppo"),  # after an apostrophe
    ("ASyrias Aleppo", "ASyrias Aleppo"),  # inside a word
    ("3Syrias Aleppo", "3Syrias Aleppo"),
])
def test_only_a_whole_word_is_rewritten(text: str, expected: str) -> None:
    # The word must start where no word character, apostrophe or hyphen precedes it.
    assert restore_possessives(text, {"Syria"}.__contains__, lambda _: False,
                               {"Aleppo"}.__contains__) == expected


@pytest.mark.parametrize(("body", "agent"), [
    ("Ten civilians were killed in Russias airstrikes on Idlib.", "Russia"),
    ("Eight Civilians Killed in US-Led Coalitions Airstrike West of Raqqa", "US-led coalition"),
    ("Assads air force killed 65 civilians in Raqqa.", "Bashar al-Assad"),  # its owner, as "X's jets" give X
])
def test_an_actors_possessive_before_its_strikes_or_arms_names_their_agent(gaz: Gazetteer, body: str,
                                                                           agent: str) -> None:
    """``Russias airstrikes`` is Russia's (FA-KES lost every apostrophe): the agent, ``by``."""
    claims = extract(Statement("x", "", body, "p"), gaz).claims
    assert [name for c in claims for role, name, _, _ in c.roles if role == "by"] == [agent]


def test_a_plural_name_before_strikes_is_left_alone() -> None:
    out = restore_possessives("the Philippines airstrikes", {"Philippine"}.__contains__,
                              {"Philippines"}.__contains__, set().__contains__)
    assert out == "the Philippines airstrikes"


def _restored_in_the_first_order(text: str, is_country: Callable[[str], bool], is_name: Callable[[str], bool],
                                 is_place: Callable[[str], bool], is_actor: Callable[[str], bool]) -> str:
    """``restore_possessives`` as first written (``is_name`` asked first), the reference."""
    def repl(m: re.Match[str]) -> str:
        stem, nxt, after = m.group(1), m.group(2), m.group(3)
        if is_name(stem + "s"):
            return m.group()
        if _armed(nxt, after) and (is_country(stem) or is_actor(stem)):
            return stem + "'"
        if not (nxt in _PART_WORDS or nxt[:1].isupper() and (is_place(nxt) or after and is_place(f"{nxt} {after}"))):
            return m.group()
        if is_country(stem):
            return stem + "'"
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before and is_country(f"{before.group(1)} {stem}"):
            return stem + "'"
        return m.group()

    return _POSSESSIVE.sub(repl, text)


def test_names_are_asked_last_with_the_same_result() -> None:
    """``is_name`` (a key folded per call) is asked only of a word the other tests would
    rewrite, in any order of the names: the output is the first order's (speed7)."""
    rng = random.Random(7)
    stems = ["Syria", "Arabia", "Russia", "Assad", "America", "Iraq", "Coalition", "Forces", "Nation"]
    nexts = ["Aleppo", "capital", "north", "air", "force", "strikes", "airstrikes", "war", "Idlib", "Homs",
             "Security", "said", "Saudi", "the"]
    words = [*(s + "s" for s in stems), *nexts, *stems, "Saudi", "in", "of", "-", "'", ".", "\n"]
    for _ in range(1000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14))).replace(" - ", "-")
        countries = set(rng.sample(["Syria", "Russia", "Iraq", "Saudi Arabia", "America", "Arabia"], rng.randint(0, 4)))
        names = set(rng.sample([s + "s" for s in stems], rng.randint(0, 3)))
        places = set(rng.sample(["Aleppo", "Idlib", "Homs", "Saudi", "Security"], rng.randint(0, 4)))
        actors = set(rng.sample(stems, rng.randint(0, 4)))
        asked: list[str] = []

        def is_name(word: str, names: set[str] = names) -> bool:
            asked.append(word)
            return word in names

        args = (countries.__contains__, is_name, places.__contains__, actors.__contains__)
        expected = _restored_in_the_first_order(text, *args)
        asked.clear()
        assert restore_possessives(text, *args) == expected, text
        assert len(asked) <= sum(a != b for a, b in zip(expected, text)) + len(names & set(text.split())), text


def test_a_possessive_before_an_ordinary_word_asks_no_name() -> None:
    asked: list[str] = []
    out = restore_possessives("Nations said the Forces were here", {"Syria"}.__contains__,
                              lambda word: asked.append(word) or False, {"Aleppo"}.__contains__, set().__contains__)
    assert out == "Nations said the Forces were here" and asked == []
