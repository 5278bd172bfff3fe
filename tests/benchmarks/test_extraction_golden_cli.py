"""``extraction_golden write OUT`` takes a file path: an option in its place
(``write --help``) once wrote the whole golden output to a file named
``--help`` in the working directory (two helpers' merges carried one)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks import REPO


def test_an_option_is_no_output_path(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "benchmarks.extraction_golden", "write", "--help"],
                          cwd=tmp_path, env={"PYTHONPATH": str(REPO), "PATH": ""}, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode != 0
    assert "write OUT" in done.stderr
    assert not (tmp_path / "--help").exists()
