"""``sift serve``: options, the missing-extra message, the app it runs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from query.cli import main


def test_help_lists_the_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    for option in ("--index", "--host", "--port", "127.0.0.1", "8765"):
        assert option in result.output


def test_missing_web_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # makes `import uvicorn` fail
    result = CliRunner().invoke(main, ["serve", "--index", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == "Error: sift serve needs the web extra: pip install 'sift-search[web]'\n"


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("uvicorn")
    result = CliRunner().invoke(main, ["serve", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no Sift index at" in result.output and "Traceback" not in result.output


def test_bad_port_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "70000"])
    assert result.exit_code == 2


def test_runs_the_app_with_uvicorn(monkeypatch: pytest.MonkeyPatch, web_index: Path) -> None:
    pytest.importorskip("fastapi")
    uvicorn = pytest.importorskip("uvicorn")
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append({"app": app, **kwargs}))
    result = CliRunner().invoke(main, ["serve", "--index", str(web_index), "--port", "9999"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output == f"Serving {web_index} at http://127.0.0.1:9999/ (Ctrl+C to stop)\n"
    (call,) = calls
    assert (call["host"], call["port"]) == ("127.0.0.1", 9999)
    assert call["app"].title == "Sift"


def test_warns_when_listening_on_the_network(monkeypatch: pytest.MonkeyPatch, web_index: Path) -> None:
    pytest.importorskip("fastapi")
    uvicorn = pytest.importorskip("uvicorn")
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: None)
    result = CliRunner().invoke(main, ["serve", "--index", str(web_index), "--host", "0.0.0.0"])
    assert result.exit_code == 0
    assert result.output.startswith("warning: listening on 0.0.0.0: anyone who can reach this machine")


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", ["127.0.0.1", "localhost"]),
        ("127.0.0.2", ["127.0.0.2", "localhost"]),
        ("localhost", ["127.0.0.1", "localhost", "[::1]"]),
        ("::1", ["[::1]", "localhost"]),
        ("0:0:0:0:0:0:0:1", ["[::1]", "localhost"]),
        ("0.0.0.0", None),
        ("::", None),
        ("192.168.1.5", None),
        ("example.org", None),
    ],
)
def test_allowed_hosts(host: str, expected: list[str] | None) -> None:
    from query.cli.serve_cmd import allowed_hosts

    assert allowed_hosts(host) == expected


@pytest.mark.parametrize(
    ("host", "good", "bad"),
    [
        ("::1", ["[::1]:9999", "localhost:9999", "[::1]"], ["evil.example", "evil.example:9999", "[::2]:9999"]),
        ("127.0.0.1", ["127.0.0.1:9999", "localhost:9999"], ["evil.example:9999"]),
    ],
)
def test_loopback_server_checks_the_host_header(monkeypatch: pytest.MonkeyPatch, web_index: Path, host: str,
                                                good: list[str], bad: list[str]) -> None:
    from tests.query.web.conftest import load_test_client

    client_class = load_test_client()
    uvicorn = pytest.importorskip("uvicorn")
    apps: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: apps.append(app))
    result = CliRunner().invoke(main, ["serve", "--index", str(web_index), "--host", host, "--port", "9999"])
    assert result.exit_code == 0 and "warning" not in result.output
    with client_class(apps[0]) as client:
        for header in good:
            assert client.get("/api/stats", headers={"host": header}).status_code == 200, header
        for header in bad:
            assert client.get("/api/stats", headers={"host": header}).status_code == 400, header
