"""A town no data knows after a locative cue and ``in`` that closes a clause
(issue 18, LGL round 7); never ``in Medicaid,``, ``in Bitcoin.``, ``in Congress``."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import located


@pytest.mark.parametrize(("text", "town"), [
    ("The fire station in Cookville, located on County Road 4045, is open.", "Cookville"),
    ("Mr Smith, who lives in Cockerham, completed the course.", "Cockerham"),
    ("The owner of a kosher bakery in Squirrel Hill, prepared macaroons.", "Squirrel Hill"),
])
def test_unknown_town_after_a_cue(gaz: Gazetteer, text: str, town: str) -> None:
    assert town in located(gaz, text)


@pytest.mark.parametrize(("text", "word"), [
    ("States spent more in Medicaid, he said.", "Medicaid"),  # no cue
    ("Investors put their money in Bitcoin.", "Bitcoin"),  # no cue
    ("He was born and then served in Congress.", "Congress"),  # an institution
    ("She lived in Hope, and hope kept her going.", "Hope"),  # written in lower case too
    ("Services will be held in H. L. Snyder Funeral Home.", "H"),  # an initial
    ("Jane Baker was raised in Baker.", "Baker"),  # the person's name
])
def test_no_town_without_a_cue_or_from_an_ordinary_word(gaz: Gazetteer, text: str, word: str) -> None:
    assert word not in located(gaz, text)


@pytest.mark.parametrize("text", [
    "Officials in Oxford, Mississippi, said the bill stalled in Congress last week.",
    "Mayors from Texas and Ohio lobbied Parliament and the Senate in Austin.",
])
def test_a_legislature_is_never_a_town(gaz: Gazetteer, text: str) -> None:
    assert not {"Congress", "Parliament", "Senate"} & set(located(gaz, text))


def test_a_road_in_a_town(gaz: Gazetteer) -> None:
    text = "The man was seen at the marketplace along Route 30 in Hempfield. Police said he left."
    assert "Hempfield" in located(gaz, text)
    assert "Medicaid" not in located(gaz, "States spent 30 in Medicaid.")


def test_each_in_is_read_wherever_it_stands() -> None:
    """Only the words after ``in`` are visited (issue 18 item 10): the first
    possible one (``in`` the second word), one after an ``in`` that is no
    cue's, and the text's last word."""
    from indexer.extraction.unknown_towns import unknown_towns
    from indexer.extraction.words import Words

    text = "Living in Cockerham, he was in Leeds and then in Scotland; he now lives in Atalissa"
    names = [c[2] for c in unknown_towns(Words(text), set(), lambda key: False)]
    assert names == ["Cockerham", "Atalissa"]
    assert unknown_towns(Words(text), {2, 15}, lambda key: False) == []  # the taken words stay out
