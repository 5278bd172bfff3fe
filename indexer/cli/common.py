"""What every ``sift`` command shares: the index option and error handling."""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from indexer.errors import SiftError

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_INDEX_DIR = ".sift"


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
