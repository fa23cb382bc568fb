"""Fixtures: the app on real SQLite and PostgreSQL, real Redis, the real model, API keys."""

from __future__ import annotations

import os
import uuid

import pytest
import redis
import sqlalchemy as sa

from matchmaker.access.service import create_key
from matchmaker.app import create_app
from matchmaker.extensions import db
from matchmaker.matches.runtime import get_runtime
from matchmaker.migrations import upgrade_database

REDIS_URL = os.environ.get("MATCHMAKER_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
POSTGRES_URL = os.environ.get(
    "MATCHMAKER_TEST_POSTGRES_URL", "postgresql+psycopg://root@127.0.0.1:5432/test"
)
BACKENDS = [
    b for b in os.environ.get("MATCHMAKER_TEST_BACKENDS", "sqlite,postgresql").split(",") if b
]


def _database_url(backend: str, tmp_path_factory) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    return POSTGRES_URL


@pytest.fixture(scope="session", params=BACKENDS)
def app(request, tmp_path_factory):
    url = _database_url(request.param, tmp_path_factory)
    schema = None
    if request.param == "postgresql":
        # A schema of this session's own: parallel runs on one server never collide.
        schema = f"t_{uuid.uuid4().hex[:10]}"
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
        engine.dispose()
        url = f"{url}?options=-csearch_path%3D{schema}"
    application = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": url,
            "REDIS_URL": REDIS_URL,
            "MATCHMAKER_REDIS_PREFIX": f"mmtest{uuid.uuid4().hex[:6]}",
            "RATELIMIT_ENABLED": False,
        }
    )
    application.config["BACKEND"] = request.param
    upgrade_database(application)
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()
    if schema:
        engine = sa.create_engine(POSTGRES_URL)
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


@pytest.fixture(autouse=True)
def clean(app):
    """Empty tables, the Redis prefix (but cached vectors) and the in-memory index."""
    with app.app_context():
        tables = [t for t in reversed(db.metadata.sorted_tables)]
        for table in tables:
            db.session.execute(table.delete())
        db.session.commit()
        runtime = get_runtime(app)
        runtime.reset_index()
        runtime.breaker.record_success()
        client = redis.Redis.from_url(app.config["REDIS_URL"])
        # Cached vectors are content-addressed and may outlive a test (it saves re-encoding
        # the same fixtures); everything else under the prefix goes.
        prefix = app.config["MATCHMAKER_REDIS_PREFIX"]
        for key in client.scan_iter(f"{prefix}:*"):
            if not key.startswith(f"{prefix}:emb:".encode()):
                client.delete(key)
    yield


@pytest.fixture
def client(app):
    return app.test_client()


class Keys:
    """Bearer headers per role, created on demand."""

    def __init__(self, app):
        self.app = app
        self._cache: dict = {}

    def headers(self, role: str, organization_id: str | None = None) -> dict[str, str]:
        key = (role, organization_id)
        if key not in self._cache:
            with self.app.app_context():
                _, token = create_key(
                    role=role, label=f"test-{role}", organization_id=organization_id
                )
            self._cache[key] = {"Authorization": f"Bearer {token}"}
        return self._cache[key]

    @property
    def admin(self):
        return self.headers("admin")

    @property
    def curator(self):
        return self.headers("curator")

    @property
    def reader(self):
        return self.headers("reader")

    def member(self, organization_id: str):
        return self.headers("member", organization_id)


@pytest.fixture
def keys(app):
    return Keys(app)


def org_payload(**overrides):
    data = {
        "name": "Voltwerk GmbH",
        "kind": "startup",
        "description": "Wir entwickeln Prüfstände für Batteriezellen in Esslingen.",
        "offers": ["Prüfstand für Batteriezellen"],
        "needs": ["Seed-Finanzierung"],
        "themes": ["automotive_mobility", "green_tech"],
        "stage": "seed",
        "location": {
            "district": "esslingen",
            "municipality": "Esslingen am Neckar",
            "postal_code": "73728",
            "lat": 48.74,
            "lon": 9.31,
        },
        "languages": ["de"],
        "contact": {
            "name": "Erika Muster",
            "email": "erika@voltwerk.example",
            "phone": "+49 711 123456",
        },
        "status": "published",
        "verified": True,
    }
    data.update(overrides)
    return data


def offer_payload(**overrides):
    data = {
        "title": "Seed-Fonds Region Stuttgart",
        "kind": "funding",
        "description": "Beteiligungskapital für junge Technologieunternehmen in der Seed-Phase.",
        "themes": ["green_tech"],
        "eligibility": {"kinds": ["startup"], "stages": ["pre_seed", "seed"], "districts": []},
        "amount_eur_max": 500000,
        "deadline": "2099-12-31",
        "status": "published",
    }
    data.update(overrides)
    return data


@pytest.fixture
def make_org(client, keys):
    def _make(**overrides):
        response = client.post(
            "/api/v1/organizations", json=org_payload(**overrides), headers=keys.curator
        )
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return _make


@pytest.fixture
def make_offer(client, keys):
    def _make(**overrides):
        response = client.post(
            "/api/v1/offers", json=offer_payload(**overrides), headers=keys.curator
        )
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return _make
