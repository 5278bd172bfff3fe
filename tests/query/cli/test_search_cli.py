"""``sift search``, ``batch``, ``show`` and ``stats`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from query.cli import main
from tests.query.conftest import build_index


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_index(tmp_path_factory.mktemp("cli-index")))


def sift(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_search_text(index: str) -> None:
    code, out, _ = sift("search", '"barrel bombs"', "--index", index)
    assert code == 0
    assert out.splitlines()[0] == "1 statement matches '\"barrel bombs\"' (showing 1-1)"
    assert "  1. Barrel bombs on Daraa" in out
    assert "2016-02-08 · Syrian Coalition · score" in out and "[s01]" in out
    assert "https://example.org/s01" in out
    assert "Regime forces dropped [[barrel bombs]] on Dara'a." in out
    assert "\x1b[" not in out  # no colour when not a terminal


def test_search_colour_on_request(index: str) -> None:
    result = CliRunner().invoke(main, ["search", "aleppo", "--index", index, "--color"], color=True)
    assert "\x1b[1;33mAleppo\x1b[0m" in result.stdout


def test_search_json_facets_histogram(index: str) -> None:
    code, out, _ = sift("search", "bombs", "--index", index, "--format", "json", "--facets", "actor,year",
                        "--histogram", "year", "--or", "--sort", "newest", "--limit", "2")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 4 and [h["id"] for h in data["hits"]] == ["s05", "s02"]
    assert data["facets"]["actor"] == [["Assad regime", 1], ["Russia", 1]]
    assert data["histogram"] == [["2016", 3], ["2017", 1]]


def test_search_text_facets_and_bar_chart(index: str) -> None:
    code, out, _ = sift("search", "NOT zzz", "--index", index, "--facets", "publisher", "--histogram", "year")
    assert code == 0
    assert "publisher:\n       6  Syrian Coalition\n       2  Local Council" in out
    assert "  2016  " + "█" * 40 + " 5" in out
    assert "(undated: 1)" in out


def test_search_html_escapes(index: str) -> None:
    code, out, _ = sift("search", "aleppo", "--index", index, "--format", "html")
    assert code == 0 and "<script>" not in out and "&lt;script&gt;" in out and "<mark>Aleppo</mark>" in out


@pytest.mark.parametrize(
    ("query", "message", "caret"),
    [
        ("genocide AND (Syria", "unclosed '(': add a ')'", "             ^"),
        ('"barrel', "unclosed quote", "^"),
        ("foo:bar", "unknown field 'foo:'", "^"),
        ("date:2016-13", "month 13 is not between 1 and 12", "     ^"),
        ("siege AND", "'AND' at the end has nothing after it", "      ^"),
    ],
)
def test_malformed_query_exits_2_with_caret(index: str, query: str, message: str, caret: str) -> None:
    code, out, err = sift("search", query, "--index", index)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("Error: malformed query: ") and message in lines[0]
    assert lines[1:] == [query, caret]
    assert "Traceback" not in err


def test_missing_index_exits_1(tmp_path: Path) -> None:
    code, _, err = sift("search", "x", "--index", str(tmp_path / "none"))
    assert code == 1 and err.startswith("Error: no Sift index at") and "Traceback" not in err


def test_bad_option_exits_2(index: str) -> None:
    code, _, err = sift("search", "x", "--index", index, "--facets", "colour")
    assert code == 2 and "unknown facet 'colour'" in err


def test_no_hits_is_success(index: str) -> None:
    code, out, _ = sift("search", "zzz", "--index", index)
    assert (code, out) == (0, "0 statements match 'zzz'\n")


def test_batch_jsonl(index: str, tmp_path: Path) -> None:
    queries = tmp_path / "q.txt"
    queries.write_text('# comment\nchlorine\n\n"unclosed\nbombs aleppo\n', "utf-8")
    code, out, err = sift("batch", str(queries), "--index", index, "--or", "--limit", "1")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["query"] for r in records] == ["chlorine", '"unclosed', "bombs aleppo"]
    assert records[0] == {"query": "chlorine", "total": 2,
                          "hits": [{"id": "s07", "score": records[0]["hits"][0]["score"], "title": "Twin", "date": "2016-05-05"}]}
    assert records[1]["error"].startswith("unclosed quote") and "line 4" in records[1]["error"]
    assert records[2]["total"] == 4
    assert err == "1 malformed query (see the error records)\n"


def test_batch_csv(index: str) -> None:
    code, out, _ = sift("batch", "-", "--index", index, "--format", "csv", input="chlorine\nzzz\n")
    assert code == 0
    lines = out.splitlines()
    # The web export's columns, between the query (and its total) and an error (issue 20).
    assert lines[0] == ("query,total,rank,id,title,date,publisher,url,score,actors,locations,claims,news_source,"
                        "snippet,copies,error")
    assert lines[1].startswith("chlorine,2,1,s07,Twin,2016-05-05,Syrian Coalition,https://example.org/s07,")
    assert lines[1].endswith(",,,,Identical twin statement about [[chlorine]].,,")
    assert lines[2].startswith("chlorine,2,2,s08,")
    assert lines[3] == "zzz,0" + "," * 14
    code, out, _ = sift("batch", "-", "--index", index, "--format", "csv", "--snippets", "0", input="chlorine\n")
    assert out.splitlines()[1].endswith(",,,,,,")


def test_show(index: str) -> None:
    code, out, _ = sift("show", "s01", "--index", index)
    assert code == 0
    assert out.startswith("Barrel bombs on Daraa\n")
    assert "locations: Daraa" in out and "Daraa: \"Dara'a\" (@38)" in out
    assert "bombardment: Regime forces dropped barrel bombs on Dara'a." in out
    code, out, _ = sift("show", "s01", "--index", index, "--format", "json")
    assert json.loads(out)["body"].startswith("Regime forces")


def test_show_unknown_id_exits_1(index: str) -> None:
    code, _, err = sift("show", "nope", "--index", index)
    assert code == 1 and "no statement with id 'nope'" in err


def test_stats(index: str) -> None:
    code, out, _ = sift("stats", "--index", index)
    assert code == 0 and "statements: 8 (1 undated)" in out and "dates:      2015-12-31 to 2017-12-31" in out
    code, out, _ = sift("stats", "--index", index, "--format", "json")
    assert json.loads(out)["statements"] == 8


@pytest.mark.parametrize("command", ["search", "batch", "show", "stats"])
def test_every_command_has_help_with_example(command: str) -> None:
    code, out, _ = sift(command, "--help")
    assert code == 0 and "Example:" in out


FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)",
            "\uff1d1+1", "\uff0bcmd", "\uff0d2+3", "\uff20SUM(1)", "\tx", "\rx"]


def test_batch_csv_neutralises_formulas(tmp_path: Path) -> None:
    import csv
    import io

    from tests.query.conftest import statement

    corpus = [statement(f"f{i}", f"{formula} chlorine", "Chlorine was used.", "2016-01-01")
              for i, formula in enumerate(FORMULAS)]
    index = str(build_index(tmp_path, corpus))
    queries = "chlorine\n" + "".join(f"{q}\n" for q in ("=1+1 chlorine", "@SUM(1)", "\uff1dchlorine"))
    code, out, _ = sift("batch", "-", "--index", index, "--format", "csv", "--limit", "20", input=queries)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    titles = sorted(r["title"] for r in rows if r["query"] == "chlorine")
    assert titles == sorted(f"'{formula} chlorine" for formula in FORMULAS)
    assert {r["query"] for r in rows} == {"chlorine", "'=1+1 chlorine", "'@SUM(1)", "'\uff1dchlorine"}
    assert all(r["score"][0].isdigit() for r in rows if r["score"])  # numbers stay numbers


def test_show_gives_each_actor_its_type_and_the_credited_source() -> None:
    from query.cli.search_cmd import render_record

    record = {"title": "T", "id": "x", "body": "b", "actors": ["Sergei Lavrov", "Russia"],
              "actor_types": {"Sergei Lavrov": "person", "Russia": "state"}, "news_source": "Reuters"}
    out = render_record(record)
    assert "actors:    Sergei Lavrov (person), Russia (state)" in out
    assert "credited:  Reuters" in out


def test_show_says_whether_a_mention_is_in_the_title_or_the_body() -> None:
    """Issue 20: offsets alone did not say which text they count in."""
    from query.cli.search_cmd import render_record

    evidence = {"actors": {"Russia": [{"field": "title", "start": 14, "end": 20, "text": "Russia", "sentence": "x"},
                                      {"field": "body", "start": 92, "end": 108, "text": "Russian invaders",
                                       "sentence": "y"}]},
                "locations": {"Syria": [{"inferred_from": "Aleppo"}]}}
    out = render_record({"title": "T", "id": "x", "body": "b", "actors": ["Russia"], "locations": ["Syria"],
                         "evidence": evidence})
    assert "  Russia: 'Russia' (title @14), 'Russian invaders' (body @92)" in out
    assert "  Syria: (inside Aleppo)" in out


SEARCH_COLUMNS = "rank,id,title,date,publisher,url,score,actors,locations,claims,news_source,snippet,copies"


def test_search_csv_has_full_metadata(index: str) -> None:
    """Issue 20: ``sift search --format csv``, the web export's columns."""
    import csv
    import io

    code, out, _ = sift("search", "bombing OR bombs", "--index", index, "--format", "csv", "--sort", "oldest")
    assert code == 0
    assert out.splitlines()[0] == SEARCH_COLUMNS
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out, newline=""))}
    s01 = rows["s01"]
    assert s01 == {
        "rank": s01["rank"], "id": "s01", "title": "Barrel bombs on Daraa", "date": "2016-02-08",
        "publisher": "Syrian Coalition", "url": "https://example.org/s01", "score": s01["score"],
        "actors": "Assad regime", "locations": "Daraa", "claims": "bombardment", "news_source": "",
        "snippet": "Regime forces dropped barrel [[bombs]] on Dara'a. …", "copies": "",
    }
    assert float(s01["score"]) > 0
    assert rows["s05"]["date"] == "2017-12-31" and rows["s05"]["claims"] == "genocide"
    assert [r["rank"] for r in rows.values()] == [str(i) for i in range(1, len(rows) + 1)]


