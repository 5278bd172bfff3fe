"""Place-name recognition (and resolution) on a geoparsing corpus (issue 18, item 9).

Usage::

    python -m benchmarks.geo_recognition [--data ../shared/data/geo/lgl.xml] [--limit N]
                                         [--out FILE] [--details]

Scored per mention, as the geoparsing literature does (Gritta et al. 2019,
"A pragmatic guide to geoparsing evaluation"): each article's text is
extracted as ``sift extract`` does (no title: the corpus's text already
starts with it), every span Sift gives as evidence for a location is a
predicted mention, and a predicted mention is a true positive when it
overlaps a gold toponym's span, each gold toponym counting at most once
(``scoring.match_spans``). Precision, recall and F1 are reported x100.

A place name used for its state (``Russia vetoed``, ``Washington said``) is
an actor in Sift's output, of type ``state``; it is still a place name that
Sift recognised, and the field's guides count such metonymic uses as
toponyms (Gritta et al. 2019), so by default those actor spans are mentions
too, when their text is a place name (``the Kremlin``, ``the White House``
stand for a state but are no toponyms; ``--every-state-span`` counts them as
before); ``--places-only`` leaves them all out.

Sift's evidence keeps at most ``indexer.extraction.extract.MAX_EVIDENCE`` spans per
name and statement: further mentions of a place named more often than that
are invisible here and count as misses; the report says how many names hit
the cap. Inferred parent places have no span and are not mentions.

LGL's guidelines mark what Sift's written conventions
(``benchmarks/gold/CONVENTIONS.md``) leave out: demonyms (``American``,
``Palestinians``), streets and roads (``Main Street``, ``Highway 19``), a
place before ``-based``/``-led``... and a place opening an organisation's
name (``Gainesville Riding Club``). Every gold toponym counts in the main
figures; a second row scores without those classes (and without Sift's
mentions on them), each class counted (``--details`` lists them too).

Resolution: the share of correctly recognised gold mentions with gold
coordinates whose predicted coordinates lie within 161 km of them. It is
"n/a" while no place in Sift's output carries coordinates; they are read
from the evidence item or the place (``lat``/``lon``, ``latitude``/
``longitude`` or ``coordinates`` as ``[lat, lon]``), see ``coordinates``.

Corpus format: the XML of Gritta et al.'s release of LGL (``<article>`` with
``<text>`` and ``<toponyms>``, each ``<toponym>`` with ``start``, ``end``,
``phrase`` and an optional ``<gaztag>`` with ``lat``/``lon``). Without the
file (a user's machine has no ``../shared``) it says so and exits 0.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import indexer.extraction.extract
from benchmarks import SHARED_DATA, write_json
from benchmarks.scoring import Counts, Span, match_spans, overlaps
from benchmarks.sift_run import TextRecord, extract_records

DEFAULT_DATA = SHARED_DATA / "geo" / "lgl.xml"
#: The field's usual threshold for a correct resolution ("accuracy@161km", 100 miles).
RESOLVED_KM = 161.0
_EARTH_KM = 6371.0088

LatLon = tuple[float, float]


@dataclass(frozen=True)
class Toponym:
    """A gold place mention: its span in the article's text and coordinates."""

    start: int
    end: int
    phrase: str
    point: LatLon | None = None


@dataclass
class Article:
    """An article of the corpus with its gold toponyms."""

    id: str
    text: str
    toponyms: list[Toponym] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """A place mention Sift predicts: span, canonical name, coordinates if any."""

    start: int
    end: int
    name: str
    point: LatLon | None = None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def load_toponym_xml(path: Path, limit: int | None = None) -> list[Article]:
    """Articles of a Gritta-style toponym XML file (LGL), at most ``limit``."""
    articles: list[Article] = []
    for node in ET.parse(path).getroot().iter("article"):
        if limit is not None and len(articles) >= limit:
            break
        article = Article(node.get("docid") or str(len(articles)), node.findtext("text") or "")
        for top in node.iter("toponym"):
            gaz = top.find("gaztag")
            lat = _float(gaz.findtext("lat")) if gaz is not None else None
            lon = _float(gaz.findtext("lon")) if gaz is not None else None
            point = (lat, lon) if lat is not None and lon is not None else None
            article.toponyms.append(Toponym(int(top.findtext("start") or 0), int(top.findtext("end") or 0),
                                            top.findtext("phrase") or "", point))
        articles.append(article)
    return articles


