"""Taxonomy, health (liveness, readiness) and the self-hosted API docs assets."""

from __future__ import annotations

import time

import sqlalchemy as sa
from flask import current_app, send_from_directory
from flask.views import MethodView

from matchmaker.api.common import Blueprint
from matchmaker.extensions import db
from matchmaker.runtime import get_runtime
from matchmaker.taxonomy import taxonomy_document

blp = Blueprint("system", __name__, description="Taxonomy and health.")


@blp.route("/api/v1/taxonomy")
class Taxonomy(MethodView):
    @blp.response(200)
    def get(self):
        """Themes, districts (with municipalities), kinds, stages, offer kinds, statuses (de/en)"""
        return taxonomy_document()


def readiness() -> tuple[dict, int]:
    """Database, Redis and model separately: Redis down is degraded, the database down is not
    ready."""
    checks: dict[str, dict] = {}
    started = time.perf_counter()
    try:
        db.session.execute(sa.text("SELECT 1"))
        checks["database"] = {"status": "ok"}
    except Exception as exc:  # noqa: BLE001
        db.session.rollback()
        checks["database"] = {"status": "down", "error": type(exc).__name__}
    runtime = get_runtime()
    try:
        runtime.redis.ping()
        checks["redis"] = {"status": "ok"}
    except Exception as exc:  # noqa: BLE001
        checks["redis"] = {"status": "down", "error": type(exc).__name__}
    pipeline = runtime._pipeline
    checks["model"] = {
        "status": "ok" if pipeline is not None and pipeline.encoder.loaded else "not_loaded",
        "model": current_app.config["MATCHMAKER_EMBEDDING_MODEL"],
    }
    index = runtime._index
    checks["index"] = index.stats() if index is not None and index.loaded else {"status": "cold"}
    if checks["database"]["status"] != "ok":
        status, code = "unavailable", 503
    elif checks["redis"]["status"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    checks["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return {"status": status, "checks": checks}, code


@blp.route("/livez")
class Liveness(MethodView):
    @blp.doc(security=[])  # public: probes carry no key
    @blp.response(200)
    def get(self):
        """Liveness: the process answers"""
        return {"status": "ok"}


@blp.route("/readyz")
class Readiness(MethodView):
    @blp.doc(security=[])  # public: probes carry no key
    @blp.response(200)
    def get(self):
        """Readiness: database, Redis and model, each reported; Redis down = degraded"""
        return readiness()


def swagger_asset(filename: str):
    """Serve the Swagger UI assets from the installed package (no CDN); registered on the app
    as a plain route, since it is no part of the API's own document."""
    import swagger_ui_bundle

    return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename, max_age=86400)
