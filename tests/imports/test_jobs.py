"""Large imports as jobs: 202 with a job resource that shows progress, run by `matchmaker
worker` from the Redis queue or, when none listens or Redis is down, in the API process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from matchmaker.core.time import utcnow
from matchmaker.extensions import db
from matchmaker.jobs import queue
from matchmaker.jobs import service as jobs
from matchmaker.jobs.models import Job
from tests.conftest import offer_payload, org_payload
from tests.helpers import import_json, org_total

BIN = Path(sys.executable).parent


def fresh_orgs(n: int) -> list[dict]:
    """Organisations with texts never encoded before (so the job has real work to show)."""
    tag = uuid.uuid4().hex[:8]
    return [
        org_payload(
            name=f"Firma {tag} {i}",
            external_id=f"crm-{tag}-{i}",
            description=f"Sensorik {tag} Nummer {i}: Messtechnik für Fertigung und Prüfung.",
            offers=[f"Kalibrierung {tag} {i}"],
            needs=[f"Pilotkunden {tag} {i} im Maschinenbau"],
        )
        for i in range(n)
    ]


def follow(client, keys, location: str, timeout: float = 180.0) -> tuple[dict, list[dict]]:
    """Poll the job until it ends; return its last state and every state seen."""
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = client.get(location, headers=keys.curator)
        assert r.status_code == 200, r.get_json()
        seen.append(r.get_json())
        if seen[-1]["status"] in ("succeeded", "failed"):
            return seen[-1], seen
        time.sleep(0.05)
    raise AssertionError(f"job did not end: {seen[-1]}")


@pytest.fixture
def in_process(app, monkeypatch):
    monkeypatch.setitem(app.config, "MATCHMAKER_JOB_RUNNER", "inline")
    monkeypatch.setitem(app.config, "MATCHMAKER_IMPORT_JOB_THRESHOLD", 40)


def test_a_large_import_is_a_job_whose_progress_is_visible(app, client, keys, in_process):
    r = import_json(client, keys, {"organizations": fresh_orgs(120)})
    assert r.status_code == 202, r.get_json()
    job = r.get_json()
    assert r.headers["Location"] == f"/api/v1/jobs/{job['id']}"
    assert job["status"] in ("queued", "running")
    assert job["runner"] == "in-process"
    assert job["progress"]["total"] == 120
    final, seen = follow(client, keys, r.headers["Location"])
    assert final["status"] == "succeeded", final
    assert final["result"]["created"] == {"organizations": 120, "offers": 0}
    assert final["result"]["written"] is True
    assert final["progress"] == {"phase": "done", "done": 120, "total": 120, "percent": 100.0}
    assert final["started_at"] and final["finished_at"] and final["error"] is None
    # The encoding phase was watched on its way, counting texts, never going back.
    encoding = [s["progress"] for s in seen if s["progress"]["phase"] == "encoding"]
    assert any(0 < p["done"] < p["total"] for p in encoding), seen
    assert [p["done"] for p in encoding] == sorted(p["done"] for p in encoding)
    assert org_total(client, keys) == 120
    # Imported organisations are found at once (their vectors were written with them).
    wanted = client.get("/api/v1/organizations?q=Firma", headers=keys.curator).get_json()
    offer = wanted["items"][0]["offers"][0]
    r = client.post("/api/v1/search", json={"text": offer}, headers=keys.reader)
    assert r.status_code == 200, r.get_json()
    assert wanted["items"][0]["id"] in [item["id"] for item in r.get_json()["items"][:3]]
    # The file named contact persons: the job keeps it no longer than it runs.
    with app.app_context():
        assert db.session.get(Job, job["id"]).payload is None


def test_small_imports_answer_at_once_and_run_job_forces_a_job(client, keys, in_process):
    r = import_json(client, keys, {"organizations": fresh_orgs(3)})
    assert r.status_code == 200 and r.get_json()["created"]["organizations"] == 3
    r = import_json(client, keys, {"organizations": fresh_orgs(2)}, query="?run=job")
    assert r.status_code == 202
    final, _ = follow(client, keys, r.headers["Location"])
    assert final["result"]["created"]["organizations"] == 2
    # A dry run is answered at once, however large, and writes nothing.
    r = import_json(client, keys, {"organizations": fresh_orgs(50)}, query="?dry_run=true")
    assert r.status_code == 200 and r.get_json()["written"] is False
    assert org_total(client, keys) == 5
    r = import_json(client, keys, {}, query="?run=later")
    assert r.status_code == 422 and "run" in r.get_json()["errors"]["query"]


def test_a_bad_file_is_refused_before_any_job_is_made(app, client, keys, in_process):
    orgs = fresh_orgs(45)
    orgs[7]["kind"] = "unicorn"
    r = import_json(client, keys, {"organizations": orgs})
    assert r.status_code == 422
    assert r.get_json()["errors"]["records"][0]["position"] == 7
    with app.app_context():
        assert db.session.query(Job).count() == 0
    assert org_total(client, keys) == 0


def test_a_job_whose_file_no_longer_fits_fails_whole(app, client, keys, monkeypatch):
    """Checked when submitted, the stored data changes before a worker runs the job: the job
    fails naming the record, and nothing of the file is written."""
    monkeypatch.setitem(app.config, "MATCHMAKER_JOB_RUNNER", "queue")
    provider = client.post(
        "/api/v1/organizations", json=org_payload(name="Fonds GmbH"), headers=keys.curator
    ).get_json()
    file = {
        "organizations": fresh_orgs(3),
        "offers": [offer_payload(provider_id=provider["id"], external_id="crm-offer-x")],
    }
    r = import_json(client, keys, file, query="?run=job")
    assert r.status_code == 202 and r.get_json()["runner"] == "queue"
    try:
        assert r.get_json()["status"] == "queued"
        gone = client.delete(f"/api/v1/organizations/{provider['id']}", headers=keys.curator)
        assert gone.status_code == 204
        with app.app_context():
            jobs.run(r.get_json()["id"])  # what the worker does with the queued id
    finally:
        queue.queue(app.config).empty()
    final, _ = follow(client, keys, r.headers["Location"])
    assert final["status"] == "failed"
    assert "nothing was written" in final["error"]["message"]
    refused = final["error"]["errors"]["records"][0]
    assert (refused["section"], refused["position"]) == ("offers", 0)
    assert "provider_id" in refused["errors"]
    assert org_total(client, keys) == 0


def test_without_redis_jobs_run_in_the_api_process(app, client, keys, monkeypatch):
    monkeypatch.setitem(app.config, "REDIS_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setitem(app.config, "MATCHMAKER_JOB_RUNNER", "queue")
    r = import_json(client, keys, {"organizations": fresh_orgs(2)}, query="?run=job")
    assert r.status_code == 202
    assert r.get_json()["runner"] == "in-process"
    final, _ = follow(client, keys, r.headers["Location"])
    assert final["status"] == "succeeded"


def test_a_job_whose_runner_died_reads_as_failed(app, client, keys):
    with app.app_context():
        job = Job(
            kind="import",
            status="running",
            runner="queue",
            phase="encoding",
            done=10,
            total=100,
            options={"format": "json"},
            heartbeat_at=utcnow() - timedelta(hours=2),
            started_at=utcnow() - timedelta(hours=2),
        )
        db.session.add(job)
        db.session.commit()
        job_id = job.id
    body = client.get(f"/api/v1/jobs/{job_id}", headers=keys.curator).get_json()
    assert body["status"] == "failed"
    assert "stopped reporting" in body["error"]["message"]
    assert body["progress"]["done"] == 10


def test_jobs_are_for_curators(client, keys):
    assert client.get("/api/v1/jobs/job_0", headers=keys.reader).status_code == 403
    r = client.get("/api/v1/jobs/job_0", headers=keys.curator)
    assert r.status_code == 404 and r.get_json()["code"] == 404


def test_a_worker_process_takes_jobs_from_the_queue(app, client, keys):
    env = {
        **os.environ,
        "MATCHMAKER_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "REDIS_URL": app.config["REDIS_URL"],
        "MATCHMAKER_REDIS_PREFIX": app.config["MATCHMAKER_REDIS_PREFIX"],
        "MATCHMAKER_LOG_LEVEL": "WARNING",
        "HF_HUB_OFFLINE": "1",
    }
    worker = subprocess.Popen(
        [str(BIN / "matchmaker"), "worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while queue.listening_workers(app.config) == 0:
            assert worker.poll() is None, worker.stderr.read()
            assert time.monotonic() < deadline, "the worker did not register"
            time.sleep(0.2)
        r = import_json(client, keys, {"organizations": fresh_orgs(4)}, query="?run=job")
        assert r.status_code == 202
        assert r.get_json()["runner"] == "queue"
        final, _ = follow(client, keys, r.headers["Location"])
        assert final["status"] == "succeeded", final
        assert final["result"]["created"]["organizations"] == 4
        assert org_total(client, keys) == 4
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
