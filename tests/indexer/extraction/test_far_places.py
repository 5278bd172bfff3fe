"""A table village named once and far from every other place of the text is
a misreading (issue 18, item 4: `Al Mallah` in Aleppo is not Malah in Suwayda)."""

from __future__ import annotations


from indexer.extraction.gazetteer import Gazetteer


def located(gaz: Gazetteer, text: str) -> list[str]:
    from indexer.extraction.extract import extract
    from indexer.model import Statement

    return extract(Statement(id="s", title="", body=text, source="test"), gaz).locations


def test_a_far_village_is_left_out(gaz: Gazetteer) -> None:
    text = ("The assault is intended to ease the pressure on the Mallah and Handarat fronts, "
            "he said, referring to areas near the rebel supply route into Aleppo.")
    places = located(gaz, text)
    assert "Malah" not in places and "Aleppo" in places


def test_a_village_whose_governorate_is_named_stays(gaz: Gazetteer) -> None:
    text = ("The militant was killed in the town of Serghaya in Rural Damascus. "
            "Troops also advanced near Aleppo.")
    assert "Sirghaya" in located(gaz, text)
