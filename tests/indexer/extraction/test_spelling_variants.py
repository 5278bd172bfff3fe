"""Transliteration variants of Arabic-derived names (issue 18, places 3):
``Talbeesah`` is the gazetteer's ``Talbiseh`` where the statement is about
its country; elsewhere the variant key reads nothing."""

from __future__ import annotations

from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.spelling_variants import variant_key
from tests.indexer.places import extracted_locations


def test_variant_key_folds_common_transliteration_differences() -> None:
    assert variant_key("talbeesah") == variant_key("talbiseh")
    assert variant_key("al-kallaseh") == variant_key("kalasa")
    assert variant_key("el-mazzeh") == variant_key("al-mazza")
    assert variant_key("qusour") == variant_key("qusur")
    assert variant_key("homs") != variant_key("hama")


def test_variant_spelling_in_the_statements_country(gaz: Gazetteer) -> None:
    text = "Airstrikes targeted the towns of Rastan and Talbeesah in northern rural Homs."
    assert "Talbiseh" in extracted_locations(gaz, text)


def test_variant_spelling_needs_the_country_in_context(gaz: Gazetteer) -> None:
    # no Syrian place in the statement: a variant key alone decides nothing
    assert "Talbiseh" not in extracted_locations(gaz, "Talbeesah said the shop would open on Monday.")
