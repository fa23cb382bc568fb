"""Per-process runtime objects (Redis client, embedding pipeline, the match index's keeper),
built lazily, so that a pre-forking server loads the model and opens connections in each
worker after the fork, never in the master."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any

import redis
from flask import Flask, current_app

from embeddings import CircuitBreaker, EmbeddingPipeline, Encoder, RedisVectorCache
from matchmaker.engine.texts import vector_space
from matchmaker.matches.results import ResultCache
from matchmaker.observability import record_encode

logger = logging.getLogger(__name__)

# One encoder per model and process: several apps in one process (tests, CLI) share the weights.
_ENCODERS: dict[tuple[str, str, int], Encoder] = {}
_ENCODERS_LOCK = threading.Lock()


def shared_encoder(model: str, device: str, threads: int) -> Encoder:
    with _ENCODERS_LOCK:
        key = (model, device, threads)
        if key not in _ENCODERS:
            _ENCODERS[key] = Encoder(model, device=device or None, torch_threads=threads)
        return _ENCODERS[key]


@dataclass
class Runtime:
    """What one process shares between requests."""

    config: dict[str, Any]
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _redis: redis.Redis | None = None
    _pipeline: EmbeddingPipeline | None = None
    breaker: CircuitBreaker = field(default_factory=lambda: CircuitBreaker(reset_after=2.0))
    #: The IndexKeeper of matches/loader.py, created there on first use.
    keeper: Any = None
    #: Cache totals already reported to Prometheus.
    reported: dict[str, int] = field(default_factory=dict)
    _results: ResultCache | None = None

    @property
    def results(self) -> ResultCache:
        """This process's cache of answered match lists (matches/results.py)."""
        if self._results is None:
            self._results = ResultCache(int(self.config.get("MATCHMAKER_RESULT_CACHE_SIZE", 0)))
        return self._results

    @property
    def prefix(self) -> str:
        return self.config["MATCHMAKER_REDIS_PREFIX"]

    @property
    def redis(self) -> redis.Redis:
        if self._redis is None:
            self._redis = redis.Redis.from_url(
                self.config["REDIS_URL"],
                socket_timeout=0.25,
                socket_connect_timeout=0.25,
                health_check_interval=0,
                retry_on_timeout=False,
            )
        return self._redis

    def redis_call(self, method: str, *args: Any, default: Any = None) -> Any:
        """Call a Redis command through the circuit breaker; on failure log and return default."""
        if not self.breaker.allow():
            return default
        try:
            result = getattr(self.redis, method)(*args)
        except Exception as exc:  # noqa: BLE001 - Redis is optional at run time
            self.breaker.record_failure()
            logger.warning("redis %s failed: %s", method, exc)
            return default
        self.breaker.record_success()
        return result

    @property
    def pipeline(self) -> EmbeddingPipeline:
        with self._lock:
            if self._pipeline is None:
                encoder = shared_encoder(
                    self.config["MATCHMAKER_EMBEDDING_MODEL"],
                    self.config["MATCHMAKER_EMBEDDING_DEVICE"],
                    self.config["MATCHMAKER_TORCH_THREADS"],
                )
                cache = RedisVectorCache(
                    self.redis,
                    model_id=encoder.model_id,
                    prefix=self.prefix,
                    breaker=self.breaker,
                )
                self._pipeline = EmbeddingPipeline(encoder, cache, on_encode=record_encode)
            return self._pipeline

    @property
    def pipeline_started(self) -> EmbeddingPipeline | None:
        """The pipeline if it was built already (metrics and health must not load the model)."""
        return self._pipeline

    @property
    def vector_space(self) -> str:
        """The model and text preparation stored vectors must come from to be current."""
        return vector_space(self.pipeline.model_id, self.config["MATCHMAKER_TEXT_BRIDGE"])

    @property
    def version_key(self) -> str:
        return f"{self.prefix}:index:version"

    def reset_index(self) -> None:
        """Forget the in-memory index (it is rebuilt from the database on next use)."""
        with self._lock:
            self.keeper = None


def init_runtime(app: Flask) -> None:
    app.extensions["matchmaker_runtime"] = Runtime(config=app.config)
    limit_blas(int(app.config.get("MATCHMAKER_BLAS_THREADS", 0)))


def limit_blas(threads: int) -> None:
    """Cap numpy's BLAS at `threads` threads in this process (0: leave its default).
    threadpoolctl (scikit-learn's) finds whichever BLAS numpy loaded and sets it at run time,
    so that it works after numpy was imported, unlike OPENBLAS_NUM_THREADS."""
    if threads > 0:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=threads, user_api="blas")


def get_runtime(app: Flask | None = None) -> Runtime:
    return (app or current_app).extensions["matchmaker_runtime"]
