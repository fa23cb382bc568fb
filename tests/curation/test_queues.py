"""Curator queues and merging duplicates, through the HTTP API."""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.organizations.models import Organization


def test_stale_queue_lists_profiles_not_updated_for_a_year(app, client, keys, make_org):
    old = make_org(name="Old Profile GmbH", external_id="old")
    make_org(name="Fresh Profile GmbH", external_id="fresh")
    with app.app_context():
        db.session.execute(
            sa.update(Organization)
            .where(Organization.id == old["id"])
            .values(updated_at=datetime.now(UTC) - timedelta(days=400))
        )
        db.session.commit()
    body = client.get("/api/v1/curation/stale", headers=keys.curator).get_json()
    assert [o["id"] for o in body["items"]] == [old["id"]] and body["total"] == 1
    client.patch(
        f"/api/v1/organizations/{old['id']}",
        json={"description": "Aktualisiert."},
        headers=keys.curator,
    )
    assert client.get("/api/v1/curation/stale", headers=keys.curator).get_json()["total"] == 0


def test_duplicate_candidates_by_name_domain_and_vectors(client, keys, make_org):
    a = make_org(
        name="Voltwerk Batterietechnik GmbH",
        external_id="a",
        website="https://www.voltwerk.example/",
    )
    b = make_org(name="Voltwerk Batterietechnik", external_id="b", website=None)
    c = make_org(
        name="Completely Different AG", external_id="c", website="https://voltwerk.example/kontakt"
    )
    d = make_org(
        name="Unrelated Bakery",
        external_id="d",
        website="https://bakery.example",
        description="Brot und Brötchen aus Fellbach.",
        offers=["Brot"],
        needs=["Mehl"],
    )
    candidates = client.get(
        f"/api/v1/organizations/{a['id']}/duplicates", headers=keys.curator
    ).get_json()["items"]
    by_id = {c_["id"]: c_ for c_ in candidates}
    assert any("similar name" in r for r in by_id[b["id"]]["reasons"])
    assert any("same website domain" in r for r in by_id[c["id"]]["reasons"])
    assert d["id"] not in by_id
    queue = client.get("/api/v1/curation/duplicates", headers=keys.curator).get_json()["items"]
    pairs = [set(p["organization_ids"]) for p in queue]
    assert {a["id"], b["id"]} in pairs and {a["id"], c["id"]} in pairs
    assert all(d["id"] not in p for p in pairs)


def test_merge_moves_offers_feedback_introductions_and_keeps_history(
    client, keys, make_org, make_offer
):
    survivor = make_org(
        name="Voltwerk GmbH", external_id="voltwerk", website=None, needs=["Seed-Finanzierung"]
    )
    duplicate = make_org(
        name="Voltwerk",
        external_id=None,
        website="https://voltwerk.example",
        needs=["Laborfläche in Esslingen"],
    )
    partner = make_org(name="Partner AG", external_id="partner", kind="investor", stage=None)
    offer = make_offer(provider_id=duplicate["id"])
    client.post(
        f"/api/v1/organizations/{duplicate['id']}/feedback",
        json={"candidate_id": partner["id"], "verdict": "not_relevant"},
        headers=keys.curator,
    )
    intro = client.post(
        "/api/v1/introductions",
        json={"from_organization_id": partner["id"], "to_organization_id": duplicate["id"]},
        headers=keys.curator,
    ).get_json()
    client.patch(
        f"/api/v1/organizations/{survivor['id']}", json={"description": "v2"}, headers=keys.curator
    )

    r = client.post(
        f"/api/v1/organizations/{survivor['id']}/merge",
        json={"duplicate_id": duplicate["id"]},
        headers=keys.curator,
    )
    assert r.status_code == 200, r.get_json()
    merged = r.get_json()
    assert merged["website"] == "https://voltwerk.example"  # filled from the duplicate
    assert merged["needs"] == ["Seed-Finanzierung", "Laborfläche in Esslingen"]
    assert (
        client.get(f"/api/v1/organizations/{duplicate['id']}", headers=keys.curator).status_code
        == 404
    )
    assert (
        client.get(f"/api/v1/offers/{offer['id']}", headers=keys.curator).get_json()["provider_id"]
        == survivor["id"]
    )
    moved = client.get(f"/api/v1/introductions/{intro['id']}", headers=keys.curator).get_json()
    assert moved["to_organization_id"] == survivor["id"]
    counts = client.get(
        f"/api/v1/organizations/{survivor['id']}/feedback", headers=keys.curator
    ).get_json()["counts"]
    assert counts["not_relevant"] == 1
    matches = client.get(
        f"/api/v1/organizations/{survivor['id']}/matches", headers=keys.curator
    ).get_json()["items"]
    assert partner["id"] not in [m["id"] for m in matches]  # the dismissal moved too
    history = client.get(
        f"/api/v1/audit?entity_id={survivor['id']}", headers=keys.curator
    ).get_json()["items"]
    assert [e["action"] for e in history] == ["create", "update", "merge"]
    r = client.post(
        f"/api/v1/organizations/{survivor['id']}/merge",
        json={"duplicate_id": survivor["id"]},
        headers=keys.curator,
    )
    assert r.status_code == 422 and "duplicate_id" in r.get_json()["errors"]["json"]
    r = client.post(
        f"/api/v1/organizations/{survivor['id']}/merge",
        json={"duplicate_id": partner["id"]},
        headers=keys.member(survivor["id"]),
    )
    assert r.status_code == 403
