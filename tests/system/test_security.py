"""The holes an outside review found (issue 11), each driven through the HTTP API the way the
attack was: erasure after a merge, exports, CSV formulas, body limits, squatting, rate-limit
keys, merges, races, unhandled input, report sizes, key bindings, search wildcards, request
ids in logs, PUT, feedback on drafts, and the cost of expensive endpoints."""

from __future__ import annotations

import io
import json
import logging
import os
import threading
import time

import pytest

from matchmaker.app import create_app
from tests.conftest import offer_payload, org_payload


def _member(keys, org):
    return keys.member(org["id"])


# 1 -----------------------------------------------------------------------------------------
def test_erasure_follows_every_record_merged_into_the_organisation(client, keys, make_org):
    x = make_org(
        name="Duplikat GmbH",
        external_id=None,
        contact={"name": "Petra Geheim", "email": "petra@geheim.example", "phone": "+49 711 9"},
    )
    s = make_org(name="Survivor GmbH", external_id="survivor", contact=None)
    r = client.post(
        f"/api/v1/organizations/{s['id']}/merge",
        json={"duplicate_id": x["id"]},
        headers=keys.curator,
    )
    assert r.status_code == 200, r.get_json()
    r = client.delete(f"/api/v1/organizations/{s['id']}?erase=true", headers=keys.curator)
    assert r.status_code == 204
    for entity in (x["id"], s["id"]):
        text = json.dumps(
            client.get(f"/api/v1/audit?entity_id={entity}", headers=keys.curator).get_json()
        )
        for secret in ("Petra Geheim", "petra@geheim.example", "+49 711 9"):
            assert secret not in text, (entity, secret)


# 2 -----------------------------------------------------------------------------------------
def test_an_export_holds_only_the_feedback_the_organisation_gave(client, keys, make_org):
    a = make_org(name="A GmbH", external_id="a")
    b = make_org(name="B GmbH", external_id="b")
    r = client.post(
        f"/api/v1/organizations/{b['id']}/feedback",
        json={"candidate_id": a["id"], "verdict": "not_relevant"},
        headers=_member(keys, b),
    )
    assert r.status_code == 201
    export = client.get(f"/api/v1/organizations/{a['id']}/export", headers=_member(keys, a))
    assert export.status_code == 200
    assert export.get_json()["feedback"] == []


# 3 -----------------------------------------------------------------------------------------
def test_csv_cells_that_start_a_formula_are_neutralised_and_re_import_whole(client, keys, make_org):
    make_org(
        description='=HYPERLINK("http://evil.example","click")',
        contact={"name": "@SUM(1+1)", "email": "x@y.example"},
        offers=["+cmd|' /C calc'!A0", "-2+3"],
    )
    csv_text = client.get("/api/v1/export?format=csv", headers=keys.curator).get_data(as_text=True)
    assert "'=HYPERLINK" in csv_text and "'@SUM(1+1)" in csv_text and "'+cmd" in csv_text
    for line in csv_text.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.strip('"').startswith(("=", "+", "@")), cell
    r = client.post(
        "/api/v1/import?dry_run=true",
        data=csv_text.encode("utf-8"),
        content_type="text/csv",
        headers=keys.curator,
    )
    assert r.status_code == 200, r.get_json()
    r = client.post(
        "/api/v1/import", data=csv_text.encode(), content_type="text/csv", headers=keys.curator
    )
    org = client.get("/api/v1/organizations", headers=keys.curator).get_json()["items"][0]
    assert org["description"].startswith("=HYPERLINK") and org["contact"]["name"] == "@SUM(1+1)"


