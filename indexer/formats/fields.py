"""Which JSON field or CSV column plays which role, by common names.

Names are compared case-insensitively, ignoring ``_``/``-``/spaces, and the
first candidate present wins; a user option (``--text-column``) overrides.
"""

from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Iterable, Mapping
from typing import Any

from indexer.errors import IngestError
from indexer.formats.common import RawStatement, ReadOptions, clean, raw_statement, statement_too_long

ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "docid", "documentid", "statementid", "articleid", "unitid", "uuid", "guid", "_id"),
    "title": ("title", "articletitle", "headline", "heading", "subject", "name"),
    "body": (
        "body", "text", "content", "articlecontent", "articletext", "articlebody",
        "fulltext", "statement", "article", "description", "summary",
    ),
    "date": (
        "date", "published", "publishedat", "publishdate", "pubdate", "datepublished",
        "datetime", "created", "createdat", "time", "timestamp", "articledate",
        "year",  # a year alone (speech corpora): a date of year precision
    ),
    "url": ("url", "link", "sourceurl", "href", "uri", "permalink", "articleurl"),
    "publisher": ("publisher", "source", "outlet", "sitename", "site", "publication", "author", "org"),
}
_OPTION_FOR_ROLE = {
    "id": "id_column",
    "title": "title_column",
    "body": "text_column",
    "date": "date_column",
    "url": "url_column",
    "publisher": "publisher_column",
}
_SQUASH = re.compile(r"[\s_\-]+")


def _squash(name: str) -> str:
    return _SQUASH.sub("", name.casefold())


def map_columns(names: Iterable[str], options: ReadOptions) -> dict[str, str]:
    """Role -> actual field name, for the fields present in ``names``.

    :raises ValueError: an overriding option names a column that is absent.
    """
    present = {_squash(n): n for n in names}
    mapping: dict[str, str] = {}
    for role, candidates in ROLE_NAMES.items():
        override = getattr(options, _OPTION_FOR_ROLE[role])
        if override:
            if _squash(override) not in present:
                raise ValueError(
                    f"column {override!r} (--{_OPTION_FOR_ROLE[role].replace('_', '-')}) not found; "
                    f"columns are: {', '.join(sorted(present.values()))}"
                )
            mapping[role] = present[_squash(override)]
            continue
        for candidate in candidates:
            if candidate in present and present[candidate] not in mapping.values():
                mapping[role] = present[candidate]
                break
    return mapping


class ColumnMaps:
    """:func:`map_columns` of each distinct key set met in a file (JSON
    objects need not share their keys), at most :attr:`LIMIT` kept."""

    LIMIT = 1024

    def __init__(self, options: ReadOptions) -> None:
        self.options = options
        self._maps: dict[frozenset[str], dict[str, str]] = {}

    def of(self, record: Mapping[str, Any]) -> dict[str, str]:
        """Role -> field name for ``record``'s keys.

        :raises ValueError: an overriding option names a field that is absent.
        """
        keys = frozenset(record)
        mapping = self._maps.get(keys)
        if mapping is None:
            if len(self._maps) >= self.LIMIT:
                self._maps.clear()  # records of ever-new key sets: keep memory bounded
            mapping = self._maps[keys] = map_columns(keys, self.options)
        return mapping


def record_statement(path: Path, locator: str, record: Mapping[str, Any], mapping: Mapping[str, str],
                     options: ReadOptions, day_first: bool | None, no_text: str) -> RawStatement | IngestError:
    """The statement of one JSON object or CSV row, not yet built (``locator``: `` row 3``,
    `` line 7``), or the error that skips it: ``no_text`` when it has no
    text, or a text over ``--max-statement-mb``."""
    used = set(mapping.values())
    roles = {role: clean(record.get(name)) for role, name in mapping.items()}
    metadata = {k: v for k, v in record.items() if k not in used and k is not None and v not in (None, "")}
    if not roles.get("body"):
        return IngestError(f"{path}{locator}", no_text)
    too_long = statement_too_long(roles.get("title") or "", roles["body"], options)
    if too_long:
        return IngestError(f"{path}{locator}", too_long)
    return raw_statement(
        source=str(path),
        record_key=f"{path.name}{locator}",
        title=roles.get("title", ""),
        body=roles["body"],
        url=roles.get("url"),
        publisher=roles.get("publisher") or None,
        date_value=roles.get("date"),
        given_id=roles.get("id") or None,
        metadata=metadata,
        day_first=day_first,
        record=locator,
    )
