"""Curation through the HTTP API: bulk import/export, audit, introductions, GDPR, ETags,
analytics. Real database (SQLite and PostgreSQL), real Redis, real model."""

from __future__ import annotations

import csv
import io
import json
import uuid

import pytest
import redis
import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.models import Embedding
from tests.conftest import offer_payload, org_payload


# -- helpers ------------------------------------------------------------------------------------
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


# -- HTTP import --------------------------------------------------------------------------------
def test_import_json_with_provider_external_id(client, keys):
    r = import_json(client, keys, small_import_file())
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["created"] == {"organizations": 2, "offers": 1}
    assert body["updated"] == {"organizations": 0, "offers": 0}
    assert body["written"] is True
    assert org_total(client, keys) == 2
    provider = org_by_external_id(client, keys, "crm-org-2")
    assert provider["name"] == "Institut für Quantensensorik"
    assert provider["kind"] == "research"
    r = client.get("/api/v1/offers?external_id=crm-offer-1", headers=keys.curator)
    offers = r.get_json()["items"]
    assert len(offers) == 1
    assert offers[0]["provider_id"] == provider["id"]
    assert offers[0]["title"] == "Seed-Fonds Region Stuttgart"


def test_import_with_bad_records_writes_nothing_and_names_them(client, keys, make_org):
    make_org(name="Bestand AG", external_id="crm-existing")
    data = {
        "organizations": [
            org_payload(external_id="crm-a", name="Gut Eins GmbH"),
            org_payload(external_id="crm-b", name="Raumschiff GmbH", kind="spaceship"),
            org_payload(external_id="crm-c", name="N" * 201),
            org_payload(external_id="crm-d", name="Gut Vier GmbH"),
            # would update the existing record if the file were accepted
            org_payload(external_id="crm-existing", name="Bestand AG umbenannt"),
        ],
        "offers": [offer_payload(external_id="crm-offer-x", provider_external_id="crm-a")],
    }
    r = import_json(client, keys, data)
    assert r.status_code == 422, r.get_json()
    records = r.get_json()["errors"]["records"]
    named = {(e["section"], e["position"]): e["errors"] for e in records}
    assert set(named) == {("organizations", 1), ("organizations", 2)}
    assert "kind" in named[("organizations", 1)]
    assert "name" not in named[("organizations", 1)]
    assert "name" in named[("organizations", 2)]
    assert "kind" not in named[("organizations", 2)]
    # nothing written: same total, no new names, the existing record untouched
    assert org_total(client, keys) == 1
    assert offer_total(client, keys) == 0
    names = {o["name"] for o in all_orgs(client, keys)}
    assert names == {"Bestand AG"}


def test_import_bad_offer_position_is_named(client, keys):
    data = small_import_file()
    data["offers"].append(offer_payload(external_id="crm-offer-2", kind="spaceship"))
    r = import_json(client, keys, data)
    assert r.status_code == 422
    records = r.get_json()["errors"]["records"]
    assert [(e["section"], e["position"]) for e in records] == [("offers", 1)]
    assert "kind" in records[0]["errors"]
    assert org_total(client, keys) == 0


def test_import_dry_run_reports_counts_and_writes_nothing(client, keys):
    r = import_json(client, keys, small_import_file(), query="?dry_run=true")
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["dry_run"] is True
    assert body["written"] is False
    assert body["created"] == {"organizations": 2, "offers": 1}
    assert org_total(client, keys) == 0
    assert offer_total(client, keys) == 0


