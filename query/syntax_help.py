"""The query language in brief, for ``sift search --help`` (issue 20).

An installed user has no README at hand. The field lines are generated
from the field registry (``indexer.fields``) through the parser's own
table (``query.parse.FIELD_SYNTAX``), so a field declared there shows up
here; every example shown is
a query the parser accepts (tested), so the help cannot drift from the
language. Lines fit in 80 columns once click indents them.
"""

from __future__ import annotations

from indexer.fields import FIELDS
from query.field_syntax import EXAMPLES
from query.field_syntax import FIELD_SYNTAX

__all__ = ["FIELD_NOTES", "OPERATORS", "syntax_help", "syntax_examples"]

#: What each field searches, in a few words, and further forms worth
#: showing, from the field registry (``indexer.fields``).
FIELD_NOTES: dict[str, tuple[str, tuple[str, ...]]] = {f.name: (f.help, f.more_examples) for f in FIELDS}

#: (examples, meaning) of the operators; every example is a whole query.
OPERATORS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("barrel bombs",), "both words (AND is the default; --or: any)"),
    (("siege AND Aleppo",), "both words (operators in capitals)"),
    (("siege OR starvation",), "either word"),
    (("NOT Myanmar", "-Myanmar"), "without the word"),
    (("(chlorine OR sarin) AND Douma",), "grouping"),
    (("title:(siege OR starvation)",), "a field over a group"),
    (('"barrel bombs"',), "the exact phrase"),
    (('"barrel bombs"~5',), "proximity: at most 5 words apart"),
    (("bomb*", "b*mb"), "prefix; wildcard inside a word"),
    (("Darrya~", "Darrya~1"), "fuzzy: within 2 (or 1) edits"),
    (("=bombing",), "the exact word, not stemmed"),
    ((r"foo\:bar",), "\\ makes the next character literal"),
)

_COLUMN = 31


def _line(example: str, meaning: str) -> str:
    if len(example) >= _COLUMN:
        return f"  {example}\n  {'':<{_COLUMN}}{meaning}"
    return f"  {example:<{_COLUMN}}{meaning}"


def _packed(forms: tuple[str, ...], width: int = 76) -> list[str]:
    """``forms`` comma-separated over as few lines as fit in ``width``,
    indented under the examples (a form is never split)."""
    lines: list[str] = []
    for form in forms:
        if lines and len(lines[-1]) + 2 + len(form) <= width:
            lines[-1] += f", {form}"
        else:
            lines.append(f"    {form}")
    return lines


def syntax_help() -> str:
    """The language in brief: fields (from ``FIELD_SYNTAX``) and operators.

    Plain lines meant to be printed as they are (click: after ``\\b``).
    """
    lines = ["Fields (actor:/location: names go through the gazetteer's aliases;",
             "a prefix* matches any word of a name: actor:assad* finds Bashar al-Assad):"]
    for name, syntax in FIELD_SYNTAX.items():
        summary = (type(syntax).__doc__ or name).strip().splitlines()[0]
        meaning, more = FIELD_NOTES.get(name, (summary, ()))
        lines.append(_line(EXAMPLES[name], meaning))
        lines.extend(_packed(more))
    lines += ["", "Syntax (precedence NOT > AND > OR):"]
    lines.extend(_line(", ".join(examples), meaning) for examples, meaning in OPERATORS)
    return "\n".join(lines)


def syntax_examples() -> list[str]:
    """Every query :func:`syntax_help` shows (each must parse)."""
    fields = [EXAMPLES[name] for name in FIELD_SYNTAX]
    fields += [form for name in FIELD_SYNTAX for form in FIELD_NOTES.get(name, ("", ()))[1]]
    return fields + [example for examples, _meaning in OPERATORS for example in examples]
