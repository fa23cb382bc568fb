"""Introduction between two organisations, moderated by the agency."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import sqlalchemy as sa
from sqlalchemy import orm as so

from matchmaker.core.db import new_id
from matchmaker.core.time import utcnow
from matchmaker.extensions import db


class Introduction(db.Model):
    __tablename__ = "introductions"

    id: so.Mapped[str] = so.mapped_column(
        sa.String(32), primary_key=True, default=partial(new_id, "int")
    )
    from_organization_id: so.Mapped[str] = so.mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    to_organization_id: so.Mapped[str] = so.mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    message: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    status: so.Mapped[str] = so.mapped_column(sa.String(20), default="requested")
    requested_by: so.Mapped[str] = so.mapped_column(sa.String(100))
    decided_by: so.Mapped[str | None] = so.mapped_column(sa.String(100))
    created_at: so.Mapped[datetime] = so.mapped_column(sa.DateTime(timezone=True), default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(sa.DateTime(timezone=True), default=utcnow)
