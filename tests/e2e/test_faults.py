"""Faults under a live server: Redis killed and restarted, PostgreSQL stopped and started, a
gunicorn worker killed. Requests must keep being answered the documented way."""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid

import pytest
import requests

from tests.e2e.conftest import (
    LiveServer,
    PostgresServer,
    _postgres_bindir,
    create_key,
    server_env,
)

pytestmark = pytest.mark.e2e


def _org(name: str) -> dict:
    return {
        "name": name,
        "kind": "startup",
        "stage": "seed",
        "description": "Wir entwickeln Sensorik für Batteriespeicher.",
        "offers": ["Sensorik für Batteriespeicher"],
        "needs": ["Pilotkunde aus der Energiewirtschaft"],
        "themes": ["green_tech"],
        "location": {"district": "ludwigsburg"},
        "languages": ["de"],
        "status": "published",
    }


class Traffic(threading.Thread):
    """Reads, matches and (every fifth round) a create, in a loop, recording every answer."""

    def __init__(self, live, org_id: str) -> None:
        super().__init__(daemon=True)
        self.live, self.org_id = live, org_id
        self.stop = threading.Event()
        self.results: list[tuple[str, int | str, float]] = []
        self.created: list[str] = []

    def _call(self, label: str, method: str, path: str, role: str, **kwargs) -> None:
        started = time.perf_counter()
        try:
            r = requests.request(
                method,
                f"{self.live.api}{path}",
                headers=self.live.headers(role),
                timeout=15,
                **kwargs,
            )
            status: int | str = r.status_code
            if label == "create" and r.status_code == 201:
                self.created.append(r.json()["id"])
        except requests.RequestException as exc:
            status = type(exc).__name__
        self.results.append((label, status, time.perf_counter() - started))

    def run(self) -> None:
        i = 0
        while not self.stop.is_set():
            self._call("read", "GET", f"/organizations/{self.org_id}", "reader")
            self._call("match", "GET", f"/organizations/{self.org_id}/matches?limit=5", "reader")
            self._call("list", "GET", "/organizations?page_size=5", "reader")
            if i % 5 == 0:
                name = f"Ausfall-Test {uuid.uuid4().hex[:6]} GmbH"
                self._call("create", "POST", "/organizations", "curator", json=_org(name))
            i += 1


def _readiness(url: str) -> str:
    try:
        return requests.get(f"{url}/readyz", timeout=5).json()["status"]
    except (requests.RequestException, ValueError, KeyError):
        return "no answer"


