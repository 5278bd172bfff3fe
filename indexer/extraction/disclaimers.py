"""An outlet's disclaimer: its own words about the text, not the statement (issue 18 item 6).

Opinion pages close with a line disowning the author's views (``The views
expressed in UkraineAlert are solely those of the authors and do not
necessarily reflect the views of the Atlantic Council``, ``Opinions expressed
in this article remain those of the author and do not necessarily represent
those of The New Arab``): the outlet it names is the publisher, no actor.
:func:`disclaimer_spans` finds such lines for
:mod:`indexer.extraction.boilerplate` to blank.

Leaf module: stdlib only.
"""

from __future__ import annotations

import re

__all__ = ["disclaimer_spans"]

#: A disclaimer line: it opens with the views or opinions expressed and disowns them (``not
#: necessarily``), up to its line's end; at most 400 characters.
_DISCLAIMER = re.compile(
    r"(?m)^[ \t]*(?:The[ \t]+|Any[ \t]+|All[ \t]+)?(?:[Vv]iews|[Oo]pinions)(?:[ \t]+and[ \t]+[Oo]pinions)?[ \t]+expressed\b"
    r"(?=[^\n]{0,300}\bnot[ \t]+necessarily\b)[^\n]{0,400}$")


def disclaimer_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s disclaimer lines."""
    if "xpressed" not in text:
        return []
    return [m.span() for m in _DISCLAIMER.finditer(text)]
