"""One sense per text over every mention (issue 18, LGL round 7): a place
name the text reads as a place once is that place at its other lone
mentions, which the resolver's checks of a mention set aside."""

from __future__ import annotations

from indexer.extraction.extract import extract
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.repeated_places import repeated_places
from indexer.model import Statement


def mentions(gaz: Gazetteer, body: str, name: str) -> list[str]:
    st = Statement(id="1", title="", body=body, source="x")
    evidence = extract(st, gaz).evidence["locations"].get(name, [])
    return [body[item[1]:item[2]] for item in evidence]


def test_other_lone_mentions_are_the_place(gaz: Gazetteer) -> None:
    body = ("Business owners in Gainesville, Texas, are optimistic. Another Gainesville business "
            "set to move is a bakery. Day said that Gainesville says no to the downturn.")
    assert len(mentions(gaz, body, "Gainesville")) == 3


def test_longer_names_and_people_stay_out() -> None:
    text = "The store in Gainesville opened. The Rodeo Gainesville starts. Gainesville Riding Club rides."
    places = [("Gainesville", "city", 13, 24, "Gainesville")]
    assert repeated_places(text, [], places, lambda w: False, lambda w: False) == []


def test_a_name_people_bear_is_not_spread() -> None:
    text = "He lived in Welch until 2001. Police said Welch stabbed a man."
    places = [("Welch", "city", 12, 17, "Welch")]
    assert repeated_places(text, [], places, lambda w: False, lambda w: w == "welch") == []
    assert [s[2] for s in repeated_places(text, [], places, lambda w: False, lambda w: False)] == [42]


def test_covered_mentions_and_acronyms_stay_out() -> None:
    text = "TxDOT crews in Austin work. TxDOT said the Austin Police Department helps."
    actors = [("Austin Police Department", "organisation", 43, 67, "Austin Police Department")]
    places = [("Austin", "city", 14, 20, "Austin"), ("TxDOT", "city", 0, 5, "TxDOT")]
    assert repeated_places(text, actors, places, lambda w: False, lambda w: False) == []


def test_a_setting_word_before_the_town_is_no_longer_name() -> None:
    text = "Darby Street in Dublin is renamed. Historic Dublin and Downtown Dublin gain signs."
    places = [("Dublin", "city", 16, 22, "Dublin")]
    found = repeated_places(text, [], places, lambda w: False, lambda w: False)
    assert [text[s[2]:s[3]] for s in found] == ["Dublin", "Dublin"]


def test_a_datelines_capitals_and_a_countys_name_spread() -> None:
    text = "Harwinton fire crews helped. HARWINTON — Crews came. Henrico police seek a woman. Henrico County police said."
    places = [("Harwinton", "city", 29, 38, "HARWINTON"), ("Henrico County", "subdivision", 83, 97, "Henrico County")]
    found = repeated_places(text, [], places, lambda w: False, lambda w: False)
    assert [(s[0], text[s[2]:s[3]]) for s in found] == [("Harwinton", "Harwinton"), ("Henrico County", "Henrico")]


def test_a_large_city_named_like_people_still_spreads(gaz: Gazetteer) -> None:
    # Atlanta, Dallas are given names in faker's lists; no small town, they still spread
    body = "Officials in Atlanta, Georgia, met. Another Atlanta agency will draft a plan."
    assert len(mentions(gaz, body, "Atlanta")) == 2


def test_a_capital_read_as_its_state_once_is_that_state_again(gaz: Gazetteer) -> None:
    body = ("Washington seems prepared to engage Syria. It seems willing to stay on Washington's good side. "
            "How will Washington deal with such a man?")
    st = Statement(id="1", title="", body=body, source="x")
    evidence = extract(st, gaz).evidence["actors"].get("United States", [])
    assert [body[item[1]:item[2]] for item in evidence] == ["Washington"] * 3


def test_spans_overlap_like_a_scan() -> None:
    """The logarithmic overlap test answers as the scan of every span did."""
    import random

    from indexer.extraction.repeated_places import _Spans

    rng = random.Random(7)
    spans = [(s, s + rng.randint(1, 30)) for s in (rng.randint(0, 500) for _ in range(60))]
    index = _Spans(spans)
    for _ in range(500):
        start = rng.randint(0, 540)
        end = start + rng.randint(1, 20)
        assert index.overlap(start, end) == any(s < end and start < e for s, e in spans)


def test_accented_names_spread() -> None:
    text = "Fighting in Échirolles, France. Échirolles residents fled."
    places = [("Échirolles", "city", 12, 22, "Échirolles")]
    assert [s[2] for s in repeated_places(text, [], places, lambda w: False, lambda w: False)] == [32]


def test_many_names_are_found_as_a_few() -> None:
    from indexer.extraction import repeated_places as module

    names = [f"Town{chr(65 + i % 26)}{chr(97 + i // 26)}" for i in range(60)]
    text = " ".join(f"In {n}, a fire." for n in names) + " " + " ".join(f"{n} residents fled." for n in names)
    surfaces = {n: (n, "city") for n in names}
    assert module._occurrences(text, surfaces) == module._found_each(text, surfaces)


def _spread(text: str, places: list[tuple]) -> list[tuple[int, str]]:
    return [(s[2], s[4]) for s in repeated_places(text, [], places, lambda w: False, lambda w: False)]


def test_a_text_naming_each_place_once_spreads_nothing() -> None:
    text = "Police in Gainesville said the road to Ocala was closed."
    places = [("Gainesville", "city", 10, 21, "Gainesville"), ("Ocala", "city", 39, 44, "Ocala")]
    assert _spread(text, places) == []


def test_forms_not_written_at_their_span_are_still_spread() -> None:
    """The cheap count before the work must not skip a surface that differs
    from the text at its span (a spelled-out abbreviation, a dateline's
    capitals) nor a county named without its kind word."""
    spelled = "Mt. Vernon police said. The Mount Vernon store closed."
    assert _spread(spelled, [("Mount Vernon", "city", 0, 10, "Mount Vernon")]) == [(spelled.index("Mount"), "Mount Vernon")]
    dateline = "MANSFIELD - A fire closed the school. Mansfield crews came."
    assert _spread(dateline, [("Mansfield", "city", 0, 9, "MANSFIELD")]) == [(dateline.index("Mansfield"), "Mansfield")]
    county = "Madison County voters said no. Madison will count again."
    assert _spread(county, [("Madison County", "county", 0, 14, "Madison County")]) == [(county.index("Madison will"), "Madison")]
