"""``sift search``, ``sift batch``, ``sift show`` and ``sift stats``.

Each command parses its options, calls one ``query.Searcher`` method and
formats the result. A malformed query exits with code 2 and shows the
query with a caret under the mistake; a search with no hits exits 0.
"""

from __future__ import annotations

import html
import inspect
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from query.cli.common import allow_partial_option, cluster_option, index_option, roles_text
from indexer.storage.manifest import stored_errors
from indexer.wording import plural
from query import FACETS, SORTS, QueryError, SearchResults, Searcher
from query.export import BATCH_COLUMNS, HIT_COLUMNS, csv_cells, write_csv, write_jsonl
from query.passages import ANSI, HTML, MARKERS, Formatter
from query.shards import ShardedSearcher, index_directories, open_searcher
from query.syntax_help import syntax_help
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


def _search(searcher: Searcher | ShardedSearcher, query: str, **kwargs: Any) -> SearchResults:
    try:
        return searcher.search(query, **kwargs)
    except QueryError as exc:
        raise QuerySyntaxFailure(exc) from exc


@click.command("search")
@cluster_option
@click.argument("query")
@index_option
@query_options
@click.option("--facets", callback=_facet_names, metavar="NAMES",
              help=f"Comma-separated facets to count over all matches: {', '.join(FACETS)}.")
@click.option("--histogram", type=click.Choice(["month", "year"]), help="Matches per month or year.")
@click.option("--snippets", type=click.IntRange(0), default=1, show_default=True, help="Passages per hit.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "csv", "html"]), default="text",
              show_default=True, help=f"csv and jsonl: one hit per row or line: {', '.join(HIT_COLUMNS)}.")
@click.option("--color/--no-color", default=None, help="Colour highlights (default: when stdout is a terminal).")
@click.option("--all-copies", is_flag=True,
              help="One hit per statement: do not group reposted copies of a statement into one hit.")
@allow_partial_option
def search_command(query: str, index_dir: Path, cluster: str | None, limit: int, offset: int, sort: str, use_or: bool,
                   facets: tuple[str, ...], histogram: str | None, snippets: int, fmt: str,
                   color: bool | None, all_copies: bool, allow_partial: bool) -> None:
    """Search the index (the query language in brief is below; README.md,
    "Query language", has it all).

    Without operators every word must match (AND); --or matches any.
    Highlights are [[marked]] when not in colour. Reposted copies of a
    statement make one hit (the earliest-dated, its copies listed; totals
    and facets count such groups) unless --all-copies.

    Example:

    \b
        sift search '"barrel bombs" AND location:Deraa date:2016' \\
            --facets actor,claim
    """
    with open_searcher(index_dir, cluster=cluster, allow_partial=allow_partial) as searcher:
        results = _search(searcher, query, limit=limit, offset=offset, sort=sort,
                          default_operator="OR" if use_or else "AND", facets=facets,
                          histogram=histogram, snippets=snippets, all_copies=all_copies)
    if fmt == "json":
        click.echo(results.dumps())
    elif fmt == "csv":
        write_csv(sys.stdout, results.hits)
    elif fmt == "jsonl":
        write_jsonl(sys.stdout, results.hits)
    elif fmt == "html":
        click.echo(render_html(results))
    else:
        use_color = sys.stdout.isatty() if color is None else color
        click.echo(render_text(results, ANSI if use_color else MARKERS), color=use_color)


def _with_syntax(command: click.Command) -> click.Command:
    """Append the query language in brief to the command's help, each
    paragraph kept as written (click's ``\b``)."""
    paragraphs = syntax_help().split("\n\n")
    command.help = inspect.cleandoc(command.help or "") + "".join(f"\n\n\b\n{p}" for p in paragraphs)
    return command


search_command = _with_syntax(search_command)


def render_text(results: SearchResults, formatter: Formatter) -> str:
    """Hits as numbered blocks, then facets and a bar chart."""
    lines: list[str] = []
    first = results.offset + 1 if results.hits else 0
    last = results.offset + len(results.hits)
    matches = f"{plural(results.total, 'statement')} match{'es' if results.total == 1 else ''}"
    if results.grouped and results.total_statements != results.total:
        matches = (f"{plural(results.total, 'statement')} "
                   f"({results.total_statements} with reposted copies) match{'es' if results.total == 1 else ''}")
    shown = f" (showing {first}-{last})" if results.hits else ""
    lines.append(f"{matches} {results.query!r}{shown}")
    if results.missing_shards:
        lines.append(f"PARTIAL results: shard{'s' if len(results.missing_shards) > 1 else ''} "
                     f"{', '.join(map(str, results.missing_shards))} could not be searched")
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
        f"{esc(results.query)}</title></head><body>\n<p>{plural(results.total, 'matching statement')} for "
        f"<code>{esc(results.query)}</code></p>\n<ol>\n" + "\n".join(items) + "\n</ol>\n</body></html>"
    )


