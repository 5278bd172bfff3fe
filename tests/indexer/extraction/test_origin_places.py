"""Where a person comes from (issue 18, LGL round 7): ``a Meadow Grove
man``, ``Deputies arrest Pointe Coupee teen``: a town no data knows, or one
the people finder took for a person's name."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer


def names(gaz: Gazetteer, text: str) -> tuple[list[str], list[str]]:
    actors, places = gaz.find_names(text)
    return [a[0] for a in actors], [p[0] for p in places]


@pytest.mark.parametrize(("text", "town"), [
    ("A Columbus woman admitted to falsely accusing a Meadow Grove man of assault.", "Meadow Grove"),
    ("Deputies arrest Pointe Coupee teen on weapon count.", "Pointe Coupee"),
    ("The reward for the murder of a Tennessee Colony man has been upped.", "Tennessee Colony"),
])
def test_origin_town(gaz: Gazetteer, text: str, town: str) -> None:
    actors, places = names(gaz, text)
    assert town in places and town not in actors


@pytest.mark.parametrize(("text", "word"), [
    ("Nazarian was born into a Jewish family and met a Black man.", "Jewish"),
    ("Her father nicknamed her, said her mother, Mamie Underwood. Kimberly Underwood's father came.", "Underwood"),
    ("Fans cheer the K-State men's basketball team.", "K-State"),
    ("The plan covers more than 10,000 residents. Previously residents could rent.", "Previously"),
    ("Gunmen killed two Shiite men and a Black woman.", "Shiite"),
    ("Lovelle Mixon was hiding. Police said a Mixon relative fired; a Mixon man ran.", "Lovelle Mixon"),
])
def test_no_origin_town(gaz: Gazetteer, text: str, word: str) -> None:
    assert word not in names(gaz, text)[1]


def test_origin_town_at_every_mention(gaz: Gazetteer) -> None:
    text = ("A Columbus woman accused a Meadow Grove man of assault. Richard Pehrson of Meadow Grove "
            "was cleared. The Meadow Grove man was happy.")
    actors, places = gaz.find_names(text)
    assert [p[4] for p in places].count("Meadow Grove") == 3
    assert "Meadow Grove" not in [a[0] for a in actors]