# 4 -----------------------------------------------------------------------------------------
def test_chunked_bodies_stop_at_the_limit(client, keys):
    big = json.dumps({"text": "x" * 2_000_000}).encode()
    r = client.post(
        "/api/v1/search",
        input_stream=io.BytesIO(big),
        headers={**keys.reader, "Content-Type": "application/json", "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert r.status_code == 413 and r.get_json()["code"] == 413
    huge = b"name,kind\n" + b"x," * 11_000_000
    r = client.post(
        "/api/v1/import",
        input_stream=io.BytesIO(huge),
        headers={**keys.curator, "Content-Type": "text/csv", "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert r.status_code == 413


# 6 -----------------------------------------------------------------------------------------
def test_a_member_cannot_squat_an_external_id(client, keys, make_org):
    own = make_org(name="Member GmbH", external_id="member-org")
    r = client.post(
        "/api/v1/offers",
        json=offer_payload(provider_id=own["id"], status="draft", external_id="crm-offer-7"),
        headers=_member(keys, own),
    )
    assert r.status_code == 403 and "external_id" in r.get_json()["errors"]["json"]


# 7 -----------------------------------------------------------------------------------------
def test_rate_limits_count_per_verified_key_and_per_address_without_one(app, keys):
    limited = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "REDIS_URL": app.config["REDIS_URL"],
            "MATCHMAKER_REDIS_PREFIX": app.config["MATCHMAKER_REDIS_PREFIX"] + "rl7",
            "RATELIMIT_DEFAULT": "5 per minute",
            "RATELIMIT_ENABLED": True,
        }
    )
    client = limited.test_client()
    token = keys.reader["Authorization"].split(" ", 1)[1]
    prefix = token.split("_")[1]
    forged = {"Authorization": f"Bearer mm_{prefix}_forged-secret"}
    # An address of this test's own (the limiter's buckets outlive one app in a process).
    address = {"REMOTE_ADDR": f"10.7.{os.getpid() % 250}.{time.time_ns() % 250}"}
    codes = [
        client.get("/api/v1/taxonomy", headers=forged, environ_base=address).status_code
        for _ in range(7)
    ]
    assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]  # limited, by address
    # ... and the real key behind that prefix still has its own budget
    assert client.get("/api/v1/taxonomy", headers=keys.reader).status_code == 200
    label = client.post("/api/v1/keys", json={"role": "reader"}, headers=keys.admin).get_json()
    assert label["token"].split("_")[1] not in label["label"]


# 8 -----------------------------------------------------------------------------------------
def test_a_merge_survives_a_third_organisations_feedback_on_both(client, keys, make_org):
    survivor = make_org(name="Survivor AG", external_id="s")
    duplicate = make_org(name="Survivor Aktiengesellschaft", external_id=None)
    third = make_org(name="Third GmbH", external_id="t")
    for candidate, verdict in ((survivor, "relevant"), (duplicate, "not_relevant")):
        r = client.post(
            f"/api/v1/organizations/{third['id']}/feedback",
            json={"candidate_id": candidate["id"], "verdict": verdict},
            headers=_member(keys, third),
        )
        assert r.status_code == 201
    r = client.post(
        f"/api/v1/organizations/{survivor['id']}/merge",
        json={"duplicate_id": duplicate["id"]},
        headers=keys.curator,
    )
    assert r.status_code == 200, r.get_json()
    counts = client.get(
        f"/api/v1/organizations/{third['id']}/feedback", headers=_member(keys, third)
    ).get_json()
    assert counts["counts"] == {"relevant": 1, "not_relevant": 0, "contacted": 0}


# 9 -----------------------------------------------------------------------------------------
def test_races_answer_409_or_412_never_500(app, client, keys, make_org):
    org = make_org()
    etag = client.get(f"/api/v1/organizations/{org['id']}", headers=keys.curator).headers["ETag"]
    statuses: list[int] = []

    def patch(i: int) -> None:
        r = app.test_client().patch(
            f"/api/v1/organizations/{org['id']}",
            json={"description": f"Version {i}"},
            headers={**keys.curator, "If-Match": etag},
        )
        statuses.append(r.status_code)

    def create(_: int) -> None:
        r = app.test_client().post(
            "/api/v1/organizations",
            json=org_payload(external_id="race", name="Race GmbH"),
            headers=keys.curator,
        )
        statuses.append(r.status_code)

    for work, allowed in ((patch, {200, 412, 503}), (create, {201, 409, 503})):
        statuses.clear()
        threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert set(statuses) <= allowed, statuses
        assert 500 not in statuses


def test_an_import_that_takes_another_records_external_id_fails_its_dry_run(client, keys, make_org):
    a = make_org(name="A GmbH", external_id="crm-a")
    make_org(name="B GmbH", external_id="crm-b")
    record = {**org_payload(name="A GmbH", external_id="crm-b"), "id": a["id"]}
    for query in ("?dry_run=true", ""):
        r = client.post(
            f"/api/v1/import{query}", json={"organizations": [record]}, headers=keys.curator
        )
        assert r.status_code == 422, r.get_json()
        assert "external_id" in r.get_json()["errors"]["records"][0]["errors"]


# 10 ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "method, path, body",
    [
        ("post", "/api/v1/search", '{"text": "\\ud800"}'),
        ("post", "/api/v1/organizations", '{"name": "A\\udfff", "kind": "startup"}'),
        (
            "post",
            "/api/v1/introductions",
            '{"from_organization_id": "\\ud800", "to_organization_id": "x"}',
        ),
    ],
)
def test_lone_surrogates_are_422_naming_the_field(client, keys, method, path, body):
    r = getattr(client, method)(
        path, data=body, content_type="application/json", headers=keys.curator
    )
    assert r.status_code == 422, r.get_json()
    assert r.get_json()["errors"]["json"]


