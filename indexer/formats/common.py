"""What every reader shares: options, the result type, decoding and ids."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO, cast
from urllib.parse import urlsplit

from indexer.extraction.periods import statement_period
from indexer.errors import IngestError
from indexer.model import Statement

#: Default size limits, in MB (``ReadOptions``, ``--max-file-mb``,
#: ``--max-statement-mb``). A one-statement file (.txt, .md, .html) of
#: 50 MB is no press statement, and it is read whole. Files of many
#: statements (.jsonl, .json, .csv, .tsv) are streamed, one record at a
#: time, so their size has no default limit (issue 20). Reading and
#: indexing a statement takes about 40 times its size in memory at its
#: peak, so 5 MB of text stays near 250 MB.
ONE_STATEMENT_FILE_MB = 50.0
STATEMENT_MB = 5.0
#: A streamed record (a JSON line or list item, a CSV cell) is held whole
#: while it is parsed: one longer than this many times ``max_statement_mb``
#: characters is skipped without being kept (a statement's title and body
#: can take up to 6 characters each in JSON, ``\u0645``).
RECORD_PER_STATEMENT = 8
#: Bytes of a streamed file looked at before reading it (BOM, NUL bytes).
_HEAD = 1 << 16

_MB = 1024 * 1024
#: Characters that ``decode(..., lenient=True)`` puts for bytes that are not UTF-8.
_ESCAPED = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True)
class ReadOptions:
    """How to read input files; ``None`` means detect (or the default).

    :param day_first: read ``4/5/2017`` as 4 May (``True``) or April 5
        (``False``); ``None`` infers it from a date column's own values and
        otherwise reads month first.
    :param max_file_mb: the largest file read, in MB; ``None`` is
        :data:`ONE_STATEMENT_FILE_MB` for .txt/.md/.html and no limit for
        the streamed .jsonl/.json/.csv/.tsv. Larger files are reported and
        skipped, never read into memory.
    :param max_statement_mb: the longest statement text (title and body,
        in millions of characters, 1 MB = 1,048,576); a longer statement is
        reported and skipped, so one huge record cannot exhaust memory.
    """

    title_column: str | None = None
    text_column: str | None = None
    date_column: str | None = None
    url_column: str | None = None
    publisher_column: str | None = None
    id_column: str | None = None
    day_first: bool | None = None
    max_file_mb: float | None = None
    max_statement_mb: float = STATEMENT_MB


@dataclass
class FileRecords:
    """The statements of one file and the records in it that failed."""

    statements: list[Statement] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)


def _mb(size: float) -> str:
    return f"{size / _MB:,.1f} MB"


def open_regular(path: Path, limit_mb: float | None) -> io.BufferedReader:
    """The open file, refusing what is not a regular file or is larger than ``limit_mb``.

    Opened without blocking and checked on the open file itself, so a FIFO
    or device put in place of a file after the folder walk cannot hang the
    run.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    handle = cast(io.BufferedReader, os.fdopen(fd, "rb", buffering=_HEAD))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(str(path), f"{file_kind(info.st_mode)}, not a regular file; skipped")
        if limit_mb is not None and info.st_size > int(limit_mb * _MB):
            raise IngestError(str(path), _too_large(info.st_size, limit_mb))
    except BaseException:
        handle.close()
        raise
    return handle


def read_bytes(path: Path, limit_mb: float | None = ONE_STATEMENT_FILE_MB) -> bytes:
    """The file's bytes, refusing what is not a regular file or is too large
    (``None``: no limit); a file that grows while read is still cut at the limit."""
    with open_regular(path, limit_mb) as handle:
        if limit_mb is None:
            return handle.read()
        limit = int(limit_mb * _MB)
        # Asked for its size, not the limit: ``read(n)`` allocates n bytes first.
        size = os.fstat(handle.fileno()).st_size
        data = handle.read(min(limit, size) + 1)
        if len(data) > size:  # it grew while read
            data += handle.read(limit + 1 - len(data))
    if len(data) > limit:
        raise IngestError(str(path), _too_large(len(data), limit_mb))
    return data


