"""Municipalities of the region by name: their district and coordinates (GeoNames)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from math import fsum

from matchmaker.taxonomy._data import load

__all__ = ["Municipality", "locate_municipality", "place_names"]


@dataclass(frozen=True)
class Municipality:
    """A municipality of the region; `approximate` when lat/lon is its district's mean."""

    name: str
    district: str
    lat: float
    lon: float
    approximate: bool = False


def _normalise(name: str) -> str:
    # casefold() already turns "ß" into "ss"; umlauts are spelled out so that
    # "Goeppingen" finds "Göppingen".
    folded = name.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return " ".join(folded.split())


# "Esslingen" for "Esslingen am Neckar", "Wernau" for "Wernau (Neckar)", "Eislingen" for
# "Eislingen/Fils".
_SHORT_FORM = re.compile(r"\s*(?:/|\(| am | an der | unter | im | auf den ).*$")
# Short forms that would mislead: "Vaihingen" alone usually means Stuttgart-Vaihingen. They
# resolve only together with a district ("Vaihingen" in Ludwigsburg: Vaihingen an der Enz).
_MISLEADING_SHORT_FORMS = frozenset({"vaihingen"})
_CITY = "stuttgart"


def _load_municipalities() -> list[Municipality]:
    municipalities: list[Municipality] = []
    for code, district in load("districts")["districts"].items():
        entries = district["municipalities"]
        located = [e for e in entries if e.get("lat") is not None]
        # Found in no GeoNames table: the mean of the district's located municipalities.
        mean_lat = round(fsum(e["lat"] for e in located) / len(located), 5)
        mean_lon = round(fsum(e["lon"] for e in located) / len(located), 5)
        for entry in entries:
            if entry.get("lat") is None:
                municipalities.append(
                    Municipality(entry["name"], code, mean_lat, mean_lon, approximate=True)
                )
            else:
                municipalities.append(Municipality(entry["name"], code, entry["lat"], entry["lon"]))
    return municipalities


def _build_indexes(
    municipalities: list[Municipality],
) -> tuple[dict[str, list[Municipality]], dict[str, list[Municipality]]]:
    full: dict[str, list[Municipality]] = {}
    short: dict[str, list[Municipality]] = {}
    for municipality in municipalities:
        key = _normalise(municipality.name)
        full.setdefault(key, []).append(municipality)
        short_key = _normalise(_SHORT_FORM.sub("", municipality.name))
        if short_key != key:
            short.setdefault(short_key, []).append(municipality)
    return full, short


_MUNICIPALITIES = _load_municipalities()
_FULL, _SHORT = _build_indexes(_MUNICIPALITIES)


def place_names() -> tuple[str, ...]:
    """Every municipality's name as written, and its short form ("Esslingen am Neckar",
    "Esslingen"): names that a text keeps as they are, untranslated."""
    names = {m.name for m in _MUNICIPALITIES}
    names |= {_SHORT_FORM.sub("", m.name) for m in _MUNICIPALITIES}
    return tuple(sorted(name for name in names if name))


def locate_municipality(name: str, district: str | None = None) -> Municipality | None:
    """Return a municipality of the region with its coordinates, or None if unknown or ambiguous.

    The lookup ignores case, extra whitespace and umlaut spelling ("Goeppingen"), and also
    accepts the common short form of a name ("Esslingen", "Wernau", "Eislingen") and Stuttgart's
    boroughs ("Stuttgart-Vaihingen", "Stuttgart Bad Cannstatt"). A full name wins over another
    municipality's short form ("Weissach" is Weissach, not Weissach im Tal). "Altdorf" exists in
    the districts of Böblingen and Esslingen and yields None unless `district` (a district code)
    says which; "Vaihingen" alone yields None. With `district`, only that district's
    municipalities are considered. For a municipality that no GeoNames table lists, lat/lon is
    the mean of its district's other municipalities and `approximate` is True.
    """
    key = _normalise(name)
    # City boroughs are written "Stuttgart-Vaihingen" or "Stuttgart Bad Cannstatt".
    if key.startswith((f"{_CITY}-", f"{_CITY} ")):
        key = _CITY
    tables = [_FULL.get(key, [])]
    if district is not None or key not in _MISLEADING_SHORT_FORMS:
        tables.append(_SHORT.get(key, []))
    for candidates in tables:
        if district is not None:
            candidates = [c for c in candidates if c.district == district]
        if candidates:
            # The same name in two districts ("Altdorf") cannot be resolved: None.
            return candidates[0] if len(candidates) == 1 else None
    return None
