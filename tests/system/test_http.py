"""HTTP semantics a generated client and a cache rely on: Location on 201, 304 for a current
If-None-Match, Vary and Content-Language where the answer depends on the language,
Retry-After only where it is advice, one error shape with `errors`, 415 without a
Content-Type, 404 before 401 for unknown paths."""

from __future__ import annotations

from tests.conftest import offer_payload, org_payload


def test_created_resources_say_where_they_are(client, keys, make_org):
    r = client.post("/api/v1/organizations", json=org_payload(), headers=keys.curator)
    assert r.status_code == 201
    assert r.headers["Location"] == f"/api/v1/organizations/{r.get_json()['id']}"
    assert client.get(r.headers["Location"], headers=keys.curator).status_code == 200
    r = client.post("/api/v1/offers", json=offer_payload(), headers=keys.curator)
    assert r.headers["Location"] == f"/api/v1/offers/{r.get_json()['id']}"
    assert "Retry-After" not in r.headers


def test_if_none_match_answers_304_while_current(client, keys, make_org):
    org = make_org()
    url = f"/api/v1/organizations/{org['id']}"
    tag = client.get(url, headers=keys.reader).headers["ETag"]
    r = client.get(url, headers={**keys.reader, "If-None-Match": tag})
    assert r.status_code == 304 and r.headers["ETag"] == tag and not r.get_data()
    client.patch(url, json={"description": "Neu."}, headers=keys.curator)
    assert client.get(url, headers={**keys.reader, "If-None-Match": tag}).status_code == 200


def test_language_dependent_answers_say_so(client, keys, make_org):
    org = make_org()
    r = client.get(
        f"/api/v1/organizations/{org['id']}/matches",
        headers={**keys.reader, "Accept-Language": "de-DE"},
    )
    assert r.headers["Content-Language"] == "de"
    assert "Accept-Language" in r.headers["Vary"]
    r = client.get(f"/api/v1/organizations/{org['id']}", headers=keys.reader)
    assert "Content-Language" not in r.headers


def test_every_error_has_the_one_shape(client, keys):
    for response in (
        client.get("/api/v1/organizations"),  # 401
        client.get("/api/v1/organizations/org_x", headers=keys.reader),  # 404
        client.get("/api/v1/nowhere"),  # 404, not 401: an unknown path needs no key
    ):
        body = response.get_json()
        assert {"code", "status", "message", "errors"} <= set(body), body
    assert client.get("/api/v1/nowhere").status_code == 404


def test_malformed_and_untyped_bodies_are_named(client, keys):
    r = client.post(
        "/api/v1/organizations",
        data="{nope",
        content_type="application/json",
        headers=keys.curator,
    )
    assert r.status_code == 400 and r.get_json()["message"] == "The body is not valid JSON."
    r = client.post("/api/v1/organizations", data=b'{"name": "x"}', headers=keys.curator)
    assert r.status_code == 415 and r.get_json()["errors"] == {}
