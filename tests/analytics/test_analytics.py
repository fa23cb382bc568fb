"""Analytics through the HTTP API: coverage and gaps for ecosystem managers."""

from __future__ import annotations


def test_analytics_coverage_and_gaps(client, keys, make_org, make_offer):
    make_org()
    make_org(
        name="Quantenfirma",
        kind="research",
        stage=None,
        themes=["quantum"],
        needs=["Kryostat für Tieftemperaturmessungen"],
        offers=[],
        description="Quantencomputing-Forschung.",
    )
    make_offer()
    r = client.get("/api/v1/analytics/coverage", headers=keys.curator)
    assert r.status_code == 200, r.get_json()
    coverage = r.get_json()
    assert {"totals", "cells", "by_theme", "districts"} <= set(coverage)
    assert coverage["totals"] == {"organizations": 2, "offers": 1}
    quantum = next(t for t in coverage["by_theme"] if t["theme"] == "quantum")
    assert quantum["organizations"] == 1 and quantum["offers"] == 0

    r = client.get("/api/v1/analytics/gaps?threshold=0.99", headers=keys.curator)
    assert r.status_code == 200, r.get_json()
    gaps = r.get_json()
    assert {"threshold", "organizations_checked", "groups"} <= set(gaps)
    assert gaps["threshold"] == 0.99
    assert gaps["organizations_checked"] == 2
    assert "quantum" in {g["theme"] for g in gaps["groups"]}

    r = client.get("/api/v1/analytics/gaps?format=svg&threshold=0.99", headers=keys.curator)
    assert r.status_code == 200
    assert r.mimetype == "image/svg+xml"
    assert r.get_data(as_text=True).startswith("<svg")

    for path in ("/api/v1/analytics/coverage", "/api/v1/analytics/gaps"):
        assert client.get(path, headers=keys.reader).status_code == 403


def test_coverage_counts_only_open_offers(client, keys, make_org, make_offer):
    make_org()
    make_offer(title="Offenes Programm")
    make_offer(title="Abgelaufenes Programm", deadline="2020-01-31", themes=["quantum"])
    make_offer(title="Entwurf", status="draft", themes=["quantum"])
    r = client.get("/api/v1/analytics/coverage", headers=keys.curator)
    assert r.status_code == 200
    coverage = r.get_json()
    quantum = next(t for t in coverage["by_theme"] if t["theme"] == "quantum")
    assert quantum["offers"] == 0
    assert coverage["totals"]["offers"] == 1


def test_gaps_count_needs_with_shares_and_never_a_pair_that_meets_each_other(
    client, keys, make_org
):
    base = {"stage": None, "kind": "established", "contact": None, "location": None}
    a = make_org(
        **base,
        name="Chassis Test Co",
        languages=["en"],
        description="We test suspension parts for carmakers.",
        themes=["automotive_mobility"],
        offers=["Prüfstand für Fahrwerkskomponenten"],
        needs=["AI-based visual inspection for cast parts", "Kryostat für Quantensensoren"],
    )
    b = make_org(
        **base,
        name="Gussblick KI GmbH",
        description="Optische Prüfung mit KI für Gießereien.",
        themes=["automotive_mobility", "it_ai"],
        offers=["KI-gestützte optische Qualitätsprüfung für Gussteile"],
        needs=["Prüfstand für Fahrwerkskomponenten"],
    )
    body = client.get("/api/v1/analytics/gaps", headers=keys.curator).get_json()
    assert body["organizations_checked"] == 2 and body["needs_checked"] == 3
    assert body["unmet_needs"] == 1  # only the cryostat: the two meet each other's needs
    automotive = next(g for g in body["groups"] if g["theme"] == "automotive_mobility")
    assert automotive["count"] == 1 and automotive["needs"] == 3
    assert automotive["share"] == round(1 / 3, 3)
    assert [e["need"] for e in automotive["examples"]] == ["Kryostat für Quantensensoren"]
    assert {e["organization_id"] for e in automotive["examples"]} == {a["id"]}
    assert b["id"] not in {e["organization_id"] for g in body["groups"] for e in g["examples"]}
    assert set(body["threshold"]) == {"organizations", "offers"}
    svg = client.get(
        "/api/v1/analytics/gaps?format=svg", headers={**keys.curator, "Accept-Language": "de"}
    ).get_data(as_text=True)
    assert "Ungedeckte Bedarfe nach Themenfeld" in svg
    assert "2 veröffentlichten Organisationen (3 Bedarfe)" in svg and "Stand " in svg
    assert "1 von 3 (33 %)" in svg
    svg_en = client.get("/api/v1/analytics/gaps?format=svg", headers=keys.curator).get_data(
        as_text=True
    )
    assert "Share of the stated needs of 2 published organisations (3 needs)" in svg_en
