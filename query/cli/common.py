"""What every ``sift`` command shares: the index option, error handling and
the message for a missing optional extra."""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from indexer.errors import SiftError

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_INDEX_DIR = ".sift"

#: The optional extras of pyproject.toml a command may need, each with the
#: top-level modules it installs (and what they pull in).
EXTRA_MODULES: dict[str, frozenset[str]] = {
    "web": frozenset({"fastapi", "starlette", "jinja2", "markupsafe", "uvicorn", "pydantic", "anyio"}),
    "cluster": frozenset({"ray"}),
}


@contextmanager
def require_extra(command: str, extra: str) -> Iterator[None]:
    """Around a command's imports of an optional extra: a module of the
    extra that is missing becomes an error naming the extra to install (the
    command stays listed in ``sift --help`` either way); any other missing
    module is a broken install and propagates.

    >>> with require_extra("serve", "web"):
    ...     raise ModuleNotFoundError("No module named 'fastapi'", name="fastapi.routing")
    Traceback (most recent call last):
    click.exceptions.ClickException: sift serve needs the web extra: pip install 'sift-search[web]'
    """
    try:
        yield
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] in EXTRA_MODULES[extra]:
            raise click.ClickException(
                f"sift {command} needs the {extra} extra: pip install 'sift-search[{extra}]'"
            ) from exc
        raise


def index_option(func: F) -> F:
    """``--index DIR``, defaulting to ``$SIFT_INDEX`` or ``.sift/`` here."""
    return click.option(
        "--index",
        "index_dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="SIFT_INDEX",
        default=DEFAULT_INDEX_DIR,
        show_default=True,
        show_envvar=True,
        help="Index directory.",
    )(func)


def cluster_option(func: F) -> F:
    """``--cluster ADDRESS``: search a sharded index on Ray actors (issue 22)."""
    return click.option(
        "--cluster",
        metavar="ADDRESS",
        envvar="SIFT_CLUSTER",
        default=None,
        show_envvar=True,
        help="Search a sharded index with shard searchers on a Ray cluster: 'local' starts one here; "
        "'auto', host:port or ray://host:10001 joins a running one. Needs the cluster extra.",
    )(func)


def allow_partial_option(func: F) -> F:
    """``--allow-partial``: a sharded index's unreadable shards are left out, and said so (issue 22)."""
    return click.option(
        "--allow-partial",
        is_flag=True,
        help="Sharded index: leave out shards that cannot be read and name them in the output "
        "(\"partial\": true) instead of failing.",
    )(func)


class SiftGroup(click.Group):
    """A click group that turns Sift's errors into messages, never tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SiftError as exc:
            raise click.ClickException(str(exc)) from exc
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            raise click.exceptions.Exit(130) from None
        except Exception as exc:  # a bug: say so plainly, keep the trace for debugging
            if os.environ.get("SIFT_DEBUG"):
                traceback.print_exc()
            raise click.ClickException(
                f"internal error: {type(exc).__name__}: {exc} (set SIFT_DEBUG=1 for details; please report it)"
            ) from exc


def roles_text(claim: dict[str, Any]) -> str:
    """A claim's roles in words for text output: `` (by Russia; in Idlib; said by UK; denied)``."""
    parts = [f"{label} {', '.join(item['name'] for item in claim.get(role) or [])}"
             for role, label in (("by", "by"), ("against", "against"), ("in", "in"), ("speaker", "said by"))
             if claim.get(role)]
    if claim.get("negated"):
        parts.append("denied")
    return f" ({'; '.join(parts)})" if parts else ""
