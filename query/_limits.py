"""Bounds on the work one query may ask for (issue 23).

A query is user input (typed in a terminal, or sent to the web API by
anyone who can reach it): without these, ``"a b"~99999999999999999999``,
a 300-letter wildcard or a thousand fuzzy words ran for seconds to
minutes. Each bound is checked where the query is read (``query.parse``,
``query._lexer``) or, for what depends on the index (how many words a
prefix expands to), where it is evaluated (``query._expansion``); going
over one is a ``QueryError`` at the word concerned, never a silent cut.
The values are documented in README.md, "Query language".
"""

from __future__ import annotations

#: Largest ``~N`` of a phrase: the words may be at most this many words
#: apart. Statements are a few thousand words long; ``AND`` finds words
#: anywhere in one.
MAX_SLOP = 500
#: Longest word before ``*`` or ``~`` (and longest wildcard pattern).
MAX_PATTERN_LENGTH = 50
#: Prefix, wildcard and fuzzy words in one query (each scans index terms).
MAX_EXPANDING_WORDS = 20
#: Wildcard (``b*mb``) and fuzzy (``word~``) words in one query: these
#: compare every index term with the same first letter.
MAX_SCANNING_WORDS = 3
#: Index terms one prefix, wildcard or fuzzy word may stand for, per field.
MAX_TERMS_PER_WORD = 300
#: Index terms all the prefix, wildcard and fuzzy words of a query may
#: stand for together.
MAX_TERMS_PER_QUERY = 400