def test_reimport_updates_instead_of_duplicating(client, keys):
    data = small_import_file()
    r = import_json(client, keys, data)
    assert r.status_code == 200, r.get_json()
    first_id = org_by_external_id(client, keys, "crm-org-1")["id"]
    data["organizations"][0]["description"] = "Neu: wir bauen jetzt auch Ladesäulen."
    data["offers"][0]["amount_eur_max"] = 750000
    r = import_json(client, keys, data)
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["created"] == {"organizations": 0, "offers": 0}
    assert body["updated"] == {"organizations": 2, "offers": 1}
    assert org_total(client, keys) == 2
    assert offer_total(client, keys) == 1
    org = org_by_external_id(client, keys, "crm-org-1")
    assert org["id"] == first_id
    assert org["description"] == "Neu: wir bauen jetzt auch Ladesäulen."
    assert all_offers(client, keys)[0]["amount_eur_max"] == 750000
    r = client.get(f"/api/v1/audit?entity_id={first_id}", headers=keys.curator)
    events = r.get_json()["items"]
    assert [e["action"] for e in events] == ["import", "import"]
    assert {e["actor"] for e in events} == {"test-curator"}
    assert events[1]["changes"]["description"]["after"] == "Neu: wir bauen jetzt auch Ladesäulen."


def test_import_csv_with_semicolon_lists(client, keys):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "external_id",
            "name",
            "kind",
            "description",
            "offers",
            "needs",
            "themes",
            "stage",
            "district",
            "lat",
            "lon",
            "languages",
            "contact_email",
            "status",
            "verified",
        ]
    )
    writer.writerow(
        [
            "csv-1",
            "Batterie Start GmbH",
            "startup",
            "Zellchemie für Feststoffbatterien.",
            "Zelltests;Materialproben",
            "Seed-Kapital;Pilotkunden",
            "green_tech;automotive_mobility",
            "seed",
            "stuttgart",
            "48.78",
            "9.18",
            "de;en",
            "info@batterie.example",
            "published",
            "true",
        ]
    )
    writer.writerow(
        [
            "csv-2",
            "Logistik Hub Ludwigsburg",
            "established",
            "Kontraktlogistik.",
            "Lagerfläche",
            "",
            "logistics",
            "",
            "ludwigsburg",
            "",
            "",
            "de",
            "",
            "draft",
            "false",
        ]
    )
    r = client.post(
        "/api/v1/import",
        data=buffer.getvalue().encode("utf-8"),
        content_type="text/csv",
        headers=keys.curator,
    )
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["created"] == {"organizations": 2, "offers": 0}
    org = org_by_external_id(client, keys, "csv-1")
    assert org["offers"] == ["Zelltests", "Materialproben"]
    assert org["needs"] == ["Seed-Kapital", "Pilotkunden"]
    assert org["themes"] == ["green_tech", "automotive_mobility"]
    assert org["languages"] == ["de", "en"]
    assert org["location"]["district"] == "stuttgart"
    assert org["location"]["lat"] == pytest.approx(48.78)
    assert org["contact"]["email"] == "info@batterie.example"
    assert org["status"] == "published"
    assert org["verified"] is True
    other = org_by_external_id(client, keys, "csv-2")
    assert other["needs"] == []
    assert other["stage"] is None
    assert other["status"] == "draft"
    assert other["verified"] is False


def test_import_stage_conflict_with_stored_record_is_named(client, keys, make_org):
    make_org(external_id="crm-kind", name="Voltwerk GmbH")  # a seed-stage start-up
    record = org_payload(external_id="crm-kind", name="Voltwerk Forschung", kind="research")
    del record["stage"]  # the file says nothing about the stage
    r = import_json(client, keys, {"organizations": [record]})
    assert r.status_code == 422, r.get_json()
    body = r.get_json()
    org = org_by_external_id(client, keys, "crm-kind")
    assert (org["name"], org["kind"]) == ("Voltwerk GmbH", "startup")
    records = body.get("errors", {}).get("records")
    assert records, body
    assert [(e["section"], e["position"]) for e in records] == [("organizations", 0)]
    assert "stage" in records[0]["errors"]


def test_partial_csv_update_keeps_absent_fields(client, keys, make_org):
    make_org(external_id="crm-partial")
    text = "external_id,name,kind,stage\ncrm-partial,Voltwerk GmbH,startup,series_a\n"
    r = client.post(
        "/api/v1/import", data=text.encode(), content_type="text/csv", headers=keys.curator
    )
    assert r.status_code == 200, r.get_json()
    org = org_by_external_id(client, keys, "crm-partial")
    assert org["stage"] == "series_a"
    assert org["offers"] == ["Prüfstand für Batteriezellen"]
    assert org["description"] == "Wir entwickeln Prüfstände für Batteriezellen in Esslingen."