def _wait_for(predicate, timeout: float, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def test_redis_killed_and_restarted_under_requests(live):
    """The live server's Redis is the test's own: kill it (SIGKILL), wait 2 s, start it again
    on the same port. No request may fail; /readyz goes degraded, then ok without a restart."""
    assert _readiness(live.url) == "ok"
    traffic = Traffic(live, live.orgs["e2e-org-1"])
    traffic.start()
    try:
        time.sleep(1.5)
        live.redis.kill()
        killed = time.monotonic()
        states = set()
        assert _wait_for(lambda: states.add(_readiness(live.url)) or "degraded" in states, 10)
        time.sleep(max(0.0, 2.0 - (time.monotonic() - killed)))
        live.redis.start()
        assert _wait_for(lambda: _readiness(live.url) == "ok", 15), "readyz never back to ok"
        time.sleep(1.5)  # requests after the return, through a closing circuit breaker
    finally:
        traffic.stop.set()
        traffic.join(30)
    failed = [r for r in traffic.results if not (isinstance(r[1], int) and 200 <= r[1] < 300)]
    assert not failed, failed[:20]
    assert len(traffic.results) >= 20, traffic.results
    slowest = max(r[2] for r in traffic.results)
    assert slowest < 5, f"a request took {slowest:.1f}s"
    assert traffic.created, "no organisation was created during the test"
    for org_id in traffic.created:
        r = requests.get(
            f"{live.api}/organizations/{org_id}", headers=live.headers("curator"), timeout=10
        )
        assert r.status_code == 200, (org_id, r.status_code)


@pytest.fixture
def postgres():
    if not _postgres_bindir():
        pytest.skip("needs PostgreSQL's initdb and pg_ctl")
    server = PostgresServer()
    try:
        server.init()
        server.start()
    except (RuntimeError, OSError) as exc:
        server.cleanup()
        pytest.skip(f"cannot run a PostgreSQL of the test's own: {exc}")
    yield server
    server.cleanup()


def _error_shape(r: requests.Response) -> dict:
    body = r.json()
    assert set(body) <= {"code", "status", "message", "errors"}, body
    assert body["code"] == r.status_code and body["status"] and body["message"], body
    return body


def test_postgresql_stopped_and_started(postgres, session_redis, e2e_dir):
    """With the database down every request answers 503 at once, in the one error shape; when
    it is back, the same server answers again (no restart)."""
    env = server_env(
        database_url=postgres.url,
        redis_url=session_redis.url(1),
        prefix=f"e2epg{uuid.uuid4().hex[:6]}",
        instance=e2e_dir,
    )
    curator, reader = create_key(env, "curator"), create_key(env, "reader")
    server = LiveServer(env, e2e_dir, workers=2, name="postgres")
    server.start()
    try:
        server.wait_ready()
        api = f"{server.url}/api/v1"
        auth = {
            "curator": {"Authorization": f"Bearer {curator}"},
            "reader": {"Authorization": f"Bearer {reader}"},
        }
        r = requests.post(
            f"{api}/organizations",
            json=_org("Datenbank-Test GmbH"),
            headers=auth["curator"],
            timeout=30,
        )
        assert r.status_code == 201, r.text
        org_id = r.json()["id"]
        calls = [
            ("GET", f"/organizations/{org_id}", "reader", None),
            ("GET", "/organizations?page_size=5", "reader", None),
            ("GET", f"/organizations/{org_id}/matches", "reader", None),
            ("POST", "/organizations", "curator", _org("Während des Ausfalls GmbH")),
            ("POST", "/search", "reader", {"text": "Sensorik für Batteriespeicher"}),
        ]

        postgres.stop()
        for method, path, role, body in calls * 2:  # each worker, each pooled connection
            started = time.perf_counter()
            r = requests.request(method, f"{api}{path}", headers=auth[role], json=body, timeout=10)
            elapsed = time.perf_counter() - started
            assert r.status_code == 503, (method, path, r.status_code, r.text)
            assert elapsed < 3, f"{method} {path} took {elapsed:.1f}s"
            body_ = _error_shape(r)
            assert "database" in body_["message"].lower(), body_
            assert r.headers.get("Retry-After")
        ready = requests.get(f"{server.url}/readyz", timeout=5)
        assert ready.status_code == 503 and ready.json()["status"] == "unavailable"
        assert requests.get(f"{server.url}/livez", timeout=5).status_code == 200

        postgres.start()
        assert _wait_for(
            lambda: requests.get(f"{server.url}/readyz", timeout=5).status_code == 200, 20
        ), "readyz not back after PostgreSQL returned"
        for method, path, role, body in calls * 2:
            r = requests.request(method, f"{api}{path}", headers=auth[role], json=body, timeout=30)
            assert r.status_code in (200, 201), (method, path, r.status_code, r.text)
        names = [
            o["name"]
            for o in requests.get(
                f"{api}/organizations?page_size=100", headers=auth["curator"], timeout=10
            ).json()["items"]
        ]
        assert "Datenbank-Test GmbH" in names
        assert "Während des Ausfalls GmbH" in names  # written after the return only
        assert names.count("Während des Ausfalls GmbH") == 2
    finally:
        server.stop()


def test_a_killed_worker_is_replaced_and_requests_go_on(live):
    workers = live.server.worker_pids()
    assert len(workers) == 2, workers
    victim = workers[0]
    os.kill(victim, signal.SIGKILL)
    time.sleep(2)
    path = f"/organizations/{live.orgs['e2e-org-1']}"
    statuses = []
    for _ in range(20):  # fresh connections: no keep-alive to the dead worker
        statuses.append(live.get(path, headers={"Connection": "close"}).status_code)
    assert statuses == [200] * 20, statuses
    assert _wait_for(
        lambda: len(pids := live.server.worker_pids()) == 2 and victim not in pids, 15
    ), f"no replacement worker: {live.server.worker_pids()}"
    assert live.server.process.poll() is None
    (replacement,) = set(live.server.worker_pids()) - set(workers)
    # The replacement loads the model and the index before it takes requests (CPU-bound);
    # it has booted when it goes idle. Waiting here also keeps later tests off a half-booted
    # server.
    assert _wait_idle(replacement, timeout=90), "the replacement worker never settled"
    assert replacement in live.server.worker_pids()


def _cpu_ticks(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _wait_idle(pid: int, timeout: float) -> bool:
    """True once the process used (almost) no CPU for a second; False on timeout or exit."""
    if not os.path.exists(f"/proc/{pid}/stat"):
        return True  # no /proc (not Linux): nothing to wait on
    deadline = time.monotonic() + timeout
    try:
        before = _cpu_ticks(pid)
        while time.monotonic() < deadline:
            time.sleep(1)
            now = _cpu_ticks(pid)
            if now - before <= 3:  # clock ticks (10 ms each)
                return True
            before = now
    except (FileNotFoundError, ProcessLookupError):
        return False
    return False
