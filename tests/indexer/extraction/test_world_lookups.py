"""How often the world-place finder asks the world table and the gazetteer
(issue 18 item 10): a statement names its places again and again, and a
word a place found already covers can start no world name alone; the
places found stay the same."""

from __future__ import annotations

import pytest

from indexer.extraction import world_places
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.words import Words


def _recorded(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[str]:
    """The first arguments of every call of ``owner.name`` from now on."""
    calls: list[str] = []
    original = getattr(owner, name)

    def record(key: str, *args: object) -> object:
        calls.append(key)
        return original(key, *args)

    monkeypatch.setattr(owner, name, record)
    return calls


def test_a_found_place_alone_is_not_looked_up(gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    """``Homs`` is the matcher's place: as a world name of its own it could
    only repeat it, so the world table is not asked about it."""
    asked = _recorded(monkeypatch, gaz.world_resolver().table, "maybe")
    found = [m.name for m in gaz.find_locations("Shelling hit Homs on Monday; Homs residents fled to Lebanon.")]
    assert found == ["Homs", "Homs", "Lebanon"]
    assert "homs" not in asked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighting spread in North Darfur and Darfur.", ["North Darfur", "Darfur"]),
        ("Mexico City police said the march in Mexico was peaceful.", ["Mexico City", "Mexico"]),
    ],
)
def test_a_longer_world_name_still_holds_a_found_place(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert [m.surface for m in gaz.find_locations(text)] == expected


def _mentions(words: Words, surface: str, name: str, kind: str) -> list[tuple]:
    """The matcher's candidates ``(first, last, name, kind, first - last, rank)`` of a one-word ``surface``."""
    return [(i, i, name, kind, 0, -1) for i, s in enumerate(words.surface) if s == surface]


def test_each_place_is_placed_once_a_text(gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The countries and regions of a text come from each place's chain of
    parents, asked once for all its mentions."""
    words = Words("Homs was shelled. Homs burned. The road to Homs and Idlib was cut; Idlib fell.")
    places = sorted(_mentions(words, "Homs", "Homs", "city") + _mentions(words, "Idlib", "Idlib", "province"))
    gaz.start_text()
    asked = _recorded(monkeypatch, gaz, "parents")
    out = world_places.add_world_places(gaz, words, [], places)
    assert [c[2] for c in out] == ["Homs", "Homs", "Homs", "Idlib", "Idlib"]
    assert asked.count("Homs") == 1 and asked.count("Idlib") == 1


def test_namesake_states_looked_up_once_a_name(gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    """``Georgia`` three times: the US state named so, looked up once."""
    words = Words("Georgia said no. Georgia said it again. Georgia would not sign.")
    countries = _mentions(words, "Georgia", "Georgia", "country")
    resolver = gaz.world_resolver()
    asked = _recorded(monkeypatch, resolver.table, "lookup")
    assert world_places._namesake_states(resolver, words, [], countries) == {"US"}
    assert asked == ["georgia"]