def test_search_jsonl_has_the_same_fields(index: str) -> None:
    code, out, _ = sift("search", "Homs OR Aleppo", "--index", index, "--format", "jsonl", "--sort", "oldest")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [list(r) for r in records] == [SEARCH_COLUMNS.split(",")] * 2
    homs = next(r for r in records if r["id"] == "s04")
    assert homs["actors"] == ["Assad regime", "Russia"] and homs["claims"] == ["ethnic_cleansing"]
    assert homs["date"] is None and homs["copies"] == []


def test_search_csv_neutralises_formulas_and_joins_lists(tmp_path: Path) -> None:
    import csv
    import io

    from tests.query.conftest import statement

    corpus = [statement("f1", "=HYPERLINK(\"x\") chlorine", "+cmd chlorine was used.", "2016-01-01",
                        publisher="@evil", actors=("-Actor", "Russia"), locations=("Idlib", "=Place"))]
    index = str(build_index(tmp_path, corpus))
    code, out, _ = sift("search", "chlorine", "--index", index, "--format", "csv")
    (row,) = csv.DictReader(io.StringIO(out, newline=""))
    assert row["title"] == "'=HYPERLINK(\"x\") chlorine"
    assert row["publisher"] == "'@evil"
    assert row["actors"] == "'-Actor; Russia" and row["locations"] == "Idlib; =Place"
    assert row["snippet"].startswith("'+cmd [[chlorine]]")


def test_copies_fill_their_column_when_the_hit_carries_them() -> None:
    """Near-duplicate grouping adds ``copies`` to hits; CSV lists their ids, JSON Lines the records."""
    import io

    from query.export import csv_cells, hit_record, write_csv
    from query.results import Hit

    hit = Hit(id="a", rank=1, score=1.0, title="T", date=None, publisher=None, url=None)
    assert csv_cells(hit)[-1] == "" and hit_record(hit)["copies"] == []
    copies = [{"id": "b", "publisher": "P", "url": "http://b", "date": "2016-01-02"}, {"id": "c"}]
    hit.copies = copies  # type: ignore[attr-defined]
    assert csv_cells(hit)[-1] == "b; c"
    assert hit_record(hit)["copies"] == copies
    out = io.StringIO()
    write_csv(out, [hit])
    assert out.getvalue() == f"{SEARCH_COLUMNS}\r\n1,a,T,,,,1.0,,,,,,b; c\r\n"
