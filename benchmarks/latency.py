"""Match latency against a plain read on the same live server, at N organisations; the index's
top-k at 100k vectors against numpy's own matrix-vector product + argpartition; index memory.

Run: .venv/bin/python benchmarks/latency.py 2000 10000
"""

from __future__ import annotations

import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.generate import generate  # noqa: E402

BIN = Path(sys.executable).parent
CACHE_PREFIX = "mmbench-shared"  # the same texts are cached across runs (a warm Redis)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_for(db_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "MATCHMAKER_DATABASE_URL": f"sqlite:///{db_path}",
        "MATCHMAKER_REDIS_PREFIX": CACHE_PREFIX,
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/11"),
        "MATCHMAKER_LOG_LEVEL": "WARNING",
        "HF_HUB_OFFLINE": "1",
        "MATCHMAKER_RATE_LIMIT_ENABLED": "false",
    }


def prepare(n: int, workdir: Path) -> tuple[dict[str, str], str]:
    """Import n organisations (unless `workdir` holds them from an earlier run); return the
    environment and a reader token."""
    db_path = workdir / f"bench-{n}.sqlite3"
    env = env_for(db_path)
    if db_path.exists():
        return env, create_key(env)
    data = workdir / f"orgs-{n}.json"
    data.write_text(json.dumps(generate(n), ensure_ascii=False), encoding="utf-8")
    started = time.perf_counter()
    subprocess.run(
        [str(BIN / "matchmaker"), "import", str(data)], env=env, check=True, capture_output=True
    )
    print(f"  imported {n} in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return env, create_key(env)


def create_key(env: dict[str, str], role: str = "reader") -> str:
    """A new API key of `role` on the database of `env` (through the CLI)."""
    out = subprocess.run(
        [str(BIN / "matchmaker"), "keys", "create", "--role", role],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip().splitlines()[-1]


class Server:
    def __init__(self, env: dict[str, str], workers: int = 2) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(BIN / "matchmaker"), "serve", "--port", str(self.port), "--workers", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/readyz")
                body = json.loads(conn.getresponse().read())
                if body["checks"]["model"]["status"] == "ok":
                    return
            except (OSError, ValueError, KeyError):
                pass
            time.sleep(0.5)
        raise RuntimeError("server did not become ready")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


def timed(conn: http.client.HTTPConnection, path: str, token: str) -> float:
    started = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": f"Bearer {token}"})
    response = conn.getresponse()
    response.read()
    assert response.status == 200, (path, response.status)
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def measure_server(n: int, workdir: Path, rounds: int = 300) -> dict:
    env, token = prepare(n, workdir)
    server = Server(env)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        ids: list[str] = []
        for page in range(1, 11):  # rotate over up to 1,000 organisations
            conn.request(
                "GET",
                f"/api/v1/organizations?page_size=100&page={page}",
                headers={"Authorization": f"Bearer {token}"},
            )
            ids += [o["id"] for o in json.loads(conn.getresponse().read())["items"]]
        rng = random.Random(1)
        rng.shuffle(ids)
        warm, fresh = ids[:40], ids[40:]
        for org in warm:  # both workers warm (index loaded, lazy caches)
            timed(conn, f"/api/v1/organizations/{org}/matches", token)
        reads, matches, cached = [], [], []
        # Cold: every match is a question not asked before (the result cache cannot answer).
        for org in fresh[:rounds]:
            reads.append(timed(conn, f"/api/v1/organizations/{org}", token))
            matches.append(timed(conn, f"/api/v1/organizations/{org}/matches?limit=10", token))
        # Cached: the same question again (a dashboard reopened); the first two asks fill
        # both workers' caches.
        for org in warm:
            for ask in range(4):
                took = timed(conn, f"/api/v1/organizations/{org}/matches?limit=10", token)
                if ask >= 2:
                    cached.append(took)
        conn.request("GET", "/readyz")
        index = json.loads(conn.getresponse().read())["checks"]["index"]
    finally:
        server.stop()
    return {
        "organizations": n,
        "read_p50_ms": round(statistics.median(reads), 2),
        "read_p99_ms": round(percentile(reads, 99), 2),
        "match_p50_ms": round(statistics.median(matches), 2),
        "match_p99_ms": round(percentile(matches, 99), 2),
        "match_over_read_p50": round(statistics.median(matches) / statistics.median(reads), 2),
        "cached_match_p50_ms": round(statistics.median(cached), 2),
        "cached_match_p99_ms": round(percentile(cached, 99), 2),
        "cached_over_read_p50": round(statistics.median(cached) / statistics.median(reads), 2),
        "index_vectors": index.get("vectors"),
        "index_bytes_per_vector": round(index["bytes"] / max(index["vectors"], 1)),
    }


def topk_microbenchmark(n: int = 100_000, dim: int = 384, k: int = 10, repeats: int = 50):
    """The candidate search at n rows: faiss IVF-SQ4 over float16 rows against numpy's exact
    matrix-vector product + argpartition over float32, with the recall of the exact top k."""
    from embeddings import VectorIndex

    rng = np.random.default_rng(0)
    topics = rng.normal(size=(300, dim)).astype(np.float32)
    vectors = topics[rng.integers(0, 300, n)] + rng.normal(size=(n, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex(dim, capacity=n)
    for owner in range(n):
        index.upsert(owner, vectors[owner : owner + 1])
    started = time.perf_counter()
    index.prepare()
    trained = time.perf_counter() - started
    queries = vectors[rng.integers(0, n, repeats)]

    def plain(q):
        scores = vectors @ q
        top = np.argpartition(-scores, k)[:k]
        return top[np.argsort(-scores[top])]

    def ours(q):
        return index.nearest_owners(q, k)[0]

    timings, recall = {}, []
    for name, fn in (("numpy", plain), ("index", ours)):
        fn(queries[0])
        started = time.perf_counter()
        for q in queries:
            fn(q)
        timings[name] = (time.perf_counter() - started) / repeats * 1000
    for q in queries:
        recall.append(len(set(plain(q).tolist()) & set(ours(q).tolist())) / k)
    return {
        "vectors": n,
        "numpy_exact_ms": round(timings["numpy"], 2),
        "index_candidates_ms": round(timings["index"], 2),
        "recall_at_10": round(float(np.mean(recall)), 3),
        "train_s": round(trained, 1),
        "bytes_per_vector": round(index.nbytes / len(index)),
    }


def main(sizes: list[int], workdir: Path | None = None, prepare_only: bool = False) -> dict:
    out: dict = {"servers": []}
    if not prepare_only:
        out["topk"] = topk_microbenchmark()
        print(json.dumps(out["topk"]), file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        work = workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for n in sizes:
            if prepare_only:
                prepare(n, work)
                continue
            result = measure_server(n, work)
            print(json.dumps(result), file=sys.stderr)
            out["servers"].append(result)
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[2000, 10000])
    parser.add_argument("--workdir", type=Path, help="keep (and reuse) the imported databases")
    parser.add_argument("--prepare-only", action="store_true")
    args = parser.parse_args()
    main(args.sizes, args.workdir, args.prepare_only)
