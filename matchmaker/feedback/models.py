"""Feedback of an organisation on one of its match candidates."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import orm as so

from matchmaker.core.time import utcnow
from matchmaker.extensions import db


class Feedback(db.Model):
    __tablename__ = "feedback"
    __table_args__ = (sa.UniqueConstraint("organization_id", "candidate_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True, autoincrement=True)
    organization_id: so.Mapped[str] = so.mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    candidate_type: so.Mapped[str] = so.mapped_column(sa.String(20))
    candidate_id: so.Mapped[str] = so.mapped_column(sa.String(32), index=True)
    verdict: so.Mapped[str] = so.mapped_column(sa.String(20))
    actor: so.Mapped[str] = so.mapped_column(sa.String(100))
    created_at: so.Mapped[datetime] = so.mapped_column(sa.DateTime(timezone=True), default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(sa.DateTime(timezone=True), default=utcnow)
