"""News outlets as actors (issue 18 item 6, stop 34 ``news6``): an outlet
named only as a picture's credit, a journalist's employer or the text's own
originator is no actor; one that acts (reports, is told, is raided, closes)
stays one."""

from __future__ import annotations

import pytest

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement


def actors(gaz: Gazetteer, body: str) -> list[str]:
    return extract(Statement("x", "", body, "p"), gaz).actors


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        # a caption's photographer and agency
        ("Protesters gather outside Parliament in Cape Town, June 3, 2020.MIKE HUTCHINGS/Reuters\n\n"
         "Soon after the lockdown began, the army deployed.", "Reuters"),
        ("Refugees walk in the camp. | Jane Doe / AP\n\nLast week Morocco said it would act.", "Associated Press"),
        ("China urged calm.\n\nReuters/AP with additional reporting by Jane Doe", "Associated Press"),
        ("China urged calm.\n\nReuters/AP with additional reporting by Jane Doe", "Reuters"),
        ("Smoke rises after a strike on the town on July 17 2017. (Photo by AFP)", "Agence France-Presse"),
        ("Smoke rises after a strike on the town on July 17 2017. by AFP)", "Agence France-Presse"),
        # a journalist's employer
        ("Sithu Aung Myint, a VOA Burmese contributor, is on trial.", "Voice of America"),
        ("Associated Press writer Jill Lawless in London contributed to this report.", "Associated Press"),
        # the text's own originator
        ("Police arrested him.\n\nThis story originated in VOA's Burmese service.", "Voice of America"),
        ("The article is part of The Epoch Times' coverage of the attacks.", "Epoch Times"),
    ],
)
def test_an_outlet_that_does_not_act_is_no_actor(gaz: Gazetteer, body: str, outlet: str) -> None:
    assert outlet not in actors(gaz, body)


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ("The Guardian reports the new allegations she faces.", "The Guardian"),
        ("Shao Yuan told Philippine news site Rappler that her husband was taken.", "Rappler"),
        ("The office of news website Thunder Blowers was stormed by eight men.", "Thunder Blowers"),
        ("Reuters said the photographer had been detained.", "Reuters"),
        ("The Catholic newspaper Munno reported that a woman was killed.", "Munno"),
        # its staff the story's targets: the gold lists the outlet
        ("Two journalists for Poland-based opposition television channel Belsat were detained.", "Belsat"),
    ],
)
def test_an_outlet_that_acts_is_an_actor(gaz: Gazetteer, body: str, outlet: str) -> None:
    assert outlet in actors(gaz, body)



@pytest.mark.parametrize(
    "body",
    [
        "Video of the handshake causes stir | DW News Video: The prince is never going to lose.",
        "The News Lens has been authorized to publish this article from Voice of America.",
    ],
)
def test_an_embedded_link_or_a_republished_article_names_no_actor(gaz: Gazetteer, body: str) -> None:
    assert "Deutsche Welle" not in actors(gaz, body) and "Voice of America" not in actors(gaz, body)


def test_the_texts_originator_is_no_actor_at_any_mention(gaz: Gazetteer) -> None:
    body = ("A lawyer told VOA Burmese that the hearing was closed.\n\n"
            "This story originated in VOA's Burmese service.")
    assert "Voice of America" not in actors(gaz, body)


def test_a_body_where_something_else_originated_acts(gaz: Gazetteer) -> None:
    body = "The protest originated at the Lahore Press Club. A statement by the Lahore Press Club condemned the raid."
    assert "Lahore Press Club" in actors(gaz, body)


def test_photographers_credits_in_a_list_name_no_actor(gaz: Gazetteer) -> None:
    found = actors(gaz, "A composite image of Modi and Pakistani Prime Minister Imran Khan. "
                        "Carlos Barria/Reuters; Leah Millis/Reuters; Jane Doe/AP")
    assert "Carlos Barria" not in found and "Reuters" not in found and "Associated Press" not in found
    assert "Imran Khan" in found