def open_text(path: Path, options: ReadOptions, *, newline: str) -> TextIO:
    """A streamed file (many statements) as text, read a little at a time.

    UTF-8 with or without BOM, where bytes that are not UTF-8 become escape
    characters, so a reader skips just the records holding them
    (:func:`invalid_utf8`); or UTF-16 with a BOM. Empty and binary files are
    refused from their first bytes, as :func:`decode` does.
    """
    handle = open_regular(path, options.max_file_mb)
    try:
        head = handle.peek(_HEAD)[:_HEAD]
        if not head.removeprefix(b"\xef\xbb\xbf").strip() and len(head) >= os.fstat(handle.fileno()).st_size:
            raise IngestError(str(path), "empty file")
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return io.TextIOWrapper(handle, encoding="utf-16", newline=newline)
        if b"\x00" in head[:8192]:
            raise IngestError(str(path), "binary file (contains NUL bytes), not text")
        return io.TextIOWrapper(handle, encoding="utf-8-sig", errors="surrogateescape", newline=newline)
    except BaseException:
        handle.close()
        raise


def record_limit(options: ReadOptions) -> int:
    """The longest record of a streamed file read, in characters (:data:`RECORD_PER_STATEMENT`)."""
    return int(options.max_statement_mb * RECORD_PER_STATEMENT * _MB)


def record_too_long(size: int, options: ReadOptions) -> str:
    """Why a record of ``size`` characters was skipped unread."""
    return (
        f"record too long ({size:,} characters, limit {RECORD_PER_STATEMENT} x --max-statement-mb "
        f"= {record_limit(options):,}); skipped"
    )


def _too_large(size: int, limit_mb: float) -> str:
    return f"file too large ({_mb(size)}, limit {limit_mb:g} MB); raise the limit with --max-file-mb"


def file_limit_mb(options: ReadOptions, *, one_statement: bool) -> float | None:
    """The file size limit for a format: the user's, else the default for
    files of one statement (read whole) or none for files of many (streamed)."""
    if options.max_file_mb is not None:
        return options.max_file_mb
    return ONE_STATEMENT_FILE_MB if one_statement else None


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words (``a FIFO``, ``a socket``...)."""
    kinds = (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a folder"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def statement_too_long(title: str, body: str, options: ReadOptions) -> str | None:
    """Why a statement is too long to index, or ``None`` when it is not."""
    length = len(title) + len(body)
    if length <= options.max_statement_mb * _MB:
        return None
    return (
        f"statement too long ({length:,} characters, limit {options.max_statement_mb:g} MB); "
        "skipped; raise the limit with --max-statement-mb"
    )


def decode(path: Path, data: bytes, *, lenient: bool = False) -> str:
    """Decode UTF-8 (or UTF-16 with a BOM) text, rejecting binary files.

    Other encodings are refused with a hint instead of being guessed:
    a wrong guess would index garbage silently. With ``lenient`` (files of
    many records), bytes that are not UTF-8 become escape characters
    instead, so the reader can skip just the records holding them
    (:func:`invalid_utf8`).
    """
    if not data.strip():
        raise IngestError(str(path), "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif b"\x00" in data[:8192]:
        raise IngestError(str(path), "binary file (contains NUL bytes), not text")
    else:
        text = _utf8(path, data, lenient)
    if not text.strip():  # only a byte order mark (issue 20)
        raise IngestError(str(path), "empty file (only a byte order mark)")
    return text


def _utf8(path: Path, data: bytes, lenient: bool) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if lenient:  # the records holding such bytes are reported one by one
            return data.decode("utf-8-sig", errors="surrogateescape")
        if _cut_character(data[exc.start:]):
            raise IngestError(str(path), _TRUNCATED) from exc
        raise IngestError(str(path), _not_utf8(data[exc.start], f"offset {exc.start}")) from exc


#: A UTF-8 file cut inside its last character: a partial copy or download,
#: not another encoding, so converting it from latin1 would be wrong advice.
_TRUNCATED = "ends inside a UTF-8 character: the file looks truncated (an incomplete copy or download?)"


def _cut_character(tail: bytes) -> bool:
    """Whether ``tail`` (the bytes from the first undecodable one to the end)
    is the start of a UTF-8 character whose last bytes are missing."""
    lead = tail[0]
    length = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0
    return 0 < len(tail) < length and all(0x80 <= b <= 0xBF for b in tail[1:])


def _not_utf8(byte: int, where: str) -> str:
    return f"not valid UTF-8 (byte 0x{byte:02x} at {where}); convert it first, e.g. `iconv -f latin1 -t utf-8`"


def json_error_reason(exc: json.JSONDecodeError) -> str:
    """A JSON syntax error in words: ``Unterminated string starting at
    column 11`` (Python's message for it already ends in "at").

    >>> json_error_reason(json.JSONDecodeError("Unterminated string starting at", '{"a": "b', 6))
    'malformed JSON (Unterminated string starting at column 7)'
    """
    where = "column" if exc.msg.endswith(" at") else "at column"
    return f"malformed JSON ({exc.msg} {where} {exc.colno})"


def invalid_utf8(text: str) -> str | None:
    """Why ``text`` (from a lenient :func:`decode`) is not UTF-8, or ``None``."""
    found = _ESCAPED.search(text)
    if found is None:
        return None
    return _not_utf8(ord(found.group()) - 0xDC00, f"character {found.start() + 1}")


def derive_id(source_key: str, title: str, body: str) -> str:
    """A stable id from where a statement comes from and what it says.

    Same source and content give the same id, wherever the folder lives:
    ``source_key`` is the statement's URL when it has one, else the file
    name plus record number.
    """
    digest = hashlib.sha256(f"{source_key}\n{title}\n{body}".encode()).hexdigest()
    return digest[:16]


def content_hash(statement: Statement) -> str:
    """Hash of everything indexed from a statement, to skip unchanged ones."""
    parts = [
        statement.title,
        statement.body,
        statement.url or "",
        statement.publisher or "",
        statement.date.isoformat() if statement.date else "",
        repr(sorted(statement.metadata.items(), key=lambda kv: kv[0])),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def publisher_from_url(url: str | None) -> str | None:
    """The site name of a URL (``en.etilaf.org``), a fallback publisher."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.")
    return host or None


