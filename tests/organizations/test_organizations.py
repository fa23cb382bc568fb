"""Organisations through the HTTP API: validation, visibility, ETags, pagination, filters."""

import pytest

from tests.conftest import org_payload


def test_create_returns_record_with_etag_and_defaults(client, keys):
    r = client.post(
        "/api/v1/organizations",
        json=org_payload(status=None) | {"status": "draft"},
        headers=keys.curator,
    )
    assert r.status_code == 201
    body = r.get_json()
    assert body["id"].startswith("org_")
    assert body["status"] == "draft"
    assert body["contact"]["email"] == "erika@voltwerk.example"
    assert r.headers["ETag"]
    assert body["created_at"] and body["updated_at"]


@pytest.mark.parametrize(
    "change, field",
    [
        ({"kind": "spaceship"}, "kind"),
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"themes": ["cooking"]}, "themes"),
        ({"stage": "seed", "kind": "research"}, "stage"),
        ({"location": {"district": "berlin"}}, "location"),
        ({"location": {"postal_code": "7000"}}, "location"),
        ({"offers": ["x" * 301]}, "offers"),
        ({"needs": ["n"] * 21}, "needs"),
        ({"contact": {"email": "not-an-email"}}, "contact"),
        ({"website": "not a url"}, "website"),
        ({"founded_year": 1500}, "founded_year"),
        ({"unknown_field": 1}, "unknown_field"),
    ],
)
def test_invalid_input_names_the_field_and_writes_nothing(client, keys, change, field):
    r = client.post("/api/v1/organizations", json=org_payload(**change), headers=keys.curator)
    assert r.status_code == 422, r.get_json()
    body = r.get_json()
    assert body["code"] == 422 and body["status"] and "message" in body
    assert field in body["errors"]["json"]
    listing = client.get("/api/v1/organizations", headers=keys.curator).get_json()
    assert listing["total"] == 0


def test_missing_required_fields(client, keys):
    r = client.post("/api/v1/organizations", json={}, headers=keys.curator)
    assert r.status_code == 422
    assert {"name", "kind"} <= set(r.get_json()["errors"]["json"])


def test_malformed_json_and_oversized_body(client, keys):
    r = client.post(
        "/api/v1/organizations",
        data="{not json",
        headers=keys.curator,
        content_type="application/json",
    )
    assert r.status_code in (400, 422)
    assert "message" in r.get_json() or "errors" in r.get_json()
    big = org_payload(description="x" * 2_000_000)
    r = client.post("/api/v1/organizations", json=big, headers=keys.curator)
    assert r.status_code == 413
    assert r.get_json()["code"] == 413


def test_reader_sees_published_only_and_never_contact(client, keys, make_org):
    published = make_org()
    draft = make_org(name="Hidden Draft GmbH", status="draft")
    r = client.get(f"/api/v1/organizations/{draft['id']}", headers=keys.reader)
    assert r.status_code == 404
    r = client.get(f"/api/v1/organizations/{published['id']}", headers=keys.reader)
    assert r.status_code == 200 and "contact" not in r.get_json()
    listing = client.get("/api/v1/organizations", headers=keys.reader).get_json()
    assert [o["id"] for o in listing["items"]] == [published["id"]]
    assert all("contact" not in o for o in listing["items"])
    curator_listing = client.get("/api/v1/organizations", headers=keys.curator).get_json()
    assert curator_listing["total"] == 2


def test_member_edits_only_own_organisation_and_not_status(client, keys, make_org):
    own = make_org()
    other = make_org(name="Other AG", external_id="other")
    member = keys.member(own["id"])
    r = client.patch(
        f"/api/v1/organizations/{own['id']}", json={"description": "Neu."}, headers=member
    )
    assert r.status_code == 200 and r.get_json()["description"] == "Neu."
    assert r.get_json()["contact"]["email"]  # own contact is visible to the member
    r = client.patch(
        f"/api/v1/organizations/{other['id']}", json={"description": "x"}, headers=member
    )
    assert r.status_code == 403
    r = client.patch(f"/api/v1/organizations/{own['id']}", json={"verified": False}, headers=member)
    assert r.status_code == 403 and "verified" in r.get_json()["errors"]["json"]
    r = client.get(f"/api/v1/organizations/{other['id']}", headers=member)
    assert r.status_code == 200 and "contact" not in r.get_json()


