"""Fixtures shared by all tests: paths of the repository and the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_FILE = SEEDS / "000_fb413970f439558a.txt"
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data``, or skip: users' machines do not have it."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is absent (only developers' machines have it)")
    return data