def clean(value: Any) -> str:
    """A field value as trimmed text ('' for missing)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n\n".join(clean(v) for v in value)
    return str(value).strip()


@dataclass(frozen=True)
class RawStatement:
    """A statement as read, its id known and its date not yet resolved.

    Resolving the date (``statement_period``: parsing date fields, looking in
    the header and text) is most of reading's CPU, about 0.05 ms a record,
    while the id is a hash. So a shard's run builds only the records whose
    id routes to its shard (``iter_records(keep=...)``), and a cluster
    build's driver routes raw records and its writers build them.
    """

    id: str
    source: str
    title: str
    body: str
    url: str | None
    publisher: str | None
    date_value: str | None
    header: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    day_first: bool | None = None
    record: str = ""

    def build(self) -> Statement:
        """The statement, its date resolved the same way for every format."""
        period = statement_period(
            metadata=self.date_value,
            header=self.header,
            title=self.title,
            body=self.body,
            url=self.url,
            day_first=self.day_first,
        )
        return Statement(
            id=self.id,
            # No made-up title: the body's first words would be indexed, searched
            # (`title:`) and extracted from twice, as if the author had written them.
            title=self.title,
            body=self.body,
            source=self.source,
            url=self.url,
            publisher=self.publisher or publisher_from_url(self.url),
            date=period[0] if period else None,
            date_precision=period[1] if period else "day",
            header=self.header,
            metadata=self.metadata,
            record=self.record,
        )


def raw_statement(
    *,
    source: str,
    record_key: str,
    title: str,
    body: str,
    url: str | None,
    publisher: str | None,
    date_value: str | None,
    given_id: str | None,
    header: str = "",
    metadata: dict[str, Any] | None = None,
    day_first: bool | None = None,
    record: str = "",
) -> RawStatement:
    """A statement read and not yet built: its id given, or derived from
    where it comes from and what it says (:func:`derive_id`)."""
    url = url or None
    statement_id = given_id if given_id else derive_id(url or record_key, title, body)
    return RawStatement(id=statement_id, source=source, title=title, body=body, url=url, publisher=publisher or None,
                        date_value=date_value or None, header=header, metadata=metadata or {}, day_first=day_first,
                        record=record)


def build_statement(**fields: Any) -> Statement:
    """Assemble a statement (:func:`raw_statement`'s fields), resolving its
    date and id the same way for every format."""
    return raw_statement(**fields).build()
