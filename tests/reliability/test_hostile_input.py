"""Issue 6, points 4-5: hostile files are read or reported, never crash a run.

Every reader either returns statements or raises ``IngestError`` naming the
file; a run over a folder of such files still indexes the good ones. HTML
is parsed by bs4's ``html.parser``: no external entity, no fetch.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.errors import IngestError
from indexer.formats import read_file
from indexer.formats.html import html_to_text
from indexer.writing.write import IndexOptions, index_paths

SUFFIXES = [".txt", ".jsonl", ".json", ".csv", ".tsv", ".html", ".md"]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _read_or_report(path: Path) -> None:
    try:
        records = read_file(path)
    except IngestError as exc:
        assert exc.path.startswith(str(path)) and exc.reason
        return
    for error in records.errors:
        assert isinstance(error, IngestError) and error.path.startswith(str(path))
    for statement in records.statements:
        assert statement.id and isinstance(statement.body, str)


@FAST
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_are_read_or_reported(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    _read_or_report(path)


@FAST
@given(text=st.text(min_size=1, max_size=300), cut=st.integers(min_value=1, max_value=3), suffix=st.sampled_from(SUFFIXES))
def test_truncated_utf8_is_read_or_reported(tmp_path: Path, text: str, cut: int, suffix: str) -> None:
    data = (text + "\u00e9\u4e2d\U0001f600").encode("utf-8")[:-cut]  # ends mid-character
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(data)
    _read_or_report(path)


@FAST
@given(
    rows=st.lists(st.lists(st.text(max_size=30), min_size=0, max_size=6), min_size=0, max_size=8),
)
def test_ragged_csv_with_embedded_newlines(tmp_path: Path, rows: list[list[str]]) -> None:
    lines = ['title,text,date']
    for row in rows:
        lines.append(",".join('"' + cell.replace('"', '""') + '\n"' for cell in row))
    path = tmp_path / "ragged.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    _read_or_report(path)


@FAST
@given(
    body=st.text(max_size=200),
    script=st.text(max_size=100),
    entity=st.sampled_from(["&amp;", "&lt;", "&#x41;", "&#99999999;", "&bogus;", "&"]),
)
def test_html_with_scripts_comments_and_entities(tmp_path: Path, body: str, script: str, entity: str) -> None:
    page = (
        f"<html><head><title>T {entity}</title><script>{script}</script></head>"
        f"<body><!-- {script} --><p>{body} {entity}</p><script>var secret = 'SCRIPTTEXT';</script></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    _read_or_report(path)
    text, _ = html_to_text(page)
    assert "SCRIPTTEXT" not in text


def test_bare_character_reference_does_not_leak_scripts() -> None:
    page = "<html><head><title>T &#;</title></head><body><p>a &#;</p><script>var s = 'SCRIPTTEXT';</script></body></html>"
    text, _ = html_to_text(page)
    assert "SCRIPTTEXT" not in text


def test_deeply_nested_json_is_reported(tmp_path: Path) -> None:
    deep = "[" * 200_000 + "]" * 200_000
    (tmp_path / "deep.json").write_text(deep, encoding="utf-8")
    (tmp_path / "deep.jsonl").write_text('{"text": ' + deep + "}\n" + json.dumps({"text": "fine line"}), encoding="utf-8")
    _read_or_report(tmp_path / "deep.json")
    records = read_file(tmp_path / "deep.jsonl")
    assert [s.body for s in records.statements] == ["fine line"]
    assert any("nested too deeply" in e.reason for e in records.errors)


def test_a_run_over_hostile_files_indexes_the_good_ones(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.jsonl").write_text(json.dumps({"id": "good", "text": "Shelling hit Homs."}), encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (src / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (src / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (src / "empty.csv").write_text("", encoding="utf-8")
    (src / "noheader.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (src / "broken.jsonl").write_text('{"text": "ok line"}\n{"text": broken\n', encoding="utf-8")
    report = index_paths([src], tmp_path / "ix", IndexOptions(extract=False))
    assert report.added == 2  # good.jsonl and the good line of broken.jsonl
    failed = {Path(e.path.split(":")[0]).name for e in report.errors}
    assert {"binary.txt", "latin1.txt", "empty.csv", "noheader.csv", "broken.jsonl"} <= failed
    assert all(isinstance(e, IngestError) and e.reason for e in report.errors)


XXE_PAGE = """<?xml version="1.0"?>
<!DOCTYPE html [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://example.invalid/evil.dtd">
]>
<html><head><title>Statement</title></head>
<body><p>Before &xxe; after &remote; end.</p>
<img src="http://example.invalid/pixel.png"><img src=http://127.0.0.1:9/x.gif>
<link rel="stylesheet" href="http://example.invalid/s.css"></body></html>
"""


def test_html_expands_no_external_entity_and_fetches_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("HTML parsing tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    path = tmp_path / "xxe.html"
    path.write_text(XXE_PAGE, encoding="utf-8")
    (statement,) = read_file(path).statements
    passwd = Path("/etc/passwd").read_text(errors="replace") if Path("/etc/passwd").exists() else "root:x:0:0"
    first_line = passwd.splitlines()[0] if passwd else "root:x:0:0"
    assert first_line not in statement.body and "root:" not in statement.body
    assert "Before" in statement.body and "end." in statement.body
    assert "pixel.png" not in statement.body


MEMORY_SCRIPT = """
import resource, sys
from pathlib import Path
from indexer.formats import ReadOptions, read_file
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
records = read_file(Path(sys.argv[1]), ReadOptions(max_statement_mb=64))  # above the default limit
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((after - before) * 1024, len(records.statements))
"""


def _big_line(size: int) -> str:
    words = "the minister said forces shelled homs aleppo damascus regime opposition".split()
    line = " ".join(words[i % len(words)] for i in range(size // 5))  # short words, like prose
    return line[:size]


@pytest.mark.slow
@pytest.mark.parametrize(
    "suffix",
    [".jsonl", ".txt"],
)
def test_a_50_mb_single_line_file_keeps_memory_bounded(tmp_path: Path, suffix: str) -> None:
    size = 50 * 1024 * 1024
    line = _big_line(size)
    path = tmp_path / f"big{suffix}"
    path.write_text(json.dumps({"id": "big", "text": line}) if suffix == ".jsonl" else line, encoding="utf-8")
    del line
    out = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    growth, statements = map(int, out.stdout.split())
    assert statements == 1
    assert growth < 5 * size, f"peak RSS grew by {growth / size:.1f}x the file size"


# -- issue 23, point 6: files that hang or explode a run -----------------------

LIMIT_MEMORY = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "


def _sift_index(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``sift index`` in a subprocess: a hang fails the test instead of the suite."""
    code = LIMIT_MEMORY + "import sys; from query.cli import run; sys.exit(run())"
    return subprocess.run([sys.executable, "-c", code, "index", *args], capture_output=True, text=True, timeout=timeout)


