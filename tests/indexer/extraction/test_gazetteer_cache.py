"""The built-in gazetteer read back from its cache file is the one built."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.extraction import words
from indexer.extraction.entities import Matcher
from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.words import Words


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SIFT_CACHE_DIR", str(tmp_path))
    kept = Gazetteer._builtin
    Gazetteer._builtin = None
    yield tmp_path
    Gazetteer._builtin = kept


def _tables(gaz: Gazetteer) -> list[object]:
    # Lists of items: the order matters too (it decides ties between names).
    return [list(gaz.places.items()), list(gaz.actors.items()),
            {kind: list(table.items()) for kind, table in gaz.aliases.items()},
            gaz.guards, list(gaz.demonyms.items()), list(gaz.capitals.items()), gaz.fingerprint()]


def test_second_load_reads_the_built_tables(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = Gazetteer.load()
    assert [p.name.split("-")[0] for p in cache_dir.glob("*.pickle")] == ["gazetteer"]
    built_matcher = built.matcher()  # built, and kept in its own file
    assert sorted(p.name.split("-")[0] for p in cache_dir.glob("*.pickle")) == ["gazetteer", "matcher"]
    Gazetteer._builtin = None

    def no_build(*_args: object) -> None:
        raise AssertionError("built again")

    monkeypatch.setattr(Gazetteer, "_load_builtin", no_build)
    monkeypatch.setattr(Matcher, "__init__", no_build)
    read = Gazetteer.load()
    assert read is not built
    assert _tables(read) == _tables(built)
    # The matcher is read on first use (a search reads the tables only), over
    # the same automaton and word codes.
    assert read._matcher is None
    text = "Russian jets struck Deir ez-Zor and Aleppo, the Syrian Observatory for Human Rights said."
    assert read.matcher().gaz is read
    assert list(read.matcher().automaton.iter(Words(text).norm)) \
        == list(built_matcher.automaton.iter(Words(text).norm))


def test_other_word_codes_are_not_adopted() -> None:
    """A process whose words have other codes builds its matcher again."""
    before = dict(words.CODES)
    assert words.CODES  # (this process has built a matcher)
    assert words.adopt_codes(before)
    assert not words.adopt_codes({"aleppo": "AAA"})
    assert words.CODES == before


def test_damaged_file_is_rebuilt(cache_dir: Path) -> None:
    built = Gazetteer.load()
    (path,) = cache_dir.glob("gazetteer-*.pickle")
    path.write_bytes(b"not a pickle")
    Gazetteer._builtin = None
    assert _tables(Gazetteer.load()) == _tables(built)


def test_user_files_are_never_cached(cache_dir: Path, tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text("actor\tLocal Council of Foo\tother\tFoo Council\n", encoding="utf-8")
    gaz = Gazetteer.load([user])
    assert gaz.actor_type("Local Council of Foo") == "other"
    gaz.matcher()
    assert not list(cache_dir.glob("*.pickle"))