def test_a_lower_case_credit_is_the_source_only_after_the_first_credit(gaz: Gazetteer) -> None:
    body = ("Missile kills 18 civilians Monitor AFP Tuesday 21 Jul 2015 A missile killed 18 civilians a monitor said. "
            "(reuters) A missile killed 18 civilians a monitor said.")
    extraction = extract(Statement("x", "", body, "p"), gaz)
    assert extraction.news_source == "Agence France-Presse" and "Reuters" not in extraction.actors


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ("Police fired tear gas at protesters. AFP/Getty Images\n\nThe army said it would act.", "Agence France-Presse"),
        ("Police fired tear gas. REUTERS/John Smith\nThe army said it would act.", "Reuters"),
        ("Police fired tear gas. Reuters/John Smith/File Photo\nThe army said it would act.", "Reuters"),
        ("Police fired tear gas. EPA-EFE/JOHN SMITH\nThe army said it would act.", "EFE"),
        ("The army said it would act.\n\nAFP contributed to this report.", "Agence France-Presse"),
        ("The army said it would act.\n\nReuters and AFP contributed to this report.", "Reuters"),
        ("The army said it would act. (With inputs from PTI)", "PTI"),
        ("The army said it would act. [AFP]", "Agence France-Presse"),
        ("The army said it would act.\n\nwith AFP", "Agence France-Presse"),
        ("The army said it would act.\n\nSource: Al Jazeera and news agencies", "Al Jazeera"),
        ("The army said it would act.\n\nVia Al Jazeera\n\nThe UN condemned it.", "Al Jazeera"),
        ("The army said it would act.\n\nSource: Reuters\n\nThe UN condemned it.", "Reuters"),
        ("The army said it would act.\nPhoto courtesy: Anadolu Agency\nThe UN condemned it.", "Anadolu Agency"),
        ("The army said it would act.\nCourtesy of Reuters\nThe UN condemned it.", "Reuters"),
        ("The New York Times' correspondent John Smith said the army would act.", "New York Times"),
    ],
)
def test_a_credit_line_names_no_actor(gaz: Gazetteer, body: str, outlet: str) -> None:
    assert outlet not in actors(gaz, body)


def test_a_credit_line_names_the_source(gaz: Gazetteer) -> None:
    extraction = extract(Statement("x", "", "The army said it would act.\n\nAFP contributed to this report.", "p"), gaz)
    assert extraction.news_source == "Agence France-Presse"


def test_the_titles_publisher_is_no_actor_in_the_body(gaz: Gazetteer) -> None:
    statement = Statement("x", "Army to act in the capital | Al Jazeera",
                          "Reuters - The army said it would act, Al Jazeera's correspondent reported.", "p")
    extraction = extract(statement, gaz)
    assert "Al Jazeera" not in extraction.actors and extraction.news_source == "Reuters"


def test_a_bracketed_picture_credit_is_no_source(gaz: Gazetteer) -> None:
    body = ("Rebels prepare for a battle in Aleppo [Anadolu] Residents described shortages. "
            "\"There is no fuel left\" he told AFP.")
    extraction = extract(Statement("x", "", body, "p"), gaz)
    assert extraction.news_source == "Agence France-Presse"
    assert "Agence France-Presse" not in extraction.actors and "Anadolu Agency" not in extraction.actors


def test_an_outlets_acronym_before_a_government_is_no_outlet(gaz: Gazetteer) -> None:
    body = "Media freedom declined under PTI rule. The PTI government also tried to control the press."
    assert "PTI" not in actors(gaz, body)


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ("Al Jazeera's Zeina Khodr, reporting from Beirut, said the army would act.", "Al Jazeera"),
        ("The army said it would act, the BBC's Middle East editor Jeremy Bowen said.", "BBC"),
        ("The army said it would act.\n\n— The Associated Press", "Associated Press"),
        ("The army said it would act.\n\nPhoto: Jane Doe/The New York Times", "New York Times"),
    ],
)
def test_a_quoted_journalists_employer_or_a_closing_credit_is_no_actor(gaz: Gazetteer, body: str,
                                                                        outlet: str) -> None:
    assert outlet not in actors(gaz, body)


def test_an_outlet_that_reports_from_a_place_acts(gaz: Gazetteer) -> None:
    assert "Al Jazeera" in actors(gaz, "Al Jazeera reported from Beirut that the army would act.")
