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
