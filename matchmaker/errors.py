"""Domain errors (no HTTP in them) and the one error body every failure answers with."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

logger = logging.getLogger(__name__)


class DomainError(Exception):
    """Root of the errors services raise; `errors` names the offending fields by location
    (`{"json": {"stage": ["..."]}}`), as the portal shows them next to its form fields."""

    def __init__(self, message: str, *, errors: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class Invalid(DomainError):
    """The input breaks a rule the schema cannot state (depends on stored data)."""


class NotFound(DomainError):
    """No such record, or one the caller may not know exists."""


class Forbidden(DomainError):
    """The caller's role may not do this."""


class Conflict(DomainError):
    """The change collides with stored data (a unique value, a state transition)."""


class PreconditionFailed(DomainError):
    """The record changed since the caller read it (a stale If-Match or a concurrent write)."""


#: How the web edge answers each domain error; the most specific class wins.
HTTP_STATUS: dict[type[DomainError], int] = {
    Invalid: 422,
    NotFound: 404,
    Forbidden: 403,
    Conflict: 409,
    PreconditionFailed: 412,
    DomainError: 400,
}


def status_of(error: DomainError) -> int:
    for cls in type(error).__mro__:
        if cls in HTTP_STATUS:
            return HTTP_STATUS[cls]
    return 400


def error_body(
    status: int, message: str, errors: dict | None = None, headers: dict | None = None
) -> tuple[dict[str, Any], int, dict]:
    """`{code, status, message, errors}`: the shape of every error answer."""
    body: dict[str, Any] = {
        "code": status,
        "status": HTTPStatus(status).phrase,
        "message": message,
        "errors": errors or {},
    }
    return body, status, headers or {}


def register_error_handlers(app) -> None:
    """Map domain errors, database outages and anything unexpected onto the one body."""
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.exc import TimeoutError as PoolTimeout
    from werkzeug.exceptions import HTTPException

    from matchmaker.extensions import db

    @app.errorhandler(DomainError)
    def _domain_error(exc: DomainError):
        return error_body(status_of(exc), exc.message, exc.errors)

    @app.errorhandler(OperationalError)
    @app.errorhandler(PoolTimeout)
    def _database_down(exc: Exception):
        db.session.rollback()
        logger.error("database unavailable: %s", exc.__class__.__name__)
        return error_body(
            503, "The database is unavailable; retry shortly.", {}, headers={"Retry-After": "5"}
        )

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        if isinstance(exc, HTTPException):
            return exc
        logger.exception("unhandled error")
        db.session.rollback()
        return error_body(500, "Internal error; the request id identifies it in the logs.")

    @app.errorhandler(RecursionError)
    def _too_deep(exc):
        return error_body(
            400,
            "The JSON body is nested too deeply.",
            {"json": {"_schema": ["Nested too deeply."]}},
        )

    @app.errorhandler(413)
    def _too_large(exc):
        return error_body(413, "Request body too large.")

    @app.errorhandler(429)
    def _rate_limited(exc):
        return error_body(429, f"Rate limit exceeded: {exc.description}")
