"""``sift index`` and ``sift extract``: reading statements in."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar

import click

from query.cli.common import index_option, roles_text
from indexer.errors import IngestError
from indexer.formats import ReadOptions
from indexer.formats.common import ONE_STATEMENT_FILE_MB, STATEMENT_MB
from indexer.model import Statement
from indexer.wording import plural
from indexer.storage.shards import is_sharded
from indexer.writing.cluster import index_on_cluster
from indexer.writing.shards import index_sharded
from indexer.writing.write import IndexOptions, extract_paths, index_paths

F = TypeVar("F", bound=Callable[..., Any])


def read_options(func: F) -> F:
    """Options shared by ``index`` and ``extract``: columns, dates, size limits, gazetteers."""
    options = [
        click.option("--title-column", help="CSV/JSON field holding the title."),
        click.option("--text-column", help="CSV/JSON field holding the text."),
        click.option("--date-column", help="CSV/JSON field holding the date."),
        click.option("--url-column", help="CSV/JSON field holding the source URL."),
        click.option("--publisher-column", help="CSV/JSON field holding the publisher."),
        click.option("--id-column", help="CSV/JSON field holding a statement id (kept as given)."),
        click.option(
            "--day-first/--month-first",
            default=None,
            help="Read 4/5/2017 as 4 May (--day-first) or April 5 (--month-first). "
            "Default: inferred from a date column's values, else month first.",
        ),
        click.option(
            "--max-file-mb",
            type=click.FloatRange(0, min_open=True),
            default=None,
            help=f"Largest file read, in MB; larger ones are reported and skipped. Default: "
            f"{ONE_STATEMENT_FILE_MB:g} for .txt/.md/.html (read whole), none for .jsonl/.json/.csv/.tsv "
            "(read one record at a time).",
        ),
        click.option(
            "--max-statement-mb",
            type=click.FloatRange(0, min_open=True),
            default=STATEMENT_MB,
            show_default=True,
            help="Longest statement text, in millions of characters; a longer one is reported and skipped.",
        ),
        click.option(
            "--gazetteer",
            "gazetteers",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Extra gazetteer file of actors and places (repeatable); see indexer/data/GAZETTEER.md.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _options(kwargs: dict[str, Any], **extra: Any) -> IndexOptions:
    read = ReadOptions(**{f.name: kwargs[f.name] for f in fields(ReadOptions)})
    return IndexOptions(read=read, gazetteer_files=tuple(kwargs["gazetteers"]), **extra)


@contextmanager
def _progress(show: bool) -> Iterator[tuple[Callable[[int], None], Callable[[Path], None]]]:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    if not show:
        yield (lambda _n: None), (lambda _p: None)
        return
    state: dict[str, Any] = {}

    def start(total: int) -> None:
        bar = click.progressbar(length=total, label="Indexing", file=sys.stderr, show_pos=True)
        state["bar"] = bar.__enter__()

    def step(_path: Path) -> None:
        state["bar"].update(1)

    try:
        yield start, step
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)


@click.command("index")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@index_option
@read_options
@click.option("--prune", is_flag=True, help="Remove statements whose source file is gone.")
@click.option("--batch-size", type=click.IntRange(1), default=1000, show_default=True, help="Statements per commit and process (a commit holds up to N x this with --procs N).")
@click.option("--wait", type=click.FloatRange(0), default=0.0, help="Seconds to wait for another writer.")
@click.option("--procs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes: with N > 1, N-1 workers extract and analyse while one writes.")
@click.option("--shards", type=click.IntRange(1, 1024), default=None,
              help="Make a sharded index of N shards (statements routed by a hash of their id); "
              "re-runs use the recorded number. With --procs P, P shards are built at once.")
@click.option("--cluster", metavar="ADDRESS", default=None,
              help="Build a sharded index on a Ray cluster, one writer per shard: 'local' starts one here; "
              "'auto', host:port or ray://host:10001 joins a running one. Shards must be on a filesystem every "
              "node sees. Needs the cluster extra.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Only the summary line and one line per file with errors.")
def index_command(paths: tuple[Path, ...], index_dir: Path, prune: bool, batch_size: int, wait: float,
                  procs: int, shards: int | None, cluster: str | None, progress: bool | None, quiet: bool,
                  **kwargs: Any) -> None:
    """Index statements from files and folders (recursively).

    Reads the seed's press-statement layout, .txt, .md, .html/.htm,
    .jsonl/.json and .csv/.tsv. Re-running skips unchanged statements;
    files that cannot be read are reported and skipped.

    Example:

    \b
        sift index seeds/ ~/scraped/statements.csv --index ~/sift-index
    """
    sharded = shards is not None or is_sharded(index_dir)
    if cluster is not None and not sharded:
        raise click.UsageError("--cluster builds a sharded index: give --shards N (or --index a sharded index)")
    if cluster is not None and procs > 1:
        raise click.UsageError("--procs is for local builds: on a cluster each shard has its own writer")
    options = _options(kwargs, prune=prune, batch_size=batch_size, wait=wait, procs=1 if sharded else procs)
    show = sys.stderr.isatty() if progress is None else progress
    with _progress(show and not quiet and not (sharded and procs > 1)) as (on_files, step):
        if cluster is not None:
            report = index_on_cluster(list(paths), index_dir, shards, options, address=cluster, progress=step,
                                      on_files=on_files)
        elif sharded:
            report = index_sharded(list(paths), index_dir, shards, options, workers=procs, progress=step,
                                   on_files=on_files)
        else:
            report = index_paths(list(paths), index_dir, options, progress=step, on_files=on_files)
    for notice in report.notices:
        click.echo(f"note: {notice}", err=True)
    for line in error_lines(report.errors, by_file=quiet):
        click.echo(f"error: {line}", err=True)
    click.echo(f"{report.summary()} -> {index_dir}")
    if report.indexed == 0:
        raise click.ClickException("nothing could be indexed" + (" (see errors above)" if report.errors else ""))


def error_lines(errors: list[IngestError], *, by_file: bool) -> list[str]:
    """The errors to print: each one, or (``by_file``, for ``-q``) one line
    per file naming it and how many errors it has."""
    if not by_file:
        return [str(e) for e in errors]
    per_file: dict[str, list[IngestError]] = {}
    for error in errors:
        per_file.setdefault(_file_of(error.path), []).append(error)
    return [
        str(found[0]) if len(found) == 1 else f"{path}: {plural(len(found), 'error')} (run without -q to list them)"
        for path, found in per_file.items()
    ]


def _file_of(where: str) -> str:
    """The file of an error's location (``a.jsonl:3``, ``b.csv row 5``, ``c.json#2``)."""
    for marker in (" row ", "#"):
        where = where.split(marker, 1)[0]
    head, sep, tail = where.rpartition(":")
    return head if sep and tail.isdigit() else where


