"""People: person names from their cues, short mentions, places inside names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.name_lists import first_names
from indexer.extraction.extract import extract
from indexer.extraction.people import PeopleFinder
from indexer.model import Statement


def people(gaz: Gazetteer, text: str) -> list[str]:
    """The distinct person actors of ``text``, in order."""
    out: list[str] = []
    for m in gaz.find_actors(text):
        if m.kind == "person" and m.name not in out:
            out.append(m.name)
    return out


def places(gaz: Gazetteer, text: str) -> list[str]:
    return [m.name for m in gaz.find_locations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles and roles before a name
        ("Foreign Minister Sergei Lavrov spoke on Monday.", ["Sergei Lavrov"]),
        ("UN High Commissioner for Human Rights Volker Türk visited the camp.", ["Volker Türk"]),
        ("Prime Minister Abiy Ahmed ordered the offensive.", ["Abiy Ahmed"]),
        ("The statement was read by spokesperson Stéphane Dujarric in New York.", ["Stéphane Dujarric"]),
        ("Saudi Crown Prince Mohammed bin Salman met the envoy.", ["Mohammed bin Salman"]),
        ("Gen. Abdel Fattah al-Burhan visited the front.", ["Abdel Fattah al-Burhan"]),
        # apposition, reporting verbs
        ("Liz Throssell, spokesperson for OHCHR, told reporters.", ["Liz Throssell"]),
        ("The fighting must stop, said Bintou Keita, the head of the mission.", ["Bintou Keita"]),
        ("Tor Wennesland said the violence was unacceptable.", ["Tor Wennesland"]),
        # first names
        ("Elizabeth Hoff visited the hospital.", ["Elizabeth Hoff"]),
        ("Reporters spoke to Ahmed Mansour and Ursula von der Leyen.", ["Ahmed Mansour", "Ursula von der Leyen"]),
        # not people
        ("The Jordan Times reported that the General Assembly met.", []),
        ("Human Rights Watch said the Rapid Support Forces attacked El Fasher.", []),
        ("Russia Warns Turkey Over Idlib As Talks Stall", []),
        ("On Monday Syrian Army troops entered the town.", []),
        ("He worked for General Electric and the Ceylon Electricity Board.", []),
        ("They Made Useful Contributions; they made many.", []),
        ("See the Case List below; the case is open.", []),
        ("Clashes erupted in Sheikh Maqsoud and in Ras Al-Ayn.", []),
        ("Bashar al-Assads forces advanced.", ["Bashar al-Assad"]),
        ("Jets struck the towns of Tal Minnis Sarmada and Kafr Zita Jub al-Rayan.", []),
    ],
)
def test_people_found_by_their_cues(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert people(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foreign Minister Sergei Lavrov spoke. Later Mr Lavrov added that Lavrov's aides agreed.",
         ["Sergei Lavrov"] * 3),
        ("The fighting must stop, said Bintou Keita. Keita added that Goma was calm.", ["Bintou Keita"] * 2),
        ("Volker Türk visited. Türk said the war must end.", ["Volker Türk"] * 2),
        ("Prime Minister Abiy Ahmed spoke. Abiy later said the talks failed.", ["Abiy Ahmed"] * 2),
        ("Defence Minister Israel Katz spoke. Katz said the army would respond.", ["Israel Katz"] * 2),
    ],
)
def test_short_mentions_resolve_to_the_full_name(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert [m.name for m in gaz.find_actors(text) if m.kind == "person"] == expected


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        ("Elizabeth Hoff, the WHO representative, spoke from Damascus.", "Elizabeth"),
        ("George Bush and Ashley Sutton met in Amman.", "Sutton"),
        ("Journalist Maria Victoria Santos was detained in Manila.", "Victoria"),
    ],
)
def test_a_persons_name_is_never_a_place(gaz: Gazetteer, text: str, dropped: str) -> None:
    found = places(gaz, text)
    assert found and not any(dropped in p for p in found)


def test_first_names_come_from_a_cache_once_built(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []

    def load() -> set[str]:
        calls.append(1)
        return {"volker", "liz"}

    assert first_names(load) == {"volker", "liz"}
    assert first_names(load) == {"volker", "liz"}
    assert calls == [1]


def test_name_lists_are_cached_where_the_other_caches_are(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``$SIFT_CACHE_DIR`` moves every cache of Sift, the name lists' too."""
    from indexer.extraction import name_lists

    monkeypatch.setenv("SIFT_CACHE_DIR", str(tmp_path / "sift-cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert name_lists._cached("probe.txt", lambda: {"volker"}) == {"volker"}
    assert (tmp_path / "sift-cache" / "probe.txt").exists()
    assert not (tmp_path / "xdg").exists()


def test_finder_without_first_names_still_uses_titles() -> None:
    finder = PeopleFinder(lambda key: None, set(), names=frozenset())
    assert [name for _, _, name in finder.find("Minister Bintou Keita spoke; Liz Throssell did not.")] \
        == ["Bintou Keita"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # text that lost its punctuation: a name ends before a word that is no name's
        ("Head of mission Massimiliano Rebaudengo MSFs operations in Syria.", ["Massimiliano Rebaudengo"]),
        ("the spokesman relayed. Hussein Malla Over 20 fighters were killed.", ["Hussein Malla"]),
        ("the tags of the story read terrorist Daesh Igor Konashenkov Syria Russia Community", ["Igor Konashenkov"]),
        ("the tags of the story read chemical weapons Angela Kane Damascus Community", ["Angela Kane"]),
        ("photo by Andrei Stenin Syrias war goes on", ["Andrei Stenin"]),
        ("It was first seen by Ahmed Mansour Community leaders.", ["Ahmed Mansour"]),
        # a demonym or two countries open no name
        ("Political efforts - Commander Syrian Crisis Russia Turns the Tide", []),
        # a kunya, and unknown given names before a first name (mid-sentence)
        ("Head of the media centre Abu Yazan al-Noiami said the rebels retreated.", ["Abu Yazan al-Noiami"]),
        ("The journalists Hamse Abdi Ahmed and Abdikhadar Farah Abshir were held.",
         ["Hamse Abdi Ahmed", "Abdikhadar Farah Abshir"]),
        ("It was signed by US Representatives Dan Kildee and others.", ["Dan Kildee"]),
        # a name that ends a longer name of the text is that person
        ("Rami Abdel Rahman said 20 died. Abdel Rahman told reporters.", ["Rami Abdel Rahman"]),
        # kept: names with particles, a country as a given name
        ("Reporters spoke to Ursula von der Leyen.", ["Ursula von der Leyen"]),
        ("Defence Minister Israel Katz spoke.", ["Israel Katz"]),
    ],
)
def test_names_end_where_the_name_ends(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert people(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UN Special Envoy for Syria Staffan de Mistura said talks would resume.", ["Staffan de Mistura"]),
        ("The HNC called on U.N. Secretary-General Ban Ki-moon to act.",
         ["High Negotiations Committee", "United Nations", "Ban Ki-moon"]),
        ("United Nations Secretary General António Guterres denounced the kidnapping.", ["Antonio Guterres"]),
        # an office without a name after it stays
        ("The UN Secretary-General said talks would resume.", ["UN Secretary-General"]),
    ],
)
def test_an_office_before_its_holder_is_no_actor(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert list(dict.fromkeys(m.name for m in gaz.find_actors(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role owned by a body, after the name and a comma
        ("On May 5, Gholamhossein Esmaili, the judiciary’s spokesperson, accused the students.",
         "Gholamhossein Esmaili"),
        # a role before a comma and the name
        ("“Journalism is not a crime,” said CPJ sub-Saharan African representative, Muthoki Mumo.",
         "Muthoki Mumo"),
    ],
)
def test_roles_around_a_comma(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in people(gaz, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("London-based Jimmy Carter spoke at the meeting.", "Jimmy Carter"),
        ("Kabul-born Ahmad Shah Massoud was killed in 2001.", "Ahmad Shah Massoud"),
    ],
)
def test_a_hyphenated_description_before_a_name_is_no_part_of_it(gaz: Gazetteer, text: str, name: str) -> None:
    actors = extract(Statement("x", "", text, "p"), gaz).actors
    assert name in actors
    assert not any("-based" in a or "-born" in a for a in actors)


def test_a_hyphenated_description_is_never_an_actor(gaz: Gazetteer) -> None:
    text = "Mainland-born Lai, who was smuggled into Hong Kong as a boy, has been a critic of Beijing."
    assert not any("-born" in a for a in extract(Statement("x", "", text, "p"), gaz).actors)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Let me begin by congratulating Mr. Miguel d’Escoto Brockmann on his election.", "Miguel d’Escoto Brockmann"),
        ("Valéry Giscard d'Estaing said the treaty was signed.", "Valéry Giscard d'Estaing"),
    ],
)
def test_a_d_apostrophe_particle_stays_in_the_name(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in extract(Statement("x", "", text, "p"), gaz).actors


@given(st.lists(st.sampled_from(["Mr", "Mr.", " ", "\n", "\t", "Bashar", "al-", "al", "Assad", "'s", "O'Neil", "de",
                                 "la", "Cruz", "J.", "X", "a", "-", "Jean-Luc", "Gen.", "1", "_", "van", "Der",
                                 "d'", "D'", "Escoto"]),
                max_size=14).map("".join))
def test_ascii_runs_are_the_runs_of_the_unicode_pattern(text: str) -> None:
    # An ASCII text is read with the pattern's ASCII form (issue 18 item 10): the same runs.
    from indexer.extraction import people

    assert [m.span() for m in people._RUN_ASCII.finditer(text)] == [m.span() for m in people._RUN.finditer(text)]


def test_a_sentences_first_word_is_no_part_of_a_name(gaz: Gazetteer) -> None:
    text = "Although Mandelstam wrote the poem in 1933, he was arrested a year later."
    assert not any(a.startswith("Although") for a in extract(Statement("x", "", text, "p"), gaz).actors)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the portfolio of "Minister of ..." is no part of a name the list does not know
        ("Cameroon's Minister of Communication Issa Tchiroma Bakary said the reporter was a spy.",
         "Issa Tchiroma Bakary"),
        ("The Secretary of Justice Ahmadou Sardaouna told reporters the case was closed.", "Ahmadou Sardaouna"),
        # a first name that is also a word stays the name's first word
        ("The Minister of Health Rose Mbah said the clinic would reopen.", "Rose Mbah"),
    ],
)
def test_a_portfolio_before_a_name_is_no_part_of_it(gaz: Gazetteer, text: str, expected: str) -> None:
    assert expected in people(gaz, text)
