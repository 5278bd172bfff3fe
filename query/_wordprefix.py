"""``actor:assad*``: a prefix of any word of a keyword field's names.

Keyword fields (actors, locations) store each folded canonical name as one
term (``bashar al-assad``), so Whoosh's ``Prefix`` only finds names that
begin with the prefix and ``actor:assad*`` missed *Bashar al-Assad* (issue
20). A researcher types the part of the name they remember, which is as
often the family name as the first one: a word start anywhere in the name
(after a space, a hyphen or other punctuation) counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from whoosh import query as wq

__all__ = ["WordPrefix"]


class WordPrefix(wq.Prefix):  # type: ignore[misc]
    """Terms of ``fieldname`` with a word starting with ``text``.

    The field's lexicon is scanned (a few thousand names at most, unlike a
    text field's words), so the prefix may begin at any word of a name.
    """

    def _btexts(self, ixreader: Any) -> Iterator[bytes]:
        starts = re.compile(r"(?<!\w)" + re.escape(self.text))
        for btext in ixreader.lexicon(self.fieldname):
            if starts.search(btext.decode("utf-8")):
                yield btext
