"""``query.vector`` evaluates a query plan with the same matches and scores as
Whoosh's matchers give it (``tests/query/whoosh_reference.py``)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from indexer.analysis import term_for
from indexer.writing.write import IndexOptions, index_paths
from typing import Any

from query import Searcher
from query import plan as p
from query._poskeys import candidate_keys, common_docs, follow
from query.vector import Evaluator
from tests.query.whoosh_reference import to_whoosh, whoosh_scores

WORDS = ("regime forces shelled bombed killed civilians hospital market school aid convoy siege "
         "ceasefire talks minister said urged condemned report displaced refugees camp border").split()
PLACES = ("Aleppo", "Idlib", "Douma", "Homs", "Daraa", "Mosul", "Gaza", "Kabul")


def _corpus(root: Path, seed: int, count: int, tag: str = "") -> None:
    rng = random.Random(seed)
    lines = []
    for i in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 60))]
        place = rng.choice(PLACES)
        body = f"{' '.join(words)}. Regime forces shelled {place}{tag}. {' '.join(rng.sample(WORDS, 6))}."
        year = rng.choice(("2014", "2016", "2018", None))
        record = {"id": f"s{i:04d}", "title": f"{rng.choice(WORDS)} in {place}", "text": body,
                  "publisher": rng.choice(("UN", "SNHR", "Amnesty"))}
        if year:
            record["date"] = f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        lines.append(json.dumps(record))
    (root / "docs.jsonl").write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("vector")
    (root / "in").mkdir()
    _corpus(root / "in", 1, 400)
    index_paths([root / "in"], root / "ix", IndexOptions(batch_size=70))  # several segments
    _corpus(root / "in", 1, 400, tag=" again")  # every statement updated: deletions
    index_paths([root / "in"], root / "ix", IndexOptions(batch_size=150))
    return root / "ix"


QUERIES = [
    "shelled", "regime forces", "hospital OR market", "hospital AND NOT market", "siege -convoy",
    '"regime forces"', '"forces shelled"~2', "hosp*", "=hospital", "claims:shelled", "location:Idlib",
    'actor:"Syrian Armed Forces" AND killed', "date:[2015 TO 2017] civilians", "date:2018", "publisher:UN aid",
    "NOT aid", "killed killed killed hospital", "title:aleppo OR body:gaza", "claim:bombardment",
    '"regime forces shelled"', '"shelled regime"~3', '"killed killed"', '"civilians killed"~4',
    '"forces shelled idlib"~2 OR "hospital market"', 'claims:"forces shelled"',
    "aleppo idlib", "=aleppo shelled", "aleppo AND NOT idlib",  # words in titles and bodies (BM25F)
    "hospitl~", "shelld~1 siege", "claims:s*", "claims:shelld~",  # words standing for one or more terms
    'actor:"Syrian Armed Forces" AND claim:bombardment', "location:Idlib AND claim:(bombardment OR killing)",
    'claims:"regime forces shelled"~2', "claims:(shelled OR forces) AND NOT aid", "NOT claims:aid",
]


def _assert_same_as_whoosh(index_dir: Path, text: str) -> None:
    """The vector evaluator's matches and scores for ``text`` are Whoosh's
    (and the query matches something)."""
    with Searcher(index_dir) as searcher:
        view = searcher._view()
        parsed = searcher.parse(text, "OR")
        expected = whoosh_scores(searcher, parsed.plan)
        got = Evaluator(view.searcher, view.vector()).run(parsed.plan)
        docs = {int(d): float(got.score[d]) for d in got.mask.nonzero()[0]}
        assert docs.keys() == expected.keys()
        assert expected, text
        for d, score in expected.items():
            assert docs[d] == pytest.approx(score, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("text", QUERIES)
def test_same_matches_and_scores_as_whoosh(index_dir: Path, text: str) -> None:
    _assert_same_as_whoosh(index_dir, text)


def _as_terms(searcher: Any, q: p.Plan) -> p.Plan:
    """``q`` with each prefix, wildcard and fuzzy word replaced by the ``Or``
    of its terms, as Whoosh scores it on indexes of over 5,000 documents
    (on smaller ones Whoosh gives every match of a word standing for
    several terms the score 1)."""
    reader = searcher.reader()
    if isinstance(q, p.Or):
        return p.Or(tuple(_as_terms(searcher, part) for part in q.parts))
    if not isinstance(q, p.Expand):
        return q
    terms = [t for t in to_whoosh(q)._btexts(reader) if t]
    return p.Or(tuple(p.Term(q.field, t if isinstance(t, str) else t.decode(), boost=q.boost if len(terms) > 1 else 1.0) for t in terms))


@pytest.mark.parametrize("text", ["s*", "title:s*", "c*p", "sh*ed OR market", "shel~ siege", "title:(s* OR hosp*)"])
def test_words_standing_for_several_terms(index_dir: Path, text: str) -> None:
    with Searcher(index_dir) as searcher:
        view = searcher._view()
        parsed = searcher.parse(text, "OR")
        expected = whoosh_scores(searcher, _as_terms(view.searcher, parsed.plan))
        got = Evaluator(view.searcher, view.vector()).run(parsed.plan)
        docs = {int(d): float(got.score[d]) for d in got.mask.nonzero()[0]}
        assert docs.keys() == expected.keys()
        assert expected, text
        for d, score in expected.items():
            assert docs[d] == pytest.approx(score, rel=1e-9, abs=1e-12)


def test_pages_are_ordered_by_score_then_id(index_dir: Path) -> None:
    with Searcher(index_dir) as searcher:
        everything = searcher.search("shelled", limit=1000).hits
        pages = [h for start in range(0, 60, 7) for h in searcher.search("shelled", limit=7, offset=start).hits]
    keys = [(-h.score, h.id) for h in everything]
    assert keys == sorted(keys)
    assert [h.id for h in pages] == [h.id for h in everything[:63]]


def test_not_excludes_every_document_with_the_word(index_dir: Path) -> None:
    # Whoosh's AndNot matcher returned a statement containing "market" here.
    with Searcher(index_dir) as searcher:
        hits = searcher.search("hospital AND NOT market", limit=1000).hits
        assert hits
        for hit in hits:
            record = searcher.get(hit.id) or {}
            assert "market" not in f"{record['title']} {record['body']}".lower()


# -- phrases ---------------------------------------------------------------
# ``Evaluator._phrase`` decodes positions only for documents holding every
# word (and, from the third word on, only where the phrase still matches),
# reading only the posting blocks that hold one. Small blocks here, so that
# posting lists span many blocks and most phrases skip some of them.

PHRASES = [
    '"regime forces"', '"forces shelled"', '"regime forces shelled"', '"regime forces shelled idlib"',
    '"forces shelled idlib again"', '"shelled aleppo"~2', '"regime shelled"~2', '"shelled regime"~3',
    '"killed killed"', '"killed killed"~2', '"killed killed killed"~3', '"forces regime forces"~4',
    '"civilians killed"~4', '"talks ceasefire"', '"hospital market school"~5', '"aid convoy siege"~6',
    '"regime forces shelled"~2 OR "hospital market"', 'title:"in idlib"', '"in gaza"',
]


@pytest.fixture(scope="module")
def small_blocks_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from indexer.writing import batches
    from indexer.storage import codec

    root = tmp_path_factory.mktemp("vector-blocks")
    (root / "in").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batches, "SiftCodec", lambda: codec.SiftCodec(blocklimit=16, inlinelimit=4))
        _corpus(root / "in", 2, 500)
        index_paths([root / "in"], root / "ix", IndexOptions(batch_size=110))
        _corpus(root / "in", 2, 500, tag=" again")  # every statement updated: deletions
        index_paths([root / "in"], root / "ix", IndexOptions(batch_size=180))
    return root / "ix"


@pytest.mark.parametrize("text", PHRASES)
@pytest.mark.parametrize("fixture", ["index_dir", "small_blocks_dir"])
def test_phrases_same_as_whoosh(request: pytest.FixtureRequest, fixture: str, text: str) -> None:
    _assert_same_as_whoosh(request.getfixturevalue(fixture), text)


@pytest.mark.parametrize("text", ['"gaza idlib"', '"again again"', '"aleppo idlib"~3', '"idlib regime forces"'])
def test_phrases_without_matches(small_blocks_dir: Path, text: str) -> None:
    with Searcher(small_blocks_dir) as searcher:
        view = searcher._view()
        parsed = searcher.parse(text, "OR")
        assert not whoosh_scores(searcher, parsed.plan)
        assert not Evaluator(view.searcher, view.vector()).run(parsed.plan).mask.any()


def test_postings_as_whoosh_reads_them(small_blocks_dir: Path) -> None:
    """Ids, weights and positions of multi-block and inlined posting lists,
    over every segment, deleted documents included (removed later)."""
    with Searcher(small_blocks_dir) as searcher:
        view = searcher._view()
        index = view.vector()
        assert len(index.leaves) > 1
        live = index.live()
        assert not live.all()
        kinds: set[str] = set()
        title_words = [("title", term) for term in map(term_for, WORDS) if term]
        for field, word in [("body", "forc"), ("body", "shell"), ("body", "idlib"), ("body", "again"),
                            ("title", "aleppo"), ("body", "nosuchword"), *title_words]:
            btext = word.encode()
            expected: list[tuple[int, float, list[int]]] = []
            live_ids: list[int] = []
            for sub, offset in view.searcher.leaf_searchers():
                reader = sub.reader()
                if (field, btext) not in reader:
                    continue
                live_ids += [d + offset for d in reader.postings(field, btext).all_ids()]  # Whoosh's deletion filter
                matcher = reader._terms.matcher(field, btext, reader.schema[field].format)
                kinds.add(type(matcher).__name__)
                while matcher.is_active():  # one posting at a time, through Whoosh's matcher API
                    expected.append((matcher.id() + offset, matcher.weight(), matcher.value_as("positions")))
                    matcher.next()
            ids, weights, blocks = index.postings(field, btext)
            assert ids.tolist() == [e[0] for e in expected], word
            assert weights.tolist() == [e[1] for e in expected], word
            assert ids[live[ids]].tolist() == live_ids, word
            if field == "body" and word in ("forc", "shell"):
                assert len(blocks) > 2 * len(index.leaves), word  # several blocks per segment
            if expected:
                keys = candidate_keys(ids, blocks, np.ones(index.size, dtype=bool))
                assert keys.tolist() == [(d << 32) | p for d, _w, positions in expected for p in positions]
        assert kinds == {"SiftLeafMatcher", "ListMatcher"}  # blocks and inlined postings


def test_phrase_reads_only_blocks_with_candidates(small_blocks_dir: Path) -> None:
    with Searcher(small_blocks_dir) as searcher:
        index = searcher._view().vector()
        ids, _weights, blocks = index.postings("body", b"shell")
        rare, _w, _b = index.postings("body", b"gaza")
        assert len(blocks) > 20
        calls: list[int] = []

        def counting(start: int, get: Any) -> Any:
            def values() -> Any:
                calls.append(start)
                return get()
            return values

        counted = [(start, counting(start, get)) for start, get in blocks]
        candidates = np.zeros(index.size, dtype=bool)
        candidates[np.intersect1d(ids, rare[:3])] = True
        keys = candidate_keys(ids, counted, candidates)
        assert 0 < len(calls) <= 3
        assert sorted(set((keys >> np.uint64(32)).tolist())) == np.flatnonzero(candidates).tolist()
        assert not len(candidate_keys(ids, counted, np.zeros(index.size, dtype=bool)))
        assert len(calls) <= 3


def _brute_follow(ends: set[tuple[int, int]], keys: list[tuple[int, int]], slop: int) -> list[tuple[int, int]]:
    return [(d, p) for d, p in keys if any(e == d and 1 <= p - q <= max(1, slop) for e, q in ends)]


@pytest.mark.parametrize("seed", range(16))
def test_follow_matches_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    slop = rng.choice((0, 1, 1, 2, 5, 30, 500, 10**15))

    def keys() -> list[tuple[int, int]]:
        return sorted({(rng.randrange(6), rng.randrange(40)) for _ in range(rng.randrange(0, 120))})

    def encode(pairs: list[tuple[int, int]]) -> np.ndarray:
        return np.asarray([(d << 32) | p for d, p in pairs], dtype=np.uint64)

    ends, nexts = keys(), keys()
    got = follow(encode(ends), encode(nexts), slop)
    assert got.tolist() == encode(_brute_follow(set(ends), nexts, slop)).tolist()


def test_common_docs() -> None:
    lists = [np.array([1, 4, 5, 9, 12]), np.array([0, 4, 9, 12, 30]), np.array([4, 9, 10, 12])]
    assert common_docs(lists, 31).tolist() == [4, 9, 12]
    assert common_docs([lists[0], np.array([2, 3])], 31).tolist() == []


def test_follow_takes_the_same_time_whatever_the_slop() -> None:
    # It looped over every distance up to the slop: "a b"~99999999 ran for minutes (issue 23)
    import time

    keys = np.sort(np.random.default_rng(1).choice(2**40, 200_000, replace=False).astype(np.uint64))
    start = time.thread_time()
    follow(keys[::2], keys[1::2], 10**12)
    assert time.thread_time() - start < 0.5


def test_word_standing_for_too_many_terms_is_a_query_error(index_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from query import QueryError, _expansion

    monkeypatch.setattr(_expansion, "MAX_TERMS_PER_WORD", 2)
    with Searcher(index_dir) as searcher:
        assert searcher.search("hosp*").total  # one term: fine
        with pytest.raises(QueryError) as info:
            searcher.search("aid OR title:s*")
    assert info.value.position == 13
    assert "'s*' stands for more than 2 different words in title:" in info.value.message


def test_words_of_a_query_standing_for_too_many_terms_in_all(index_dir: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from query import QueryError, _expansion

    monkeypatch.setattr(_expansion, "MAX_TERMS_PER_QUERY", 3)
    with Searcher(index_dir) as searcher:
        assert searcher.search("hosp*").total  # hospit in title and in body: 2
        with pytest.raises(QueryError) as info:
            searcher.search("hosp* OR ca*")  # + camp, (title:) camp, ...
    assert "stand for more than 3 different words (reached at 'ca*')" in info.value.message
    assert info.value.position == 9
