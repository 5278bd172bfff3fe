"""The framework-free helpers: query editing, in-place marking (their
doctests run in tests/test_doctests.py)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from query.web._filters import add_filter, claim_group, clause, has_clause, narrow_to_period, remove_filter
from query.web._markup import Span, evidence_spans, mark_text


@pytest.mark.parametrize(
    "query, filter_clause, operator, expected",
    [
        ("", 'actor:"Assad regime"', "AND", 'actor:"Assad regime"'),
        ("genocide", 'actor:"Assad regime"', "AND", 'genocide actor:"Assad regime"'),
        ("genocide OR massacre", "date:2016", "AND", "(genocide OR massacre) date:2016"),
        ("genocide massacre", "date:2016", "OR", "(genocide massacre) AND date:2016"),
        ("genocide", "date:2016", "OR", "genocide AND date:2016"),
        ('genocide actor:"Assad regime"', 'actor:"Assad regime"', "AND", 'genocide actor:"Assad regime"'),
        ("  bombs  ", "claim:genocide", "AND", "bombs claim:genocide"),
    ],
)
def test_add_filter(query: str, filter_clause: str, operator: str, expected: str) -> None:
    assert add_filter(query, filter_clause, operator) == expected


@pytest.mark.parametrize(
    "query, filter_clause, expected",
    [
        ('genocide actor:"Assad regime"', 'actor:"Assad regime"', "genocide"),
        ('actor:"Assad regime" AND genocide', 'actor:"Assad regime"', "genocide"),
        ("(a OR b) AND date:2016", "date:2016", "(a OR b)"),
        ("date:2016", "date:2016", ""),
        ("date:2016-02", "date:2016", "date:2016-02"),  # a whole token only
    ],
)
def test_remove_filter(query: str, filter_clause: str, expected: str) -> None:
    assert remove_filter(query, filter_clause) == expected


@pytest.mark.parametrize(
    "query, period, expected",
    [
        ("bombs", "2016-02", "bombs date:2016-02"),
        ("bombs date:2016", "2016-02", "bombs date:2016-02"),
        ("bombs date:2016-02", "2016-02", "bombs date:2016-02"),
        ("bombs date:2015", "2016-02", "bombs date:2015 date:2016-02"),  # still ANDed: no hits, but honest
        ("(a OR date:2016)", "2016-02", "(a OR date:2016) date:2016-02"),  # not a plain query: append
        ("bombs NOT date:2016", "2016-02", "bombs NOT date:2016 date:2016-02"),
    ],
)
def test_narrow_to_period(query: str, period: str, expected: str) -> None:
    assert narrow_to_period(query, period) == expected


def test_narrow_rejects_a_non_period() -> None:
    with pytest.raises(ValueError):
        narrow_to_period("bombs", "2016-02) OR (x")


@pytest.mark.parametrize(
    "facet, value, expected",
    [
        ("actor", 'The "Tiger" Forces', 'actor:"The \\"Tiger\\" Forces"'),
        ("location", "Deir ez-Zor", 'location:"Deir ez-Zor"'),
        ("claim", "ethnic_cleansing", 'claim:"ethnic_cleansing"'),
        ("year", "2016", "date:2016"),
        ("month", "2016-02", "date:2016-02"),
        ("publisher", "Syrian Coalition", 'publisher:"Syrian Coalition"'),
    ],
)
def test_clause(facet: str, value: str, expected: str) -> None:
    assert clause(facet, value) == expected


def test_every_clause_parses() -> None:
    from query import parse_query

    for facet, value in [("actor", 'The "Tiger" \\ Forces'), ("claim", "ethnic_cleansing"), ("year", "2016"),
                         ("publisher", "Evil <b>Press</b>"), ("location", "Deir ez-Zor")]:
        parse_query(add_filter("bombs OR shells", clause(facet, value)))


@pytest.mark.parametrize(
    "args, negated, expected",
    [
        (("bombardment", "by", "Russia"), False, "claim:(bombardment AND by:Russia)"),
        (("bombardment", "in", "Idlib"), False, "claim:(bombardment AND in:Idlib)"),
        (("killing", "against", "Deir ez-Zor"), False, 'claim:(killing AND against:"Deir ez-Zor")'),
        (("killing", "by", 'The "Tiger" \\ Forces'), False, 'claim:(killing AND by:"The \\"Tiger\\" \\\\ Forces")'),
        (("killing", "by", "NOT"), False, 'claim:(killing AND by:"NOT")'),
        (("killing", "by", "al-Nusra"), False, 'claim:(killing AND by:"al-Nusra")'),
        (("responsibility_attribution", "speaker", "Russia"), True,
         "claim:(responsibility_attribution AND negated:true AND speaker:Russia)"),
    ],
)
def test_claim_group(args: tuple[str, str, str], negated: bool, expected: str) -> None:
    from query import parse_query

    group = claim_group(*args, negated=negated)
    assert group == expected
    parse_query(add_filter("bombs OR shells", group))
    assert has_clause(add_filter("bombs", group), group)


def test_claim_group_refuses_an_unknown_role() -> None:
    with pytest.raises(ValueError):
        claim_group("killing", "actor", "Russia")


class _Nesting(HTMLParser):
    """Checks that tags close in the order they opened."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ("a", "span"), tag
        if tag == "a":
            assert "a" not in self.stack, "links must not nest"
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_overlapping_spans_nest_and_keep_the_text() -> None:
    text = 'The Syrian Coalition said: "<b>Syria</b> & more". Next.'
    spans = [
        Span(4, 20, "actor", "Syrian Coalition", 'actor:"Syrian Coalition"'),
        Span(4, 10, "location", "Syria", 'location:"Syria"'),  # inside the actor
        Span(0, 49, "claim", "massacre", "claim:massacre"),
        Span(31, 36, "location", "Syria", 'location:"Syria"'),
    ]
    out = mark_text(text, spans)
    checker = _Nesting()
    checker.feed(out)
    checker.close()
    assert checker.stack == []
    assert "".join(checker.text) == text  # entities decoded back: nothing lost, nothing added
    assert "<b>" not in out and "&lt;b&gt;" in out


def test_evidence_with_wrong_offsets_is_reported_not_placed() -> None:
    statement = {
        "body": "Assad regime forces shelled Homs.",
        "evidence": {
            "actors": {"Assad regime": [{"field": "body", "start": 0, "end": 12, "text": "Assad regime"}]},
            "locations": {
                "Homs": [{"field": "body", "start": 5, "end": 9, "text": "Homs"}],  # wrong place
                "Syria": [{"inferred_from": "Homs"}],
                "Hama": [{"field": "body", "start": 30, "end": 99, "text": "Hama"}],  # out of range
            },
        },
        "claims": [{"type": "bombardment", "types": ["bombardment"], "sentence": "Assad regime forces shelled Homs."}],
    }
    spans, unplaced = evidence_spans(statement, "body", statement["body"])
    assert sorted((s.kind, s.start, s.end) for s in spans) == [("actor", 0, 12), ("claim", 0, 33)]
    assert unplaced == ["location 'Homs' at 5-9", "location 'Hama' at 30-99"]

