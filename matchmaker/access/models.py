"""API keys: stored as SHA-256 hashes of high-entropy tokens, bound to a role."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import sqlalchemy as sa
from sqlalchemy import orm as so

from matchmaker.core.db import new_id
from matchmaker.core.time import utcnow
from matchmaker.extensions import db


class ApiKey(db.Model):
    __tablename__ = "api_keys"

    id: so.Mapped[str] = so.mapped_column(
        sa.String(32), primary_key=True, default=partial(new_id, "key")
    )
    prefix: so.Mapped[str] = so.mapped_column(sa.String(16), unique=True)
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64))
    role: so.Mapped[str] = so.mapped_column(sa.String(20))
    label: so.Mapped[str] = so.mapped_column(sa.String(100), default="")
    organization_id: so.Mapped[str | None] = so.mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE")
    )
    created_at: so.Mapped[datetime] = so.mapped_column(sa.DateTime(timezone=True), default=utcnow)
    revoked_at: so.Mapped[datetime | None] = so.mapped_column(sa.DateTime(timezone=True))