def coordinates(item: Mapping[str, Any]) -> LatLon | None:
    """The coordinates an output object carries, if any: ``lat``/``lon``
    (or ``latitude``/``longitude``/``lng``) or ``coordinates`` as ``[lat,
    lon]`` or as an object with those keys."""
    lat = next((item[k] for k in ("lat", "latitude") if k in item), None)
    lon = next((item[k] for k in ("lon", "lng", "longitude") if k in item), None)
    if lat is None or lon is None:
        value = item.get("coordinates")
        if isinstance(value, Mapping):
            return coordinates(value)
        if isinstance(value, (list, tuple)) and len(value) == 2:
            lat, lon = value
    try:
        return (float(lat), float(lon)) if lat is not None and lon is not None else None
    except (TypeError, ValueError):
        return None


def _place_points(record: Mapping[str, Any]) -> dict[str, LatLon]:
    """Coordinates of places given as objects in ``locations`` or ``places``."""
    points: dict[str, LatLon] = {}
    for key in ("locations", "places"):
        value = record.get(key)
        entries = value.items() if isinstance(value, Mapping) else (
            (v.get("name"), v) for v in value or [] if isinstance(v, Mapping))
        for name, entry in entries:
            point = coordinates(entry) if isinstance(entry, Mapping) else None
            if name and point:
                points.setdefault(str(name), point)
    return points


def predicted_mentions(record: Mapping[str, Any], shift: int = 0, *, states: bool = True,
                       place_name: Callable[[str], bool] | None = None) -> list[Mention]:
    """The body spans of a ``sift extract`` record's location evidence (and, with
    ``states``, of its actors of type ``state``: place names used for their state,
    only those whose text ``place_name`` accepts when given: ``the Kremlin``,
    ``the State Department`` stand for a state but name no place), moved by
    ``shift`` characters (the text the reader stripped), one per span."""
    points = _place_points(record)
    seen: dict[Span, Mention] = {}
    if states:
        types = record.get("actor_types", {})
        for name, items in record.get("evidence", {}).get("actors", {}).items():
            if types.get(name) != "state":
                continue
            for item in items:
                if place_name is not None and isinstance(item, Mapping) and not place_name(str(item.get("text", ""))):
                    continue
                if isinstance(item, Mapping) and "start" in item and item.get("field", "body") == "body":
                    span = (item["start"] + shift, item["end"] + shift)
                    seen[span] = Mention(span[0], span[1], name, None)
    for name, items in record.get("evidence", {}).get("locations", {}).items():
        for item in items:
            if not isinstance(item, Mapping) or "start" not in item or item.get("field", "body") != "body":
                continue
            span = (item["start"] + shift, item["end"] + shift)
            if span not in seen:
                seen[span] = Mention(span[0], span[1], name, coordinates(item) or points.get(name))
    return sorted(seen.values(), key=lambda m: (m.start, m.end))


def distance_km(a: LatLon, b: LatLon) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(math.sqrt(min(1.0, h)))


@dataclass
class ArticleScore:
    """Recognition counts of one article, and the resolution of its hits."""

    counts: Counts
    misses: list[Toponym]
    false_positives: list[Mention]
    errors_km: list[float | None]  # per hit with gold coordinates; None: Sift gave none


def score_article(article: Article, mentions: list[Mention]) -> ArticleScore:
    """Match ``mentions`` to the article's toponyms by span overlap."""
    gold = article.toponyms
    pairs = match_spans([(m.start, m.end) for m in mentions], [(t.start, t.end) for t in gold])
    hit = set(pairs.values())
    errors: list[float | None] = []
    for i, j in sorted(pairs.items()):
        truth, guess = gold[j].point, mentions[i].point
        if truth is not None:
            errors.append(distance_km(guess, truth) if guess is not None else None)
    return ArticleScore(
        Counts(tp=len(pairs), fp=len(mentions) - len(pairs), fn=len(gold) - len(pairs)),
        misses=[t for j, t in enumerate(gold) if j not in hit],
        false_positives=[m for i, m in enumerate(mentions) if i not in pairs],
        errors_km=errors,
    )


#: Last words of a street's or road's name (LGL marks streets; Sift's conventions do not).
_STREET_WORDS = frozenset("street st st. streets road rd rd. avenue ave ave. drive dr dr. boulevard blvd blvd. "
                          "lane ln ln. highway hwy parkway pkwy pike turnpike bypass trafficway".split())
_ROAD_NUMBER = re.compile(r"^(?:highway|hwy\.?|interstate|route|i|us|u\.s\.|sr|state route|fm|cr|ky|county road)[- ]?\d",
                          re.IGNORECASE)
_MODIFIER_AFTER = re.compile(r"^-(?:based|backed|led|funded|brokered|sponsored)\b")