@click.command("batch")
@cluster_option
@click.argument("queries_file", type=click.File("r", encoding="utf-8"))
@index_option
@query_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--snippets", type=click.IntRange(0), default=1, show_default=True,
              help="Passages in the CSV snippet column (0: empty, faster on large batches).")
@allow_partial_option
def batch_command(queries_file: IO[str], index_dir: Path, cluster: str | None, limit: int, offset: int, sort: str, use_or: bool,
                  fmt: str, snippets: int, allow_partial: bool) -> None:
    """Run one query per line of QUERIES_FILE ('-' for stdin), in order.

    Blank lines and lines starting with # are skipped. A malformed line
    gives an "error" record and the batch goes on (exit 0; a count of
    malformed lines goes to stderr). CSV has one row per (query, hit), with
    the query, its total, the columns of `sift search --format csv` and an
    error, and a row with an empty rank for a query without hits; a cell a
    spreadsheet would run as a formula (=, +, -, @...) gets a leading '.
    With --allow-partial, JSON Lines records of partial results have
    "partial": true and "missing_shards"; either format warns on stderr.

    Example:

    \b
        sift batch queries.txt --or --limit 1000 --format csv > run.csv
    """
    out = sys.stdout
    writer = SafeCsvWriter(out) if fmt == "csv" else None
    if writer:
        writer.writerow(BATCH_COLUMNS)
    blank = [""] * len(HIT_COLUMNS)
    failed = 0
    missing: set[int] = set()
    with open_searcher(index_dir, cluster=cluster, allow_partial=allow_partial) as searcher:
        for number, line in enumerate(queries_file, 1):
            query = line.strip()
            if not query or query.startswith("#"):
                continue
            try:
                results = searcher.search(query, limit=limit, offset=offset, sort=sort,
                                          default_operator="OR" if use_or else "AND",
                                          snippets=snippets if writer else 0)
            except QueryError as exc:
                failed += 1
                message = f"{exc.message} (at position {exc.position}, line {number})"
                if writer:
                    writer.writerow([query, "", *blank, message])
                else:
                    out.write(json.dumps({"query": query, "error": message}, ensure_ascii=False) + "\n")
                continue
            missing.update(results.missing_shards or ())
            if writer:
                # The web export's columns (query.export), between the query and an error.
                writer.writerows([query, results.total, *csv_cells(hit), ""] for hit in results.hits)
                if not results.hits:
                    writer.writerow([query, results.total, *blank, ""])
            else:
                hits = [{"id": h.id, "score": round(h.score, 4), "title": h.title, "date": h.date} for h in results.hits]
                record: dict[str, Any] = {"query": query, "total": results.total, "hits": hits}
                if results.missing_shards:
                    record.update(partial=True, missing_shards=list(results.missing_shards))
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        click.echo(f"{plural(failed, 'malformed query', 'malformed queries')} (see the error records)", err=True)
    if missing:
        click.echo(f"PARTIAL results: shard{'s' if len(missing) > 1 else ''} "
                   f"{', '.join(map(str, sorted(missing)))} could not be searched", err=True)


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
    with open_searcher(index_dir) as searcher:
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
            found = [_where_found(i) for i in items]
            lines.append(f"{'':<11}  {name}: {', '.join(found)}")
    claims = record.get("claims") or []
    lines.append(f"claims:    {len(claims)}")
    for claim in claims:
        lines.append(f"  - {'/'.join(claim.get('types') or [claim.get('type') or '?'])}: {claim.get('sentence')}"
                     f"{roles_text(claim)}")
    copies = record.get("copies") or []
    lines.extend(copy_lines(copies, "") or ["copies:    -"])
    lines.extend(["", record.get("body") or ""])
    return "\n".join(lines)


def _where_found(item: dict[str, Any]) -> str:
    """An evidence item in words: the text as written, the field (title or
    body: issue 20) and the offset, or the named place a place was inferred from."""
    if "start" not in item:
        return f"(inside {item.get('inferred_from')})"
    field = f"{item['field']} " if item.get("field") else ""
    return f"{item['text']!r} ({field}@{item['start']})"


@click.command("stats")
@index_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stats_command(index_dir: Path, fmt: str) -> None:
    """Summarise the index: statements, date span, publishers, top names, size.

    Example:

    \b
        sift stats --format json
    """
    with open_searcher(index_dir) as searcher:
        stats = searcher.stats()
    # Records that could not be read stay reported until their file changes (issue 20).
    errors = list(dict.fromkeys(f"{where}: {reason}" for directory in index_directories(index_dir)
                                for found in stored_errors(directory).values() for where, reason in found))
    stats["input_errors"] = errors
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
    if errors:
        lines.append(f"errors:     {plural(len(errors), 'record')} of the indexed files could not be read:")
        lines.extend(f"  {line}" for line in errors[:20])
        if len(errors) > 20:
            lines.append(f"  ... {len(errors) - 20} more (sift stats --format json lists them all)")
    click.echo("\n".join(lines))


def register(group: click.Group) -> None:
    """Add the query commands to the ``sift`` group."""
    for command in (search_command, batch_command, show_command, stats_command):
        group.add_command(command)
