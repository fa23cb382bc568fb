"""Redis outages and several worker processes, end to end through the HTTP API."""

import shutil
import socket
import subprocess
import time
import uuid

import pytest
import redis

from matchmaker.app import create_app
from matchmaker.matches.runtime import get_runtime
from tests.conftest import org_payload

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_redis(port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            return process
        except redis.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError("redis did not start")


@pytest.fixture
def own_redis():
    port = _free_port()
    process = _start_redis(port)
    state = {"port": port, "process": process}
    yield state
    state["process"].terminate()
    state["process"].wait(5)


def test_redis_outage_never_fails_a_request_and_the_cache_refills(app, keys, own_redis):
    app2 = create_app(
        {
            **{k: app.config[k] for k in ("SQLALCHEMY_DATABASE_URI",)},
            "TESTING": True,
            "RATELIMIT_ENABLED": False,
            "REDIS_URL": f"redis://127.0.0.1:{own_redis['port']}/0",
            "MATCHMAKER_REDIS_PREFIX": "outage",
        }
    )
    client = app2.test_client()
    headers = keys.curator
    a = client.post("/api/v1/organizations", json=org_payload(), headers=headers).get_json()
    r = redis.Redis(port=own_redis["port"])
    assert len(list(r.scan_iter("outage:emb:*"))) >= 3
    assert client.get("/readyz").get_json()["status"] == "ok"

    own_redis["process"].terminate()
    own_redis["process"].wait(5)
    b = client.post(
        "/api/v1/organizations",
        json=org_payload(
            name="Outage Partner AG",
            external_id="outage-b",
            offers=["Seed-Finanzierung"],
            needs=["Prüfstand für Batteriezellen"],
        ),
        headers=headers,
    )
    assert b.status_code == 201, b.get_json()
    m = client.get(f"/api/v1/organizations/{a['id']}/matches", headers=headers)
    assert m.status_code == 200
    assert b.get_json()["id"] in [i["id"] for i in m.get_json()["items"]]
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["status"] == "degraded"
    assert ready.get_json()["checks"]["redis"]["status"] == "down"
    for _ in range(5):
        assert client.get(f"/api/v1/organizations/{a['id']}", headers=headers).status_code == 200
    assert get_runtime(app2).breaker.is_open or get_runtime(app2).pipeline.cache.errors >= 1

    own_redis["process"] = _start_redis(own_redis["port"])
    time.sleep(get_runtime(app2).breaker.reset_after + 0.2)
    c = client.post(
        "/api/v1/organizations",
        json=org_payload(
            name="After Outage GmbH", external_id="outage-c", needs=["Reinraum für Sensorik"]
        ),
        headers=headers,
    )
    assert c.status_code == 201
    assert any(True for _ in r.scan_iter("outage:emb:*"))  # refilled without a restart
    assert client.get("/readyz").get_json()["status"] == "ok"


def test_a_second_worker_sees_a_new_organisation_within_a_second(app, keys):
    """Two app instances = two workers: separate in-memory indexes, shared database and Redis."""
    worker_b = create_app(
        {
            k: app.config[k]
            for k in (
                "SQLALCHEMY_DATABASE_URI",
                "REDIS_URL",
                "MATCHMAKER_REDIS_PREFIX",
                "TESTING",
                "RATELIMIT_ENABLED",
            )
        }
    )
    a_client, b_client = app.test_client(), worker_b.test_client()
    first = a_client.post("/api/v1/organizations", json=org_payload(), headers=keys.curator)
    url = f"/api/v1/organizations/{first.get_json()['id']}/matches"
    assert b_client.get(url, headers=keys.reader).get_json()["items"] == []  # b's index is warm
    new = a_client.post(
        "/api/v1/organizations",
        json=org_payload(
            name=f"New Partner {uuid.uuid4().hex[:4]}",
            external_id="new-partner",
            offers=["Seed-Finanzierung für Batterie-Start-ups"],
            needs=["Prüfstand für Batteriezellen"],
        ),
        headers=keys.curator,
    ).get_json()
    started = time.perf_counter()
    while True:
        items = b_client.get(url, headers=keys.reader).get_json()["items"]
        if any(i["id"] == new["id"] for i in items):
            break
        assert time.perf_counter() - started < 1.0, "worker b did not see the change in 1 s"
        time.sleep(0.05)


def test_workers_stay_in_sync_without_redis(app, keys):
    """With Redis unreachable, the database change log keeps workers current (polling)."""
    config = {k: app.config[k] for k in ("SQLALCHEMY_DATABASE_URI", "TESTING", "RATELIMIT_ENABLED")}
    config.update(REDIS_URL="redis://127.0.0.1:1/0", MATCHMAKER_REDIS_PREFIX="nored")
    worker_a, worker_b = create_app(config), create_app(config)
    a_client, b_client = worker_a.test_client(), worker_b.test_client()
    first = a_client.post("/api/v1/organizations", json=org_payload(), headers=keys.curator)
    assert first.status_code == 201
    url = f"/api/v1/organizations/{first.get_json()['id']}/matches"
    assert b_client.get(url, headers=keys.reader).status_code == 200
    new = a_client.post(
        "/api/v1/organizations",
        json=org_payload(
            name="Polling Partner",
            external_id="poll",
            offers=["Seed-Finanzierung"],
            needs=["Prüfstand für Batteriezellen"],
        ),
        headers=keys.curator,
    ).get_json()
    started = time.perf_counter()
    while not any(
        i["id"] == new["id"] for i in b_client.get(url, headers=keys.reader).get_json()["items"]
    ):
        assert time.perf_counter() - started < 1.5
        time.sleep(0.1)


def _worker(app, **extra):
    keys = ("SQLALCHEMY_DATABASE_URI", "REDIS_URL", "MATCHMAKER_REDIS_PREFIX", "TESTING")
    return create_app({**{k: app.config[k] for k in keys}, "RATELIMIT_ENABLED": False, **extra})


def test_a_new_worker_starts_from_the_snapshot_and_replays_later_changes(app, keys, tmp_path):
    """The first worker loads the index from the database and writes a snapshot; a worker
    started later reads it and replays what changed since, so it answers the same."""
    snapshot = str(tmp_path / "index.snapshot")
    worker_a = _worker(app, MATCHMAKER_INDEX_SNAPSHOT=snapshot)
    a_client = worker_a.test_client()
    first = a_client.post("/api/v1/organizations", json=org_payload(), headers=keys.curator)
    url = f"/api/v1/organizations/{first.get_json()['id']}/matches?min_score=0"
    assert a_client.get(url, headers=keys.reader).status_code == 200
    with worker_a.app_context():
        written = get_runtime().keeper.last_change_id
    assert (tmp_path / "index.snapshot").exists()
    later = a_client.post(
        "/api/v1/organizations",
        json=org_payload(
            name="Later Partner",
            external_id="later",
            offers=["Seed-Finanzierung für Batterie-Start-ups"],
            needs=["Prüfstand für Batteriezellen"],
        ),
        headers=keys.curator,
    ).get_json()
    worker_b = _worker(app, MATCHMAKER_INDEX_SNAPSHOT=snapshot)
    b_client = worker_b.test_client()
    items = b_client.get(url, headers=keys.reader).get_json()["items"]
    assert later["id"] in [i["id"] for i in items]
    assert items == a_client.get(url, headers=keys.reader).get_json()["items"]
    with worker_b.app_context():
        keeper = get_runtime().keeper
        assert keeper.last_change_id > written  # replayed, not reloaded from scratch
    # A snapshot of another database is not used.
    with worker_b.app_context():
        from matchmaker.engine import persist

        persist.save(keeper.index, snapshot, {**keeper._snapshot_meta(), "database": "other"})
    worker_c = _worker(app, MATCHMAKER_INDEX_SNAPSHOT=snapshot)
    assert worker_c.test_client().get(url, headers=keys.reader).get_json()["items"] == items


def test_a_dismissal_reaches_every_worker_within_a_second(app, keys):
    """Dismissals live in the match index (no read per match); another worker drops the
    dismissed candidate within a second, and brings it back when the verdict changes."""
    worker_b = _worker(app)
    a_client, b_client = app.test_client(), worker_b.test_client()
    asker = a_client.post(
        "/api/v1/organizations",
        json=org_payload(needs=["Seed-Finanzierung für Batterie-Start-ups"]),
        headers=keys.curator,
    ).get_json()
    partner = a_client.post(
        "/api/v1/organizations",
        json=org_payload(
            name="Seed Fund",
            external_id="seed-fund",
            offers=["Seed-Finanzierung für Batterie-Start-ups"],
        ),
        headers=keys.curator,
    ).get_json()
    member = keys.member(asker["id"])
    url = f"/api/v1/organizations/{asker['id']}/matches?min_score=0"

    def shown() -> bool:
        return partner["id"] in [
            i["id"] for i in b_client.get(url, headers=member).get_json()["items"]
        ]

    assert shown()
    for verdict, expected in (("not_relevant", False), ("relevant", True)):
        r = a_client.post(
            f"/api/v1/organizations/{asker['id']}/feedback",
            json={"candidate_id": partner["id"], "verdict": verdict},
            headers=member,
        )
        assert r.status_code == 201
        started = time.perf_counter()
        while shown() != expected:
            assert time.perf_counter() - started < 1.0, f"worker b missed {verdict}"
            time.sleep(0.05)
