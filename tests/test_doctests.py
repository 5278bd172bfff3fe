"""The examples in the library's docstrings are tests: every module of
indexer/ and query/ that has any runs them here (query.web's need the web
extra, which the test command installs)."""

from __future__ import annotations

import doctest
import importlib

import pytest

from tests.conftest import REPO


def _modules_with_examples() -> list[str]:
    names = []
    for package in ("indexer", "query"):
        for path in sorted((REPO / package).rglob("*.py")):
            if ">>>" in path.read_text(encoding="utf-8"):
                parts = path.relative_to(REPO).with_suffix("").parts
                names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


MODULES = _modules_with_examples()


def test_the_modules_with_examples_are_found() -> None:
    # A broken discovery would run nothing and pass.
    assert {"indexer.analysis", "indexer.extraction.gazetteer_types", "query.parse", "query.rank", "query.web._pages"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{module} mentions '>>>' but has no example doctest finds"
    assert result.failed == 0
