"""Column helpers shared by the models: ids, UTC timestamps."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now, timezone-aware UTC (stored naive-UTC by SQLite, timestamptz by PostgreSQL)."""
    return datetime.now(UTC)


def new_id(prefix: str) -> str:
    """A server-assigned id such as `org_5f0c2a9e1b7d4c3a`."""
    return f"{prefix}_{secrets.token_hex(8)}"


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes: read them as UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def themes_key(themes: list[str] | None) -> str:
    """ ",green_tech,it_ai,": the column a theme filter matches with a portable LIKE."""
    return "," + ",".join(themes or []) + ","