@pytest.mark.parametrize("role", ["reader", "member"])
def test_import_and_export_need_curator(client, keys, make_org, role):
    org = make_org()
    headers = keys.reader if role == "reader" else keys.member(org["id"])
    r = import_json(client, keys, small_import_file(), headers=headers)
    assert r.status_code == 403
    r = client.get("/api/v1/export", headers=headers)
    assert r.status_code == 403
    assert org_total(client, keys) == 1


# -- export is re-importable --------------------------------------------------------------------
def test_json_export_round_trip(client, keys):
    r = import_json(client, keys, small_import_file())
    assert r.status_code == 200, r.get_json()
    r = client.get("/api/v1/export", headers=keys.curator)
    assert r.status_code == 200
    exported = r.get_json()
    assert len(exported["organizations"]) == 2
    assert len(exported["offers"]) == 1
    delete_everything(client, keys)
    r = import_json(client, keys, exported)
    assert r.status_code == 200, r.get_json()
    assert {o["name"] for o in all_orgs(client, keys)} == {
        "Voltwerk GmbH",
        "Institut für Quantensensorik",
    }
    provider = org_by_external_id(client, keys, "crm-org-2")
    assert provider["contact"]["email"] == "jonas@iqs.example"
    assert provider["contact"]["legal_basis"] == "consent"
    assert provider["contact"]["consent_at"].startswith("2024-05-01T10:00:00")
    assert provider["status"] == "published" and provider["verified"] is True
    offers = all_offers(client, keys)
    assert [o["title"] for o in offers] == ["Seed-Fonds Region Stuttgart"]
    assert offers[0]["provider_id"] == provider["id"]


def test_json_export_round_trip_without_external_ids(client, keys, make_org, make_offer):
    provider = make_org(name="Ohne CRM-Schlüssel GmbH")
    make_offer(title="Programm ohne CRM-Schlüssel", provider_id=provider["id"])
    r = client.get("/api/v1/export", headers=keys.curator)
    assert r.status_code == 200
    exported = r.get_json()
    delete_everything(client, keys)
    r = import_json(client, keys, exported)
    assert r.status_code == 200, r.get_json()
    orgs = all_orgs(client, keys)
    assert [o["name"] for o in orgs] == ["Ohne CRM-Schlüssel GmbH"]
    offers = all_offers(client, keys)
    assert [o["title"] for o in offers] == ["Programm ohne CRM-Schlüssel"]
    assert offers[0]["provider_id"] == orgs[0]["id"]


def test_csv_export_round_trip(client, keys, make_org):
    make_org(name="Voltwerk GmbH", external_id="crm-v")
    make_org(
        name="Logistik Hub Ludwigsburg",
        kind="established",
        stage=None,
        themes=["logistics"],
        offers=["Lagerfläche", "Cross-Docking"],
        contact=None,
    )
    r = client.get("/api/v1/export?format=csv", headers=keys.curator)
    assert r.status_code == 200
    assert r.mimetype == "text/csv"
    text = r.get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["name"] for row in rows} == {"Voltwerk GmbH", "Logistik Hub Ludwigsburg"}
    delete_everything(client, keys)
    r = client.post(
        "/api/v1/import", data=text.encode("utf-8"), content_type="text/csv", headers=keys.curator
    )
    assert r.status_code == 200, r.get_json()
    orgs = {o["name"]: o for o in all_orgs(client, keys)}
    assert set(orgs) == {"Voltwerk GmbH", "Logistik Hub Ludwigsburg"}
    assert orgs["Logistik Hub Ludwigsburg"]["offers"] == ["Lagerfläche", "Cross-Docking"]
    assert orgs["Voltwerk GmbH"]["contact"]["email"] == "erika@voltwerk.example"
    assert orgs["Voltwerk GmbH"]["external_id"] == "crm-v"