def _text_record(record: dict[str, Any]) -> str:
    lines = [f"{record['id']}  {record['date'] or '----------'}  {record['title']}"]
    if record.get("publisher") or record.get("url"):
        lines.append(f"  {record.get('publisher') or ''}  {record.get('url') or ''}".rstrip())
    lines.append(f"  actors:    {', '.join(record['actors']) or '-'}")
    lines.append(f"  locations: {', '.join(record['locations']) or '-'}")
    for claim in record["claims"]:
        lines.append(f"  [{', '.join(claim['types'])}] {claim['sentence']}{roles_text(claim)}")
    return "\n".join(lines)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@read_options
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="jsonl", show_default=True)
def extract_command(paths: tuple[Path, ...], fmt: str, **kwargs: Any) -> None:
    """Print what Sift extracts from statements, without indexing them.

    One record per input statement, in input order: id, title, date,
    publisher, url, actors, locations, claims and the evidence for each
    actor and location.

    Example:

    \b
        sift extract seeds/ --format text
    """
    records: list[dict[str, Any]] = []
    errors = 0
    for item in extract_paths(list(paths), _options(kwargs)):
        if isinstance(item, IngestError):
            errors += 1
            click.echo(f"error: {item}", err=True)
            continue
        record = item.to_json() if isinstance(item, Statement) else item
        if fmt == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        elif fmt == "text":
            click.echo(_text_record(record) + "\n")
        else:
            records.append(record)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    if errors and not records and fmt == "json":
        raise click.ClickException("nothing could be read")
