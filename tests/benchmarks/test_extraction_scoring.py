"""The extraction scorers' rules on hand-made cases (issue 18, item 9):
``benchmarks.extraction_gold`` and ``benchmarks.geo_recognition``. No
third-party data needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.extraction_gold import (
    GoldError,
    claim_types,
    main as gold_main,
    named_places,
    parse_gold_line,
    split_paragraphs,
    statement_text,
)
from benchmarks.geo_recognition import (
    Article,
    Mention,
    Toponym,
    coordinates,
    load_toponym_xml,
    main as geo_main,
    predicted_mentions,
    score_article,
)
from benchmarks.scoring import Counts, date_counts, date_matches, fold, match_labels, match_names, match_spans, overlaps


@pytest.mark.parametrize("a, b", [
    ("The Syrian Army", "syrian army"),
    ("Dara'a", "Daraa"),
    ("Dara\u2019a", "DARAA"),
    ("Volker Türk", "Volker Turk"),
    ("Deir ez-Zor", "Deir ez Zor"),
    ("Bab  al-Mandab", "bab al mandab"),
])
def test_fold_ignores_case_accents_apostrophes_hyphens_and_leading_the(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keeps_different_names_apart() -> None:
    assert fold("Theresa May") != fold("resa May")
    assert fold("Aleppo") != fold("Aleppo Governorate")


GOLD = [["Syrian Armed Forces", "Syrian army", "regime forces"], ["Russia"], ["Aleppo"]]


def test_match_names_counts_hits_misses_and_false_positives() -> None:
    match = match_names(["Syrian Army", "Russia", "Iran"], GOLD)
    assert match.matched == [("Syrian Army", 0), ("Russia", 1)]  # an alternative name matches
    assert match.false_positives == ["Iran"]
    assert match.misses == [["Aleppo"]]
    assert match.counts == Counts(tp=2, fp=1, fn=1)


def test_an_entity_matches_once_and_a_second_name_for_it_is_a_false_positive() -> None:
    match = match_names(["regime forces", "Syrian army", "Aleppo"], GOLD)
    assert match.counts == Counts(tp=2, fp=1, fn=1)
    assert match.false_positives == ["Syrian army"]


def test_a_repeated_name_counts_once() -> None:
    assert match_names(["Aleppo", "Aleppo"], GOLD).counts == Counts(tp=1, fp=0, fn=2)


def test_matching_is_maximal_not_greedy() -> None:
    # Greedy would give "Russia" to the first entity and leave "Russian Armed Forces" unmatched.
    gold = [["Russian Armed Forces", "Russia"], ["Russia"]]
    assert match_names(["Russia", "Russian Armed Forces"], gold).counts == Counts(tp=2)


def test_claim_labels_match_as_sets() -> None:
    match = match_labels(["killing", "bombardment", "killing"], ["killing", "siege"])
    assert match.counts == Counts(tp=1, fp=1, fn=1)


def test_precision_recall_f1_are_micro_averaged() -> None:
    total = Counts()
    total += Counts(tp=2, fp=1, fn=1)
    total += Counts(tp=0, fp=0, fn=4)
    assert total == Counts(tp=2, fp=1, fn=5)
    assert total.precision == pytest.approx(2 / 3)
    assert total.recall == pytest.approx(2 / 7)
    assert total.f1 == pytest.approx(2 * (2 / 3) * (2 / 7) / (2 / 3 + 2 / 7))
    assert total.as_json()["f1"] == 0.4


def test_rates_are_undefined_without_items_and_zero_when_all_wrong() -> None:
    assert Counts().precision is None and Counts().recall is None and Counts().f1 is None
    assert Counts(fp=2, fn=1).f1 == 0.0


@pytest.mark.parametrize("predicted, gold, right", [
    ("2019-05-03", "2019-05-03", True),
    ("2019-05-03", "2019", True),
    ("2019-05-03", "2019-05", True),
    ("2019", "2019", True),
    ("2019", "2019-05-03", False),  # less precise than the text
    ("2019-05-04", "2019-05-03", False),
    (None, None, True),
    ("2019-05-03", None, False),
    (None, "2019", False),
])
def test_date_is_right_at_the_gold_precision(predicted: str | None, gold: str | None, right: bool) -> None:
    assert date_matches(predicted, gold) is right


def test_date_counts() -> None:
    assert date_counts("2019-05-03", "2019") == Counts(tp=1)
    assert date_counts(None, None) == Counts()
    assert date_counts("2019-05-04", "2019-05-03") == Counts(fp=1, fn=1)
    assert date_counts("2019-05-04", None) == Counts(fp=1)
    assert date_counts(None, "2019") == Counts(fn=1)


# Paragraphs and statements


def test_paragraphs_split_on_blank_lines_including_whitespace_only_ones() -> None:
    text = "First para\nstill first.\n\nSecond.\n  \t\nThird.\n\n\n\nFourth.\n"
    assert split_paragraphs(text) == ["First para\nstill first.", "Second.", "Third.", "Fourth."]
    assert split_paragraphs("Page one\n\x0c\nand on.\n\nNext.") == ["Page one\n\x0c\nand on.", "Next."]


def test_paragraphs_split_on_single_newlines_without_blank_lines() -> None:
    assert split_paragraphs("\nMr. President,\nWe meet.\r\nIn peace. ") == ["Mr. President,", "We meet.", "In peace."]


def _gold(**fields: object) -> str:
    base: dict[str, object] = {"source": "hrdsattack", "ref": "A1", "conflict": "syria", "title": True,
                               "date": None, "actors": [["ZCTU"]], "places": [], "claims": []}
    return json.dumps({**base, **fields})


def test_statement_is_title_and_chosen_paragraphs() -> None:
    record = {"id": "A1", "title": " Headline ", "text": "P0\n\nP1 a.\n\nP2 b.\n\nP3"}
    gold = parse_gold_line(_gold(paragraphs=[1, 2]), "g:1")
    assert statement_text(gold, record) == ("Headline", "P1 a.\n\nP2 b.")
    untitled = parse_gold_line(_gold(title=False), "g:2")
    assert statement_text(untitled, record) == ("", record["text"])
    too_far = parse_gold_line(_gold(paragraphs=[2, 4]), "g:3")
    with pytest.raises(GoldError, match="out of range"):
        statement_text(too_far, record)


def test_ungdc_has_no_title_even_when_asked() -> None:
    gold = parse_gold_line(_gold(source="ungdc", paragraphs=[0, 0]), "g:1")
    assert statement_text(gold, {"id": "A1", "text": "One.\nTwo."}) == ("", "One.")


@pytest.mark.parametrize("fields, message", [
    ({"source": "wiki"}, "source"),
    ({"paragraphs": [3, 1]}, "paragraphs"),
    ({"date": "3 May 2019"}, "date"),
    ({"actors": ["ZCTU"]}, "actors"),
    ({"claims": "killing"}, "claims"),
])
def test_malformed_gold_lines_are_refused_with_the_reason(fields: dict[str, object], message: str) -> None:
    with pytest.raises(GoldError, match=message):
        parse_gold_line(_gold(**fields), "g:1")


def test_only_named_places_are_scored_not_inferred_parents() -> None:
    record = {
        "locations": ["Madaya", "Rural Damascus", "Syria"],
        "evidence": {"locations": {
            "Madaya": [{"field": "body", "start": 0, "end": 6, "text": "Madaya"}],
            "Rural Damascus": [{"inferred_from": "Madaya"}],
            "Syria": [{"inferred_from": "Madaya"}, {"field": "title", "start": 3, "end": 8, "text": "Syria"}],
        }},
    }
    assert named_places(record) == ["Madaya", "Syria"]


def test_claim_types_are_every_type_of_every_claim() -> None:
    record = {"claims": [{"type": "killing", "types": ["killing", "massacre"]}, {"type": "siege", "types": ["siege", "killing"]}]}
    assert claim_types(record) == ["killing", "massacre", "siege"]


def test_gold_scorer_skips_without_the_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert gold_main(["--data", str(tmp_path / "absent"), "--gold", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("skipped: no source data at")


# Recognition on a geoparsing corpus


@pytest.mark.parametrize("a, b, expected", [
    ((0, 10), (0, 10), True),
    ((0, 10), (9, 20), True),  # one shared character
    ((0, 10), (10, 20), False),  # touching, not overlapping
    ((5, 6), (0, 20), True),
    ((0, 4), (5, 9), False),
])
def test_spans_overlap(a: tuple[int, int], b: tuple[int, int], expected: bool) -> None:
    assert overlaps(a, b) is expected and overlaps(b, a) is expected


def test_each_gold_span_is_matched_at_most_once() -> None:
    # "Rapides Parish" predicted as two mentions, "Rapides" and "Parish": one hit, one false positive.
    assert len(match_spans([(0, 7), (8, 14)], [(0, 14)])) == 1
    # One long prediction over two gold toponyms ("Fargo, North Dakota"): one hit, one miss.
    assert len(match_spans([(0, 19)], [(0, 5), (7, 19)])) == 1


def test_article_score_counts_and_resolution_distance() -> None:
    article = Article("1", "Alexandria and Rapides Parish and Denver.", [
        Toponym(0, 10, "Alexandria", (31.3113, -92.4451)),
        Toponym(15, 29, "Rapides Parish", (31.1669, -92.4835)),
        Toponym(34, 40, "Denver", None),
    ])
    mentions = [Mention(0, 10, "Alexandria", (38.8048, -77.0469)), Mention(15, 22, "Rapides", (31.2, -92.5)),
                Mention(23, 29, "Parish")]
    score = score_article(article, mentions)
    assert score.counts == Counts(tp=2, fp=1, fn=1)
    assert [t.phrase for t in score.misses] == ["Denver"]
    assert [m.name for m in score.false_positives] == ["Parish"]
    far, near = score.errors_km
    assert far is not None and far > 1400  # Alexandria, Virginia is not Alexandria, Louisiana
    assert near is not None and near < 161


def test_predicted_mentions_are_body_evidence_spans_shifted_with_coordinates() -> None:
    record = {
        "locations": [{"name": "Fargo", "lat": 46.877, "lon": -96.789}, "Moorhead", "Minnesota"],
        "evidence": {"locations": {
            "Fargo": [{"field": "body", "start": 0, "end": 5}, {"field": "title", "start": 0, "end": 5}],
            "Moorhead": [{"field": "body", "start": 10, "end": 18, "coordinates": [46.87, -96.77]}],
            "Minnesota": [{"inferred_from": "Moorhead"}],
        }},
    }
    assert predicted_mentions(record, shift=2) == [
        Mention(2, 7, "Fargo", (46.877, -96.789)), Mention(12, 20, "Moorhead", (46.87, -96.77))]


@pytest.mark.parametrize("item, expected", [
    ({"lat": "1.5", "lon": 2}, (1.5, 2.0)),
    ({"latitude": 1, "longitude": 2}, (1.0, 2.0)),
    ({"coordinates": {"lat": 1, "lng": 2}}, (1.0, 2.0)),
    ({"coordinates": [1, 2]}, (1.0, 2.0)),
    ({"lat": 1}, None),
    ({"lat": "north", "lon": 2}, None),
])
def test_coordinates_are_read_from_the_common_field_names(item: dict[str, object], expected: tuple[float, float] | None) -> None:
    assert coordinates(item) == expected


LGL_SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <title>T</title>
    <text><![CDATA[Fargo & Moorhead]]></text>
    <toponyms count="2">
      <toponym><start>0</start><end>5</end><phrase>Fargo</phrase>
        <gaztag geonameid="1"><name>Fargo</name><lat>46.877</lat><lon>-96.789</lon></gaztag></toponym>
      <toponym><start>8</start><end>16</end><phrase>Moorhead</phrase></toponym>
    </toponyms>
  </article>
  <article docid="8"><text>No places.</text><toponyms count="0"/></article>
</articles>
"""


