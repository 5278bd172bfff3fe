"""Rivers, lakes, mountains, islands and townships named by their kind word
(issue 18: the world table of populated places has none of them)."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import located


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Neches River will crest on Friday.", "Neches River"),
        ("Boats were banned on Lake Lanier after the storm.", "Lake Lanier"),
        ("Fighting spread across the Nuba Mountains last week.", "Nuba Mountains"),
        ("He was born in Readington Township in 1930.", "Readington Township"),
        ("Shepherds crossed Mount Hermon at night.", "Mount Hermon"),
        ("The Farallon Islands lie offshore.", "Farallon Islands"),
    ],
)
def test_named_by_kind_word(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in located(gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        "The River was calm.",                 # a function word is no name
        "They swam in the lake on Monday.",    # a lower-case kind word names nothing
    ],
)
def test_no_name_no_place(gaz: Gazetteer, text: str) -> None:
    assert located(gaz, text) == []


def test_landform_places_have_their_kind(gaz: Gazetteer) -> None:
    from indexer.extraction.landforms import landform_places
    from indexer.extraction.words import Words

    found = landform_places(Words("Boats sailed up the Catawba River to Lake Wylie."), set())
    assert [(name, kind) for _, _, name, kind, _, _ in found] == [("Catawba River", "water"), ("Lake Wylie", "water")]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Alliance of Small Island States met in New York.", "Small Island"),
        ("Visitors of the Neches River National Wildlife Refuge counted birds.", "Neches River"),
    ],
)
def test_kind_word_inside_a_longer_name(gaz: Gazetteer, text: str, absent: str) -> None:
    assert absent not in located(gaz, text)


def test_protected_lands_named_by_a_kind_phrase(gaz: Gazetteer) -> None:
    """National forests, parks, preserves and wildernesses are named places
    (issue 18, LGL round 6): the kind phrase ends the name."""
    from tests.indexer.places import extracted_locations

    places = extracted_locations(gaz, "Hikers visit the Big Thicket National Preserve, Rocky Mountain National Park "
                                      "and the Cranberry Wilderness every summer.")
    assert {"Big Thicket National Preserve", "Rocky Mountain National Park", "Cranberry Wilderness"} <= set(places)


def test_kind_phrase_never_leaves_a_cut_name() -> None:
    from indexer.extraction.landforms import landform_places
    from indexer.extraction.words import Words

    words = Words("The forests of the Neches River National Wildlife Refuge grow.")
    names = [c[2] for c in landform_places(words, {words.key.index("neches")})]
    assert "River National Wildlife Refuge" not in names


def test_township_abbreviated(gaz: Gazetteer) -> None:
    """``Madison Twp.`` is a township, as ``Hamilton Township`` is, not a person (issue 18, LGL round 6)."""
    from tests.indexer.places import extracted_locations

    places = extracted_locations(gaz, "It could be Madison Twp., Trenton or Monroe. Rebekah Zoz of West Chester Twp. "
                                      "won the crown.")
    assert "Madison Twp" in places and "West Chester Twp" in places
