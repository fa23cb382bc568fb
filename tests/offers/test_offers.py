"""Offers through the HTTP API."""

import pytest

from tests.conftest import offer_payload


def test_offer_crud_and_provider(client, keys, make_org, make_offer):
    provider = make_org(kind="investor", stage=None, name="Seed Angels")
    offer = make_offer(provider_id=provider["id"])
    assert offer["provider_id"] == provider["id"]
    assert offer["eligibility"]["stages"] == ["pre_seed", "seed"]
    r = client.patch(
        f"/api/v1/offers/{offer['id']}", json={"amount_eur_max": 250000}, headers=keys.curator
    )
    assert r.status_code == 200 and r.get_json()["amount_eur_max"] == 250000
    r = client.post(
        "/api/v1/offers", json=offer_payload(provider_id="org_missing"), headers=keys.curator
    )
    assert r.status_code == 422 and "provider_id" in r.get_json()["errors"]["json"]
    assert client.delete(f"/api/v1/offers/{offer['id']}", headers=keys.curator).status_code == 204
    assert client.get(f"/api/v1/offers/{offer['id']}", headers=keys.curator).status_code == 404


@pytest.mark.parametrize(
    "change, field",
    [
        ({"kind": "gift"}, "kind"),
        ({"deadline": "31.12.2027"}, "deadline"),
        ({"eligibility": {"kinds": ["martian"]}}, "eligibility"),
        ({"amount_eur_max": -1}, "amount_eur_max"),
        ({"title": None}, "title"),
    ],
)
def test_offer_validation(client, keys, change, field):
    r = client.post("/api/v1/offers", json=offer_payload(**change), headers=keys.curator)
    assert r.status_code == 422 and field in r.get_json()["errors"]["json"]


def test_member_offers_are_drafts_of_own_organisation(client, keys, make_org):
    org = make_org()
    member = keys.member(org["id"])
    r = client.post(
        "/api/v1/offers", json=offer_payload(provider_id=org["id"], status="draft"), headers=member
    )
    assert r.status_code == 201 and r.get_json()["status"] == "draft"
    r = client.post("/api/v1/offers", json=offer_payload(provider_id=org["id"]), headers=member)
    assert r.status_code == 403  # status published is the curators' call
    r = client.post("/api/v1/offers", json=offer_payload(status="draft"), headers=member)
    assert r.status_code == 403  # no provider: not theirs


def test_offer_list_filters(client, keys, make_offer):
    make_offer(title="Laborflächen Esslingen", kind="space", deadline=None)
    make_offer(title="Old call", kind="cooperation", deadline="2020-01-01")
    make_offer(title="Draft", status="draft")
    h = keys.reader
    body = client.get("/api/v1/offers", headers=h).get_json()
    assert body["total"] == 2
    body = client.get("/api/v1/offers?kind=space", headers=h).get_json()
    assert [o["title"] for o in body["items"]] == ["Laborflächen Esslingen"]
    body = client.get("/api/v1/offers?open=true", headers=h).get_json()
    assert [o["title"] for o in body["items"]] == ["Laborflächen Esslingen"]
