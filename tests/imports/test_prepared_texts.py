"""Bulk imports keep the texts they prepare in Redis (matches/prepared.py): a re-import into
a fresh database reads them instead of preparing again, with the same result, and erasure
drops them."""

from __future__ import annotations

import json
import uuid

import redis
import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.matches.models import Embedding
from tests.conftest import org_payload
from tests.helpers import delete_everything, import_json, org_by_external_id


def _prepared_keys(app) -> set[bytes]:
    client = redis.Redis.from_url(app.config["REDIS_URL"])
    return set(client.scan_iter(f"{app.config['MATCHMAKER_REDIS_PREFIX']}:texts:*"))


def _stored(app, entity_id: str) -> list[tuple]:
    with app.app_context():
        rows = db.session.execute(
            sa.select(Embedding.field, Embedding.position, Embedding.text_hash)
            .where(Embedding.entity_id == entity_id)
            .order_by(Embedding.field, Embedding.position)
        ).all()
        db.session.remove()
    return [tuple(row) for row in rows]


def test_prepared_texts_are_reused_and_erased(app, client, keys):
    tag = uuid.uuid4().hex[:8]
    file = {
        "organizations": [
            org_payload(
                name=f"Kältewerk {tag} GmbH",
                external_id=f"prep-a-{tag}",
                description=f"Wir entwickeln Wärmepumpen {tag} für Gewerbebauten.",
                offers=["Wärmepumpen für Gewerbebauten"],
                needs=["Pilotkunden aus dem Handwerk"],
            ),
            org_payload(
                name=f"Sensorik {tag} AG",
                external_id=f"prep-b-{tag}",
                description=f"Drucksensoren {tag} für die Hydraulik.",
            ),
        ]
    }
    assert import_json(client, keys, file).status_code == 200
    cached = _prepared_keys(app)
    assert len(cached) == 2
    first = org_by_external_id(client, keys, f"prep-a-{tag}")
    stored = _stored(app, first["id"])
    assert stored

    delete_everything(client, keys)
    assert import_json(client, keys, file).status_code == 200  # prepared texts from Redis
    again = org_by_external_id(client, keys, f"prep-a-{tag}")
    assert [row[2] for row in _stored(app, again["id"])] == [row[2] for row in stored]
    assert _prepared_keys(app) == cached

    # They are read, not prepared again: a changed entry shows in what is stored.
    store = redis.Redis.from_url(app.config["REDIS_URL"])
    for key in cached:
        texts = json.loads(store.get(key))
        texts["encoded"] = [f"{text} (cached)" for text in texts["encoded"]]
        store.set(key, json.dumps(texts))
    delete_everything(client, keys)
    assert import_json(client, keys, file).status_code == 200
    tampered = org_by_external_id(client, keys, f"prep-a-{tag}")
    assert [row[2] for row in _stored(app, tampered["id"])] != [row[2] for row in stored]

    r = client.delete(f"/api/v1/organizations/{tampered['id']}?erase=true", headers=keys.curator)
    assert r.status_code == 204
    assert len(_prepared_keys(app)) == 1
