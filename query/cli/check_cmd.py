"""``sift check``: verify an index and say what to do about problems."""

from __future__ import annotations

import json
from pathlib import Path

import click

from indexer.storage.check import CheckReport, check_index
from indexer.storage.shard_check import check_sharded
from indexer.storage.shards import is_sharded
from query.cli.common import index_option
from indexer.wording import plural


def _text(report: CheckReport) -> str:
    lines = []
    if report.healthy:
        lines.append(
            f"{report.directory}: healthy, {plural(report.statements, 'statement')} in "
            f"{plural(report.segments, 'segment')} (generation {report.generation}, "
            f"{plural(report.manifest_files, 'file')} in the manifest)"
        )
    else:
        kind = "repairable problems" if report.repairable else "DAMAGED"
        lines.append(f"{report.directory}: {kind} ({plural(report.statements, 'statement')} readable)")
    lines += [f"repaired: {line}" for line in report.repaired]
    lines += [f"note: {line}" for line in report.notes]
    lines += [f"problem: {line}" for line in report.problems]
    if report.advice:
        lines.append(f"what to do: {report.advice}")
    return "\n".join(lines)


@click.command("check")
@index_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--repair", is_flag=True, help="Remove debris of interrupted runs and stale manifest entries first.")
@click.option("--wait", type=click.FloatRange(0), default=0.0, help="With --repair: seconds to wait for a writer.")
@click.pass_context
def check_command(ctx: click.Context, index_dir: Path, fmt: str, repair: bool, wait: float) -> None:
    """Verify that every statement of the index is readable and the counts agree.

    Exit code 0: healthy; 1: problems found (the output says what to do).
    Checking only reads; --repair fixes what does not need re-indexing.
    A sharded index is checked shard by shard, and each statement must be
    in the shard its id routes to.

    Example:

    \b
        sift check --index ~/sift-index
        sift check --repair --format json
    """
    if is_sharded(index_dir):
        sharded = check_sharded(index_dir, repair=repair, wait=wait)
        if fmt == "json":
            click.echo(json.dumps(sharded.to_json(), indent=2, ensure_ascii=False))
        else:
            head = (f"{index_dir}: {'healthy' if sharded.healthy else 'PROBLEMS'}, "
                    f"{plural(sharded.statements, 'statement')} in {plural(len(sharded.shards), 'shard')}")
            click.echo("\n".join([head, *(_text(r) for r in sharded.shards),
                                   *(f"problem: {p}" for p in sharded.problems)]))
        if not sharded.healthy:
            ctx.exit(1)
        return
    report = check_index(index_dir, repair=repair, wait=wait)
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(_text(report))
    if not report.healthy:
        ctx.exit(1)
