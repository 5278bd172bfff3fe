"""A country's role from the frame of its mention (issue 18 item 5): a place
after a border word and ``with``/``between``, after a locative and an
adjective, before a possessive's place noun, as a headline's topic label;
an actor as the object of ``ally of``/``admission of``, or as the owner of an
act noun after a locative (``killed in U.S. air strikes``); both when a place
acts in a relative clause."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def _role(gaz: Gazetteer, body: str, country: str) -> str | None:
    """``"actor"``, ``"place"``, ``"both"`` or ``None``: what ``country`` is in ``body``."""
    e = extract(Statement("x", "", body, "p"), gaz)
    actor, place = country in e.actors, country in e.locations
    return "both" if actor and place else "actor" if actor else "place" if place else None


@pytest.mark.parametrize(("body", "country", "role"), [
    # a border word and "with"/"between"
    ("The rebels are now in the village of Suleima on the border with Iraq.", "Iraq", "place"),
    ("The YPG controls nearly all of the northern frontier with Turkey.", "Turkey", "place"),
    ("Migrants come overland, using a river border crossing with Turkey.", "Turkey", "place"),
    ("The border between Syria and Turkey was closed on Monday.", "Syria", "place"),
    ("The border between Syria and Turkey was closed on Monday.", "Turkey", "place"),
    # a locative and an adjective of the place
    ("State terrorism in occupied Palestine has shocked the world.", "Palestine", "place"),
    ("Thousands fled to neighbouring Turkey last week.", "Turkey", "place"),
    ("Many civilians were killed in war-torn Syria on Monday.", "Syria", "place"),
    ("We want to help Syria recover from the war.", "Syria", "actor"),
    # "ally of", "admission of", "invitation of": the state
    ("The YPG has been a close ally of the United States in the campaign.", "United States", "actor"),
    ("The Kurds have been allies of Russia for years.", "Russia", "actor"),
    ("We also favour the admission of Palestine to full membership of the United Nations.", "Palestine", "actor"),
    ("The talks met at the invitation of Saudi Arabia last year.", "Saudi Arabia", "actor"),
    # an act noun after a locative: whose act, not where
    ("Six civilians were among 22 people killed in U.S. air strikes on Raqqa.", "United States", "actor"),
    ("Six civilians were killed in the U.S. on Monday.", "United States", "place"),
    # a possessive, an adjective and a place noun
    ("I strongly believe that Afghanistan's immediate neighbours must help.", "Afghanistan", "place"),
    ("Israel's new government said it would respond.", "Israel", "actor"),
    # a headline's topic label
    ("Ethiopia: UN workers detained as police arrest Tigrayans\nThe workers were held.", "Ethiopia", "place"),
    # a place that acts in a relative clause after "which" (not "who": the person)
    ("Many residents sought to cross into Turkey, which opened its border on Friday.", "Turkey", "both"),
    ("Many residents sought to cross into Turkey, which is far away.", "Turkey", "place"),
    ("The mines are dangerous, said a guard from Kenya who said he was afraid.", "Kenya", "place"),
])
def test_the_frame_of_a_country_decides_its_role(gaz: Gazetteer, body: str, country: str, role: str) -> None:
    assert _role(gaz, body, country) == role
