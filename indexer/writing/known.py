"""Deciding what a statement is to a run: a repeated id, unchanged, an
update or new.

A statement's version is its content hash with the extraction fingerprint
(``version_key``): the same text extracted by the same gazetteers is not
written again. Ids taken by this run are kept as digests on disk
(``SeenIds``), so what a run holds does not grow with the statements.
"""

from __future__ import annotations

import hashlib
from typing import Any

from indexer.formats.common import content_hash
from indexer.model import Statement
from indexer.schema import version_key
from indexer.writing.seen_ids import SeenIds


class KnownStatements:
    """The statements this run took, and a check against the index's."""

    def __init__(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.taken = SeenIds()

    def taken_from(self, statement_id: str) -> str | None:
        """The file this run took ``statement_id`` from, if any."""
        return self.taken.source_of(statement_id)

    def take(self, statement_id: str, source: str) -> None:
        self.taken.add(statement_id, source)

    def close(self) -> None:
        """Drop the ids taken (at the end of the run)."""
        self.taken.close()

    def digest(self, statement: Statement) -> str:
        """The statement's version: its content with the extraction fingerprint."""
        return hashlib.sha256(f"{content_hash(statement)}:{self.fingerprint}".encode()).hexdigest()[:24]

    @staticmethod
    def stored(searcher: Any, statement_id: str, digest: str) -> bool:
        """Whether the index holds this version of the statement, live."""
        return holds_live(searcher.reader(), "version_key", version_key(statement_id, digest))

    @staticmethod
    def indexed(searcher: Any, statement_id: str) -> bool:
        """Whether the index holds any version of the statement, live.

        A term lookup per segment, as :meth:`stored`: ``document_number``
        built a postings matcher in every segment for each new statement
        (twice the cost, in the indexing process, which alone reads and
        looks up statements while the workers write)."""
        return holds_live(searcher.reader(), "id", statement_id)


def holds_live(reader: Any, field: str, text: str) -> bool:
    """Whether a live (not deleted) document has the term.

    ``(field, text) in reader`` alone also counts deleted documents: their
    terms stay until a merge drops them, and a statement deleted (``--prune``,
    a changed file) and then read again would be taken as unchanged and never
    stored again.
    """
    btext = text.encode("utf-8")
    for leaf, _offset in reader.leaf_readers():
        if (field, btext) not in leaf:
            continue
        if not leaf.has_deletions():
            return True
        # The unfiltered postings: ``leaf.postings`` builds a set of every
        # deleted document on each call.
        matcher = leaf._terms.matcher(field, btext, leaf.schema[field].format)
        if any(not leaf.is_deleted(docnum) for docnum in matcher.all_ids()):
            return True
    return False


