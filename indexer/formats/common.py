"""What every reader shares: options, the result type, decoding and ids."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from indexer.dates import statement_period
from indexer.errors import IngestError
from indexer.model import Statement

#: Files larger than this are refused rather than read into memory.
MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    """How to read tabular and JSON input; ``None`` means detect.

    :param day_first: read ``4/5/2017`` as 4 May (``True``) or April 5
        (``False``); ``None`` infers it from a date column's own values and
        otherwise reads month first.
    """

    title_column: str | None = None
    text_column: str | None = None
    date_column: str | None = None
    url_column: str | None = None
    publisher_column: str | None = None
    id_column: str | None = None
    day_first: bool | None = None


@dataclass
class FileRecords:
    """The statements of one file and the records in it that failed."""

    statements: list[Statement] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is too large to hold in memory."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise IngestError(str(path), f"file too large ({size} bytes, limit {MAX_FILE_BYTES})")
    return path.read_bytes()


def decode(path: Path, data: bytes) -> str:
    """Decode UTF-8 (or UTF-16 with a BOM) text, rejecting binary files.

    Other encodings are refused with a hint instead of being guessed:
    a wrong guess would index garbage silently.
    """
    if not data.strip():
        raise IngestError(str(path), "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise IngestError(str(path), "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            str(path),
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`",
        ) from exc


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


def build_statement(
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
) -> Statement:
    """Assemble a statement, resolving its date and id the same way for every format."""
    url = url or None
    period = statement_period(
        metadata=date_value or None,
        header=header,
        title=title,
        body=body,
        url=url,
        day_first=day_first,
    )
    statement_id = given_id if given_id else derive_id(url or record_key, title, body)
    return Statement(
        id=statement_id,
        # No made-up title: the body's first words would be indexed, searched
        # (`title:`) and extracted from twice, as if the author had written them.
        title=title,
        body=body,
        source=source,
        url=url,
        publisher=publisher or publisher_from_url(url),
        date=period[0] if period else None,
        date_precision=period[1] if period else "day",
        header=header,
        metadata=metadata or {},
    )
