"""A village read far from everything else the text names is left out.

The Syrian village table (GeoNames, ``places_sy_geonames.tsv``) names many
small places after ordinary words and family names: ``the Mallah and Handarat
fronts`` near Aleppo reads as Malah, a village in Suwayda 400 km away. A
weak reading is left out rather than resolved to a far-away place (issue 18,
item 4): a village of that table named once, whose nearest other named place
with coordinates lies more than :data:`FAR_KM` away and whose governorate
the text does not name, is dropped. Curated places are trusted; a village
near any other place of the text stays.
"""

from __future__ import annotations

import math

from indexer.extraction.gazetteer import Gazetteer
from indexer.extraction.gazetteer_types import NameSpan

__all__ = ["FAR_KM", "drop_far_villages"]

#: Farther than this from every other named place, a table village is a misreading.
FAR_KM = 100.0
#: The rank of the generated Syrian village table (curated files rank higher).
_TABLE_RANK = 1
_KINDS = frozenset("village town".split())


def _km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def drop_far_villages(places: list[NameSpan], gazetteer: Gazetteer) -> list[NameSpan]:
    """``places`` (one text's name spans) without the table villages named once
    and lying far from all its other places."""
    if len(places) < 2:
        return places
    counts: dict[str, int] = {}
    for span in places:
        counts[span[0]] = counts.get(span[0], 0) + 1
    table = gazetteer.places
    suspects = [name for name, n in counts.items() if n == 1 and (p := table.get(name)) is not None
                and p.rank == _TABLE_RANK and p.kind in _KINDS]
    if not suspects:
        return places
    info = {name: gazetteer.place_info(name) for name in counts}
    located = {name: i for name, i in info.items()
               if i is not None and i.get("kind") != "country" and "lat" in i}
    drop = set()
    for name in suspects:
        if not set(gazetteer.parents(name)[:-1]).isdisjoint(counts):
            continue  # its governorate is named too ("Serghaya" with Rural Damascus)
        here = located.get(name)
        others = [i for other, i in located.items() if other != name and other not in drop]
        if here is not None and others and all(_km(here, i) > FAR_KM for i in others):
            drop.add(name)
    return [span for span in places if span[0] not in drop] if drop else places