def test_toponym_xml_loader(tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL_SAMPLE, encoding="utf-8")
    articles = load_toponym_xml(path)
    assert [a.id for a in articles] == ["7", "8"]
    assert articles[0].text == "Fargo & Moorhead"
    assert articles[0].toponyms == [Toponym(0, 5, "Fargo", (46.877, -96.789)), Toponym(8, 16, "Moorhead", None)]
    assert len(load_toponym_xml(path, limit=1)) == 1


def test_geo_scorer_skips_without_the_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert geo_main(["--data", str(tmp_path / "absent.xml")]) == 0
    assert capsys.readouterr().out.startswith("skipped: no corpus at")


def test_gold_scorer_end_to_end_on_a_hand_made_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "data" / "fakes").mkdir(parents=True)
    (tmp_path / "data" / "fakes" / "sample.csv").write_text(
        "unit_id,article_title,article_content\n"
        "11,Shelling in Aleppo,Civilians were killed in Aleppo on Monday.\n", encoding="utf-8")
    (tmp_path / "gold").mkdir()
    lines = [_gold(source="fakes", ref="11", places=[["Aleppo"], ["Atlantis"]]),
             _gold(source="fakes", ref="404"), "not json"]
    (tmp_path / "gold" / "g.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "result.json"
    args = ["--gold", str(tmp_path / "gold"), "--data", str(tmp_path / "data"), "--out", str(out), "--details"]
    assert gold_main(args) == 0
    printed = capsys.readouterr()
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["groups"]["all"]["statements"] == result["groups"]["syria"]["statements"] == 1
    places = result["groups"]["all"]["places"]
    assert (places["tp"], places["fn"]) == (1, 1)
    assert result["statements"][0]["places"]["misses"] == ["Atlantis"]
    assert "g.jsonl:2: no fakes record with id '404'" in printed.err
    assert "g.jsonl:3: malformed JSON" in printed.err
    assert "| syria | 1 |" in printed.out


def test_place_names_read_as_their_state_count_as_mentions() -> None:
    from benchmarks.geo_recognition import predicted_mentions

    record = {"actor_types": {"Russia": "state", "Sergei Lavrov": "person"},
              "evidence": {"actors": {"Russia": [{"field": "body", "start": 0, "end": 6}],
                                      "Sergei Lavrov": [{"field": "body", "start": 20, "end": 33}]},
                           "locations": {"Idlib": [{"field": "body", "start": 40, "end": 45}]}}}
    assert [(m.start, m.name) for m in predicted_mentions(record)] == [(0, "Russia"), (40, "Idlib")]
    assert [(m.start, m.name) for m in predicted_mentions(record, states=False)] == [(40, "Idlib")]


def test_a_state_actor_span_that_names_no_place_is_no_mention() -> None:
    """``the Kremlin`` stands for Russia but is no toponym; ``Russia`` is one."""
    from benchmarks.geo_recognition import predicted_mentions

    record = {"actor_types": {"Russia": "state"},
              "evidence": {"actors": {"Russia": [{"field": "body", "start": 0, "end": 6, "text": "Russia"},
                                                 {"field": "body", "start": 20, "end": 31, "text": "the Kremlin"}]},
                           "locations": {}}}
    named = predicted_mentions(record, place_name=lambda text: text == "Russia")
    assert [m.start for m in named] == [0]
    assert [m.start for m in predicted_mentions(record)] == [0, 20]


@pytest.mark.parametrize(
    ("phrase", "after", "organisations", "expected"),
    [
        ("Palestinians", "", [], "demonym"),
        ("American", " troops", [], "demonym"),
        ("Main Street", "", [], "street"),
        ("Highway 19", "", [], "street"),
        ("Texas", "-based company", [], "modifier"),
        ("Gainesville", " Riding Club", [(0, 23)], "organisation"),
        ("Gainesville", " said", [(0, 11)], None),
        ("Gainesville", "", [], None),
    ],
)
def test_gold_the_conventions_leave_out_is_classed(phrase: str, after: str, organisations: list[tuple[int, int]],
                                                   expected: str | None) -> None:
    from benchmarks.geo_recognition import Article, Toponym, convention_class

    article = Article("a", phrase + after)
    toponym = Toponym(0, len(phrase), phrase)
    demonyms = {"palestinian": "Palestine", "american": "United States"}
    assert convention_class(article, toponym, demonyms, organisations) == expected
