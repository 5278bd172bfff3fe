"""Claim roles on the web page (issue 21 item 7): role chips that add the
claim group, a marked denial, the ``by`` facet panel, and escaping.

Its own small index, built by extracting hand-written statements (the
roles come from the extractor, as in ``tests/query/test_claim_roles_search``).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from query.results import Hit
from tests.query.web.conftest import load_test_client
from tests.query.web.test_pages import hrefs, query_of

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[web]')")

ROLE_STATEMENTS: list[dict[str, str]] = [
    {"id": "idlib-ru", "title": "Hospital struck in Idlib", "date": "2016-02-01",
     "text": "Russia bombed a hospital in Idlib on Monday."},
    {"id": "aleppo-ru", "title": "Market struck in Aleppo", "date": "2016-02-02",
     "text": "Russia bombed a market in Aleppo."},
    # Russia named in passing; the bombardment is the regime's
    {"id": "idlib-regime", "title": "Shelling of Idlib", "date": "2016-02-03",
     "text": "Russia and Turkey met in Sochi. The Assad regime shelled Idlib again."},
    {"id": "denial", "title": "Moscow denies", "date": "2016-02-04",
     "text": "Moscow rejected accusations that its jets bombed the market."},
    {"id": "accusation", "title": "Plant shelled", "date": "2016-02-05",
     "text": "Russia accused Ukraine of shelling the Zaporizhzhia nuclear plant."},
]


def build_roles_index(root: Path) -> Path:
    """The index of :data:`ROLE_STATEMENTS`, through extraction."""
    from indexer.writing.write import index_paths

    source = root / "in" / "roles.jsonl"
    source.parent.mkdir(parents=True)
    source.write_text("\n".join(json.dumps(r) for r in ROLE_STATEMENTS) + "\n", encoding="utf-8")
    report = index_paths([source], root / "ix")
    assert report.errors == [] and report.added == len(ROLE_STATEMENTS)
    return root / "ix"


@pytest.fixture(scope="module")
def roles_app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from query.web import create_app

    return create_app(build_roles_index(tmp_path_factory.mktemp("web-roles")))


@pytest.fixture(scope="module")
def roles_client(roles_app: Any) -> Iterator[Any]:
    with load_test_client()(roles_app) as client:
        yield client


def hit_html(page: str, title: str) -> str:
    """The ``<li class="hit">`` whose heading is ``title``."""
    for item in page.split('<li class="hit">')[1:]:
        if f">{html.escape(title)}</a></h2>" in item:
            return item
    raise AssertionError(f"no hit titled {title!r}")


def role_chips(fragment: str) -> dict[str, str]:
    """Role chip text -> the query its link asks for."""
    found = re.findall(r'<a class="chip role [^"]*" href="([^"]*)"[^>]*>([^<]*)</a>', fragment)
    return {html.unescape(text): query_of(html.unescape(href)) for href, text in found}


def titles(client: Any, query: str) -> set[str]:
    hits = client.get("/api/search", params={"q": query, "limit": 50}).json()["hits"]
    return {h["title"] for h in hits}


def test_a_hit_has_role_chips_that_add_the_claim_group(roles_client: Any) -> None:
    page = roles_client.get("/", params={"q": "claim:bombardment"})
    chips = role_chips(hit_html(page.text, "Hospital struck in Idlib"))
    assert chips["by Russia"] == "claim:bombardment claim:(bombardment AND by:Russia)"
    assert chips["in Idlib"] == "claim:bombardment claim:(bombardment AND in:Idlib)"


def test_following_a_role_chip_keeps_act_and_agent_together(roles_client: Any) -> None:
    # actor:Russia would also find the regime's shelling (Russia met Turkey there)
    assert "Shelling of Idlib" in titles(roles_client, "claim:bombardment actor:Russia")
    page = roles_client.get("/", params={"q": "claim:bombardment"})
    chips = role_chips(hit_html(page.text, "Hospital struck in Idlib"))
    assert titles(roles_client, chips["by Russia"]) == {"Hospital struck in Idlib", "Market struck in Aleppo"}
    assert titles(roles_client, chips["in Idlib"]) == {"Hospital struck in Idlib", "Shelling of Idlib"}
    followed = roles_client.get("/", params={"q": chips["by Russia"]})
    assert followed.status_code == 200 and "2 statements" in followed.text


def test_a_role_chip_already_in_the_query_removes_it(roles_client: Any) -> None:
    page = roles_client.get("/", params={"q": "hospital claim:(bombardment AND by:Russia)"})
    item = hit_html(page.text, "Hospital struck in Idlib")
    active = re.search(r'<a class="chip role by active" href="([^"]*)"', item)
    assert active is not None and query_of(html.unescape(active.group(1))) == "hospital"


def test_statement_page_lists_roles_and_marks_a_denial(roles_client: Any) -> None:
    page = roles_client.get("/statements/idlib-ru")
    assert role_chips(page.text)["by Russia"] == "claim:(bombardment AND by:Russia)"
    denial = roles_client.get("/statements/denial").text
    assert 'class="denied"' in denial
    (query,) = [q for text, q in role_chips(denial).items() if text.startswith("said by")]
    # a group skips denials unless asked: the chip asks, so it finds this statement
    assert query == "claim:(responsibility_attribution AND negated:true AND speaker:Russia)"
    assert titles(roles_client, query) == {"Moscow denies"}
    assert 'class="denied"' not in roles_client.get("/statements/idlib-ru").text


def test_by_facet_panel_links_add_by(roles_client: Any) -> None:
    page = roles_client.get("/", params={"q": "claim:bombardment"})
    panel = page.text.split('data-facet="by"', 1)
    assert len(panel) == 2, "no by facet panel"
    links = [query_of(h) for h in hrefs(panel[1].split("</details>", 1)[0], "facet-value")]
    assert 'claim:bombardment by:"Russia"' in links and 'claim:bombardment by:"Assad regime"' in links
    assert titles(roles_client, 'claim:bombardment by:"Russia"') == {"Hospital struck in Idlib",
                                                                     "Market struck in Aleppo"}
    assert "attributed to" in page.text.split("<summary>Filter by", 1)[1].split("</summary>", 1)[0]


HOSTILE = 'Hay\'at "Tahrir" <b>al-Sham</b> \\ OR'


def test_hostile_role_names_are_escaped_and_quoted(roles_app: Any, roles_client: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from query import parse_query

    role = {"name": HOSTILE, "field": "body", "start": 0, "end": 3, "text": "<i>x</i>"}
    statement = {**roles_app.state.searcher.get("idlib-ru"), "claims": [
        {"type": "killing", "types": ["killing"], "sentence": "Evil text.", "by": [role], "in": [role],
         "against": [], "speaker": [], "negated": False}]}
    monkeypatch.setattr(roles_app.state.searcher, "get", lambda _id: statement)
    page = roles_client.get("/statements/evil").text
    assert "<b>al-Sham</b>" not in page and "<i>x</i>" not in page
    chips = role_chips(page)
    expected = 'claim:(killing AND by:"Hay\'at \\"Tahrir\\" <b>al-Sham</b> \\\\ OR")'
    assert chips[f"by {HOSTILE}"] == expected
    parse_query(expected)
    roles_client.get("/api/search", params={"q": expected}).raise_for_status()


def test_hit_view_role_chips() -> None:
    from query.web._pages import SearchState, hit_view

    claims = [
        {"types": ["bombardment"], "sentence": "a", "by": [{"name": "Assad regime", "text": "the regime"}],
         "in": [{"name": "Deir ez-Zor"}], "against": [{"name": "OR"}], "speaker": [], "negated": False},
        {"types": ["bombardment"], "sentence": "b", "by": [{"name": "Assad regime"}],
         "in": [{"name": "Deir ez-Zor"}], "against": [{"name": "OR"}], "negated": False},  # same roles: once
        {"types": ["killing"], "sentence": "no roles", "by": [], "in": []},  # nothing to add: left out
    ]
    hit = Hit(id="x", rank=1, score=1.0, title="t", date=None, publisher=None, url=None, claims=claims)
    view = hit_view(SearchState(q="bombs OR shells"), hit)
    (claim,) = view["claims"]
    assert [(c.text, query_of(c.href)) for c in claim["roles"]] == [
        ("by Assad regime", '(bombs OR shells) claim:(bombardment AND by:"Assad regime")'),
        ("against OR", '(bombs OR shells) claim:(bombardment AND against:"OR")'),
        ("in Deir ez-Zor", '(bombs OR shells) claim:(bombardment AND in:"Deir ez-Zor")'),
    ]
    assert claim["denied"] is False and "the regime" in claim["roles"][0].note
