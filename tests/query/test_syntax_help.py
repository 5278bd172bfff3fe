"""``sift search --help``'s query language in brief, generated from the parser's table (issue 20)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from query.cli import main
from query import field_syntax
from query.field_syntax import FIELD_SYNTAX, TextSyntax
from query.parse import parse_query
from query.syntax_help import syntax_examples, syntax_help


@pytest.mark.parametrize("example", syntax_examples())
def test_every_example_shown_is_a_query_the_parser_accepts(example: str) -> None:
    parse_query(example)


def test_every_field_of_the_parser_is_listed_with_its_example() -> None:
    text = syntax_help()
    for name in FIELD_SYNTAX:
        assert f"\n  {field_syntax.EXAMPLES[name]} " in text, name
    for form in ("date:[2016-01 TO 2016-06]", "date:>=2016-02", '"barrel bombs"~5', "bomb*", "Darrya~",
                 "NOT Myanmar, -Myanmar", "siege OR starvation", "(chlorine OR sarin) AND Douma", "actor:assad*"):
        assert form in text


def test_a_field_added_to_the_table_shows_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(FIELD_SYNTAX, "headline", TextSyntax("headline", (("title", 1.0),)))
    monkeypatch.setitem(field_syntax.EXAMPLES, "headline", "headline:siege")
    assert "\n  headline:siege                 Analysed text: words" in syntax_help()


def test_search_help_lists_the_syntax_in_80_columns() -> None:
    result = CliRunner().invoke(main, ["search", "--help"], prog_name="sift", terminal_width=80)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "    title:genocide                 words in the title" in lines
    assert "    date:2016-02                   a day, month or year" in lines
    assert '    "barrel bombs"~5               proximity: at most 5 words apart' in lines
    assert lines.index("  Syntax (precedence NOT > AND > OR):") < lines.index("Options:")
