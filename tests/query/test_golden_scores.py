"""Golden scores: the exact scores of a fixed corpus and queries.

A safety net for refactoring the ranking code: the numbers below were
produced by the code before ranking settings became a ``query.Ranking``
value (issue 19), and must stay equal to 1e-9. Regenerate them only when a
ranking change is intended (and measured, benchmarks/RESULTS.md):
``python -m tests.query.test_golden_scores`` prints the table.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from query import Ranking, Searcher
from tests.query.conftest import build_index, statement

CORPUS = [
    statement("g01", "Barrel bombs on Daraa", "Regime forces dropped barrel bombs on Daraa. Civilians fled the town.",
              "2016-02-08", actors=("Assad regime",), locations=("Daraa",),
              claims=(("bombardment", "Regime forces dropped barrel bombs on Daraa."),)),
    statement("g02", "Attack on the market", "A barrel full of old bombs exploded. Later a barrel was found far "
              "from the bombs in a field near the market.", "2016-03-31", publisher="Local Council",
              locations=("Aleppo",)),
    statement("g03", "Statement on Aleppo", "The bombing of Aleppo continued and civilians died in the siege.",
              "2016-01-01", actors=("Russia",), locations=("Aleppo",),
              claims=(("bombardment", "The bombing of Aleppo continued and civilians died in the siege."),)),
    statement("g04", "Ethnic cleansing in Homs", "Forced displacement in Homs amounts to ethnic cleansing by regime "
              "militias.", None, actors=("Assad regime", "Russia"), locations=("Homs",),
              claims=(("ethnic_cleansing", "Forced displacement in Homs amounts to ethnic cleansing by regime militias."),)),
    statement("g05", "Genocide", "Genocide, genocide and again genocide in Darayya. Bombed and bombing.",
              "2017-12-31", publisher="Local Council", locations=("Darayya",),
              claims=(("genocide", "Genocide, genocide and again genocide in Darayya."),)),
    statement("g06", "Siege of Madaya", "Siege of Madaya continues; starvation spreads as the siege tightens.",
              "2015-12-31", locations=("Madaya",), claims=(("siege", "Siege of Madaya continues."),)),
    statement("g07", "Chlorine attack", "Helicopters dropped chlorine barrels on Kafr Zita; the regime denies "
              "using chemical weapons.", "2016-05-05", actors=("Assad regime",)),
    statement("g08", "Market shelled", "Shelling of the market in Douma killed civilians; the regime shelled "
              "the town again at night.", "2016-06-15", publisher="Douma Council", locations=("Douma",)),
    statement("g09", "Aid convoy", "An aid convoy reached the besieged town after months of siege and hunger.",
              "2016-09-19", publisher="Local Council"),
    statement("g10", "Report on detention", "Thousands remain in detention; families ask the regime and Russia "
              "for news of the detained.", "2017-03-01", actors=("Russia",)),
    statement("g11", "Airstrikes on Idlib", "Russian airstrikes hit a hospital and a school in Idlib; the bombing "
              "lasted hours.", "2017-04-04", actors=("Russia",), locations=("Idlib",),
              claims=(("bombardment", "Russian airstrikes hit a hospital and a school in Idlib."),)),
    statement("g12", "Ceasefire", "The ceasefire held in Daraa for a week before barrel bombs fell again.",
              "2017-07-09", locations=("Daraa",)),
]

#: (query, default operator).
QUERIES = [
    ("siege", "AND"),
    ("barrel bombs", "AND"),
    ("barrel bombs market civilians", "OR"),
    ("siege siege hunger town", "OR"),
    ('"barrel bombs"', "AND"),
    ('"barrel bombs"~2', "AND"),
    ("bomb*", "AND"),
    ("b*mb", "AND"),
    ("genocde~", "AND"),
    ("=bombing", "AND"),
    ("title:siege", "AND"),
    ("body:regime", "AND"),
    ("claims:bombs", "AND"),
    ("claim:bombardment", "AND"),
    ('actor:"Assad regime" regime', "AND"),
    ("location:Aleppo OR location:Daraa", "AND"),
    ("regime date:[2016-01 TO 2016-12]", "AND"),
    ("regime NOT chlorine", "AND"),
    ('publisher:"Local Council" barrel', "OR"),
    ("(siege OR bombing) AND civilians", "AND"),
    ('"regime shelled" OR title:market', "AND"),
]


def _run(index_dir: Path, **options: object) -> dict[str, tuple[int, list[tuple[str, float]]]]:
    with Searcher(index_dir, **options) as searcher:  # type: ignore[arg-type]
        out = {}
        for text, operator in QUERIES:
            results = searcher.search(text, limit=100, default_operator=operator, snippets=0)
            out[text] = (results.total, [(h.id, h.score) for h in results.hits])
        return out


GOLDEN: dict[str, tuple[int, list[tuple[str, float]]]] = {
    'siege': (3, [('g06', 6.382842566220426), ('g03', 3.564600659306802), ('g09', 3.1389766999865865)]),
    'barrel bombs': (3, [('g01', 6.734553290489325), ('g02', 4.885094395910836), ('g12', 4.02230409215544)]),
    'barrel bombs market civilians': (8, [('g02', 12.930656959198561), ('g08', 10.744877860963344), ('g01', 9.420290154774968), ('g03', 5.067443646600862), ('g12', 4.02230409215544), ('g05', 2.508691686142939), ('g07', 1.9421989926414978), ('g11', 1.5252374335939465)]),
    'siege siege hunger town': (5, [('g09', 15.716566114287806), ('g06', 12.765685132440852), ('g03', 7.129201318613604), ('g01', 2.6857368642856425), ('g08', 2.5424975648570745)]),
    '"barrel bombs"': (2, [('g01', 8.80198395385202), ('g12', 3.978105614358187)]),
    '"barrel bombs"~2': (3, [('g01', 8.80198395385202), ('g02', 4.831415277861002), ('g12', 3.978105614358187)]),
    'bomb*': (6, [('g01', 6.580384247171372), ('g05', 2.520451667668091), ('g02', 1.9721963200182344), ('g03', 1.8440592709775017), ('g12', 1.6238730893682476), ('g11', 1.5323872815165156)]),
    'b*mb': (6, [('g01', 6.580384247171372), ('g05', 2.520451667668091), ('g02', 1.9721963200182344), ('g03', 1.8440592709775017), ('g12', 1.6238730893682476), ('g11', 1.5323872815165156)]),
    'genocde~': (1, [('g05', 24.06243942756734)]),
    '=bombing': (3, [('g05', 2.508691686142939), ('g03', 1.8354552166978002), ('g11', 1.5252374335939465)]),
    'title:siege': (1, [('g06', 6.309996207068569)]),
    'body:regime': (5, [('g04', 1.883386019991952), ('g01', 1.7772797653445183), ('g10', 1.7772797653445183), ('g08', 1.6824915111928105), ('g07', 1.5203236546922987)]),
    'claims:bombs': (2, [('g03', 1.8440592709775017), ('g01', 1.5323872815165156)]),
    # claim types unnormalised by their count since stop 34 (``Ranking.scope_fields``; 5.33 before)
    'claim:bombardment': (3, [('g01', 8.0), ('g03', 8.0), ('g11', 8.0)]),
    'actor:"Assad regime" regime': (3, [('g01', 7.672016607449782), ('g07', 7.415060496797563), ('g04', 5.496289245798404)]),
    'location:Aleppo OR location:Daraa': (4, [('g01', 6.857142857142857), ('g02', 6.857142857142857), ('g03', 6.857142857142857), ('g12', 6.857142857142857)]),
    'regime date:[2016-01 TO 2016-12]': (3, [('g01', 2.777279765344518), ('g08', 2.6824915111928105), ('g07', 2.520323654692299)]),
    'regime NOT chlorine': (4, [('g04', 1.8833860199919519), ('g01', 1.777279765344518), ('g10', 1.777279765344518), ('g08', 1.6824915111928105)]),
    'publisher:"Local Council" barrel': (6, [('g02', 7.816660610259746), ('g05', 4.89456061528855), ('g09', 4.89456061528855), ('g01', 4.028384416224347), ('g12', 2.4060077073021535), ('g07', 1.9421989926414978)]),
    '(siege OR bombing) AND civilians': (2, [('g03', 8.632044305907664), ('g01', 5.391905738550621)]),
    '"regime shelled" OR title:market': (2, [('g08', 15.952116784259852), ('g02', 3.708845335290553)]),
}


#: The structured queries' scores with the rarity gain (``Ranking(keyword_gain=None)``,
#: Sift before stop 27; the structured fields' gain is ``Ranking.keyword_gain`` since).
RARITY_GAIN: dict[str, tuple[int, list[tuple[str, float]]]] = {
    'claim:bombardment': (3, [('g01', 1.816069689183625), ('g03', 1.816069689183625), ('g11', 1.816069689183625)]),
    'actor:"Assad regime" regime': (3, [('g01', 3.7845146849685247), ('g07', 3.5275585743163056), ('g04', 3.1136267771808592)]),
    'location:Aleppo OR location:Daraa': (4, [('g01', 3.1790102873919026), ('g02', 3.1790102873919026), ('g03', 3.1790102873919026), ('g12', 3.1790102873919026)]),
}


@pytest.fixture(scope="module")
def golden_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield build_index(tmp_path_factory.mktemp("golden"), CORPUS)


@pytest.mark.parametrize(("text", "operator"), QUERIES)
def test_scores_equal_the_golden_ones(golden_index: Path, text: str, operator: str) -> None:
    total, hits = _run(golden_index)[text]
    expected_total, expected_hits = GOLDEN[text]
    assert total == expected_total
    assert [h for h, _ in hits] == [h for h, _ in expected_hits]
    for (_, score), (_, golden) in zip(hits, expected_hits):
        assert abs(score - golden) <= 1e-9 * max(1.0, abs(golden))


def test_the_default_ranking_given_explicitly_gives_the_golden_scores(golden_index: Path) -> None:
    assert _run(golden_index, ranking=Ranking()) == _run(golden_index)


@pytest.mark.parametrize("ranking", [
    Ranking(k1=1.2),
    Ranking(b=0.3),
    Ranking(field_weights=(("title", 1.0), ("body", 1.0))),
    Ranking(field_boosts=(("title", 1.0), ("body", 1.0))),
    Ranking(field_scale=(("body", 2.0),)),
], ids=["k1", "b", "field_weights", "field_boosts", "field_scale"])
def test_another_ranking_changes_the_scores(golden_index: Path, ranking: Ranking) -> None:
    changed = _run(golden_index, ranking=ranking)
    differ = [text for text, _ in QUERIES
              if any(abs(score - golden) > 1e-6 for (_, score), (_, golden) in zip(changed[text][1], GOLDEN[text][1]))
              or [h for h, _ in changed[text][1]] != [h for h, _ in GOLDEN[text][1]]]
    assert differ, "no query scored differently"
    # The same searches still match the same documents: a ranking only reorders.
    assert {t: {h for h, _ in hits} for t, (_, hits) in changed.items()} == \
        {t: {h for h, _ in hits} for t, (_, hits) in GOLDEN.items()}


def test_two_searchers_with_different_rankings_in_one_process(golden_index: Path) -> None:
    with Searcher(golden_index, ranking=Ranking(k1=1.2)) as tuned, Searcher(golden_index) as default:
        first = [h.score for h in tuned.search("siege", snippets=0).hits]
        assert [h.score for h in default.search("siege", snippets=0).hits] == [s for _, s in GOLDEN["siege"][1]]
        assert [h.score for h in tuned.search("siege", snippets=0).hits] == first != [s for _, s in GOLDEN["siege"][1]]


def test_every_query_matches_something() -> None:
    # A query that matches nothing would check no score.
    assert all(GOLDEN[text][0] > 0 for text, _ in QUERIES)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        table = _run(build_index(Path(tmp), CORPUS))
    print("GOLDEN: dict[str, tuple[int, list[tuple[str, float]]]] = {")
    for text, (total, hits) in table.items():
        print(f"    {text!r}: ({total}, {hits!r}),")
    print("}")


def test_the_rarity_gain_gives_the_former_structured_scores(golden_index: Path) -> None:
    """Words score as before; the structured fields' gain is ``keyword_gain``, and
    ``keyword_gain=None`` (with claim types normalised by their count, as then)
    gives back the rarity gain's scores."""
    former = _run(golden_index, ranking=Ranking(keyword_gain=None, field_b=(("claim_types", 0.75),)))
    now = _run(golden_index)
    for text, _operator in QUERIES:
        if text in RARITY_GAIN:
            total, hits = RARITY_GAIN[text]
            assert former[text][0] == total and [h for h, _ in former[text][1]] == [h for h, _ in hits]
            assert [x for _, x in former[text][1]] == pytest.approx([x for _, x in hits], rel=1e-9)
            assert now[text] != former[text]
        else:
            assert now[text] == former[text]
