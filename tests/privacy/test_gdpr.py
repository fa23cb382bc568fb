"""GDPR through the HTTP API: the export of everything stored, erasure without a trace."""

from __future__ import annotations

import uuid

import redis
import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.matches.models import Embedding


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
