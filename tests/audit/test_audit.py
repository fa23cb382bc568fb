"""The audit log through the HTTP API: who changed what, for curators only."""

from __future__ import annotations

import json


def test_audit_lists_create_and_update_with_actor_and_diff(client, keys, make_org):
    org = make_org()
    r = client.patch(
        f"/api/v1/organizations/{org['id']}",
        json={"description": "Neue Beschreibung."},
        headers=keys.curator,
    )
    assert r.status_code == 200, r.get_json()
    r = client.get(f"/api/v1/audit?entity_id={org['id']}", headers=keys.curator)
    assert r.status_code == 200, r.get_json()
    items = r.get_json()["items"]
    assert [i["action"] for i in items] == ["create", "update"]
    assert {i["actor"] for i in items} == {"test-curator"}
    assert all(i["entity_id"] == org["id"] for i in items)
    update = items[1]["changes"]
    assert update["description"] == {
        "before": "Wir entwickeln Prüfstände für Batteriezellen in Esslingen.",
        "after": "Neue Beschreibung.",
    }
    assert "name" not in update
    assert items[0]["changes"]["name"]["after"] == "Voltwerk GmbH"


def test_audit_needs_curator_and_entity_id(client, keys, make_org):
    org = make_org()
    r = client.get(f"/api/v1/audit?entity_id={org['id']}", headers=keys.reader)
    assert r.status_code == 403
    r = client.get(f"/api/v1/audit?entity_id={org['id']}", headers=keys.member(org["id"]))
    assert r.status_code == 403
    r = client.get("/api/v1/audit", headers=keys.curator)
    assert r.status_code == 422
    assert "entity_id" in json.dumps(r.get_json()["errors"])
