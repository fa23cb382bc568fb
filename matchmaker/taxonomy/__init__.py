"""Controlled vocabularies of the Stuttgart region: themes, districts, kinds, stages, statuses."""

from __future__ import annotations

from typing import Any

from matchmaker.taxonomy._data import load
from matchmaker.taxonomy.places import Municipality, locate_municipality, place_names

__all__ = [
    "THEMES",
    "DISTRICTS",
    "ORGANIZATION_KINDS",
    "STAGES",
    "OFFER_KINDS",
    "STATUSES",
    "Municipality",
    "label",
    "locate_municipality",
    "place_names",
    "taxonomy_document",
]


def _vocabulary(group: str) -> dict[str, dict]:
    return {code: dict(entry) for code, entry in load("vocabularies")[group].items()}


# Labels live in data/vocabularies.json, districts with their municipalities (and GeoNames
# coordinates, see its "source") in data/districts.json.
THEMES: dict[str, dict] = _vocabulary("themes")

DISTRICTS: dict[str, dict] = {
    code: {
        "de": entry["de"],
        "en": entry["en"],
        "seat": entry["seat"],
        "lat": entry["lat"],
        "lon": entry["lon"],
        "municipalities": [municipality["name"] for municipality in entry["municipalities"]],
    }
    for code, entry in load("districts")["districts"].items()
}

ORGANIZATION_KINDS: dict[str, dict] = _vocabulary("organization_kinds")
STAGES: dict[str, dict] = _vocabulary("stages")
OFFER_KINDS: dict[str, dict] = _vocabulary("offer_kinds")
STATUSES: dict[str, dict] = _vocabulary("statuses")

_GROUPS: dict[str, dict[str, dict]] = {
    "themes": THEMES,
    "districts": DISTRICTS,
    "organization_kinds": ORGANIZATION_KINDS,
    "stages": STAGES,
    "offer_kinds": OFFER_KINDS,
    "statuses": STATUSES,
}


def label(group: str, code: str, lang: str = "en") -> str:
    """Return the German or English label of a code, or the code itself when it is unknown."""
    entry = _GROUPS.get(group, {}).get(code)
    if entry is None:
        return code
    # Accept "de-DE" and the like; anything but German falls back to English.
    key = "de" if lang.lower().startswith("de") else "en"
    return str(entry[key])


def taxonomy_document() -> dict[str, list[dict[str, Any]]]:
    """Return every vocabulary with its labels as a JSON-serialisable document."""
    document: dict[str, list[dict[str, Any]]] = {
        "themes": [
            {"code": code, "de": entry["de"], "en": entry["en"]} for code, entry in THEMES.items()
        ],
        "districts": [
            {
                "code": code,
                "de": entry["de"],
                "en": entry["en"],
                "seat": entry["seat"],
                "municipalities": list(entry["municipalities"]),
            }
            for code, entry in DISTRICTS.items()
        ],
    }
    for group in ("organization_kinds", "stages", "offer_kinds", "statuses"):
        document[group] = [
            {"code": code, "de": entry["de"], "en": entry["en"]}
            for code, entry in _GROUPS[group].items()
        ]
    return document
