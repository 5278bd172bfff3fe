"""``sift search``, ``sift batch``, ``sift show`` and ``sift stats``.

Each command parses its options, calls one ``query.Searcher`` method and
formats the result. A malformed query exits with code 2 and shows the
query with a caret under the mistake; a search with no hits exits 0.
"""

from __future__ import annotations

import html
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from indexer.cli.common import index_option
from query import FACETS, SORTS, QueryError, SearchResults, Searcher
from query.snippets import ANSI, HTML, MARKERS, Formatter
from query.spreadsheet import SafeCsvWriter

F = TypeVar("F", bound=Callable[..., Any])


class QuerySyntaxFailure(click.ClickException):
    """A malformed query: a usage error (exit 2) showing where it is wrong."""

    exit_code = 2

    def __init__(self, error: QueryError, line: int | None = None) -> None:
        where = f" (line {line})" if line is not None else ""
        super().__init__(f"malformed query{where}: {error.message}\n{error.caret()}")


def query_options(func: F) -> F:
    """Options shared by ``search`` and ``batch``."""
    options = [
        click.option("--limit", type=click.IntRange(0), default=10, show_default=True, help="Hits per query."),
        click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Hits to skip (paging)."),
        click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True,
                     help="Order of hits; ties go by id."),
        click.option("--or", "use_or", is_flag=True,
                     help="Match ANY word (OR) between bare terms instead of ALL (AND)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _facet_names(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    names = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [n for n in names if n not in FACETS]
    if unknown:
        raise click.BadParameter(f"unknown facet {unknown[0]!r}; choose from {', '.join(sorted(FACETS))}")
    return names


def _search(searcher: Searcher, query: str, **kwargs: Any) -> SearchResults:
    try:
        return searcher.search(query, **kwargs)
    except QueryError as exc:
        raise QuerySyntaxFailure(exc) from exc


@click.command("search")
@click.argument("query")
@index_option
@query_options
@click.option("--facets", callback=_facet_names, metavar="NAMES",
              help=f"Comma-separated facets to count over all matches: {', '.join(FACETS)}.")
@click.option("--histogram", type=click.Choice(["month", "year"]), help="Matches per month or year.")
@click.option("--snippets", type=click.IntRange(0), default=1, show_default=True, help="Passages per hit.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("--color/--no-color", default=None, help="Colour highlights (default: when stdout is a terminal).")
@click.option("--all-copies", is_flag=True,
              help="One hit per statement: do not group reposted copies of a statement into one hit.")
def search_command(query: str, index_dir: Path, limit: int, offset: int, sort: str, use_or: bool,
                   facets: tuple[str, ...], histogram: str | None, snippets: int, fmt: str,
                   color: bool | None, all_copies: bool) -> None:
    """Search the index; see README.md, "Query language".

    Without operators every word must match (AND); --or matches any.
    Highlights are [[marked]] when not in colour. Reposted copies of a
    statement make one hit (the earliest-dated, its copies listed; totals
    and facets count such groups) unless --all-copies.

    Example:

    \b
        sift search '"barrel bombs" AND location:Deraa date:2016' --facets actor,claim
    """
    with Searcher(index_dir) as searcher:
        results = _search(searcher, query, limit=limit, offset=offset, sort=sort,
                          default_operator="OR" if use_or else "AND", facets=facets,
                          histogram=histogram, snippets=snippets, all_copies=all_copies)
    if fmt == "json":
        click.echo(results.dumps())
    elif fmt == "html":
        click.echo(render_html(results))
    else:
        use_color = sys.stdout.isatty() if color is None else color
        click.echo(render_text(results, ANSI if use_color else MARKERS), color=use_color)


def render_text(results: SearchResults, formatter: Formatter) -> str:
    """Hits as numbered blocks, then facets and a bar chart."""
    lines: list[str] = []
    first = results.offset + 1 if results.hits else 0
    last = results.offset + len(results.hits)
    matches = "1 statement matches" if results.total == 1 else f"{results.total} statements match"
    if results.grouped and results.total_statements != results.total:
        matches = (f"{results.total} statement{'' if results.total == 1 else 's'} "
                   f"({results.total_statements} with reposted copies) match")
    shown = f" (showing {first}-{last})" if results.hits else ""
    lines.append(f"{matches} {results.query!r}{shown}")
    for hit in results.hits:
        lines.append("")
        lines.append(f"{hit.rank:>3}. {hit.title or '(untitled)'}")
        meta = " · ".join(x for x in (hit.date or "undated", hit.publisher or "", f"score {hit.score:.3f}") if x)
        lines.append(f"     {meta}  [{hit.id}]")
        if hit.url:
            lines.append(f"     {hit.url}")
        for passage in hit.passages:
            lines.append(f"     {passage.render(formatter)}")
        lines.extend(copy_lines(hit.copies, "     "))
    for name, facet in (results.facets or {}).items():
        lines.append("")
        lines.append(f"{name}:")
        lines.extend(f"  {count:>6}  {value}" for value, count in facet.values)
        if facet.truncated:
            lines.append("     ...")
    if results.histogram is not None:
        lines.append("")
        lines.extend(bar_chart(results.histogram))
        if results.undated:
            lines.append(f"  (undated: {results.undated})")
    return "\n".join(lines)


def copy_lines(copies: list[dict[str, Any]], indent: str) -> list[str]:
    """A statement's reposted copies, one line each (none: no lines)."""
    if not copies:
        return []
    lines = [f"{indent}copies ({len(copies)}):"]
    for copy in copies:
        where = " · ".join(x for x in (copy.get("date") or "undated", copy.get("publisher") or "") if x)
        url = f"  {copy['url']}" if copy.get("url") else ""
        lines.append(f"{indent}  {where}  [{copy['id']}]{url}")
    return lines


def bar_chart(rows: list[tuple[str, int]], width: int = 40) -> list[str]:
    """One line per period: label, a bar scaled to the largest count, the count."""
    top = max((count for _p, count in rows), default=0) or 1
    return [f"  {period}  {'█' * round(width * count / top):<{width}} {count}" for period, count in rows]


def render_html(results: SearchResults) -> str:
    """A standalone HTML page; all text escaped, highlights in ``<mark>``."""
    esc = html.escape
    items = []
    for hit in results.hits:
        title = esc(hit.title or "(untitled)")
        link = f'<a href="{esc(hit.url)}">{title}</a>' if hit.url else title
        meta = esc(" · ".join(x for x in (hit.date or "undated", hit.publisher or "", f"score {hit.score:.3f}") if x))
        snippet = "".join(f"<p>{p.render(HTML)}</p>" for p in hit.passages)
        copies = "".join(
            f"<li>{esc(c.get('date') or 'undated')} · {esc(c.get('publisher') or '')} [{esc(c['id'])}]"
            + (f' <a href="{esc(c["url"])}">{esc(c["url"])}</a>' if c.get("url") else "") + "</li>"
            for c in hit.copies)
        if copies:
            snippet += f'<p class="copies">Copies:</p><ul class="copies">{copies}</ul>'
        items.append(f'<li value="{hit.rank}"><h3>{link}</h3><p class="meta">{meta} [{esc(hit.id)}]</p>{snippet}</li>')
    return (
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Sift: "
        f"{esc(results.query)}</title></head><body>\n<p>{results.total} matching statements for "
        f"<code>{esc(results.query)}</code></p>\n<ol>\n" + "\n".join(items) + "\n</ol>\n</body></html>"
    )


@click.command("batch")
@click.argument("queries_file", type=click.File("r", encoding="utf-8"))
@index_option
@query_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
def batch_command(queries_file: IO[str], index_dir: Path, limit: int, offset: int, sort: str, use_or: bool,
                  fmt: str) -> None:
    """Run one query per line of QUERIES_FILE ('-' for stdin), in order.

    Blank lines and lines starting with # are skipped. A malformed line
    gives an "error" record and the batch goes on (exit 0; a count of
    malformed lines goes to stderr). CSV has one row per (query, hit) and
    a row with an empty rank for a query without hits; a cell a spreadsheet
    would run as a formula (=, +, -, @...) gets a leading '.

    Example:

    \b
        sift batch queries.txt --or --limit 1000 --format csv > run.csv
    """
    out = sys.stdout
    writer = SafeCsvWriter(out) if fmt == "csv" else None
    if writer:
        writer.writerow(["query", "total", "rank", "id", "score", "title", "date", "error"])
    failed = 0
    with Searcher(index_dir) as searcher:
        for number, line in enumerate(queries_file, 1):
            query = line.strip()
            if not query or query.startswith("#"):
                continue
            try:
                results = searcher.search(query, limit=limit, offset=offset, sort=sort,
                                          default_operator="OR" if use_or else "AND", snippets=0)
            except QueryError as exc:
                failed += 1
                message = f"{exc.message} (at position {exc.position}, line {number})"
                if writer:
                    writer.writerow([query, "", "", "", "", "", "", message])
                else:
                    out.write(json.dumps({"query": query, "error": message}, ensure_ascii=False) + "\n")
                continue
            hits = [{"id": h.id, "score": round(h.score, 4), "title": h.title, "date": h.date} for h in results.hits]
            if writer:
                for hit, h in zip(results.hits, hits):
                    writer.writerow([query, results.total, hit.rank, h["id"], h["score"], h["title"], h["date"] or "", ""])
                if not hits:
                    writer.writerow([query, results.total, "", "", "", "", "", ""])
            else:
                record = {"query": query, "total": results.total, "hits": hits}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        click.echo(f"{failed} malformed quer{'y' if failed == 1 else 'ies'} (see the error records)", err=True)


@click.command("show")
@click.argument("statement_id")
@index_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show_command(statement_id: str, index_dir: Path, fmt: str) -> None:
    """Show one statement in full: fields, claims, evidence and body.

    Example:

    \b
        sift show 8f56e1c3dd87964a --format json
    """
    with Searcher(index_dir) as searcher:
        record = searcher.get(statement_id)
    if record is None:
        raise click.ClickException(f"no statement with id {statement_id!r} in {index_dir} (ids are shown by `sift search`)")
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    click.echo(render_record(record))


def render_record(record: dict[str, Any]) -> str:
    """A statement as text: header fields, extracted names with where they
    were found, claims, then the body."""
    lines = [record["title"] or "(untitled)", "=" * min(78, max(8, len(record["title"] or "")))]
    for label, key in (("id", "id"), ("date", "date"), ("publisher", "publisher"), ("url", "url"),
                       ("source", "source"), ("credited", "news_source")):
        if key != "news_source" or record.get(key):
            lines.append(f"{label + ':':<11}{record.get(key) or '-'}")
    evidence = record.get("evidence") or {}
    types = record.get("actor_types") or {}
    for label, key in (("actors", "actors"), ("locations", "locations")):
        names = [f"{n} ({types[n]})" if key == "actors" and n in types else n for n in record.get(key) or []]
        lines.append(f"{label + ':':<11}{', '.join(names) or '-'}")
        for name, items in (evidence.get(key) or {}).items():
            found = [f"{i['text']!r}@{i['start']}" if "start" in i else f"(inside {i.get('inferred_from')})" for i in items]
            lines.append(f"{'':<11}  {name}: {', '.join(found)}")
    claims = record.get("claims") or []
    lines.append(f"claims:    {len(claims)}")
    for claim in claims:
        lines.append(f"  - {'/'.join(claim.get('types') or [claim.get('type') or '?'])}: {claim.get('sentence')}")
    copies = record.get("copies") or []
    lines.extend(copy_lines(copies, "") or ["copies:    -"])
    lines.extend(["", record.get("body") or ""])
    return "\n".join(lines)


@click.command("stats")
@index_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stats_command(index_dir: Path, fmt: str) -> None:
    """Summarise the index: statements, date span, publishers, top names, size.

    Example:

    \b
        sift stats --format json
    """
    with Searcher(index_dir) as searcher:
        stats = searcher.stats()
    if fmt == "json":
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    lines = [
        f"index:      {stats['index']} ({stats['index_bytes']:,} bytes)",
        f"statements: {stats['statements']:,} ({stats['undated']:,} undated)",
        f"dates:      {stats['first_date'] or '-'} to {stats['last_date'] or '-'}",
    ]
    for key in ("publishers", "actors", "locations", "claims"):
        values = ", ".join(f"{name} ({count})" for name, count in stats[key][:10])
        lines.append(f"{key + ':':<12}{values or '-'}")
    click.echo("\n".join(lines))


def register(group: click.Group) -> None:
    """Add the query commands to the ``sift`` group."""
    for command in (search_command, batch_command, show_command, stats_command):
        group.add_command(command)