def convention_class(article: Article, toponym: Toponym, demonyms: Mapping[str, str],
                     organisations: list[Span]) -> str | None:
    """The class of a gold toponym that Sift's written conventions leave out
    (``demonym``, ``street``, ``modifier``: ``Texas-based``,
    ``organisation``: inside a longer organisation name Sift found), or
    ``None`` for a place the conventions count."""
    phrase = " ".join(toponym.phrase.split())
    key = phrase.lower()
    if key in demonyms or key.endswith("s") and key[:-1] in demonyms:
        return "demonym"
    words = key.split()
    if words and (words[-1] in _STREET_WORDS or _ROAD_NUMBER.match(key)):
        return "street"
    if _MODIFIER_AFTER.match(article.text[toponym.end:toponym.end + 12]):
        return "modifier"
    span = (toponym.start, toponym.end)
    if any(s <= span[0] and span[1] <= e and (s, e) != span for s, e in organisations):
        return "organisation"
    return None


def evaluate(path: Path, limit: int | None = None, details: bool = False, *, states: bool = True,
             every_state_span: bool = False) -> dict[str, Any]:
    """Extract every article of ``path`` and score recognition and resolution."""
    place_name = None if every_state_span else _place_name_test()
    demonyms = _demonyms()
    kept_total = Counts()
    excluded: dict[str, list[int]] = {}  # class -> [gold toponyms, of them missed]
    cap = getattr(indexer.extraction.extract, "MAX_EVIDENCE", math.inf)  # evidence spans kept per name
    articles = load_toponym_xml(path, limit)
    extracted, errors = extract_records(TextRecord(a.id, "", a.text) for a in articles)
    total = Counts()
    errors_km: list[float | None] = []
    any_point = False
    capped = span_mismatches = as_actor = 0
    per_article = []
    for article in articles:
        record = extracted.get(article.id)
        if record is None:
            continue
        shift = len(article.text) - len(article.text.lstrip())  # the reader strips the text
        mentions = predicted_mentions(record, shift, states=states, place_name=place_name)
        span_mismatches += sum(article.text[m.start:m.end] != _evidence_text(record, m, shift)
                               for m in mentions if m.point is not None or not states)
        capped += sum(len(items) >= cap for items in record.get("evidence", {}).get("locations", {}).values())
        any_point = any_point or any(m.point for m in mentions)
        score = score_article(article, mentions)
        total += score.counts
        classes = [convention_class(article, t, demonyms, _organisation_spans(record, shift)) for t in article.toponyms]
        missed = set(score.misses)
        for t, c in zip(article.toponyms, classes):
            if c is not None:
                excluded.setdefault(c, [0, 0])[0] += 1
                excluded[c][1] += t in missed
        left_out = [(t.start, t.end) for t, c in zip(article.toponyms, classes) if c is not None]
        kept = Article(article.id, article.text, [t for t, c in zip(article.toponyms, classes) if c is None])
        kept_total += score_article(kept, [m for m in mentions if not any(
            overlaps((m.start, m.end), span) for span in left_out)]).counts
        errors_km.extend(score.errors_km)
        actors = _actor_spans(record, shift)
        as_actor += sum(any(overlaps(span, (t.start, t.end)) for span in actors) for t in score.misses)
        if details:
            per_article.append({"id": article.id,
                                "misses": [t.phrase + "".join(f" (actor {n})" for (s, e), n in actors.items()
                                                              if overlaps((s, e), (t.start, t.end)))
                                           for t in score.misses],
                                "false_positives": [f"{article.text[m.start:m.end]} ({m.name})" for m in score.false_positives]})
    resolved = [e for e in errors_km if e is not None]
    result: dict[str, Any] = {
        "corpus": str(path), "articles": len(articles), "gold_mentions": total.tp + total.fn,
        "predicted_mentions": total.tp + total.fp,
        **{k: v for k, v in total.as_json().items()},
        **{f"{k}_x100": (None if v is None else round(100 * v, 1))
           for k, v in (("precision", total.precision), ("recall", total.recall), ("f1", total.f1))},
        "resolution": {
            "scored_hits": len(errors_km),
            "accuracy_161km": round(sum(e <= RESOLVED_KM for e in resolved) / len(errors_km), 4)
            if any_point and errors_km else None,
            "median_error_km": round(sorted(resolved)[len(resolved) // 2], 1) if resolved else None,
        },
        "by_conventions": {
            "excluded_gold": {k: {"gold": v[0], "missed": v[1]} for k, v in sorted(excluded.items())},
            **{k: v for k, v in kept_total.as_json().items()},
            **{f"{k}_x100": (None if v is None else round(100 * v, 1))
               for k, v in (("precision", kept_total.precision), ("recall", kept_total.recall),
                            ("f1", kept_total.f1))},
        },
        "misses_read_as_actors": as_actor,
        "names_at_evidence_cap": capped,
        "span_mismatches": span_mismatches,
        "errors": errors,
    }
    if details:
        result["details"] = per_article
    return result


def _place_name_test() -> Callable[[str], bool]:
    """Whether a text names a place or opens with one or its demonym (``US State
    Department``, ``Israeli officials``: LGL marks adjectival toponyms), as
    Sift's gazetteer knows them; ``the Kremlin`` names none."""
    from indexer.extraction.gazetteer import Gazetteer

    gaz = Gazetteer.load()

    def place_name(text: str) -> bool:
        words = text.split()
        return bool(words) and (gaz.canonical_location(text) is not None
                                or gaz.canonical_location(words[0]) is not None
                                or words[0].lower() in gaz.demonyms
                                or " ".join(words[:2]).lower() in gaz.demonyms)

    return place_name


def _demonyms() -> Mapping[str, str]:
    from indexer.extraction.gazetteer import Gazetteer

    return Gazetteer.load().demonyms


def _organisation_spans(record: Mapping[str, Any], shift: int) -> list[Span]:
    """Body spans of the actors that are no state (organisations, groups, media...)."""
    types = record.get("actor_types", {})
    return [span for span, name in _actor_spans(record, shift).items() if types.get(name) not in ("state", "person")]


def _actor_spans(record: Mapping[str, Any], shift: int) -> dict[Span, str]:
    """Body spans of the actors (a missed place read as an actor: ``Washington said``)."""
    return {(i["start"] + shift, i["end"] + shift): name
            for name, items in record.get("evidence", {}).get("actors", {}).items()
            for i in items if isinstance(i, Mapping) and "start" in i and i.get("field", "body") == "body"}


def _evidence_text(record: Mapping[str, Any], mention: Mention, shift: int) -> str | None:
    for item in record.get("evidence", {}).get("locations", {}).get(mention.name, []):
        if isinstance(item, Mapping) and item.get("start") == mention.start - shift:
            text = item.get("text")
            return str(text) if text is not None else None
    return None


def format_report(result: Mapping[str, Any]) -> str:
    """The markdown table of a run, and its notes."""
    def x100(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f}"
    res = result["resolution"]
    conv = result["by_conventions"]
    acc = "n/a (no coordinates in Sift's output)" if res["accuracy_161km"] is None else \
        f"{100 * res['accuracy_161km']:.1f} (median error {res['median_error_km']} km)"
    return "\n".join([
        "| articles | gold mentions | predicted | TP | FP | FN | P | R | F1 | resolution acc@161km |",
        "|---|---|---|---|---|---|---|---|---|---|",
        f"| {result['articles']} | {result['gold_mentions']} | {result['predicted_mentions']} | {result['tp']} "
        f"| {result['fp']} | {result['fn']} | {x100(result['precision_x100'])} | {x100(result['recall_x100'])} "
        f"| {x100(result['f1_x100'])} | {acc} ({res['scored_hits']} hits with gold coordinates) |",
        "",
        "Without the gold toponyms Sift's conventions leave out ("
        + ", ".join(f"{k} {v['gold']} ({v['missed']} missed)" for k, v in conv["excluded_gold"].items())
        + "), and Sift's mentions on them:",
        "",
        "| TP | FP | FN | P | R | F1 |",
        "|---|---|---|---|---|---|",
        f"| {conv['tp']} | {conv['fp']} | {conv['fn']} | {x100(conv['precision_x100'])} "
        f"| {x100(conv['recall_x100'])} | {x100(conv['f1_x100'])} |",
        "",
        f"missed toponyms Sift gives as actors: {result['misses_read_as_actors']}; "
        f"names at the evidence cap (further mentions unseen): {result['names_at_evidence_cap']}; "
        f"evidence spans not matching the text: {result['span_mismatches']}",
    ])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.geo_recognition", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="toponym XML corpus (LGL)")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--out", type=Path, help="write the results as JSON to this file")
    parser.add_argument("--details", action="store_true", help="per article: missed toponyms and false positives")
    parser.add_argument("--places-only", action="store_true",
                        help="count only location mentions, not place names Sift read as their state (actor)")
    parser.add_argument("--every-state-span", action="store_true",
                        help="count every span of a state actor (also the Kremlin, the White House), "
                             "as before 2026-12-06 (2)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: no corpus at {args.data} (third-party data, only on developers' machines)")
        return 0
    result = evaluate(args.data, args.limit, details=args.details, states=not args.places_only,
                      every_state_span=args.every_state_span)
    for error in result["errors"]:
        print(f"error: {error}", file=sys.stderr)
    if args.details:
        for a in result["details"]:
            if a["misses"] or a["false_positives"]:
                print(f"## {a['id']}\n  missed: {'; '.join(a['misses']) or '-'}\n  wrong:  {'; '.join(a['false_positives']) or '-'}")
        print()
    print(format_report(result))
    write_json(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
