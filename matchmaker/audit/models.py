"""Audit log: who changed what and when, with the fields before and after."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm as so

from matchmaker.core.time import utcnow
from matchmaker.extensions import db


class AuditEvent(db.Model):
    __tablename__ = "audit_events"

    id: so.Mapped[int] = so.mapped_column(primary_key=True, autoincrement=True)
    entity_type: so.Mapped[str] = so.mapped_column(sa.String(20))
    entity_id: so.Mapped[str] = so.mapped_column(sa.String(32), index=True)
    action: so.Mapped[str] = so.mapped_column(sa.String(20))
    actor: so.Mapped[str] = so.mapped_column(sa.String(100))
    actor_key_id: so.Mapped[str | None] = so.mapped_column(sa.String(32))
    changes: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict)
    at: so.Mapped[datetime] = so.mapped_column(sa.DateTime(timezone=True), default=utcnow)
