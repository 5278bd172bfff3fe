"""Small places the text itself introduces by a cue (places8): a region, a
town or a camp named with its kind word after it, a place set near a known one,
named regions of the world, and places inside a group's name."""

from __future__ import annotations

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.model import Statement
from tests.indexer.places import extracted_locations


def test_the_x_region_is_a_place(gaz: Gazetteer) -> None:
    body = "Approximately 290,000 civilians in the Vanni region were liberated in May."
    assert "Vanni" in extracted_locations(gaz, body)


def test_a_demonym_region_is_no_new_place(gaz: Gazetteer) -> None:
    locations = extracted_locations(gaz, "Cooperation in the Nordic region and the mainly Kurdish region grew.")
    assert "Nordic" not in locations and "Kurdish" not in locations


def test_a_town_after_a_locative_is_a_place(gaz: Gazetteer) -> None:
    assert "Kwazuri" in extracted_locations(gaz, "Two men were arrested in Kwazuri town on Monday.")


def test_a_town_as_a_modifier_is_no_place(gaz: Gazetteer) -> None:
    assert "Kwazuri" not in extracted_locations(gaz, "He met the Kwazuri town council on Monday.")


def test_a_refugee_camp_is_a_place(gaz: Gazetteer) -> None:
    locations = extracted_locations(gaz, "Shelling hit the Kwazuri refugee camp and people fled to Bantelo IDP camp.")
    assert "Kwazuri" in locations and "Bantelo" in locations


def test_a_peoples_refugee_camp_is_no_place(gaz: Gazetteer) -> None:
    assert "Rohingya" not in extracted_locations(gaz, "She lives in a Rohingya refugee camp.")


def test_a_place_near_a_known_one_is_a_place(gaz: Gazetteer) -> None:
    body = "Gunmen attacked Titanyen, north of Kabul, and Kwazuri, near Aleppo, on Monday."
    locations = extracted_locations(gaz, body)
    assert "Titanyen" in locations and "Kwazuri" in locations


def test_a_place_some_kilometres_from_a_known_one_is_a_place(gaz: Gazetteer) -> None:
    assert "Kwazuri" in extracted_locations(gaz, "Troops entered Kwazuri, 60 kilometers south of Mosul, on Monday.")


def test_a_person_near_a_place_is_no_place(gaz: Gazetteer) -> None:
    locations = extracted_locations(gaz, "The Minister, near Aleppo, said. Monday, near Aleppo, it rained.")
    assert "Minister" not in locations and "Monday" not in locations


def test_named_regions_of_the_world(gaz: Gazetteer) -> None:
    locations = extracted_locations(gaz, "The longest war in the entire Western Hemisphere ended. "
                                         "Melting snow in the Arctic and Antarctic is causing sea levels to rise.")
    assert {"Western Hemisphere", "Arctic", "Antarctic"} <= set(locations)
    assert {"Baltic states", "Southern Cone"} <= set(extracted_locations(
        gaz, "Troops were deployed in the Southern Cone and the Baltic States."))
    assert "Arctic Ocean" not in locations


def test_places_inside_a_groups_name_are_no_places(gaz: Gazetteer) -> None:
    body = "Militants of ISIL (so-called Islamic State in Iraq and Levant) fired missiles at Kurdish forces in Syria."
    locations = extracted_locations(gaz, body)
    assert "Iraq" not in locations and "Levant" not in locations and "Syria" in locations


def test_a_region_named_with_its_kind_word_is_the_curated_one(gaz: Gazetteer) -> None:
    locations = extracted_locations(gaz, "Peace for the Congo and the Great Lakes region as a whole. "
                                         "The Envoy for the Great Lakes Region spoke.")
    assert "Great Lakes region" in locations and "Great Lakes" not in locations


def test_an_adjectives_region_is_no_new_place(gaz: Gazetteer) -> None:
    locations = extracted_locations(gaz, "States of the Sahelo-Saharan region and the West African region met. "
                                         "Qatar is the first country in the Arab Gulf region to act.")
    assert not {"Sahelo-Saharan", "West African", "Arab Gulf"} & set(locations)


def test_a_country_on_whose_soil_something_happens_is_a_place(gaz: Gazetteer) -> None:
    for body in ("No attack happened on US soil since then.", "Troops died on Turkey's soil."):
        e = extract(Statement("x", "", body, "p"), gaz)
        assert e.locations and e.locations[0] in ("United States", "Turkey") and not e.actors


def test_the_country_a_report_is_on_is_a_place(gaz: Gazetteer) -> None:
    assert "Bahrain" in extracted_locations(gaz, "Amnesty published a report on Bahrain last week.")


def test_a_capital_that_has_not_acted_is_its_state(gaz: Gazetteer) -> None:
    e = extract(Statement("x", "", "Washington hasnt yet concluded what type of chemical was used.", "p"), gaz)
    assert "Washington" not in e.locations and "United States" in e.actors


def test_a_capitals_regime_is_its_state(gaz: Gazetteer) -> None:
    e = extract(Statement("x", "", "The Belgrade regime attacked the town.", "p"), gaz)
    assert "Belgrade" not in e.locations


def test_a_counted_kind_words_list_after_a_dash(gaz: Gazetteer) -> None:
    body = "Rebels captured three villages south of Aleppo - Zeitan, Khalsa and Barna - on Saturday."
    assert {"Zeitan", "Khalsa", "Barna"} <= set(extracted_locations(gaz, body))


def test_a_communitys_neighbourhood_is_no_place(gaz: Gazetteer) -> None:
    locations = extracted_locations(gaz, "A bombing at a school in another Alawite neighbourhood of Homs killed 52. "
                                         "A Sunni district was shelled.")
    assert "Alawite" not in locations and "Sunni" not in locations and "Homs" in locations


def test_a_place_no_data_knows_lies_at_its_nearest_named_place(gaz: Gazetteer) -> None:
    e = extract(Statement("x", "", "Gunmen attacked Kwazuri, near Aleppo, on Monday. Troops left Ankara.", "p"), gaz)
    record = e.places["Kwazuri"]
    assert record["kind"] == "city" and record["approximate"] == "Aleppo"
    assert (record["lat"], record["lon"], record["country"]) == (e.places["Aleppo"]["lat"], e.places["Aleppo"]["lon"],
                                                                 "Syria")


def test_a_place_no_data_knows_lies_in_the_texts_main_country(gaz: Gazetteer) -> None:
    body = "Fighters arrived from Iraq near Kwazuri town. Shelling hit Aleppo and Homs. Troops left Ankara."
    e = extract(Statement("x", "", body, "p"), gaz)
    assert e.places["Kwazuri"]["country"] == "Syria" and e.places["Kwazuri"]["approximate"] in ("Aleppo", "Homs")


def test_a_place_opening_a_groups_name_is_no_place(gaz: Gazetteer) -> None:
    for body in ("Fighters of the Aleppo Front attacked the village.",
                 "The Idlib Military Council said it repelled the attack.",
                 "The Homs Revolutionaries Brigade shelled the town."):
        assert extracted_locations(gaz, body) == [], body
    assert "Aleppo" in extracted_locations(gaz, "The Aleppo Provincial Council said schools closed.")
