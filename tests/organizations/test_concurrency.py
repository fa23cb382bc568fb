"""Optimistic locking through the HTTP API: a stale ETag is refused."""

from __future__ import annotations


def test_patch_with_stale_etag_is_refused(client, keys, make_org):
    org = make_org()
    r = client.get(f"/api/v1/organizations/{org['id']}", headers=keys.curator)
    etag0 = r.headers["ETag"]
    r = client.patch(
        f"/api/v1/organizations/{org['id']}",
        json={"description": "Version zwei."},
        headers={**keys.curator, "If-Match": etag0},
    )
    assert r.status_code == 200, r.get_json()
    etag1 = r.headers["ETag"]
    assert etag1 and etag1 != etag0
    r = client.patch(
        f"/api/v1/organizations/{org['id']}",
        json={"description": "Version drei."},
        headers={**keys.curator, "If-Match": etag0},
    )
    assert r.status_code == 412
    r = client.get(f"/api/v1/organizations/{org['id']}", headers=keys.curator)
    assert r.get_json()["description"] == "Version zwei."
    assert r.headers["ETag"] == etag1
    r = client.patch(
        f"/api/v1/organizations/{org['id']}",
        json={"description": "Version drei."},
        headers={**keys.curator, "If-Match": etag1},
    )
    assert r.status_code == 200
    assert r.headers["ETag"] not in (etag0, etag1)
    assert r.get_json()["description"] == "Version drei."
