"""Each input format becomes statements; bad files give clear errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from indexer.errors import IngestError
from indexer.formats import ReadOptions, read_file
from tests.conftest import SEED_FILE


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_seed_layout_gives_title_url_publisher_date_and_body() -> None:
    (statement,) = read_file(SEED_FILE).statements
    assert statement.title == "Assad Regime, Russia and Iran Carry out Ethnic Cleansing and Genocide in Syria"
    assert statement.url == "http://en.etilaf.org/press/assad-regime-russia-and-iran-carry-out-ethnic-cleansing-and-genocide-in-syria"
    assert statement.publisher == "Syrian Coalition"
    assert statement.date == dt.date(2016, 2, 8)
    assert statement.body.startswith("The Syrian Coalition warns of an imminent massacre")
    assert "Press Statement" not in statement.body
    assert statement.body.rstrip().endswith("tragic chapter of world history.")


def test_plain_text_takes_first_short_line_as_title(tmp_path: Path) -> None:
    path = write(tmp_path / "note.txt", "Shelling in Homs\n\nShelling hit Homs on Monday, residents said.\n")
    (statement,) = read_file(path).statements
    assert statement.title == "Shelling in Homs"
    assert statement.body == "Shelling hit Homs on Monday, residents said."
    assert statement.date is None


def test_markdown_is_stripped_to_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "# Aid blocked\n\nThe **UN** said [convoys](http://x.org) were *blocked*.\n")
    (statement,) = read_file(path).statements
    assert statement.title == "Aid blocked"
    assert statement.body == "The UN said convoys were blocked."


def test_html_keeps_main_text_only(tmp_path: Path) -> None:
    page = """<html><head><title>Strike on Idlib &amp; Hama</title>
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2017-04-05T10:00:00Z">
    <link rel="canonical" href="https://example.org/2017/04/05/strike">
    <script>var tracking = "SECRET";</script><style>p{color:red}</style></head>
    <body><nav>Home | World</nav><article><h1>Strike on Idlib &amp; Hama</h1>
    <p>Jets struck Khan Sheikhoun &lt;early&gt; on Tuesday.</p><!-- hidden comment -->
    <p>Dozens were killed.</p></article><footer>Copyright</footer></body></html>"""
    (statement,) = read_file(write(tmp_path / "p.html", page)).statements
    assert statement.title == "Strike on Idlib & Hama"
    assert statement.publisher == "Example News"
    assert statement.url == "https://example.org/2017/04/05/strike"
    assert statement.date == dt.date(2017, 4, 5)
    assert "Jets struck Khan Sheikhoun <early> on Tuesday." in statement.body
    assert "Dozens were killed." in statement.body
    for junk in ("SECRET", "color:red", "Home | World", "hidden comment", "Copyright"):
        assert junk not in statement.body


def test_jsonl_maps_fields_keeps_ids_and_metadata_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "A-1", "title": "One", "text": "First text.", "date": "2016-02-08", "lang": "en"}),
        "{not json",
        json.dumps({"title": "Two", "content": "Second text.", "url": "http://x.org/2015/07/01/b", "source": "X"}),
        json.dumps([1, 2]),
    ]
    result = read_file(write(tmp_path / "s.jsonl", "\n".join(lines)))
    first, second = result.statements
    assert first.id == "A-1"
    assert first.date == dt.date(2016, 2, 8)
    assert first.metadata == {"lang": "en"}
    assert second.body == "Second text." and second.publisher == "X"
    assert second.date == dt.date(2015, 7, 1)
    assert [e.path for e in result.errors] == [f"{tmp_path / 's.jsonl'}:2", f"{tmp_path / 's.jsonl'}:4"]
    assert "malformed JSON" in result.errors[0].reason


def test_json_array(tmp_path: Path) -> None:
    path = write(tmp_path / "s.json", json.dumps([{"title": "T", "body": "B one."}, {"body": "B two."}]))
    assert [s.body for s in read_file(path).statements] == ["B one.", "B two."]


def test_csv_detects_columns_and_infers_month_first_dates(tmp_path: Path) -> None:
    content = (
        "unit_id,article_title,article_content,source,date\n"
        '7,Raid,"Jets hit Aleppo.\nMany died.",sana,4/5/2017\n'
        "8,Other,Text two.,reuters,7/28/2015\n"
    )
    first, second = read_file(write(tmp_path / "f.csv", content)).statements
    assert first.id == "7" and first.title == "Raid" and first.publisher == "sana"
    assert first.body == "Jets hit Aleppo.\nMany died."
    assert first.date == dt.date(2017, 4, 5)  # 7/28/2015 shows the column is month-first
    assert second.date == dt.date(2015, 7, 28)


def test_csv_day_first_inferred_from_the_column(tmp_path: Path) -> None:
    content = "title,text,date\nA,Text a.,4/5/2017\nB,Text b.,28/7/2015\n"
    first, _ = read_file(write(tmp_path / "f.csv", content)).statements
    assert first.date == dt.date(2017, 5, 4)


def test_csv_column_override_and_ragged_rows(tmp_path: Path) -> None:
    content = "headline,words,extra\nT1,Body one.\nT2,Body two.,x,surplus\n"
    options = ReadOptions(text_column="words", title_column="headline")
    statements = read_file(write(tmp_path / "f.csv", content), options).statements
    assert [(s.title, s.body) for s in statements] == [("T1", "Body one."), ("T2", "Body two.")]


def test_csv_without_text_column_names_the_option(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="--text-column"):
        read_file(write(tmp_path / "f.csv", "a,b\n1,2\n"))


def test_csv_override_naming_a_missing_column(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="'nope'.*not found"):
        read_file(write(tmp_path / "f.csv", "title,text\nA,B\n"), ReadOptions(text_column="nope"))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "", "empty file"),
        ("blank.md", "  \n\n", "empty file"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04", "binary file"),
        ("latin1.txt", "Caf\xe9 bombed".encode("latin-1"), "not valid UTF-8"),
        ("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
        # Issue 20: a lone BOM is an empty file, not an empty statement.
        ("bom.txt", b"\xef\xbb\xbf", "empty file (only a byte order mark)"),
        ("bom.jsonl", b"\xef\xbb\xbf\n", "empty file"),
        ("bom16.md", b"\xff\xfe", "empty file"),
        # Issue 20: cut inside its last character is a truncated file, not latin1.
        ("cut.txt", "Title\n\nBody in Damascus, caf\u00e9".encode()[:-1], "ends inside a UTF-8 character"),
        ("cut3.md", "Title\n\nA quote \u201cx\u201d".encode()[:-2], "the file looks truncated"),
        ("image.png", b"\x89PNG", "unsupported file type"),
    ],
)
def test_bad_files_raise_ingest_error_with_path_and_reason(tmp_path: Path, name: str, content: str | bytes, reason: str) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.path == str(path)
    assert reason in info.value.reason


def test_derived_ids_are_stable_and_depend_on_content(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = write(tmp_path / "a" / "x.txt", "Title\n\nSame body.")
    b = write(tmp_path / "b" / "x.txt", "Title\n\nSame body.")
    c = write(tmp_path / "c.txt", "Title\n\nOther body.")
    id_a, id_b, id_c = (read_file(p).statements[0].id for p in (a, b, c))
    assert id_a == id_b  # same source name and content, wherever the folder is
    assert id_a != id_c


def test_a_record_without_title_gets_none_made_up_from_its_body(tmp_path: Path) -> None:
    """The body's first words are not the author's title: they must not be
    searched as a title (``title:``) nor extracted a second time as one."""
    from indexer.extraction.extract import extract
    from indexer.extraction.gazetteer import Gazetteer

    body = "Aleppo was shelled on Monday, residents said."
    path = write(tmp_path / "s.jsonl", json.dumps({"id": "a", "text": body}) + "\n")
    (statement,) = read_file(path).statements
    assert statement.title == ""
    assert statement.body == body
    statement.extraction = extract(statement, Gazetteer.load())
    evidence = statement.to_json()["evidence"]["locations"]["Aleppo"]
    assert [item["field"] for item in evidence] == ["body"]


# -- issue 23, point 6: size limits, invalid UTF-8 per record -------------------

MB = 1024 * 1024


def test_invalid_utf8_in_one_jsonl_line_skips_only_that_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": "Shelling hit Homs."}).encode(),
             b'{"id": "b", "text": "Caf\xe9 latin-1 here"}',
             json.dumps({"id": "c", "text": "Aid reached Aleppo."}).encode()]
    records = read_file(write(tmp_path / "mixed.jsonl", b"\n".join(lines) + b"\n"))
    assert [s.id for s in records.statements] == ["a", "c"]
    (error,) = records.errors
    assert error.path == f"{tmp_path / 'mixed.jsonl'}:2"
    assert error.reason.startswith("not valid UTF-8 (byte 0xe9 at character 25)") and "line skipped" in error.reason


def test_invalid_utf8_in_a_json_list_item_skips_that_item(tmp_path: Path) -> None:
    """Lists are streamed item by item (issue 20): the item is skipped, as a JSON line would be."""
    path = write(tmp_path / "doc.json", b'[{"text": "ok"},\n {"text": "Caf\xe9"}, {"text": "fine"}]')
    records = read_file(path)
    assert [s.body for s in records.statements] == ["ok", "fine"]
    (error,) = records.errors
    assert error.path == f"{path}#2" and error.reason.startswith("not valid UTF-8 (byte 0xe9") and "item skipped" in error.reason


def test_invalid_utf8_in_a_json_object_document_refuses_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "doc.json", b'{"title": "One",\n "text": "Caf\xe9"}')
    with pytest.raises(IngestError, match="not valid UTF-8 \\(byte 0xe9"):
        read_file(path)


def test_invalid_utf8_in_one_csv_row_skips_only_that_row(tmp_path: Path) -> None:
    data = b'title,text\nOne,"Shelling hit\nHoms."\nTwo,Caf\xe9 au lait\nThree,Aid reached Aleppo.\n'
    records = read_file(write(tmp_path / "mixed.csv", data))
    assert [s.title for s in records.statements] == ["One", "Three"]
    (error,) = records.errors
    assert error.path == f"{tmp_path / 'mixed.csv'} row 2" and "not valid UTF-8 (byte 0xe9" in error.reason


def test_file_larger_than_the_limit_is_reported_with_the_option(tmp_path: Path) -> None:
    path = write(tmp_path / "note.txt", "Shelling hit Homs. " * 2000)  # 38 kB
    with pytest.raises(IngestError, match=r"file too large \(0\.0 MB, limit 0\.01 MB\); raise the limit with --max-file-mb"):
        read_file(path, ReadOptions(max_file_mb=0.01))
    assert len(read_file(path).statements) == 1


def test_default_file_limits_depend_on_the_format(tmp_path: Path) -> None:
    from indexer.formats.common import ONE_STATEMENT_FILE_MB, file_limit_mb

    assert ONE_STATEMENT_FILE_MB == 50
    assert file_limit_mb(ReadOptions(), one_statement=True) == 50
    assert file_limit_mb(ReadOptions(), one_statement=False) is None  # streamed (issue 20)
    assert file_limit_mb(ReadOptions(max_file_mb=300), one_statement=False) == 300
    assert file_limit_mb(ReadOptions(max_file_mb=300), one_statement=True) == 300


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_statement_longer_than_the_limit_is_reported(tmp_path: Path, suffix: str) -> None:
    text = "Shelling hit Homs. " * 60_000  # 1.1 million characters
    path = write(tmp_path / f"long{suffix}", text if suffix == ".txt" else f"<html><body><p>{text}</p></body></html>")
    with pytest.raises(IngestError, match=r"statement too long \(1,1\d\d,\d\d\d characters, limit 1 MB\); skipped; "
                                          "raise the limit with --max-statement-mb"):
        read_file(path, ReadOptions(max_statement_mb=1))
    (statement,) = read_file(path, ReadOptions(max_statement_mb=2)).statements
    assert len(statement.body) > MB


def test_long_record_is_skipped_and_the_others_kept(tmp_path: Path) -> None:
    long_text = "x " * MB
    jsonl = write(tmp_path / "a.jsonl", "\n".join(json.dumps({"id": i, "text": t})
                                                   for i, t in (("1", "short"), ("2", long_text), ("3", "short too"))))
    records = read_file(jsonl, ReadOptions(max_statement_mb=1))
    assert [s.id for s in records.statements] == ["1", "3"]
    assert [e.path for e in records.errors] == [f"{jsonl}:2"] and "statement too long" in records.errors[0].reason
    csv_path = write(tmp_path / "a.csv", f"title,text\nA,short\nB,{long_text}\nC,short too\n")
    records = read_file(csv_path, ReadOptions(max_statement_mb=1))
    assert [s.title for s in records.statements] == ["A", "C"]
    assert [e.path for e in records.errors] == [f"{csv_path} row 2"]


def test_html_text_extraction_is_linear_on_flat_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """100k sibling elements took 100 s: each inserted line break and each
    removed comment or script scanned the siblings (bs4 ``Tag.index``).
    The scan itself is the cause, so the test forbids it instead of timing
    the run (a wall-clock bound failed under a loaded host)."""
    from bs4 import Tag

    from indexer.formats.html import html_to_text

    def scan(*_args: object) -> None:
        raise AssertionError("sibling scan while extracting text")

    page = "<html><body>" + "<p>word</p><!-- c --><script>x</script>" * 20_000 + "</body></html>"
    monkeypatch.setattr(Tag, "index", scan)
    text, _ = html_to_text(page)
    assert text == "\n\n".join(["word"] * 20_000)


def test_html_main_text_skips_articles_inside_dropped_elements() -> None:
    from indexer.formats.html import html_to_text

    page = ("<html><body><header><article>Menu teaser</article></header>"
            "<article><p>Main <!-- hidden -->text</p><aside>Related</aside><p>More</p></article></body></html>")
    text, _ = html_to_text(page)
    assert text == "Main text\n\nMore"


def test_truncated_utf8_is_not_told_to_convert_from_latin1(tmp_path: Path) -> None:
    path = write(tmp_path / "cut.txt", "Title\n\nSyrie, \u00e9t\u00e9".encode()[:-1])
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert "latin1" not in info.value.reason
    # A latin1 byte inside the text is still told to convert.
    with pytest.raises(IngestError) as latin:
        read_file(write(tmp_path / "l.txt", "Caf\xe9 and more text".encode("latin-1")))
    assert "iconv -f latin1" in latin.value.reason


def test_json_error_wording_has_no_doubled_word(tmp_path: Path) -> None:
    result = read_file(write(tmp_path / "s.jsonl", '{"title": "a", "body": "b"}\n{"title": "unterminated\n'))
    (error,) = result.errors
    assert error.reason == "malformed JSON (Unterminated string starting at column 11)"
    result = read_file(write(tmp_path / "t.jsonl", '{"title": "a", "body": "b"}\n{"title" "x"}\n'))
    assert result.errors[0].reason == "malformed JSON (Expecting ':' delimiter at column 10)"


@pytest.mark.parametrize(
    ("name", "content", "record"),
    [
        ("s.jsonl", '{"body": "x"}\n\n{"body": "y"}\n', ":3"),
        ("s.csv", "title,text\nA,x\nB,y\n", " row 2"),
        ("s.json", '[{"body": "x"}, {"body": "y"}]', "#2"),
        ("s.txt", "Title\n\nBody.", ""),
    ],
)
def test_statements_know_their_row(tmp_path: Path, name: str, content: str, record: str) -> None:
    assert read_file(write(tmp_path / name, content)).statements[-1].record == record