def test_etag_if_match_and_put(client, keys, make_org):
    org = make_org()
    r = client.get(f"/api/v1/organizations/{org['id']}", headers=keys.curator)
    etag = r.headers["ETag"]
    r = client.patch(
        f"/api/v1/organizations/{org['id']}",
        json={"name": "Renamed"},
        headers={**keys.curator, "If-Match": etag},
    )
    assert r.status_code == 200
    new_etag = r.headers["ETag"]
    assert new_etag != etag
    r = client.patch(
        f"/api/v1/organizations/{org['id']}",
        json={"name": "Lost update"},
        headers={**keys.curator, "If-Match": etag},
    )
    assert r.status_code == 412
    assert (
        client.get(f"/api/v1/organizations/{org['id']}", headers=keys.curator).get_json()["name"]
        == "Renamed"
    )
    r = client.put(
        f"/api/v1/organizations/{org['id']}",
        json=org_payload(name="Full"),
        headers={**keys.curator, "If-Match": new_etag},
    )
    assert r.status_code == 200 and r.get_json()["name"] == "Full"
    r = client.put(
        f"/api/v1/organizations/{org['id']}", json={"name": "no kind"}, headers=keys.curator
    )
    assert r.status_code == 422 and "kind" in r.get_json()["errors"]["json"]


def test_external_id_unique(client, keys, make_org):
    make_org(external_id="crm-1")
    r = client.post(
        "/api/v1/organizations", json=org_payload(external_id="crm-1"), headers=keys.curator
    )
    assert r.status_code == 409
    assert "external_id" in r.get_json()["errors"]["json"]


def test_pagination_and_filters(client, keys, make_org):
    make_org(
        name="Alpha Robotics", kind="startup", themes=["it_ai"], location={"district": "stuttgart"}
    )
    make_org(
        name="Beta Maschinenbau",
        kind="established",
        stage=None,
        themes=["mechanical_engineering_production"],
        location={"district": "goeppingen"},
        description="Sondermaschinenbau für die Automobilindustrie.",
    )
    make_org(
        name="Gamma Labs",
        kind="research",
        stage=None,
        themes=["quantum", "it_ai"],
        location={"district": "stuttgart"},
    )
    h = keys.reader
    page = client.get("/api/v1/organizations?page_size=2&page=1", headers=h).get_json()
    assert page["total"] == 3 and len(page["items"]) == 2 and page["pages"] == 2
    page2 = client.get("/api/v1/organizations?page_size=2&page=2", headers=h).get_json()
    assert len(page2["items"]) == 1
    ids = {o["id"] for o in page["items"]} | {o["id"] for o in page2["items"]}
    assert len(ids) == 3

    def names(query):
        body = client.get(f"/api/v1/organizations?{query}", headers=h).get_json()
        return sorted(o["name"] for o in body["items"])

    assert names("theme=it_ai") == ["Alpha Robotics", "Gamma Labs"]
    assert names("district=goeppingen") == ["Beta Maschinenbau"]
    assert names("kind=research") == ["Gamma Labs"]
    assert names("stage=seed") == ["Alpha Robotics"]
    assert names("q=sondermaschinenbau") == ["Beta Maschinenbau"]
    assert names("q=gamma") == ["Gamma Labs"]


@pytest.mark.parametrize(
    "query, param",
    [
        ("page_size=101", "page_size"),
        ("page=0", "page"),
        ("theme=cooking", "theme"),
        ("kind=alien", "kind"),
        ("colour=red", "colour"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_bad_query_parameters(client, keys, query, param):
    r = client.get(f"/api/v1/organizations?{query}", headers=keys.reader)
    assert r.status_code == 422
    assert param in r.get_json()["errors"]["query"]


def test_delete(client, keys, make_org):
    org = make_org()
    assert (
        client.delete(f"/api/v1/organizations/{org['id']}", headers=keys.reader).status_code == 403
    )
    assert (
        client.delete(f"/api/v1/organizations/{org['id']}", headers=keys.curator).status_code == 204
    )
    assert client.get(f"/api/v1/organizations/{org['id']}", headers=keys.curator).status_code == 404


def test_authentication(client, keys, make_org):
    assert client.get("/api/v1/organizations").status_code == 401
    r = client.get("/api/v1/organizations", headers={"Authorization": "Bearer mm_bad_token"})
    assert r.status_code == 401 and r.get_json()["code"] == 401
    assert "WWW-Authenticate" in r.headers
