"""Extension singletons (database, API, rate limiter), attached to the app with init_app."""

from __future__ import annotations

from flask_limiter import Limiter
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base of every model."""


class MatchmakerApi(Api):
    """flask-smorest's Api whose error bodies always carry a readable `message`."""

    def handle_http_exception(self, error):
        payload, code, headers = super().handle_http_exception(error)
        if "message" not in payload:
            errors = payload.get("errors")
            if errors:
                fields = sorted(
                    f"{field}"
                    for location in errors.values()
                    if isinstance(location, dict)
                    for field in location
                )
                payload["message"] = "Invalid input: " + ", ".join(fields) + "."
            else:
                payload["message"] = error.description or error.name
        return payload, code, headers


db = SQLAlchemy(model_class=Base)
api = MatchmakerApi()


def _rate_limit_key() -> str:
    # Imported lazily: auth imports models, which import this module.
    from matchmaker.auth import rate_limit_key

    return rate_limit_key()


limiter = Limiter(key_func=_rate_limit_key, headers_enabled=True)