def test_deep_json_bad_utf8_and_huge_csv_cells_are_4xx(client, keys):
    deep = "[" * 1000 + "]" * 1000
    r = client.post(
        "/api/v1/search", data=deep, content_type="application/json", headers=keys.reader
    )
    assert r.status_code in (400, 422) and r.get_json()["code"] in (400, 422)
    r = client.post(
        "/api/v1/import",
        data=b'{"organizations": [\xff]}',
        content_type="application/json",
        headers=keys.curator,
    )
    assert r.status_code == 422 and "UTF-8" in r.get_json()["message"]
    cell = "x" * 140_000
    r = client.post(
        "/api/v1/import",
        data=f"name,kind\n{cell},startup\n".encode(),
        content_type="text/csv",
        headers=keys.curator,
    )
    assert r.status_code == 422 and "CSV" in r.get_json()["message"]


def test_the_fuzzers_offer_patch_is_answered(client, keys, make_org, make_offer):
    org = make_org()
    offer = make_offer()
    r = client.patch(
        f"/api/v1/offers/{offer['id']}",
        json={"external_id": "wÉ", "provider_id": org["id"]},
        headers=keys.curator,
    )
    assert r.status_code == 200, r.get_json()


# 11 ----------------------------------------------------------------------------------------
def test_the_import_report_names_at_most_100_bad_records(client, keys):
    bad = [{"name": "", "kind": "alien"} for _ in range(500)]
    r = client.post("/api/v1/import", json={"organizations": bad}, headers=keys.curator)
    body = r.get_json()
    assert r.status_code == 422 and len(body["errors"]["records"]) == 100
    assert body["message"].startswith("500 invalid record(s)")


# 12 ----------------------------------------------------------------------------------------
def test_only_member_keys_are_bound_to_an_organisation(client, keys, make_org):
    org = make_org(status="draft")
    r = client.post(
        "/api/v1/keys", json={"role": "reader", "organization_id": org["id"]}, headers=keys.admin
    )
    assert r.status_code == 422 and "organization_id" in r.get_json()["errors"]["json"]


# 13 ----------------------------------------------------------------------------------------
def test_search_words_are_literal_and_non_ascii_words_match(client, keys, make_org):
    make_org(name="Laborfirma", needs=["Laborfläche mit Abzug"], external_id="lab")
    make_org(name="Other GmbH", needs=["Kunden"], external_id="other")
    for q, expected in (("%", 0), ("_", 0), ("Laborfläche", 1), ("LABORFLÄCHE", 1), ("u00e4", 0)):
        body = client.get(f"/api/v1/organizations?q={q}", headers=keys.curator).get_json()
        assert body["total"] == expected, q


# 14 ----------------------------------------------------------------------------------------
def test_every_log_line_of_a_request_names_its_request_id(client, keys, caplog):
    caplog.set_level(logging.INFO)
    client.get(
        "/api/v1/organizations/org_unknown", headers={**keys.reader, "X-Request-ID": "rid-14"}
    )
    lines = [r for r in caplog.records if getattr(r, "request_id", None) == "rid-14"]
    assert lines and all(getattr(r, "request_id", None) == "rid-14" for r in lines)


# 15 ----------------------------------------------------------------------------------------
def test_put_replaces_what_it_does_not_send(client, keys, make_org):
    org = make_org()
    r = client.put(
        f"/api/v1/organizations/{org['id']}",
        json={"name": "Neu GmbH", "kind": "established"},
        headers=keys.curator,
    )
    body = r.get_json()
    assert r.status_code == 200, body
    assert body["offers"] == [] and body["needs"] == [] and body["description"] == ""
    assert body["location"]["municipality"] is None and body["contact"]["email"] is None
    assert body["status"] == org["status"]  # only curators change it: kept unless sent


# 16 ----------------------------------------------------------------------------------------
def test_feedback_on_a_draft_is_as_unknown_as_on_a_missing_id(client, keys, make_org):
    own = make_org(name="Own GmbH", external_id="own")
    draft = make_org(name="Draft GmbH", external_id="draft", status="draft")
    answers = []
    for candidate in (draft["id"], "org_doesnotexist"):
        r = client.post(
            f"/api/v1/organizations/{own['id']}/feedback",
            json={"candidate_id": candidate, "verdict": "relevant"},
            headers=_member(keys, own),
        )
        answers.append((r.status_code, r.get_json()["message"]))
    assert answers[0] == answers[1] and answers[0][0] == 422


# 17 ----------------------------------------------------------------------------------------
def test_expensive_endpoints_have_their_own_limit(app, keys, make_org):
    limited = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "REDIS_URL": app.config["REDIS_URL"],
            "MATCHMAKER_REDIS_PREFIX": app.config["MATCHMAKER_REDIS_PREFIX"] + "rl17",
            "MATCHMAKER_EXPENSIVE_RATE_LIMIT": "2 per minute",
            "RATELIMIT_ENABLED": True,
        }
    )
    client = limited.test_client()
    codes = [
        client.post(
            "/api/v1/search", json={"text": "seed funding"}, headers=keys.reader
        ).status_code
        for _ in range(3)
    ]
    assert codes == [200, 200, 429]
    assert client.get("/api/v1/organizations", headers=keys.reader).status_code == 200
