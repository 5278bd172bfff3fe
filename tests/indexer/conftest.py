"""Fixtures shared by the extraction tests."""

from __future__ import annotations

import pytest

from indexer.extraction.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The built-in gazetteer (loaded once; ``Gazetteer.load`` caches it)."""
    return Gazetteer.load()
