"""The Flask application factory."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask, g, request
from flask_smorest import abort
from werkzeug.exceptions import HTTPException

from matchmaker.config import Settings
from matchmaker.extensions import api, db, limiter

logger = logging.getLogger(__name__)

PUBLIC_PREFIXES = (
    "/api/openapi.json",
    "/api/docs",
    "/api/static/",
    "/livez",
    "/readyz",
    "/metrics",
)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app from the environment, overridden by `config` (tests)."""
    app = Flask(__name__, instance_path=_instance_path())
    app.config.update(Settings().as_flask_config())
    if config:
        app.config.update(config)
    if not app.config["SQLALCHEMY_DATABASE_URI"]:
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = (
            f"sqlite:///{Path(app.instance_path) / 'matchmaker.sqlite3'}"
        )
    check_production_settings(app)
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_request_hooks(app)
    register_commands(app)
    return app


def _instance_path() -> str:
    import os

    return os.environ.get("MATCHMAKER_INSTANCE_PATH") or str(Path.cwd() / "instance")


def check_production_settings(app: Flask) -> None:
    """Refuse to run production with debug on or without a configured secret."""
    if app.config["MATCHMAKER_ENV"] != "production":
        return
    if app.config["DEBUG"]:
        raise RuntimeError("MATCHMAKER_DEBUG must be off in production.")
    if not app.config["MATCHMAKER_SECRET_CONFIGURED"]:
        raise RuntimeError("Set MATCHMAKER_SECRET_KEY in production.")


def register_extensions(app: Flask) -> None:
    from matchmaker.observability import configure_logging
    from matchmaker.runtime import init_runtime

    configure_logging(app)
    db.init_app(app)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        _sqlite_pragmas(app)
    api.init_app(app)
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config["REDIS_URL"])
    app.config.setdefault(
        "RATELIMIT_STORAGE_OPTIONS", {"socket_timeout": 0.25, "socket_connect_timeout": 0.25}
    )
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    app.config.setdefault("RATELIMIT_DEFAULT", app.config["MATCHMAKER_RATE_LIMIT"])
    app.config.setdefault("RATELIMIT_KEY_PREFIX", app.config["MATCHMAKER_REDIS_PREFIX"] + ":rl")
    limiter.init_app(app)
    init_runtime(app)
    if app.config["MATCHMAKER_CORS_ORIGINS"]:
        from flask_cors import CORS

        CORS(
            app,
            origins=app.config["MATCHMAKER_CORS_ORIGINS"],
            expose_headers=["ETag", "X-Request-ID"],
        )


def _sqlite_pragmas(app: Flask) -> None:
    import sqlalchemy as sa

    with app.app_context():
        engine = db.engine

        @sa.event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()


def register_blueprints(app: Flask) -> None:
    from matchmaker.api.analytics import blp as analytics_blp
    from matchmaker.api.curation import blp as curation_blp
    from matchmaker.api.imports import blp as imports_blp
    from matchmaker.api.matching.views import blp as matching_blp
    from matchmaker.api.offers.resources import blp as offers_blp
    from matchmaker.api.organizations.resources import blp as organizations_blp
    from matchmaker.api.system import blp as system_blp

    for blueprint in (
        organizations_blp,
        offers_blp,
        matching_blp,
        curation_blp,
        imports_blp,
        analytics_blp,
        system_blp,
    ):
        api.register_blueprint(blueprint)

    from matchmaker.api.system import swagger_asset

    app.add_url_rule("/api/static/swagger-ui/<path:filename>", view_func=swagger_asset)

    @app.get("/metrics")
    def metrics():
        from matchmaker.observability import metrics_response

        return metrics_response(app)

    limiter.exempt(metrics)


def register_error_handlers(app: Flask) -> None:
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    from matchmaker.services import ServiceError

    @app.errorhandler(ServiceError)
    def _service_error(exc: ServiceError):
        return _error_body(exc.status, exc.message, exc.errors)

    @app.errorhandler(OperationalError)
    @app.errorhandler(PoolTimeout)
    def _database_down(exc: Exception):
        db.session.rollback()
        logger.error("database unavailable: %s", exc.__class__.__name__)
        return _error_body(
            503, "The database is unavailable; retry shortly.", {}, headers={"Retry-After": "5"}
        )

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        if isinstance(exc, HTTPException):
            return exc
        logger.exception("unhandled error")
        db.session.rollback()
        return _error_body(500, "Internal error; the request id identifies it in the logs.", {})

    @app.errorhandler(413)
    def _too_large(exc):
        return _error_body(413, "Request body too large.", {})

    @app.errorhandler(429)
    def _rate_limited(exc):
        return _error_body(429, f"Rate limit exceeded: {exc.description}", {})


def _error_body(status: int, message: str, errors: dict, headers: dict | None = None):
    from http import HTTPStatus

    body = {"code": status, "status": HTTPStatus(status).phrase, "message": message}
    if errors:
        body["errors"] = errors
    return body, status, headers or {}


def register_request_hooks(app: Flask) -> None:
    from matchmaker.auth import authenticate_request
    from matchmaker.observability import register_request_hooks as observe

    observe(app)

    @app.before_request
    def _limits_and_auth() -> None:
        path = request.path
        limit = app.config["MATCHMAKER_MAX_BODY_BYTES"]
        if not path.startswith("/api/v1/import") and (request.content_length or 0) > limit:
            abort(413, message=f"Request body larger than {limit} bytes.")
        if path.startswith(PUBLIC_PREFIXES) or request.method == "OPTIONS":
            return
        authenticate_request()

    @app.after_request
    def _security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.path.startswith("/api/docs"):
            response.headers.setdefault(
                "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"
            )
        response.headers.setdefault("Cache-Control", "no-store")
        if g.get("principal") is not None:
            response.vary.add("Authorization")
        return response


def register_commands(app: Flask) -> None:
    from matchmaker.cli import register_flask_commands

    register_flask_commands(app)
