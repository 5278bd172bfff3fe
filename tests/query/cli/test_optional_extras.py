"""A missing optional package never hides a command: every command is
listed, and one whose extra is missing names the extra to install."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from query.cli.common import EXTRA_MODULES
from tests.conftest import REPO

COMMANDS = {"index", "extract", "check", "serve", "search", "batch", "show", "stats"}


def _sift(args: list[str], blocked: set[str] | frozenset[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``sift ARGS`` in a fresh interpreter where ``blocked`` modules cannot
    be imported, as if they were not installed."""
    script = (
        "import sys\n"
        f"for name in {sorted(blocked)!r}:\n"
        "    sys.modules[name] = None\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from query.cli import run\n"
        f"run({args!r})\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_without_the_web_extra_every_command_is_listed_and_serve_names_the_extra(tmp_path: Path) -> None:
    listed = _sift(["--help"], EXTRA_MODULES["web"], tmp_path)
    assert listed.returncode == 0, listed.stderr
    commands = {line.split()[0] for line in listed.stdout.split("Commands:", 1)[1].splitlines() if line.strip()}
    assert commands == COMMANDS
    served = _sift(["serve", "--index", str(tmp_path)], EXTRA_MODULES["web"], tmp_path)
    assert served.returncode == 1
    assert served.stderr == "Error: sift serve needs the web extra: pip install 'sift-search[web]'\n"
    assert served.stdout == ""


def test_the_query_commands_work_without_the_web_extra(tmp_path: Path) -> None:
    result = _sift(["search", "siege", "--index", str(tmp_path / "none")], EXTRA_MODULES["web"], tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "index" in result.stderr.lower()


def test_a_missing_module_of_the_query_commands_is_an_error_not_a_vanished_command(tmp_path: Path) -> None:
    # `sift search` used to disappear silently from `sift --help` on any
    # ImportError; a broken install now says what is missing.
    result = _sift(["--help"], {"query.export"}, tmp_path)
    assert result.returncode != 0
    assert "query.export" in result.stderr
