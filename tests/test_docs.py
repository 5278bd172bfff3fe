"""Meta-tests: the README documents every command; CI runs README's test command."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from query.cli import main
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    block = README.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_quick_start_has_exactly_two_commands() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2
    assert "sift index seeds/" in commands[0] and "sift search" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_exactly() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_commands()[1] in ci.splitlines()


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_documented_and_has_help(name: str) -> None:
    assert re.search(rf"\bsift {name}\b", README), f"README does not mention `sift {name}`"
    result = CliRunner().invoke(main, [name, "--help"], prog_name="sift")
    assert result.exit_code == 0
    assert "Usage: sift" in result.output
    assert len(main.commands[name].help or "") > 20
