"""Issue 20, item 5: files of many statements are streamed, in bounded memory.

Readers yield one record at a time (a 200k-line file is never held whole),
lists and lines longer than the read window are decoded whole, a file cut
short part-way keeps what was read and is read again on the next run, and
re-runs still skip unchanged files and prune removed records.
"""

from __future__ import annotations

import inspect
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from indexer.errors import IngestError
from indexer.formats import ReadOptions, iter_records, read_file
from indexer.formats.jsonl import read_json
from indexer.formats.table import read_csv
from indexer.model import Statement
from indexer.writing.write import MAX_FILE_ERRORS, IndexOptions, index_paths

MB = 1024 * 1024


def _record(i: int, words: int = 1) -> dict[str, str]:
    text = f"Shelling hit Homs on day {i}." + " Aid reached Aleppo and Idlib." * (words - 1)
    return {"id": f"s{i}", "title": f"Statement {i}", "text": text, "date": "4/5/2017"}


def _write_jsonl(path: Path, count: int, words: int = 1) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            out.write(json.dumps(_record(i, words)) + "\n")
    return path


def _peak_while_reading(records: Iterator[Statement | IngestError]) -> tuple[int, int]:
    """(statements read, peak bytes allocated) while consuming ``records`` one at a time."""
    count = 0
    tracemalloc.start()
    try:
        for record in records:
            count += isinstance(record, Statement)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak


def test_readers_of_many_statements_are_generators() -> None:
    assert inspect.isgeneratorfunction(read_json) and inspect.isgeneratorfunction(read_csv)
    assert inspect.isgeneratorfunction(iter_records)


