"""Where a place no data locates lies, roughly: at its gazetteer parent, or at
the place the text names nearest to it in the text's main country
(``Kwazuri, near Aleppo``; ``the village of Kafr Awid`` in a text about Idlib).

A village, a neighbourhood or a camp the text introduces by its own cue
(``indexer.extraction.kind_places``, ``relative_places``, ``unknown_towns``)
has no coordinates; a reader of the record, or a query by area, still wants
to know where it is. Its record takes the kind its mention gave and the
coordinates and country of its first located parent in the gazetteer, else
of the nearest located mention of a smaller place in the country most of the
text's places lie in (one in its sentence first; of another country only
close to it there), else of that country, and
says which place those are (``"approximate": "Aleppo"``). A leaf: it reads
the records and evidence only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

__all__ = ["approximate_places"]

#: The kinds a mention gives that such a record may take.
_KINDS = frozenset(("city", "region", "subdivision"))
#: Characters within which a place of another country than the text's main one is its
#: neighbour's place (``Hatla town near Albu Kamal``; not a list of summits' cities).
_CLOSE = 60


def approximate_places(names: list[str], info: dict[str, dict[str, Any] | None], kinds: dict[str, str],
                       evidence: dict[str, list[Any]], parents: Callable[[str], list[str]]) -> dict[str, dict[str, Any]]:
    """``{name: record}`` for the ``names`` without ``info`` whose mention
    ``kinds`` gives a place's kind: ``{"kind", "lat", "lon", "country",
    "approximate": <the located place they come from>}``; ``evidence``: each
    name's items ``[field, start, end, sentence start, sentence end]``;
    ``parents``: a place's gazetteer parents, nearest first."""
    known = {name: where for name, where in info.items() if where is not None and where.get("lat") is not None}
    if not known:
        return {}
    weight: Counter[str | None] = Counter()
    for name, where in known.items():
        weight[where.get("country")] += sum(isinstance(i, list) for i in evidence.get(name, ()))
    main = max(weight, key=lambda c: (weight[c], c is not None, str(c)))
    located = [(name, where.get("country") == main, item) for name, where in known.items() if where["kind"] != "country"
               for item in evidence.get(name, ()) if isinstance(item, list)]
    country = next((name for name, where in known.items() if where["kind"] == "country" and where.get("country") == main),
                   None)
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        kind = kinds.get(name)
        if info.get(name) is not None or kind not in _KINDS:
            continue
        parent = next((p for p in parents(name) if p in known), None)
        if parent is None:
            mention = next((i for i in evidence.get(name, ()) if isinstance(i, list)), None)
            if mention is None:
                continue
            # (one in its sentence, of any country; else one in the main country)
            near = [(item[3] != mention[3], abs(item[1] - mention[1]), other)
                    for other, in_main, item in located if item[0] == mention[0]
                    and (in_main or item[3] == mention[3] and abs(item[1] - mention[1]) <= _CLOSE)]
            parent = min(near)[2] if near else country
        if parent is None:
            continue
        where = known[parent]
        out[name] = {"kind": kind, "lat": where["lat"], "lon": where["lon"], "country": where.get("country"),
                     "approximate": parent}
    return out
