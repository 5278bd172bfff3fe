"""What the HTML pages show, computed from the library's results.

The templates stay dumb: every link, label and bar height is computed here
(no framework import, so these helpers are tested without a server). Text
from statements reaches templates as plain ``str`` and is escaped by Jinja;
only snippet passages rendered by ``query.passages.HTML`` and text marked
by ``query.web._markup`` (which escape everything themselves) are
``Markup``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from markupsafe import Markup

from indexer.fields import FACETS as FACET_SPECS
from indexer.fields import COLUMN_FIELDS, record_values

from query.results import Hit, SearchResults
from query.passages import HTML
from query.web._filters import (
    CLAIM_ROLES,
    add_filter,
    claim_group,
    clause,
    has_clause,
    narrow_to_period,
    remove_filter,
)

#: Hits per page on the search page.
PAGE_SIZE = 20
#: Facets shown on the search page, in order, with their panel titles
#: (from the field registry, ``indexer.fields``).
FACET_TITLES: dict[str, str] = {
    f.name: f.title for f in sorted(FACET_SPECS, key=lambda f: f.panel) if f.title is not None
}
#: The words before a role's name on its chip (``by Russia``, ``in Idlib``).
ROLE_WORDS: dict[str, str] = {"by": "by", "against": "against", "in": "in", "speaker": "said by"}
#: Claims with roles shown per hit (the statement page shows them all).
MAX_HIT_CLAIMS = 5
#: Above this many months the timeline shows years instead.
MAX_MONTH_BARS = 72


@dataclass(frozen=True)
class SearchState:
    """The query and the options of one search page view."""

    q: str = ""
    sort: str = "relevance"
    operator: str = "AND"
    page: int = 1

    def url(self, q: str | None = None, *, page: int = 1, **changes: str) -> str:
        """The search page URL for ``q`` (default: this query) with these
        options; non-default options only, so URLs stay readable."""
        params: dict[str, str] = {"q": self.q if q is None else q}
        sort = changes.get("sort", self.sort)
        operator = changes.get("operator", self.operator)
        if sort != "relevance":
            params["sort"] = sort
        if operator != "AND":
            params["operator"] = operator
        if page > 1:
            params["page"] = str(page)
        return "/?" + urlencode(params)

    def export_url(self, fmt: str) -> str:
        params = {"q": self.q, "format": fmt, "sort": self.sort, "operator": self.operator}
        return "/api/export?" + urlencode(params)

    def with_filter(self, filter_clause: str) -> str:
        return self.url(add_filter(self.q, filter_clause, self.operator))

    def without_filter(self, filter_clause: str) -> str:
        return self.url(remove_filter(self.q, filter_clause))


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else ``None`` (a statement's URL is
    data from the crawl: ``javascript:`` must never become a link).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)")
    ('https://example.org/a', None)
    """
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def statement_url(statement_id: str, q: str = "") -> str:
    """The statement page; ``q`` is kept for the way back to the results."""
    url = "/statements/" + quote(statement_id, safe="")
    return url + "?" + urlencode({"q": q}) if q else url


def label(value: str) -> str:
    """A claim type as words (``ethnic_cleansing`` -> ``ethnic cleansing``)."""
    return value.replace("_", " ")


@dataclass
class Chip:
    kind: str
    text: str
    href: str
    active: bool = False
    count: int | None = None
    #: What the chip stands for, for its tooltip (a role's evidence text).
    note: str = ""


def _chip(state: SearchState, kind: str, value: str, text: str | None = None, count: int | None = None) -> Chip:
    return _filter_chip(state, kind, clause(kind, value), text if text is not None else value, count)


def _filter_chip(state: SearchState, kind: str, filter_clause: str, text: str, count: int | None = None,
                 note: str = "") -> Chip:
    """A chip that adds ``filter_clause`` to the query, or removes it when
    the query already has it."""
    active = has_clause(state.q, filter_clause)
    href = state.without_filter(filter_clause) if active else state.with_filter(filter_clause)
    return Chip(kind, text, href, active, count, note)


