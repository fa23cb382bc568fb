"""Extension singletons (database, API, rate limiter), attached to the app with init_app."""

from __future__ import annotations

from flask_limiter import Limiter
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base of every model."""


db = SQLAlchemy(model_class=Base)
api = Api()


def _rate_limit_key() -> str:
    # Imported lazily: auth imports models, which import this module.
    from matchmaker.auth import rate_limit_key

    return rate_limit_key()


limiter = Limiter(key_func=_rate_limit_key, headers_enabled=True)
