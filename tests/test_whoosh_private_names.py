"""The private Whoosh names Sift relies on, in one place.

Sift subclasses Whoosh's codec, writer and matchers and reads some of their
state directly (``indexer/storage/codec.py``, ``segment.py``, ``parallel.py``,
``indexer/storage/reader.py``...), so it depends on names Whoosh does not promise to
keep. ``pyproject.toml`` bounds Whoosh to the tested series
(``whoosh>=2.7.4,<2.8``); this test is the canary for an upgrade: it lists
every private name in use, by the Whoosh class or module that defines it,
and fails with the list of those that are gone.

A second test keeps the list complete: it scans indexer/ and query/ for
private names (``obj._x``, ``def _x`` overrides, ``from whoosh... import
_x``, ``getattr(obj, "_x")``) that the installed Whoosh also defines. A new
one must be added below, to ``PRIVATE_NAMES`` if it is Whoosh's, or to
``SIFT_OWN`` if it is Sift's own name that happens to match one of
Whoosh's.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import warnings
from functools import cache
from pathlib import Path

import whoosh

from tests.conftest import REPO

#: Whoosh class (or module) -> the private names of it that Sift uses.
PRIVATE_NAMES: dict[str, tuple[str, ...]] = {
    "whoosh.system": ("_INT_SIZE",),
    "whoosh.codec.whoosh3": ("_lenfield",),
    "whoosh.codec.whoosh3.W3Codec": ("_blocklimit", "_compression", "_inlinelimit"),
    "whoosh.codec.whoosh3.W3Segment": ("_codec",),
    "whoosh.codec.whoosh3.W3FieldWriter": (
        "_btext", "_create_file", "_fieldid", "_fieldmap", "_fieldname", "_fieldobj", "_format", "_infield",
        "_postfile", "_postwriter", "_segment", "_storage", "_tindex",
    ),
    "whoosh.codec.whoosh3.W3PostingsWriter": (
        "_blockcount", "_byteids", "_ids", "_maxlength", "_maxweight", "_minlength", "_new_block",
        "_startoffset", "_terminfo", "_values", "_weights", "_write_block",
    ),
    "whoosh.codec.whoosh3.W3LeafMatcher": (
        "_blocklength", "_data", "_dataoffset", "_fixedsize", "_goto", "_lastblock", "_next_block",
        "_nextoffset", "_read_data", "_read_ids", "_read_values", "_read_weights",
    ),
    "whoosh.codec.whoosh3.W3TermInfo": ("_inlined", "_struct"),
    # "_stored" is the name of the stored-fields column.
    "whoosh.codec.whoosh3.W3PerDocWriter": ("_colwriters", "_fieldlengths", "_stored"),
    # (A segment's "_fieldlengths" is set by the writer and read by the reader.)
    "whoosh.codec.whoosh3.W3PerDocReader": ("_cached_reader", "_fieldlengths", "_segment"),
    "whoosh.columns": ("_child",),
    "whoosh.columns.FixedBytesColumn": ("_basepos", "_count", "_dbfile"),
    # (IndexArrays._lengths is Sift's own name; the claim_spans column reads Whoosh's.)
    "whoosh.columns.VarBytesColumn": ("_basepos", "_dbfile", "_lengths"),
    "whoosh.reading.SegmentReader": ("_perdoc", "_terms"),
    "whoosh.writing.SegmentWriter": (
        "_added", "_boost", "_check_fields", "_check_state", "_close_segment", "_commit_toc", "_finalize_segment", "_finish",
        "_flush_segment", "_merge_segments", "_tempstorage",
    ),
    "whoosh.index.FileIndex": ("_segments",),
    "whoosh.filedb.filestore.FileStorage": ("_fpath",),
    "whoosh.filedb.structfile.StructFile": ("_name",),
    "whoosh.filedb.filetables.HashWriter": ("_write_extras", "_write_hashes"),
}

#: Sift's own private names that Whoosh happens to use too (no coupling).
SIFT_OWN = frozenset({
    "_add", "_blocks", "_buffer", "_column_values", "_hash", "_id", "_length", "_lock", "_matcher",
    "_merge", "_offset", "_options", "_pos", "_read_toc", "_searcher", "_source", "_spans", "_term",
    "_text", "_trim", "_types",
})

WHOOSH_DIR = Path(whoosh.__file__).parent


def _owner_source(owner: str) -> str:
    """The source of ``owner`` (a module, or a class and its Whoosh bases)."""
    try:
        return inspect.getsource(importlib.import_module(owner))
    except ImportError:
        module, _, name = owner.rpartition(".")
        cls = getattr(importlib.import_module(module), name)
        return "\n".join(inspect.getsource(c) for c in cls.__mro__ if c.__module__.startswith("whoosh"))


def test_whoosh_is_the_series_sift_is_tested_with() -> None:
    assert whoosh.versionstring().startswith("2.7.")
    assert '"whoosh>=2.7.4,<2.8"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")


def test_every_private_whoosh_name_sift_uses_still_exists() -> None:
    gone = []
    for owner, names in PRIVATE_NAMES.items():
        try:
            source = _owner_source(owner)
        except (ImportError, AttributeError):
            gone.append(f"{owner} (not found)")
            continue
        gone.extend(f"{owner}.{name}" for name in names if not re.search(rf"\b{re.escape(name)}\b", source))
    assert gone == [], f"Whoosh {whoosh.versionstring()} lacks private names Sift uses: {gone}"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name != "_"


@cache
def _whoosh_private_names() -> frozenset[str]:
    """Private names the installed Whoosh defines anywhere."""
    names = set()
    for path in WHOOSH_DIR.rglob("*.py"):
        with warnings.catch_warnings():  # Whoosh 2.7's "\w" in plain strings
            warnings.simplefilter("ignore", SyntaxWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names.add(node.value)
    return frozenset(n for n in names if _private(n))


def _private_names_in_sift() -> dict[str, set[str]]:
    """Private names used or overridden in indexer/ and query/, with where."""
    used: dict[str, set[str]] = {}
    for package in ("indexer", "query"):
        for path in sorted((REPO / package).rglob("*.py")):
            where = str(path.relative_to(REPO))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names: list[str] = []
                if isinstance(node, ast.Attribute):
                    names = [node.attr]
                elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names = [node.name]
                elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isidentifier():
                    names = [node.value]  # getattr(obj, "_x"), column names
                for name in names:
                    if _private(name):
                        used.setdefault(name, set()).add(where)
    return used


def test_the_list_holds_every_private_whoosh_name_in_use_and_no_other() -> None:
    used = _private_names_in_sift()
    whoosh_names = _whoosh_private_names()
    listed = {name for names in PRIVATE_NAMES.values() for name in names}
    shared = {name for name in used if name in whoosh_names}
    unlisted = {name: sorted(used[name]) for name in sorted(shared - listed - SIFT_OWN)}
    assert unlisted == {}, "private names Whoosh also defines, not in PRIVATE_NAMES or SIFT_OWN"
    assert sorted((listed | SIFT_OWN) - shared) == [], "listed names no longer used (remove them)"
    assert not listed & SIFT_OWN