def test_csv_reimport_keeps_contact_legal_basis(client, keys, make_org):
    make_org(
        external_id="crm-consent",
        contact={
            "name": "Erika Muster",
            "email": "erika@voltwerk.example",
            "consent_at": "2024-05-01T10:00:00Z",
            "legal_basis": "consent",
        },
    )
    r = client.get("/api/v1/export?format=csv", headers=keys.curator)
    assert r.status_code == 200
    r = client.post(
        "/api/v1/import", data=r.get_data(), content_type="text/csv", headers=keys.curator
    )
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["updated"]["organizations"] == 1
    contact = org_by_external_id(client, keys, "crm-consent")["contact"]
    assert contact["email"] == "erika@voltwerk.example"
    assert contact["legal_basis"] == "consent"
    assert contact["consent_at"] is not None


# -- audit --------------------------------------------------------------------------------------
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


# -- introductions ------------------------------------------------------------------------------
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


# -- GDPR ---------------------------------------------------------------------------------------
def _scan_database(app, needles: list[str]) -> list[str]:
    found = []
    with app.app_context():
        for table in db.metadata.sorted_tables:
            for row in db.session.execute(sa.select(table)).all():
                text = str(tuple(row))
                for needle in needles:
                    if needle in text:
                        found.append(f"{table.name}: {needle}")
        db.session.remove()
    return found


def _scan_redis(app, needles: list[str]) -> list[str]:
    client = redis.Redis.from_url(app.config["REDIS_URL"])
    prefix = app.config["MATCHMAKER_REDIS_PREFIX"]
    found = []
    for key in client.scan_iter(f"{prefix}:*"):
        kind = client.type(key).decode()
        if kind == "string":
            values = [client.get(key) or b""]
        elif kind == "hash":
            values = [k + b"=" + v for k, v in client.hgetall(key).items()]
        elif kind == "list":
            values = client.lrange(key, 0, -1)
        elif kind == "set":
            values = list(client.smembers(key))
        elif kind == "zset":
            values = client.zrange(key, 0, -1)
        else:
            values = []
        for needle in needles:
            raw = needle.encode()
            if raw in key or any(raw in v for v in values):
                found.append(f"{key!r}: {needle}")
    return found


def _embedding_rows(app, entity_id: str) -> int:
    with app.app_context():
        n = db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Embedding)
            .where(Embedding.entity_id == entity_id)
        )
        db.session.remove()
    return n


def _text_hashes(app, entity_id: str) -> set[str]:
    with app.app_context():
        hashes = set(
            db.session.scalars(
                sa.select(Embedding.text_hash).where(Embedding.entity_id == entity_id)
            )
        )
        db.session.remove()
    return hashes


def _cached_hashes(app) -> set[str]:
    client = redis.Redis.from_url(app.config["REDIS_URL"])
    prefix = app.config["MATCHMAKER_REDIS_PREFIX"]
    return {key.decode().rsplit(":", 1)[-1] for key in client.scan_iter(f"{prefix}:emb:*")}


def test_gdpr_export_contents_and_access(client, keys, make_org, make_offer):
    a = make_org()
    b = make_org(name="Seed Angels Stuttgart", kind="investor", stage=None)
    offer = make_offer(provider_id=a["id"])
    r = client.get(f"/api/v1/organizations/{a['id']}/export", headers=keys.curator)
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["organization"]["id"] == a["id"]
    assert body["organization"]["contact"]["email"] == "erika@voltwerk.example"
    assert [o["id"] for o in body["offers"]] == [offer["id"]]
    assert [e["action"] for e in body["audit"]] == ["create"]
    r = client.get(f"/api/v1/organizations/{a['id']}/export", headers=keys.member(a["id"]))
    assert r.status_code == 200
    assert r.get_json()["organization"]["contact"]["email"] == "erika@voltwerk.example"
    r = client.get(f"/api/v1/organizations/{a['id']}/export", headers=keys.member(b["id"]))
    assert r.status_code == 403
    r = client.get(f"/api/v1/organizations/{a['id']}/export", headers=keys.reader)
    assert r.status_code == 403


