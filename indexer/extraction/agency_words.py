"""One word of a news agency's name as credit patterns write it (issue 18 item 6).

Credits name their agency in a word or two (``AFP``, ``Reuters``, ``AP``,
``EPA-EFE``, ``U.S.``, ``AT&T``): a capital, then letters, dots and ampersands,
short. :mod:`indexer.extraction.boilerplate` and
:mod:`indexer.extraction.credit_lines` build every credit pattern from
:func:`agency_word`, so that what counts as an agency's word is declared once
(each pattern keeps its own bounds: a picture credit's word is shorter, a
wire cue's may be hyphenated).

A leaf module: stdlib only.
"""

from __future__ import annotations

__all__ = ["AGENCY_WORD", "agency_word"]


def agency_word(longest: int = 20, *, hyphen: bool = False, behind: str = "") -> str:
    """The regular expression of one agency word: a capital and 1 to
    ``longest`` letters, dots or ampersands (and hyphens with ``hyphen``).

    :param behind: a lookbehind tested right after the capital (``re`` then
        jumps from capital to capital in a window, where one before it is
        tried at every character).
    """
    return rf"[A-Z]{behind}[A-Za-z.&{'-' if hyphen else ''}]{{1,{longest}}}"


#: The common agency word (``AFP``, ``Reuters``): at most 21 characters, no hyphen.
AGENCY_WORD = agency_word()
