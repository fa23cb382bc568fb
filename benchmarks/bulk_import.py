"""A region-sized HTTP import as a job: `POST /api/v1/import` of N organisations (default 8,000,
cold Redis) to `matchmaker serve`, with one `matchmaker worker` taking the job from the queue;
the job resource is polled every 2 s until it ends.

Prints one JSON document: how long the 202 took, the job's total time, when each phase began
and ended, the progress samples a client saw, and the organisations stored at the end.

Run: .venv/bin/python benchmarks/bulk_import.py [N]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.generate import generate, texts_of  # noqa: E402
from benchmarks.latency import BIN, Server, create_key, env_for  # noqa: E402
from matchmaker.jobs import queue  # noqa: E402


def call(base: str, path: str, token: str, body: bytes | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(
        base + path,
        data=body,
        method="POST" if body is not None else "GET",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, json.loads(response.read())


def main(n: int = 8000) -> dict:
    prefix = f"mmbulk{uuid.uuid4().hex[:6]}"  # a cold cache: every text is encoded
    records = generate(n, seed=11)
    body = json.dumps(records, ensure_ascii=False).encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        # The benchmarks' server environment, on a cache of its own (every text is cold).
        env = {**env_for(Path(tmp) / "bulk.sqlite3"), "MATCHMAKER_REDIS_PREFIX": prefix}
        token = create_key(env, "curator")
        worker = subprocess.Popen(
            [str(BIN / "matchmaker"), "worker"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        server = Server(env, workers=2)
        try:
            where = {"REDIS_URL": env["REDIS_URL"], "MATCHMAKER_REDIS_PREFIX": prefix}
            while not queue.listening_workers(where):  # the job must go to the worker
                assert worker.poll() is None, "the worker exited"
                time.sleep(0.5)
            base = f"http://127.0.0.1:{server.port}"
            started = time.perf_counter()
            status, job = call(base, "/api/v1/import?run=job", token, body)
            answered = time.perf_counter() - started
            assert status == 202, (status, job)
            samples, phases = [], {}
            while True:
                time.sleep(2)
                _, job = call(base, f"/api/v1/jobs/{job['id']}", token)
                at = round(time.perf_counter() - started, 1)
                progress = job["progress"]
                samples.append({"t_s": at, "status": job["status"], **progress})
                phases.setdefault(progress["phase"], at)
                if job["status"] in ("succeeded", "failed"):
                    break
            total = time.perf_counter() - started
            _, page = call(base, "/api/v1/organizations?page_size=1", token)
        finally:
            server.stop()
            worker.terminate()
            worker.wait(30)
    client = redis.Redis.from_url(env["REDIS_URL"])
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    encoding = [s for s in samples if s["phase"] == "encoding"]
    result = {
        "organizations": n,
        "texts": len(texts_of(records)),
        "body_mib": round(len(body) / 2**20, 1),
        "runner": job["runner"],
        "status": job["status"],
        "answer_202_s": round(answered, 1),
        "total_s": round(total, 1),
        "first_seen_s": phases,
        "progress_samples": len(samples),
        "encoding_samples": len(encoding),
        "stored_organizations": page["total"],
        "result": job["result"] and {k: job["result"][k] for k in ("created", "written")},
        "samples": samples[:: max(1, len(samples) // 12)] + samples[-1:],
    }
    print(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8000)