def test_fifo_socket_and_devices_are_reported_and_skipped(tmp_path: Path) -> None:
    import os

    src = tmp_path / "in"
    src.mkdir()
    (src / "good.jsonl").write_text(json.dumps({"id": "good", "text": "Shelling hit Homs."}), encoding="utf-8")
    os.mkfifo(src / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(src / "sock.txt"))
    (src / "zero.txt").symlink_to("/dev/zero")  # read to the end, it never ends
    (src / "null.csv").symlink_to("/dev/null")
    try:
        result = _sift_index(str(src), "--index", str(tmp_path / "ix"), timeout=60)
    finally:
        sock.close()
    assert result.returncode == 0, result.stderr
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith("error:"))
    assert errors == [
        f"error: {src / 'null.csv'}: a character device, not a regular file; skipped",
        f"error: {src / 'pipe.txt'}: a FIFO (named pipe), not a regular file; skipped",
        f"error: {src / 'sock.txt'}: a socket, not a regular file; skipped",
        f"error: {src / 'zero.txt'}: a character device, not a regular file; skipped",
    ]
    assert result.stdout.startswith("1 added,")


def test_a_fifo_named_on_the_command_line_is_reported(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.jsonl")
    report = index_paths([tmp_path / "pipe.jsonl"], tmp_path / "ix", IndexOptions(extract=False))
    assert [str(e) for e in report.errors] == [f"{tmp_path / 'pipe.jsonl'}: a FIFO (named pipe), not a regular file; skipped"]


def test_reading_a_fifo_does_not_block(tmp_path: Path) -> None:
    """A file replaced by a FIFO after the walk is refused, not waited on."""
    import os
    import threading

    os.mkfifo(tmp_path / "late.txt")
    errors: list[IngestError] = []

    def read() -> None:
        try:
            read_file(tmp_path / "late.txt")
        except IngestError as exc:
            errors.append(exc)

    reader = threading.Thread(target=read, daemon=True)  # a regression must not hang the suite
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert [e.reason for e in errors] == ["a FIFO (named pipe), not a regular file; skipped"]


def test_symlink_loops_and_broken_links_are_reported_by_path(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.jsonl").write_text(json.dumps({"id": "a", "text": "Shelling hit Homs."}), encoding="utf-8")
    (src / "self.txt").symlink_to(src / "self.txt")
    (src / "ping.md").symlink_to(src / "pong.md")
    (src / "pong.md").symlink_to(src / "ping.md")
    (src / "sub" / "up").symlink_to(src)  # a folder loop
    (src / "gone.txt").symlink_to(src / "missing.txt")
    (src / "linked").symlink_to(src / "sub")  # a second way to the same folder: read once, no error
    report = index_paths([src, src / "self.txt"], tmp_path / "ix", IndexOptions(extract=False))
    assert report.added == 1
    assert sorted(str(e) for e in report.errors) == sorted([
        f"{src / 'gone.txt'}: broken symlink (to {src / 'missing.txt'}); skipped",
        f"{src / 'ping.md'}: symlink loop (the link leads back to itself); skipped",
        f"{src / 'pong.md'}: symlink loop (the link leads back to itself); skipped",
        f"{src / 'self.txt'}: symlink loop (the link leads back to itself); skipped",
        f"{src / 'self.txt'}: symlink loop (the link leads back to itself); skipped",
        f"{src / 'linked' / 'up'}: symlink loop (leads back to {src}); skipped",
    ])


def test_cli_size_limits_are_reported_and_can_be_raised(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "long.txt").write_text("Shelling hit Homs. " * 60_000, encoding="utf-8")  # 1.1 M characters
    (src / "short.txt").write_text("Aid reached Aleppo.", encoding="utf-8")
    ix = str(tmp_path / "ix")
    result = _sift_index(str(src), "--index", ix, "--max-statement-mb", "1", "--no-progress")
    assert result.returncode == 0, result.stderr
    assert f"error: {src / 'long.txt'}: statement too long (1,140,000 characters, limit 1 MB); skipped; " \
           "raise the limit with --max-statement-mb" in result.stderr
    assert result.stdout.startswith("1 added,")
    result = _sift_index(str(src), "--index", ix, "--max-file-mb", "0.5", "--no-progress")
    assert f"error: {src / 'long.txt'}: file too large (1.1 MB, limit 0.5 MB); raise the limit with --max-file-mb" \
        in result.stderr
    result = _sift_index(str(src), "--index", ix, "--max-statement-mb", "2", "--no-progress")
    assert result.returncode == 0 and "error" not in result.stderr and result.stdout.startswith("1 added, 0 updated, 1 unchanged")


@pytest.mark.slow
def test_a_50_mb_single_line_txt_is_reported_quickly_with_bounded_memory(tmp_path: Path) -> None:
    """It grew to 1.85 GB and did not finish (issue 23); the run has 2 GB here."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "big.txt").write_text(_big_line(50 * 1024 * 1024), encoding="utf-8")
    result = _sift_index(str(src), "--index", str(tmp_path / "ix"), timeout=60)
    assert result.returncode == 1
    assert f"error: {src / 'big.txt'}: statement too long (52,428,800 characters, limit 5 MB)" in result.stderr
