"""Organisations' names in text wrapped at a fixed width (the UN records), and
the parts of names misread as owners or places (held-out gold, stop 31)."""

from __future__ import annotations

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.org_names import hard_wrapped
from indexer.model import Statement

_FILLER = ("We note with pleasure the work done this year by all\n"
           "the delegations present in this Hall, and we thank\n"
           "them for the spirit of cooperation they have shown.\n") * 3


def _extract(gaz: Gazetteer, body: str):  # type: ignore[no-untyped-def]
    return extract(Statement("x", "", body, "p"), gaz)


def test_a_name_runs_over_a_line_break_of_wrapped_text(gaz: Gazetteer) -> None:
    body = (_FILLER + "Defenders of our country were acquitted by the\n"
            "International Criminal Tribunal for the former\nYugoslavia of most charges, as we\n"
            "hoped. Nepal works under the umbrella of the South Asian Association for Regional\n"
            "Cooperation (SAARC), as it did last year.\n")
    assert hard_wrapped(body)
    e = _extract(gaz, body)
    assert "International Criminal Tribunal for the former Yugoslavia" in e.actors
    assert "South Asian Association for Regional Cooperation" in e.actors
    assert "Yugoslavia" not in e.actors and "Yugoslavia" not in e.locations
    assert not any(a.startswith("International Criminal Tribunal") and a != 
                   "International Criminal Tribunal for the former Yugoslavia" for a in e.actors)


def test_a_short_text_keeps_its_lines_apart(gaz: Gazetteer) -> None:
    assert not hard_wrapped("Syrian Observatory\nfor Human Rights said\n")


def test_wrapped_lines_count_30_to_76_characters_with_their_break() -> None:
    # Eight lines in the width and three outside it: 8 > 0.7 * 11; one fewer is not.
    inside = "a" * 29 + "\n" + "b" * 75 + "\n" + "c" * 50 + "\n"
    outside = "x" * 28 + "\n" + "y" * 76 + "\n" + "\n"
    assert hard_wrapped(inside * 2 + "d" * 40 + "\n" + "e" * 40 + "\n" + outside + "no break after this line")
    assert not hard_wrapped(inside * 2 + "d" * 40 + "\n" + outside + "z" * 80 + "\n" + "the last line")


def test_a_peoples_possessive_is_part_of_the_name(gaz: Gazetteer) -> None:
    assert "Sudan People's Liberation Army" in _extract(gaz, "The Sudan People's Liberation Army fought on.").actors


def test_a_known_acronym_keeps_its_canonical_name(gaz: Gazetteer) -> None:
    e = _extract(gaz, "The Organization for Security and Cooperation in Europe (OSCE) sent observers.")
    assert e.actors == ["OSCE"]


def test_a_persons_name_closes_no_organisations_name(gaz: Gazetteer) -> None:
    e = _extract(gaz, "The plot was planned, Director of the Office of Foreign Assets Control Andrea M Gacki said.")
    assert "Andrea M Gacki" in e.actors
    assert not any(a.startswith("Office of Foreign Assets Control ") for a in e.actors)


def test_a_title_word_is_no_given_name(gaz: Gazetteer) -> None:
    body = "The Ad Hoc Working Group on the Revitalization of the General Assembly met."
    assert "Ad Hoc Working Group on the Revitalization of the General Assembly" in _extract(gaz, body).actors