def claim_views(state: SearchState, claims: list[dict[str, Any]], *, roles_only: bool = False) -> list[dict[str, Any]]:
    """Claims with a chip per role (``by Russia``, ``in Idlib``): clicking one
    adds the group that matches this claim, ``claim:(bombardment AND
    by:Russia)``, so the filter keeps the act and its agent together
    (issue 21). A denied claim is marked, and its chips ask for denials.

    :param roles_only: leave out claims with no role and no denial, and
        repeats (the hit list, where the claim types already have chips).
    """
    out: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for claim in claims:
        types = [t for t in (claim.get("types") or [claim.get("type")]) if t]
        main = types[0] if types else ""
        denied = claim.get("negated") is True
        roles = [
            (role, item) for role in CLAIM_ROLES for item in (claim.get(role) or [])
            if isinstance(item, dict) and item.get("name")
        ]
        key = (tuple(types), denied, tuple((role, item["name"]) for role, item in roles))
        if roles_only and (key in seen or not (roles or denied)):
            continue
        seen.add(key)
        chips = [
            _filter_chip(state, f"role {role}", claim_group(main, role, item["name"], negated=denied),
                         f"{ROLE_WORDS[role]} {item['name']}",
                         note=f"{role}: {item['name']}" + (f" (“{item['text']}”)" if item.get("text") else ""))
            for role, item in roles
        ]
        out.append({
            "sentence": claim.get("sentence") or "",
            "types": [_chip(state, "claim", t, label(t)) for t in types],
            "denied": denied,
            "roles": chips,
        })
    return out


def hit_view(state: SearchState, hit: Hit) -> dict[str, Any]:
    """One hit as the template shows it."""
    claim_types = list(dict.fromkeys(t for c in hit.claims for t in (c.get("types") or [c.get("type")]) if t))
    chips = [_chip(state, "actor", a) for a in hit.actors]
    chips += [_chip(state, "location", loc) for loc in hit.locations]
    chips += [_chip(state, "claim", t, label(t)) for t in claim_types]
    chips += registry_chips(state, hit.fields)
    return {
        "id": hit.id,
        "href": statement_url(hit.id, state.q),
        "rank": hit.rank,
        "title": hit.title or "(untitled)",
        "date": hit.date,
        "publisher": hit.publisher,
        "url": safe_url(hit.url),
        "raw_url": hit.url,
        "score": round(hit.score, 2),
        "snippets": [Markup(p.render(HTML)) for p in hit.passages],
        "chips": chips,
        "claims": claim_views(state, hit.claims, roles_only=True)[:MAX_HIT_CLAIMS],
        "copies": copy_views(state, hit.copies),
    }


def registry_chips(state: SearchState, values: dict[str, Any]) -> list[Chip]:
    """A chip per value of the registry's fields with a column of their own
    (``source: Reuters``, ``indexer.fields``), from a hit's or statement's values."""
    return [_chip(state, f.name, value, f"{f.name}: {value}")
            for f in COLUMN_FIELDS for value in record_values(values, f.column or "")]


