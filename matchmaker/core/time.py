"""UTC time helpers: aware timestamps in, ISO 8601 out, naive SQLite values read as UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any


def utcnow() -> datetime:
    """Now, timezone-aware UTC (stored naive-UTC by SQLite, timestamptz by PostgreSQL)."""
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes: read them as UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def utc_iso(value: datetime | None) -> str | None:
    """An RFC 3339 timestamp with its offset (`+00:00`), or None."""
    return None if value is None else as_utc(value).isoformat()


def jsonable(value: Any) -> Any:
    """Dates and timestamps inside nested dicts and lists as ISO strings (for JSON bodies)."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime):
        return utc_iso(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
