"""``benchmarks.index_cost --bytecode``: both engines timed with the same kind of bytecode."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.index_cost import prepare_bytecode


def _checkout(root: Path) -> Path:
    for name in ("indexer", "query", "benchmarks"):
        (root / name).mkdir(parents=True)
        (root / name / "mod.py").write_text("X = 1\n")
    return root


def test_cached_compiles_each_checkout_and_lets_jobs_write_bytecode(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    roots = [_checkout(tmp_path / "a"), _checkout(tmp_path / "b")]
    prepare_bytecode("cached", roots)
    for root in roots:
        for name in ("indexer", "query", "benchmarks"):
            assert list((root / name / "__pycache__").glob("mod.*.pyc"))
    assert "PYTHONDONTWRITEBYTECODE" not in os.environ


def test_none_removes_the_checkouts_bytecode_and_writes_none(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
    root = _checkout(tmp_path / "a")
    prepare_bytecode("cached", [root])
    prepare_bytecode("none", [root])
    assert not list(root.rglob("__pycache__"))
    assert os.environ["PYTHONDONTWRITEBYTECODE"] == "1"
