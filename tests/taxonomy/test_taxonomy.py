"""The taxonomy's vocabularies, labels and municipality lookup, without the app."""

from __future__ import annotations

import json
import math
from importlib.resources import files

import pytest

from matchmaker.taxonomy import (
    DISTRICTS,
    OFFER_KINDS,
    ORGANIZATION_KINDS,
    STAGES,
    STATUSES,
    THEMES,
    Municipality,
    label,
    locate_municipality,
    taxonomy_document,
)

REGION_LAT, REGION_LON = (48.4, 49.2), (8.7, 10.1)


def _in_region(lat: float, lon: float) -> bool:
    return REGION_LAT[0] <= lat <= REGION_LAT[1] and REGION_LON[0] <= lon <= REGION_LON[1]


def _km(a: Municipality, b: Municipality) -> float:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians(a.lat))
    return 6371.0 * math.hypot(dlat, dlon)


def test_document_counts_and_shape():
    document = taxonomy_document()
    assert list(document) == [
        "themes",
        "districts",
        "organization_kinds",
        "stages",
        "offer_kinds",
        "statuses",
    ]
    assert len(document["themes"]) == 11
    assert [d["code"] for d in document["districts"]] == [
        "stuttgart",
        "boeblingen",
        "esslingen",
        "goeppingen",
        "ludwigsburg",
        "rems-murr",
    ]
    assert sum(len(d["municipalities"]) for d in document["districts"]) == 179
    assert [len(document[g]) for g in ("organization_kinds", "stages", "offer_kinds")] == [7, 6, 5]
    assert [s["code"] for s in document["statuses"]] == ["draft", "published", "archived"]
    for group in document.values():
        for entry in group:
            assert entry["de"] and entry["en"]
    # The public document carries no coordinates.
    assert {key for d in document["districts"] for key in d} == {
        "code",
        "de",
        "en",
        "seat",
        "municipalities",
    }
    json.dumps(document)  # serialisable


def test_document_matches_the_dicts():
    document = taxonomy_document()
    assert [t["code"] for t in document["themes"]] == list(THEMES)
    for district in document["districts"]:
        entry = DISTRICTS[district["code"]]
        assert district["seat"] == entry["seat"] and district["seat"] in entry["municipalities"]
        assert district["municipalities"] == entry["municipalities"]
    for group, vocabulary in [
        ("organization_kinds", ORGANIZATION_KINDS),
        ("stages", STAGES),
        ("offer_kinds", OFFER_KINDS),
        ("statuses", STATUSES),
    ]:
        assert [e["code"] for e in document[group]] == list(vocabulary)


def test_district_entries_keep_their_keys():
    for entry in DISTRICTS.values():
        assert list(entry) == ["de", "en", "seat", "lat", "lon", "municipalities"]
        assert _in_region(entry["lat"], entry["lon"])
        seat = locate_municipality(entry["seat"])
        assert seat is not None and (seat.lat, seat.lon) == (entry["lat"], entry["lon"])
    assert "keywords_de" not in THEMES["automotive_mobility"]


@pytest.mark.parametrize(
    ("group", "code", "lang", "expected"),
    [
        ("themes", "automotive_mobility", "de", "Automobil & Mobilität"),
        ("themes", "automotive_mobility", "en", "Automotive & Mobility"),
        ("themes", "it_ai", "de-DE", "IT & Künstliche Intelligenz"),
        ("districts", "boeblingen", "de", "Landkreis Böblingen"),
        ("districts", "rems-murr", "en", "Rems-Murr District"),
        ("organization_kinds", "public", "DE", "Öffentliche Einrichtung"),
        ("stages", "series_b_plus", "en", "Series B and later"),
        ("offer_kinds", "space", "fr", "Space & sites"),
        ("statuses", "published", "de", "Veröffentlicht"),
        ("statuses", "nonexistent", "de", "nonexistent"),
        ("nonexistent", "draft", "de", "draft"),
    ],
)
def test_label(group, code, lang, expected):
    assert label(group, code, lang) == expected


def test_label_defaults_to_english():
    assert label("stages", "growth") == "Growth"


