"""The Flask application factory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask, current_app, g, request
from flask_smorest import abort

from matchmaker.config import Settings
from matchmaker.core.bodies import BufferedBodies
from matchmaker.extensions import api, db, limiter

PUBLIC_PREFIXES = (
    "/api/openapi.json",
    "/api/docs",
    "/api/static/",
    "/livez",
    "/readyz",
    "/metrics",
)

#: The OpenAPI document's tags (its table of contents, which generated clients turn into
#: modules), in order; each room's Blueprint lists its operations under one of them.
TAGS = [
    {
        "name": "organizations",
        "description": (
            "Start-ups, firms, institutes, investors, intermediaries and public bodies."
        ),
    },
    {"name": "offers", "description": "Funding, cooperation, space, programme and talent offers."},
    {"name": "matching", "description": "Ad-hoc search and match feedback."},
    {"name": "curation", "description": "Audit, introductions, keys."},
    {"name": "imports", "description": "Bulk import and export."},
    {"name": "analytics", "description": "Where the ecosystem is thin."},
    {"name": "system", "description": "Taxonomy and health."},
]


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app from the environment, overridden by `config` (tests)."""
    app = Flask(__name__, instance_path=_instance_path())
    app.config.update(Settings.load().as_flask_config())
    if config:
        app.config.update(config)
    if not app.config["SQLALCHEMY_DATABASE_URI"]:
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = (
            f"sqlite:///{Path(app.instance_path) / 'matchmaker.sqlite3'}"
        )
    check_production_settings(app)
    app.wsgi_app = BufferedBodies(app.wsgi_app, app.config)
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_request_hooks(app)
    register_commands(app)
    return app


def _instance_path() -> str:
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
    from matchmaker.matches.runtime import init_runtime
    from matchmaker.observability import configure_logging

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
    # Body limits and who is calling come before the rate limits (which count per verified
    # key); the limiter's own hook is registered by init_app, right after these.
    from matchmaker.observability import register_request_hooks as observe

    observe(app)  # request ids and timing first: every answer, a 413 or 429 too, has them
    app.before_request(_limit_body)
    app.before_request(_identify)
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
            # Erased data is overwritten, not left in free pages of the file.
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()
            # SQLite's own lower() folds ASCII only: "ÖLABSCHEIDER" would not find "öl".
            dbapi_connection.create_function("lower", 1, _lower, deterministic=True)


def _is_public() -> bool:
    """Probes, docs and preflights need no key; nor does a path that does not exist, so that
    it answers 404 rather than 401."""
    return (
        request.url_rule is None
        or request.path.startswith(PUBLIC_PREFIXES)
        or request.method == "OPTIONS"
    )


def _limit_body() -> None:
    """413 past the body limit, whatever the transfer encoding: the declared length is
    checked now, and the body stream is bounded, so a chunked body stops at the limit."""
    config = current_app.config
    import_path = request.path.startswith("/api/v1/import")
    limit = config[
        "MATCHMAKER_IMPORT_MAX_BODY_BYTES" if import_path else "MATCHMAKER_MAX_BODY_BYTES"
    ]
    request.max_content_length = limit
    if (request.content_length or 0) > limit:
        abort(413, message=f"Request body larger than {limit} bytes.")
    if request.environ.get("matchmaker.body_too_large"):
        abort(413, message=f"Request body larger than {limit} bytes.")
    if request.environ.get("matchmaker.body_timeout"):
        timeout = config["MATCHMAKER_BODY_TIMEOUT"]
        abort(408, message=f"The request body did not arrive within {timeout} seconds.")


def _identify() -> None:
    from matchmaker.access.web import identify_caller

    if not _is_public():
        identify_caller()


def _lower(value):
    return value.lower() if isinstance(value, str) else value


def register_blueprints(app: Flask) -> None:
    """Every room's views; importing them also connects the rooms' signal receivers."""
    from matchmaker.access.views import blp as access
    from matchmaker.analytics.views import blp as analytics
    from matchmaker.audit.views import blp as audit
    from matchmaker.curation.views import blp as curation
    from matchmaker.feedback.views import blp as feedback
    from matchmaker.imports.views import blp as imports
    from matchmaker.introductions.views import blp as introductions
    from matchmaker.jobs.views import blp as jobs
    from matchmaker.matches.views import blp as matches
    from matchmaker.offers.views import blp as offers
    from matchmaker.organizations.views import blp as organizations
    from matchmaker.privacy.views import blp as privacy
    from matchmaker.system.views import blp as system
    from matchmaker.system.views import metrics, swagger_asset

    api.declare_tags(TAGS)
    for blueprint in (
        organizations,
        offers,
        matches,
        feedback,
        privacy,
        curation,
        audit,
        introductions,
        access,
        imports,
        jobs,
        analytics,
        system,
    ):
        api.register_blueprint(blueprint)
    app.add_url_rule("/api/static/swagger-ui/<path:filename>", view_func=swagger_asset)
    app.add_url_rule("/metrics", view_func=metrics)
    limiter.exempt(metrics)


def register_error_handlers(app: Flask) -> None:
    from matchmaker.errors import register_error_handlers as register

    register(app)


def register_request_hooks(app: Flask) -> None:
    from matchmaker.access.web import require_caller

    @app.before_request
    def _authenticated() -> None:
        if not _is_public():
            require_caller()

    @app.before_request
    def _json_bodies() -> None:
        """A body sent without saying what it is gets 415, not "the name is missing"."""
        if (
            request.method in ("POST", "PUT", "PATCH")
            and request.content_length
            and not request.mimetype
            and request.url_rule is not None
        ):
            abort(
                415,
                message="Send the body with a Content-Type (application/json; text/csv or "
                "application/zip for imports).",
            )

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
        if g.get("content_language"):
            response.vary.add("Accept-Language")
            response.headers["Content-Language"] = g.content_language
        if response.status_code not in (429, 503):
            response.headers.pop("Retry-After", None)  # only where retrying later is the advice
        return response


def register_commands(app: Flask) -> None:
    """`flask --app matchmaker.app:create_app db-upgrade` for operators used to Flask."""
    import click

    @app.cli.command("db-upgrade")
    def db_upgrade() -> None:
        from matchmaker.migrations import upgrade_database

        upgrade_database(app)
        click.echo("database schema is current")
