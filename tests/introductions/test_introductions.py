"""Introductions through the HTTP API: the moderated flow and contact visibility."""

from __future__ import annotations


def test_introduction_flow_and_contact_visibility(client, keys, make_org):
    a = make_org(name="Voltwerk GmbH")
    b = make_org(
        name="Seed Angels Stuttgart",
        kind="investor",
        stage=None,
        contact={"name": "Bea Angel", "email": "bea@angels.example"},
    )
    member_a, member_b = keys.member(a["id"]), keys.member(b["id"])

    r = client.get(f"/api/v1/organizations/{b['id']}", headers=member_a)
    assert r.status_code == 200
    assert "contact" not in r.get_json()

    r = client.post(
        "/api/v1/introductions",
        json={"from_organization_id": a["id"], "to_organization_id": b["id"], "message": "Hallo"},
        headers=member_a,
    )
    assert r.status_code == 201, r.get_json()
    intro = r.get_json()
    assert intro["status"] == "requested"

    r = client.get(f"/api/v1/organizations/{b['id']}", headers=member_a)
    assert "contact" not in r.get_json()

    r = client.patch(
        f"/api/v1/introductions/{intro['id']}", json={"status": "accepted"}, headers=member_a
    )
    assert r.status_code == 403
    r = client.get(f"/api/v1/introductions/{intro['id']}", headers=member_b)
    assert r.get_json()["status"] == "requested"

    r = client.patch(
        f"/api/v1/introductions/{intro['id']}", json={"status": "accepted"}, headers=member_b
    )
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["status"] == "accepted"

    r = client.get(f"/api/v1/organizations/{b['id']}", headers=member_a)
    assert r.status_code == 200
    assert r.get_json()["contact"]["email"] == "bea@angels.example"


def test_declined_introduction_cannot_complete(client, keys, make_org):
    a = make_org(name="Voltwerk GmbH")
    c = make_org(
        name="Zulieferer Böblingen",
        kind="established",
        stage=None,
        contact={"name": "Carl Zu", "email": "carl@zulieferer.example"},
    )
    r = client.post(
        "/api/v1/introductions",
        json={"from_organization_id": a["id"], "to_organization_id": c["id"]},
        headers=keys.member(a["id"]),
    )
    assert r.status_code == 201, r.get_json()
    intro_id = r.get_json()["id"]
    r = client.patch(
        f"/api/v1/introductions/{intro_id}",
        json={"status": "declined"},
        headers=keys.member(c["id"]),
    )
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["status"] == "declined"
    r = client.patch(
        f"/api/v1/introductions/{intro_id}", json={"status": "completed"}, headers=keys.curator
    )
    assert r.status_code == 409
    r = client.get(f"/api/v1/introductions/{intro_id}", headers=keys.curator)
    assert r.get_json()["status"] == "declined"
    # a declined introduction does not reveal the contact
    r = client.get(f"/api/v1/organizations/{c['id']}", headers=keys.member(a["id"]))
    assert "contact" not in r.get_json()


def test_introduction_requests_refused(client, keys, make_org):
    a = make_org(name="Voltwerk GmbH")
    b = make_org(name="Seed Angels Stuttgart", kind="investor", stage=None)
    c = make_org(name="Zulieferer Böblingen", kind="established", stage=None)
    member_a = keys.member(a["id"])
    r = client.post(
        "/api/v1/introductions",
        json={"from_organization_id": a["id"], "to_organization_id": a["id"]},
        headers=member_a,
    )
    assert r.status_code == 422
    r = client.post(
        "/api/v1/introductions",
        json={"from_organization_id": b["id"], "to_organization_id": c["id"]},
        headers=member_a,
    )
    assert r.status_code == 403
    r = client.post(
        "/api/v1/introductions",
        json={"from_organization_id": a["id"], "to_organization_id": b["id"]},
        headers=keys.reader,
    )
    assert r.status_code == 403
    r = client.get("/api/v1/introductions", headers=keys.curator)
    assert r.get_json()["items"] == []