@pytest.mark.parametrize(
    ("name", "expected", "district"),
    [
        ("Sindelfingen", "Sindelfingen", "boeblingen"),
        ("  weil der STADT ", "Weil der Stadt", "boeblingen"),
        ("Göppingen", "Göppingen", "goeppingen"),
        ("Goeppingen", "Göppingen", "goeppingen"),
        ("Nuertingen", "Nürtingen", "esslingen"),
        ("Großbottwar", "Großbottwar", "ludwigsburg"),
        ("Grossbottwar", "Großbottwar", "ludwigsburg"),
        ("Esslingen", "Esslingen am Neckar", "esslingen"),
        ("Wernau", "Wernau (Neckar)", "esslingen"),
        ("Eislingen", "Eislingen/Fils", "goeppingen"),
        ("Vaihingen an der Enz", "Vaihingen an der Enz", "ludwigsburg"),
        ("Stuttgart", "Stuttgart", "stuttgart"),
        ("Stuttgart-Vaihingen", "Stuttgart", "stuttgart"),
        ("Stuttgart Bad Cannstatt", "Stuttgart", "stuttgart"),
        # A full name wins over another municipality's short form (Weissach im Tal).
        ("Weissach", "Weissach", "boeblingen"),
    ],
)
def test_locate_municipality(name, expected, district):
    found = locate_municipality(name)
    assert found is not None
    assert (found.name, found.district) == (expected, district)
    assert _in_region(found.lat, found.lon)


@pytest.mark.parametrize("name", ["Vaihingen", "Altdorf", "Kirchheim", "Atlantis", "", "   "])
def test_unknown_or_ambiguous_names_give_none(name):
    assert locate_municipality(name) is None


def test_district_argument_resolves_homonyms():
    boeblingen = locate_municipality("Altdorf", district="boeblingen")
    esslingen = locate_municipality("altdorf", district="esslingen")
    assert boeblingen is not None and esslingen is not None
    assert (boeblingen.district, esslingen.district) == ("boeblingen", "esslingen")
    assert _km(boeblingen, esslingen) > 10
    kirchheim = locate_municipality("Kirchheim", district="ludwigsburg")
    assert kirchheim is not None and kirchheim.name == "Kirchheim am Neckar"
    vaihingen = locate_municipality("Vaihingen", district="ludwigsburg")
    assert vaihingen is not None and vaihingen.name == "Vaihingen an der Enz"
    weissach = locate_municipality("Weissach", district="rems-murr")
    assert weissach is not None and weissach.name == "Weissach im Tal"


def test_district_argument_restricts():
    assert locate_municipality("Sindelfingen", district="esslingen") is None
    assert locate_municipality("Stuttgart-Vaihingen", district="esslingen") is None
    assert locate_municipality("Sindelfingen", district="nonexistent") is None
    found = locate_municipality("Stuttgart-Vaihingen", district="stuttgart")
    assert found is not None and found.name == "Stuttgart"


def test_municipality_is_frozen():
    found = locate_municipality("Backnang")
    assert found == Municipality("Backnang", "rems-murr", found.lat, found.lon)
    with pytest.raises(AttributeError):
        found.lat = 0.0  # type: ignore[misc]


def test_every_municipality_resolves_inside_the_region():
    for code, entry in DISTRICTS.items():
        located = [locate_municipality(name, district=code) for name in entry["municipalities"]]
        assert all(m is not None for m in located), code
        exact = [m for m in located if not m.approximate]
        assert len(exact) > len(located) / 2, code
        centre = Municipality(
            "centre",
            code,
            sum(m.lat for m in exact) / len(exact),
            sum(m.lon for m in exact) / len(exact),
        )
        for municipality in located:
            assert municipality.district == code
            assert _in_region(municipality.lat, municipality.lon), municipality
            # Near the rest of its district: a homonym elsewhere would lie far off.
            assert _km(centre, municipality) < 30, municipality


def test_approximate_municipalities_get_their_district_mean():
    data = json.loads(
        files("matchmaker.taxonomy").joinpath("data/districts.json").read_text(encoding="utf-8")
    )
    assert "CC BY 4.0" in data["source"]["data"]
    missing = 0
    for code, district in data["districts"].items():
        located = [m for m in district["municipalities"] if "lat" in m]
        for entry in district["municipalities"]:
            found = locate_municipality(entry["name"], district=code)
            assert found is not None
            if "lat" in entry:
                assert entry["source"].startswith("geonames-cities")
                assert not found.approximate and (found.lat, found.lon) == (
                    entry["lat"],
                    entry["lon"],
                )
            else:
                missing += 1
                assert entry["missing"] and found.approximate
                assert found.lat == pytest.approx(sum(m["lat"] for m in located) / len(located))
                assert found.lon == pytest.approx(sum(m["lon"] for m in located) / len(located))
    assert 0 < missing < 20