def test_gdpr_erasure_leaves_no_trace(app, client, keys, make_org, make_offer):
    token = uuid.uuid4().hex[:10]
    email = f"erase-{token}@voltwerk.example"
    person = f"Erika Löschmich {token}"
    a = make_org(contact={"name": person, "email": email, "phone": "+49 711 999"})
    b = make_org(name="Seed Angels Stuttgart", kind="investor", stage=None)
    make_offer(provider_id=a["id"])
    member_a = keys.member(a["id"])
    # history with personal data: a member edits the contact, asks an introduction
    r = client.patch(
        f"/api/v1/organizations/{a['id']}",
        json={"contact": {"name": person, "email": email, "phone": "+49 711 1000"}},
        headers=member_a,
    )
    assert r.status_code == 200, r.get_json()
    r = client.post(
        "/api/v1/introductions",
        json={
            "from_organization_id": a["id"],
            "to_organization_id": b["id"],
            "message": f"Bitte melden Sie sich bei {email}",
        },
        headers=member_a,
    )
    assert r.status_code == 201, r.get_json()
    # matching warms the in-memory index and the cache
    r = client.get(f"/api/v1/organizations/{b['id']}/matches", headers=keys.curator)
    assert r.status_code == 200
    assert _scan_database(app, [email]), "the scan must see the e-mail before erasure"
    assert _embedding_rows(app, a["id"]) > 0
    hashes = _text_hashes(app, a["id"])
    assert hashes and hashes <= _cached_hashes(app), "A's vectors are cached before erasure"

    r = client.delete(f"/api/v1/organizations/{a['id']}?erase=true", headers=keys.curator)
    assert r.status_code == 204, r.get_json()

    assert _scan_database(app, [email, person]) == []
    assert _scan_redis(app, [email, person]) == []
    r = client.get(f"/api/v1/organizations/{a['id']}", headers=keys.curator)
    assert r.status_code == 404
    assert _embedding_rows(app, a["id"]) == 0
    assert not hashes & _cached_hashes(app), "A's cache entries must be gone"
    r = client.get(f"/api/v1/organizations/{b['id']}/matches", headers=keys.curator)
    assert a["id"] not in [i["id"] for i in r.get_json()["items"]]
    # the erasure itself is recorded, by whom
    r = client.get(f"/api/v1/audit?entity_id={a['id']}", headers=keys.curator)
    events = r.get_json()["items"]
    assert events[-1]["action"] == "erase"
    assert events[-1]["actor"] == "test-curator"


def test_gdpr_erasure_scrubs_member_key_label_from_history(app, client, keys, make_org, make_offer):
    token = uuid.uuid4().hex[:10]
    email = f"holder-{token}@voltwerk.example"
    a = make_org(contact={"name": "Erika Muster", "email": email})
    offer = make_offer(provider_id=a["id"])
    # the admin labels the member key with the person who holds it: the contact
    r = client.post(
        "/api/v1/keys",
        json={"role": "member", "label": email, "organization_id": a["id"]},
        headers=keys.admin,
    )
    assert r.status_code == 201, r.get_json()
    member_a = {"Authorization": f"Bearer {r.get_json()['token']}"}
    r = client.patch(
        f"/api/v1/organizations/{a['id']}",
        json={"description": "Aktualisiert vom Mitglied."},
        headers=member_a,
    )
    assert r.status_code == 200, r.get_json()
    r = client.patch(
        f"/api/v1/offers/{offer['id']}",
        json={"description": "Vom Mitglied geändert."},
        headers=member_a,
    )
    assert r.status_code == 200, r.get_json()
    r = client.get(f"/api/v1/audit?entity_id={a['id']}", headers=keys.curator)
    assert email in [e["actor"] for e in r.get_json()["items"]]

    r = client.delete(f"/api/v1/organizations/{a['id']}?erase=true", headers=keys.curator)
    assert r.status_code == 204, r.get_json()
    assert client.get("/api/v1/organizations", headers=member_a).status_code == 401
    assert _scan_database(app, [email]) == []


# -- ETag ---------------------------------------------------------------------------------------
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


# -- analytics ----------------------------------------------------------------------------------
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
