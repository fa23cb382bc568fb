"""Redis vector cache with pipelined MGET/MSET, short timeouts and a circuit breaker."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence

import numpy as np

logger = logging.getLogger(__name__)


class CircuitBreaker:
    """Opens after a failure so an outage costs one timeout, not one per call.

    While open, `allow()` is false; after `reset_after` seconds one trial call is let through
    (half-open) and a success closes it again.
    """

    def __init__(self, reset_after: float = 2.0) -> None:
        self.reset_after = reset_after
        self._opened_at: float | None = None
        self._lock = threading.Lock()

    def allow(self) -> bool:
        with self._lock:
            if self._opened_at is None:
                return True
            if time.monotonic() - self._opened_at >= self.reset_after:
                # Half-open: let this caller try; push the next trial out meanwhile.
                self._opened_at = time.monotonic()
                return True
            return False

    def record_success(self) -> None:
        with self._lock:
            self._opened_at = None

    def record_failure(self) -> None:
        with self._lock:
            self._opened_at = time.monotonic()

    @property
    def is_open(self) -> bool:
        return self._opened_at is not None


class RedisVectorCache:
    """Caches float32 vectors under `<prefix>:emb:<model_id>:<text hash>`.

    Every Redis error is logged and swallowed: the cache is an optimisation, never a
    dependency. A cached value of the wrong size or with non-finite numbers is ignored (the
    caller recomputes and overwrites it).
    """

    def __init__(
        self,
        client,
        *,
        model_id: str,
        dim: int | None = None,
        prefix: str = "mm",
        ttl_seconds: int = 30 * 24 * 3600,
        breaker: CircuitBreaker | None = None,
    ) -> None:
        self.client = client
        self.model_id = model_id
        self.dim = dim
        self.prefix = prefix
        self.ttl_seconds = ttl_seconds
        self.breaker = breaker or CircuitBreaker()
        self.hits = 0
        self.misses = 0
        self.errors = 0
        self.rejected = 0

    def key(self, text_hash: str) -> str:
        return f"{self.prefix}:emb:{self.model_id}:{text_hash}"

    def _fail(self, exc: Exception, what: str) -> None:
        self.errors += 1
        self.breaker.record_failure()
        logger.warning("redis %s failed, continuing without cache: %s", what, exc)

    def get_many(self, text_hashes: Sequence[str]) -> list[np.ndarray | None]:
        """Return the cached vector for each hash, or None (miss, bad value, or Redis down)."""
        if not text_hashes:
            return []
        if self.client is None or not self.breaker.allow():
            self.misses += len(text_hashes)
            return [None] * len(text_hashes)
        try:
            raw = self.client.mget([self.key(h) for h in text_hashes])
        except Exception as exc:  # noqa: BLE001 - any Redis failure degrades to recomputing
            self._fail(exc, "MGET")
            self.misses += len(text_hashes)
            return [None] * len(text_hashes)
        self.breaker.record_success()
        out: list[np.ndarray | None] = []
        for value in raw:
            vector = self._decode(value)
            if vector is None:
                self.misses += 1
            else:
                self.hits += 1
            out.append(vector)
        return out

    def _decode(self, value: bytes | None) -> np.ndarray | None:
        if value is None:
            return None
        if self.dim is not None and len(value) != self.dim * 4:
            self.rejected += 1
            return None
        if len(value) == 0 or len(value) % 4:
            self.rejected += 1
            return None
        vector = np.frombuffer(value, dtype=np.float32)
        if not np.all(np.isfinite(vector)):
            self.rejected += 1
            return None
        return vector

    def set_many(self, items: dict[str, np.ndarray]) -> None:
        """Store vectors by text hash in one pipelined round trip."""
        if not items or self.client is None or not self.breaker.allow():
            return
        try:
            pipe = self.client.pipeline(transaction=False)
            for text_hash, vector in items.items():
                pipe.set(
                    self.key(text_hash),
                    np.asarray(vector, dtype=np.float32).tobytes(),
                    ex=self.ttl_seconds,
                )
            pipe.execute()
            self.breaker.record_success()
        except Exception as exc:  # noqa: BLE001
            self._fail(exc, "MSET")

    def delete_many(self, text_hashes: Sequence[str]) -> None:
        """Drop cached vectors (used by erasure)."""
        if not text_hashes or self.client is None:
            return
        try:
            self.client.delete(*[self.key(h) for h in text_hashes])
        except Exception as exc:  # noqa: BLE001
            self._fail(exc, "DEL")
