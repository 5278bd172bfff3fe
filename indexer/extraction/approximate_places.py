"""Where a place no data knows lies, roughly: at the place the text names
nearest to it (``Kwazuri, near Aleppo``; ``the village of Kafr Awid`` in a
text about Idlib).

A village, a neighbourhood or a camp the text introduces by its own cue
(``indexer.extraction.kind_places``, ``relative_places``, ``unknown_towns``)
has no coordinates; a reader of the record, or a query by area, still wants
to know where it is. Its record takes the kind the cue gave and the
coordinates and country of its nearest located mention (one of its sentence
first, a smaller place before a country; elsewhere only when all the text's
places lie in one country), and says which place those are
(``"approximate": "Aleppo"``). A leaf: it reads the records and evidence only.
"""

from __future__ import annotations

from typing import Any

__all__ = ["approximate_places"]

#: The kinds a cue gives that such a record may take.
_KINDS = frozenset(("city", "region", "subdivision"))


def approximate_places(names: list[str], info: dict[str, dict[str, Any] | None], kinds: dict[str, str],
                       evidence: dict[str, list[Any]]) -> dict[str, dict[str, Any]]:
    """``{name: record}`` for the ``names`` without ``info`` whose mention
    ``kinds`` gives a place's kind: ``{"kind", "lat", "lon", "country",
    "approximate": <the located place they come from>}``; ``evidence``: each
    name's items ``[field, start, end, sentence start, sentence end]``."""
    located = [(name, item) for name, where in info.items() if where is not None and where.get("lat") is not None
               for item in evidence.get(name, ()) if isinstance(item, list)]
    out: dict[str, dict[str, Any]] = {}
    if not located:
        return out
    for name in names:
        kind = kinds.get(name)
        if info.get(name) is not None or kind not in _KINDS:
            continue
        mention = next((i for i in evidence.get(name, ()) if isinstance(i, list)), None)
        if mention is None:
            continue
        field, start, _, sentence = mention[0], mention[1], mention[2], mention[3]
        near = [(item[3] != sentence, info[other]["kind"] == "country", abs(item[1] - start), other)  # type: ignore[index]
                for other, item in located if item[0] == field]
        if not near or min(near)[0] and len({info[o]["country"] for o, _ in located}) > 1:  # type: ignore[index]
            continue  # (none in its sentence, and the text's places lie in several countries)
        parent = min(near)[3]
        where = info[parent]
        assert where is not None
        out[name] = {"kind": kind, "lat": where["lat"], "lon": where["lon"], "country": where.get("country"),
                     "approximate": parent}
    return out
