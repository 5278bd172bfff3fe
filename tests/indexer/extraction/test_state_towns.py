"""Towns placed by a state or country after them and a comma (issue 18, LGL
round 7): ``Surprise, Ariz.``, ``Independence, Mo.`` (words), ``Medina, Ohio``
(a given name), ``Thackerville, Okla.`` (a town no data knows)."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer
from tests.indexer.places import located


@pytest.mark.parametrize(("text", "town"), [
    ("Louisville, Ky., New Haven, Conn. and Surprise, Ariz., were picked from a pool.", "Surprise"),
    ("He found the men early Saturday in Independence, Mo., during a struggle.", "Independence"),
    ("Handler Joseph Vergnetti of Medina, Ohio, runs the show ring.", "Medina"),
    ("Dennis Lopez of Thackerville, Okla. came to see the plane off.", "Thackerville"),
    ("Sean Clouthier, 22, of Sulpher, La., was stopped.", "Sulpher"),
])
def test_town_before_a_state(gaz: Gazetteer, text: str, town: str) -> None:
    assert town in located(gaz, text)


@pytest.mark.parametrize(("text", "word"), [
    ("The bill goes to the floor next week. Meanwhile, New York's attorney general sued.", "Meanwhile"),
    ("Figures came from the Department of Workforce Development, Indiana officials said.", "Workforce Development"),
])
def test_no_town_from_ordinary_words_before_a_state(gaz: Gazetteer, text: str, word: str) -> None:
    assert word not in located(gaz, text)
