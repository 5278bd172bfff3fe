"""The ``sift`` command line: a thin layer over indexer/ and query/.

Exit codes: 0 success (a search with no hits included), 1 a runtime error
(unreadable index, nothing could be indexed), 2 a usage error (bad option,
malformed query). No traceback reaches the user; set ``SIFT_DEBUG=1`` to
see one.

Every command is always listed: one whose optional extra is not installed
says which extra to install when it runs (``common.require_extra``).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from query.cli.check_cmd import check_command
from query.cli.common import SiftGroup
from query.cli.index_cmd import extract_command, index_command
from query.cli.search_cmd import register as register_query_commands
from query.cli.serve_cmd import serve_command


@click.group(cls=SiftGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sift-search", prog_name="sift")
def main() -> None:
    """Sift: full-text search over what political actors say.

    Index a folder of statements, then search it:

    \b
        sift index seeds/
        sift search 'genocide AND location:Syria'
    """


main.add_command(index_command)
main.add_command(extract_command)
main.add_command(check_command)
main.add_command(serve_command)
register_query_commands(main)


def run(argv: list[str] | None = None) -> Any:
    """Entry point of the console script."""
    return main.main(args=argv, prog_name="sift", standalone_mode=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())

__all__ = ["main", "run"]
