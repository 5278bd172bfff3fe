"""``sift serve``: the web interface and JSON API (issue 7).

The web stack (FastAPI, Jinja2, uvicorn) is the optional ``web`` extra, so
it is imported only when the command runs; without it the command says
how to install it instead of failing on import.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from query.cli.common import allow_partial_option, cluster_option, index_option, require_extra


def allowed_hosts(host: str) -> list[str] | None:
    """``Host`` headers to accept: the loopback names when bound to loopback
    (so a web page elsewhere cannot reach the API by DNS rebinding), any
    otherwise (a server on the network is reached by names we cannot know).

    An IPv6 address is matched as a browser sends it, in brackets
    (``Host: [::1]:8765``).

    >>> allowed_hosts("127.0.0.1"), allowed_hosts("::1")
    (['127.0.0.1', 'localhost'], ['[::1]', 'localhost'])
    >>> allowed_hosts("0.0.0.0") is None
    True
    """
    name = host.strip().removeprefix("[").removesuffix("]").lower()
    if name == "localhost":  # may resolve to either loopback address
        return ["127.0.0.1", "localhost", "[::1]"]
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return None
    if not address.is_loopback:
        return None
    shown = f"[{address.compressed}]" if address.version == 6 else address.compressed
    return [shown, "localhost"]


@click.command(name="serve")
@index_option
@cluster_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default is reachable from this machine only.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@allow_partial_option
def serve_command(index_dir: Path, cluster: str | None, host: str, port: int, allow_partial: bool) -> None:
    """Search the index in a web browser, or through a JSON API.

    Serves a search page with facets and a timeline, each statement with its
    extracted names and claims marked in place, CSV/JSON export, and the
    API (/api/search, /api/statements/ID, /api/stats; reference at /docs).
    Needs the web extra: pip install 'sift-search[web]'.

    Example:

    \b
        sift serve --index .sift
        # then open http://127.0.0.1:8765/
    """
    with require_extra("serve", "web"):
        import uvicorn

        from query.web import create_app
    trusted = allowed_hosts(host)
    app = create_app(index_dir, allowed_hosts=trusted, cluster=cluster, allow_partial=allow_partial)
    if trusted is None:
        click.echo(f"warning: listening on {host}: anyone who can reach this machine can search the index", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Serving {index_dir} at http://{shown}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
