"""Where Sift keeps what it builds once per machine (the world table, the
gazetteer and matcher pickles, the name lists): one rule for all of them."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_dir"]


def cache_dir() -> Path:
    """``$SIFT_CACHE_DIR``, else ``$XDG_CACHE_HOME/sift``, else ``~/.cache/sift``."""
    explicit = os.environ.get("SIFT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sift"
