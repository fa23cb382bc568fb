"""Readiness (database, Redis, model, index) and the metrics scrape."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from flask import Response, current_app

from matchmaker import observability
from matchmaker.extensions import db
from matchmaker.matches import service as matches


def readiness() -> tuple[dict[str, Any], int]:
    """Database, Redis and model separately: Redis down is degraded, the database down is not
    ready."""
    checks: dict[str, Any] = {}
    started = time.perf_counter()
    try:
        db.session.execute(sa.text("SELECT 1"))
        checks["database"] = {"status": "ok"}
    except Exception as exc:  # noqa: BLE001
        db.session.rollback()
        checks["database"] = {"status": "down", "error": type(exc).__name__}
    try:
        matches.redis_ping()
        checks["redis"] = {"status": "ok"}
    except Exception as exc:  # noqa: BLE001
        checks["redis"] = {"status": "down", "error": type(exc).__name__}
    checks["model"] = {
        "status": "ok" if matches.model_loaded() else "not_loaded",
        "model": current_app.config["MATCHMAKER_EMBEDDING_MODEL"],
    }
    checks["index"] = matches.index_report() or {"status": "cold"}
    if checks["database"]["status"] != "ok":
        status, code = "unavailable", 503
    elif checks["redis"]["status"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    checks["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return {"status": status, "checks": checks}, code


def metrics() -> Response:
    """The Prometheus scrape, with this process's cache and index figures brought up to date."""
    matches.report_cache_metrics(observability.record_cache_totals)
    report = matches.index_report()
    if report is not None:
        observability.set_index_vectors(report["vectors"])
    return observability.metrics_response()
