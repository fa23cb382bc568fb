"""Bulk import and export through the HTTP API: all or nothing, upserts, CSV, round trips."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from tests.conftest import offer_payload, org_payload
from tests.helpers import (
    all_offers,
    all_orgs,
    delete_everything,
    import_json,
    offer_total,
    org_by_external_id,
    org_total,
    small_import_file,
)


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
    assert body["updated"] == {"organizations": 1, "offers": 1}
    assert body["unchanged"] == {"organizations": 1, "offers": 0}
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


def test_zip_export_of_both_csv_files_reimports_whole(client, keys, make_org, make_offer):
    """For spreadsheet users: organisations and offers as two CSV files in one zip, with the
    ids that keep each offer with its provider (also one without an external_id)."""
    provider = make_org(name="Fonds Ohne Schlüssel GmbH", kind="investor", stage=None)
    make_org(name="Voltwerk GmbH", external_id="crm-v", offers=["=Formel", "Prüfstand"])
    make_offer(title="Seed-Programm", provider_id=provider["id"], themes=["green_tech"])
    before = client.get("/api/v1/export", headers=keys.curator).get_json()
    r = client.get("/api/v1/export?format=zip", headers=keys.curator)
    assert r.status_code == 200 and r.mimetype == "application/zip"
    assert "attachment" in r.headers["Content-Disposition"]
    content = r.get_data()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert sorted(archive.namelist()) == ["offers.csv", "organizations.csv"]
        offers_csv = archive.read("offers.csv").decode("utf-8-sig")
        orgs_csv = archive.read("organizations.csv").decode("utf-8-sig")
    assert list(csv.DictReader(io.StringIO(offers_csv)))[0]["title"] == "Seed-Programm"
    assert "'=Formel" in orgs_csv  # a spreadsheet shows it as text, not a formula
    delete_everything(client, keys)
    r = client.post(
        "/api/v1/import", data=content, content_type="application/zip", headers=keys.curator
    )
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["created"] == {"organizations": 2, "offers": 1}
    after = client.get("/api/v1/export", headers=keys.curator).get_json()
    assert after == before  # ids, links, lists, contacts: whole


def test_a_bad_zip_is_refused_naming_why(client, keys):
    def post(content: bytes):
        return client.post(
            "/api/v1/import", data=content, content_type="application/zip", headers=keys.curator
        )

    r = post(b"not a zip")
    assert r.status_code == 422 and "zip" in r.get_json()["errors"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("organizations.csv", "name,kind\nA GmbH,startup\n")
        archive.writestr("notes.txt", "hello")
    r = post(buffer.getvalue())
    assert r.status_code == 422 and "notes.txt" in r.get_json()["errors"]["zip"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("offers.csv", "title,colour\nX,blue\n")
    r = post(buffer.getvalue())
    assert r.status_code == 422 and "colour" in r.get_json()["errors"]["offers.csv"]


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
    # The CSV round trip is exact: the record is recognised as unchanged.
    assert r.get_json()["unchanged"]["organizations"] == 1
    contact = org_by_external_id(client, keys, "crm-consent")["contact"]
    assert contact["email"] == "erika@voltwerk.example"
    assert contact["legal_basis"] == "consent"
    assert contact["consent_at"] is not None


def test_reimporting_an_unchanged_export_changes_nothing(client, keys):
    r = import_json(client, keys, small_import_file())
    assert r.status_code == 200, r.get_json()
    org = org_by_external_id(client, keys, "crm-org-1")
    before = client.get(f"/api/v1/organizations/{org['id']}", headers=keys.curator)
    audit = client.get(f"/api/v1/audit?entity_id={org['id']}", headers=keys.curator)
    exported = client.get("/api/v1/export", headers=keys.curator).get_json()
    r = import_json(client, keys, exported)
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["updated"] == {"organizations": 0, "offers": 0}
    assert body["unchanged"] == {"organizations": 2, "offers": 1}
    after = client.get(f"/api/v1/organizations/{org['id']}", headers=keys.curator)
    assert after.headers["ETag"] == before.headers["ETag"]
    assert after.get_json()["updated_at"] == before.get_json()["updated_at"]
    again = client.get(f"/api/v1/audit?entity_id={org['id']}", headers=keys.curator)
    assert again.get_json()["items"] == audit.get_json()["items"]


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_csv_as_german_excel_writes_it(client, keys, delimiter):
    """Semicolons between columns and Windows-1252 text, as German Excel saves a CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["external_id", "name", "kind", "description", "offers", "themes"])
    writer.writerow(
        [
            "xl-1",
            "Müller Präzisionsteile",
            "established",
            "Präzisionsdrehteile für die Automobilindustrie.",
            "Drehteile;Prüfmittel",
            "mechanical_engineering_production",
        ]
    )
    r = client.post(
        "/api/v1/import",
        data=buffer.getvalue().encode("cp1252"),
        content_type="text/csv",
        headers=keys.curator,
    )
    assert r.status_code == 200, r.get_json()
    org = org_by_external_id(client, keys, "xl-1")
    assert org["name"] == "Müller Präzisionsteile"
    assert org["offers"] == ["Drehteile", "Prüfmittel"]
