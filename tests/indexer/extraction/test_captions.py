"""Photo captions, same-line related headlines and rights lines are not content (issue 18 item 6)."""

from __future__ import annotations

import pytest

from indexer.extraction.boilerplate import mask
from indexer.extraction.captions import caption_spans
from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement

BODY = "Soldiers seized the capital on Tuesday, witnesses said.\n\nThe president resigned hours later.\n\n"


def _kept(text: str) -> str:
    return " ".join(mask(text, "body")[0].split())


@pytest.mark.parametrize(
    "caption",
    [
        "FILE PHOTO: President Keita poses for a picture during the summit in Nouakchott, Mauritania June 30, 2020. "
        "Ludovic Marin /Pool via REUTERS/File Photo",
        "Organizer Jason Anthony speaks to media in the Brooklyn borough of New York. (AP Photo/Eduardo Munoz Alvarez)",
        "Gabriella stands next to her father Richard Credit: Stefan Rousseau/PA",
        "Click to expand Image Prime Minister Boris Johnson and Paul Kagame meet in London, April 19, 2018.",
        "Italian newspapers report on the arrests. (Photo by Vincenzo Pinto/AFP via Getty Images)",
        "The accused has confessed. (Photo: Representational image)",
    ],
)
def test_a_caption_line_is_blanked(caption: str) -> None:
    text = BODY + caption + "\n\nThe army named a council."
    assert _kept(text) == " ".join((BODY + "The army named a council.").split())


@pytest.mark.parametrize(
    "line",
    [
        "The photo was published by the ministry on Tuesday.",  # a sentence about a photo
        "Credit card payments were suspended, the bank said.",  # "Credit" opening a sentence
        "Officials said the picture was clear.",
        "The footage was obtained via Reuters.",  # a sentence ending with an outlet's name
    ],
)
def test_a_short_paragraph_of_content_stays(line: str) -> None:
    text = BODY + line + "\n\nThe army named a council."
    assert line in mask(text, "body")[0]


def test_a_caption_in_a_text_without_line_breaks_is_its_sentence() -> None:
    text = ("Published July 21 2015 A young boy cries on the rubble in the Maghayir district of Aleppo on July 21 "
            "2015. (AFP Photo) At least 18 civilians were killed on Tuesday in Idlib, a monitor said.")
    kept = mask(text, "body")[0]
    assert "Maghayir" not in kept and "Aleppo" not in kept
    assert kept.startswith("Published July 21 2015 ")
    assert "At least 18 civilians were killed on Tuesday in Idlib, a monitor said." in kept


def test_an_inline_credit_after_a_content_sentence_keeps_the_sentences_before() -> None:
    text = ("Jets struck Idlib on Monday. Rescuers searched the rubble in Ariha (Reuters Photo) "
            "Thirty people were killed.")
    kept = mask(text, "body")[0]
    assert "Jets struck Idlib on Monday." in kept and "Ariha" not in kept and "Thirty people were killed." in kept


def test_a_one_line_text_is_no_caption() -> None:
    assert caption_spans("Gabriella stands next to her father Credit: Stefan Rousseau/PA") == []


@pytest.mark.parametrize(
    ("line", "blanked"),
    [
        ("READ MORE Burundi needs UN force to stop human rights abuses, HRW says", True),
        ("Related Content Submission by Human Rights Watch to the UN Committee", True),
        ("Read more about the case in our report.", False),  # a sentence
        ("Read more widely, the minister said, and then judge", False),  # no capital after the heading
    ],
)
def test_a_related_headline_on_its_heading_line(line: str, blanked: bool) -> None:
    text = BODY + line + "\n\nThe army named a council."
    assert (line not in mask(text, "body")[0]) is blanked


def test_a_rights_line_is_blanked() -> None:
    assert _kept("Police arrested him.\n\nCopyright 2020 WTOC. All rights reserved.") == "Police arrested him."


def test_caption_names_are_not_extracted(gaz: Gazetteer) -> None:
    text = ("The army seized power in Bamako on Tuesday, officers said.\n\n"
            "FILE PHOTO: Keita poses for a picture during a summit in Nouakchott, Mauritania June 30, 2020. "
            "Ludovic Marin /Pool via REUTERS/File Photo\n\nThe officers promised elections.")
    out = extract(Statement("x", "", text, "p"), gaz)
    assert "Bamako" in out.locations
    assert "Nouakchott" not in out.locations and "Mauritania" not in out.locations
    assert "Ludovic Marin" not in out.actors


@pytest.mark.parametrize(
    ("line", "blanked"),
    [
        ("Blanchard (pictured) was last seen October 23 at a convenience store in Auburn, Alabama", True),
        ("Pictured, riot police try to disperse protesters in Hong Kong on July 1, 2019", True),
        ("Congresswoman Ilhan Omar (pictured) has called for an end to attacks on journalists.", False),  # a sentence
    ],
)
def test_a_pictured_line_without_a_final_stop_is_a_caption(line: str, blanked: bool) -> None:
    text = BODY + line + "\n\nThe army named a council."
    assert (line not in mask(text, "body")[0]) is blanked


@pytest.mark.parametrize(
    ("line", "blanked"),
    [
        ("The views expressed in UkraineAlert are solely those of the authors and do not necessarily reflect "
         "the views of the Atlantic Council, its staff, or its supporters.", True),
        ("Opinions expressed in this article remain those of the author and do not necessarily represent "
         "those of The New Arab, its editorial board or staff.", True),
        ("The views expressed by the minister were rejected by Egypt.", False),  # content
    ],
)
def test_a_disclaimer_line_is_blanked(line: str, blanked: bool) -> None:
    text = BODY + line + "\n\nThe army named a council."
    assert (line not in mask(text, "body")[0]) is blanked
