"""HTTP helpers the room tests share: counts, listings, imports, clean slates."""

from __future__ import annotations

import json

from tests.conftest import offer_payload, org_payload


def org_total(client, keys) -> int:
    r = client.get("/api/v1/organizations?page_size=1", headers=keys.curator)
    assert r.status_code == 200, r.get_json()
    return r.get_json()["total"]


def offer_total(client, keys) -> int:
    r = client.get("/api/v1/offers?page_size=1", headers=keys.curator)
    assert r.status_code == 200, r.get_json()
    return r.get_json()["total"]


def all_orgs(client, keys) -> list[dict]:
    r = client.get("/api/v1/organizations?page_size=100", headers=keys.curator)
    assert r.status_code == 200, r.get_json()
    return r.get_json()["items"]


def all_offers(client, keys) -> list[dict]:
    r = client.get("/api/v1/offers?page_size=100", headers=keys.curator)
    assert r.status_code == 200, r.get_json()
    return r.get_json()["items"]


def org_by_external_id(client, keys, external_id: str) -> dict:
    r = client.get(f"/api/v1/organizations?external_id={external_id}", headers=keys.curator)
    assert r.status_code == 200, r.get_json()
    items = r.get_json()["items"]
    assert len(items) == 1, items
    return items[0]


def import_json(client, keys, data, query: str = "", headers=None):
    return client.post(
        f"/api/v1/import{query}",
        data=json.dumps(data),
        content_type="application/json",
        headers=headers if headers is not None else keys.curator,
    )


def delete_everything(client, keys) -> None:
    for offer in all_offers(client, keys):
        r = client.delete(f"/api/v1/offers/{offer['id']}", headers=keys.curator)
        assert r.status_code == 204, r.get_json()
    for org in all_orgs(client, keys):
        r = client.delete(f"/api/v1/organizations/{org['id']}", headers=keys.curator)
        assert r.status_code == 204, r.get_json()
    assert org_total(client, keys) == 0
    assert offer_total(client, keys) == 0


def small_import_file() -> dict:
    return {
        "organizations": [
            org_payload(external_id="crm-org-1", name="Voltwerk GmbH"),
            org_payload(
                external_id="crm-org-2",
                name="Institut für Quantensensorik",
                kind="research",
                stage=None,
                description="Forschung zu Quantensensoren für die Produktion.",
                offers=["Messplätze für Quantensensoren"],
                needs=["Industriepartner aus dem Maschinenbau"],
                themes=["quantum", "mechanical_engineering_production"],
                contact={
                    "name": "Jonas Beispiel",
                    "email": "jonas@iqs.example",
                    "consent_at": "2024-05-01T10:00:00Z",
                    "legal_basis": "consent",
                },
            ),
        ],
        "offers": [
            offer_payload(external_id="crm-offer-1", provider_external_id="crm-org-2"),
        ],
    }