@pytest.mark.slow
def test_reading_a_200k_line_jsonl_file_keeps_memory_bounded(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "big.jsonl", 200_000, words=3)
    size = path.stat().st_size  # about 31 MB
    count, peak = _peak_while_reading(iter_records(path))
    assert count == 200_000
    assert peak < 2 * MB < size / 8, f"reading held {peak / MB:.1f} MB of a {size / MB:.0f} MB file"


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_reading_a_20k_row_csv_or_json_list_keeps_memory_bounded(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"big{suffix}"
    rows = [_record(i, words=8) for i in range(20_000)]
    if suffix == ".json":
        path.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    else:
        path.write_text("id,title,text,date\n" + "".join(f'{r["id"]},{r["title"]},"{r["text"]}",{r["date"]}\n' for r in rows),
                        encoding="utf-8")
    del rows
    size = path.stat().st_size
    count, peak = _peak_while_reading(iter_records(path))
    assert count == 20_000
    assert peak < MB < size / 4, f"reading held {peak / MB:.1f} MB of a {size / MB:.0f} MB file"


def test_day_first_is_inferred_from_a_date_late_in_the_file(tmp_path: Path) -> None:
    """The first pass sees every date: one 28/7/2015 at the end makes the column day-first."""
    lines = [json.dumps({"text": f"Text {i}.", "date": "4/5/2017"}) for i in range(3000)]
    lines.append(json.dumps({"text": "Last.", "date": "28/7/2015"}))
    path = tmp_path / "dates.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    first = next(s for s in iter_records(path) if isinstance(s, Statement))
    assert (first.date.month, first.date.day) == (5, 4)  # type: ignore[union-attr]


def test_json_list_items_longer_than_the_read_window_are_decoded(tmp_path: Path) -> None:
    long_text = "Aid reached Aleppo. " * 20_000  # 400 kB, several read windows
    items = [{"id": "a", "text": long_text}, {"id": "b", "text": "Short."}, 12345678, {"id": "c", "text": long_text[::-1]}]
    path = tmp_path / "list.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    records = read_file(path)
    assert [(s.id, len(s.body)) for s in records.statements] == [("a", len(long_text.strip())), ("b", 6), ("c", len(long_text.strip()))]
    assert [(e.path, e.reason) for e in records.errors] == [(f"{path}#3", "list item is not a JSON object")]


def test_a_malformed_list_item_stops_the_reading_and_keeps_the_items_before(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text('[{"text": "One."}, {"text": "Two."}, {"text": broken}, {"text": "Four."}]', encoding="utf-8")
    read: list[Statement | IngestError] = []
    with pytest.raises(IngestError, match=r"malformed JSON \(Expecting value\); the rest of the file is not read") as info:
        for record in iter_records(path):
            read.append(record)
    assert info.value.path == f"{path}#3"
    assert [s.body for s in read if isinstance(s, Statement)] == ["One.", "Two."] and len(read) == 2


def test_a_json_object_document_and_json_lines_named_json(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text('{\n  "title": "T",\n  "text": "Pretty printed."\n}\n', encoding="utf-8")
    assert [s.body for s in read_file(one).statements] == ["Pretty printed."]
    lines = tmp_path / "lines.json"
    lines.write_text('{"text": "First."}\n{"text": "Second."}\n', encoding="utf-8")
    records = read_file(lines)
    assert [s.body for s in records.statements] == ["First.", "Second."]
    assert records.errors == []


def test_a_line_longer_than_the_record_limit_is_skipped_unread(tmp_path: Path) -> None:
    options = ReadOptions(max_statement_mb=0.01)  # record limit 8 x 0.01 MB = 83,886 characters
    path = tmp_path / "long.jsonl"
    path.write_text("\n".join([json.dumps({"text": "Before."}), json.dumps({"text": "x" * 200_000}),
                               json.dumps({"text": "After."})]), encoding="utf-8")
    records = read_file(path, options)
    assert [s.body for s in records.statements] == ["Before.", "After."]
    (error,) = records.errors
    assert error.path == f"{path}:2" and error.reason.startswith("record too long (200,013 characters")


def test_an_unclosed_csv_quote_stops_at_the_record_limit(tmp_path: Path) -> None:
    options = ReadOptions(max_statement_mb=0.01)
    path = tmp_path / "quote.csv"
    rest = "".join(f"T{i},Text {i}.\n" for i in range(20_000))  # 250 kB the open quote swallows
    path.write_text(f'title,text\nOne,Fine.\nTwo,"Never closed.\n{rest}', encoding="utf-8")
    read: list[Statement | IngestError] = []
    with pytest.raises(IngestError, match=r"a cell longer than 83,886 characters \(an unclosed quote\?\); "
                                          "the rest of the file is not read") as info:
        for record in iter_records(path, options):
            read.append(record)
    assert info.value.path == f"{path} row 2"
    assert [s.title for s in read if isinstance(s, Statement)] == ["One"] and len(read) == 1


# -- indexing: re-runs, changed files, files cut short -------------------------


def _ids(index: Path) -> set[str]:
    """The ids of every live statement."""
    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        return {str(fields["id"]) for fields in searcher.all_stored_fields()}


def test_a_big_file_is_indexed_across_commits_skipped_unchanged_and_updated_when_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    path = _write_jsonl(src / "export.jsonl", 250)
    index = tmp_path / "ix"
    options = IndexOptions(extract=False, batch_size=40)  # commits in the middle of the file
    report = index_paths([src], index, options)
    assert (report.added, report.errors) == (250, [])
    assert _ids(index) == {f"s{i}" for i in range(250)}

    def unread(*_args: object) -> None:
        raise AssertionError("an unchanged file was read")

    monkeypatch.setattr("indexer.writing.write.iter_records", unread)
    report = index_paths([src], index, options)
    assert (report.unchanged, report.added, report.updated) == (250, 0, 0)
    monkeypatch.undo()

    # Changed part-way: one record edited, 50 removed, 10 new.
    records = [_record(i) for i in range(200)] + [_record(i) for i in range(1000, 1010)]
    records[5]["text"] = "Aid reached Aleppo."
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = index_paths([src], index, options)
    assert (report.added, report.updated, report.unchanged, report.removed) == (0, 10 + 1, 199, 40)
    assert _ids(index) == {f"s{i}" for i in [*range(200), *range(1000, 1010)]}


def test_a_file_cut_short_keeps_what_was_read_prunes_nothing_and_is_read_again(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    path = src / "table.csv"
    good = "".join(f"T{i},Shelling hit Homs {i}.\n" for i in range(30))
    path.write_text("title,text\n" + good, encoding="utf-8")
    index = tmp_path / "ix"
    options = IndexOptions(extract=False, batch_size=7, read=ReadOptions(max_statement_mb=0.001))
    assert index_paths([src], index, options).added == 30
    before = _ids(index)
    # Rows 1-9 unchanged, then a quote that never closes swallows the rest.
    cut = "".join(f"T{i},Shelling hit Homs {i}.\n" for i in range(10)) + 'T10,"open\n' + "T11,x\n" * 2000
    path.write_text("title,text\n" + cut, encoding="utf-8")
    report = index_paths([src], index, options)
    assert report.removed == 0 and _ids(index) == before
    assert [e.path for e in report.errors] == [f"{path} row 11"]
    again = index_paths([src], index, options)  # not recorded as read: read (and reported) again
    assert again.unchanged == 10 and [e.path for e in again.errors] == [f"{path} row 11"]


def test_errors_of_one_file_are_listed_up_to_a_limit_and_counted(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    lines = [json.dumps({"text": "Fine."})] + ["{broken"] * (MAX_FILE_ERRORS + 5)
    (src / "bad.jsonl").write_text("\n".join(lines), encoding="utf-8")
    report = index_paths([src], tmp_path / "ix", IndexOptions(extract=False))
    assert report.added == 1
    assert len(report.errors) == MAX_FILE_ERRORS + 1
    assert report.errors[-1].reason == "5 more records with errors, not listed"
    again = index_paths([src], tmp_path / "ix", IndexOptions(extract=False))  # unchanged: kept in the manifest
    assert again.unchanged == 1 and [str(e) for e in again.errors] == [str(e) for e in report.errors]