def copy_views(state: SearchState, copies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A statement's reposted copies as the templates list them."""
    return [{"id": c["id"], "href": statement_url(c["id"], state.q), "date": c.get("date"),
             "publisher": c.get("publisher"), "url": safe_url(c.get("url"))} for c in copies]


def facet_views(state: SearchState, results: SearchResults) -> list[dict[str, Any]]:
    """The facet panels: title, values as chips, and whether values were cut."""
    panels = []
    for name, title in FACET_TITLES.items():
        facet = (results.facets or {}).get(name)
        if facet is None or not facet.values:
            continue
        chips = [
            _chip(state, name, value, label(value) if name == "claim" else value, count)
            for value, count in facet.values
        ]
        panels.append({"name": name, "title": title, "chips": chips, "truncated": facet.truncated})
    return panels


#: The timeline's SVG coordinate box (it scales to the page width).
TIMELINE_WIDTH, TIMELINE_HEIGHT = 600, 90
#: Widest bar, in SVG units (a few bars should not become slabs).
MAX_BAR_WIDTH = 40


@dataclass
class Timeline:
    """Bars of the timeline; ``by`` is ``month`` or ``year``.

    Each bar: ``period``, ``count``, ``href`` (``None`` when empty), its
    rectangle ``x, y, w, h`` and its clickable column ``slot_x, slot_w``
    (the whole column is a link, so short bars are easy to hit).
    """

    by: str
    bars: list[dict[str, Any]] = field(default_factory=list)
    peak: int = 0
    undated: int = 0
    width: int = TIMELINE_WIDTH
    height: int = TIMELINE_HEIGHT

    @property
    def first(self) -> str:
        return self.bars[0]["period"] if self.bars else ""

    @property
    def last(self) -> str:
        return self.bars[-1]["period"] if self.bars else ""


def timeline_view(state: SearchState, results: SearchResults) -> Timeline | None:
    """The timeline of matches by month (by year over a long span)."""
    months = results.histogram or []
    if not months:
        return None
    by = "month"
    periods: list[tuple[str, int]] = list(months)
    if len(periods) > MAX_MONTH_BARS:
        by = "year"
        years: dict[str, int] = {}
        for period, count in periods:
            years[period[:4]] = years.get(period[:4], 0) + count
        periods = list(years.items())
    peak = max(count for _p, count in periods) or 1
    slot = TIMELINE_WIDTH / len(periods)
    bar_w = min(MAX_BAR_WIDTH, slot * 0.8)
    bars = []
    for i, (period, count) in enumerate(periods):
        h = TIMELINE_HEIGHT * count / peak if count else 0
        if count:
            h = max(h, 2.0)  # a single match stays visible next to a peak
        bars.append({
            "period": period,
            "count": count,
            "href": state.url(narrow_to_period(state.q, period, state.operator)) if count else None,
            "x": round(i * slot + (slot - bar_w) / 2, 2),
            "w": round(bar_w, 2),
            "y": round(TIMELINE_HEIGHT - h, 2),
            "h": round(h, 2),
            "slot_x": round(i * slot, 2),
            "slot_w": round(slot, 2),
        })
    return Timeline(by, bars, peak, results.undated)


def page_links(state: SearchState, total: int, page_size: int = PAGE_SIZE) -> list[dict[str, Any]]:
    """Pagination: previous, a window of page numbers with gaps, next."""
    pages = max(1, -(-total // page_size))
    if pages == 1:
        return []
    current = min(state.page, pages)
    shown = sorted({1, pages, *range(max(1, current - 2), min(pages, current + 2) + 1)})
    links: list[dict[str, Any]] = []
    def link(text: str, number: int | None, rel: str = "") -> dict[str, Any]:
        href = state.url(page=number) if number is not None else None
        return {"text": text, "href": href, "rel": rel, "current": number == current and not rel}

    if current > 1:
        links.append(link("‹ Previous", current - 1, "prev"))
    last = 0
    for number in shown:
        if number - last > 1:
            links.append(link("…", None))
        links.append(link(str(number), number))
        last = number
    if current < pages:
        links.append(link("Next ›", current + 1, "next"))
    return links


def stats_view(state: SearchState, stats: dict[str, Any]) -> dict[str, Any]:
    """The landing page: index size and its most frequent names as chips."""
    groups = []
    for key, kind, title in (("actors", "actor", "Actors"), ("locations", "location", "Locations"),
                             ("claims", "claim", "Claims")):
        values = stats.get(key) or []
        chips = [_chip(state, kind, v, label(v) if kind == "claim" else v, c) for v, c in values]
        if chips:
            groups.append({"title": title, "chips": chips})
    return {
        "statements": stats.get("statements", 0),
        "first_date": stats.get("first_date"),
        "last_date": stats.get("last_date"),
        "undated": stats.get("undated", 0),
        "publishers": len(stats.get("publishers") or []),
        "groups": groups,
    }
