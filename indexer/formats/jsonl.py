"""JSON Lines (one statement per line) and JSON (an object or a list of them), streamed.

Records are read one at a time, so memory does not grow with the file
(issue 20): a line is read whole, a list is decoded item by item from a
window of the text (``json.JSONDecoder.raw_decode``). A malformed line, or
one that is not valid UTF-8, is reported with its line number and skipped;
the other lines are kept. In a list, an item that is not valid UTF-8 is
reported and skipped; a malformed item stops the reading there (the
items before it are kept: the list cannot be followed past it). A ``.json``
document of one object is one record: invalid UTF-8 in it refuses the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any, TextIO

from indexer.extraction.dates import infer_day_first
from indexer.errors import IngestError
from indexer.formats.common import (
    RawStatement,
    ReadOptions,
    clean,
    invalid_utf8,
    json_error_reason,
    open_text,
    record_limit,
    record_too_long,
)
from indexer.formats.fields import ColumnMaps, record_statement

_MAX_DEPTH_HINT = "JSON nested too deeply"
_STOPPED = "the rest of the file is not read"
#: Characters read at a time into a :class:`_Window` (more while a value is incomplete).
_CHUNK = 1 << 16
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()

Item = tuple[str, dict[str, Any]] | IngestError
"""A record as ``(locator, object)``, or the error of one that was skipped."""


class _TooLong(Exception):
    """A value longer than the record limit; ``size`` characters read so far."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class _Window:
    """The text of a stream from ``pos`` on, read in chunks that grow while a
    value is incomplete (so decoding a long value stays linear)."""

    def __init__(self, stream: TextIO, limit: int) -> None:
        self.stream = stream
        self.limit = limit
        self.text = ""
        self.pos = 0
        self.eof = False

    def _more(self) -> bool:
        pending = len(self.text) - self.pos
        if self.eof:
            return False
        if pending > self.limit:
            raise _TooLong(pending)
        chunk = self.stream.read(max(_CHUNK, pending))
        self.text = self.text[self.pos:] + chunk
        self.pos = 0
        self.eof = not chunk
        return not self.eof

    def peek(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self._more():
                return ""

    def value(self) -> tuple[Any, str]:
        """Decode the value at ``pos``: the value and its text.

        :raises json.JSONDecodeError: malformed (at the end of the file).
        :raises _TooLong: not complete within the record limit.
        """
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if _incomplete(exc, len(self.text)) and self._more():
                    continue
                raise
            if end == len(self.text) and self._more():
                continue  # a number may go on in the next chunk
            source = self.text[self.pos:end]
            self.pos = end
            return obj, source


def _incomplete(exc: json.JSONDecodeError, length: int) -> bool:
    """Whether the error may be the text's end cutting a value short (more
    text may complete it), rather than a mistake within the text."""
    return exc.msg.startswith("Unterminated string") or exc.pos >= length - 8


def _list_items(window: _Window, path: Path, options: ReadOptions) -> Iterator[Item]:
    """The items of the list whose ``[`` is at the window's position."""
    window.pos += 1
    if window.peek() == "]":
        return
    number = 0
    while True:
        number += 1
        where = f"{path}#{number}"
        try:
            obj, source = window.value()
        except json.JSONDecodeError as exc:
            raise IngestError(where, f"malformed JSON ({exc.msg.removesuffix(' at')}); {_STOPPED}") from exc
        except _TooLong as exc:
            raise IngestError(where, f"{record_too_long(exc.size, options)}; {_STOPPED}") from exc
        except RecursionError as exc:
            if number == 1:  # the file as a whole, as when the list was read whole
                raise IngestError(str(path), _MAX_DEPTH_HINT) from exc
            raise IngestError(where, f"{_MAX_DEPTH_HINT}; {_STOPPED}") from exc
        if reason := invalid_utf8(source):
            yield IngestError(where, f"{reason}; item skipped")
        elif not isinstance(obj, dict):
            yield IngestError(where, "list item is not a JSON object")
        else:
            yield f"#{number}", obj
        after = window.peek()
        if after == "]":
            return
        if after != ",":
            raise IngestError(where, f"malformed JSON (expected ',' or ']' after the item); {_STOPPED}")
        window.pos += 1
        window.peek()


def _document(path: Path, options: ReadOptions) -> Generator[Item, None, bool]:
    """The records of a ``.json`` document (a list, or one object); returns
    ``False``, having yielded nothing, when the file is not one (JSON Lines
    named .json)."""
    with open_text(path, options, newline="") as stream:
        window = _Window(stream, record_limit(options))
        first = window.peek()
        if first == "[":
            yield from _list_items(window, path, options)
            return True
        if first != "{":
            return False
        try:
            obj, source = window.value()
        except RecursionError as exc:
            raise IngestError(str(path), _MAX_DEPTH_HINT) from exc
        except (json.JSONDecodeError, _TooLong):
            return False
        if window.peek():
            return False  # more than one value: read as JSON Lines
        if reason := invalid_utf8(source):
            raise IngestError(str(path), reason)
        yield "#1", obj
        return True


def _lines(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The objects of a JSON Lines file, a line at a time."""
    limit = record_limit(options)
    with open_text(path, options, newline="\n") as stream:
        number = 0
        while line := stream.readline(limit + 1):
            number += 1
            where = f"{path}:{number}"
            if len(line) > limit and not line.endswith("\n"):
                size = len(line)
                while not line.endswith("\n") and (line := stream.readline(_CHUNK)):
                    size += len(line)
                yield IngestError(where, record_too_long(size, options))
                continue
            line = line.removesuffix("\n")
            if not line.strip():
                continue
            if reason := invalid_utf8(line):
                yield IngestError(where, f"{reason}; line skipped")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield IngestError(where, json_error_reason(exc))
                continue
            except RecursionError:
                yield IngestError(where, _MAX_DEPTH_HINT)
                continue
            if not isinstance(obj, dict):
                yield IngestError(where, "line is not a JSON object")
                continue
            yield f":{number}", obj


def _objects(path: Path, options: ReadOptions) -> Generator[Item, None, None]:
    """Every record of the file, or the error of each one skipped."""
    if path.suffix.lower() == ".json":
        if (yield from _document(path, options)):
            return
    yield from _lines(path, options)


def _date_values(path: Path, options: ReadOptions) -> Generator[str, None, None]:
    """A first pass over the file: the value of each record's date field,
    nothing else kept (the day/month order is decided from all of them)."""
    maps = ColumnMaps(options)
    try:
        with closing(_objects(path, options)) as items:
            for item in items:
                if not isinstance(item, IngestError):
                    mapping = maps.of(item[1])
                    if "date" in mapping:
                        yield clean(item[1].get(mapping["date"]))
    except (IngestError, ValueError, OSError, RecursionError):
        return  # the reading pass reports it


def read_json(path: Path, options: ReadOptions) -> Iterator[RawStatement | IngestError]:
    """Read a ``.jsonl``/``.ndjson``/``.json`` file, one statement per object,
    yielding each statement or the error of a record skipped."""
    day_first = options.day_first
    if day_first is None:
        with closing(_date_values(path, options)) as dates:
            day_first = infer_day_first(dates)
    maps = ColumnMaps(options)
    for item in _objects(path, options):
        if isinstance(item, IngestError):
            yield item
            continue
        locator, obj = item
        yield record_statement(path, locator, obj, maps.of(obj), options, day_first,
                               "record has no text (expected body, text or content; or use --text-column)")
