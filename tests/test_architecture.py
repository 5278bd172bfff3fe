"""The import layers of pyproject.toml's ``[tool.importlinter]`` contracts
hold (issue 19, item 5): no import cycle, the CLI the only module of
``indexer`` that imports ``query``, ``query`` never importing the write or
extraction side, the shared leaves importing neither side.

import-linter reads function-level imports too, so an import moved into a
function to hide a cycle still breaks the contract.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LINT = """
import sys
from importlinter.cli import lint_imports
sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True, no_logo=True))
"""


def _lint(config: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on ``config``, with ``cwd`` first on the import path."""
    return subprocess.run([sys.executable, "-c", LINT, str(config)], cwd=cwd, capture_output=True,
                          text=True, timeout=300, check=False, env={**os.environ, "PYTHONPATH": str(cwd)})


def test_the_import_contracts_hold() -> None:
    done = _lint(ROOT / "pyproject.toml", ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_a_cycle_hidden_in_a_function_breaks_the_contract(tmp_path: Path) -> None:
    """The checker fails on a broken contract: two modules importing each
    other, one of them inside a function (as cycles used to be hidden)."""
    package = tmp_path / "layered"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "low.py").write_text("def late():\n    from layered import high\n    return high\n")
    (package / "high.py").write_text("from layered import low\n")
    config = tmp_path / "contracts.toml"
    config.write_text(textwrap.dedent("""
        [tool.importlinter]
        root_packages = ["layered"]

        [[tool.importlinter.contracts]]
        name = "no cycles"
        type = "acyclic_siblings"
        ancestors = ["layered"]
    """))
    done = _lint(config, tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 broken" in done.stdout


#: A module longer than this does more than one job (issue 19, item 9).
MAX_MODULE_LINES = 500


def test_no_library_module_is_over_500_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in sorted((ROOT / "indexer").rglob("*.py")) + sorted((ROOT / "query").rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_the_layout_follows_the_pipeline() -> None:
    """indexer/ is in subpackages by job and the CLI is a client under query/ (issue 19, item 8)."""
    for package in ("indexer/formats", "indexer/extraction", "indexer/writing", "indexer/storage", "query/cli"):
        assert (ROOT / package / "__init__.py").is_file(), package
    assert not (ROOT / "indexer" / "cli").exists()
    flat = {p.stem for p in (ROOT / "indexer").glob("*.py")}
    assert flat <= {"__init__", "errors", "model", "fields", "analysis", "schema", "postings", "near", "wording", "codec",
                    "ray_local"}


def test_every_test_folder_is_collected_by_the_test_command() -> None:
    # `norecursedirs = ["benchmarks", ...]` once kept tests/benchmarks (draw, scoring and
    # index-cost tests) out of every CI run: a pattern may only name folders without tests.
    import fnmatch
    import tomllib

    repo = Path(__file__).resolve().parent.parent
    options = tomllib.loads((repo / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    folders = {path.parent for path in (repo / "tests").rglob("test_*.py")}
    skipped = [folder.relative_to(repo) for folder in folders for pattern in options["norecursedirs"]
               if any(fnmatch.fnmatch(part, pattern) for part in folder.relative_to(repo / "tests").parts)]
    assert not skipped, f"test folders no run collects: {skipped}"
