"""Request ids, structured JSON logs and Prometheus metrics.

Under gunicorn every worker counts in files of a shared directory (prometheus_client's
multiprocess mode, PROMETHEUS_MULTIPROC_DIR, set by gunicorn_conf.py before this module is
imported), and a scrape of any worker sums them all: counters are whole and never go back,
whichever worker answers, and a dead worker's counts stay counted.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid

from flask import Flask, Response, g, has_request_context, request
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

REGISTRY = CollectorRegistry(auto_describe=True)
#: Decided when prometheus_client is first imported, as it decides where values live.
MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))
REQUEST_SECONDS = Histogram(
    "matchmaker_request_seconds",
    "Request latency",
    ["method", "endpoint", "status"],
    registry=REGISTRY,
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
ENCODE_SECONDS = Histogram(
    "matchmaker_encode_seconds", "Time to encode one batch", registry=REGISTRY
)
ENCODE_BATCH = Histogram(
    "matchmaker_encode_batch_size",
    "Texts per encode batch",
    registry=REGISTRY,
    buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024),
)
CACHE_EVENTS = Counter(
    "matchmaker_embedding_cache_total", "Embedding cache lookups", ["result"], registry=REGISTRY
)
INDEX_VECTORS = Gauge(
    "matchmaker_index_vectors",
    "Vectors in the match index (the largest of the live workers')",
    registry=REGISTRY,
    multiprocess_mode="livemax",
)


def record_encode(batch_size: int, seconds: float) -> None:
    ENCODE_SECONDS.observe(seconds)
    ENCODE_BATCH.observe(batch_size)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "ts": round(record.created, 3),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("request_id", "method", "path", "status", "ms"):
            if hasattr(record, key):
                payload[key] = getattr(record, key)
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


class RequestIdFilter(logging.Filter):
    """Every line logged while a request is served names its request id (the one a 500
    body gives the client), not only the access line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id") and has_request_context():
            record.request_id = g.get("request_id")
        return True


def configure_logging(app: Flask) -> None:
    root = logging.getLogger()
    if getattr(root, "_matchmaker_configured", False):
        return
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    if app.config["MATCHMAKER_LOG_JSON"]:
        handler.setFormatter(JsonFormatter())
    root.handlers = [handler]
    root.setLevel(app.config["MATCHMAKER_LOG_LEVEL"])
    root._matchmaker_configured = True  # type: ignore[attr-defined]


access_log = logging.getLogger("matchmaker.access")


def register_request_hooks(app: Flask) -> None:
    @app.before_request
    def _start() -> None:
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming[:64] if incoming.isprintable() and incoming else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def _finish(response: Response) -> Response:
        response.headers["X-Request-ID"] = g.get("request_id", "")
        elapsed = time.perf_counter() - g.get("started", time.perf_counter())
        endpoint = request.url_rule.rule if request.url_rule else "unmatched"
        REQUEST_SECONDS.labels(request.method, endpoint, str(response.status_code)).observe(elapsed)
        access_log.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": g.get("request_id"),
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "ms": round(elapsed * 1000, 2),
            },
        )
        return response


def record_cache_totals(totals: dict[str, int], reported: dict[str, int]) -> None:
    """Advance the cache counter to a pipeline's running totals; `reported` remembers what was
    counted already (Prometheus counters only go up)."""
    for result, value in totals.items():
        delta = value - reported.get(result, 0)
        if delta > 0:
            CACHE_EVENTS.labels(result).inc(delta)
            reported[result] = value


MATCH_RESULTS = Counter(
    "matchmaker_match_results_total",
    "Match lists answered from the per-process result cache (hit) or ranked (miss)",
    ["result"],
    registry=REGISTRY,
)


def record_match_result(result: str) -> None:
    MATCH_RESULTS.labels(result).inc()


def set_index_vectors(count: int) -> None:
    INDEX_VECTORS.set(count)


def metrics_response() -> Response:
    registry = REGISTRY
    if MULTIPROCESS:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    return Response(generate_latest(registry), mimetype="text/plain; version=0.0.4")
