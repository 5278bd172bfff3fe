"""Word lists read from the ``faker`` package: first names, ordinary English words.

Person finding (``indexer.extraction.people``) and place reading (``indexer.extraction.resolve``,
``indexer.extraction.geonames``) need them; building them imports ninety faker modules,
so they are cached on disk. Apart from the finder because they are data
loading, not name parsing.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from indexer.analysis import fold
from indexer.extraction.caches import cache_dir

__all__ = ["common_words", "english_surnames", "first_names", "language_names"]

#: Bump when the first-name list is built differently (the disk cache's key).
_LIST_VERSION = "1"


def first_names(load: Callable[[], set[str]] | None = None) -> frozenset[str]:
    """Folded first names of every Latin-script locale of ``faker``.

    Importing faker's ninety person providers takes a third of a second, so
    the list is written once to the user's cache directory, keyed by faker's
    version; an unwritable cache only costs that time again.
    """
    if load is None and _FIRST_NAMES:  # read once per process: asked per text
        return _FIRST_NAMES[0]
    try:
        from importlib.metadata import version

        faker_version = version("faker")
    except Exception:  # faker missing: people are still found by their other cues
        return frozenset()
    names = _cached(f"first-names-{faker_version}-{_LIST_VERSION}.txt", load or _faker_first_names)
    if load is None:
        _FIRST_NAMES[:] = [names]
    return names


_FIRST_NAMES: list[frozenset[str]] = []


def common_words(load: Callable[[], set[str]] | None = None) -> frozenset[str]:
    """Folded ordinary English words that are nobody's name: ``faker``'s
    English word list with its regular inflections (``launch``, ``launched``,
    ``shows``), less every first and last name of its person providers
    (``Will``, ``King``, ``Rose`` stay names). A capitalised run that ends
    in one (``Youssef Diab Launched``, ``Hussein Malla Over``) ends before it.
    Cached on disk like :func:`first_names`, and read once per process (asked per text)."""
    if load is None and _COMMON_WORDS:
        return _COMMON_WORDS[0]
    try:
        from importlib.metadata import version

        faker_version = version("faker")
    except Exception:
        return frozenset()
    words = _cached(f"common-words-{faker_version}-{_LIST_VERSION}.txt", load or _faker_common_words)
    if load is None:
        _COMMON_WORDS[:] = [words]
    return words


_COMMON_WORDS: list[frozenset[str]] = []


def english_surnames(load: Callable[[], set[str]] | None = None) -> frozenset[str]:
    """Folded common surnames of ``faker``'s English-speaking locales
    (``Welch``, ``Webb``, ``Taylor``): alone in a text, such a word is far
    more often a person than the small town of that name. Cached on disk
    like :func:`first_names`."""
    if load is None and _SURNAMES:  # read once per process: asked per name found
        return _SURNAMES[0]
    try:
        from importlib.metadata import version

        faker_version = version("faker")
    except Exception:
        return frozenset()
    names = _cached(f"english-surnames-{faker_version}-{_LIST_VERSION}.txt", load or _faker_english_surnames)
    if load is None:
        _SURNAMES[:] = [names]
    return names


_SURNAMES: list[frozenset[str]] = []


def language_names() -> frozenset[str]:
    """Folded one-word names of the major languages (ISO 639-1, from
    ``pycountry``): ``in English`` names a language, not the town. Cached on
    disk like :func:`first_names`: reading pycountry's language table costs
    a twentieth of a second in every process that extracts."""
    if not _LANGUAGES:
        try:
            from importlib.metadata import version

            pycountry_version = version("pycountry")
        except Exception:  # noqa: BLE001 - not installed as a distribution: read it each time
            _LANGUAGES.append(frozenset(_pycountry_languages()))
        else:
            _LANGUAGES.append(_cached(f"language-names-{pycountry_version}-{_LIST_VERSION}.txt",
                                      _pycountry_languages))
    return _LANGUAGES[0]


def _pycountry_languages() -> set[str]:
    import pycountry

    return {fold(lang.name) for lang in pycountry.languages if hasattr(lang, "alpha_2") and " " not in lang.name}


_LANGUAGES: list[frozenset[str]] = []


def _faker_english_surnames() -> set[str]:
    import importlib

    names: set[str] = set()
    for locale in _ENGLISH_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        names.update(n for n in provider.__dict__.get("last_names", ()) if n and " " not in n)
    return {fold(n) for n in names if len(n) > 2}


#: faker's locales whose surnames an English text uses most (en_IE's hold town names: Cahir).
_ENGLISH_LOCALES = ("en_US", "en_GB")


def _cached(filename: str, load: Callable[[], set[str]]) -> frozenset[str]:
    path = cache_dir() / filename
    try:
        return frozenset(path.read_text("utf-8").split())
    except OSError:
        pass
    names = load()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("\n".join(sorted(names)), "utf-8")
        tmp.replace(path)
    except OSError:
        pass
    return frozenset(names)


def _faker_common_words() -> set[str]:
    from faker.providers.lorem.en_US import Provider as Lorem

    words: set[str] = set()
    for word in Lorem.word_list:
        words.update((word, word + "s", word + "es", word + "ed", word + "d", word + "ing"))
        if word.endswith("e"):
            words.add(word[:-1] + "ing")
        if word.endswith("y"):
            words.update((word[:-1] + "ies", word[:-1] + "ied"))
    return {fold(w) for w in words} - _faker_first_names(("last_names", "first_names", "first_names_male",
                                                          "first_names_female"))


def _faker_first_names(attrs: tuple[str, ...] = ("first_names", "first_names_male", "first_names_female")) -> set[str]:
    import importlib
    import pkgutil

    import faker.providers.person as providers

    names: set[str] = set()
    for module in pkgutil.iter_modules(providers.__path__):
        provider = getattr(importlib.import_module(f"{providers.__name__}.{module.name}"), "Provider", None)
        for attr in attrs:
            values = provider.__dict__.get(attr) if provider is not None else None
            if values and not isinstance(values, property):
                names.update(n for n in values if n and all(ord(c) < 0x250 for c in n) and " " not in n)
    return {fold(n) for n in names if len(n) > 1}
