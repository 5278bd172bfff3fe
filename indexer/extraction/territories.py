"""Territories inside another country: Hong Kong in China, Puerto Rico in the United States.

ISO 3166-1 gives some territories a country code of their own (HK, PR, AW),
and the world table reads them as countries with no parent, so a statement
about arrests in Hong Kong was no statement in China for ``location:China``.
ISO 3166-2 lists the same territories a second time, as subdivisions of the
country they belong to, under the same two letters (``CN-HK`` Hong Kong SAR,
``US-PR`` Puerto Rico, ``NL-AW`` Aruba, ``FR-BL`` Saint-Barthelemy): that
second listing (``pycountry``'s bundled data) is the hierarchy used here.

Only the subdivision types ISO gives dependent territories count (special
administrative region, outlying area, overseas collectivity or region, a
kingdom's constituent country): two letters shared by chance with an
ordinary subdivision are no link (Guinea's prefecture Mali, ``GN-ML``), and
ISO's listing of Taiwan as a province of China (``CN-TW``) is a disputed
claim Sift does not take a side on.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["sovereign_code"]

#: ISO 3166-2 subdivision types that denote a territory with a country code of its own.
#: (Not "dependency": Mauritius's islands share letters with Romania and Antigua by chance.)
_TERRITORY_TYPES = ("special administrative region", "outlying area", "overseas", "country")


@lru_cache(maxsize=1)
def _sovereigns() -> dict[str, str]:
    import pycountry

    countries = {c.alpha_2 for c in pycountry.countries}
    out: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        code = sub.code.split("-", 1)[1]
        kind = (sub.type or "").lower()
        if code in countries and code != sub.country_code and sub.parent_code is None \
                and any(kind.startswith(t) for t in _TERRITORY_TYPES):
            out[code] = sub.country_code
    return out


def sovereign_code(code: str) -> str | None:
    """The ISO 3166-1 code of the country a territory belongs to (``HK`` ->
    ``CN``), or ``None`` for a country that belongs to none.

    >>> sovereign_code("HK"), sovereign_code("SY")
    ('CN', None)
    """
    return _sovereigns().get(code)
